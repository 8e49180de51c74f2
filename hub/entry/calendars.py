"""iCalendar documents (RFC 5545, with RFC 7986's calendar properties) of events, written
with icalendar.

Times are in UTC (`DTSTART:20261205T090000Z`); the society's time zone is named once for
the calendar (`X-WR-TIMEZONE`), which calendar clients use to show it. Each event keeps
one UID for ever, `<global id>@<hub host>` (icalendar's `Event.new()` would make a random
one, and clients would duplicate the event on every refresh). A cancelled public event
stays in the calendar with `STATUS:CANCELLED`, so that a subscriber's copy is cancelled
too rather than silently dropped. Only public fields; texts in the calendar's language
through the fallback chain, each marked with the language it is in (`LANGUAGE=`).

icalendar (~3 MB of a worker's resident memory beyond what the app imports anyway) is
imported when the first calendar is written, not with the module: many workers never serve
one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from hub.i18n import Served

if TYPE_CHECKING:
    from icalendar import Event

PRODID = "-//Tatawwu Hub//Events//EN"
REFRESH = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class CalendarHead:
    uid: str
    url: str
    name: str
    time_zone: str  # IANA name, e.g. Africa/Algiers
    language: str


@dataclass(frozen=True, slots=True)
class CalendarEvent:
    uid: str
    starts_at: datetime
    ends_at: datetime | None
    changed_at: datetime
    created_at: datetime
    title: Served
    description: Served | None
    kind: str  # its label in the calendar's language
    location: str | None
    geo: tuple[float, float] | None
    url: str
    cancelled: bool


def calendar_document(head: CalendarHead, events: Sequence[CalendarEvent]) -> bytes:
    from icalendar import Calendar

    calendar = Calendar.new(prodid=PRODID, name=head.name, uid=head.uid, url=head.url,
                            method="PUBLISH")
    calendar.add("REFRESH-INTERVAL", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", "PT1H")  # Outlook's name for it
    calendar.add("X-WR-TIMEZONE", head.time_zone)
    for event in events:
        calendar.add_component(_event(event))
    document: bytes = calendar.to_ical()
    return document


def _event(event: CalendarEvent) -> Event:
    from icalendar import STATUS, Event

    component = Event.new(
        uid=event.uid, start=event.starts_at, end=event.ends_at, stamp=event.changed_at,
        last_modified=event.changed_at, created=event.created_at,
        summary=event.title.value, url=event.url, categories=[event.kind],
        status=STATUS.CANCELLED if event.cancelled else STATUS.CONFIRMED,
        description=event.description.value if event.description is not None else None,
        location=event.location)
    component["SUMMARY"].params["LANGUAGE"] = event.title.locale
    if event.description is not None:
        component["DESCRIPTION"].params["LANGUAGE"] = event.description.locale
    if event.geo is not None:
        component.add("GEO", event.geo)
    return component
