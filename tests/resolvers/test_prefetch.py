"""Page prefetch (schema/prefetch.py): a page's nodes find their texts and relations already
loaded and complete at once; other roads still load on demand; the answers are the same."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

import pytest

from resolvers.core.loaders import KeyedLoader, RowsByKeyLoader
from tests.conftest import HubClient


@pytest.fixture
def readiness(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each `now_or_later` found its value already loaded."""
    seen: list[bool] = []
    original = KeyedLoader.ready

    def ready(self: KeyedLoader, key: Any) -> tuple[bool, Any]:
        found = original(self, key)
        seen.append(found[0])
        return found

    monkeypatch.setattr(KeyedLoader, "ready", ready)
    holding = RowsByKeyLoader.narrowed_holding

    def narrowed_holding(self: RowsByKeyLoader, name: str, key: Any) -> tuple[bool, Any]:
        found = holding(self, name, key)
        if found[0]:  # a text field served from a page's narrowed rows
            seen.append(True)
        return found

    monkeypatch.setattr(RowsByKeyLoader, "narrowed_holding", narrowed_holding)
    return seen


PAGE = """{ opportunities(first: 30) { edges { node { id title summary organization { name }
  category { code label } } } } }"""

FRAGMENTS = """query { opportunities(first: 30) { edges { node { ...Card } } } }
fragment Card on Opportunity { id t: title ... on Opportunity { org: organization { name } } }"""


def test_a_page_completes_from_prefetched_rows(client: HubClient,
                                                readiness: list[bool]) -> None:
    data = client.data(PAGE)
    edges = data["opportunities"]["edges"]
    assert len(edges) == 30 and all(e["node"]["title"] for e in edges)
    # title, summary, organization (where set) and category per node, all found loaded.
    assert len(readiness) >= 3 * 30 and all(readiness)
    assert any(e["node"]["organization"] for e in edges)


def test_fragments_and_aliases_are_followed(client: HubClient, readiness: list[bool]) -> None:
    data = client.data(FRAGMENTS)
    assert all(e["node"]["t"] for e in data["opportunities"]["edges"])
    assert len(readiness) >= 30 and all(readiness)


def test_nested_pages_and_news_are_prefetched(client: HubClient,
                                              readiness: list[bool]) -> None:
    data = client.data("""{ tenants { opportunities(first: 3) { edges { node { title } } }
      news(first: 3) { edges { node { title summary } } } }
      news(first: 10) { edges { node { title } } } events(first: 5) { edges { node { title } } } }""")
    assert data["news"]["edges"] and data["events"]["edges"]
    assert readiness and all(readiness)


def test_other_roads_load_on_demand_with_the_same_answer(client: HubClient,
                                                         readiness: list[bool]) -> None:
    page = client.data(PAGE)["opportunities"]["edges"]
    readiness.clear()
    first = page[0]["node"]
    one = client.data("""query($id: ID!) { opportunity(id: $id) { id title summary
      organization { name } category { code label } } }""", {"id": first["id"]})
    assert one["opportunity"] == first
    assert readiness and not any(readiness)  # nothing prefetched here: awaited, same values


def test_a_failed_prefetch_fails_only_its_fields(client: HubClient,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.db import models as m
    from resolvers.core.loaders import RowByKeyLoader

    original = RowByKeyLoader.batch_load_fn

    async def failing(self: RowByKeyLoader, keys: list[Any]) -> list[Any]:
        if self.column.class_ is m.Organization:
            raise RuntimeError("organizations unavailable")
        return await original(self, keys)

    monkeypatch.setattr(RowByKeyLoader, "batch_load_fn", failing)
    body = client.post("{ opportunities(first: 10) { pageInfo { endCursor } edges { node { "
                       "title organization { name } } } } }")
    page = body["data"]["opportunities"]
    assert page["pageInfo"]["endCursor"] and all(e["node"]["title"] for e in page["edges"])
    failed = [e for e in page["edges"] if e["node"]["organization"] is None]
    assert failed and body["errors"]
    assert all(err["path"][-1] == "organization" for err in body["errors"])
    assert "organizations unavailable" not in str(body["errors"])  # masked, as any failure


def test_a_cancelled_load_is_loaded_again() -> None:
    class Squares(KeyedLoader):
        async def batch_load_fn(self, keys: list[int]) -> list[int]:
            return [k * k for k in keys]

    async def scenario() -> int:
        from schema.core.prefetch import prefetch

        loader = Squares()
        task = asyncio.ensure_future(prefetch((loader, [2, 3])))
        await asyncio.sleep(0)  # the prefetch has queued its loads
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        value: int = await loader.load(3)
        return value

    assert asyncio.run(scenario()) == 9


def test_a_request_builds_one_tenant_object_per_tenant(client: HubClient,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from schema.tenants.types import Tenant

    built: list[int] = []
    original = Tenant.of.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Tenant], row: Any) -> Tenant:
        built.append(row.id)
        made: Tenant = original(cls, row)
        return made

    monkeypatch.setattr(Tenant, "of", classmethod(counted))
    data = client.data("""{ opportunities(first: 40) { edges { node { tenant { name }
      organization { tenant { slug } } } } } }""")
    names = [e["node"]["tenant"]["name"] for e in data["opportunities"]["edges"]]
    assert len(names) == 40 and len(set(names)) > 1
    assert sorted(built) == sorted(set(built))  # each tenant once in the request
    assert len(built) >= len(set(names))
    built.clear()
    client.data("{ opportunities(first: 5) { edges { node { tenant { name } } } } }")
    assert built, "a new request builds its own"


