"""Pages read only the columns their nodes' selected fields need (schema/core/columns.py,
resolvers/core/pages.py `page_of`): the statements, the answers (each field of Opportunity
and NewsItem asked alone through a page answers as with whole rows), and what a row read for
a column it was not given does (it fails, loudly)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from graphql import (
    GraphQLField,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
    is_leaf_type,
    is_non_null_type,
)

import schema.core.columns as columns_module
from hub.db import models as m
from resolvers.core.pages import rows_of, union_of
from schema.build import build_schema
from schema.content.columns import NEWS_ITEM_COLUMNS
from schema.core.columns import NodeColumns
from schema.opportunities.columns import OPPORTUNITY_COLUMNS
from tests.conftest import Database, HubClient
from tests.principals import TENANT, cast

Q1 = """{ opportunities(first: 100) {
  edges { node { id title startsAtDisplay spotsLeft tenant { name } organization { name } } }
  pageInfo { endCursor hasNextPage } } }"""
Q2 = """{ news(first: 50) { edges { node { id title summary publishedAtDisplay
  tenant { name } } } pageInfo { endCursor hasNextPage } } }"""

# What the page statement of each list is recognised by (its ORDER BY), and its table.
PAGES = {
    "opportunities": ("ORDER BY opportunity.id DESC", "opportunity"),
    "news": ("ORDER BY news_item.published_at DESC", "news_item"),
}


def selected(client: HubClient, list_name: str) -> set[str]:
    """The columns of its table that the list's page statement of the last request
    selected (its select list, not its WHERE)."""
    order_by, table = PAGES[list_name]
    (statement,) = [s for s in client.counter.statements if order_by in s]
    select_list = re.split(r"\sFROM\s", statement, maxsplit=1)[0]
    return set(re.findall(rf"\b{table}\.(\w+)", select_list))


def run(client: HubClient, query: str, headers: dict[str, str] | None = None
        ) -> dict[str, Any]:
    client.counter.statements.clear()
    return client.post(query, headers=headers)


@pytest.fixture
def whole_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page reads whole rows, as before pages named their columns."""
    monkeypatch.setattr(columns_module, "_columns", lambda reads, fields: None)


# --- the statements ------------------------------------------------------------------------

def test_q1_selects_only_what_its_fields_read(client: HubClient) -> None:
    body = run(client, Q1)
    assert "errors" not in body and body["data"]["opportunities"]["edges"]
    assert selected(client, "opportunities") == {
        "id", "tenant_id", "starts_at", "capacity", "filled_spots", "organization_id"}
    everything = set(m.Opportunity.__table__.c.keys())
    assert {"contact_email", "contact_phone", "sync_digest", "external_id",
            "created_at"} <= everything - selected(client, "opportunities")


def test_a_selected_field_adds_its_columns(client: HubClient) -> None:
    run(client, Q1.replace("spotsLeft", "spotsLeft format contact { email }"))
    assert selected(client, "opportunities") == {
        "id", "tenant_id", "starts_at", "capacity", "filled_spots", "organization_id",
        "format", "contact_name", "contact_email", "contact_phone"}


def test_q2_selects_only_what_its_fields_read(client: HubClient) -> None:
    body = run(client, Q2)
    assert "errors" not in body and body["data"]["news"]["edges"]
    assert selected(client, "news") == {"id", "tenant_id", "published_at"}
    run(client, Q2.replace("summary", "summary tags author"))
    assert selected(client, "news") == {"id", "tenant_id", "published_at", "tags",
                                        "author_name"}


def test_only_paging_selects_the_ordering_and_the_ids(client: HubClient) -> None:
    run(client, "{ news(first: 5) { pageInfo { endCursor } totalCount } }")
    assert selected(client, "news") == {"id", "tenant_id", "published_at"}


def test_whole_rows_without_the_map(client: HubClient, whole_rows: None) -> None:
    run(client, Q1)
    assert selected(client, "opportunities") == set(m.Opportunity.__table__.c.keys())


