"""Limits on a document, enforced before it runs (issue 12, point 1): tokens in the parser,
then aliases, directives, depth, duplicate fields and an estimated cost while it is
validated. Each has its own code and a localized message; a refused document runs no SQL
statement and costs well under 100 ms, however large (the token limit stops the parser at the
first token over it). Our own documents fit the defaults: tests/schema/test_default_limits.py.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from graphql import GraphQLSyntaxError, parse, validate
from sqlalchemy import event
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from hub.config import Settings
from hub.entry.app import create_app
from hub.i18n import message
from hub.i18n import messages as msg
from hub.i18n.markers import Plural
from schema import build_schema
from schema.core.document_cache import DocumentCache, weight
from schema.core.limits import DocumentLimits, limits_rule
from tests.conftest import Database, HubClient, StatementCounter

BUDGET = 0.1  # seconds: "well under 100 ms"
# Messages the catalogs do not translate yet (the lead adds them with the issue's others).
AWAITING_TRANSLATION = {msg.QUERY_TOO_MANY_DUPLICATES}
DEFAULTS = Settings.from_env({"HUB_DATABASE_URL": "sqlite+aiosqlite:///:memory:",
                              "HUB_DEV_KEY_FILE": "/nonexistent/dev-key.json"})



def test_the_defaults() -> None:
    """graphql-armor's: depth 6, aliases 15, tokens 1000, directives 50, cost 5000."""
    assert (DEFAULTS.max_query_tokens, DEFAULTS.max_query_aliases,
            DEFAULTS.max_query_directives, DEFAULTS.max_query_depth,
            DEFAULTS.max_query_cost) == (1000, 15, 50, 6, 5_000)
    limits = DocumentLimits()
    assert (limits.max_aliases, limits.max_directives, limits.max_depth, limits.max_cost,
            limits.max_duplicates, limits.page_cap) == (15, 50, 6, 5_000, 50,
                                                        DEFAULTS.max_page_size)


# Each limit: at the limit the document runs, one over it is refused with its own code.

def typenames(n: int, suffix: str = "") -> str:
    """`{ __typename __typename ... }`: n + 2 tokens (each with `suffix`'s tokens)."""
    return "{ " + " ".join(f"__typename{suffix}" for _ in range(n)) + " }"


def tokens(n: int, groups: int = 40) -> str:
    """A document of `n` tokens (n >= 300) within every other limit: `groups` nests of
    inline fragments (`... {` and `}`: 3 tokens; `... on Query {` and `}`: 5), each around
    one `__typename` (groups - 1 duplicates, under the limit of 50)."""
    rest = n - 2 - groups  # the outer braces and one `__typename` per group
    typed = next(b for b in range(3) if (rest - 5 * b) % 3 == 0)
    plain = (rest - 5 * typed) // 3
    nests = []
    for i in range(groups):
        a = plain // groups + (1 if i < plain % groups else 0)
        b = 1 if i < typed else 0
        nests.append("... on Query { " * b + "... { " * a + "__typename" + " }" * (a + b))
    return "{ " + " ".join(nests) + " }"


def aliases(n: int) -> str:
    return "{ " + " ".join(f"a{i}: __typename" for i in range(n)) + " }"


def costly(news: int) -> str:
    """1 + 100 × (edges, node, tenant, opportunities: 4 + 45 × totalCount) = 4,901 by the
    estimate (`first` a variable counts as the page cap, 100: its value is not known when
    the document is validated), then `news(first: n) { totalCount }` (1 + n) and
    `__typename` (1): 5,000 for n = 97. It runs a page of 1."""
    return ("query($a: Int) { opportunities(first: $a) { edges { node { tenant { "
            "opportunities(first: 45) { totalCount } } } } } "
            f"news(first: {news}) {{ totalCount }} __typename }}")


def duplicates(n: int) -> str:
    """`n` duplicate fields: `__typename` n + 1 times."""
    return typenames(n + 1)


