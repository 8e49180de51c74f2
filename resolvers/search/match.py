"""A search as SQL, per backend: which records match (a filter clause, under the list's
read scope like any other) and how well (a subquery of scores by record).

A record matches when any of its translations does, each translation in its own language's
configuration: PostgreSQL matches `search_vector` against the query parsed by the same
configuration (the GIN index answers each configuration's arm, inside the function
`tatawwu_search_<entity>`, migration 0007); SQLite asks its FTS5 table for the query's
words stemmed the way each language's rows were.

Scores are integers (a millionth of the rank, times the caller's language boost), so
relevance pages keep an exact keyset (rank, id) on both backends.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Float,
    Integer,
    String,
    Subquery,
    case,
    cast,
    column,
    false,
    func,
    literal,
    literal_column,
    select,
    true,
)

from hub.db.models.search import CONFIGS, SEARCH_TABLES
from resolvers.search.query import TextSearch

SCALE = 1_000_000  # ranks are kept as integers of this many parts
# SQLite's bm25 weights per column (record_id, locale, lang, title, summary, body), like
# PostgreSQL's default ts_rank_cd weights of title (A), summary (B) and body (C).
BM25_WEIGHTS = (0.0, 0.0, 0.0, 10.0, 4.0, 2.0)


def _fts_phrase(terms: tuple[str, ...]) -> str:
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)


def fts_query(search: TextSearch) -> str | None:
    """The FTS5 query: for each configuration, its rows holding every term (None: no term
    in any configuration, nothing matches)."""
    arms = []
    for config in CONFIGS:
        terms = search.terms(config)
        if terms:
            arms.append(f'(lang : "{config}" AND {{title summary body}} : ({_fts_phrase(terms)}))')
    return " OR ".join(arms) or None


def _pg_hits(search: TextSearch, entity: str, *, ranked: bool) -> Any:
    """PostgreSQL's matching translations (record_id, locale, rank) of records the request
    may read, from the SECURITY DEFINER function of migration 0007 (row security would
    keep the GIN index from being used on the table itself)."""
    function = getattr(func, f"tatawwu_search_{entity}")
    return function(" ".join(search.words), ranked).table_valued(
        column("record_id", BigInteger), column("locale", String), column("rank", Float))


def _boost(locale: Any, search: TextSearch) -> ColumnElement[Any]:
    boosts = search.boosts()
    if not boosts:
        return literal(1.0)
    return case(*((locale == tag, literal(factor)) for tag, factor in boosts), else_=1.0)


def matching(search: TextSearch, entity: str, record_id: Any) -> ColumnElement[bool]:
    """The records (`record_id`, the record's id column) with a translation matching."""
    if not search.words:
        return false()
    if search.backend == "postgresql":
        hits = _pg_hits(search, entity, ranked=False)
        hit: ColumnElement[bool] = record_id.in_(select(hits.c.record_id))
        return hit
    query = fts_query(search)
    if query is None:
        return false()
    docs = SEARCH_TABLES[entity].documents()
    found: ColumnElement[bool] = record_id.in_(
        select(docs.c.record_id).where(literal_column(docs.name).bool_op("MATCH")(query)))
    return found


def scores(search: TextSearch, entity: str) -> Subquery:
    """(record_id, rank) of every matching record: its best translation's rank, boosted
    by the caller's languages, as an integer."""
    if search.backend == "postgresql":
        hits = _pg_hits(search, entity, ranked=True)
        rows = (select(hits.c.record_id.label("record_id"),
                       (hits.c.rank * _boost(hits.c.locale, search)).label("score"))
                .where(true() if search.words else false()).subquery())
        kind: Any = BigInteger
    else:
        docs = SEARCH_TABLES[entity].documents()
        query = fts_query(search) if search.words else None
        bm25 = func.bm25(literal_column(docs.name), *(literal(w) for w in BM25_WEIGHTS))
        rows = (select(docs.c.record_id.label("record_id"),
                       (-bm25 * _boost(docs.c.locale, search)).label("score"))
                .where(literal_column(docs.name).bool_op("MATCH")(query) if query else false())
                # A LIMIT keeps SQLite from flattening this into the grouping query, where
                # bm25() may not be called.
                .limit(-1).subquery())
        kind = Integer
    return (select(rows.c.record_id, cast(func.max(rows.c.score) * SCALE, kind).label("rank"))
            .group_by(rows.c.record_id).subquery("search_scores"))
