"""Editors write events: a draft of a known kind, a start with an offset and an end after
it, a place with coordinates in range, an http(s) link; published now or scheduled;
cancelled (still visible, marked, never twice, no edits afterwards) or archived. Refusals
leave every row as it was."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from hub.db import models as m
from tests.publishing.content_world import (
    ARCHIVE_EVENT,
    CANCEL_EVENT,
    CREATE_EVENT,
    OTHER_TENANT,
    PUBLISH_EVENT,
    UPDATE_EVENT,
    ContentWorld,
    content,
    event_input,
    refusal,
)

__all__ = ["content"]

EVENT_FOR_ALL = """query($id: ID!) { node(id: $id) { ... on Event { id isCancelled cancelledAt
  status title } } }"""


def test_an_editor_writes_publishes_and_cancels_an_event(content: ContentWorld) -> None:
    draft = content.create_event()
    assert draft["status"] == "DRAFT" and draft["kind"] == "TRAINING"
    assert draft["place"]["country"] == "DZ" and draft["place"]["latitude"] == 35.7
    assert not draft["isCancelled"] and draft["cancelledAt"] is None
    assert draft["title"] == "Formation aux premiers secours"
    # Edits: the kind in any case, the link, the place cleared, the end cleared.
    edited = content.ok(UPDATE_EVENT, {"input": {
        "id": draft["id"], "kind": " seminar ", "onlineUrl": "https://meet.example.org/x",
        "place": None, "endsAt": None, "texts": [{"locale": "ar", "title": "دورة"}]}},
        content.staff("coordinator"))["updateEvent"]
    assert edited["kind"] == "SEMINAR" and edited["onlineUrl"] == "https://meet.example.org/x"
    assert edited["place"] is None and edited["endsAt"] is None
    assert edited["startsAt"] == draft["startsAt"]
    assert {t["locale"] for t in edited["translations"]} == {"ar", "fr"}

    # Cancelling a draft: archive it instead.
    content.refused(CANCEL_EVENT, {"input": {"id": draft["id"]}}, content.editor, "CONFLICT")

    published = content.publish(draft["id"])
    assert published["status"] == "PUBLISHED" and published["publishedAt"]
    cancelled = content.ok(CANCEL_EVENT, {"input": {"id": draft["id"], "note": "Storm"}},
                           content.editor)["cancelEvent"]
    assert cancelled["isCancelled"] and cancelled["cancelledAt"]
    assert cancelled["status"] == "PUBLISHED"
    # Still visible to the public, marked cancelled.
    seen = content.ok(EVENT_FOR_ALL, {"id": draft["id"]}, {"Accept-Language": "en"})["node"]
    assert seen["isCancelled"] and seen["status"] == "PUBLISHED"
    # Never twice, no edits, no republication; archiving is still possible.
    for document, variables in ((CANCEL_EVENT, {"id": draft["id"]}),
                                (UPDATE_EVENT, {"id": draft["id"], "kind": "MEETING"}),
                                (PUBLISH_EVENT, {"id": draft["id"]})):
        content.refused(document, {"input": variables}, content.editor, "CONFLICT")
    archived = content.ok(ARCHIVE_EVENT, {"input": {"id": draft["id"]}},
                          content.staff("admin"))["archiveEvent"]
    assert archived["status"] == "ARCHIVED" and archived["isCancelled"]
    assert content.audit_actions(draft["id"]) == [
        "create_event", "update_event", "publish_event", "cancel_event", "archive_event"]
    assert content.row(draft["id"]).kind == "SEMINAR"


def test_an_event_can_be_scheduled_and_rescheduled(content: ContentWorld) -> None:
    event = content.create_event(visibility="NETWORK")
    later = datetime.now(UTC) + timedelta(days=1)
    scheduled = content.publish(event["id"], later)
    assert abs((datetime.fromisoformat(scheduled["publishedAt"]) - later).total_seconds()) < 1
    assert scheduled["visibility"] == "NETWORK"
    sooner = datetime.now(UTC) + timedelta(hours=2)
    moved = content.publish(event["id"], sooner)
    assert abs((datetime.fromisoformat(moved["publishedAt"]) - sooner).total_seconds()) < 1
    now = content.publish(event["id"])
    assert datetime.fromisoformat(now["publishedAt"]) <= datetime.now(UTC)
    # Live: published again, now or later, is a CONFLICT.
    for again in ({"id": event["id"]}, {"id": event["id"], "publishAt": _at(2)}):
        content.refused(PUBLISH_EVENT, {"input": again}, content.editor, "CONFLICT")


def test_who_may_not_write_events(content: ContentWorld) -> None:
    draft = content.create_event()
    public = content.create_event()
    content.publish(public["id"])
    content.refused_all(content.non_editors().values(), [
        (CREATE_EVENT, event_input(), "FORBIDDEN"),
        (UPDATE_EVENT, {"id": public["id"], "kind": "MEETING"}, "FORBIDDEN"),
        (PUBLISH_EVENT, {"id": draft["id"]}, "FORBIDDEN"),
        (CANCEL_EVENT, {"id": public["id"]}, "FORBIDDEN"),
        (ARCHIVE_EVENT, {"id": public["id"]}, "FORBIDDEN")])
    content.refused_all([content.staff("admin", OTHER_TENANT)], [
        (UPDATE_EVENT, {"id": draft["id"], "kind": "MEETING"}, "NOT_FOUND"),
        (PUBLISH_EVENT, {"id": draft["id"]}, "NOT_FOUND"),
        (CANCEL_EVENT, {"id": public["id"]}, "FORBIDDEN"),
        (ARCHIVE_EVENT, {"id": public["id"]}, "FORBIDDEN")])
    assert content.row(draft["id"]).status == "DRAFT"
    assert content.row(public["id"]).cancelled_at is None


def _at(days: float) -> str:
    return (datetime.now(UTC) + timedelta(days=days)).isoformat()


SOON = _at(5)
BAD_CREATE = [
    ({"kind": "PICNIC"}, "input.kind"),
    ({"startsAt": "2031-05-01T09:00:00"}, "input.startsAt"),
    ({"startsAt": _at(5), "endsAt": _at(4)}, "input.endsAt"),
    ({"startsAt": SOON, "endsAt": SOON}, "input.endsAt"),
    ({"endsAt": "2031-05-01T09:00:00"}, "input.endsAt"),
    ({"place": {"city": "Oran", "latitude": 95, "longitude": 0}}, "input.place.latitude"),
    ({"place": {"city": "Oran", "latitude": 35, "longitude": -181}}, "input.place.longitude"),
    ({"place": {"city": "Oran", "latitude": 35}}, "input.place"),
    ({"place": {"country": "Algeria"}}, "input.place.country"),
    ({"onlineUrl": "javascript:alert(1)"}, "input.onlineUrl"),
    ({"onlineUrl": "mailto:a@example.org"}, "input.onlineUrl"),
    ({"onlineUrl": "https://a b.example"}, "input.onlineUrl"),
    ({"texts": [{"locale": "fr", "title": "t", "body": "news only"}]}, "input.texts.body"),
    ({"texts": []}, "input.texts"),
]


@pytest.mark.parametrize(("bad", "argument"), BAD_CREATE)
def test_bad_event_input_is_refused(content: ContentWorld, bad: dict[str, Any],
                                    argument: str) -> None:
    content.refused(CREATE_EVENT, {"input": event_input(**bad)},
                    {**content.editor, "Accept-Language": "ar"}, "BAD_USER_INPUT", argument)


def test_bad_event_updates_change_nothing(content: ContentWorld) -> None:
    event = content.create_event()
    french = {**content.editor, "Accept-Language": "fr"}
    starts = datetime.fromisoformat(event["startsAt"])
    cases: list[tuple[str, dict[str, Any], tuple[str, str | None]]] = [
        # The end must follow the stored start, and a new start the stored end.
        (UPDATE_EVENT, {"endsAt": (starts - timedelta(hours=1)).isoformat()},
         ("BAD_USER_INPUT", "input.endsAt")),
        (UPDATE_EVENT, {"startsAt": (starts + timedelta(days=1)).isoformat()},
         ("BAD_USER_INPUT", "input.endsAt")),
        (UPDATE_EVENT, {"kind": "party"}, ("BAD_USER_INPUT", "input.kind")),
        (UPDATE_EVENT, {"place": {"latitude": -91, "longitude": 0}},
         ("BAD_USER_INPUT", "input.place.latitude")),
        (UPDATE_EVENT, {"onlineUrl": "file:///etc/passwd"},
         ("BAD_USER_INPUT", "input.onlineUrl")),
        (UPDATE_EVENT, {"texts": [{"locale": "en", "description": "no title"}]},
         ("BAD_USER_INPUT", "input.texts.title")),
        (PUBLISH_EVENT, {"publishAt": _at(-1)}, ("BAD_USER_INPUT", "input.publishAt")),
        (CANCEL_EVENT, {"note": "n" * 1001}, ("CONFLICT", None)),  # a draft: not published
    ]
    for document, variables, (code, argument) in cases:
        body = content.refused(document, {"input": {"id": event["id"], **variables}}, french,
                               code, argument)
        assert refusal(body) == (code, argument), (variables, body)
    content.publish(event["id"])
    content.refused(CANCEL_EVENT, {"input": {"id": event["id"], "note": "n" * 1001}}, french,
                    "BAD_USER_INPUT", "input.note")
    row = content.row(event["id"])
    assert row.kind == "TRAINING" and row.cancelled_at is None and row.city == "Oran"


def test_a_retry_creates_one_event(content: ContentWorld) -> None:
    before = content.count(m.Event)
    first = content.created_once(CREATE_EVENT, event_input(clientMutationId="event-retry-1"),
                                 content.editor)
    assert content.count(m.Event) == before + 1
    content.publish(first["id"])
    cancel = {"input": {"id": first["id"], "clientMutationId": "cancel-retry-1"}}
    one = content.ok(CANCEL_EVENT, cancel, content.editor)["cancelEvent"]
    two = content.ok(CANCEL_EVENT, cancel, content.editor)["cancelEvent"]
    assert one == two
    assert content.audit_actions(first["id"]) == ["create_event", "publish_event",
                                                  "cancel_event"]