# (at the limit, one over, code, message, limit, the English detail's words)
LIMITS: dict[str, tuple[str, str, str, Plural, int, str]] = {
    "tokens": (tokens(1000), tokens(1001), "TOO_MANY_TOKENS",
               msg.QUERY_TOO_MANY_TOKENS, 1000, "Document contains more than 1000 tokens"),
    "aliases": (aliases(15), aliases(16), "TOO_MANY_ALIASES", msg.QUERY_TOO_MANY_ALIASES, 15,
                "has 16 aliases and exceeds the maximum of 15"),
    "directives": (typenames(50, " @include(if: true)"), typenames(51, " @include(if: true)"),
                   "TOO_MANY_DIRECTIVES", msg.QUERY_TOO_MANY_DIRECTIVES, 50,
                   "has 51 directives and exceeds the maximum of 50"),
    "depth": ("{ tenants " + "{ parent " * 5 + "{ slug }" + " }" * 6,
              "{ tenants " + "{ parent " * 6 + "{ slug }" + " }" * 7, "QUERY_TOO_COMPLEX",
              msg.QUERY_TOO_DEEP, 6, "is 7 levels deep"),
    "cost": (costly(97), costly(98), "QUERY_TOO_COSTLY", msg.QUERY_TOO_COSTLY, 5_000,
             "has an estimated cost of 5001 and exceeds the maximum of 5000"),
    "duplicates": (duplicates(50), duplicates(51), "TOO_MANY_DUPLICATE_FIELDS",
                   msg.QUERY_TOO_MANY_DUPLICATES, 50,
                   "has 51 duplicate fields and exceeds the maximum of 50"),
}


def test_the_token_documents_are_where_they_should_be() -> None:
    assert parse(tokens(1000), max_lexical_tokens=1000)
    with pytest.raises(GraphQLSyntaxError, match="more than 1000 tokens"):
        parse(tokens(1001), max_lexical_tokens=1000)


def test_the_cost_documents_are_where_they_should_be() -> None:
    schema = build_schema()._schema
    rule = limits_rule(DocumentLimits(max_cost=5_000))
    assert validate(schema, parse(costly(97)), [rule]) == []
    assert len(validate(schema, parse(costly(98)), [rule])) == 1


@pytest.mark.parametrize("limit", sorted(LIMITS))
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_each_limit_at_and_over(client: HubClient, limit: str, language: str) -> None:
    under, over, code, msgid, count, detail = LIMITS[limit]
    variables = {"a": 1} if limit == "cost" else {}
    passed = client.post(under, variables, {"Accept-Language": language})
    assert "errors" not in passed, passed["errors"]
    client.counter.statements.clear()
    body = client.post(over, variables, {"Accept-Language": language})
    assert client.counter.count == 0, client.counter.statements
    assert "data" not in body or body["data"] is None
    ours = [e for e in body["errors"] if e["extensions"]["code"] == code]
    assert len(ours) == 1, body["errors"]
    assert ours[0]["message"] == message(language, msgid, count=count)
    if msgid not in AWAITING_TRANSLATION:
        assert ours[0]["message"] != message("en", msgid, count=count)
    assert detail in ours[0]["extensions"]["detail"]


# The issue's shapes: refused without executing, in well under 100 ms.

PAGE = ("opportunities(first: 100) { edges { node { id title summary startsAtDisplay "
        "spotsLeft tenant { name } } } }")
