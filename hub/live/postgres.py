"""Live events through PostgreSQL's LISTEN/NOTIFY: no server beyond the hub's database.

The listening connection is a dedicated asyncpg connection, never a pooled one (a pooled
connection loses its listeners when it goes back to the pool). It is watched two ways: its
termination (the server cut it: `pg_terminate_backend`, a restart) is noticed at once, and
a heartbeat (`SELECT 1` after HEARTBEAT_SECONDS of quiet, within HEARTBEAT_TIMEOUT) notices
a connection cut without a word. Either way it is closed and opened again, with back-off,
and `connected()` tells the runtime to look up what went out meanwhile.

NOTIFY is delivered when the transaction that sent it commits, to every listening
connection of the database: the dispatcher sends it in the transaction that claims the
call (`in_transaction`), so the event leaves exactly when the claim is committed, once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import asyncpg
from sqlalchemy import Executable, func, select
from sqlalchemy.engine import make_url

from hub.live.bus import HEARTBEAT_SECONDS, HEARTBEAT_TIMEOUT, Backoff, Bus, Connected, Deliver

log = logging.getLogger("tatawwu.live")

CHANNEL = "tatawwu_live"  # NOTIFY reaches the listeners of the same database only
APPLICATION_NAME = "tatawwu-live"  # how the listening connection shows in pg_stat_activity
CONNECT_TIMEOUT = 5.0


def asyncpg_dsn(database_url: str) -> str:
    """The hub's SQLAlchemy URL as asyncpg's DSN (TLS parameters kept, the dialect's own
    options left out)."""
    url = make_url(database_url)
    query = {k: v for k, v in url.query.items() if k.startswith("ssl")}
    return url.set(drivername="postgresql", query=query).render_as_string(hide_password=False)


class PostgresBus(Bus):
    name = "postgres"

    def __init__(self, database_url: str, *, channel: str = CHANNEL,
                 heartbeat: float = HEARTBEAT_SECONDS,
                 application_name: str = APPLICATION_NAME) -> None:
        self.dsn = asyncpg_dsn(database_url)
        self.channel = channel
        self.heartbeat = heartbeat
        self.application_name = application_name
        self.connections = 0  # connections made so far (the first included)

    def in_transaction(self, payload: str) -> Executable:
        return select(func.pg_notify(self.channel, payload))

    async def publish(self, payload: str) -> None:
        connection = await self._connect()
        try:
            await connection.execute("SELECT pg_notify($1, $2)", self.channel, payload)
        finally:
            await connection.close()

    async def listen(self, deliver: Deliver, connected: Connected) -> None:
        backoff = Backoff()

        def heard(_connection: Any, _pid: int, _channel: str, payload: str) -> None:
            deliver(payload)

        while True:
            connection = None
            try:
                connection = await self._connect()
                lost = asyncio.Event()
                connection.add_termination_listener(_setter(lost))
                await connection.add_listener(self.channel, heard)
                self.connections += 1
                if self.connections > 1:
                    log.info("live: listening again on PostgreSQL channel %s", self.channel)
                backoff.reset()
                await connected()
                await self._watch(connection, lost)
                log.warning("live: the PostgreSQL listening connection was cut; reconnecting")
            except Exception as exc:  # whatever cut it, listening goes on after a pause
                log.warning("live: PostgreSQL listening connection failed (%s: %s); "
                            "reconnecting", type(exc).__name__, exc)
            finally:
                if connection is not None:
                    connection.terminate()  # no goodbye to a server that may be gone
            await asyncio.sleep(backoff.delay())

    async def _connect(self) -> Any:
        return await asyncpg.connect(self.dsn, timeout=CONNECT_TIMEOUT, server_settings={
            "application_name": self.application_name})

    async def _watch(self, connection: Any, lost: asyncio.Event) -> None:
        """Until the connection is lost or a heartbeat fails (which raises)."""
        while not lost.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(lost.wait(), self.heartbeat)
                return
            await connection.fetchval("SELECT 1", timeout=HEARTBEAT_TIMEOUT)


def _setter(event: asyncio.Event) -> Any:
    """A termination listener that sets `event`."""
    return lambda _connection: event.set()