def test_pages_of_one_tick_stay_one_statement(client: HubClient) -> None:
    """Two pages of the same list with other selections: one statement, both answered."""
    query = """{ a: opportunities(first: 3) { edges { node { id format } } }
      b: opportunities(first: 3) { edges { node { id capacity } } } }"""
    body = run(client, query)
    assert "errors" not in body
    pages = [s for s in client.counter.statements if PAGES["opportunities"][0] in s]
    assert len(pages) == 1
    assert [e["node"]["id"] for e in body["data"]["a"]["edges"]] == \
        [e["node"]["id"] for e in body["data"]["b"]["edges"]]


def test_a_relevance_page_reads_its_columns_and_its_ranks(
        client: HubClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """A search's page joins its ranks to the rows: the same answers, narrowed rows."""
    titles = client.data("{ opportunities(first: 20) { edges { node { title } } } }")
    word = max((w for e in titles["opportunities"]["edges"]
                for w in e["node"]["title"].split() if w.isalpha()), key=len)
    query = """query($s: String) { opportunities(first: 10, filter: {search: $s}) {
      totalCount edges { cursor node { id title spotsLeft } } pageInfo { endCursor } } }"""
    client.counter.statements.clear()
    narrow = client.post(query, {"s": word})
    statements = " ".join(client.counter.statements)
    assert "opportunity.filled_spots" in statements
    assert "opportunity.contact_email" not in statements
    with monkeypatch.context() as whole:
        whole.setattr(columns_module, "_columns", lambda reads, fields: None)
        client.counter.statements.clear()
        wide = client.post(query, {"s": word})
        assert "opportunity.contact_email" in " ".join(client.counter.statements)
    assert narrow == wide and "errors" not in narrow
    assert narrow["data"]["opportunities"]["edges"]


# --- every field alone, against whole rows ---------------------------------------------------

def leaves(type_: GraphQLObjectType) -> str:
    """A selection of `type_`: its leaf fields that need no argument."""
    names = [name for name, field in type_.fields.items()
             if is_leaf_type(get_named_type(field.type))
             and not any(is_non_null_type(a.type) and a.default_value is None
                         for a in field.args.values())]
    return " ".join(names) or "__typename"


def selection(name: str, field: GraphQLField) -> str:
    named = get_named_type(field.type)
    if isinstance(named, GraphQLObjectType):
        return f"{name} {{ {leaves(named)} }}"
    return name


def fields_of(schema: GraphQLSchema, type_name: str) -> list[tuple[str, str]]:
    type_ = schema.type_map[type_name]
    assert isinstance(type_, GraphQLObjectType)
    return [(name, selection(name, field)) for name, field in type_.fields.items()]


SCHEMA = build_schema()._schema
LISTS = {
    "Opportunity": ("opportunities", f'opportunities(first: 40, filter: {{tenants: ["{TENANT}"]}})',
                    OPPORTUNITY_COLUMNS),
    "NewsItem": ("news", f'news(first: 40, tenants: ["{TENANT}"])', NEWS_ITEM_COLUMNS),
}
CASES = [(type_name, name, picked) for type_name in LISTS
         for name, picked in fields_of(SCHEMA, type_name)]


@pytest.fixture(scope="module")
def principals(backend: Database) -> dict[str, dict[str, str]]:
    headers = cast(backend).headers
    return {"admin": headers["admin"], "self": headers["self"],
            "anonymous": headers["anonymous"]}


def test_every_declared_name_is_a_field() -> None:
    for type_name, (_, _, reads) in LISTS.items():
        type_ = SCHEMA.type_map[type_name]
        assert isinstance(type_, GraphQLObjectType)
        assert set(reads.fields) - {"__typename"} <= set(type_.fields), type_name


@pytest.mark.parametrize(("type_name", "field", "picked"), CASES,
                         ids=[f"{t}.{f}" for t, f, _ in CASES])
def test_each_field_alone_answers_as_with_whole_rows(
        client: HubClient, principals: dict[str, dict[str, str]], monkeypatch: pytest.MonkeyPatch,
        type_name: str, field: str, picked: str) -> None:
    list_name, call, reads = LISTS[type_name]
    query = f"{{ {call} {{ edges {{ node {{ {picked} }} }} }} }}"
    table = reads.table
    for who, headers in principals.items():
        narrow = run(client, query, headers)
        columns = selected(client, list_name)
        with monkeypatch.context() as whole:
            whole.setattr(columns_module, "_columns", lambda reads, fields: None)
            wide = run(client, query, headers)
            assert selected(client, list_name) == set(table.c.keys())
        assert narrow == wide, (field, who)
        assert narrow["data"][list_name]["edges"], (field, who)
        if field in reads.fields:
            assert columns < set(table.c.keys()), field
            assert reads.fields[field] <= columns, field
        if who == "admin":  # every field is the admin's own tenant's: no error
            assert "errors" not in narrow, (field, narrow["errors"])


# --- too few columns fail loudly -----------------------------------------------------------

def test_a_column_not_selected_is_an_error_not_a_value(
        client: HubClient, monkeypatch: pytest.MonkeyPatch) -> None:
    """Declared too short (spotsLeft without capacity and filled_spots): the field errs."""
    monkeypatch.setattr(columns_module, "_columns",
                        lambda reads, fields: frozenset({"id", "tenant_id"}))
    body = run(client, "{ opportunities(first: 5) { edges { node { id spotsLeft } } } }")
    assert selected(client, "opportunities") == {"id", "tenant_id"}
    assert body["errors"] and all(e["path"][-1] == "spotsLeft" and
                                  e["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
                                  for e in body["errors"])


# --- the parts ---------------------------------------------------------------------------

def test_an_undeclared_field_means_the_whole_row() -> None:
    reads = NodeColumns.of(m.NewsItem.__table__, ("id",), {"tags": ("tags",)})
    assert reads.columns(frozenset({"tags"})) == frozenset({"id", "tags"})
    assert reads.columns(frozenset({"tags", "somethingNew"})) is None
    assert reads.columns(frozenset()) == frozenset({"id"})


def test_a_declared_column_must_exist() -> None:
    with pytest.raises(ValueError, match="no column sumary"):
        NodeColumns.of(m.NewsItem.__table__, ("id",), {"summary": ("sumary",)})
    with pytest.raises(ValueError, match="no column nope"):
        rows_of(m.NewsItem.__table__, frozenset({"id", "nope"}))


def test_statements_are_built_once_per_table_and_columns() -> None:
    table = m.Opportunity.__table__
    assert rows_of(table, frozenset({"id", "format"})) is rows_of(table, frozenset({"format", "id"}))
    assert str(rows_of(table, None)) == str(rows_of(table, frozenset(table.c.keys())))
    assert rows_of.cache_info().maxsize is not None


def test_a_batch_selects_the_union_or_whole_rows() -> None:
    from hub.paging import PageRequest
    from resolvers.core.pages import PageKey

    request = PageRequest(5, None)
    a = PageKey(None, request, None, frozenset({"format"}))
    b = PageKey(1, request, None, frozenset({"capacity"}))
    assert union_of([a, b], frozenset({"id"})) == frozenset({"id", "format", "capacity"})
    assert union_of([a, PageKey(2, request, None)], frozenset({"id"})) is None


TENANT_PAGES = """query($slug: String!) { tenant(slug: $slug) {
  opportunities(first: 5) { edges { node { id spotsLeft } } }
  news(first: 3) { edges { node { id title } } } } }"""


def _reads(client: HubClient, column: str) -> bool:
    return any(column in re.split(r"\sFROM\s", s, maxsplit=1)[0]
               for s in client.counter.statements)


def test_a_tenants_pages_read_only_their_columns_too(client: HubClient) -> None:
    client.counter.statements.clear()
    data = client.data(TENANT_PAGES, {"slug": TENANT})
    assert data["tenant"]["opportunities"]["edges"] and data["tenant"]["news"]["edges"]
    assert _reads(client, "opportunity.capacity")
    assert not _reads(client, "opportunity.contact_email")
    assert not _reads(client, "news_item.author_name")


def test_a_tenants_pages_read_whole_rows_without_the_map(client: HubClient,
                                                         whole_rows: None) -> None:
    client.counter.statements.clear()
    client.data(TENANT_PAGES, {"slug": TENANT})
    assert _reads(client, "opportunity.contact_email")
    assert _reads(client, "news_item.author_name")
