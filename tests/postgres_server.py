"""A PostgreSQL server of a test's own, for the tests that stop, restart or break it.

The machine's shared server (127.0.0.1:5432) is never touched: this one is Debian's binaries
(`/usr/lib/postgresql/<version>/bin`) over a temporary data directory, on a free loopback
port, with trust authentication and its socket in its own folder. `initdb` refuses to run as
root, so when the tests run as root every server command runs as the `postgres` system user
(`runuser`), over a folder that user owns. Durability settings are off (`fsync`): a fast
shutdown still writes everything, and a restart test never crashes the machine.

    with own_postgres() as server:
        server.create_database("hub")
        url = server.url("hub")             # postgresql+asyncpg://postgres@127.0.0.1:PORT/hub
        server.restart()                    # pg_ctl restart -m fast
        server.terminate_backends("hub")    # pg_terminate_backend of every other session
"""

from __future__ import annotations

import asyncio
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.servers import free_port

SYSTEM_USER = "postgres"
START_TIMEOUT = 20.0  # seconds for pg_ctl to see the server accept connections


def binaries() -> Path | None:
    """The newest Debian PostgreSQL bin folder with the programs a test needs, or None."""
    root = Path("/usr/lib/postgresql")
    if not root.is_dir():
        return None
    found = [p / "bin" for p in root.iterdir()
             if all((p / "bin" / name).exists() for name in ("initdb", "pg_ctl", "postgres"))]
    return max(found, key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
               default=None)


def unavailable() -> str | None:
    """Why this machine cannot run an own server (None when it can)."""
    if binaries() is None:
        return "no PostgreSQL binaries under /usr/lib/postgresql/<version>/bin"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(SYSTEM_USER)
        except KeyError:
            return f"running as root and there is no {SYSTEM_USER!r} user for initdb"
        if shutil.which("runuser") is None:
            return "running as root without runuser"
    return None


@dataclass
class PostgresServer:
    """A server this test started: its folder, port and the commands that drive it."""

    bin: Path
    folder: Path  # owned by the server's user: data/ and server.log inside
    port: int

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def log(self) -> Path:
        return self.folder / "server.log"

    def url(self, database: str = "postgres", driver: str = "postgresql+asyncpg") -> str:
        return f"{driver}://{SYSTEM_USER}@127.0.0.1:{self.port}/{database}"

    # --- the server's life --------------------------------------------------------------

    def _run(self, program: str, *args: str, timeout: float = 60) -> None:
        command: list[str] = [str(self.bin / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", SYSTEM_USER, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              cwd=self.folder)
        if done.returncode != 0:
            raise RuntimeError(f"{program} {' '.join(args)} failed ({done.returncode}):\n"
                               f"{done.stdout}{done.stderr}\n{self.tail()}")

    def tail(self, chars: int = 3000) -> str:
        try:
            return self.log.read_text()[-chars:]
        except OSError:
            return ""

    def initdb(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", SYSTEM_USER, "-A", "trust",
                  "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions")

    def start(self) -> None:
        options = (f"-p {self.port} -c listen_addresses=127.0.0.1 "
                   f"-c unix_socket_directories='{self.folder}' -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50")
        self._run("pg_ctl", "start", "-D", str(self.data), "-l", str(self.log), "-w",
                  "-t", str(int(START_TIMEOUT)), "-o", options, timeout=START_TIMEOUT + 10)

    def stop(self, mode: str = "fast") -> None:
        """`fast`: sessions are cut off, open transactions roll back, a checkpoint is written."""
        self._run("pg_ctl", "stop", "-D", str(self.data), "-m", mode, "-w",
                  "-t", str(int(START_TIMEOUT)), timeout=START_TIMEOUT + 10)

    def restart(self) -> None:
        self.stop()
        self.start()

    # --- SQL as the superuser -----------------------------------------------------------

    def sql(self, statement: str, *args: Any, database: str = "postgres") -> list[Any]:
        """Run one statement on a connection of its own (asyncpg); the rows it returns."""

        async def run() -> list[Any]:
            import asyncpg

            conn = await asyncpg.connect(host="127.0.0.1", port=self.port, user=SYSTEM_USER,
                                         database=database, timeout=5)
            try:
                return list(await conn.fetch(statement, *args))
            finally:
                await conn.close()

        return asyncio.run(run())

    def create_database(self, name: str) -> None:
        self.sql(f'CREATE DATABASE "{name}"')

    def terminate_backends(self, database: str) -> int:
        """Cut every session of `database` (as a crash of their backends would): how many."""
        rows = self.sql("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
                        "FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
                        database)
        return int(rows[0][0])

    def sessions(self, database: str) -> int:
        rows = self.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = $1 "
                        "AND pid <> pg_backend_pid()", database)
        return int(rows[0][0])


def _own_folder() -> Path:
    """A temporary folder the server's user owns (pytest's tmp_path is root's, mode 0700)."""
    folder = Path(tempfile.mkdtemp(prefix="tatawwu-pg-"))
    if os.geteuid() == 0:
        user = pwd.getpwnam(SYSTEM_USER)
        os.chown(folder, user.pw_uid, user.pw_gid)
    return folder


@contextmanager
def own_postgres(databases: Sequence[str] = ()) -> Iterator[PostgresServer]:
    """A fresh server on a free loopback port, running until the block ends, then removed
    with its data (stopped with `immediate`: nothing of it is kept)."""
    reason = unavailable()
    if reason is not None:
        raise RuntimeError(reason)
    bin_folder = binaries()
    assert bin_folder is not None
    server = PostgresServer(bin_folder, _own_folder(), free_port())
    try:
        server.initdb()
        server.start()
        for name in databases:
            server.create_database(name)
        yield server
    finally:
        try:
            if (server.data / "postmaster.pid").exists():
                server.stop("immediate")
        finally:
            _remove(server.folder)


def _remove(folder: Path) -> None:
    for _ in range(3):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            return
        time.sleep(0.1)
