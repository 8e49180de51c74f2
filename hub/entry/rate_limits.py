"""The hub's rate limits: per signed-in principal, per API client and per IP (anonymous
callers), in cost units per window (hub/limits).

Before a request runs, a caller whose budget is spent gets 429 with `RATE_LIMITED` and
`Retry-After`; with the answer, before its last bytes are sent, the request's cost (its
operation's estimate, put on `request.state.cost` by schema/core/charges.py; REFUSED_COST
when nothing executed) is charged. The probes and /metrics are never limited: a load
balancer or a scraper must always get through.
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
from hub.limits.windows import Bucket, network_of

UNLIMITED: Final = frozenset({"/healthz", "/readyz", "/metrics"})


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings,
                 limiter: RateLimiter | None = None) -> None:
        self.app = app
        self.settings = settings
        self.limiter: RateLimiter = limiter if limiter is not None else limiter_for(settings)

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
            unexecuted = REFUSED_COST if scope["path"] == "/graphql" else UNEXECUTED_COST
            charged = False

            async def charge() -> None:
                nonlocal charged
                if not charged:
                    charged = True
                    await self.limiter.charge(bucket, cost_of(state, unexecuted))

            async def charging_send(message: Message) -> None:
                # Charged before the answer's last bytes leave: a client that waits for
                # its answer cannot outrun its own charge, on this process or another.
                if message["type"] == "http.response.body" and not message.get("more_body"):
                    await charge()
                await send(message)

            try:
                await self.app(scope, receive, charging_send)
            finally:
                await charge()

    def _closing_on_shutdown(self, receive: Receive) -> Receive:
        """The app's lifespan `receive`, closing the limiter's connections at shutdown."""
        async def wrapped() -> Message:
            message = await receive()
            if message["type"] == "lifespan.shutdown":
                await self.limiter.close()
            return message

        return wrapped


class RefusedCredentialsMiddleware:
    """Outside authentication: an address whose credentials were refused
    HUB_RATE_LIMIT_REFUSED_CREDENTIALS times in a window gets 429 for every request that
    carries a credential (a bearer token or an API key) until the window ends, before the
    credential is even checked: guessing tokens or keys costs the guesser, and a signed-in
    neighbour behind the same address is refused only while the guessing goes on. Requests
    without a credential are never refused here (they spend the address's own budget)."""

    def __init__(self, app: ASGIApp, settings: Settings, limiter: RateLimiter) -> None:
        self.app = app
        self.settings = settings
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        budget = self.settings.rate_limit_refused_credentials
        if scope["type"] != "http" or not budget or scope["path"] in UNLIMITED \
                or not _carries_credential(scope):
            await self.app(scope, receive, send)
            return
        peer = scope["client"][0] if scope.get("client") else None
        bucket = Bucket(f"refused:{network_of(peer)}", budget)
        retry_after = await self.limiter.refusal(bucket)
        if retry_after is not None:
            await _refuse(HTTPConnection(scope), retry_after, send)
            return
        status, charged = 0, False

        async def charge() -> None:
            nonlocal charged
            if status == 401 and not charged:
                charged = True
                await self.limiter.charge(bucket, 1)

        async def watched(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body" and not message.get("more_body"):
                await charge()  # before the refusal leaves, as the rate limits do
            await send(message)

        try:
            await self.app(scope, receive, watched)
        finally:
            await charge()


def _carries_credential(scope: Scope) -> bool:
    return any(name in (b"authorization", b"x-api-key") and value.strip()
               for name, value in scope.get("headers") or ())


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
