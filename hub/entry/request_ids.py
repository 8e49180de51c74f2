"""Request ids: the client's own when it is a plain token, else a fresh one; echoed back.

A client may send `X-Request-Id` to correlate its logs with ours. It is written into our log
lines and error messages, so only a short token of letters, digits, `.`, `_` and `-` is
taken as it is; anything else (newlines, markup, a megabyte) is replaced by a fresh id.

The id is also the context of the request's log lines (`hub.logs.RequestFacts`), and the
request line is written here, at the end: the outermost middleware sees the final status and
the whole duration.
"""

from __future__ import annotations

import re
import uuid
from typing import Final

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hub.logs import RequestFacts, begin_request, end_request, log_request

HEADER: Final = "X-Request-Id"
ACCEPTED: Final = re.compile(r"[A-Za-z0-9._-]{1,64}")


def request_id_for(sent: str | None) -> str:
    """The client's id if it is a plain token, else a fresh one."""
    if sent is not None and ACCEPTED.fullmatch(sent):
        return sent
    return uuid.uuid4().hex


class RequestIdMiddleware:
    """Gives every HTTP request `request.state.request_id` and every response the header."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        request_id = request_id_for(Headers(scope=scope).get(HEADER))
        scope.setdefault("state", {})["request_id"] = request_id
        facts = RequestFacts(request_id, scope.get("method", "WEBSOCKET"), scope["path"])
        status = 500  # unless a response starts

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[HEADER] = request_id
            await send(message)

        token = begin_request(facts)
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            if scope["type"] == "http":
                log_request(facts, status)
            end_request(token)
