"""Small shared types: localized strings, paging info, places, the Node interface."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import strawberry

from hub.i18n import Served
from schema.core.enums import TextDirection
from schema.core.policy import INHERITED, policy


@strawberry.interface
class Node:
    """An object with a global id, fetchable with `node(id:)`."""

    id: strawberry.ID


def row_field(column: str, graphql_type: Any, convert: Callable[[Any], Any] | None = None,
              *, description: str | None = None) -> Any:
    """A field of a node made of its row (`self.row`): the column read, and converted (an
    enum, a list) only when the field is asked for, so building a node costs nothing per
    column it has."""
    if convert is None:
        def resolve(self: Any) -> Any:
            return getattr(self.row, column)
    else:
        def resolve(self: Any) -> Any:
            return convert(getattr(self.row, column))
    resolve.__name__ = column
    return strawberry.field(resolver=resolve, graphql_type=graphql_type,
                            description=description)


@policy(reach=INHERITED, open=("value", "locale", "direction", "isFallback"))
@strawberry.type
class LocalizedString:
    value: str
    locale: str
    direction: TextDirection
    is_fallback: bool

    @classmethod
    def of(cls, served: Served) -> LocalizedString:
        return cls(
            value=served.value,
            locale=served.locale,
            direction=TextDirection(served.direction),
            is_fallback=served.is_fallback,
        )


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@policy(reach=INHERITED, open=("country", "region", "city", "latitude", "longitude", "label"))
@strawberry.type
class Place:
    country: str | None
    region: str | None
    city: str | None
    latitude: float | None
    longitude: float | None
    label: str | None

    @classmethod
    def of(cls, row: Any) -> Place | None:
        if row.city is None and row.country is None and row.latitude is None:
            return None
        parts: Iterable[str] = (p for p in (row.city, row.region, row.country) if p)
        return cls(
            country=row.country,
            region=row.region,
            city=row.city,
            latitude=row.latitude,
            longitude=row.longitude,
            label=", ".join(parts) or None,
        )


@policy(reach=INHERITED, open=("name", "email", "phone"))
@strawberry.type
class Contact:
    """The opportunity's manager."""

    name: str | None
    email: str | None
    phone: str | None


@policy(reach=INHERITED, open=("tag", "name", "nativeName", "direction"))
@strawberry.type
class LocaleInfo:
    tag: str
    name: str
    native_name: str
    direction: TextDirection
