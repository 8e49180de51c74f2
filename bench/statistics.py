"""`python -m bench.statistics`: what the `statistics` query costs at the large set, against
the raw SQL that scans the hours entries to answer the same question.

A run prepares a dataset as `python -m bench` does (created or reused, `tatawwu seed demo
--scale N`: 50,000 hours entries per unit, 100 by default: the issue's 5M; `--tenants 50`
spreads them over 50 tenants), then:

- spreads the generated records over the year before `--today` (the scale generator dates
  every hours entry in the last four weeks): each application, with its hours, moves back
  by (its id x 7919) mod 335 days, in two set-based UPDATEs (only in a database this run
  seeded; `--no-spread` keeps the dates);
- rebuilds the statistics' rollups (`tatawwu statistics rebuild`, in process), timed;
- times, in process (the hub's app over Starlette's test client, no HTTP server), `rounds`
  requests of each question over the twelve months up to `--today`:

      analyst-month-tenant   a federation analyst: verified hours and active volunteers by
                             month and tenant (protected: suppression and perturbation)
      staff-month            a tenant's staff: the same for their tenant by month (exact)
      analyst-month-category the analyst by month and category (the category slice)
      staff-category-region  the staff by category and place (two dimensions: the long
                             road, the facts rollup, one row per volunteer and cell)

- and the same answers from the records, as the database's owner (no GraphQL, no
  protection): hours summed and volunteers counted by cell and over the year, scanning
  `hours_entry` (joined to the opportunities for the category).

The report (JSON in --results-dir, a table on stdout) gives p50/p95 per question, the raw
baseline's, and their ratio. The staff's exact answer must equal the baseline's figures,
or the run fails (exit 1)."""

from __future__ import annotations

import argparse
import asyncio
import platform
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from bench import dataset as ds
from bench.options import ADMIN_URL
from bench.proc import BenchError
from bench.targets import BENCH_DIR, REPO_DIR, Context
from bench.tenants import write_registry

Json = dict[str, Any]
SPREAD_DAYS = 335
QUERY = """query($metrics: [StatisticsMetric!]!, $groupBy: [StatisticsDimension!]!,
                 $filter: StatisticsFilter) {
  statistics(metrics: $metrics, groupBy: $groupBy, filter: $filter) {
    protected suppressedCells
    cells { key { dimension value label } values { metric value display } suppressed isOther }
    totals { metric value display } } }"""
QUESTIONS: dict[str, tuple[str, list[str]]] = {  # name: (who, groupBy)
    "analyst-month-tenant": ("analyst", ["MONTH", "TENANT"]),
    "staff-month": ("staff", ["MONTH"]),
    "analyst-month-category": ("analyst", ["MONTH", "CATEGORY"]),
    "staff-category-region": ("staff", ["CATEGORY", "REGION"]),
}
METRICS = ["VERIFIED_HOURS", "ACTIVE_VOLUNTEERS"]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.statistics",
                                description=__doc__.split("\n\n")[0])
    p.add_argument("--smoke", action="store_true", help="the demo data, 3 rounds")
    p.add_argument("--backend", choices=("postgresql", "sqlite"), default="postgresql")
    p.add_argument("--database-url", default=None, help="reuse this database (seeded if empty)")
    p.add_argument("--postgres-url", default=ADMIN_URL)
    p.add_argument("--scale", type=int, default=None, help="seed scale (default 100; smoke 0)")
    p.add_argument("--tenants", type=int, default=0,
                   help="tenants in all (the large set: 50; default: the repository's)")
    p.add_argument("--rounds", type=int, default=None, help="requests per question (30; "
                                                            "smoke 3)")
    p.add_argument("--no-spread", action="store_true", help="keep the generated dates")
    p.add_argument("--no-rebuild", action="store_true",
                   help="keep the rollups (a reused database, rebuilt before)")
    p.add_argument("--today", default="2026-11-01")
    p.add_argument("--results-dir", type=Path, default=BENCH_DIR / "results")
    p.add_argument("--keep-database", action="store_true")
    return p


