"""News and events: lists, filters, lookups, localized and formatted fields."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from hub.db import models as m
from hub.ids import decode_id, encode_id
from tests.conftest import Database, HubClient
from tests.dbtools import fetch

NEWS = """query($first: Int, $after: String, $tenants: [String!], $tags: [String!]) {
  news(first: $first, after: $after, tenants: $tenants, tags: $tags) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id title titleI18n { locale isFallback } summary publishedAt
                   publishedAtDisplay tags tenant { slug } } } } }"""

EVENTS = """query($first: Int, $after: String, $from: DateTime, $to: DateTime) {
  events(first: $first, after: $after, from: $from, to: $to) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind title startsAt startsAtDisplay place { city } onlineUrl } } } }"""


def public_news(backend: Database) -> list[m.NewsItem]:
    n = m.NewsItem
    return list(fetch(backend.settings, select(n.id, n.published_at, n.tags, n.tenant_id).where(
        n.visibility == "PUBLIC", n.status == "PUBLISHED").order_by(
        n.published_at.desc(), n.id.desc())))


def walk_news(client: HubClient, **variables: object) -> list[int]:
    ids, after = [], None
    while True:
        page = client.data(NEWS, {"first": 4, "after": after, **variables})["news"]
        ids += [decode_id(e["node"]["id"])[1] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return ids
        after = page["pageInfo"]["endCursor"]


def test_news_feed_newest_first_without_repeats(client: HubClient, backend: Database) -> None:
    expected = [r.id for r in public_news(backend)]
    assert len(expected) >= 10
    assert walk_news(client) == expected
    assert client.data(NEWS, {"first": 1})["news"]["totalCount"] == len(expected)


def test_news_by_tenant_and_tag(client: HubClient, backend: Database) -> None:
    rows = public_news(backend)
    setif = fetch(backend.settings, select(m.Tenant.id).where(m.Tenant.slug == "setif-youth"))[0]
    assert walk_news(client, tenants=["setif-youth"]) == [
        r.id for r in rows if r.tenant_id == setif.id]
    tag = next(t for r in rows for t in r.tags)
    assert walk_news(client, tags=[tag]) == [r.id for r in rows if tag in r.tags]


def test_news_display_is_relative_and_localized(client: HubClient) -> None:
    for header, words in (("fr", "il y a"), ("en", "ago"), ("ar", "قبل")):
        edges = client.data(NEWS, {"first": 3}, headers={"Accept-Language": header})
        displays = [e["node"]["publishedAtDisplay"] for e in edges["news"]["edges"]]
        assert displays and all(words in d for d in displays), (header, displays)


def test_news_author_is_staff_only(client: HubClient, backend: Database) -> None:
    item = public_news(backend)[0]
    body = client.post('{ newsItem(id: "' + encode_id("NewsItem", item.id) + '") { title author } }')
    assert body["data"]["newsItem"]["title"] and body["data"]["newsItem"]["author"] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert body["errors"][0]["path"] == ["newsItem", "author"]


def test_events_in_start_order_and_window(client: HubClient, backend: Database) -> None:
    e = m.Event
    rows = fetch(backend.settings, select(e.id, e.starts_at, e.ends_at).where(
        e.visibility == "PUBLIC", e.status == "PUBLISHED").order_by(e.starts_at, e.id))
    data = client.data(EVENTS, {"first": 100})["events"]
    assert [decode_id(x["node"]["id"])[1] for x in data["edges"]] == [r.id for r in rows]
    start = datetime(2026, 11, 1, tzinfo=UTC)
    window = client.data(EVENTS, {"first": 100, "from": start.isoformat()})["events"]
    assert [decode_id(x["node"]["id"])[1] for x in window["edges"]] == [
        r.id for r in rows if (r.ends_at or r.starts_at) >= start]
    assert all(x["node"]["startsAtDisplay"] for x in data["edges"])


def test_node_resolves_every_public_type(client: HubClient, backend: Database) -> None:
    query = """query($id: ID!) { node(id: $id) { __typename id } }"""
    samples = {
        "Tenant": fetch(backend.settings, select(m.Tenant.id))[0].id,
        "Event": fetch(backend.settings, select(m.Event.id).where(
            m.Event.visibility == "PUBLIC"))[0].id,
        "NewsItem": public_news(backend)[0].id,
        "Organization": fetch(backend.settings, select(m.Organization.id))[0].id,
        "Campaign": fetch(backend.settings, select(m.Campaign.id))[0].id,
    }
    for type_name, key in samples.items():
        gid = encode_id(type_name, key)
        assert client.data(query, {"id": gid})["node"] == {"__typename": type_name, "id": gid}
    volunteer = fetch(backend.settings, select(m.Volunteer.id))[0].id
    assert client.data(query, {"id": encode_id("Volunteer", volunteer)})["node"] is None


def test_tenant_lookup_and_hierarchy(client: HubClient) -> None:
    data = client.data("""{ tenant(slug: "dz-crescent") { slug name nameI18n { locale direction }
        parent { slug } } arco: tenant(slug: "arco") { children { slug } }
        none: tenant(slug: "atlantis") { slug }
        national: tenants(kind: NATIONAL_SOCIETY, country: "dz") { slug } }""",
                       headers={"Accept-Language": "fr"})
    assert data["tenant"]["name"] == "Croissant-Rouge algérien"
    assert data["tenant"]["nameI18n"] == {"locale": "fr", "direction": "LTR"}
    assert data["tenant"]["parent"] == {"slug": "arco"}
    assert {"slug": "dz-crescent"} in data["arco"]["children"]
    assert data["none"] is None
    assert data["national"] == [{"slug": "dz-crescent"}]


def test_locales_query(client: HubClient) -> None:
    locales = client.data("{ locales { tag name nativeName direction } }")["locales"]
    by_tag = {x["tag"]: x for x in locales}
    assert by_tag["ar"]["direction"] == "RTL" and by_tag["ar"]["nativeName"] == "العربية"
    assert by_tag["fr"]["name"] == "French" and by_tag["en"]["direction"] == "LTR"
