"""Relay connections: `OpportunityConnection`, `NewsConnection`, ... built from keyset pages."""

from __future__ import annotations

from typing import Any, ClassVar, Generic, Protocol, Self, TypeVar

import strawberry

from resolvers.core.pages import Page
from schema.core.common import PageInfo

NodeT = TypeVar("NodeT")


class FromRow(Protocol):
    """A node type: made from a row of its table."""

    @classmethod
    def of(cls, row: Any) -> Any: ...


def page_info(page: Page[Any]) -> PageInfo:
    rows = page.rows
    return PageInfo(
        has_next_page=page.has_next,
        has_previous_page=page.has_previous,
        start_cursor=page.cursor(rows[0]) if rows else None,
        end_cursor=page.cursor(rows[-1]) if rows else None,
    )


@strawberry.type
class Cursor:
    """What an edge has before its node: its cursor, written only when it is asked for
    (most pages ask for `pageInfo.endCursor` alone)."""

    page: strawberry.Private[Page[Any]]
    row: strawberry.Private[Any]

    @strawberry.field
    def cursor(self) -> str:
        return self.page.cursor(self.row)


@strawberry.type
class Edge(Cursor, Generic[NodeT]):
    """An item of a page."""

    node: NodeT


@strawberry.type
class Counted:
    """What a connection has before its edges: paging info, and a total computed only when
    it is asked for."""

    page_info: PageInfo
    page: strawberry.Private[Page[Any]]

    @strawberry.field(description="All records matching the filters that the caller may see.")
    async def total_count(self) -> int:
        return await self.page.count()


@strawberry.type
class Connection(Counted, Generic[NodeT]):
    """A page of a list. A list's connection is one line,
    `class OpportunityConnection(Connection[Opportunity])` with `node_type = Opportunity`:
    GraphQL names it and its edge after the node type."""

    edges: list[Edge[NodeT]]

    node_type: ClassVar[type[FromRow]]  # its `of(row)` makes the node of a row of the page

    @classmethod
    def of(cls, page: Page[Any]) -> Self:
        make = cls.node_type.of
        return cls(edges=[Edge(node=make(row), page=page, row=row) for row in page.rows],
                   page_info=page_info(page), page=page)
