"""Editors write campaigns: create a draft, change it, publish (now or scheduled), close,
archive; the same refusals as opportunities, and a draft or scheduled campaign is seen by
its tenant's staff only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from hub.db import models as m
from hub.ids import decode_id
from tests.publishing.opportunity_world import (
    ARCHIVE_CAMPAIGN,
    CLOSE_CAMPAIGN,
    CREATE_CAMPAIGN,
    OTHER_TENANT,
    PUBLISH_CAMPAIGN,
    UPDATE_CAMPAIGN,
    EditorialWorld,
    code_of,
    soon,
    world,
)

__all__ = ["world"]

NODE = "query($id: ID!) { node(id: $id) { id ... on Campaign { title status } } }"


def create(world: EditorialWorld, headers: dict[str, str] | None = None,
           **fields: Any) -> dict[str, Any]:
    variables = {"input": {"texts": [{"locale": "fr", "title": "Hiver solidaire"}], **fields}}
    created: dict[str, Any] = world.ok(CREATE_CAMPAIGN, variables,
                                       headers or world.staff("editor"))["createCampaign"]
    return created


def seen(world: EditorialWorld, key: str, headers: dict[str, str]) -> bool:
    return world.ok(NODE, {"id": key}, headers)["node"] is not None


def test_create_update_and_texts(world: EditorialWorld) -> None:
    created = create(world, startsOn="2027-01-01", endsOn="2027-02-28")
    assert created["status"] == "DRAFT" and created["visibility"] == "PUBLIC"
    assert created["title"] == "Hiver solidaire" and created["isScheduled"] is False
    assert (created["startsOn"], created["endsOn"]) == ("2027-01-01", "2027-02-28")
    editor = world.staff("editor")
    translated = world.ok(UPDATE_CAMPAIGN, {"input": {"id": created["id"], "texts": [
        {"locale": "ar", "title": "شتاء التضامن"}]}}, editor)["updateCampaign"]
    assert {t["locale"]: (t["isSource"], t["isStale"]) for t in translated["translations"]} \
        == {"fr": (True, False), "ar": (False, False)}
    changed = world.ok(UPDATE_CAMPAIGN, {"input": {
        "id": created["id"], "endsOn": None, "visibility": "TENANT",
        "texts": [{"locale": "fr", "title": "Hiver solidaire 2027"}]}}, editor)["updateCampaign"]
    assert changed["endsOn"] is None and changed["startsOn"] == "2027-01-01"
    assert changed["visibility"] == "TENANT"
    assert {t["locale"]: t["isStale"] for t in changed["translations"]} == \
        {"fr": False, "ar": True}
    assert world.count(m.AuditEvent, m.AuditEvent.object_id == created["id"]) == 3


def test_publish_schedule_close_archive(world: EditorialWorld) -> None:
    key = create(world)["id"]
    editor = world.staff("editor")
    scheduled = world.ok(PUBLISH_CAMPAIGN, {"input": {"id": key, "publishAt": soon(hours=1)}},
                         editor)["publishCampaign"]
    assert scheduled["status"] == "PUBLISHED" and scheduled["isScheduled"] is True
    assert not seen(world, key, {})
    assert not seen(world, key, world.staff("admin", OTHER_TENANT))
    assert seen(world, key, world.staff("viewer"))
    now = world.ok(PUBLISH_CAMPAIGN, {"input": {"id": key}}, editor)["publishCampaign"]
    assert now["isScheduled"] is False
    assert seen(world, key, {})
    assert code_of(world.call(PUBLISH_CAMPAIGN, {"input": {"id": key}}, editor)) == "CONFLICT"
    closed = world.ok(CLOSE_CAMPAIGN, {"input": {"id": key}}, editor)["closeCampaign"]
    assert closed["status"] == "CLOSED"
    archived = world.ok(ARCHIVE_CAMPAIGN, {"input": {"id": key}}, editor)["archiveCampaign"]
    assert archived["status"] == "ARCHIVED"
    body = world.call(UPDATE_CAMPAIGN, {"input": {"id": key, "startsOn": "2027-01-01"}}, editor)
    assert code_of(body) == "CONFLICT"


def test_a_scheduled_campaign_appears_at_its_time(world: EditorialWorld) -> None:
    key = create(world)["id"]
    world.ok(PUBLISH_CAMPAIGN, {"input": {"id": key, "publishAt": soon(hours=1)}},
             world.staff("editor"))
    assert not seen(world, key, {})
    world.set_published_at(m.Campaign, decode_id(key)[1],
                           datetime.now(UTC) - timedelta(seconds=1))
    assert seen(world, key, {})


def test_a_draft_campaign_is_seen_by_editors_only(world: EditorialWorld) -> None:
    key = create(world)["id"]
    for headers in ({}, world.volunteer(world.new_volunteer()), world.staff("viewer"),
                    world.staff("admin", OTHER_TENANT)):
        assert not seen(world, key, headers)
    for role in ("admin", "coordinator", "editor"):
        assert seen(world, key, world.staff(role))


@pytest.mark.parametrize("caller", ["anonymous", "volunteer", "viewer"])
def test_only_editors_write_campaigns(world: EditorialWorld, caller: str) -> None:
    headers = world.non_editors()[caller]
    world.refused(CREATE_CAMPAIGN, {"input": {"texts": [{"locale": "fr", "title": "x"}]}},
                  headers, "FORBIDDEN")
    key = create(world)["id"]
    world.ok(PUBLISH_CAMPAIGN, {"input": {"id": key}}, world.staff("editor"))
    for query, extra in ((UPDATE_CAMPAIGN, {"startsOn": "2027-01-01"}),
                         (PUBLISH_CAMPAIGN, {}), (CLOSE_CAMPAIGN, {}), (ARCHIVE_CAMPAIGN, {})):
        world.refused(query, {"input": {"id": key, **extra}}, headers, "FORBIDDEN")


def test_staff_of_another_tenant(world: EditorialWorld) -> None:
    other = world.staff("editor", OTHER_TENANT)
    draft = create(world)["id"]
    public = create(world)["id"]
    world.ok(PUBLISH_CAMPAIGN, {"input": {"id": public}}, world.staff("editor"))
    for query in (UPDATE_CAMPAIGN, PUBLISH_CAMPAIGN, CLOSE_CAMPAIGN, ARCHIVE_CAMPAIGN):
        world.refused(query, {"input": {"id": draft}}, other, "NOT_FOUND", "input.id")
        world.refused(query, {"input": {"id": public}}, other, "FORBIDDEN")


def test_bad_input(world: EditorialWorld) -> None:
    editor = {**world.staff("editor"), "Accept-Language": "fr"}
    for fields, argument in (
            ({"texts": []}, "input.texts"),
            ({"texts": [{"locale": "fr", "title": "x", "summary": "y"}]},
             "input.texts.summary"),
            ({"texts": [{"locale": "fr", "title": "x"}], "startsOn": "2027-02-01",
              "endsOn": "2027-01-31"}, "input.endsOn")):
        world.refused(CREATE_CAMPAIGN, {"input": fields}, editor, "BAD_USER_INPUT", argument)
    key = create(world, startsOn="2027-01-01")["id"]
    world.refused(UPDATE_CAMPAIGN, {"input": {"id": key, "endsOn": "2026-12-31"}}, editor,
                  "BAD_USER_INPUT", "input.endsOn")
    world.refused(PUBLISH_CAMPAIGN, {"input": {"id": key, "publishAt": soon(hours=-1)}},
                  editor, "BAD_USER_INPUT", "input.publishAt")
    world.refused(UPDATE_CAMPAIGN, {"input": {"id": "not-an-id"}}, editor, "BAD_USER_INPUT",
                  "input.id")


def test_a_retry_creates_one_campaign(world: EditorialWorld) -> None:
    before = world.count(m.Campaign)
    world.created_once(CREATE_CAMPAIGN, {"texts": [{"locale": "en", "title": "Winter"}],
                                         "clientMutationId": "campaign-31"},
                       world.staff("editor"))
    assert world.count(m.Campaign) == before + 1
