"""The machine and the versions a result was measured with."""

from __future__ import annotations

import os
import platform
import re
import shutil
import sqlite3
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

PYTHON_PACKAGES = ("strawberry-graphql", "graphql-core", "sqlalchemy", "asyncpg", "aiosqlite",
                   "orjson", "uvicorn", "starlette", "uvloop", "httptools", "aiodataloader",
                   "babel")


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_kib = 0
    try:
        match = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())
        mem_kib = int(match.group(1)) if match else 0
    except OSError:
        pass
    return {
        "nproc": len(os.sched_getaffinity(0)),
        "cpu_model": cpu,
        "memory_gib": round(mem_kib / 2**20, 1),
        "kernel": platform.release(),
        "load_average": load_average(),
    }


def load_average() -> list[float]:
    """1, 5 and 15 minute load averages: other work on a shared machine shows here."""
    return [round(x, 2) for x in os.getloadavg()]


def python_versions() -> dict[str, str | None]:
    found: dict[str, str | None] = {"python": platform.python_version(),
                                    "sqlite": sqlite3.sqlite_version}
    for name in PYTHON_PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = None
    return found


def wrk_version() -> str | None:
    """`wrk -v` prints its version and exits 1; read the first line whatever the exit code."""
    path = shutil.which("wrk")
    if path is None:
        return None
    try:
        done = subprocess.run([path, "-v"], capture_output=True, text=True, timeout=10,
                              check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    match = re.search(r"wrk\s+(?:debian/)?(\d\S*)", done.stdout + done.stderr)
    return match.group(1) if match else "unknown"
