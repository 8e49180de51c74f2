"""The harness's command line: `python -m bench [--smoke] [--backend ...] [...]`."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

from bench.targets import BENCH_DIR, REPO_DIR

TARGETS = ("hub", "raw", "peer")
ADMIN_URL = os.environ.get("BENCH_POSTGRES_URL") or os.environ.get(
    "HUB_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")


@dataclass(frozen=True)
class Options:
    smoke: bool
    backend: str
    scale: int
    tenants: int  # 0: the repository's tenant files
    database_url: str | None
    admin_url: str
    keep_database: bool
    duration: int
    warmup: int
    rounds: int
    connections: int
    queries: str | None
    targets: tuple[str, ...]
    profile: bool
    profile_seconds: int
    hub_source: Path
    results_dir: Path
    locale: str
    today: str
    news: int
    driver: str
    wire: bool
    max_requests: int
    hub_workers: int = 1  # `tatawwu serve --workers N`
    trusted: bool = False  # the hub's documents pushed as trusted, sent by `documentId`

    @property
    def mode(self) -> str:
        return "smoke" if self.smoke else "full"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m bench",
        description="Benchmark the hub against a raw SQL + orjson baseline and PostGraphile 5 "
        "on the same data, in one run. See bench/RESULTS.md.")
    p.add_argument("--smoke", action="store_true",
                   help="tiny data, ~1 s per target and query, no peer (what the tests run)")
    p.add_argument("--backend", choices=("postgresql", "sqlite"), default=None,
                   help="database to create (default postgresql; ignored with --database-url)")
    p.add_argument("--scale", type=int, default=None,
                   help="`tatawwu seed demo --scale N` (default 10; smoke 0)")
    p.add_argument("--tenants", type=int, default=0,
                   help="tenants in all: the repository's plus generated regional associations "
                   "(the large set: --scale 100 --tenants 50; default: the repository's). "
                   "Give it again with --database-url, or the extra tenants become inactive")
    p.add_argument("--database-url", default=None,
                   help="reuse this database (the hub's SQLAlchemy URL); seeded only if empty")
    p.add_argument("--postgres-url", default=ADMIN_URL,
                   help="server to create tatawwu_bench_* in (BENCH_POSTGRES_URL)")
    p.add_argument("--keep-database", action="store_true", help="do not drop what was created")
    p.add_argument("--duration", type=int, default=None, help="seconds per measurement (10)")
    p.add_argument("--warmup", type=int, default=None,
                   help="seconds of warm-up before each measurement (2; 0: 3 requests)")
    p.add_argument("--rounds", type=int, default=None, help="interleaved rounds (3)")
    p.add_argument("--connections", type=int, default=None, help="wrk connections (8)")
    p.add_argument("--queries", default=None, help="e.g. Q1,Q3 (default: all)")
    p.add_argument("--targets", default=None, help="from hub,raw,peer (smoke: hub,raw)")
    p.add_argument("--profile", action="store_true",
                   help="also profile Q1 and Q2 on the hub with py-spy")
    p.add_argument("--profile-seconds", type=int, default=15)
    p.add_argument("--hub-source", type=Path,
                   default=Path(os.environ.get("BENCH_HUB_SOURCE") or REPO_DIR),
                   help="directory whose hub/, schema/, resolvers/ are benchmarked "
                   "(BENCH_HUB_SOURCE; default: this repository)")
    p.add_argument("--results-dir", type=Path, default=BENCH_DIR / "results")
    p.add_argument("--locale", default="fr", help="Accept-Language of every request (fr)")
    p.add_argument("--today", default="2026-11-01", help="the seed's day (fixed: stable data)")
    p.add_argument("--news", type=int, default=500,
                   help="public news items to reach by copying the demo's (0: none)")
    p.add_argument("--driver", choices=("auto", "wrk", "http"), default="auto",
                   help="load generator: wrk, or the in-process httpx2 loop")
    p.add_argument("--no-wire-count", action="store_true",
                   help="skip counting statements in the PostgreSQL log")
    p.add_argument("--hub-workers", type=int, default=1,
                   help="hub processes (`tatawwu serve --workers N`; PostgreSQL only)")
    p.add_argument("--trusted", action="store_true",
                   help="push Q1-Q5 as trusted documents and send the hub their ids "
                        "(`documentId`): the road of compiled execution")
    p.add_argument("--max-requests", type=int, default=2000,
                   help="request budget of the httpx2 loop per measurement (smoke: at most 60)")
    return p


def parse(argv: list[str] | None = None) -> Options:
    args = parser().parse_args(argv)
    smoke = bool(args.smoke)

    def pick(value: int | None, full: int, small: int) -> int:
        return value if value is not None else (small if smoke else full)

    targets = tuple(t.strip() for t in (args.targets or ("hub,raw" if smoke else
                                                         ",".join(TARGETS))).split(","))
    unknown = set(targets) - set(TARGETS)
    if unknown or "hub" not in targets:
        parser().error(f"--targets takes hub (always) and raw, peer; not {sorted(unknown)}")
    if args.database_url:
        backend = "sqlite" if args.database_url.startswith("sqlite") else "postgresql"
    else:
        backend = args.backend or "postgresql"
    return Options(
        smoke=smoke, backend=backend, scale=pick(args.scale, 10, 0), tenants=max(0, args.tenants),
        database_url=args.database_url, admin_url=args.postgres_url,
        keep_database=args.keep_database, duration=max(1, pick(args.duration, 10, 1)),
        warmup=max(0, pick(args.warmup, 2, 0)), rounds=max(1, pick(args.rounds, 3, 1)),
        connections=max(1, pick(args.connections, 8, 4)), queries=args.queries,
        targets=targets, profile=args.profile, profile_seconds=max(2, args.profile_seconds),
        hub_source=args.hub_source.resolve(), results_dir=args.results_dir.resolve(),
        locale=args.locale, today=args.today, news=max(0, args.news if not smoke else
                                                       min(args.news, 200)),
        driver=args.driver, wire=not args.no_wire_count and not smoke,
        max_requests=max(10, args.max_requests if not smoke else min(args.max_requests, 60)),
        hub_workers=max(1, args.hub_workers), trusted=bool(args.trusted),
    )
