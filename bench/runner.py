"""One benchmark run: dataset, statement counts, checks, interleaved load rounds, profile;
servers always stopped and the created database always dropped, whatever fails."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any

from bench import dataset as ds
from bench import load, profiling, summary, sysinfo
from bench.dbcpu import BackendCpu
from bench.options import Options
from bench.proc import BenchError, Server, tree_cpu_seconds, tree_peak_rss_mib
from bench.queries import SQL_BOUNDS, Facts, Operation, select_operations
from bench.summary import Cell
from bench.targets import Context, hub_server, peer_server, raw_server
from bench.tenants import write_registry
from bench.wire import WireCounter

STARTERS: dict[str, Callable[[Context], Server]] = {
    "hub": hub_server, "raw": raw_server, "peer": peer_server}


class Run:
    def __init__(self, opts: Options) -> None:
        self.opts = opts
        self.started = datetime.now()
        self.load_at_start = sysinfo.load_average()
        self.stamp = f"{self.started:%Y%m%d-%H%M%S}"
        self.work = opts.results_dir / self.stamp
        self.operations = select_operations(opts.queries)
        self.runnable = [op for op in self.operations if op.unavailable is None]
        self.cells: dict[tuple[str, str], Cell] = {}
        self.targets: dict[str, dict[str, Any]] = {
            t: {"available": None, "reason": None} for t in opts.targets}
        self.problems: list[str] = []
        self.notes: list[str] = []
        self.profile: dict[str, Any] = {}
        self.driver = "wrk"
        self.dataset: ds.Dataset | None = None
        self.facts: Facts | None = None
        self.servers: dict[str, Server] = {}
        self.staff: dict[str, str] = {}  # a coordinator's Authorization header (Q4)

    # -- output --------------------------------------------------------------------------
    def say(self, text: str) -> None:
        print(f"[bench {time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)

    def problem(self, text: str) -> None:
        self.problems.append(text)
        self.say("PROBLEM: " + text)

    def cell(self, op: Operation, target: str) -> Cell:
        return self.cells.setdefault((op.key, target), Cell())

    # -- the run -------------------------------------------------------------------------
    def execute(self) -> None:
        self.work.mkdir(parents=True, exist_ok=True)
        self.choose_driver()
        opts = self.opts
        if opts.database_url:
            self.dataset = ds.reused(opts.database_url)
        elif opts.backend == "sqlite":
            self.dataset = ds.new_sqlite(self.work)
        else:
            self.dataset = ds.new_postgres(opts.admin_url)
        self.say(f"dataset: {self.dataset.backend} {self.dataset.name}")
        try:
            tenants_dir = write_registry(self.work / "tenants", opts.tenants) \
                if opts.tenants else None
            ctx = Context(sys.executable, opts.hub_source, self.dataset.url, self.work,
                          tenants_dir)
            ds.prepare(ctx, self.dataset, scale=opts.scale, today=opts.today, news=opts.news)
            facts = self.dataset.facts
            self.facts = Facts.of(facts)
            self.say(f"dataset ready: {facts['rows']}")
            if any(op.staff for op in self.runnable):
                self.staff = ds.inproc(ctx, ["staff-token", "--key-file", str(ctx.dev_key_file),
                                             "--tenant", self.facts.staff_tenant], timeout=60)
            if opts.trusted:
                self.push_documents(ctx)
            self.count_statements(ctx)
            if opts.wire and self.dataset.backend == "postgresql":
                self.count_wire(ctx)
            self.measure(ctx)
        finally:
            self.stop_servers()
            if not opts.keep_database:
                ds.drop(self.dataset, opts.admin_url)
            elif self.dataset.created:
                self.notes.append(f"database kept: {self.dataset.name}")

    def choose_driver(self) -> None:
        if self.opts.driver == "http":
            self.driver = "httpx2"
        elif load.wrk_path() is None:
            self.driver = "httpx2"
            self.problem("wrk is not installed (apt-get install wrk): load driven by the "
                         "in-process httpx2 loop instead, a bounded number of requests; its "
                         "numbers are lower than wrk's and not comparable with them")
        else:
            self.driver = "wrk"

    def count_statements(self, ctx: Context) -> None:
        """The hub's statements per request, in process (a before_cursor_execute listener)."""
        facts_file = self.work / "facts.json"
        assert self.dataset is not None
        import orjson

        facts_file.write_bytes(orjson.dumps(self.dataset.facts))
        keys = ",".join(op.key for op in self.runnable)
        counts = ds.inproc(ctx, ["count-sql", "--queries", keys, "--facts", str(facts_file),
                                 "--locale", self.opts.locale, "--key-file",
                                 str(ctx.dev_key_file)], timeout=180)
        for op in self.runnable:
            found = counts[op.key]
            cell = self.cell(op, "hub")
            cell.info.update(sql_per_req=found["statements"],
                             sql_per_req_page_of_5=found["statements_page_of_5"],
                             sql_bound=SQL_BOUNDS.get(op.key), sql_statements=found["sql"])
            if found["errors"]:
                self.problem(f"{op.key}: the hub answered with errors in process: "
                             f"{found['errors'][:2]}")

    def push_documents(self, ctx: Context) -> None:
        """The hub's documents of the run, pushed as global trusted documents (a persisted
        query manifest, `tatawwu documents push`), as a society's frontend would."""
        assert self.dataset is not None
        import orjson

        manifest = self.work / "persisted_queries.json"
        manifest.write_bytes(orjson.dumps({op.document_id: op.hub for op in self.runnable
                                           if op.hub}))
        done = subprocess.run(
            [ctx.python, "-m", "hub", "documents", "push", str(manifest)],
            env=ctx.python_env(HUB_DATABASE_URL=self.dataset.url, HUB_MODE="dev",
                               HUB_DEV_KEY_FILE=str(ctx.dev_key_file)),
            cwd=ctx.work, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            raise BenchError(f"pushing the trusted documents failed: {done.stderr[-500:]}")
        self.notes.append("the hub was sent Q1-Q5 by `documentId` (trusted documents)")

    # -- servers -------------------------------------------------------------------------
    def start_servers(self, ctx: Context) -> None:
        for name in self.opts.targets:
            if self.targets[name]["available"] is False:
                continue
            try:
                server = hub_server(ctx, self.opts.hub_workers) if name == "hub" \
                    else STARTERS[name](ctx)
                server.start(timeout=120)
            except BenchError as exc:
                self.targets[name].update(available=False, reason=str(exc))
                self.problem(f"{name} cannot run: {exc}")
                if name == "hub":
                    raise
                continue
            self.servers[name] = server
            self.targets[name].update(available=True, command=server.cmd[1:4])
            self.say(f"{name} serving on {server.url} (pid {server.pid})")

    def stop_servers(self) -> None:
        for name, server in list(self.servers.items()):
            try:
                server.stop()
            finally:
                del self.servers[name]

    def body(self, op: Operation, target: str) -> dict[str, Any]:
        assert self.facts is not None
        return op.body(target, self.facts, self.opts.locale, trusted=self.opts.trusted)

    def headers(self, op: Operation, target: str) -> dict[str, str]:
        """Accept-Language, and for a staff operation the hub's and raw's staff token."""
        headers = {"Accept-Language": self.opts.locale}
        if op.staff and target != "peer":
            headers.update(self.staff)
        return headers

    def post(self, server: Server, op: Operation, target: str) -> tuple[dict[str, Any], Any]:
        return load.post(server.url + "/graphql", self.body(op, target),
                         self.headers(op, target))

    def count_wire(self, ctx: Context) -> None:
        """Statements per request as PostgreSQL logs them, for every target."""
        assert self.dataset is not None
        counter, how = WireCounter.open(self.opts.admin_url, self.dataset.name)
        if counter is None:
            self.problem(f"statements on the wire not counted: {how}")
            return
        self.notes.append(f"wire statement counts: {how}")
        counter.enable(self.opts.admin_url)
        try:
            self.start_servers(ctx)
            for op in self.runnable:
                for name, server in self.servers.items():
                    self.post(server, op, name)
                    mark = counter.mark()
                    self.post(server, op, name)
                    self.cell(op, name).info["wire_sql_per_req"] = counter.count_since(mark)
        finally:
            self.stop_servers()
            counter.disable(self.opts.admin_url)

    def check(self) -> None:
        """One request per operation and target: no GraphQL errors, the same rows as the hub."""
        for op in self.runnable:
            hub_rows: list[int] | None = None
            hub_answer: dict[str, Any] | None = None
            for name, server in self.servers.items():
                cell = self.cell(op, name)
                try:
                    answer, response = self.post(server, op, name)
                except BenchError as exc:
                    cell.failed = str(exc)
                    self.problem(f"{op.key} on {name}: {exc}")
                    continue
                if answer.get("errors") or not answer.get("data"):
                    cell.failed = f"GraphQL errors: {str(answer.get('errors'))[:300]}"
                    self.problem(f"{op.key} on {name}: {cell.failed}")
                    continue
                rows = op.rows(name, answer["data"])
                cell.info["rows"] = len(rows)
                if name == "hub":
                    hub_rows, hub_answer = rows, answer
                elif hub_rows is not None:
                    cell.info["same_rows_as_hub"] = rows == hub_rows
                    if rows != hub_rows:
                        self.problem(f"{op.key}: {name} returned other rows than the hub")
                if name == "raw":
                    cell.info["sql_per_req"] = int(response.headers.get("x-bench-sql", 0))
                    cell.info["identical_to_hub"] = answer == hub_answer

    # -- load ----------------------------------------------------------------------------
    def drive(self, server: Server, op: Operation, name: str, seconds: int) -> load.Measurement:
        url = server.url + "/graphql"
        body, headers = self.body(op, name), self.headers(op, name)
        if self.driver == "wrk":
            script = self.work / f"{op.key}-{name}.lua"
            if not script.exists():
                load.write_script(self.work, f"{op.key}-{name}", body, headers)
            return load.wrk(url, script, seconds=seconds, connections=self.opts.connections)
        return load.http_loop(url, body, headers, seconds=seconds,
                              connections=self.opts.connections,
                              max_requests=self.opts.max_requests)

    def warm(self, server: Server, op: Operation, name: str) -> None:
        if self.opts.warmup > 0:
            self.drive(server, op, name, self.opts.warmup)
        else:
            for _ in range(3):
                self.post(server, op, name)

    def measure(self, ctx: Context) -> None:
        self.start_servers(ctx)
        self.check()
        names = list(self.servers)
        assert self.dataset is not None
        backends = BackendCpu(self.opts.admin_url, self.dataset.name) \
            if self.dataset.backend == "postgresql" else None
        for r in range(self.opts.rounds):
            order = names[r % len(names):] + names[:r % len(names)]
            for op in self.runnable:
                for name in order:
                    cell, server = self.cell(op, name), self.servers[name]
                    if cell.failed:
                        continue
                    self.warm(server, op, name)
                    db_before = backends.snapshot() if backends else {}
                    before = tree_cpu_seconds(server.pid)
                    m = self.drive(server, op, name, self.opts.duration)
                    cell.cpu_seconds += tree_cpu_seconds(server.pid) - before
                    if backends:
                        cell.db_cpu_seconds = (cell.db_cpu_seconds or 0.0) + backends.used(
                            db_before, backends.snapshot())
                    cell.rounds.append(m)
                    self.say(f"round {r + 1}/{self.opts.rounds} {op.key} {name:<4} "
                             f"{m.rps:8.1f} req/s  p50 {m.p50_ms:7.2f} ms  p99 "
                             f"{m.p99_ms:7.2f} ms  errors {m.errors}")
        for name, server in self.servers.items():
            self.targets[name]["peak_rss_mib"] = tree_peak_rss_mib(server.pid)
        if self.opts.profile and "hub" in self.servers:
            self.run_profile(self.servers["hub"])

    def run_profile(self, server: Server) -> None:
        for op in self.runnable:
            if op.key not in ("Q1", "Q2"):
                continue
            out = self.work / f"profile-{op.key}.txt"
            seconds = self.opts.profile_seconds
            try:
                spy = profiling.record(server.pid, seconds, out)
                try:
                    self.drive(server, op, "hub", seconds + 1)
                finally:
                    _, err = spy.communicate(timeout=seconds + 60)
                if spy.returncode != 0 or not out.exists():
                    raise BenchError(f"py-spy failed: {err.decode(errors='replace')[-300:]}")
                summary = profiling.summarize(out, self.opts.hub_source)
            except (BenchError, OSError) as exc:
                self.problem(f"profile of {op.key} not taken: {exc}")
                continue
            summary["raw_file"] = str(out)
            self.profile[op.key] = summary
            self.say(f"profile {op.key}: {summary['samples']} samples, top: "
                     f"{summary['components'][:4]}")

    # -- report --------------------------------------------------------------------------
    def report(self, hub_git: dict[str, Any] | None) -> dict[str, Any]:
        return summary.document(self, hub_git)
