"""Drafts and scheduled news and events never leak: not to anonymous callers, volunteers or
another society's staff, through any road (`news`, `newsItem`, `node`, `events`,
`tenant { news events }`, the editors' lists); drafts not to the society's viewers either.
The society's editors find both in `editorialNews` / `editorialEvents`; a scheduled item
joins the lists, in its place, once due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from hub.ids import decode_id
from tests.publishing.content_world import (
    EDITORIAL_EVENTS,
    EDITORIAL_NEWS,
    TENANT,
    ContentWorld,
    content,
    refusal,
)

__all__ = ["content"]

ROADS = {
    "news": """{ r: news(first: 50, tenants: ["%s"]) { edges { node { id } } } }""" % TENANT,
    "events": """{ r: events(first: 50, tenants: ["%s"]) { edges { node { id } } } }"""
              % TENANT,
    "tenant": """{ t: tenant(slug: "%s") { news(first: 50) { edges { node { id } } }
                   events(first: 50) { edges { node { id } } } } }""" % TENANT,
}
NEWS_ITEM = "query($id: ID!) { newsItem(id: $id) { id } }"
NODE = "query($id: ID!) { node(id: $id) { id } }"


def seen(world: ContentWorld, headers: dict[str, str]) -> set[str]:
    """Every id the caller reaches through the lists."""
    ids: set[str] = set()

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):
                ids.add(value["id"])
            for inner in value.values():
                collect(inner)
        elif isinstance(value, list):
            for inner in value:
                collect(inner)

    for document in ROADS.values():
        collect(world.ok(document, {}, headers))
    return ids


def looked_up(world: ContentWorld, global_id: str, headers: dict[str, str]) -> bool:
    """Whether `node(id:)` (and `newsItem(id:)` for news) answers the record."""
    found = world.ok(NODE, {"id": global_id}, headers)["node"] is not None
    if decode_id(global_id)[0] == "NewsItem":  # its root lookup agrees
        assert (world.ok(NEWS_ITEM, {"id": global_id}, headers)["newsItem"] is not None
                ) == found
    return found


@pytest.fixture(scope="module")
def records(content: ContentWorld) -> dict[str, str]:
    later = datetime.now(UTC) + timedelta(days=3)
    news_draft = content.create_news()["id"]
    news_scheduled = content.create_news()["id"]
    content.publish(news_scheduled, later)
    event_draft = content.create_event()["id"]
    event_scheduled = content.create_event()["id"]
    content.publish(event_scheduled, later)
    return {"news_draft": news_draft, "news_scheduled": news_scheduled,
            "event_draft": event_draft, "event_scheduled": event_scheduled}


def test_outsiders_reach_neither_drafts_nor_scheduled_records(
        content: ContentWorld, records: dict[str, str]) -> None:
    for name, headers in content.principals().items():
        reached = seen(content, headers)
        for record, global_id in records.items():
            assert global_id not in reached, (name, record)
            assert not looked_up(content, global_id, headers), (name, record)


def test_the_societys_viewers_see_scheduled_records_but_no_drafts(
        content: ContentWorld, records: dict[str, str]) -> None:
    viewer = content.staff("viewer")
    reached = seen(content, viewer)
    assert records["news_scheduled"] in reached and records["event_scheduled"] in reached
    assert records["news_draft"] not in reached and records["event_draft"] not in reached
    assert looked_up(content, records["news_scheduled"], viewer)
    assert not looked_up(content, records["news_draft"], viewer)
    assert not looked_up(content, records["event_draft"], viewer)


def test_editors_find_their_drafts_and_scheduled_items(
        content: ContentWorld, records: dict[str, str]) -> None:
    for role in ("editor", "coordinator", "admin"):
        headers = content.staff(role)
        news = content.ok(EDITORIAL_NEWS, {}, headers)["editorialNews"]
        ids = [e["node"]["id"] for e in news["edges"]]
        assert {records["news_draft"], records["news_scheduled"]} <= set(ids)
        assert news["totalCount"] == len(ids)
        events = content.ok(EDITORIAL_EVENTS, {}, headers)["editorialEvents"]
        assert {records["event_draft"], records["event_scheduled"]} <= {
            e["node"]["id"] for e in events["edges"]}
        for record in records.values():
            assert looked_up(content, record, headers)
    editor = content.editor
    drafts = content.ok(EDITORIAL_NEWS, {"state": "DRAFT"}, editor)["editorialNews"]
    assert all(e["node"]["status"] == "DRAFT" for e in drafts["edges"])
    assert records["news_draft"] in {e["node"]["id"] for e in drafts["edges"]}
    scheduled = content.ok(EDITORIAL_EVENTS, {"state": "SCHEDULED"}, editor)["editorialEvents"]
    assert [e["node"]["id"] for e in scheduled["edges"]] == [records["event_scheduled"]]


def test_the_editorial_lists_refuse_everyone_else(
        content: ContentWorld, records: dict[str, str]) -> None:
    callers = {**content.principals(), "viewer": content.staff("viewer")}
    for name, headers in callers.items():
        for document, field in ((EDITORIAL_NEWS, "editorialNews"),
                                (EDITORIAL_EVENTS, "editorialEvents")):
            body = content.call(document, {}, {**headers, "Accept-Language": "fr"})
            if name in ("other_editor", "other_admin"):
                # Their own society's list: none of T's records.
                listed = {e["node"]["id"] for e in body["data"][field]["edges"]}
                assert not listed & set(records.values()), name
                continue
            assert refusal(body) == ("FORBIDDEN", None), (name, body)
            assert body["data"] is None or body["data"][field] is None


def test_a_scheduled_news_item_appears_in_its_place_once_due(content: ContentWorld) -> None:
    anonymous = {"Accept-Language": "en"}
    earlier = content.create_news()["id"]
    content.publish(earlier)
    scheduled = content.create_news()["id"]
    content.publish(scheduled, datetime.now(UTC) + timedelta(hours=1))
    assert scheduled not in seen(content, anonymous)
    content.make_due(scheduled)  # its time has come (a minute ago)
    assert looked_up(content, scheduled, anonymous)
    news = content.ok(ROADS["news"], {}, anonymous)["r"]["edges"]
    order = [e["node"]["id"] for e in news]
    # Newest first: published a minute ago, it follows the item published just now.
    assert order.index(earlier) < order.index(scheduled)
    listed = content.ok(EDITORIAL_NEWS, {"state": "SCHEDULED"}, content.editor)
    assert scheduled not in {e["node"]["id"] for e in listed["editorialNews"]["edges"]}


def test_the_editorial_list_pages_in_bounded_statements(content: ContentWorld) -> None:
    editor = content.editor
    counts = []
    for more in (1, 6):
        for _ in range(more):
            content.create_news()
        content.client.counter.statements.clear()
        page = content.ok(EDITORIAL_NEWS, {"first": 50}, editor)["editorialNews"]
        counts.append(content.client.counter.count)
        assert page["totalCount"] == len(page["edges"])
    assert counts[0] == counts[1], counts
    first = content.ok(EDITORIAL_NEWS, {"first": 2}, editor)["editorialNews"]
    rest = content.ok(EDITORIAL_NEWS, {"first": 50, "after": first["pageInfo"]["endCursor"]},
                      editor)["editorialNews"]
    ids = [e["node"]["id"] for e in first["edges"] + rest["edges"]]
    assert len(ids) == len(set(ids)) == first["totalCount"]
