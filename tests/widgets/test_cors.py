"""Cross-origin requests by API key, with no HUB_CORS_ORIGINS at all: a key's origins answer
preflights and may use that key; every other origin is refused (hub/entry/cors.py)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy import select, update

from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.entry.cors import OriginDirectory
from tests.dbtools import fetch
from tests.feeds.world import OTHER_SITE, SITE, FeedWorld

VIEWER = {"query": "{ viewer { kind tenant { slug } } }"}
PREFLIGHT = {"Access-Control-Request-Method": "POST",
             "Access-Control-Request-Headers": "content-type, x-api-key"}


def test_no_global_origins_are_set(widgets: FeedWorld) -> None:
    assert widgets.database.settings.cors_origins == ()


def test_a_preflight_from_a_keys_origin_is_allowed(widgets: FeedWorld) -> None:
    response = widgets.http.options("/graphql", headers={"Origin": SITE, **PREFLIGHT})
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == SITE
    assert response.headers["access-control-allow-methods"] == "GET, POST"
    assert response.headers["access-control-allow-headers"] == "content-type, x-api-key"
    assert response.headers["access-control-max-age"] == "600"
    assert "Origin" in response.headers["vary"]
    assert "access-control-allow-credentials" not in response.headers


def test_a_preflight_from_any_other_origin_is_refused(widgets: FeedWorld) -> None:
    for origin, method in ((OTHER_SITE, "POST"), ("null", "POST"), (SITE + ":8443", "POST"),
                           (SITE, "DELETE")):
        response = widgets.http.options("/graphql", headers={
            "Origin": origin, **PREFLIGHT, "Access-Control-Request-Method": method})
        assert response.status_code == 403, origin
        assert "access-control-allow-origin" not in response.headers
        assert response.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_the_key_works_from_its_origin(widgets: FeedWorld) -> None:
    response = widgets.http.post("/graphql", json=VIEWER,
                                 headers={"Origin": SITE, "X-Api-Key": widgets.keys["site"]})
    assert response.status_code == 200
    assert response.json()["data"]["viewer"] == {"kind": "CLIENT",
                                                 "tenant": {"slug": "setif-youth"}}
    assert response.headers["access-control-allow-origin"] == SITE
    assert "X-Request-Id" in response.headers["access-control-expose-headers"]
    assert "Origin" in response.headers["vary"]
    # The other spelling of the key's header, too.
    other = widgets.http.post("/graphql", json=VIEWER, headers={
        "Origin": SITE, "Authorization": f"ApiKey {widgets.keys['site']}"})
    assert other.headers["access-control-allow-origin"] == SITE


def test_the_key_is_refused_from_another_origin(widgets: FeedWorld) -> None:
    for key, origin in ((widgets.keys["site"], OTHER_SITE),
                        (widgets.keys["server"], SITE)):  # a key for no browser at all
        response = widgets.http.post("/graphql", json=VIEWER,
                                     headers={"Origin": origin, "X-Api-Key": key})
        assert response.status_code == 403
        assert "access-control-allow-origin" not in response.headers
        [error] = response.json()["errors"]
        assert error["extensions"]["code"] == "FORBIDDEN"
        assert origin in error["message"]
    # Without an Origin (a server) the origin list does not apply.
    server = widgets.http.post("/graphql", json=VIEWER,
                               headers={"X-Api-Key": widgets.keys["server"]})
    assert server.status_code == 200 and "access-control-allow-origin" not in server.headers


def test_only_requests_with_the_key_are_readable_from_its_origin(widgets: FeedWorld) -> None:
    anonymous = widgets.http.post("/graphql", json=VIEWER, headers={"Origin": SITE})
    assert anonymous.status_code == 200
    assert "access-control-allow-origin" not in anonymous.headers
    unknown = widgets.http.post("/graphql", json=VIEWER, headers={
        "Origin": SITE, "X-Api-Key": "tw_" + "A" * 43})
    assert unknown.status_code == 401  # authentication's refusal, unreadable there
    assert "access-control-allow-origin" not in unknown.headers


def test_public_documents_are_readable_anywhere(widgets: FeedWorld) -> None:
    for path in ("/widgets/news.js", "/feeds/news.atom",
                 "/oembed?url=" + widgets.base + "/tenants/setif-youth/news"):
        response = widgets.http.get(path, headers={"Origin": OTHER_SITE})
        assert response.status_code == 200, path
        assert response.headers["access-control-allow-origin"] == "*"


def test_a_new_key_and_a_revoked_one_are_seen_by_preflights(widgets: FeedWorld) -> None:
    """The set of every key's origins is read again when an unknown origin asks (at most
    every MISS_REFRESH seconds; 0 here) and when it is older than its TTL (0 here)."""
    database_url = widgets.database.settings.database_url
    fresh = "https://fresh.example.net"

    async def allows(directory: OriginDirectory, origin: str) -> bool:
        engine = make_engine(database_url)
        try:
            return await directory.allows(make_sessionmaker(engine), origin)
        finally:
            await engine.dispose()

    directory = OriginDirectory(ttl=3600, miss_refresh=0)
    assert not asyncio.run(allows(directory, fresh))
    widgets.new_key([fresh])
    assert asyncio.run(allows(directory, fresh))  # an unknown origin read the set again
    expiring = OriginDirectory(ttl=0)
    assert asyncio.run(allows(expiring, fresh))
    revoke_origin(widgets, fresh)
    assert not asyncio.run(allows(expiring, fresh))


def revoke_origin(world: FeedWorld, origin: str) -> None:
    rows = fetch(world.database.settings, select(m.ApiClient.id, m.ApiClient.allowed_origins))
    ids = [row.id for row in rows if origin in row.allowed_origins]
    assert ids
    fetch(world.database.settings, update(m.ApiClient).where(m.ApiClient.id.in_(ids)).values(
        revoked_at=datetime.now(UTC)))
