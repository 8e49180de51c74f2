"""Relevance on a table of queries in Arabic, French and English over a fixed corpus
(tests/search/corpus.py), on both databases: each query's expected opportunities, then
precision and recall over the whole table (printed; a floor asserted).

What the stemmers do, seen here: "اسعاف" finds "إسعاف" and "الإسعافات" (hamza forms and
the article fold onto one stem) but not "مسعف": the Arabic Snowball stemmer strips
affixes, it does not reduce words to their root (س ع ف), so the paramedic is found by
"مسعف" / "المسعفين" instead. "secourisme" and "premiers secours" meet on the French stem
"secour"; English "volunteering" / "volunteers" on "volunt".
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.search.corpus import SearchWorld, open_search_world

PAGE = """query($s: String!, $first: Int) {
  opportunities(first: $first, filter: {search: $s}) {
    totalCount edges { node { id } } } }"""

# (query, the opportunities it must find, and only those)
TABLE: list[tuple[str, set[str]]] = [
    # Arabic: hamza, article, plural, harakat, tatweel, ta marbuta, alef maqsura, digits
    ("اسعاف", {"ar_first_aid", "ar_harakat"}),
    ("إسعاف", {"ar_first_aid", "ar_harakat"}),
    ("الإسعافات الأولية", {"ar_first_aid"}),
    ("إِسْعَاف", {"ar_first_aid", "ar_harakat"}),
    ("اســـعاف", {"ar_first_aid", "ar_harakat"}),
    ("مسعف", {"ar_paramedic"}),
    ("المسعفين", {"ar_paramedic"}),
    ("تطوع", {"ar_harakat", "ar_tatweel"}),
    ("حملة", {"ar_blood", "multi_health", "ar_campaigns"}),
    ("التبرع بالدم", {"ar_blood"}),
    ("الهلال الأحمر", {"ar_blood"}),
    ("موسسة", {"ar_hamza"}),
    ("مستشفي", {"ar_maqsura"}),
    # "and the" / "so the" before a word: والإخلاء، فالمتطوعون
    ("الإخلاء", {"ar_conjunction"}),
    ("اخلاء", {"ar_conjunction"}),
    ("المتطوعون الجمهور", {"ar_conjunction"}),
    ("١٢", {"ar_digits"}),
    ("12", {"ar_digits"}),
    # French: stems, accents folded, case
    ("secourisme", {"fr_secourisme", "fr_secours"}),  # the stem "secour" meets "secours"
    ("premiers secours", {"fr_secourisme"}),
    ("Secours", {"fr_secourisme", "fr_secours"}),
    ("benevolat", {"fr_secours", "fr_benevolat"}),
    ("bénévolat", {"fr_secours", "fr_benevolat"}),
    ("don du sang", {"fr_blood"}),
    ("SECURITE", {"fr_accents"}),
    ("campagne santé", {"multi_health"}),
    # English: stems, description weight, case
    ("first aid", {"en_first_aid", "en_description"}),
    ("FIRST AID training", {"en_first_aid"}),
    ("volunteering", {"en_volunteering"}),
    ("volunteer", {"en_volunteering"}),
    ("blood donation", {"en_blood"}),
    ("donations", {"en_volunteering", "en_blood"}),
    ("shelter", {"en_plural"}),
    ("health campaign", {"multi_health"}),
    # Nothing
    ("zzqx", set()),
]

# Queries whose best hit is known: the title outweighs the description.
BEST: list[tuple[str, str]] = [
    ("first aid", "en_first_aid"),
    ("تطوع", "ar_tatweel"),
]


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def corpus(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[SearchWorld]:
    yield from open_search_world(request.param, tmp_path_factory.mktemp(f"st-{request.param}"))


def found(corpus: SearchWorld, query: str) -> list[str]:
    data = corpus.world.ok(PAGE, {"s": query, "first": 100}, {})["opportunities"]
    labels = [corpus.label_of(e["node"]["id"]) for e in data["edges"]]
    assert data["totalCount"] == len(labels)
    return labels


def test_the_table_precision_and_recall(corpus: SearchWorld) -> None:
    true_positives = hits = expected = 0
    misses: list[str] = []
    for query, want in TABLE:
        got = set(found(corpus, query))
        true_positives += len(got & want)
        hits += len(got)
        expected += len(want)
        if got != want:
            misses.append(f"{query!r}: found {sorted(got)}, expected {sorted(want)}")
    precision = true_positives / hits if hits else 1.0
    recall = true_positives / expected
    print(f"\n[{corpus.backend}] {len(TABLE)} queries: precision {precision:.3f}, "
          f"recall {recall:.3f}; differing: {misses}")
    assert precision >= 0.98, misses
    assert recall >= 0.98, misses


@pytest.mark.parametrize(("query", "want"), TABLE, ids=[q for q, _ in TABLE])
def test_each_query(corpus: SearchWorld, query: str, want: set[str]) -> None:
    assert set(found(corpus, query)) == want


@pytest.mark.parametrize(("query", "best"), BEST)
def test_the_best_match_comes_first(corpus: SearchWorld, query: str, best: str) -> None:
    assert found(corpus, query)[0] == best
