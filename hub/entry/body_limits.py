"""The request body's size limit (HUB_MAX_BODY_BYTES), before anything reads the body.

A body announced larger than the limit (`Content-Length`) is refused with 413 before a byte
of it is read; a body sent without a length (chunked) is counted as it arrives and refused as
soon as it passes the limit, so no request can make the hub hold more than the limit in
memory (the issue saw 10 MB and 50 MB bodies accepted, and kept). The answer is the coded
JSON of every transport refusal (`REQUEST_TOO_LARGE`), in the caller's language, and closes
the connection: the rest of the body is never read.
"""

from __future__ import annotations

import orjson
from starlette.datastructures import Headers
from starlette.requests import HTTPConnection
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hub.config import Settings
from hub.errors import ErrorCode
from hub.i18n import LocaleChain
from hub.i18n import messages as msg
from hub.i18n.chain import FINAL_FALLBACK
from schema import Refusal, error_body


class BodyTooLarge(Exception):
    """Raised from `receive` when a body being read passes the limit."""


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.limit = settings.max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        announced = Headers(scope=scope).get("content-length")
        if announced is not None and announced.strip().isdigit() \
                and int(announced) > self.limit:
            await self.refuse(scope, send, f"Content-Length {int(announced)}")
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            if started:  # an app answered before reading it all: nothing more to say
                return
            await self.refuse(scope, send, f"more than {self.limit} bytes received")

    async def refuse(self, scope: Scope, send: Send, what: str) -> None:
        conn = HTTPConnection(scope)
        locale = LocaleChain.from_request(
            explicit=conn.query_params.get("lang"),
            accept_language=conn.headers.get("accept-language")).preferred or FINAL_FALLBACK
        request_id = str(scope.get("state", {}).get("request_id", "-"))
        refusal = Refusal(413, msg.REQUEST_TOO_LARGE, ErrorCode.REQUEST_TOO_LARGE,
                          params={"count": self.limit})
        reason = f"Request body too large: {what}, over the limit of {self.limit} bytes"
        response = Response(
            orjson.dumps(error_body(refusal, reason, locale, request_id)), status_code=413,
            media_type="application/json", headers={"Connection": "close"})
        await response(scope, _no_body, send)


async def _no_body() -> Message:
    return {"type": "http.disconnect"}
