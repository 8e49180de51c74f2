"""`python -m bench.flood`: does a flood of heavy documents that the limits refuse slow down
everyone else? p50/p99 of bench Q1 (the first page of 100 opportunities, anonymous) from
one client, quiet, then while a second client floods the same hub with documents that
the limits must refuse before they run; the issue's acceptance: the flooded p99 within
1.5x of the quiet one.

The hub is `tatawwu serve` (one process, as in `python -m bench`; rate limits off: both
clients share an address, see `hub_server`) over a dataset prepared
as `python -m bench` does (created and seeded, `--scale 10` by default, or reused with
`--database-url`: then used as it is, the server migrates and syncs its tenants). The
measuring client sends Q1 one request after another; the flooding client is a process of
its own (so that building and sending 5 MB bodies never shares an interpreter with the
clock) with `--connections` concurrent connections, each cycling through FLOODS, as fast
as the hub answers. Short quiet and flooded windows alternate `--rounds` times, so that a
drift of the machine's load falls on both alike. The report (JSON in --results-dir, a table
on stdout) gives p50/p99 both ways and their ratios, the hub's CPU in each kind of window,
and per flood document how many were sent, how they were answered (status, error codes)
and how fast; a flood document the hub *executed* instead of refusing is reported as
served. Exit 1 when the harness failed (the hub never
started, Q1 failed); the ratio is reported, not enforced, unless `--enforce`.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import multiprocessing
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from multiprocessing.synchronize import Event
from pathlib import Path
from typing import Any, Final

import httpx2 as httpx
import orjson

from bench import dataset as ds
from bench import sysinfo
from bench.options import ADMIN_URL
from bench.proc import BenchError, Server, cpu_seconds, free_port, tree_cpu_seconds
from bench.queries import HUB_Q1
from bench.targets import BENCH_DIR, REPO_DIR, Context

Json = dict[str, Any]
ACCEPTANCE: Final = 1.5  # flooded p99 / quiet p99, at most
HEADERS: Final = {"Content-Type": "application/json", "Accept-Language": "fr"}
PAGE: Final = "opportunities(first: 100) { edges { node { id title startsAtDisplay spotsLeft " \
    "tenant { name } organization { name } } } }"
NESTED: Final = "opportunities(first: 100) { edges { node { id title organization { name " \
    "tenant { name parent { name } } } campaign { title } skills { label } } } }"
MB: Final = 1 << 20
FLOOD_ADDRESS: Final = "127.0.0.2"  # another address than the measuring client's, as in life


def _query(document: str, **variables: Any) -> bytes:
    return orjson.dumps({"query": document, "variables": variables})


# What the issue sent (2026-11-29), and its neighbours: each must be refused before it runs.
FLOODS: Final[dict[str, Callable[[], bytes]]] = {
    # 500 aliases of a page of 100 (53 KB): answered 20 MB in 5.6 s before the limits
    "aliases-500": lambda: _query("{ " + " ".join(f"a{i}: {PAGE}" for i in range(500)) + " }"),
    # 100 aliases of a nested page within the depth limit (21 KB, 27 MB in 15.8 s)
    "nested-100": lambda: _query("{ " + " ".join(f"a{i}: {NESTED}" for i in range(100)) + " }"),
    "aliases-20000": lambda: _query(
        "{ " + " ".join(f"a{i}: __typename" for i in range(20_000)) + " }"),
    # 300,000 unknown fields (4.2 MB): 19 s of CPU each, +370 MB of parse cache
    "unknown-300000": lambda: _query("{ " + " ".join(["nope"] * 300_000) + " }"),
    "directives-500": lambda: _query("{ __typename" + " @include(if: true)" * 500 + " }"),
    "deep-200": lambda: _query("{ tenants " + "{ parent " * 199 + "{ slug }" + " }" * 200),
    # 5 MB of variables beside a cheap document: the body's size alone must refuse it
    "body-5mb": lambda: _query("{ tenants { slug } }", pad="x" * (5 * MB)),
    "batch-100": lambda: orjson.dumps([{"query": HUB_Q1}] * 100),
}


def hub_server(ctx: Context, rate_limits: bool = False, workers: int = 1) -> Server:
    """`tatawwu serve` as in `python -m bench` (dev mode, one process). Without rate limits
    by default: what is measured is what a refusal costs everyone else. With `rate_limits`
    the flooding address keeps the default anonymous budget (as in production) and the
    measuring client, whose Q1s at full speed would spend any address's budget within
    seconds, asks as an API client whose budget is lifted (a society's server)."""
    port = free_port()
    limits = {"HUB_RATE_LIMIT_CLIENT": "0"} if rate_limits else {
        "HUB_RATE_LIMIT_IP": "0", "HUB_RATE_LIMIT_PRINCIPAL": "0", "HUB_RATE_LIMIT_CLIENT": "0"}
    env = ctx.python_env(HUB_DATABASE_URL=ctx.database_url, HUB_MODE="dev",
                         HUB_LOG_LEVEL="warning", HUB_DEV_KEY_FILE=str(ctx.dev_key_file),
                         **limits)
    return Server("hub", [ctx.python, "-m", "hub", "serve", "--host", "127.0.0.1", "--port",
                          str(port), "--workers", str(workers)], env, port,
                  ctx.work / "hub.log", cwd=ctx.work, ready_path="/readyz")


def _api_key(ctx: Context) -> str:
    """A read-only API client of the first demo society, for the measuring client."""
    done = subprocess.run(
        [ctx.python, "-m", "hub", "clients", "create", "--tenant", "dz-crescent", "--name",
         f"bench-flood-{time.time_ns()}"], env=ctx.python_env(HUB_DATABASE_URL=ctx.database_url),
        cwd=ctx.work, capture_output=True, text=True, timeout=120, check=False)
    if done.returncode != 0:
        raise BenchError(f"tatawwu clients create failed: {done.stderr[-500:]}")
    return done.stdout.strip().splitlines()[-1]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench.flood",
                                description=__doc__.split("\n\n")[0])
    p.add_argument("--smoke", action="store_true",
                   help="0.5 s windows, one round (with --database-url: the tests' demo data)")
    p.add_argument("--backend", choices=("postgresql", "sqlite"), default="postgresql")
    p.add_argument("--database-url", default=None, help="reuse this database, as it is")
    p.add_argument("--postgres-url", default=ADMIN_URL)
    p.add_argument("--scale", type=int, default=None, help="seed scale (default 10; smoke 0)")
    p.add_argument("--seconds", type=float, default=None, help="per window (5; smoke 0.5)")
    p.add_argument("--rounds", type=int, default=None, help="quiet/flooded pairs (6; smoke 1)")
    p.add_argument("--connections", type=int, default=4, help="of the flooding client")
    p.add_argument("--floods", default=None,
                   help=f"comma-separated, from {','.join(FLOODS)} (default: all)")
    p.add_argument("--flooder", choices=("python", "wrk"), default="python",
                   help="the flooding client: a Python process (answers per document) or wrk "
                        "(C, a few percent of a core: totals only)")
    p.add_argument("--workers", type=int, default=1,
                   help="hub processes (`tatawwu serve --workers`; PostgreSQL only)")
    p.add_argument("--flooder-nice", type=int, default=0, choices=range(0, 20),
                   metavar="0-19",
                   help="run the flooding client at this niceness: on one machine its CPU "
                        "then yields to the hub's, as a flooder on another host's would")
    p.add_argument("--rate-limits", action="store_true",
                   help="the production default budget for the flooding address (the "
                        "measuring client asks as an API client without a budget)")
    p.add_argument("--enforce", action="store_true",
                   help=f"exit 1 when the flooded p99 exceeds {ACCEPTANCE}x the quiet one")
    p.add_argument("--today", default="2026-11-01")
    p.add_argument("--results-dir", type=Path, default=BENCH_DIR / "results")
    p.add_argument("--keep-database", action="store_true")
    return p


