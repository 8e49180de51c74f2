"""`python -m bench.writes`: what the volunteer journey's writes cost, through HTTP.

A run prepares a dataset as `python -m bench` does (created or reused, `tatawwu seed demo
--scale N`), serves it with `tatawwu serve`, and walks N new volunteers through the journey,
`--concurrency` requests at a time, timing every request of each phase:

    register   registerVolunteer (a new signed-in subject joins the tenant with most members)
    apply      applyToOpportunity (20 REVIEW opportunities the run adds to that tenant)
    decide     decideApplication ACCEPTED, by a coordinator of the tenant
    log        logHours (yesterday, 2 h)
    verify     verifyHours of one entry per request (half of the entries)
    verify25   verifyHours of 25 entries per request (the other half)

Then it counts the SQL statements of one request of each phase in process (the tests'
`before_cursor_execute` listener). Every request must answer without a GraphQL error: a
failed write fails the run (exit 1). The report (JSON in --results-dir, a table on stdout)
gives p50/p95/p99/max per phase; there is no peer here (PostGraphile does not implement
this domain) and no raw baseline (a write is its transaction; see bench/RESULTS.md).
"""

from __future__ import annotations

import argparse
import asyncio
import platform
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx2 as httpx
import orjson

from bench import dataset as ds
from bench.options import ADMIN_URL
from bench.proc import BenchError, Server
from bench.targets import BENCH_DIR, REPO_DIR, Context, hub_server

Json = dict[str, Any]

REGISTER = """mutation Register($input: RegisterVolunteerInput!) {
  registerVolunteer(input: $input) { id } }"""
APPLY = """mutation Apply($id: ID!) {
  applyToOpportunity(input: {opportunityId: $id}) { id status } }"""
DECIDE = """mutation Decide($id: ID!) {
  decideApplication(input: {applicationId: $id, decision: ACCEPTED}) { id status } }"""
LOG = """mutation Log($id: ID!, $date: Date!) {
  logHours(input: {applicationId: $id, date: $date, hours: 2, note: "bench"}) { id status } }"""
VERIFY = """mutation Verify($ids: [ID!]!) {
  verifyHours(input: {entryIds: $ids, approve: true}) { id status } }"""
BATCH = 25
PHASES = ("register", "apply", "decide", "log", "verify", "verify25")


@dataclass
class Phase:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    statements: int | None = None

    def as_json(self) -> Json:
        ordered = sorted(self.latencies)

        def pct(p: float) -> float | None:
            if not ordered:
                return None
            return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 2)

        return {"requests": len(ordered) + len(self.errors), "errors": len(self.errors),
                "first_errors": self.errors[:3], "seconds": round(self.seconds, 3),
                "rps": round(len(ordered) / self.seconds, 1) if self.seconds else None,
                "p50_ms": pct(0.5), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
                "max_ms": round(ordered[-1] * 1000, 2) if ordered else None,
                "sql_per_request": self.statements}


@dataclass(frozen=True)
class Ground:
    """What the run writes against: a tenant, its REVIEW opportunities, tokens."""

    tenant: str
    opportunities: tuple[str, ...]  # global ids
    coordinator: dict[str, str]
    key_file: Path


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.writes", description=__doc__.split(
        "\n\n")[0])
    p.add_argument("--smoke", action="store_true", help="12 volunteers on the demo data")
    p.add_argument("--backend", choices=("postgresql", "sqlite"), default="postgresql")
    p.add_argument("--database-url", default=None, help="reuse this database (seeded if empty)")
    p.add_argument("--postgres-url", default=ADMIN_URL)
    p.add_argument("--scale", type=int, default=None, help="seed scale (default 1; smoke 0)")
    p.add_argument("--volunteers", type=int, default=None, help="default 200; smoke 12")
    p.add_argument("--concurrency", type=int, default=8)
    p.add_argument("--today", default="2026-11-01")
    p.add_argument("--results-dir", type=Path, default=BENCH_DIR / "results")
    p.add_argument("--keep-database", action="store_true")
    return p


