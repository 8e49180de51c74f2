"""/metrics, and the middleware that measures every request for it (hub/metrics.py holds the
metrics themselves, one registry per app).

The middleware answers /metrics itself, ahead of authentication and the rate limits: a
metrics token is no JWT the authenticator would accept, and scraping must never be limited.
It is open to loopback callers that no proxy forwarded (a `Forwarded` or `X-Forwarded-For`
header means someone else is behind the loopback address), and to anyone presenting
`Authorization: Bearer <HUB_METRICS_TOKEN>`.

Errors by code are read from the answer itself (the JSON `errors` of /graphql and of the
middleware's refusals): at most `MAX_SCANNED_BYTES` of a JSON answer are kept for that, the
bytes already sent, not a copy per chunk.
"""

from __future__ import annotations

import hmac
import ipaddress
import time
from collections.abc import Iterator
from typing import Any

import orjson
from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hub.config import Settings
from hub.logs import current_request
from hub.metrics import HubMetrics

PATH = "/metrics"
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
MAX_SCANNED_BYTES = 1 << 20
FORWARDING = ("forwarded", "x-forwarded-for", "x-real-ip")
JSON_TYPES = ("application/json", "application/graphql-response+json")


def metrics_of(app: Any, settings: Settings) -> HubMetrics:
    """The app's metrics, created on first use (by the middleware or the lifespan)."""
    metrics: HubMetrics | None = getattr(app.state, "metrics", None)
    if metrics is None:
        metrics = HubMetrics(names_trusted_only=settings.trusted_documents == "only")
        app.state.metrics = metrics
    return metrics


def watch(app: Any, settings: Settings, engine: Any) -> None:
    """The lifespan's hook: count the engine's statements, report its pool."""
    metrics_of(app, settings).watch(engine)


class MetricsMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or "app" not in scope:
            await self.app(scope, receive, send)
            return
        metrics = metrics_of(scope["app"], self.settings)
        started = time.perf_counter()
        answer = _Answer()

        async def measured_send(message: Message) -> None:
            answer.see(message)
            await send(message)

        try:
            if scope["path"] == PATH:
                await self.scrape(metrics, scope)(scope, receive, measured_send)
            else:
                await self.app(scope, receive, measured_send)
        finally:
            facts = current_request()
            metrics.observe(
                route=_route_of(scope), method=scope["method"], status=answer.status,
                seconds=time.perf_counter() - started,
                operation=facts.operation if facts else None,
                trusted=scope.get("state", {}).get("trusted_document") is not None,
                codes=answer.codes(), statements=facts.statements if facts else None)

    def scrape(self, metrics: HubMetrics, scope: Scope) -> Response:
        if not self.allowed(scope):
            return PlainTextResponse(
                "/metrics is open to loopback callers, or with the metrics token "
                "(Authorization: Bearer <HUB_METRICS_TOKEN>).\n", status_code=403)
        return Response(metrics.exposition(), media_type=CONTENT_TYPE,
                        headers={"Cache-Control": "no-store"})

    def allowed(self, scope: Scope) -> bool:
        headers = Headers(scope=scope)
        token = self.settings.metrics_token
        scheme, _, credential = headers.get("authorization", "").partition(" ")
        if token and scheme.lower() == "bearer" and hmac.compare_digest(
                credential.strip().encode(), token.encode()):
            return True
        client = scope.get("client")
        forwarded = any(name in headers for name in FORWARDING)
        return client is not None and _is_loopback(client[0]) and not forwarded


def routes() -> list[BaseRoute]:
    """None: /metrics is answered by `MetricsMiddleware`, ahead of authentication."""
    return []


class _Answer:
    """What the middleware keeps of an answer: its status, and (for JSON) its first bytes."""

    def __init__(self) -> None:
        self.status = 500  # unless a response starts
        self.scanning = False
        self.chunks: list[bytes] = []
        self.size = 0

    def see(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            kind = Headers(raw=message.get("headers", [])).get("content-type", "")
            self.scanning = kind.split(";")[0].strip() in JSON_TYPES
        elif message["type"] == "http.response.body" and self.scanning:
            body: bytes = message.get("body", b"")
            self.size += len(body)
            if self.size > MAX_SCANNED_BYTES:
                self.scanning, self.chunks = False, []
            else:
                self.chunks.append(body)

    def codes(self) -> Iterator[str]:
        """The `extensions.code` of each error of a JSON answer."""
        if not self.chunks:
            return
        body = b"".join(self.chunks)
        if b'"errors"' not in body:
            return
        try:
            errors = orjson.loads(body).get("errors")
        except (orjson.JSONDecodeError, AttributeError):
            return
        for error in errors if isinstance(errors, list) else ():
            extensions = error.get("extensions") if isinstance(error, dict) else None
            code = extensions.get("code") if isinstance(extensions, dict) else None
            yield code if isinstance(code, str) else "NONE"


def _route_of(scope: Scope) -> str:
    """The template of the route that served `scope` (`unmatched` for none): a bounded label,
    where the path itself is whatever the caller typed."""
    if scope["path"] == PATH:
        return PATH
    route = scope.get("route")
    if route is None:  # a middleware answered first: find the route it stood in front of
        for candidate in getattr(scope["app"], "routes", ()):
            if candidate.matches(scope)[0] == Match.FULL:
                route = candidate
                break
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "unmatched"


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
