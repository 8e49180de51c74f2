"""/readyz cannot hang: its database check gives up after READY_TIMEOUT seconds, even on a
server that accepts the connection and never says a word."""

from __future__ import annotations

import asyncio
import socket
import time
from types import SimpleNamespace

import pytest
from starlette.requests import Request

from hub.db.engine import make_engine
from hub.entry import health
from hub.entry.state import Startup


def test_readyz_gives_up_in_time_on_a_server_that_does_not_answer(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert health.READY_TIMEOUT <= 2.0  # under the usual probe timeouts
    monkeypatch.setattr(health, "READY_TIMEOUT", 0.3)  # the same path, faster
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # the kernel accepts connections; nobody ever answers
        port = silent.getsockname()[1]

        async def probe() -> tuple[int, bytes, float]:
            engine = make_engine(f"postgresql+asyncpg://postgres@127.0.0.1:{port}/hub")
            startup = Startup()
            startup.state = SimpleNamespace(engine=engine)  # type: ignore[assignment]
            readyz = health.routes(startup)[1].endpoint  # type: ignore[attr-defined]
            started = time.monotonic()
            try:
                response = await readyz(Request({"type": "http", "method": "GET"}))
            finally:
                await engine.dispose()
            return response.status_code, bytes(response.body), time.monotonic() - started

        status, body, elapsed = asyncio.run(probe())
    assert (status, body) == (503, b'{"status":"database unavailable"}')
    assert 0.3 <= elapsed < 1.5