async def _ground(url: str, key_file: Path, volunteers: int) -> Ground:
    """The tenant with most members, and 20 opportunities the run adds to it to write
    against: published, public, REVIEW, remote and open at any time, no capacity or age
    limit (the demo's own ones are full, ended or automatic; the run must not depend on
    them). Their external ids start with `bench-writes-`."""
    from sqlalchemy import func, select

    from hub.auth import DevKey, mint_dev_token
    from hub.db import models as m
    from hub.db.engine import make_engine, make_sessionmaker
    from hub.ids import encode_id

    engine = make_engine(url)
    try:
        async with make_sessionmaker(engine)() as session, session.begin():
            top = (await session.execute(
                select(m.Membership.tenant_id, m.Tenant.slug)
                .join(m.Tenant, m.Tenant.id == m.Membership.tenant_id).where(m.Tenant.active)
                .group_by(m.Membership.tenant_id, m.Tenant.slug)
                .order_by(func.count().desc(), m.Membership.tenant_id).limit(1))).first()
            category = await session.scalar(select(m.Category.code).order_by(m.Category.code))
            if top is None or category is None:
                raise BenchError("the dataset has no members or no categories")
            now = datetime.now(UTC)
            rows = [m.Opportunity(
                tenant_id=top[0], external_id=f"bench-writes-{now:%H%M%S%f}-{n}",
                format="REMOTE", category_code=category, is_ongoing=True, capacity=None,
                visibility="PUBLIC", status="PUBLISHED", published_at=now,
                acceptance="REVIEW") for n in range(20)]
            session.add_all(rows)
            await session.flush()
            session.add_all(m.OpportunityTranslation(
                opportunity_id=r.id, tenant_id=top[0], locale="ar", is_source=True,
                title=f"فرصة قياس الأداء {n + 1}") for n, r in enumerate(rows))
            ids = [r.id for r in rows]
    finally:
        await engine.dispose()
    key = DevKey.load_or_create(key_file)
    token = mint_dev_token(key, subject=f"bench-writes-coordinator-{top[1]}", tenant=top[1],
                           roles=["coordinator"], volunteer_id=None, federation=False)
    return Ground(top[1], tuple(encode_id("Opportunity", i) for i in ids),
                  {"authorization": f"Bearer {token}"}, key_file)


def volunteer_headers(ground: Ground, n: int, run: str) -> dict[str, str]:
    from hub.auth import DevKey, mint_dev_token

    token = mint_dev_token(DevKey.load_or_create(ground.key_file),
                           subject=f"bench-writes-{run}-{n}", tenant=None, roles=[],
                           volunteer_id=None, federation=False)
    return {"authorization": f"Bearer {token}"}


def register_input(ground: Ground, n: int) -> Json:
    return {"tenant": ground.tenant, "firstName": f"Bench{n}", "lastName": "Volunteer",
            "birthDate": "1994-05-17", "acceptTerms": True}


Step = Callable[[int], Awaitable[Any]]


async def _phase(phase: Phase, count: int, concurrency: int, step: Step) -> list[Any]:
    """Run `step(i)` for i < count, `concurrency` at a time, timing each."""
    results: list[Any] = [None] * count
    queue = iter(range(count))

    async def worker() -> None:
        for i in queue:
            t0 = time.perf_counter()
            try:
                results[i] = await step(i)
            except BenchError as exc:
                phase.errors.append(str(exc))
                continue
            phase.latencies.append(time.perf_counter() - t0)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    phase.seconds = time.perf_counter() - started
    return results


async def _journey(url: str, ground: Ground, volunteers: int, concurrency: int,
                   run: str) -> dict[str, Phase]:
    phases = {name: Phase(name) for name in PHASES}
    people = [volunteer_headers(ground, n, run) for n in range(volunteers)]
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:

        async def call(query: str, variables: Json, headers: dict[str, str], field: str) -> Any:
            response = await client.post("/graphql", json={"query": query,
                                                            "variables": variables},
                                         headers={"Accept-Language": "ar", **headers})
            answer = response.json()
            if response.status_code >= 400 or answer.get("errors"):
                raise BenchError(f"{field}: {response.status_code} "
                                 f"{str(answer.get('errors'))[:300]}")
            return answer["data"][field]

        await _phase(phases["register"], volunteers, concurrency, lambda i: call(
            REGISTER, {"input": register_input(ground, i)}, people[i], "registerVolunteer"))
        applications = await _phase(phases["apply"], volunteers, concurrency, lambda i: call(
            APPLY, {"id": ground.opportunities[i % len(ground.opportunities)]}, people[i],
            "applyToOpportunity"))
        ids = [a["id"] for a in applications if a]
        await _phase(phases["decide"], len(ids), concurrency, lambda i: call(
            DECIDE, {"id": ids[i]}, ground.coordinator, "decideApplication"))
        entries = await _phase(phases["log"], len(ids), concurrency, lambda i: call(
            LOG, {"id": ids[i], "date": yesterday}, people[i], "logHours"))
        entry_ids = [e["id"] for e in entries if e]
        half = len(entry_ids) // 2
        await _phase(phases["verify"], half, concurrency, lambda i: call(
            VERIFY, {"ids": [entry_ids[i]]}, ground.coordinator, "verifyHours"))
        rest = entry_ids[half:]
        batches = [rest[i:i + BATCH] for i in range(0, len(rest), BATCH)]
        await _phase(phases["verify25"], len(batches), concurrency, lambda i: call(
            VERIFY, {"ids": batches[i]}, ground.coordinator, "verifyHours"))
    return phases


