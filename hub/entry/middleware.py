"""The hub's middleware stack, outermost first: every route runs inside all of it."""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware
from starlette.middleware.cors import CORSMiddleware

from hub.config import Settings
from hub.entry.authentication import HubAuthentication, refused
from hub.entry.locale import LocaleMiddleware
from hub.entry.request_ids import RequestIdMiddleware
from hub.entry.state import Startup


def middleware_stack(settings: Settings, startup: Startup) -> list[Middleware]:
    """Request ids (every response carries one), CORS (so that a 401 is readable by the
    browser that caused it), the locale chain, then the principal."""
    stack = [Middleware(RequestIdMiddleware)]
    if settings.cors_origins:
        stack.append(Middleware(
            CORSMiddleware, allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"], allow_headers=["*"],
        ))
    stack.append(Middleware(LocaleMiddleware))
    stack.append(Middleware(AuthenticationMiddleware, backend=HubAuthentication(startup),
                            on_error=refused))
    return stack
