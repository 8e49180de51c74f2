"""The hub's a time limit on every request; being built."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from hub.config import Settings


class TimeoutMiddleware:
    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)