# -- the flooding client (a process of its own) ----------------------------------------------

def _answer_codes(content: bytes) -> list[str]:
    try:
        body = orjson.loads(content)
    except orjson.JSONDecodeError:
        return ["(not JSON)"]
    items = body if isinstance(body, list) else [body]
    codes: list[str] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        if item.get("data") is not None:
            codes.append("(served)")
        for error in item.get("errors") or []:
            codes.append(str((error.get("extensions") or {}).get("code")))
    return codes


async def _flood_loop(url: str, kinds: list[str], connections: int, ready: Event,
                      active: Event, done: Event) -> Json:
    bodies = {kind: FLOODS[kind]() for kind in kinds}
    stats: dict[str, Json] = {kind: {"latencies": [], "statuses": Counter(), "codes": Counter(),
                                     "bytes": len(bodies[kind])} for kind in kinds}
    limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
    transport = httpx.AsyncHTTPTransport(limits=limits, local_address=FLOOD_ADDRESS)
    async with httpx.AsyncClient(transport=transport, timeout=30) as client:
        ready.set()

        async def connection(offset: int) -> None:
            i = offset
            while not done.is_set():
                if not active.is_set():
                    await asyncio.sleep(0.01)
                    continue
                kind = kinds[i % len(kinds)]
                i += 1
                row = stats[kind]
                started = time.perf_counter()
                try:
                    response = await client.post(url, content=bodies[kind], headers=HEADERS)
                    row["statuses"][str(response.status_code)] += 1
                    row["codes"].update(_answer_codes(response.content))
                except httpx.TransportError as exc:  # a 413 may close the connection early
                    row["statuses"][type(exc).__name__] += 1
                row["latencies"].append(time.perf_counter() - started)

        await asyncio.gather(*(connection(k) for k in range(connections)))
    return {kind: {"requests": len(row["latencies"]), "bytes": row["bytes"],
                   "statuses": dict(row["statuses"]), "codes": dict(row["codes"]),
                   "served": row["codes"].get("(served)", 0),
                   **_percentiles(row["latencies"])} for kind, row in stats.items()}


