"""What every editorial record must satisfy: who may write it, its dates in order, a place
that fits its format, links that are web links, and the moves between statuses."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from hub.access import PrincipalKind
from hub.db.models import OpportunityFormat, RecordStatus
from hub.errors import BadUserInput, Conflict, Forbidden
from hub.i18n import messages as hub_msg
from hub.i18n.labels import enum_label
from resolvers.context import RequestContext
from resolvers.publishing import messages as msg

MAX_URL = 500

# The status machine of opportunities, news, events and campaigns. Closing keeps a record
# readable (an opportunity that takes no more applications); archiving hides it from lists
# for good; a closed record may be published again.
STATUS_MOVES: dict[str, frozenset[str]] = {
    RecordStatus.DRAFT: frozenset({RecordStatus.PUBLISHED, RecordStatus.ARCHIVED}),
    RecordStatus.PUBLISHED: frozenset({RecordStatus.CLOSED, RecordStatus.ARCHIVED}),
    RecordStatus.CLOSED: frozenset({RecordStatus.PUBLISHED, RecordStatus.ARCHIVED}),
    RecordStatus.ARCHIVED: frozenset(),
}


# --- where a refusal points ---------------------------------------------------------------

@contextmanager
def under_input() -> Iterator[None]:
    """Refusals of the shared rules name their field (`place.latitude`); as an argument of
    a mutation's input it is `input.place.latitude`, as in every domain."""
    try:
        yield
    except BadUserInput as error:
        if error.argument is None or error.argument.startswith("input."):
            raise
        raise BadUserInput(error.msgid, argument=f"input.{error.argument}",
                           **error.params) from None


# --- who may -------------------------------------------------------------------------------

def writing_tenant(ctx: RequestContext, roles: frozenset[str], msgid: str) -> int:
    """The tenant a staff member creates records in: their own, if one of `roles` is theirs."""
    p = ctx.scope.principal
    if p.kind != PrincipalKind.STAFF or p.tenant_id is None:
        raise Forbidden(msg.STAFF_ONLY)
    if not ctx.scope.is_owner_staff(p.tenant_id, roles):
        raise Forbidden(msgid)
    return p.tenant_id


def check_owner(ctx: RequestContext, tenant_id: int, roles: frozenset[str], msgid: str) -> None:
    """The record's tenant is the caller's and one of `roles` is theirs."""
    if not ctx.scope.is_owner_staff(tenant_id, roles):
        raise Forbidden(msgid)


# --- statuses ------------------------------------------------------------------------------

def check_move(ctx: RequestContext, status: str, to: str) -> None:
    if to not in STATUS_MOVES.get(status, frozenset()):
        locale = ctx.locales.preferred or "en"
        raise Conflict(msg.ILLEGAL_STATUS_MOVE,
                       status=enum_label(locale, "OpportunityStatus", status),
                       to=enum_label(locale, "OpportunityStatus", to))


# --- dates ---------------------------------------------------------------------------------

def aware(moment: datetime | None, argument: str) -> datetime | None:
    if moment is not None and moment.tzinfo is None:
        raise BadUserInput(hub_msg.NEEDS_OFFSET_EXAMPLE, argument=argument)
    return moment


def check_window(starts: datetime | None, ends: datetime | None, *,
                 names: tuple[str, str] = ("startsAt", "endsAt")) -> None:
    aware(starts, names[0])
    aware(ends, names[1])
    if starts is not None and ends is not None and ends <= starts:
        raise BadUserInput(msg.ENDS_BEFORE_START, argument=names[1])


# --- places --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Place:
    country: str | None = None  # ISO 3166-1 alpha-2, upper case once checked
    region: str | None = None
    city: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.country or self.region or self.city) and self.latitude is None

    def checked(self) -> Place:
        country = (self.country or "").strip().upper() or None
        if country is not None and not (len(country) == 2 and country.isascii()
                                        and country.isalpha()):
            raise BadUserInput(msg.BAD_COUNTRY, argument="place.country", code=self.country)
        if (self.latitude is None) != (self.longitude is None):
            raise BadUserInput(msg.COORDINATES_PAIR, argument="place")
        if self.latitude is not None and not -90 <= self.latitude <= 90:
            raise BadUserInput(msg.LATITUDE_RANGE, argument="place.latitude")
        if self.longitude is not None and not -180 <= self.longitude <= 180:
            raise BadUserInput(msg.LONGITUDE_RANGE, argument="place.longitude")
        return Place(country, (self.region or "").strip() or None,
                     (self.city or "").strip() or None, self.latitude, self.longitude)


def check_place_for(format: str, place: Place | None) -> Place | None:
    """ONSITE needs a place (a city or a region at least); REMOTE has none; HYBRID may."""
    place = place.checked() if place is not None else None
    if place is not None and place.is_empty:
        place = None
    if format == OpportunityFormat.REMOTE and place is not None and (
            place.city or place.region or place.latitude is not None):
        raise BadUserInput(msg.NO_PLACE_FOR_REMOTE, argument="place")
    if format == OpportunityFormat.ONSITE and (place is None or not (place.city or place.region)):
        raise BadUserInput(msg.PLACE_REQUIRED, argument="place")
    return place


# --- links ---------------------------------------------------------------------------------

def check_url(url: str | None, argument: str) -> str | None:
    """An http(s) link with a host, or None for an empty one."""
    if url is None:
        return None
    url = url.strip()
    if not url:
        return None
    if len(url) > MAX_URL or any(c.isspace() for c in url):
        raise BadUserInput(msg.URL_INVALID, argument=argument)
    try:
        parts = urlsplit(url)
    except ValueError:
        raise BadUserInput(msg.URL_INVALID, argument=argument) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise BadUserInput(msg.URL_SCHEME, argument=argument)
    if not parts.hostname:
        raise BadUserInput(msg.URL_INVALID, argument=argument)
    return url
