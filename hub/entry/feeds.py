"""News feeds (Atom) and event calendars (iCalendar): what a feed reader, a news
aggregator or a calendar app subscribes to.

    GET /feeds/news.atom?lang=ar            the whole network's latest news
    GET /tenants/{slug}/news.atom?lang=fr   one society's latest news
    GET /tenants/{slug}/events.ics?lang=fr  one society's events (from 30 days ago on)
    GET /events/{id}.ics?lang=fr            one event (its global id)

Only public, published, due records of active societies, read as an anonymous caller
(hub/entry/public.py). `lang` is one of the society's languages (the network's: any
member's); without it, the society's default. At most FEED_SIZE news items, newest first,
and CALENDAR_SIZE events, soonest first (both within HUB_MAX_PAGE_SIZE). Every answer
carries `ETag`, `Last-Modified` and `Cache-Control: public, max-age=MAX_AGE`, and a
conditional GET whose copy is current gets `304` (hub/entry/conditional.py). An unknown
society or an event that is not public is a coded 404; an unknown `lang` a coded 400.
Each feed costs the same few statements whatever its size: its page, then all texts.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from hub.db.types import utcnow
from hub.entry import messages as msg
from hub.entry.addresses import Addresses
from hub.entry.atom import FeedHead, FeedItem, atom_document
from hub.entry.calendars import CalendarEvent, CalendarHead, calendar_document
from hub.entry.conditional import EPOCH, Version
from hub.entry.public import (
    Handler,
    anonymous_context,
    answering,
    chosen_language,
    name_in,
    network_languages,
    public_tenant,
    tenant_languages,
)
from hub.entry.state import HubState, Startup
from hub.errors import HubError, NotFound
from hub.i18n import LocaleChain, enum_label, message
from hub.i18n import messages as i18n
from hub.i18n.chain import direction
from hub.i18n.cldr import babel_locale
from hub.ids import decode_id, encode_id
from resolvers.content.feeds import Published, calendar_events, latest_news, public_event

FEED_SIZE = 50
CALENDAR_SIZE = 100
CALENDAR_PAST = timedelta(days=30)  # a calendar shows events that ended up to this long ago
MAX_AGE = 300  # seconds a client or a cache may keep a feed without asking again
ATOM = "application/atom+xml; charset=utf-8"
ICALENDAR = "text/calendar; charset=utf-8"


def routes(startup: Startup) -> list[BaseRoute]:
    def route(path: str, handler: Handler) -> Route:
        return Route(path, answering(startup, handler), methods=["GET", "HEAD"])

    return [route("/feeds/news.atom", network_news),
            route("/tenants/{slug}/news.atom", tenant_news),
            route("/tenants/{slug}/events.ics", tenant_calendar),
            route("/events/{id}.ics", event_calendar)]


# --- news ---------------------------------------------------------------------------------

async def network_news(state: HubState, request: Request) -> Response:
    languages = network_languages(state.tenants.active)
    federation = next((t for t in state.tenants.active if t.kind == "FEDERATION"), None)
    lang = chosen_language(request, languages,
                           federation.default_locale if federation is not None else "en")
    at = Addresses(state.settings.public_url)
    async with anonymous_context(state, request, lang) as ctx:
        items = await latest_news(ctx, tenant_id=None, limit=FEED_SIZE)
    chain = LocaleChain.from_request(explicit=lang, accept_language=None)
    head = FeedHead(url=at.network_feed(lang), title=message(lang, msg.NETWORK_FEED_TITLE),
                    language=lang, updated=EPOCH,
                    author=name_in(federation, chain) if federation is not None else "",
                    alternates={other: at.network_feed(other) for other in languages})
    return _atom(state, request, head, items, chain, ("network", lang))


async def tenant_news(state: HubState, request: Request) -> Response:
    tenant = public_tenant(state, request.path_params["slug"])
    languages = tenant_languages(tenant)
    lang = chosen_language(request, languages, tenant.default_locale)
    at = Addresses(state.settings.public_url)
    async with anonymous_context(state, request, lang) as ctx:
        items = await latest_news(ctx, tenant_id=tenant.id, limit=FEED_SIZE)
    chain = LocaleChain.from_request(explicit=lang, accept_language=None)
    name = name_in(tenant, chain)
    head = FeedHead(url=at.tenant_feed(tenant.slug, lang),
                    title=message(lang, msg.FEED_TITLE, name=name), language=lang,
                    updated=tenant.updated_at, author=name,
                    alternates={other: at.tenant_feed(tenant.slug, other) for other in languages},
                    page=at.tenant_news(tenant.slug, lang))
    return _atom(state, request, head, items, chain,
                 ("tenant", tenant.slug, lang, tenant.updated_at.isoformat()))


def _atom(state: HubState, request: Request, head: FeedHead, items: list[Published],
          chain: LocaleChain, about: tuple[str, ...]) -> Response:
    # The feed's own texts (its title, its author) count too: a translated title changes it.
    version = Version.of([*about, head.title, head.author,
                          *(item.fingerprint for item in items)],
                         [head.updated, *(item.changed_at for item in items)])
    at = Addresses(state.settings.public_url)
    tenants = state.tenants.by_id

    def build() -> bytes:
        entries = []
        for item in items:
            row, tenant = item.row, tenants[item.row.tenant_id]
            title = item.served("title", chain, tenant.default_locale)
            if title is None:
                continue  # a record without a title in any language: nothing to show
            global_id = encode_id("NewsItem", row.id)
            entries.append(FeedItem(
                id=at.news_item(global_id), link=at.news_item(global_id, head.language),
                title=title, summary=item.served("summary", chain, tenant.default_locale),
                body=item.served("body", chain, tenant.default_locale),
                published=row.published_at, updated=item.changed_at,
                author=name_in(tenant, chain), tags=list(row.tags)))
        # The newest change of what it shows (or of its society, for its name).
        return atom_document(replace(head, updated=version.last_modified), entries)

    return version.answer(request, build, media_type=ATOM, max_age=MAX_AGE,
                          headers={"Access-Control-Allow-Origin": "*"})


# --- events -------------------------------------------------------------------------------

async def tenant_calendar(state: HubState, request: Request) -> Response:
    tenant = public_tenant(state, request.path_params["slug"])
    lang = chosen_language(request, tenant_languages(tenant), tenant.default_locale)
    async with anonymous_context(state, request, lang) as ctx:
        events = await calendar_events(ctx, tenant_id=tenant.id,
                                       since=utcnow() - CALENDAR_PAST, limit=CALENDAR_SIZE)
    at = Addresses(state.settings.public_url)
    chain = LocaleChain.from_request(explicit=lang, accept_language=None)
    head = CalendarHead(uid=f"{tenant.slug}-events-{lang}@{at.host}",
                        url=at.tenant_calendar(tenant.slug, lang),
                        name=message(lang, msg.CALENDAR_TITLE, name=name_in(tenant, chain)),
                        time_zone=tenant.time_zone, language=lang)
    return _calendar(state, request, head, events, chain,
                     ("tenant", tenant.slug, lang, tenant.updated_at.isoformat()))


async def event_calendar(state: HubState, request: Request) -> Response:
    global_id = request.path_params["id"]
    key = _event_key(global_id)
    async with anonymous_context(state, request, "en") as ctx:
        found = await public_event(ctx, key)
    tenant = state.tenants.get(found.row.tenant_id) if found is not None else None
    if found is None or tenant is None:
        raise NotFound(i18n.NOT_FOUND, type="Event")
    lang = chosen_language(request, tenant_languages(tenant), tenant.default_locale)
    at = Addresses(state.settings.public_url)
    chain = LocaleChain.from_request(explicit=lang, accept_language=None)
    title = found.served("title", chain, tenant.default_locale)
    head = CalendarHead(uid=f"{global_id}-{lang}@{at.host}",
                        url=at.event_calendar(global_id, lang),
                        name=title.value if title is not None else name_in(tenant, chain),
                        time_zone=tenant.time_zone, language=lang)
    return _calendar(state, request, head, [found], chain, ("event", global_id, lang))


def _event_key(global_id: str) -> int:
    """The key of an Event id; any other id names no public event (404, not 400: the
    address is wrong, not the request)."""
    try:
        return decode_id(global_id, "Event")[1]
    except HubError:
        raise NotFound(i18n.NOT_FOUND, type="Event") from None


def _calendar(state: HubState, request: Request, head: CalendarHead, events: list[Published],
              chain: LocaleChain, about: tuple[str, ...]) -> Response:
    version = Version.of([*about, head.name, *(event.fingerprint for event in events)],
                         (event.changed_at for event in events))
    at = Addresses(state.settings.public_url)

    def build() -> bytes:
        written = []
        for event in events:
            row, tenant = event.row, state.tenants.by_id[event.row.tenant_id]
            title = event.served("title", chain, tenant.default_locale)
            if title is None:
                continue
            global_id = encode_id("Event", row.id)
            written.append(CalendarEvent(
                uid=f"{global_id}@{at.host}", starts_at=row.starts_at, ends_at=row.ends_at,
                changed_at=event.changed_at, created_at=row.created_at, title=title,
                description=event.served("description", chain, tenant.default_locale),
                kind=enum_label(head.language, "EventKind", row.kind),
                location=place_text(row, head.language),
                geo=(row.latitude, row.longitude) if row.latitude is not None
                and row.longitude is not None else None,
                url=row.online_url or at.event_calendar(global_id, head.language),
                cancelled=row.cancelled_at is not None))
        return calendar_document(head, written)

    return version.answer(request, build, media_type=ICALENDAR, max_age=MAX_AGE,
                          headers={"Access-Control-Allow-Origin": "*"})


def place_text(row: object, language: str) -> str | None:
    """ "Oran, Algérie", "وهران، الجزائر": the event's city, region and country (its name
    in `language`)."""
    country = getattr(row, "country", None)
    country_name = None
    if country:
        country_name = babel_locale(language).territories.get(country.upper(), country)
    parts = [getattr(row, "city", None), getattr(row, "region", None), country_name]
    comma = "، " if direction(language) == "RTL" else ", "
    return comma.join(p for p in parts if p) or None

