"""Any search text, on both databases, answers with a page (maybe empty) or a
BAD_USER_INPUT naming the argument: never a server error. Random strings mix words,
query syntax of both engines (tsquery `&|!():*<>'`, FTS5 `"*^:{}-+`), NUL and other
control characters, marks and digits, and run past the length cap."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from resolvers.core.search import MAX_SEARCH_LENGTH
from tests.search.corpus import SearchWorld, open_search_world

OPPORTUNITIES = """query($s: String) { opportunities(first: 3, filter: {search: $s}) {
  totalCount edges { node { id } } } }"""
NEWS = """query($s: String) { news(first: 3, search: $s) { totalCount edges { node { id } } }
  events(first: 3, search: $s) { totalCount } }"""

PIECES = st.sampled_from([
    "اسعاف", "إِسْعَاف", "ـ", "secours", "Bénévolat", "first", "aid", "١٢", "12",
    "&", "|", "!", "(", ")", ":", "*", "<", ">", "'", '"', "^", "{", "}", "-", "+", "\\",
    "\x00", "\x01", "\n", "\t", " ", "NEAR", "AND", "OR", "NOT", "%", "_", "\u200f", "\u0301",
    "\ufdfa", "😀",
])
TEXTS = st.one_of(
    st.lists(PIECES, max_size=60).map("".join),
    st.text(max_size=MAX_SEARCH_LENGTH + 20),
)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[SearchWorld]:
    yield from open_search_world(request.param, tmp_path_factory.mktemp(f"sb-{request.param}"))


def _check(corpus: SearchWorld, document: str, text: str) -> None:
    response = corpus.world.client.http.post(
        "/graphql", json={"query": document, "variables": {"s": text}},
        headers={"Accept-Language": "fr"})
    body = response.json()
    if "\x00" in text:  # refused before anything runs (schema/core/nul_text.py)
        assert response.status_code == 400, (text, body)
        [error] = body["errors"]
        assert error["extensions"]["code"] == "BAD_USER_INPUT", (text, body)
        assert error["extensions"]["argument"] == "variables.s", (text, body)
        return
    assert response.status_code == 200, (text, body)
    if "errors" not in body:
        return
    for error in body["errors"]:
        extensions = error["extensions"]
        assert extensions["code"] == "BAD_USER_INPUT", (text, body)
        assert extensions["argument"] == "search", (text, body)
    assert len(text.strip()) > MAX_SEARCH_LENGTH, (text, body)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_opportunity_search_never_fails(corpus: SearchWorld, text: str) -> None:
    _check(corpus, OPPORTUNITIES, text)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
def test_news_and_event_search_never_fails(corpus: SearchWorld, text: str) -> None:
    _check(corpus, NEWS, text)
