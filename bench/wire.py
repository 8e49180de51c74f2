"""SQL statements as PostgreSQL sees them: `log_statement = 'all'` on the benchmark database
only, and the server log read from a known offset. This counts what each target really sends
(the hub's BEGIN/ROLLBACK and pool pings included, PostGraphile's statements too)."""

from __future__ import annotations

import asyncio
import re
import time
from pathlib import Path

from sqlalchemy.engine import make_url

LOG_GLOBS = ("/var/log/postgresql/postgresql-*-main.log",)


async def _execute(admin_url: str, sql: str) -> str | None:
    import asyncpg

    url = make_url(admin_url)
    conn = await asyncpg.connect(host=url.host, port=url.port or 5432, user=url.username,
                                 password=url.password, database=url.database or "postgres",
                                 timeout=10)
    try:
        value = await conn.fetchval(sql)
        return None if value is None else str(value)
    finally:
        await conn.close()


def admin(admin_url: str, sql: str) -> str | None:
    return asyncio.run(_execute(admin_url, sql))


# Statements of the hub's own background work, not of any request: the live dispatcher
# polls for due emergency calls about once a second in every hub process (BEGIN, this,
# COMMIT), on a pooled connection a request may use the moment before or after.
BACKGROUND = ("emergency_call",)
ENDS = ("COMMIT", "ROLLBACK", "END", "ABORT")


def request_statements(lines: list[tuple[str, str]]) -> int:
    """How many of the logged (backend pid, statement) lines belong to requests: per
    backend, a transaction (BEGIN to COMMIT/ROLLBACK) that holds a background statement is
    left out whole."""
    by_backend: dict[str, list[list[str]]] = {}
    for pid, statement in lines:
        runs = by_backend.setdefault(pid, [[]])
        current = runs[-1]
        if statement.upper().startswith("BEGIN") and current:
            runs.append(current := [])
        current.append(statement)
        if statement.upper().rstrip("; ").startswith(ENDS):
            runs.append([])
    return sum(len(run) for runs in by_backend.values() for run in runs
               if not any(mark in statement for statement in run for mark in BACKGROUND))


class WireCounter:
    """Counts `statement:` / `execute ...:` log lines of one database after a mark (what
    the hub does in the background left out: `request_statements`)."""

    def __init__(self, log: Path, database: str) -> None:
        self.log, self.database = log, database
        self.pattern = re.compile(
            rf"\[(\d+)\] \S*@{re.escape(database)} .*?LOG:  "
            rf"(?:statement|execute [^:]*): (.*)")

    @classmethod
    def open(cls, admin_url: str, database: str) -> tuple[WireCounter | None, str]:
        """A counter, or None and the reason it cannot count on this server."""
        prefix = admin(admin_url, "SHOW log_line_prefix") or ""
        if "%d" not in prefix:
            return None, f"the server's log_line_prefix ({prefix!r}) does not name the database"
        logs = sorted((p for g in LOG_GLOBS for p in Path("/").glob(g.lstrip("/"))),
                      key=lambda p: p.stat().st_mtime)
        if not logs:
            return None, "no readable PostgreSQL log file (looked in /var/log/postgresql)"
        log = logs[-1]
        try:
            log.open("rb").close()
        except OSError as exc:
            return None, f"cannot read {log}: {exc}"
        return cls(log, database), f"log_statement on {database}, read from {log}"

    def enable(self, admin_url: str) -> None:
        """New connections to the database log every statement (existing ones do not)."""
        admin(admin_url, f'ALTER DATABASE "{self.database}" SET log_statement = \'all\'')

    def disable(self, admin_url: str) -> None:
        admin(admin_url, f'ALTER DATABASE "{self.database}" RESET log_statement')

    def mark(self) -> int:
        return self.log.stat().st_size

    def count_since(self, offset: int, settle: float = 0.3) -> int:
        time.sleep(settle)  # the server writes its log asynchronously
        with self.log.open("rb") as f:
            f.seek(offset)
            text = f.read().decode("utf-8", errors="replace")
        found = (self.pattern.search(line) for line in text.splitlines())
        return request_statements([(m.group(1), m.group(2)) for m in found if m])
