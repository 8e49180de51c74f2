"""The hub's time limit on every request (HUB_REQUEST_TIMEOUT_SECONDS), from its first byte
to its last: reading the body, authenticating, executing, answering.

When the limit passes, the request's work is cancelled (its statement in flight included)
and, if nothing was answered yet, the caller gets a coded TIMEOUT error: 408 when its body
had not arrived (a client sending one byte at a time cannot hold the request open; the
connection is closed), else 503 (the hub could not finish in time; a retry may succeed). An
answer already started cannot be replaced: it is cut off, and the log says so.
Websockets (subscriptions) live longer by design and are not limited here.
"""

from __future__ import annotations

import asyncio
import logging

import orjson
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hub.config import Settings
from hub.entry.locale import preferred_locale
from hub.errors import TimedOut
from hub.i18n.chain import FINAL_FALLBACK, LocaleChain
from hub.i18n.markers import Plural
from hub.limits.messages import BODY_TIMED_OUT, REQUEST_TIMED_OUT

log = logging.getLogger("tatawwu.limits")


class TimeoutMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        progress = _Progress(receive, send, expects_body=_expects_body(scope))
        limit = self.settings.request_timeout_seconds
        timeout = asyncio.timeout(limit)
        try:
            async with timeout:
                await self.app(scope, progress.receive, progress.send)
        except TimeoutError:
            if not timeout.expired():
                raise  # the app's own (a client of another service), not this limit
            await self._timed_out(scope, send, progress, limit)

    async def _timed_out(self, scope: Scope, send: Send, progress: _Progress,
                         limit: int) -> None:
        request_id = str(scope.get("state", {}).get("request_id", "-"))
        if progress.started:
            log.warning("request %s: cut off after %s s, its answer begun", request_id, limit)
            return
        waiting_for_body = not progress.body_received
        log.warning("request %s: stopped after %s s%s", request_id, limit,
                    " (its body had not arrived)" if waiting_for_body else "")
        msgid: Plural = BODY_TIMED_OUT if waiting_for_body else REQUEST_TIMED_OUT
        error = TimedOut(msgid, count=limit)
        body = orjson.dumps({"errors": [{
            "message": error.render(_locale(scope)),
            "extensions": {"code": error.code.value, "requestId": request_id},
        }]})
        headers = [(b"content-type", b"application/json"),
                   (b"content-length", str(len(body)).encode())]
        if waiting_for_body:
            headers.append((b"connection", b"close"))
        await send({"type": "http.response.start", "status": 408 if waiting_for_body else 503,
                    "headers": headers})
        await send({"type": "http.response.body", "body": body})


class _Progress:
    """How far a request got: its whole body received, its answer started."""

    def __init__(self, receive: Receive, send: Send, *, expects_body: bool) -> None:
        self._receive = receive
        self._send = send
        self.body_received = not expects_body
        self.started = False

    async def receive(self) -> Message:
        message = await self._receive()
        if message["type"] == "http.request" and not message.get("more_body", False):
            self.body_received = True
        return message

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.started = True
        await self._send(message)


def _expects_body(scope: Scope) -> bool:
    """Whether the request announced a body (a GET has none to wait for)."""
    for name, value in scope.get("headers", ()):
        if name == b"transfer-encoding" or (name == b"content-length" and value != b"0"):
            return True
    return False


def _locale(scope: Scope) -> str:
    """The caller's language (LocaleMiddleware, inside this one, may not have run yet)."""
    conn = HTTPConnection(scope)
    if "locales" in scope.get("state", {}):
        return preferred_locale(conn)
    chain = LocaleChain.from_request(explicit=conn.query_params.get("lang"),
                                     accept_language=conn.headers.get("accept-language"))
    return chain.preferred or FINAL_FALLBACK