def _pct(values: list[float], p: float) -> float | None:
    ordered = sorted(values)
    if not ordered:
        return None
    return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 2)


def _timed(rounds: int, call: Callable[[], Any]) -> tuple[list[float], Any]:
    call()  # warm: plans, caches
    seconds: list[float] = []
    answer = None
    for _ in range(rounds):
        started = time.perf_counter()
        answer = call()
        seconds.append(time.perf_counter() - started)
    return seconds, answer


def year_before(today: date) -> tuple[date, date]:
    """The twelve months up to `today`'s: their first and last days."""
    from resolvers.statistics.calendar import add_months, month_end, month_of

    return add_months(month_of(today), -11), month_end(today)


# --- preparing ---------------------------------------------------------------------------


async def spread(url: str) -> dict[str, int]:
    """Each application and its hours moved back by (id x 7919) mod 335 days."""
    from sqlalchemy import text

    from hub.db.engine import make_engine

    engine = make_engine(url)
    shift = f"((application_id * 7919) % {SPREAD_DAYS})"
    own = f"((id * 7919) % {SPREAD_DAYS})"
    if url.startswith("postgresql"):
        statements = [
            f"UPDATE hours_entry SET date = date - CAST({shift} AS integer)",
            f"UPDATE application SET applied_at = applied_at - make_interval(days => "
            f"CAST({own} AS integer)), completed_at = completed_at - make_interval(days => "
            f"CAST({own} AS integer))",
        ]
    else:
        statements = [
            f"UPDATE hours_entry SET date = date(date, '-' || {shift} || ' days')",
            f"UPDATE application SET applied_at = datetime(applied_at, '-' || {own} || "
            f"' days'), completed_at = datetime(completed_at, '-' || {own} || ' days')",
        ]
    moved: dict[str, int] = {}
    try:
        async with engine.begin() as conn:
            for statement, table in zip(statements, ("hours_entry", "application"),
                                        strict=True):
                moved[table] = (await conn.execute(text(statement))).rowcount
    finally:
        await engine.dispose()
    return moved


async def rebuild(url: str) -> Json:
    from hub.config import Settings
    from hub.entry.statistics_admin import rebuild as rebuild_rollups

    started = time.perf_counter()
    counts = await rebuild_rollups(Settings.from_env({"HUB_DATABASE_URL": url}))
    return {"seconds": round(time.perf_counter() - started, 1), "rows": counts}


async def busiest_tenant(url: str) -> tuple[int, str]:
    """The tenant with the most verified hours: its staff's question is the heaviest."""
    from sqlalchemy import func, select

    from hub.db import models as m
    from hub.db.engine import make_engine

    e = m.HoursEntry
    engine = make_engine(url)
    try:
        async with engine.connect() as conn:
            row = (await conn.execute(
                select(m.Tenant.id, m.Tenant.slug).join(e, e.tenant_id == m.Tenant.id)
                .where(e.status == "APPROVED").group_by(m.Tenant.id, m.Tenant.slug)
                .order_by(func.sum(e.hours).desc(), m.Tenant.id).limit(1))).first()
    finally:
        await engine.dispose()
    if row is None:
        raise BenchError("no verified hours in the dataset")
    return int(row[0]), str(row[1])


# --- measuring ---------------------------------------------------------------------------

