"""`python -m bench.search`: what full-text search costs at the large set, in Arabic, French
and English.

A run prepares a dataset as `python -m bench` does (created or reused, `tatawwu seed demo
--scale N`: 1,000 opportunities per unit, 100 by default: the issue's 100k), then times,
in process (the hub's app over Starlette's test client, an anonymous caller, no HTTP
server), `rounds` requests of each representative search:

    relevance   opportunities(first: 20, filter: {search}) { totalCount edges { node {
                id title } } }   (RELEVANCE, the default with a search)
    newest      the same with orderBy: NEWEST

and, as a baseline, the substring search it replaces: the former LIKE statements (the page
of 21 and the count, over title and summary of every translation, lower() LIKE '%words%'), sent
straight to the database as its owner (no row security, no GraphQL: a floor, not a peer).
The report (JSON in --results-dir, a table on stdout) gives hits and p50/p95 per query;
a failed request fails the run (exit 1).
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import sys
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from bench import dataset as ds
from bench.options import ADMIN_URL
from bench.proc import BenchError
from bench.targets import BENCH_DIR, REPO_DIR, Context

Json = dict[str, Any]

# (language of the caller, words): what volunteers type.
SEARCHES: tuple[tuple[str, str], ...] = (
    ("ar", "اسعاف"),
    ("ar", "التبرع بالدم"),
    ("fr", "premiers secours"),
    ("fr", "bénévolat"),
    ("en", "first aid"),
    ("en", "blood donation"),
)
PAGE = """query($s: String!, $order: OpportunityOrder) {
  opportunities(first: 20, filter: {search: $s}, orderBy: $order) {
    totalCount edges { node { id title } } } }"""
_LIKE = """FROM opportunity o WHERE o.visibility = 'PUBLIC'
  AND o.status = 'PUBLISHED' AND (o.published_at IS NULL OR o.published_at <= :now)
  AND EXISTS (SELECT 1 FROM opportunity_translation t WHERE t.opportunity_id = o.id
    AND (lower(t.title) LIKE lower(:p) ESCAPE '\\'
         OR lower(t.summary) LIKE lower(:p) ESCAPE '\\'))"""
LIKE_PAGE = f"SELECT o.id {_LIKE} ORDER BY o.id DESC LIMIT 21"
LIKE_COUNT = f"SELECT count(*) {_LIKE}"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.search",
                                description=__doc__.split("\n\n")[0])
    p.add_argument("--smoke", action="store_true", help="the demo data, 3 rounds")
    p.add_argument("--backend", choices=("postgresql", "sqlite"), default="postgresql")
    p.add_argument("--database-url", default=None, help="reuse this database (seeded if empty)")
    p.add_argument("--postgres-url", default=ADMIN_URL)
    p.add_argument("--scale", type=int, default=None, help="seed scale (default 100; smoke 0)")
    p.add_argument("--rounds", type=int, default=None, help="requests per search (20; smoke 3)")
    p.add_argument("--no-like", action="store_true", help="skip the LIKE baseline")
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
    call()  # warm: plans, caches, the first page of the index
    seconds: list[float] = []
    answer = None
    for _ in range(rounds):
        started = time.perf_counter()
        answer = call()
        seconds.append(time.perf_counter() - started)
    return seconds, answer


def _measure_api(url: str, key_file: Path, rounds: int) -> dict[str, Json]:
    from starlette.testclient import TestClient

    from hub.config import Settings
    from hub.entry.app import create_app

    settings = Settings.from_env({"HUB_DATABASE_URL": url, "HUB_MODE": "dev",
                                  "HUB_DEV_KEY_FILE": str(key_file),
                                  "HUB_LOG_LEVEL": "warning"})
    out: dict[str, Json] = {}
    with TestClient(create_app(settings)) as http:
        for language, words in SEARCHES:
            row: Json = {}
            for order in ("RELEVANCE", "NEWEST"):
                def call(order: str = order, words: str = words, language: str = language
                         ) -> Json:
                    response = http.post("/graphql", json={
                        "query": PAGE, "variables": {"s": words, "order": order}},
                        headers={"Accept-Language": language})
                    body: Json = response.json()
                    if response.status_code != 200 or body.get("errors"):
                        raise BenchError(f"search {words!r} {order}: {body}")
                    return body

                seconds, body = _timed(rounds, call)
                row[order.lower()] = {"p50_ms": _pct(seconds, 0.5), "p95_ms": _pct(seconds, 0.95),
                                      "hits": body["data"]["opportunities"]["totalCount"]}
            out[words] = row
    return out


async def _measure_like(url: str, rounds: int) -> dict[str, Json]:
    from sqlalchemy import text

    from hub.db.engine import make_engine
    from resolvers.core.search import like_pattern

    engine = make_engine(url)
    out: dict[str, Json] = {}
    try:
        async with engine.connect() as conn:
            for _language, words in SEARCHES:
                now = datetime.now(UTC)
                params = {"p": like_pattern(words),
                          "now": now.replace(tzinfo=None) if "sqlite" in url else now}
                seconds: list[float] = []
                hits = 0
                for i in range(rounds + 1):
                    started = time.perf_counter()
                    await conn.execute(text(LIKE_PAGE), params)
                    hits = int((await conn.execute(text(LIKE_COUNT), params)).scalar() or 0)
                    if i:  # the first one warms
                        seconds.append(time.perf_counter() - started)
                out[words] = {"p50_ms": _pct(seconds, 0.5), "p95_ms": _pct(seconds, 0.95),
                              "hits": hits}
    finally:
        await engine.dispose()
    return out


def table(report: Json) -> str:
    lines = [f"search at scale {report['scale']} ({report['backend']}, "
             f"{report.get('opportunities') or '?'} opportunities), {report['rounds']} "
             "requests each; ms",
             f"{'search':<18} {'hits':>6} {'rel p50':>8} {'rel p95':>8} {'new p50':>8} "
             f"{'new p95':>8} {'like hits':>9} {'like p50':>8} {'like p95':>8}"]
    for words, row in report["searches"].items():
        rel, new, like = row["relevance"], row["newest"], row.get("like") or {}
        lines.append(f"{words:<18} {rel['hits']:>6} {rel['p50_ms']:>8} {rel['p95_ms']:>8} "
                     f"{new['p50_ms']:>8} {new['p95_ms']:>8} {like.get('hits', '-'):>9} "
                     f"{like.get('p50_ms', '-'):>8} {like.get('p95_ms', '-'):>8}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    scale = args.scale if args.scale is not None else (0 if args.smoke else 100)
    rounds = args.rounds or (3 if args.smoke else 20)
    stamp, work, dataset = ds.for_run("search", args.results_dir, args.database_url,
                                      args.backend, args.postgres_url)
    ctx = Context(sys.executable, REPO_DIR, dataset.url, work)
    report: Json = {"format": 1, "mode": "smoke" if args.smoke else "full",
                    "backend": dataset.backend, "scale": scale, "rounds": rounds,
                    "python": platform.python_version(), "problems": [], "searches": {}}
    ok = False
    try:
        ds.prepare(ctx, dataset, scale=scale, today=args.today, news=0)
        report["dataset"] = dataset.describe()
        rows = dataset.facts.get("rows") or {}
        report["opportunities"] = rows.get("opportunities")
        searches = _measure_api(dataset.url, ctx.dev_key_file, rounds)
        if not args.no_like:
            for words, like in asyncio.run(_measure_like(dataset.url, rounds)).items():
                searches[words]["like"] = like
        report["searches"] = searches
        ok = True
    except BenchError as exc:
        report["problems"].append(str(exc))
    finally:
        if not args.keep_database:
            ds.drop(dataset, args.postgres_url)
    path = work.parent / f"{stamp}.json"
    path.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
    if report["searches"]:
        print(table(report))
    for problem in report["problems"]:
        print(f"problem: {problem}")
    print(f"\nJSON: {path}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