def count_statements(url: str, ground: Ground, phases: dict[str, Phase]) -> None:
    """One request of each phase in process, its statements counted."""
    from sqlalchemy import event
    from starlette.testclient import TestClient

    from hub.config import Settings
    from hub.entry.app import create_app

    settings = Settings.from_env({"HUB_DATABASE_URL": url, "HUB_MODE": "dev",
                                  "HUB_DEV_KEY_FILE": str(ground.key_file)})
    app = create_app(settings)
    statements: list[str] = []

    def listener(*args: Any) -> None:
        statements.append(args[2])

    with TestClient(app) as http:
        engine = app.state.hub.engine

        def counted(phase: str, query: str, variables: Json, headers: dict[str, str],
                    field: str) -> Any:
            statements.clear()
            event.listen(engine.sync_engine, "before_cursor_execute", listener)
            try:
                answer = http.post("/graphql", json={"query": query, "variables": variables},
                                   headers=headers).json()
            finally:
                event.remove(engine.sync_engine, "before_cursor_execute", listener)
            if answer.get("errors"):
                raise BenchError(f"{phase} in process: {answer['errors']}")
            phases[phase].statements = len(statements)
            return answer["data"][field]

        people = [volunteer_headers(ground, n, f"count{time.time_ns()}")
                  for n in range(BATCH + 1)]
        yesterday = (date.today() - timedelta(days=1)).isoformat()
        entry_ids: list[str] = []
        for n, who in enumerate(people):
            first = n == 0
            run: Callable[..., Any] = counted if first else (
                lambda _p, q, v, h, f: http.post("/graphql", json={"query": q, "variables": v},
                                                 headers=h).json()["data"][f])
            run("register", REGISTER, {"input": register_input(ground, n)}, who,
                "registerVolunteer")
            application = run("apply", APPLY, {"id": ground.opportunities[0]}, who,
                              "applyToOpportunity")
            run("decide", DECIDE, {"id": application["id"]}, ground.coordinator,
                "decideApplication")
            entry = run("log", LOG, {"id": application["id"], "date": yesterday}, who,
                        "logHours")
            entry_ids.append(entry["id"])
        counted("verify", VERIFY, {"ids": entry_ids[:1]}, ground.coordinator, "verifyHours")
        counted("verify25", VERIFY, {"ids": entry_ids[1:]},
                ground.coordinator, "verifyHours")


def table(report: Json) -> str:
    lines = [f"Tatawwu Hub write benchmark, {report['mode']} mode: {report['backend']}, "
             f"{report['volunteers']} volunteers, {report['concurrency']} concurrent requests, "
             f"tenant {report['tenant']}"]
    lines.append(f"{'phase':<10} {'requests':>8} {'errors':>6} {'rps':>8} {'p50 ms':>8} "
                 f"{'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'SQL/req':>7}")
    for name, p in report["phases"].items():
        lines.append(f"{name:<10} {p['requests']:>8} {p['errors']:>6} {p['rps'] or '-':>8} "
                     f"{p['p50_ms'] or '-':>8} {p['p95_ms'] or '-':>8} {p['p99_ms'] or '-':>8} "
                     f"{p['max_ms'] or '-':>8} {p['sql_per_request'] or '-':>7}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    volunteers = args.volunteers or (12 if args.smoke else 200)
    scale = args.scale if args.scale is not None else (0 if args.smoke else 1)
    stamp, work, dataset = ds.for_run("writes", args.results_dir, args.database_url,
                                      args.backend, args.postgres_url)
    ctx = Context(sys.executable, REPO_DIR, dataset.url, work)
    server: Server | None = None
    report: Json = {"format": 1, "mode": "smoke" if args.smoke else "full",
                    "backend": dataset.backend, "volunteers": volunteers,
                    "concurrency": args.concurrency, "scale": scale,
                    "python": platform.python_version(), "problems": []}
    ok = False
    try:
        ds.prepare(ctx, dataset, scale=scale, today=args.today, news=0)
        report["rows"] = dataset.facts.get("rows")
        ground = asyncio.run(_ground(dataset.url, ctx.dev_key_file, volunteers))
        report["tenant"] = ground.tenant
        server = hub_server(ctx)
        server.start(timeout=120)
        phases = asyncio.run(_journey(server.url, ground, volunteers, args.concurrency,
                                      stamp))
        server.stop()
        server = None
        count_statements(dataset.url, ground, phases)
        report["phases"] = {name: p.as_json() for name, p in phases.items()}
        ok = all(not p.errors and p.latencies for p in phases.values())
        if not ok:
            report["problems"].append("some writes failed: see first_errors")
    except BenchError as exc:
        report["problems"].append(str(exc))
        report.setdefault("phases", {})
        report.setdefault("tenant", "-")
    finally:
        if server is not None:
            server.stop()
        if not args.keep_database:
            ds.drop(dataset, args.postgres_url)
    path = work.parent / f"{stamp}.json"
    path.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
    print(table(report))
    for problem in report["problems"]:
        print(f"problem: {problem}")
    print(f"\nJSON: {path}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