def _measure_api(url: str, key_file: Path, rounds: int, period: tuple[date, date],
                 staff_tenant: str) -> dict[str, Json]:
    from starlette.testclient import TestClient

    from hub.auth import DevKey, mint_dev_token
    from hub.config import Settings
    from hub.entry.app import create_app

    settings = Settings.from_env({"HUB_DATABASE_URL": url, "HUB_MODE": "dev",
                                  "HUB_DEV_KEY_FILE": str(key_file),
                                  "HUB_LOG_LEVEL": "warning", "HUB_RATE_LIMIT_IP": "0",
                                  "HUB_RATE_LIMIT_PRINCIPAL": "0"})
    key = DevKey.load_or_create(key_file)
    tokens = {
        "analyst": mint_dev_token(key, subject="bench-analyst", tenant=None, roles=[],
                                  volunteer_id=None, federation=True),
        "staff": mint_dev_token(key, subject="bench-staff", tenant=staff_tenant,
                                roles=["viewer"], volunteer_id=None, federation=False),
    }
    out: dict[str, Json] = {}
    with TestClient(create_app(settings)) as http:
        for name, (who, group_by) in QUESTIONS.items():
            variables = {"metrics": METRICS, "groupBy": group_by, "filter": {
                "from": period[0].isoformat(), "to": period[1].isoformat()}}

            def call(variables: Json = variables, who: str = who, name: str = name) -> Json:
                response = http.post("/graphql", json={"query": QUERY, "variables": variables},
                                     headers={"Authorization": f"Bearer {tokens[who]}",
                                              "Accept-Language": "en"})
                body: Json = response.json()
                if response.status_code != 200 or body.get("errors"):
                    raise BenchError(f"statistics {name}: {body}")
                return body

            try:
                seconds, body = _timed(rounds, call)
            except BenchError as exc:  # the others are still measured
                out[name] = {"error": str(exc)[:2000]}
                continue
            answer = body["data"]["statistics"]
            out[name] = {"p50_ms": _pct(seconds, 0.5), "p95_ms": _pct(seconds, 0.95),
                         "cells": len(answer["cells"]), "protected": answer["protected"],
                         "suppressed_cells": answer["suppressedCells"],
                         "totals": {t["metric"]: t["value"] for t in answer["totals"]}}
    return out


async def _measure_raw(url: str, rounds: int, period: tuple[date, date], tenant_id: int
                       ) -> dict[str, Json]:
    from sqlalchemy import func, select

    from hub.db import models as m
    from hub.db.engine import make_engine
    from resolvers.statistics.calendar import month_sql

    e, a, o = m.HoursEntry, m.Application, m.Opportunity
    dialect = "postgresql" if url.startswith("postgresql") else "sqlite"
    month = month_sql(dialect, e.date)
    base = [e.status == "APPROVED", e.date.between(*period)]
    sums = (func.sum(e.hours), func.count(func.distinct(e.volunteer_id)))
    by_category = select(month, o.category_code, *sums).join(a, a.id == e.application_id) \
        .join(o, o.id == a.opportunity_id).where(*base).group_by(month, o.category_code)
    by_place = select(o.category_code, o.country, o.region, *sums) \
        .join(a, a.id == e.application_id).join(o, o.id == a.opportunity_id) \
        .where(*base, e.tenant_id == tenant_id) \
        .group_by(o.category_code, o.country, o.region)
    questions: dict[str, list[Any]] = {
        "analyst-month-tenant": [select(e.tenant_id, month, *sums).where(*base)
                                 .group_by(e.tenant_id, month),
                                 select(*sums).where(*base)],
        "staff-month": [select(month, *sums).where(*base, e.tenant_id == tenant_id)
                        .group_by(month),
                        select(*sums).where(*base, e.tenant_id == tenant_id)],
        "analyst-month-category": [by_category, select(*sums).where(*base)],
        "staff-category-region": [by_place,
                                  select(*sums).where(*base, e.tenant_id == tenant_id)],
    }
    engine = make_engine(url)
    out: dict[str, Json] = {}
    try:
        async with engine.connect() as conn:
            for name, statements in questions.items():
                seconds: list[float] = []
                totals: Any = None
                cells = 0
                for i in range(rounds + 1):
                    started = time.perf_counter()
                    cells = len((await conn.execute(statements[0])).all())
                    totals = (await conn.execute(statements[1])).one()
                    if i:  # the first one warms
                        seconds.append(time.perf_counter() - started)
                out[name] = {"p50_ms": _pct(seconds, 0.5), "p95_ms": _pct(seconds, 0.95),
                             "cells": cells, "totals": {
                                 "VERIFIED_HOURS": round(float(totals[0] or 0), 2),
                                 "ACTIVE_VOLUNTEERS": int(totals[1] or 0)}}
    finally:
        await engine.dispose()
    return out


