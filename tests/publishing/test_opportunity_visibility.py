"""Drafts and scheduled opportunities never leak: on every road to an opportunity (the
list, `opportunity(id)`, `node(id)`, a tenant's list) a draft is seen by its tenant's
editors only, and a scheduled one by its tenant's staff only until its time comes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hub.db import models as m
from hub.ids import decode_id
from tests.publishing.opportunity_world import (
    OTHER_TENANT,
    PUBLISH,
    EditorialWorld,
    soon,
    world,
)

__all__ = ["world"]

EVERYWHERE = {"opportunities": True, "opportunity": True, "node": True, "tenant": True}
NOWHERE = dict.fromkeys(EVERYWHERE, False)


def outsiders(world: EditorialWorld) -> dict[str, dict[str, str]]:
    return {"anonymous": {},
            "volunteer": world.volunteer(world.new_volunteer()),
            "other tenant's admin": world.staff("admin", OTHER_TENANT),
            "federation": world.bearer(subject="analyst", tenant=None, roles=[],
                                       volunteer_id=None, federation=True)}


def test_a_draft_is_seen_by_its_tenants_editors_only(world: EditorialWorld) -> None:
    draft = world.create()["id"]
    for name, headers in {**outsiders(world), "viewer": world.staff("viewer")}.items():
        assert world.visible(draft, headers) == NOWHERE, name
    for role in ("admin", "coordinator", "editor"):
        assert world.visible(draft, world.staff(role)) == EVERYWHERE, role


def test_a_scheduled_opportunity_waits_for_its_time(world: EditorialWorld) -> None:
    key = world.create()["id"]
    world.ok(PUBLISH, {"input": {"id": key, "publishAt": soon(hours=1)}},
             world.staff("editor"))
    for name, headers in outsiders(world).items():
        assert world.visible(key, headers) == NOWHERE, name
    # Its own society's staff see it coming, the viewer too (it is no draft).
    for role in ("admin", "editor", "viewer"):
        assert world.visible(key, world.staff(role)) == EVERYWHERE, role
    # Its time comes (written directly: no test waits an hour).
    world.set_published_at(m.Opportunity, decode_id(key)[1],
                           datetime.now(UTC) - timedelta(seconds=1))
    for name, headers in outsiders(world).items():
        assert world.visible(key, headers) == EVERYWHERE, name
    assert world.ok(
        "query($id: ID!) { opportunity(id: $id) { isScheduled } }", {"id": key}, {}
    )["opportunity"] == {"isScheduled": False}


def test_a_network_opportunity_once_published(world: EditorialWorld) -> None:
    key = world.create(visibility="NETWORK")["id"]
    world.ok(PUBLISH, {"input": {"id": key}}, world.staff("editor"))
    found = outsiders(world)
    assert world.visible(key, found["anonymous"]) == NOWHERE
    assert world.visible(key, found["volunteer"]) == NOWHERE
    assert world.visible(key, found["other tenant's admin"]) == EVERYWHERE