def flooder(url: str, kinds: list[str], connections: int, ready: Event, active: Event,
            done: Event, results: Any, niceness: int = 0) -> None:
    """The second client: `ready` once its documents are built, floods while `active` is
    set, until `done`; its numbers go to `results` (a queue)."""
    if niceness:
        os.nice(niceness)
    results.put(asyncio.run(_flood_loop(url, kinds, connections, ready, active, done)))


# -- the measuring client -------------------------------------------------------------------

def _percentiles(seconds: list[float]) -> Json:
    ordered = sorted(seconds)

    def at(p: float) -> float | None:
        if not ordered:
            return None
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 2)

    return {"p50_ms": at(0.5), "p99_ms": at(0.99),
            "max_ms": round(ordered[-1] * 1000, 2) if ordered else None}


def probe(client: httpx.Client, url: str, seconds: float, latencies: list[float],
          failures: list[str]) -> None:
    """Q1, one request after another, for `seconds`; a failed answer is a failure. (With
    `--rate-limits` the client carries its API key in its own headers.)"""
    body = _query(HUB_Q1)
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        started = time.perf_counter()
        try:
            response = client.post(url, content=body, headers={**HEADERS, **client.headers})
        except httpx.TransportError as exc:
            failures.append(f"Q1: {type(exc).__name__}: {exc}")
            continue
        elapsed = time.perf_counter() - started
        answer = orjson.loads(response.content) if response.status_code == 200 else {}
        page = (answer.get("data") or {}).get("opportunities") or {}
        if response.status_code != 200 or answer.get("errors") or not page.get("edges"):
            failures.append(f"Q1: HTTP {response.status_code}: {response.text[:300]}")
            continue
        latencies.append(elapsed)


