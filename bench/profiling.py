"""Where the hub's time goes: py-spy samples the running server under load, and each sample is
charged to a component (parsing, validation, execution, permissions, localization, ORM,
driver, encoding, ...) by the innermost frame that is not the standard library."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import sysconfig
from collections import Counter
from pathlib import Path
from typing import Any

from bench.proc import BenchError

# Whole subtrees charged to one stage, whatever runs inside them (the visitor of validation,
# the parser's lexer, orjson under `encode_json`): (component, pattern on the joined stack).
SUBTREES: tuple[tuple[str, str], ...] = (
    ("validation (graphql-core)", r"graphql/validation/"),
    ("parsing (graphql-core)", r"graphql/language/parser\.py"),
    ("encoding (orjson)", r"^encode_json |;encode_json "),
)
# Otherwise the innermost frame outside the standard library decides:
# (component, pattern on its file path relative to its root); first match wins.
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("permissions", r"^(strawberry/permission\.py|schema/permissions\.py)"),
    ("localization (Babel, i18n)", r"^(babel/|hub/i18n/|schema/localize\.py)"),
    ("async gathering (graphql-core gather_with_cancel)",
     r"^graphql/pyutils/gather_with_cancel\.py"),
    ("execution (graphql-core)", r"^graphql/"),
    ("strawberry extensions", r"^(strawberry/extensions/|schema/extensions\.py)"),
    ("strawberry (fields, types)", r"^strawberry/(?!asgi|http)"),
    ("DataLoaders (aiodataloader)", r"^aiodataloader"),
    ("ORM (SQLAlchemy orm)", r"^sqlalchemy/orm/"),
    ("SQL building & compiling (SQLAlchemy sql)", r"^sqlalchemy/sql/"),
    ("SQLAlchemy engine, pool, async glue", r"^sqlalchemy/"),
    ("driver (asyncpg, aiosqlite)", r"^(asyncpg|aiosqlite)/"),
    ("request setup (hub app, context)", r"^(hub/entry/|resolvers/context\.py)"),
    ("hub types & resolvers", r"^(schema|resolvers|hub)/"),
    ("HTTP (uvicorn, starlette, strawberry asgi)", r"^(uvicorn|starlette|httptools|h11|"
     r"strawberry/asgi|strawberry/http|anyio)"),
)
STAGES: tuple[tuple[str, str], ...] = (
    ("parse", r"graphql/language/parser\.py"),
    ("validate", r"graphql/validation/validate\.py"),
    ("execute (graphql-core, resolvers)", r"graphql/execution/"),
    ("SQLAlchemy (any)", r"sqlalchemy/"),
    ("driver (any)", r"(asyncpg|aiosqlite)/"),
    ("localization (any)", r"(babel/|hub/i18n/|schema/localize\.py)"),
    ("permissions (any)", r"(strawberry/permission\.py|schema/permissions\.py)"),
    ("encode_json (orjson)", r"encode_json|orjson"),
)
ENTRY_POINTS = ("uvicorn/main.py", "uvicorn/server.py", "uvicorn/_compat.py", "click/",
                "hub/entry/cli.py", "hub/__main__.py")
FRAME = re.compile(r"^(?P<func>.*) \((?P<file>[^()]*?)(?::(?P<line>\d+))?\)$")


def py_spy() -> str | None:
    found = shutil.which("py-spy") or shutil.which(str(Path(sys.executable).parent / "py-spy"))
    return found


def record(pid: int, seconds: int, out: Path) -> subprocess.Popen[bytes]:
    """Start sampling `pid` for `seconds` (raw collapsed stacks with full file names)."""
    exe = py_spy()
    if exe is None:
        raise BenchError("py-spy is not installed: pip install -e '.[bench]'")
    return subprocess.Popen(
        [exe, "record", "--pid", str(pid), "--duration", str(seconds), "--rate", "250",
         "--format", "raw", "--full-filenames", "--output", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )


def _roots(hub_source: Path) -> tuple[list[str], list[str]]:
    """Prefixes that make a path relative (packages, hub source) and the standard library's."""
    stdlib = [sysconfig.get_paths()["stdlib"] + "/"]
    packages = [sysconfig.get_paths()["purelib"] + "/", sysconfig.get_paths()["platlib"] + "/",
                str(hub_source.resolve()) + "/"]
    return packages, stdlib


def _relative(path: str, packages: list[str], stdlib: list[str]) -> str | None:
    """The path under its package root; None for the standard library (transparent)."""
    if path.startswith("<") or any(path.startswith(s) for s in stdlib):
        return None
    for root in packages:
        if path.startswith(root):
            return path[len(root):]
    marker = "site-packages/"
    return path.split(marker, 1)[1] if marker in path else path


def component(rel: str) -> str:
    for name, pattern in COMPONENTS:
        if re.search(pattern, rel):
            return name
    return "other"


def summarize(raw: Path, hub_source: Path) -> dict[str, Any]:
    packages, stdlib = _roots(hub_source)
    by_component: Counter[str] = Counter()
    by_stage: Counter[str] = Counter()
    by_function: Counter[str] = Counter()
    total = 0
    for line in raw.read_text(errors="replace").splitlines():
        stack_text, _, count_text = line.rpartition(" ")
        if not stack_text or not count_text.isdigit():
            continue
        count = int(count_text)
        frames = []
        for frame in stack_text.split(";"):
            match = FRAME.match(frame)
            if match:
                frames.append((match["func"], match["file"]))
        total += count
        charged = "event loop & asyncio (no library frame)"
        for func, path in reversed(frames):  # innermost first
            rel = _relative(path, packages, stdlib)
            if rel is not None and not rel.startswith(ENTRY_POINTS):
                charged = component(rel)
                by_function[f"{func} ({rel})"] += count
                break
        charged = next((name for name, pattern in SUBTREES if re.search(pattern, stack_text)),
                       charged)
        by_component[charged] += count
        for name, pattern in STAGES:
            if re.search(pattern, stack_text):
                by_stage[name] += count
    if not total:
        raise BenchError(f"py-spy recorded no samples in {raw}")

    def share(counter: Counter[str], limit: int = 30) -> list[list[Any]]:
        return [[name, round(100 * n / total, 1)] for name, n in counter.most_common(limit)]

    return {"samples": total, "components": share(by_component),
            "stages_inclusive": share(by_stage), "top_functions_self": share(by_function, 15)}
