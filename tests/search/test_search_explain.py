"""PostgreSQL answers a search from the GIN index, as a request runs it: under the request
role and its row security, over 5,000 opportunities in three languages (15,000
translation rows), ANALYZEd, with the planner's own choices (sequential scans allowed).

Row security keeps PostgreSQL from using an index for `@@` (not leakproof) on the table
itself, so the matching runs inside `tatawwu_search_opportunity` (SECURITY DEFINER,
migration 0007). EXPLAIN of the outer statement shows only a Function Scan; the plan inside
the function is read with auto_explain's nested statements, sent to this connection as
log messages."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.dialects import postgresql

from hub.db import models as m
from hub.db.engine import make_engine
from resolvers.search.match import matching, scores
from resolvers.search.query import TextSearch
from tests.conftest import Database, prepare

WORDS = ["اسعاف", "تطوع", "حملة", "secours", "bénévolat", "sang", "first", "aid", "blood",
         "volunteer", "camp", "école", "santé", "hôpital", "water", "food", "شباب", "مدرسة",
         "رياضة", "بيئة"]
ROWS = 5000


async def _fill(database: Database) -> None:
    engine = make_engine(database.settings.database_url)
    words = "ARRAY[" + ",".join(f"'{w}'" for w in WORDS) + "]"
    try:
        async with engine.begin() as conn:
            await conn.execute(text("INSERT INTO category (code, labels, position) "
                                    "VALUES ('c', '{}', 0)"))
            tenant = (await conn.execute(text("SELECT min(id) FROM tenant"))).scalar()
            await conn.execute(text(
                "INSERT INTO opportunity (id, tenant_id, format, category_code, is_ongoing, "
                "filled_spots, is_emergency, visibility, status, published_at, acceptance, "
                "created_at, updated_at) SELECT i, :t, 'REMOTE', 'c', true, 0, false, "
                "CASE WHEN i % 2000 = 1001 THEN 'TENANT' ELSE 'PUBLIC' END, 'PUBLISHED', now(), "
                f"'AUTOMATIC', now(), now() FROM generate_series(1, {ROWS}) i"), {"t": tenant})
            await conn.execute(text(
                "INSERT INTO opportunity_translation (opportunity_id, tenant_id, locale, "
                "title, summary, is_source, updated_at) SELECT i, :t, l, "
                f"'عنوان ' || ({words})[1 + i % 20] || ' ' || ({words})[1 + (i * 7) % 20] "
                f"|| ' n' || i || CASE WHEN i % 1000 = 1 THEN ' zebra' ELSE '' END, "
                f"'summary text ' || ({words})[1 + (i * 3) % 20], l = 'ar', now() "
                f"FROM generate_series(1, {ROWS}) i, unnest(ARRAY['ar', 'fr', 'en']) l"),
                {"t": tenant})
        async with engine.begin() as conn:
            await conn.execute(text("ANALYZE"))
    finally:
        await engine.dispose()


async def _plans(database: Database, statement: Any) -> tuple[list[Any], list[str]]:
    """Rows of `statement` run as a request would (role, row security), and the plans of
    every statement it ran, functions' included."""
    dialect: Any = postgresql.dialect
    sql = str(statement.compile(dialect=dialect(), compile_kwargs={"literal_binds": True}))
    engine = make_engine(database.settings.database_url)
    try:
        async with engine.connect() as conn:
            raw = (await conn.get_raw_connection()).driver_connection
            assert raw is not None
            logs: list[str] = []
            raw.add_log_listener(lambda _conn, message: logs.append(message.message))
            await raw.execute("LOAD 'auto_explain'")
            await raw.execute("SET auto_explain.log_min_duration = 0; "
                              "SET auto_explain.log_nested_statements = on; "
                              "SET client_min_messages = log")
            async with raw.transaction():
                await raw.execute("SELECT set_config('role', 'tatawwu_request', true), "
                                  "set_config('tatawwu.tenants', '', true)")
                rows = await raw.fetch(sql)
            await raw.execute("RESET client_min_messages")
            await asyncio.sleep(0.05)  # log messages arrive asynchronously
            return list(rows), logs
    finally:
        await engine.dispose()


@pytest.mark.parametrize("fresh_backend", ["postgresql"], indirect=True)
def test_a_search_uses_the_gin_index_under_row_security(fresh_backend: Database) -> None:
    prepare(fresh_backend, demo=False)
    asyncio.run(_fill(fresh_backend))
    search = TextSearch(("zebra",), "postgresql", ("en",))
    found = select(m.Opportunity.id).where(matching(search, "opportunity", m.Opportunity.id))
    rows, logs = asyncio.run(_plans(fresh_backend, found))
    # ids 1, 1001, ... 4001 carry the word; 1001 and 3001 are TENANT records (the request
    # reads none of a society's own).
    assert sorted(r[0] for r in rows) == [1, 2001, 4001]
    inner = [plan for plan in logs if "tatawwu_search_opportunity" not in plan.split("\n")[1]
             and "opportunity_translation t" in plan]
    assert inner, logs
    assert "Bitmap Index Scan on search_vector_opportunity_translation" in inner[0], inner[0]
    assert "Seq Scan on opportunity_translation" not in "\n".join(logs)
    hits = scores(search, "opportunity")
    ranked = select(hits.c.record_id, hits.c.rank).order_by(hits.c.rank.desc())
    rows, logs = asyncio.run(_plans(fresh_backend, ranked))
    assert sorted(r[0] for r in rows) == [1, 2001, 4001]
    assert any("Bitmap Index Scan on search_vector_opportunity_translation" in p for p in logs)
