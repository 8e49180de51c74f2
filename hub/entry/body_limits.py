"""The hub's request body size limits (413 before the whole body is read); being built."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from hub.config import Settings


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)
