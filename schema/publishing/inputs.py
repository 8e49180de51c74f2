"""Inputs shared by the editorial mutations of every domain: a language's texts, a place,
and an update's fields as the commands take them (left out: `KEEP`)."""

from __future__ import annotations

from typing import Any, TypeVar

import strawberry

from resolvers.publishing.rules import Place
from resolvers.publishing.updates import KEEP, Keep

T = TypeVar("T")


def clearable(value: T | None) -> T | Keep | None:
    """An update's field that can be cleared: left out, unchanged; null, cleared."""
    return KEEP if value is strawberry.UNSET else value


def settable(value: T | None) -> T | Keep:
    """An update's field that cannot be cleared: left out or null, unchanged."""
    return KEEP if value is strawberry.UNSET or value is None else value


def enum_value(value: Any) -> str | Keep:
    """An update's enum field that cannot be cleared, as its API value (or KEEP)."""
    kept = settable(value)
    return kept if isinstance(kept, Keep) else str(kept.value)


@strawberry.input(description="One language's texts of a record. In an update, a field left "
                              "out is unchanged and an empty text clears it (never the title). "
                              "The first language written for a record is its source; "
                              "changing the source marks the other languages stale.")
class TextsInput:
    locale: str = strawberry.field(description="A language tag, e.g. ar, fr or en-GB.")
    title: str | None = None
    summary: str | None = strawberry.field(default=None,
                                           description="Opportunities and news.")
    description: str | None = strawberry.field(default=None,
                                               description="Opportunities and events.")
    body: str | None = strawberry.field(default=None, description="News.")

    def entry(self) -> tuple[str, dict[str, str | None]]:
        return self.locale, {"title": self.title, "summary": self.summary,
                             "description": self.description, "body": self.body}


def entries(texts: list[TextsInput] | None) -> list[tuple[str, dict[str, str | None]]]:
    return [t.entry() for t in texts or ()]


@strawberry.input(description="Where something takes place.")
class PlaceInput:
    country: str | None = strawberry.field(default=None,
                                           description="ISO 3166-1 alpha-2, e.g. DZ.")
    region: str | None = None
    city: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    def place(self) -> Place:
        return Place(self.country, self.region, self.city, self.latitude, self.longitude)
