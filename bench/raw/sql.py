"""The raw baseline's hand-written SQL: one statement per list, joins where the hub batches."""

from __future__ import annotations

from bench.raw.db import placeholders

PUBLIC = "{t}.visibility = 'PUBLIC' AND {t}.status = 'PUBLISHED'"


def scope(alias: str, inactive: tuple[int, ...]) -> str:
    """The anonymous read scope of the hub: public, published, of an active tenant."""
    clause = PUBLIC.format(t=alias)
    if inactive:
        clause += f" AND {alias}.tenant_id NOT IN ({', '.join(map(str, inactive))})"
    return clause


def active_org(inactive: tuple[int, ...]) -> str:
    return f" AND g.tenant_id NOT IN ({', '.join(map(str, inactive))})" if inactive else ""


TENANTS = (
    "SELECT id, slug, kind, country, default_locale, time_zone, names, active, digits, "
    "hijri_dates FROM tenant ORDER BY id"
)


def opportunity_page(inactive: tuple[int, ...], where: str = "") -> str:
    return (
        "SELECT o.id, o.tenant_id, o.starts_at, o.capacity, o.filled_spots, g.name, o.format, "
        "o.category_code, o.city, o.country, o.latitude "
        "FROM opportunity o LEFT JOIN organization g ON g.id = o.organization_id"
        f"{active_org(inactive)} WHERE {scope('o', inactive)}{where} "
        "ORDER BY o.id DESC LIMIT ?"
    )


def opportunity_count(inactive: tuple[int, ...], where: str) -> str:
    return f"SELECT count(*) FROM opportunity o WHERE {scope('o', inactive)}{where}"


def search_filter(formats: int, categories: int, countries: int, tenants: int) -> str:
    """Q5's filter: formats, categories, and countries (remote ones by their society)."""
    return (
        f" AND o.format IN {placeholders(formats)}"
        f" AND o.category_code IN {placeholders(categories)}"
        f" AND (o.country IN {placeholders(countries)}"
        f" OR (o.country IS NULL AND o.tenant_id IN {placeholders(tenants)}))"
    )


def titles(n: int) -> str:
    return (
        "SELECT opportunity_id, locale, title FROM opportunity_translation "
        f"WHERE opportunity_id IN {placeholders(n)}"
    )


def category_labels(n: int) -> str:
    return f"SELECT code, labels FROM category WHERE code IN {placeholders(n)}"


def news_page(inactive: tuple[int, ...]) -> str:
    return (
        "SELECT n.id, n.tenant_id, n.published_at FROM news_item n "
        f"WHERE n.published_at IS NOT NULL AND {scope('n', inactive)} "
        "ORDER BY n.published_at DESC, n.id DESC LIMIT ?"
    )


def news_texts(n: int) -> str:
    return (
        "SELECT news_item_id, locale, title, summary FROM news_item_translation "
        f"WHERE news_item_id IN {placeholders(n)}"
    )


def opportunity_one(inactive: tuple[int, ...]) -> str:
    return (
        "SELECT o.id, o.tenant_id, o.format, o.starts_at, o.ends_at, o.is_ongoing, o.capacity, "
        "o.filled_spots, o.credited_hours, o.is_emergency, o.visibility, o.status, "
        "o.published_at, o.country, o.region, o.city, o.latitude, o.longitude, "
        "o.category_code, cat.labels, g.id, g.name, g.kind, g.city, c.id, c.starts_on, c.ends_on "
        "FROM opportunity o "
        f"LEFT JOIN organization g ON g.id = o.organization_id{active_org(inactive)} "
        f"LEFT JOIN campaign c ON c.id = o.campaign_id AND {scope('c', inactive)} "
        "LEFT JOIN category cat ON cat.code = o.category_code "
        f"WHERE o.id = ? AND {scope('o', inactive)}"
    )


OPPORTUNITY_TEXTS = (
    "SELECT locale, title, summary, description FROM opportunity_translation "
    "WHERE opportunity_id = ?"
)
OPPORTUNITY_SKILLS = (
    "SELECT s.code, s.labels FROM opportunity_skill k JOIN skill s ON s.code = k.skill_code "
    "WHERE k.opportunity_id = ? ORDER BY s.code"
)
CAMPAIGN_TITLES = "SELECT locale, title FROM campaign_translation WHERE campaign_id = ?"

MEMBERS_PAGE = (
    'SELECT v.id, v.first_name, v.last_name, v."group", v.city, v.verified_hours '
    "FROM membership mb JOIN volunteer v ON v.id = mb.volunteer_id "
    "WHERE mb.tenant_id = ? ORDER BY mb.volunteer_id LIMIT ?"
)


def audit_reads(n: int) -> str:
    """One audit event per volunteer whose personal data was read, as the hub writes them:
    arguments request id, principal kind, subject, tenant id, then the n volunteer ids."""
    row = ("(CURRENT_TIMESTAMP, ?1, ?2, ?3, ?4, 'read_personal_data', 'Volunteer', ?{}, '{{}}')")
    values = ", ".join(row.format(5 + i) for i in range(n))
    return ("INSERT INTO audit_event (at, request_id, principal_kind, subject, tenant_id, "
            f"action, object_type, object_id, details) VALUES {values}")
