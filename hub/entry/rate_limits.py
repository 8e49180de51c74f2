"""The hub's rate limits: per signed-in principal, per API client and per IP (anonymous
callers), in cost units per window (hub/limits).

Before a request runs, a caller whose budget is spent gets 429 with `RATE_LIMITED` and
`Retry-After`; after the answer, the request's cost (its operation's estimate, put on
`request.state.cost` by schema/core/charges.py; REFUSED_COST when nothing executed) is
charged. The probes and /metrics are never limited: a load balancer or a scraper must
always get through.
"""

from __future__ import annotations

from typing import Final

import orjson
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hub.config import Settings
from hub.entry.authentication import principal_of
from hub.entry.locale import preferred_locale
from hub.errors import RateLimited
from hub.limits import RateLimiter, bucket_for, charging, cost_of, limiter_for
from hub.limits.costs import REFUSED_COST, UNEXECUTED_COST
from hub.limits.messages import RATE_LIMITED

UNLIMITED: Final = frozenset({"/healthz", "/readyz", "/metrics"})


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.limiter: RateLimiter = limiter_for(settings)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self.app(scope, self._closing_on_shutdown(receive), send)
            return
        if scope["type"] != "http" or scope["path"] in UNLIMITED:
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        conn = HTTPConnection(scope)
        peer = scope["client"][0] if scope.get("client") else None
        bucket = bucket_for(principal_of(conn), peer, self.settings)
        with charging(state):
            if bucket is None:
                await self.app(scope, receive, send)
                return
            retry_after = await self.limiter.refusal(bucket)
            if retry_after is not None:
                await _refuse(conn, retry_after, send)
                return
            try:
                await self.app(scope, receive, send)
            finally:
                unexecuted = REFUSED_COST if scope["path"] == "/graphql" else UNEXECUTED_COST
                await self.limiter.charge(bucket, cost_of(state, unexecuted))

    def _closing_on_shutdown(self, receive: Receive) -> Receive:
        """The app's lifespan `receive`, closing the limiter's connections at shutdown."""
        async def wrapped() -> Message:
            message = await receive()
            if message["type"] == "lifespan.shutdown":
                await self.limiter.close()
            return message

        return wrapped


async def _refuse(conn: HTTPConnection, retry_after: int, send: Send) -> None:
    """429 in the GraphQL error shape, in the caller's language."""
    error = RateLimited(RATE_LIMITED, count=retry_after)
    request_id = str(conn.scope.get("state", {}).get("request_id", "-"))
    body = orjson.dumps({"errors": [{
        "message": error.render(preferred_locale(conn)),
        "extensions": {"code": error.code.value, "requestId": request_id,
                       "retryAfter": retry_after},
    }]})
    await send({"type": "http.response.start", "status": 429, "headers": [
        (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
        (b"retry-after", str(retry_after).encode())]})
    await send({"type": "http.response.body", "body": body})
