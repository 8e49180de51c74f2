"""Steps that need the hub's own code, run as `python -m bench.inproc` with the hub source on
PYTHONPATH: facts about the dataset, the news top-up, and SQL statements per request.

Each prints one JSON object on standard output.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import event, func, insert, select, text

from bench.queries import SEARCH_COUNTRIES, Operation, select_operations
from hub.config import Settings
from hub.db import models as m
from hub.db.engine import make_engine

COUNTED = {"tenants": m.Tenant, "opportunities": m.Opportunity,
           "opportunity translations": m.OpportunityTranslation, "organizations": m.Organization,
           "news items": m.NewsItem, "volunteers": m.Volunteer, "applications": m.Application,
           "hours entries": m.HoursEntry}


def _public(model: Any) -> list[Any]:
    return [model.visibility == "PUBLIC", model.status == "PUBLISHED"]


async def facts(url: str) -> dict[str, Any]:
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            active = select(m.Tenant.id).where(m.Tenant.active)
            o = m.Opportunity
            opportunity = await conn.scalar(
                select(o.id).where(*_public(o), o.tenant_id.in_(active))
                .order_by(o.campaign_id.is_(None), o.organization_id.is_(None), o.id.desc())
                .limit(1))
            tenants = (await conn.scalars(active.where(m.Tenant.country.in_(SEARCH_COUNTRIES))
                                          .order_by(m.Tenant.id))).all()
            members = (await conn.execute(
                select(m.Membership.tenant_id, m.Tenant.slug)
                .join(m.Tenant, m.Tenant.id == m.Membership.tenant_id).where(m.Tenant.active)
                .group_by(m.Membership.tenant_id, m.Tenant.slug)
                .order_by(func.count().desc(), m.Membership.tenant_id).limit(1))).first()
            rows = {name: int(await conn.scalar(select(func.count()).select_from(model)) or 0)
                    for name, model in COUNTED.items()}
            active_slugs = sorted((await conn.scalars(select(m.Tenant.slug).where(
                m.Tenant.active))).all())
    finally:
        await engine.dispose()
    staff_tenant_id, staff_tenant = members if members is not None else (0, "")
    return {"opportunity_id": opportunity, "country_tenant_ids": list(tenants),
            "staff_tenant": staff_tenant, "staff_tenant_id": staff_tenant_id, "rows": rows,
            "active_tenants": active_slugs}


def staff_token(key_file: Path, tenant: str) -> dict[str, Any]:
    """A coordinator's development token for `tenant`, signed with the key the hub under
    test trusts (created in the run's folder when missing)."""
    from hub.auth import DevKey, mint_dev_token

    key = DevKey.load_or_create(key_file)
    token = mint_dev_token(key, subject=f"bench-coordinator-{tenant}", tenant=tenant,
                           roles=["coordinator"], volunteer_id=None, federation=False)
    return {"authorization": f"Bearer {token}"}


async def top_up_news(url: str, target: int) -> dict[str, Any]:
    """Copy the public news items (with their translations), each copy dated a few days
    earlier, until `target` public items exist: the scale seed writes no news."""
    n = m.NewsItem
    engine = make_engine(url)
    try:
        async with engine.begin() as conn:
            items = (await conn.execute(select(n.__table__).where(
                *_public(n), n.published_at.is_not(None)).order_by(n.id))).mappings().all()
            if not items or len(items) >= target:
                return {"added": 0, "public_news": len(items)}
            texts = (await conn.execute(select(m.NewsItemTranslation.__table__))).mappings().all()
            by_item: dict[int, list[Any]] = {}
            for row in texts:
                by_item.setdefault(row["news_item_id"], []).append(row)
            next_id = int(await conn.scalar(select(func.max(n.id))) or 0) + 1
            new_items, new_texts = [], []
            for i in range(target - len(items)):
                source = items[i % len(items)]
                copy = i // len(items) + 1
                new_items.append({**source, "id": next_id,
                                  "published_at": source["published_at"] - timedelta(days=copy)})
                new_texts += [{**t, "news_item_id": next_id} for t in by_item.get(source["id"], [])]
                next_id += 1
            await conn.execute(insert(n), new_items)
            if new_texts:
                await conn.execute(insert(m.NewsItemTranslation), new_texts)
            if conn.dialect.name == "postgresql":
                await conn.execute(text("SELECT setval(pg_get_serial_sequence('news_item', 'id'),"
                                        " (SELECT max(id) FROM news_item))"))
    finally:
        await engine.dispose()
    return {"added": len(new_items), "public_news": target}


async def analyze(url: str, vacuum: bool) -> dict[str, Any]:
    """Planner statistics (and on PostgreSQL, with `vacuum`, the visibility map and hint bits)
    after a bulk load: servers with autovacuum off would otherwise plan from nothing."""
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            postgres = conn.dialect.name == "postgresql"
            statement = "VACUUM ANALYZE" if vacuum and postgres else "ANALYZE"
            await conn.execute(text(statement))
    finally:
        await engine.dispose()
    return {"ran": statement}


def count_sql(url: str, operations: list[Operation], facts_json: dict[str, Any],
              locale: str, key_file: Path) -> dict[str, Any]:
    """Run each operation through the hub in process, counting the statements SQLAlchemy
    sends (a `before_cursor_execute` listener, as the tests do): twice with the benchmark's
    page size (the second counts), once with a page of 5 (the count must not change)."""
    from starlette.testclient import TestClient

    from bench.queries import Facts
    from hub.entry.app import create_app

    facts_ = Facts.of(facts_json)
    settings = Settings.from_env({"HUB_DATABASE_URL": url, "HUB_MODE": "dev",
                                  "HUB_DEV_KEY_FILE": str(key_file)})
    staff = staff_token(key_file, facts_.staff_tenant) if facts_.staff_tenant else {}
    app = create_app(settings)
    statements: list[str] = []

    def listener(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    out: dict[str, Any] = {}
    with TestClient(app) as http:
        engine = app.state.hub.engine
        event.listen(engine.sync_engine, "before_cursor_execute", listener)

        def post(body: dict[str, Any], headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
            statements.clear()
            response = http.post("/graphql", json=body, headers=headers)
            return len(statements), response.json()

        for op in operations:
            headers = {"Accept-Language": locale, **(staff if op.staff else {})}
            body = op.body("hub", facts_, locale)
            post(body, headers)
            count, answer = post(body, headers)
            small = {**body, "variables": {**body["variables"], "first": 5}}
            small_count, _ = post(small, headers) if "$first" in (op.hub or "") \
                else (count, None)
            errors = answer.get("errors")
            out[op.key] = {
                "statements": count, "statements_page_of_5": small_count,
                "errors": errors, "rows": op.rows("hub", answer["data"]) if not errors else [],
                "sql": list(statements) if count <= 20 else [],
            }
        event.remove(engine.sync_engine, "before_cursor_execute", listener)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.inproc")
    parser.add_argument("step", choices=("facts", "top-up-news", "analyze", "count-sql",
                                         "staff-token"))
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--target", type=int, default=500)
    parser.add_argument("--queries", default=None)
    parser.add_argument("--facts", type=Path, default=None)
    parser.add_argument("--locale", default="fr")
    parser.add_argument("--vacuum", action="store_true")
    parser.add_argument("--key-file", type=Path, default=Path("dev-key.json"))
    parser.add_argument("--tenant", default="")
    args = parser.parse_args(argv)
    if args.step == "facts":
        result = asyncio.run(facts(args.database_url))
    elif args.step == "top-up-news":
        result = asyncio.run(top_up_news(args.database_url, args.target))
    elif args.step == "analyze":
        result = asyncio.run(analyze(args.database_url, args.vacuum))
    elif args.step == "staff-token":
        result = staff_token(args.key_file, args.tenant)
    else:
        operations = [op for op in select_operations(args.queries) if op.unavailable is None]
        facts_json = orjson.loads(args.facts.read_bytes()) if args.facts else {}
        result = count_sql(args.database_url, operations, facts_json, args.locale,
                           args.key_file)
    sys.stdout.write(orjson.dumps(result).decode() + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
