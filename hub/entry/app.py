"""The ASGI app: its lifespan, its middleware and the table of its routes.

A route lives in a module of its own (`graphql.py`, `health.py`, `ide.py`...) that exports
`routes(...)`; `routes()` below assembles them, one line per module.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager

from sqlalchemy.ext.asyncio import AsyncEngine
from starlette.applications import Starlette
from starlette.routing import BaseRoute

from hub.auth import DevKey, TokenVerifier, parse_issuers
from hub.authentication import Authenticator, TenantDirectory
from hub.config import Settings
from hub.db.engine import make_engine, make_sessionmaker
from hub.entry import (
    certificates,
    credentials,
    dashboard,
    feeds,
    graphql,
    health,
    ide,
    metrics,
    widgets,
)
from hub.entry.live import start_live
from hub.entry.middleware import middleware_stack
from hub.entry.state import HubState, Startup
from hub.errors import ConfigurationError
from hub.i18n.warmup import warm_up
from resolvers import TenantIndex


def token_verifier(settings: Settings) -> TokenVerifier:
    """Configured issuers; in dev mode also the local development key. Production mode
    refuses development tokens and will not start without an issuer."""
    issuers = parse_issuers(settings.oidc_issuers)
    if not settings.is_dev and not issuers:
        raise ConfigurationError("HUB_MODE=production needs at least one issuer in "
                                 "HUB_OIDC_ISSUERS (development tokens are refused there)")
    dev_key = DevKey.load_or_create(settings.dev_key_file) if settings.is_dev else None
    return TokenVerifier(issuers, dev_key)


def routes(settings: Settings, startup: Startup) -> list[BaseRoute]:
    """Every route of the hub; a new route module adds its line here."""
    return [
        *graphql.routes(startup),
        *health.routes(startup),
        *metrics.routes(),
        *certificates.routes(startup),
        *credentials.routes(startup),
        *feeds.routes(startup),
        *dashboard.routes(startup),
        *widgets.routes(startup),
        *(ide.routes() if settings.is_dev else []),
    ]


def lifespan(settings: Settings, engine: AsyncEngine, verifier: TokenVerifier,
             startup: Startup, notify: bool = False, webhooks: bool = False
             ) -> Callable[[Starlette], AbstractAsyncContextManager[None]]:
    """Load the tenants and the languages' data, then hand the state to `startup` (and
    `app.state.hub`); with `notify`, run the notification delivery loop beside the API;
    dispose of the engine at the end."""

    @contextlib.asynccontextmanager
    async def run(app: Starlette) -> AsyncIterator[None]:
        sessions = make_sessionmaker(engine)
        metrics.watch(app, settings, engine)  # statements per request, pool use: /metrics
        async with sessions() as session:
            tenants = await TenantIndex.load(session)
        federation = [t.id for t in tenants.active if t.kind == "FEDERATION"]
        directory = TenantDirectory({t.slug: t.id for t in tenants.active},
                                    federation[0] if federation else None)
        # The first answer in each language would otherwise load its locale data.
        warm_up(t.default_locale for t in tenants.active)
        state = HubState(settings, engine, sessions, tenants, Authenticator(
            verifier, sessions, directory, parse_issuers(settings.oidc_issuers)))
        app.state.hub = state
        # What startup built (the schema, the languages, the tenants) lives as long as the
        # process: out of the collector's way, so that no full collection over it stalls a
        # request later (a ~180 ms pause of every request, /healthz included, was seen).
        # No collection first: it would cost ~100 ms per start (a test process starts
        # hundreds of apps); startup's little garbage stays until `unfreeze`.
        gc.freeze()
        startup.loaded(state)
        if state.schema is not None:  # compiled execution's plans: /metrics
            metrics.metrics_of(app, settings).watch_plans(state.schema.compiled.describe)
        # `serve --notify`: the outbox's delivery loop, cancelled when the app stops. Its
        # modules (the mailers, aiosmtplib) are imported by a hub that delivers only.
        notifier = deliverer = None
        if notify:
            from resolvers.notifications import worker as notifications

            notifier = notifications.start(settings, sessions)
        # `serve --webhooks`: the webhook deliveries' loop, likewise.
        if webhooks:
            from resolvers.webhooks import worker as webhook_delivery

            deliverer = webhook_delivery.start(settings, sessions)
        try:
            async with start_live(app, state):  # live emergency calls (docs/live.md)
                yield
        finally:
            for task in (notifier, deliverer):
                if task is not None:
                    task.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await task
            await engine.dispose()
            gc.unfreeze()  # collectable again (a test process starts many apps)

    return run


def create_app(settings: Settings | None = None, *, engine: AsyncEngine | None = None,
               notify: bool = False, webhooks: bool = False) -> Starlette:
    """The hub's ASGI app. The database must already be migrated and its tenants synced.
    `notify` also delivers notifications from the app's event loop (`serve --notify`), and
    `webhooks` webhook deliveries (`serve --webhooks`)."""
    settings = settings or Settings.from_env()
    verifier = token_verifier(settings)
    engine = engine or make_engine(settings.database_url)
    startup = Startup()
    return Starlette(
        routes=routes(settings, startup),
        middleware=middleware_stack(settings, startup),
        lifespan=lifespan(settings, engine, verifier, startup, notify, webhooks),
    )
