"""The hub's time limit on every request (HUB_REQUEST_TIMEOUT_SECONDS), from its first byte
to its last: reading the body, authenticating, executing, answering.

When the limit passes and nothing was answered yet, the caller gets a coded TIMEOUT error at
once: 408 when its body had not arrived (a client sending one byte at a time cannot hold
the request open; the connection is closed), else 503 (the hub could not finish in time; a
retry may succeed). Then the request's work is cancelled. A statement its loaders already
sent (they run in tasks of their own) ends by itself or at PostgreSQL's statement_timeout;
the request's connection goes back to the pool after it. An answer already started cannot
be replaced: it is cut off, and the log says so.
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
        # A task of its own, so that the answer does not wait for the work's cleanup (which
        # may wait for a statement in flight in a loader's task).
        work = asyncio.ensure_future(self.app(scope, progress.receive, progress.send))
        try:
            done, _ = await asyncio.wait({work}, timeout=limit)
        except asyncio.CancelledError:
            work.cancel()
            raise
        if done:
            work.result()  # the app's own errors, its own TimeoutError included, go up
            return
        progress.closed = True  # whatever the work sends from now on goes nowhere
        await self._timed_out(scope, send, progress, limit)
        work.cancel()
        try:
            await work
        except asyncio.CancelledError:
            current = asyncio.current_task()
            if current is not None and current.cancelling():
                raise
        except Exception:
            log.exception("request %s: failed while being stopped",
                          scope.get("state", {}).get("request_id", "-"))

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
        self.closed = False

    async def receive(self) -> Message:
        message = await self._receive()
        if message["type"] == "http.request" and not message.get("more_body", False):
            self.body_received = True
        return message

    async def send(self, message: Message) -> None:
        if self.closed:
            return
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