SHAPES: dict[str, tuple[str, set[str], set[str]]] = {
    # (document, the codes it is refused with by the default hub, and by a hub whose token
    # limit is lifted)
    "500 aliases of a page of 100": (
        "{ " + " ".join(f"a{i}: {PAGE}" for i in range(500)) + " }", {"TOO_MANY_TOKENS"},
        {"TOO_MANY_ALIASES", "QUERY_TOO_COSTLY"}),
    # 350 KB: over the body limit (256 KB) before anything reads it
    "20,000 aliases": ("{ " + " ".join(f"a{i}: __typename" for i in range(20_000)) + " }",
                       {"REQUEST_TOO_LARGE"}, {"TOO_MANY_ALIASES"}),
    "500 repeated directives": (typenames(500, " @include(if: true)"), {"TOO_MANY_TOKENS"},
                                {"TOO_MANY_DIRECTIVES"}),
    "100 levels of nested aliases": (
        "{ a: tenants " + "{ a: parent " * 99 + "{ slug }" + " }" * 100, {"QUERY_TOO_COMPLEX"},
        {"QUERY_TOO_COMPLEX"}),
    # graphql-cop's "field duplication": 503 tokens; graphql-core's overlapping-fields check
    # alone spent 200 ms on it.
    "500 duplicate fields": (typenames(500), {"TOO_MANY_DUPLICATE_FIELDS"},
                             {"TOO_MANY_DUPLICATE_FIELDS"}),
}


def test_the_shapes_are_what_the_issue_says() -> None:
    assert len(SHAPES["500 aliases of a page of 100"][0]) > 50_000


def refused(http: TestClient, counter: StatementCounter, document: str
            ) -> tuple[set[str], float]:
    counter.statements.clear()
    # Timed as timeit does: without a collection of the test process's own heap (every
    # earlier test's objects; 1.7 s once, seen) falling inside the request.
    gc.collect()
    gc.disable()
    try:
        started = time.perf_counter()
        response = http.post("/graphql", json={"query": document},
                             headers={"Accept-Language": "fr"})
        elapsed = time.perf_counter() - started
    finally:
        gc.enable()
    assert response.status_code in (200, 413)
    body: dict[str, Any] = response.json()
    assert body.get("data") is None
    assert counter.count == 0, counter.statements  # nothing ran
    return {e["extensions"]["code"] for e in body["errors"]}, elapsed


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_issue_shapes_are_refused_in_time(client: HubClient, shape: str) -> None:
    document, expected, _ = SHAPES[shape]
    codes, elapsed = refused(client.http, client.counter, document)
    assert expected <= codes, codes
    print(f"{shape} ({len(document):,} bytes): {codes}, {elapsed * 1000:.1f} ms")
    assert elapsed < BUDGET, f"{shape}: {elapsed * 1000:.0f} ms"


@pytest.fixture(scope="module")
def roomy(backend: Database) -> Iterator[tuple[TestClient, StatementCounter]]:
    """A hub whose token and body limits are lifted: the validation rules alone must
    refuse."""
    app = create_app(replace(backend.settings, max_query_tokens=1_000_000,
                             max_body_bytes=8 << 20))
    counter = StatementCounter()
    with TestClient(app) as http:
        engine = app.state.hub.engine
        event.listen(engine.sync_engine, "before_cursor_execute", counter)
        try:
            yield http, counter
        finally:
            event.remove(engine.sync_engine, "before_cursor_execute", counter)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_the_rules_refuse_the_shapes_without_the_token_limit(
        roomy: tuple[TestClient, StatementCounter], shape: str) -> None:
    document, _, expected = SHAPES[shape]
    codes, elapsed = refused(*roomy, document)
    assert expected <= codes, codes
    print(f"{shape} ({len(document):,} bytes), tokens unlimited: {codes}, "
          f"{elapsed * 1000:.1f} ms")


# The walk: fragments measured once, spread twice in one selection set counted once.

def limit_errors(document: str, **limits: Any) -> list[str]:
    rule = limits_rule(DocumentLimits(**limits))
    return [e.message for e in validate(build_schema()._schema, parse(document), [rule])]


def test_fragments_count_once_per_selection_set_as_execution_collects_them() -> None:
    chain = [f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(40)]
    chain.append("fragment F40 on Query { a: __typename b: __typename }")
    document = "{ ...F0 }\n" + "\n".join(chain)
    started = time.perf_counter()
    assert limit_errors(document, max_aliases=2, max_cost=2) == []
    assert time.perf_counter() - started < 1.0
    assert len(limit_errors(document, max_aliases=1)) == 1