def test_a_volunteer_page_loads_the_memberships_its_personal_fields_check(
        client: HubClient, backend: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.db import models as m
    from hub.ids import decode_id
    from resolvers.core.loaders import RowsByKeyLoader
    from tests.principals import TENANT, cast

    filled: list[list[Any]] = []
    original = KeyedLoader.fill

    def fill(self: KeyedLoader, keys: list[Any]) -> Any:
        if isinstance(self, RowsByKeyLoader) and self.column is m.Membership.volunteer_id:
            filled.append(list(keys))
        return original(self, keys)

    monkeypatch.setattr(KeyedLoader, "fill", fill)
    staff = cast(backend).headers["coordinator"]
    page = """query($tenant: String!) { volunteers(first: 8, tenant: $tenant) {
      edges { node { id FIELDS } } } }"""
    data = client.data(page.replace("FIELDS", "displayName fullName"), {"tenant": TENANT},
                       staff)
    ids = [decode_id(e["node"]["id"])[1] for e in data["volunteers"]["edges"]]
    assert len(ids) == 8 and all(e["node"]["fullName"] for e in data["volunteers"]["edges"])
    assert filled == [ids]
    filled.clear()
    client.data(page.replace("FIELDS", "displayName"), {"tenant": TENANT}, staff)
    assert filled == []  # no personal field: nothing to check, nothing loaded


def _translation_selects(client: HubClient, query: str) -> tuple[list[str], int]:
    client.counter.statements.clear()
    data = client.data(query)
    assert data["news"]["edges"]
    selects = [s for s in client.counter.statements
               if "FROM news_item_translation" in s.replace('"', "")]
    return selects, client.counter.count


def test_a_page_reads_only_the_text_columns_its_nodes_ask_for(client: HubClient) -> None:
    titles, n_titles = _translation_selects(
        client, "{ news(first: 10) { edges { node { title titleI18n { value } } } } }")
    bodies, n_bodies = _translation_selects(
        client, "{ news(first: 10) { edges { node { title body } } } }")
    assert len(titles) == len(bodies) == 1 and n_titles == n_bodies  # one batch, no more
    columns = titles[0].split("FROM")[0]
    assert "title" in columns and "locale" in columns
    assert not any(c in columns for c in ("body", "summary", "updated_at", "source_digest"))
    assert "body" in bodies[0].split("FROM")[0]
    assert "summary" not in bodies[0].split("FROM")[0]


def test_the_translations_list_prefetches_whole_rows() -> None:
    from hub.db import models as m
    from resolvers.core.loaders import RowsByKeyLoader
    from schema.core.prefetch import text_loader

    async def scenario() -> None:  # a loader is made in the request's event loop
        whole = RowsByKeyLoader(None, m.NewsItemTranslation.news_item_id)  # type: ignore[arg-type]
        assert text_loader(frozenset({"title", "translations"}), whole) is whole
        narrow = text_loader(frozenset({"id", "titleI18n", "summary"}), whole)
        assert isinstance(narrow, RowsByKeyLoader) and narrow is not whole
        assert narrow.names == frozenset({"title", "summary", "locale"})
        assert text_loader(frozenset({"summary", "title", "id"}), whole) is narrow

    asyncio.run(scenario())
