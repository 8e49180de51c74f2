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


class WireCounter:
    """Counts `statement:` / `execute ...:` log lines of one database after a mark."""

    def __init__(self, log: Path, database: str) -> None:
        self.log, self.database = log, database
        self.pattern = re.compile(
            rf"@{re.escape(database)} .*?LOG:  (?:statement|execute [^:]*): ")

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
        return sum(1 for line in text.splitlines() if self.pattern.search(line))
