"""Relay connections: `OpportunityConnection`, `NewsConnection`, ... built from keyset pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import strawberry

from resolvers.core.pages import Page
from schema.core.common import PageInfo

NodeT = TypeVar("NodeT")


def page_info(page: Page[Any]) -> PageInfo:
    rows = page.rows
    return PageInfo(
        has_next_page=page.has_next,
        has_previous_page=page.has_previous,
        start_cursor=page.cursor(rows[0]) if rows else None,
        end_cursor=page.cursor(rows[-1]) if rows else None,
    )


def edges_of(page: Page[Any], make: Callable[[Any], NodeT], edge: Callable[..., Any]) -> list[Any]:
    return [edge(page=page, row=row, node=make(row)) for row in page.rows]


@strawberry.type
class Edge:
    """An item of a page. Its cursor is written only when it is asked for: most pages ask
    for `pageInfo.endCursor` alone."""

    page: strawberry.Private[Page[Any]]
    row: strawberry.Private[Any]

    @strawberry.field
    def cursor(self) -> str:
        return self.page.cursor(self.row)


@strawberry.type
class CountedConnection:
    """What every connection shares: paging info and a total computed only when asked."""

    page_info: PageInfo
    page: strawberry.Private[Page[Any]]

    @strawberry.field(description="All records matching the filters that the caller may see.")
    async def total_count(self) -> int:
        return await self.page.count()


