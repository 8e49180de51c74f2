"""A search as SQL, per backend: which records match (a filter clause, under the list's
read scope like any other) and how well (a subquery of scores by record).

A record matches when any of its translations does, each translation in its own language's
configuration: PostgreSQL matches `search_vector` against the query parsed by the same
configuration (the GIN index answers each configuration's arm); SQLite asks its FTS5
table for the query's words stemmed the way each language's rows were.

Scores are integers (a millionth of the rank, times the caller's language boost), so
relevance pages keep an exact keyset (rank, id) on both backends.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    Subquery,
    case,
    cast,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
)

from hub.db.models.search import CONFIGS, SEARCH_TABLES
from resolvers.search.query import TextSearch

SCALE = 1_000_000  # ranks are kept as integers of this many parts
# Column weights: PostgreSQL's ts_rank_cd weights {D, C, B, A}; SQLite's bm25 per column
# (record_id, locale, lang, title, summary, body).
BM25_WEIGHTS = (0.0, 0.0, 0.0, 10.0, 4.0, 1.0)


def _config(name: str) -> ColumnElement[Any]:
    return literal_column(f"'{name}'::regconfig")  # one of CONFIGS: never caller text


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


def _pg_parts(search: TextSearch, entity: str) -> tuple[Any, ColumnElement[bool], Any]:
    vectors = SEARCH_TABLES[entity].vectors()
    text = " ".join(search.words)
    queries = {c: func.plainto_tsquery(_config(c), text) for c in CONFIGS}
    own = func.tatawwu_search_config(vectors.c.locale)
    match = or_(*(
        (vectors.c.search_vector.op("@@")(queries[c])) & (own == _config(c)) for c in CONFIGS
    ))
    score = case(
        *((own == _config(c), func.ts_rank_cd(vectors.c.search_vector, queries[c], 1))
          for c in CONFIGS),
        else_=0.0,
    )
    return vectors, match, score


def _boost(locale: Any, search: TextSearch) -> ColumnElement[Any]:
    boosts = search.boosts()
    if not boosts:
        return literal(1.0)
    return case(*((locale == tag, literal(factor)) for tag, factor in boosts), else_=1.0)


def matching(search: TextSearch, entity: str, record_id: Any) -> ColumnElement[bool]:
    """The records (`record_id`, the record's id column) with a translation matching."""
    if not search.words:
        return false()
    key = SEARCH_TABLES[entity].key
    if search.backend == "postgresql":
        vectors, match, _score = _pg_parts(search, entity)
        hit: ColumnElement[bool] = record_id.in_(select(vectors.c[key]).where(match))
        return hit
    query = fts_query(search)
    if query is None:
        return false()
    docs = SEARCH_TABLES[entity].documents()
    found: ColumnElement[bool] = record_id.in_(
        select(docs.c.record_id).where(literal_column(docs.name).op("MATCH")(query)))
    return found


def scores(search: TextSearch, entity: str) -> Subquery:
    """(record_id, rank) of every matching record: its best translation's rank, boosted
    by the caller's languages, as an integer."""
    key = SEARCH_TABLES[entity].key
    if search.backend == "postgresql":
        vectors, match, score = _pg_parts(search, entity)
        rows = (select(vectors.c[key].label("record_id"),
                       (score * _boost(vectors.c.locale, search)).label("score"))
                .where(match if search.words else false()).subquery())
        kind: Any = BigInteger
    else:
        docs = SEARCH_TABLES[entity].documents()
        query = fts_query(search) if search.words else None
        bm25 = func.bm25(literal_column(docs.name), *(literal(w) for w in BM25_WEIGHTS))
        rows = (select(docs.c.record_id.label("record_id"),
                       (-bm25 * _boost(docs.c.locale, search)).label("score"))
                .where(literal_column(docs.name).op("MATCH")(query) if query else false())
                # A LIMIT keeps SQLite from flattening this into the grouping query, where
                # bm25() may not be called.
                .limit(-1).subquery())
        kind = Integer
    return (select(rows.c.record_id, cast(func.max(rows.c.score) * SCALE, kind).label("rank"))
            .group_by(rows.c.record_id).subquery("search_scores"))
