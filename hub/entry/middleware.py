"""The hub's middleware stack, outermost first: every route runs inside all of it."""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.middleware.authentication import AuthenticationMiddleware

from hub.config import Settings
from hub.entry.authentication import HubAuthentication, refused
from hub.entry.body_limits import BodyLimitMiddleware
from hub.entry.cors import KeyedCORSMiddleware
from hub.entry.documents import TrustedDocumentsMiddleware
from hub.entry.locale import LocaleMiddleware
from hub.entry.metrics import MetricsMiddleware
from hub.entry.rate_limits import RateLimitMiddleware, RefusedCredentialsMiddleware
from hub.entry.request_ids import RequestIdMiddleware
from hub.entry.state import Startup
from hub.entry.timeouts import TimeoutMiddleware
from hub.limits import limiter_for


def middleware_stack(settings: Settings, startup: Startup) -> list[Middleware]:
    """Request ids (every response carries one), metrics, the body's size, CORS (each API
    key's origins and HUB_CORS_ORIGINS: hub/entry/cors.py; outside authentication, so that
    a 401 is readable by the browser that caused it), the time limit, the locale chain,
    refused credentials counted per address, the principal, then what needs it: rate limits
    and trusted documents."""
    stack = [Middleware(RequestIdMiddleware), Middleware(MetricsMiddleware, settings=settings),
             Middleware(BodyLimitMiddleware, settings=settings)]
    stack.append(Middleware(KeyedCORSMiddleware, settings=settings, startup=startup))
    stack.append(Middleware(TimeoutMiddleware, settings=settings))
    stack.append(Middleware(LocaleMiddleware))
    limiter = limiter_for(settings)  # one count for both (in Redis when configured)
    stack.append(Middleware(RefusedCredentialsMiddleware, settings=settings, limiter=limiter))
    stack.append(Middleware(AuthenticationMiddleware, backend=HubAuthentication(startup),
                            on_error=refused))
    stack.append(Middleware(RateLimitMiddleware, settings=settings, limiter=limiter))
    stack.append(Middleware(TrustedDocumentsMiddleware, settings=settings))
    return stack
