"""Search through the API on both databases: only what the caller may read is found and
counted, relevance pages have no duplicates or gaps, orders and cursors are checked,
news and events are searched too, the caller's languages rank first, and a page of hits
costs the same statements whatever its size."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from hub.ids import decode_id, encode_id
from tests.search.corpus import (
    OTHER_TENANT,
    TENANT,
    SearchWorld,
    add_opportunity,
    open_search_world,
)

PAGE = """query($s: String, $first: Int, $after: String, $order: OpportunityOrder) {
  opportunities(first: $first, after: $after, filter: {search: $s}, orderBy: $order) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }"""
NEWS = """query($s: String, $order: NewsOrder) { news(first: 50, search: $s, orderBy: $order) {
  totalCount edges { node { id } } } }"""
EVENTS = """query($s: String, $order: EventOrder) {
  events(first: 50, search: $s, orderBy: $order) { totalCount edges { node { id } } } }"""
TENANT_LISTS = """query($slug: String!, $s: String) { tenant(slug: $slug) {
  opportunities(first: 50, filter: {search: $s}) { totalCount edges { node { id } } }
  news(first: 50, search: $s) { totalCount edges { node { id } } }
  events(first: 50, search: $s, orderBy: START) { totalCount edges { node { id } } } } }"""
DEEP = """query($s: String, $first: Int) { opportunities(first: $first, filter: {search: $s}) {
  totalCount edges { node { id title summary tenant { name } category { label } } } } }"""


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[SearchWorld]:
    yield from open_search_world(request.param, tmp_path_factory.mktemp(f"sa-{request.param}"))


def add(corpus: SearchWorld, texts: dict[str, tuple[str, str | None, str | None]],
        **fields: Any) -> str:
    return encode_id("Opportunity", asyncio.run(add_opportunity(corpus.world, texts, **fields)))


def ids(corpus: SearchWorld, query: str, variables: dict[str, Any],
        headers: dict[str, str] | None = None) -> tuple[list[str], int]:
    data = corpus.world.ok(query, variables, headers or {})
    listing = next(iter(data.values()))
    return [e["node"]["id"] for e in listing["edges"]], listing["totalCount"]


def test_only_readable_records_are_found_and_counted(corpus: SearchWorld) -> None:
    world, word = corpus.world, "قافلة"
    future = datetime.now(UTC) + timedelta(days=3)
    public = add(corpus, {"ar": (f"{word} طبية", None, None)})
    draft = add(corpus, {"ar": (f"{word} مسودة", None, None)}, status="DRAFT")
    scheduled = add(corpus, {"ar": (f"{word} مجدولة", None, None)}, published_at=future)
    theirs = add(corpus, {"ar": (f"{word} داخلية", None, None)}, visibility="TENANT",
                 tenant=OTHER_TENANT)
    cases = {
        "anonymous": ({}, {public}),
        "volunteer": (world.volunteer(world.new_volunteer()), {public}),
        "editor": (world.staff("editor"), {public, draft, scheduled}),
        "other society": (world.staff("admin", OTHER_TENANT), {public, theirs}),
    }
    for who, (headers, want) in cases.items():
        found, total = ids(corpus, PAGE, {"s": word, "first": 50}, headers)
        assert set(found) == want, who
        assert total == len(want), who
        newest, total = ids(corpus, PAGE, {"s": word, "first": 50, "order": "NEWEST"}, headers)
        assert set(newest) == want and total == len(want), who


def test_relevance_pages_have_no_duplicates_or_gaps(corpus: SearchWorld) -> None:
    word = "كشافة"
    made = set()
    for i in range(23):
        # Ranks vary (title, summary, description, repeats) and tie (same texts).
        title = f"{word} {'مخيم ' * (i % 3)}{i % 5}"
        summary = f"{word} " * (i % 4) or None
        description = f"نشاط {word}" if i % 2 else None
        made.add(add(corpus, {"ar": (title, summary, description)}))
    whole, total = ids(corpus, PAGE, {"s": word, "first": 100})
    assert set(whole) == made and total == 23 and len(whole) == 23
    for order in ("RELEVANCE", "NEWEST"):
        walked: list[str] = []
        after = None
        while True:
            page = corpus.world.ok(PAGE, {"s": word, "first": 4, "after": after,
                                          "order": order}, {})["opportunities"]
            walked += [e["node"]["id"] for e in page["edges"]]
            assert page["totalCount"] == 23
            if not page["pageInfo"]["hasNextPage"]:
                break
            after = page["pageInfo"]["endCursor"]
        assert len(walked) == len(set(walked)) == 23, order
        if order == "RELEVANCE":
            assert walked == whole  # the same order, page by page
        else:
            assert walked == sorted(walked, key=lambda g: -_key(g))


def _key(global_id: str) -> int:
    return decode_id(global_id)[1]


def test_a_cursor_belongs_to_its_search_and_order(corpus: SearchWorld) -> None:
    world = corpus.world
    page = world.ok(PAGE, {"s": "first aid", "first": 1}, {})["opportunities"]
    cursor = page["pageInfo"]["endCursor"]
    headers = {"Accept-Language": "fr"}
    for variables in ({"s": "blood", "after": cursor},
                      {"s": "first aid", "after": cursor, "order": "NEWEST"}):
        body = world.call(PAGE, {"first": 1, **variables}, headers)
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
        assert body["errors"][0]["extensions"]["argument"] == "after"


@pytest.mark.parametrize(("query", "order"), [(PAGE, "RELEVANCE"), (NEWS, "RELEVANCE"),
                                              (EVENTS, "RELEVANCE")])
def test_relevance_needs_search_words(corpus: SearchWorld, query: str, order: str) -> None:
    body = corpus.world.call(query, {"order": order}, {"Accept-Language": "ar"})
    error = body["errors"][0]["extensions"]
    assert (error["code"], error["argument"]) == ("BAD_USER_INPUT", "orderBy")


def test_news_and_events_are_searched(corpus: SearchWorld) -> None:
    label = corpus.label_of
    for order in (None, "RELEVANCE", "NEWEST"):
        found, total = ids(corpus, NEWS, {"s": "blood", "order": order})
        assert [label(g) for g in found] == ["news_blood"] and total == 1
    found, _ = ids(corpus, NEWS, {"s": "secourisme"})
    assert [label(g) for g in found] == ["news_first_aid"]
    found, _ = ids(corpus, NEWS, {"s": "التبرع بالدم"})
    assert [label(g) for g in found] == ["news_blood"]
    found, _ = ids(corpus, EVENTS, {"s": "اسعاف"})
    assert [label(g) for g in found] == ["event_later"]
    found, _ = ids(corpus, EVENTS, {"s": "don du sang", "order": "START"})
    assert [label(g) for g in found] == ["event_blood"]
    # Without a search, today's order and everything.
    _, news_total = ids(corpus, NEWS, {})
    _, event_total = ids(corpus, EVENTS, {})
    assert (news_total, event_total) == (3, 3)


def test_lists_of_a_tenant_are_searched(corpus: SearchWorld) -> None:
    data = corpus.world.ok(TENANT_LISTS, {"slug": TENANT, "s": "blood"}, {})["tenant"]
    label = corpus.label_of
    assert [label(e["node"]["id"]) for e in data["opportunities"]["edges"]] == ["en_blood"]
    assert [label(e["node"]["id"]) for e in data["news"]["edges"]] == ["news_blood"]
    assert data["events"]["totalCount"] == 0
    other = corpus.world.ok(TENANT_LISTS, {"slug": OTHER_TENANT, "s": "blood"}, {})["tenant"]
    assert other["opportunities"]["totalCount"] == 0


def test_the_callers_languages_rank_first(corpus: SearchWorld) -> None:
    french = add(corpus, {"fr": ("Caravane solidaire", None, None)})
    english = add(corpus, {"en": ("Caravane solidaire", None, None)})
    for language, first in (("fr", french), ("en", english)):
        found, _ = ids(corpus, PAGE, {"s": "caravane solidaire", "first": 10},
                       {"Accept-Language": language})
        assert found[:2] == [first, english if first == french else french], language


def test_a_page_of_hits_costs_the_same_statements_at_any_size(corpus: SearchWorld) -> None:
    client = corpus.world.client
    small = client.statements(DEEP, {"s": "first aid", "first": 1})
    large = client.statements(DEEP, {"s": "first aid", "first": 50})
    assert small == large


def test_searching_nothing_finds_nothing_and_long_words_are_refused(
        corpus: SearchWorld) -> None:
    for text in ("!!!", "&|!():*<>'", "  - ؟ ، ."):
        found, total = ids(corpus, PAGE, {"s": text, "first": 5})
        assert (found, total) == ([], 0), repr(text)
    # U+0000 is refused before anything runs, as in any text (schema/core/nul_text.py).
    refused = corpus.world.client.http.post(
        "/graphql", json={"query": PAGE, "variables": {"s": "\x00", "first": 5}})
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    body = corpus.world.call(PAGE, {"s": "اسعاف " * 40}, {"Accept-Language": "fr"})
    error = body["errors"][0]["extensions"]
    assert (error["code"], error["argument"]) == ("BAD_USER_INPUT", "search")