def measure(url: str, kinds: list[str], *, seconds: float, rounds: int, connections: int,
            cpu: Callable[[], float], api_key: str | None = None, niceness: int = 0) -> Json:
    """Alternate quiet and flooded windows; `cpu` reads the hub's CPU seconds so far."""
    spawn = multiprocessing.get_context("spawn")
    ready, active, done, results = spawn.Event(), spawn.Event(), spawn.Event(), spawn.Queue()
    process = spawn.Process(target=flooder, args=(url, kinds, connections, ready, active, done,
                                                  results, niceness), daemon=True)
    process.start()
    quiet: list[float] = []
    flooded: list[float] = []
    failures: list[str] = []
    busy = {"quiet": 0.0, "flooded": 0.0}  # the hub's CPU seconds in each kind of window
    elapsed = {"quiet": 0.0, "flooded": 0.0}
    flooder_cpu = 0.0  # the flooding client shares the machine's cores with the hub

    def window(name: str, client: httpx.Client, latencies: list[float]) -> None:
        nonlocal flooder_cpu
        assert process.pid is not None
        cpu0, other0, t0 = cpu(), cpu_seconds(process.pid), time.perf_counter()
        probe(client, url, seconds, latencies, failures)
        busy[name] += cpu() - cpu0
        flooder_cpu += cpu_seconds(process.pid) - other0
        elapsed[name] += time.perf_counter() - t0

    try:
        with httpx.Client(timeout=30, headers={"X-Api-Key": api_key} if api_key else {}
                          ) as client:
            probe(client, url, min(seconds, 2.0), [], failures)  # warm: caches, plans, pool
            if not ready.wait(timeout=120):
                raise BenchError("the flooding client did not start within 120 s")
            for _ in range(rounds):
                window("quiet", client, quiet)
                active.set()
                time.sleep(0.3)  # the flood in full swing before the clock starts
                window("flooded", client, flooded)
                active.clear()
                time.sleep(0.3)  # the flood's last requests answered
        done.set()
        flood: Json = results.get(timeout=120)
    finally:
        done.set()
        process.join(timeout=30)
        if process.is_alive():
            process.kill()
    def summary(name: str, latencies: list[float]) -> Json:
        return {"requests": len(latencies), **_percentiles(latencies),
                "hub_cpu_percent": round(100 * busy[name] / elapsed[name], 1)
                if elapsed[name] else None}

    return {"quiet": summary("quiet", quiet), "flooded": summary("flooded", flooded),
            "flooder_cpu_percent": round(100 * flooder_cpu / elapsed["flooded"], 1)
            if elapsed["flooded"] else None,
            "flood_per_second": round(sum(row["requests"] for row in flood.values())
                                      / elapsed["flooded"], 1) if elapsed["flooded"] else None,
            "flood": flood, "failures": failures[:20], "failed_requests": len(failures)}


WRK_LUA = """-- generated by bench/flood.py: cycle through the flood documents
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local bodies = {}
for i, path in ipairs({%s}) do
  local f = assert(io.open(path, "rb")); bodies[i] = f:read("*a"); f:close()
end
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, nil, nil, bodies[(n %% #bodies) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCHJSON {\\"requests\\": %%d, "
    .. "\\"non_2xx\\": %%d, \\"errors\\": %%d}\\n",
    summary.requests, e.status, e.connect + e.read + e.write + e.timeout))
end
"""


