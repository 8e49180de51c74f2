"""The widgets routes (filled in by the widgets work)."""

from __future__ import annotations

from starlette.routing import BaseRoute

from hub.entry.state import Startup


def routes(startup: Startup) -> list[BaseRoute]:
    return []
