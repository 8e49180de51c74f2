"""The benchmark's data: a database the harness creates (`tatawwu_bench_*` on PostgreSQL, a
file on SQLite) or reuses (`--database-url`), prepared with the hub's own commands
(`migrate`, `tenants sync`, `seed demo --scale N`), then read for the facts the queries need."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy.engine import make_url

from bench.proc import BenchError, run
from bench.targets import REPO_DIR, Context
from bench.wire import admin


@dataclass
class Dataset:
    url: str  # the hub's SQLAlchemy URL
    backend: str  # postgresql | sqlite
    created: bool  # by this run (and so dropped at its end unless kept)
    name: str  # database name or file
    notes: list[str] = field(default_factory=list)
    seed_seconds: float | None = None
    seed_report: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> dict[str, Any]:
        return {"backend": self.backend, "database": self.name, "created_by_run": self.created,
                "seed_seconds": self.seed_seconds, "seed_report": self.seed_report,
                "rows": self.facts.get("rows"), "notes": self.notes}


def new_postgres(admin_url: str) -> Dataset:
    name = f"tatawwu_bench_{datetime.now():%Y%m%d_%H%M%S}_{uuid.uuid4().hex[:4]}"
    admin(admin_url, f'CREATE DATABASE "{name}"')
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    return Dataset(url, "postgresql", True, name)


def new_sqlite(folder: Path) -> Dataset:
    path = folder / "bench.sqlite3"
    return Dataset(f"sqlite+aiosqlite:///{path}", "sqlite", True, str(path))


def reused(url: str) -> Dataset:
    backend = "sqlite" if url.startswith("sqlite") else "postgresql"
    name = url.split(":///", 1)[1] if backend == "sqlite" else (make_url(url).database or "")
    return Dataset(url, backend, False, name)


def for_run(name: str, results_dir: Path, database_url: str | None, backend: str,
            admin_url: str) -> tuple[str, Path, Dataset]:
    """A scenario's stamp (`name-YYYYmmdd-HHMMSS`), its work folder under `results_dir`, and
    its dataset: `database_url` reused as it is, else a new SQLite file or PostgreSQL
    database."""
    stamp = f"{name}-{datetime.now():%Y%m%d-%H%M%S}"
    work = results_dir / stamp
    work.mkdir(parents=True, exist_ok=True)
    if database_url:
        return stamp, work, reused(database_url)
    if backend == "sqlite":
        return stamp, work, new_sqlite(work)
    return stamp, work, new_postgres(admin_url)


def drop(dataset: Dataset, admin_url: str) -> None:
    if not dataset.created:
        return
    if dataset.backend == "postgresql":
        admin(admin_url, f'DROP DATABASE IF EXISTS "{dataset.name}" WITH (FORCE)')
        return
    for suffix in ("", "-wal", "-shm"):
        Path(dataset.name + suffix).unlink(missing_ok=True)


def hub_command(ctx: Context, args: list[str], timeout: float) -> str:
    """`tatawwu ARGS` (as `python -m hub`) on the dataset, with the hub source in use."""
    env = ctx.python_env(HUB_DATABASE_URL=ctx.database_url, HUB_LOG_LEVEL="warning")
    return run([ctx.python, "-m", "hub", *args], env=env, cwd=ctx.work, timeout=timeout,
               what=f"tatawwu {' '.join(args)}")


def inproc(ctx: Context, args: list[str], timeout: float) -> Any:
    """A `bench.inproc` step; its JSON answer."""
    env = ctx.python_env()
    out = run([ctx.python, "-m", "bench.inproc", *args, "--database-url", ctx.database_url],
              env=env, cwd=ctx.work, timeout=timeout, what=f"bench.inproc {args[0]}")
    return orjson.loads(out.strip().splitlines()[-1])


def _check_registry(ctx: Context, active: list[str]) -> None:
    """Refuse to sync a registry that lacks tenants the database serves: `tenants sync`
    would deactivate them, and the run would measure a smaller dataset without saying so."""
    folder = ctx.tenants_dir or REPO_DIR / "tenants"
    known = {path.stem for path in folder.glob("*.toml")}
    missing = [slug for slug in active if slug not in known]
    if missing:
        raise BenchError(f"the database serves {len(active)} tenants, {len(missing)} of them "
                         f"not in {folder} (e.g. {missing[0]}): pass --tenants {len(active)} "
                         "as when it was built")


def prepare(ctx: Context, dataset: Dataset, *, scale: int, today: str, news: int) -> None:
    """Migrate and sync tenants; seed (demo + scale) and top up news only into an empty
    database; then read the facts."""
    hub_command(ctx, ["migrate"], timeout=300)
    _check_registry(ctx, inproc(ctx, ["facts"], timeout=120)["active_tenants"])
    hub_command(ctx, ["tenants", "sync"], timeout=120)
    existing = inproc(ctx, ["facts"], timeout=120)
    seeded = not existing["rows"]["opportunities"]
    if not seeded:
        dataset.notes.append("the database already had data: used as it is (not seeded)")
    else:
        started = time.monotonic()
        out = hub_command(ctx, ["seed", "demo", "--scale", str(scale), "--today", today],
                          timeout=300 + 60 * scale)
        dataset.seed_seconds = round(time.monotonic() - started, 1)
        lines = [line for line in out.splitlines() if line.startswith(("demo:", "scale:"))]
        dataset.seed_report = " | ".join(lines) or None
        dataset.notes.append(f"seeded with `tatawwu seed demo --scale {scale} --today {today}`")
        if news:
            added = inproc(ctx, ["top-up-news", "--target", str(news)], timeout=300)
            if added["added"]:
                dataset.notes.append(
                    f"news: the seed writes {added['public_news'] - added['added']} public "
                    f"items at any scale; {added['added']} copies (dated earlier) were added so "
                    f"that Q2 reads a full page ({news} public items)")
    ran = inproc(ctx, ["analyze", *(["--vacuum"] if seeded else [])], timeout=1800)["ran"]
    dataset.notes.append(f"{ran} before measuring (planner statistics after the bulk load; "
                         "this server may run without autovacuum)")
    dataset.facts = inproc(ctx, ["facts"], timeout=120)