def measure_wrk(url: str, kinds: list[str], *, seconds: float, rounds: int, connections: int,
                niceness: int = 0,
                cpu: Callable[[], float], work: Path, api_key: str | None = None) -> Json:
    """As `measure`, the flood sent by wrk (C: the attacker's own CPU is a few percent of a
    core, as it would be on another machine) from one thread, one run per flooded window.
    wrk tells totals only: the answers per document are what `measure` reports."""
    paths = []
    for kind in kinds:
        path = work / f"flood-{kind}.json"
        path.write_bytes(FLOODS[kind]())
        paths.append(path)
    script = work / "flood.lua"
    script.write_text(WRK_LUA % ", ".join(f'"{p}"' for p in paths))
    quiet: list[float] = []
    flooded: list[float] = []
    failures: list[str] = []
    busy = {"quiet": 0.0, "flooded": 0.0}
    elapsed = {"quiet": 0.0, "flooded": 0.0}
    flooder_cpu, sent, refused_or_failed = 0.0, 0, 0
    with httpx.Client(timeout=30, headers={"X-Api-Key": api_key} if api_key else {}
                      ) as client:
        probe(client, url, min(seconds, 2.0), [], failures)  # warm: caches, plans, pool
        for _ in range(rounds):
            cpu0, t0 = cpu(), time.perf_counter()
            probe(client, url, seconds, quiet, failures)
            busy["quiet"] += cpu() - cpu0
            elapsed["quiet"] += time.perf_counter() - t0
            wrk = subprocess.Popen(
                ["nice", "-n", str(niceness), "wrk", "-t1", f"-c{connections}",
                 f"-d{math.ceil(seconds + 1.0)}s", "-s",
                 str(script), url], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            time.sleep(0.3)  # the flood in full swing before the clock starts
            cpu0, other0, t0 = cpu(), cpu_seconds(wrk.pid), time.perf_counter()
            probe(client, url, seconds, flooded, failures)
            busy["flooded"] += cpu() - cpu0
            elapsed["flooded"] += time.perf_counter() - t0
            flooder_cpu += cpu_seconds(wrk.pid) - other0
            out, _ = wrk.communicate(timeout=60)
            found = [line for line in out.splitlines() if line.startswith("BENCHJSON ")]
            if not found:
                raise BenchError(f"wrk printed no summary: {out[-500:]}")
            totals = orjson.loads(found[-1].split(" ", 1)[1])
            sent += int(totals["requests"])
            refused_or_failed += int(totals["non_2xx"]) + int(totals["errors"])
            time.sleep(0.3)

    def summary(name: str, latencies: list[float]) -> Json:
        return {"requests": len(latencies), **_percentiles(latencies),
                "hub_cpu_percent": round(100 * busy[name] / elapsed[name], 1)
                if elapsed[name] else None}

    window = math.ceil(seconds + 1.0)
    return {"quiet": summary("quiet", quiet), "flooded": summary("flooded", flooded),
            "flooder": "wrk",
            "flooder_cpu_percent": round(100 * flooder_cpu / elapsed["flooded"], 1)
            if elapsed["flooded"] else None,
            "flood_per_second": round(sent / (window * rounds), 1),
            "flood_totals": {"sent": sent, "non_2xx_or_transport_errors": refused_or_failed},
            "flood": {}, "failures": failures[:20], "failed_requests": len(failures)}


def _ratio(a: float | None, b: float | None) -> float | None:
    return round(a / b, 2) if a and b else None


def table(report: Json) -> str:
    q, f = report["quiet"], report["flooded"]
    data = report["dataset"]["database"] if report["scale"] is None \
        else f"scale {report['scale']}"
    lines = [f"Q1 quiet and flooded ({report['backend']}, {data}, rate limits "
             f"{'on' if report.get('rate_limits') else 'off'}, {report['rounds']} x "
             f"{report['seconds']} s windows, flood by {report.get('flooder', 'python')} with "
             f"{report['connections']} connections at niceness {report.get('flooder_nice', 0)}, "
             f"{report.get('workers', 1)} hub process(es), "
             f"{report['flood_per_second']} documents/s, the flooding client's CPU "
             f"{report['flooder_cpu_percent']} %; load average "
             f"{report['machine']['load_average'][0]} -> {report['load_average_at_end'][0]}); ms",
             f"{'':<10} {'requests':>8} {'p50':>8} {'p99':>8} {'max':>8} {'hub CPU %':>9}",
             *(f"{name:<10} {w['requests']:>8} {w['p50_ms']!s:>8} {w['p99_ms']!s:>8} "
               f"{w['max_ms']!s:>8} {w['hub_cpu_percent']!s:>9}"
               for name, w in (("quiet", q), ("flooded", f))),
             f"ratio p50 {report['ratio_p50']}, p99 {report['ratio_p99']} "
             f"(acceptance: p99 at most {ACCEPTANCE}x: "
             f"{'met' if report['acceptance_met'] else 'NOT met'})", "",
             f"{'flood document':<16} {'bytes':>9} {'sent':>6} {'p50':>8} {'p99':>8} "
             f"{'served':>6}  answers"]
    for kind, row in report["flood"].items():
        answers = ", ".join(f"{k}: {v}" for k, v in {**row["statuses"], **row["codes"]}.items())
        lines.append(f"{kind:<16} {row['bytes']:>9} {row['requests']:>6} "
                     f"{row['p50_ms']!s:>8} {row['p99_ms']!s:>8} {row['served']:>6}  {answers}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    scale = args.scale if args.scale is not None else (0 if args.smoke else 10)
    seconds = args.seconds or (0.5 if args.smoke else 5.0)
    rounds = args.rounds or (1 if args.smoke else 6)
    kinds = [k.strip() for k in args.floods.split(",")] if args.floods else list(FLOODS)
    unknown = set(kinds) - set(FLOODS)
    if unknown:
        parser().error(f"--floods: unknown {sorted(unknown)}")
    stamp, work, dataset = ds.for_run("flood", args.results_dir, args.database_url,
                                      args.backend, args.postgres_url)
    ctx = Context(sys.executable, REPO_DIR, dataset.url, work)
    report: Json = {"format": 1, "mode": "smoke" if args.smoke else "full",
                    "backend": dataset.backend, "scale": scale if dataset.created else None,
                    "seconds": seconds, "rounds": rounds, "connections": args.connections,
                    "workers": args.workers, "flooder_nice": args.flooder_nice,
                    "machine": sysinfo.machine(), "problems": []}
    ok = False
    server = None
    try:
        if dataset.created:
            ds.prepare(ctx, dataset, scale=scale, today=args.today, news=0)
        report["dataset"] = dataset.describe()
        report["rate_limits"] = bool(args.rate_limits)
        api_key = _api_key(ctx) if args.rate_limits else None
        server = hub_server(ctx, rate_limits=bool(args.rate_limits), workers=args.workers)
        server.start()
        pid = server.pid
        if args.workers > 1:
            time.sleep(2.0)  # every worker up and serving, not only the first
        if args.flooder == "wrk":
            report.update(measure_wrk(server.url + "/graphql", kinds, seconds=seconds,
                                      rounds=rounds, connections=args.connections,
                                      cpu=lambda: tree_cpu_seconds(pid), work=work,
                                      api_key=api_key, niceness=args.flooder_nice))
        else:
            report.update(measure(server.url + "/graphql", kinds, seconds=seconds,
                                  rounds=rounds, connections=args.connections,
                                  cpu=lambda: tree_cpu_seconds(pid), api_key=api_key,
                                  niceness=args.flooder_nice))
        if report["failed_requests"]:
            raise BenchError(f"{report['failed_requests']} Q1 requests failed: "
                             f"{report['failures'][0]}")
        ok = True
    except BenchError as exc:
        report["problems"].append(str(exc))
    finally:
        if server is not None:
            server.stop()
        if not args.keep_database:
            ds.drop(dataset, args.postgres_url)
    report["load_average_at_end"] = sysinfo.load_average()
    if ok:
        report["ratio_p50"] = _ratio(report["flooded"]["p50_ms"], report["quiet"]["p50_ms"])
        report["ratio_p99"] = _ratio(report["flooded"]["p99_ms"], report["quiet"]["p99_ms"])
        report["acceptance_met"] = report["ratio_p99"] is not None \
            and report["ratio_p99"] <= ACCEPTANCE
        print(table(report))
    path = work.parent / f"{stamp}.json"
    path.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
    for problem in report["problems"]:
        print(f"problem: {problem}")
    print(f"\nJSON: {path}")
    if not ok:
        return 1
    return 1 if args.enforce and not report["acceptance_met"] else 0


if __name__ == "__main__":
    sys.exit(main())