def table(report: Json) -> str:
    rows = (report.get("dataset") or {}).get("rows") or {}
    lines = [f"statistics at scale {report['scale']} ({report['backend']}, "
             f"{rows.get('hours entries') or '?'} hours entries, rollups rebuilt in "
             f"{(report.get('rebuild') or {}).get('seconds', '?')} s), {report['rounds']} "
             f"requests each; ms",
             f"{'question':<24} {'cells':>6} {'p50':>8} {'p95':>8} {'raw p50':>8} "
             f"{'raw p95':>8} {'ratio p50':>9}"]
    for name, row in report["questions"].items():
        raw = row.get("raw") or {}
        if "error" in row:
            lines.append(f"{name:<24} failed: {row['error'][:60]}")
            continue
        lines.append(f"{name:<24} {row['cells']:>6} {row['p50_ms']:>8} {row['p95_ms']:>8} "
                     f"{raw.get('p50_ms', '-'):>8} {raw.get('p95_ms', '-'):>8} "
                     f"{row.get('ratio_p50', '-'):>9}")
    return "\n".join(lines)


def _check(questions: dict[str, Json], problems: list[str]) -> None:
    """The staff's exact answers are the records' own figures."""
    for name in ("staff-month", "staff-category-region"):
        staff = questions.get(name) or {}
        hub, raw = staff.get("totals"), (staff.get("raw") or {}).get("totals")
        if hub is not None and raw is not None and hub != raw:
            problems.append(f"{name}: the hub answered {hub}, the records say {raw}")


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    scale = args.scale if args.scale is not None else (0 if args.smoke else 100)
    rounds = args.rounds or (3 if args.smoke else 30)
    today = date.fromisoformat(args.today)
    period = year_before(today)
    stamp, work, dataset = ds.for_run("statistics", args.results_dir, args.database_url,
                                      args.backend, args.postgres_url)
    tenants_dir = write_registry(work / "tenants", args.tenants) if args.tenants else None
    ctx = Context(sys.executable, REPO_DIR, dataset.url, work, tenants_dir)
    report: Json = {"format": 1, "mode": "smoke" if args.smoke else "full",
                    "backend": dataset.backend, "scale": scale, "tenants": args.tenants,
                    "rounds": rounds, "period": [d.isoformat() for d in period],
                    "python": platform.python_version(), "problems": [], "questions": {}}
    ok = False
    try:
        ds.prepare(ctx, dataset, scale=scale, today=args.today, news=0)
        if dataset.seed_seconds is not None and not args.no_spread:
            report["spread"] = asyncio.run(spread(dataset.url))
            dataset.notes.append(f"records spread over {SPREAD_DAYS} days before their dates")
        if not args.no_rebuild:
            report["rebuild"] = asyncio.run(rebuild(dataset.url))
        ds.inproc(ctx, ["analyze"], timeout=1800)
        report["dataset"] = dataset.describe()
        tenant_id, slug = asyncio.run(busiest_tenant(dataset.url))
        report["staff_tenant"] = slug
        questions = _measure_api(dataset.url, ctx.dev_key_file, rounds, period, slug)
        for name, raw in asyncio.run(_measure_raw(dataset.url, rounds, period,
                                                  tenant_id)).items():
            questions[name]["raw"] = raw
            if "error" in questions[name]:
                report["problems"].append(f"{name}: {questions[name]['error']}")
            elif raw["p50_ms"]:
                questions[name]["ratio_p50"] = round(questions[name]["p50_ms"]
                                                     / raw["p50_ms"], 3)
        report["questions"] = questions
        _check(questions, report["problems"])
        ok = not report["problems"]
    except BenchError as exc:
        report["problems"].append(str(exc))
    finally:
        if not args.keep_database:
            ds.drop(dataset, args.postgres_url)
    path = work.parent / f"{stamp}.json"
    path.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
    if report["questions"]:
        print(table(report))
    for problem in report["problems"]:
        print(f"problem: {problem}")
    print(f"\nJSON: {path}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
