"""What the lifespan loads once (`HubState`), and where the routes and middleware, made
before it runs, find it (`Startup`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from hub.authentication import Authenticator
from hub.config import Settings
from resolvers import TenantIndex

if TYPE_CHECKING:
    from schema.build import HubSchema


@dataclass
class HubState:
    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    tenants: TenantIndex
    authenticator: Authenticator
    schema: HubSchema | None = None  # the GraphQL schema, once the view is built


class Startup:
    """The hub's state once the lifespan has loaded it; `state` is None while the hub is
    starting (its routes then answer 503). A route that needs something built from the state
    (the GraphQL view) asks for it with `on_loaded`: it is built in the lifespan, so a
    failure stops the start, not the first request."""

    def __init__(self) -> None:
        self.state: HubState | None = None
        self._builders: list[Callable[[HubState], None]] = []

    def on_loaded(self, build: Callable[[HubState], None]) -> None:
        self._builders.append(build)

    def loaded(self, state: HubState) -> None:
        for build in self._builders:
            build(state)
        self.state = state
