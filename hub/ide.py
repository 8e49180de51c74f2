"""The GraphiQL page, served with its assets from the hub itself (no CDN): placeholder until
the offline IDE lands; today it returns strawberry's own page."""

from __future__ import annotations

from starlette.routing import BaseRoute
from strawberry.http.ides import get_graphql_ide_html


def page_html() -> str:
    return get_graphql_ide_html(graphql_ide="graphiql")


def routes() -> list[BaseRoute]:
    """The routes that serve the IDE's assets (none yet)."""
    return []