def test_a_fragment_under_each_page_counts_at_each_page() -> None:
    fragment = "fragment N on Opportunity { id title a: summary }"
    one = "{ x: opportunities(first: 10) { edges { node { ...N } } } }\n" + fragment
    # 1 + 10 × (edges 1 + node 1 + 3 fields)
    assert limit_errors(one, max_cost=51) == []
    assert len(limit_errors(one, max_cost=50)) == 1
    two = ("{ x: opportunities(first: 10) { edges { node { ...N } } } "
           "y: news { edges { node { id } } } }\n" + fragment)  # news: first's default, 20
    assert limit_errors(two, max_cost=51 + 1 + 20 * 3) == []
    assert len(limit_errors(two, max_cost=51 + 20 * 3)) == 1
    assert len(limit_errors(two, max_aliases=2)) == 1  # x, y and the fragment's a


# The document cache: only what parsed and validated, bounded by count and by memory.

def test_the_cache_is_bounded_by_count_and_by_memory() -> None:
    cache = DocumentCache(max_entries=3, max_bytes=weight("x" * 100) * 8)
    for i in range(5):
        cache.keep(f"{{ a{i}: __typename }}", parse("{ __typename }"))
    assert len(cache) == 3 and cache.get("{ a0: __typename }") is None
    assert cache.get("{ a4: __typename }") is not None
    cache.keep("{ " + "x" * 200 + " }", parse("{ __typename }"))  # over an eighth: not kept
    assert len(cache) == 3
    roomy = DocumentCache(max_entries=100, max_bytes=weight("x" * 120) * 8)
    for i in range(20):
        roomy.keep(f"{{ __typename }} # {i:090d}", parse("{ __typename }"))
    each = weight(f"{{ __typename }} # {0:090d}")
    assert roomy.bytes <= roomy.max_bytes and len(roomy) == roomy.max_bytes // each == 8


def cache_of(app: Starlette) -> DocumentCache:
    """The document cache of an app's GraphQL schema (built once the app has started)."""
    route = next(r for r in app.routes if isinstance(r, Route) and r.path == "/graphql")
    documents: DocumentCache = route.app.app.schema.documents  # type: ignore[attr-defined]
    return documents


def test_a_refused_document_is_never_kept(backend: Database) -> None:
    app = create_app(replace(backend.settings, max_query_tokens=1_000_000))
    with TestClient(app) as http:
        documents = cache_of(app)
        before = len(documents)
        for document in (
                "{ " + " ".join(f"a{i}: nope" for i in range(3_000)) + " }",  # unknown field
                "{ " + " ".join(f"a{i}: __typename" for i in range(100)) + " }",  # aliases
                "{ tenants { slug ",  # syntax
        ):
            body = http.post("/graphql", json={"query": document}).json()
            assert body["errors"] and body.get("data") is None
        assert len(documents) == before
        assert http.post("/graphql", json={"query": "{ tenants { slug } }"}).json()["data"]
        assert documents.get("{ tenants { slug } }") is not None


def test_braces_nested_far_deeper_than_the_depth_limit_are_refused_before_parsing(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """200 levels of nesting are only ~600 tokens: the quick count refuses them by their
    braces, and graphql-core's parser never sees the document (it would raise if called)."""
    from graphql import GraphQLError

    from hub.errors import QueryTooComplex
    from schema.core import token_limit

    deep = "{ tenants " + "{ parent " * 199 + "{ slug }" + " }" * 200
    monkeypatch.setattr(token_limit, "parse", lambda *a, **k: pytest.fail("parsed"))
    with pytest.raises(GraphQLError) as refused:
        token_limit.parse_limited(deep, 1000, max_depth=6)
    assert isinstance(refused.value.original_error, QueryTooComplex)
    assert refused.value.locations is None  # no second scan of the document for a location
    # Within the allowance (input objects nest braces too), the parser decides.
    monkeypatch.undo()
    nested = "{ tenants " + "{ parent " * 12 + "{ slug }" + " }" * 13  # braces 15 deep
    assert token_limit.over_limit(nested + " " * 1000, 1000, 6 + token_limit.NESTING_ALLOWANCE) \
        is None
