"""The raw baseline's answers to Q1, Q2, Q3 and Q5 (Q4: bench/raw/volunteers.py): the hub's
JSON shape, built by hand.

Localization, ids and cursors use the hub's own small helpers, so the answers are
byte-for-byte comparable; everything between (GraphQL, ORM, DataLoaders) is left out.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bench.raw import sql
from bench.raw.db import Connection, day, json_value, moment
from hub.i18n import LocaleChain, direction, tenant_digits
from hub.i18n.formatting import format_moment, format_relative
from hub.ids import decode_id, encode_id
from hub.paging import encode_cursor

Json = dict[str, Any]


@dataclass(frozen=True, slots=True)
class TenantInfo:
    id: int
    slug: str
    kind: str
    country: str | None
    default_locale: str
    time_zone: str
    names: dict[str, str]
    active: bool
    digits: str | None  # the tenant's digits setting (schema.core.localize.display_locale)
    hijri_dates: bool  # dates also in the Umm al-Qura calendar


@dataclass(slots=True)
class Request:
    conn: Connection
    chain: LocaleChain
    tenants: dict[int, TenantInfo]
    variables: Json
    authorization: str | None = None
    request_id: str = ""
    statements: int = 0

    @property
    def inactive(self) -> tuple[int, ...]:
        return tuple(sorted(t.id for t in self.tenants.values() if not t.active))

    async def fetch(self, statement: str, *args: Any) -> list[Any]:
        self.statements += 1
        return await self.conn.fetch(statement, *args)

    async def execute(self, statement: str, *args: Any) -> None:
        self.statements += 1
        await self.conn.execute(statement, *args)


def tenant_row(row: Any) -> TenantInfo:
    return TenantInfo(int(row[0]), row[1], row[2], row[3], row[4], row[5], json_value(row[6]),
                      bool(row[7]), row[8], bool(row[9]))


def served(req: Request, rows: Iterable[Any], index: int, tenant: TenantInfo
           ) -> tuple[str, str, bool] | None:
    """(value, locale, is_fallback) of a translated field, as `schema.core.localize.serve`."""
    texts = {row[0]: row[index] for row in rows if row[index] is not None and row[index] != ""}
    picked = req.chain.pick(texts, tenant.default_locale)
    if picked is None:
        return None
    locale, value = picked
    return value, locale, req.chain.is_fallback(locale, tenant.default_locale)


def tenant_name(req: Request, tenant: TenantInfo) -> str:
    picked = req.chain.pick(tenant.names, tenant.default_locale)
    return picked[1] if picked else ""


def label(req: Request, labels: dict[str, str], code: str) -> str:
    picked = req.chain.pick(labels, "en")
    return picked[1] if picked else code


def served_locale(req: Request, tenant: TenantInfo) -> str:
    return req.chain.for_tenant(tenant.default_locale)[0]


def starts_display(req: Request, starts: datetime | None, tenant: TenantInfo) -> str | None:
    """As the hub's `startsAtDisplay`: the served locale, the tenant's zone, digits, calendar."""
    if starts is None:
        return None
    locale = served_locale(req, tenant)
    return format_moment(starts, locale, tenant.time_zone,
                         digits=tenant_digits(locale, tenant.digits), hijri=tenant.hijri_dates)


def spots_left(capacity: int | None, filled: int) -> int | None:
    return None if capacity is None else max(capacity - filled, 0)


def place(country: Any, region: Any, city: Any, lat: Any, lon: Any) -> Json | None:
    if city is None and country is None and lat is None:
        return None
    parts = [p for p in (city, region, country) if p]
    return {"country": country, "region": region, "city": city, "latitude": lat,
            "longitude": lon, "label": ", ".join(parts) or None}


def page_info(kind: str, keys: list[tuple[Any, ...]], has_next: bool) -> Json:
    return {"endCursor": encode_cursor(kind, keys[-1]) if keys else None, "hasNextPage": has_next}


async def _texts_by_id(req: Request, statement: str, ids: list[int]) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = {i: [] for i in ids}
    if ids:
        for row in await req.fetch(statement, *ids):
            grouped[int(row[0])].append(row[1:])
    return grouped


async def q1(req: Request) -> Json:
    """100 opportunities: tenant name, organization, localized title, startsAtDisplay,
    spotsLeft."""
    first = int(req.variables.get("first", 100))
    rows = await req.fetch(sql.opportunity_page(req.inactive), first + 1)
    page, has_next = rows[:first], len(rows) > first
    ids = [int(r[0]) for r in page]
    texts = await _texts_by_id(req, sql.titles(len(ids)), ids)
    edges = []
    for r in page:
        tenant = req.tenants[int(r[1])]
        title = served(req, texts[int(r[0])], 1, tenant)
        starts = moment(r[2])
        edges.append({"node": {
            "id": encode_id("Opportunity", int(r[0])),
            "title": title[0] if title else "",
            "startsAtDisplay": starts_display(req, starts, tenant),
            "spotsLeft": spots_left(r[3], r[4]),
            "tenant": {"name": tenant_name(req, tenant)},
            "organization": None if r[5] is None else {"name": r[5]},
        }})
    return {"opportunities": {"edges": edges,
                              "pageInfo": page_info("Opportunity", [(i,) for i in ids], has_next)}}


async def q2(req: Request) -> Json:
    """The 50 newest news items of all tenants, with relative publication times."""
    first = int(req.variables.get("first", 50))
    rows = await req.fetch(sql.news_page(req.inactive), first + 1)
    page, has_next = rows[:first], len(rows) > first
    ids = [int(r[0]) for r in page]
    texts = await _texts_by_id(req, sql.news_texts(len(ids)), ids)
    now = datetime.now(UTC)
    edges, keys = [], []
    for r in page:
        tenant = req.tenants[int(r[1])]
        published = moment(r[2])
        assert published is not None  # the page only has published items
        keys.append((published, int(r[0])))
        title = served(req, texts[int(r[0])], 1, tenant)
        summary = served(req, texts[int(r[0])], 2, tenant)
        locale = served_locale(req, tenant)
        edges.append({"node": {
            "id": encode_id("NewsItem", int(r[0])),
            "title": title[0] if title else "",
            "summary": summary[0] if summary else None,
            "publishedAtDisplay": format_relative(
                published, now, locale, digits=tenant_digits(locale, tenant.digits)),
            "tenant": {"name": tenant_name(req, tenant)},
        }})
    return {"news": {"edges": edges, "pageInfo": page_info("NewsItem", keys, has_next)}}


async def q3(req: Request) -> Json:
    """One opportunity with every public field."""
    _, key = decode_id(str(req.variables["id"]), "Opportunity")
    rows = await req.fetch(sql.opportunity_one(req.inactive), key)
    if not rows:
        return {"opportunity": None}
    r = rows[0]
    tenant = req.tenants[int(r[1])]
    texts = await req.fetch(sql.OPPORTUNITY_TEXTS, key)
    skills = await req.fetch(sql.OPPORTUNITY_SKILLS, key)
    campaign = None
    if r[24] is not None:
        titles = await req.fetch(sql.CAMPAIGN_TITLES, int(r[24]))
        ctitle = served(req, titles, 1, tenant)
        starts_on, ends_on = day(r[25]), day(r[26])
        campaign = {"id": encode_id("Campaign", int(r[24])), "title": ctitle[0] if ctitle else "",
                    "startsOn": starts_on.isoformat() if starts_on else None,
                    "endsOn": ends_on.isoformat() if ends_on else None}
    title = served(req, texts, 1, tenant) or ("", "en", True)
    summary, description = served(req, texts, 2, tenant), served(req, texts, 3, tenant)
    starts, ends, published = moment(r[3]), moment(r[4]), moment(r[12])
    return {"opportunity": {
        "id": encode_id("Opportunity", key), "format": r[2],
        "startsAt": starts.isoformat() if starts else None,
        "endsAt": ends.isoformat() if ends else None,
        "isOngoing": bool(r[5]), "capacity": r[6],
        "creditedHours": None if r[8] is None else float(r[8]),
        "isEmergency": bool(r[9]), "visibility": r[10], "status": r[11],
        "publishedAt": published.isoformat() if published else None,
        "tenant": {"id": encode_id("Tenant", tenant.id), "slug": tenant.slug, "kind": tenant.kind,
                   "country": tenant.country, "name": tenant_name(req, tenant)},
        "organization": None if r[20] is None else {
            "id": encode_id("Organization", int(r[20])), "name": r[21], "kind": r[22],
            "city": r[23]},
        "campaign": campaign,
        "title": title[0],
        "titleI18n": {"value": title[0], "locale": title[1], "direction": direction(title[1]),
                      "isFallback": title[2]},
        "summary": summary[0] if summary else None,
        "description": description[0] if description else None,
        "category": {"code": r[18], "label": label(req, json_value(r[19]) or {}, r[18])},
        "skills": [{"code": s[0], "label": label(req, json_value(s[1]), s[0])} for s in skills],
        "place": None if r[2] == "REMOTE" else place(r[13], r[14], r[15], r[16], r[17]),
        "startsAtDisplay": starts_display(req, starts, tenant),
        "spotsLeft": spots_left(r[6], r[7]),
        "viewerHasSaved": False,  # anonymous callers have saved nothing
        "viewerApplication": None,
    }}


async def q5(req: Request) -> Json:
    """A filtered search: formats, categories and countries, with the total count."""
    v = req.variables["filter"]
    formats, categories = sorted(set(v["formats"])), sorted(set(v["categories"]))
    countries = sorted({c.upper() for c in v["countries"]})
    tenant_ids = sorted(t.id for t in req.tenants.values() if t.active and t.country in countries)
    where = sql.search_filter(len(formats), len(categories), len(countries), len(tenant_ids))
    args = (*formats, *categories, *countries, *tenant_ids)
    first = int(req.variables.get("first", 50))
    total = (await req.fetch(sql.opportunity_count(req.inactive, where), *args))[0][0]
    rows = await req.fetch(sql.opportunity_page(req.inactive, where), *args, first + 1)
    page, has_next = rows[:first], len(rows) > first
    ids = [int(r[0]) for r in page]
    texts = await _texts_by_id(req, sql.titles(len(ids)), ids)
    codes = sorted({r[7] for r in page})
    labels = {row[0]: json_value(row[1]) for row in
              (await req.fetch(sql.category_labels(len(codes)), *codes) if codes else [])}
    edges = []
    for r in page:
        tenant = req.tenants[int(r[1])]
        title = served(req, texts[int(r[0])], 1, tenant)
        spot = None if r[6] == "REMOTE" else place(r[9], None, r[8], r[10], None)
        edges.append({"node": {
            "id": encode_id("Opportunity", int(r[0])),
            "title": title[0] if title else "",
            "format": r[6],
            "category": {"code": r[7], "label": label(req, labels.get(r[7]) or {}, r[7])},
            "place": None if spot is None else {"city": spot["city"], "country": spot["country"]},
            "tenant": {"name": tenant_name(req, tenant)},
        }})
    return {"opportunities": {"totalCount": int(total), "edges": edges,
                              "pageInfo": page_info("Opportunity", [(i,) for i in ids], has_next)}}


HANDLERS: dict[str, Callable[[Request], Awaitable[Json]]] = {
    "Q1": q1, "Q2": q2, "Q3": q3, "Q5": q5,
}
