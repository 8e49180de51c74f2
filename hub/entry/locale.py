"""The request's locale chain, computed once, before any route runs.

`?lang=` first, then Accept-Language by q-value (`LocaleChain.from_request`). The GraphQL
context starts from this chain (the `@locale` directive may replace it during execution),
and every error answered outside execution (401, refused transport, early errors) is
rendered in its first language.
"""

from __future__ import annotations

from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Receive, Scope, Send

from hub.i18n import LocaleChain
from hub.i18n.chain import FINAL_FALLBACK


class LocaleMiddleware:
    """Gives every HTTP and websocket request `request.state.locales`."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            conn = HTTPConnection(scope)
            conn.state.locales = LocaleChain.from_request(
                explicit=conn.query_params.get("lang"),
                accept_language=conn.headers.get("accept-language"))
        await self.app(scope, receive, send)


def locales_of(conn: HTTPConnection) -> LocaleChain:
    """The chain `LocaleMiddleware` computed for this request."""
    chain: LocaleChain = conn.state.locales
    return chain


def preferred_locale(conn: HTTPConnection) -> str:
    """The language of an error answered outside GraphQL execution."""
    return locales_of(conn).preferred or FINAL_FALLBACK
