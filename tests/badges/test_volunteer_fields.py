"""`Volunteer.badges` and `Volunteer.level` (schema/badges/fields.py, mixed into Volunteer),
on SQLite and PostgreSQL: who sees which awards, a volunteer's progress toward the next
level with what would complete it, and a page of volunteers with their badges in a number
of statements that does not grow with the page."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import insert, select

from hub.authentication import create_api_client
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.ids import decode_id
from hub.paging import encode_cursor
from tests.applications.world import code_of, gid
from tests.badges.world import CATEGORY, OTHER_TENANT, RESCUE, TENANT, BadgeWorld
from tests.dbtools import fetch

BADGES = """query($id: ID!) { volunteer(id: $id) { id
  badges { id awardedAt hours hoursDisplay tenant { slug }
           badge { code name description thresholdHours benefits { code text } } } } }"""


def client_headers(world: BadgeWorld) -> dict[str, str]:
    async def create() -> str:
        engine = make_engine(world.database.settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session, session.begin():
                _, key = await create_api_client(session, tenant_id=world.tenants[TENANT],
                                                 name="badges", scopes=["read"], origins=[])
                return key
        finally:
            await engine.dispose()

    return {"X-Api-Key": asyncio.run(create())}


def badges_seen(world: BadgeWorld, vid: int, headers: dict[str, str]
                ) -> tuple[set[tuple[str, str]] | None, str | None]:
    """(tenant, badge) pairs the caller sees, or None, and the error code if any."""
    body = world.call(BADGES, {"id": gid("Volunteer", vid)}, headers)
    volunteer = (body.get("data") or {}).get("volunteer")
    code = body["errors"][0]["extensions"]["code"] if body.get("errors") else None
    if volunteer is None or volunteer["badges"] is None:
        return None, code
    return {(b["tenant"]["slug"], b["badge"]["code"]) for b in volunteer["badges"]}, code


def test_who_sees_a_volunteers_badges(world: BadgeWorld) -> None:
    both = world.new_volunteer()  # a member of T and of the other tenant
    world.join(both, OTHER_TENANT)
    world.verify(world.served(both, (2, 10, "PENDING")))
    world.verify(world.served(both, (2, 11, "PENDING"), tenant=OTHER_TENANT),
                 tenant=OTHER_TENANT)
    private, shared = world.new_volunteer(), world.new_volunteer()  # members of T only
    world.set_volunteer(shared, shares_with_network=True)
    world.verify(world.served(private, (2, 10, "PENDING"))
                 + world.served(shared, (2, 10, "PENDING")))
    ten, bronze = (TENANT, "ten"), (OTHER_TENANT, "bronze")
    analyst = world.bearer(subject="analyst", tenant=None, roles=[], volunteer_id=None,
                           federation=True)
    other_staff = world.staff("admin", OTHER_TENANT)
    seen = {
        "self": badges_seen(world, both, world.volunteer(both)),
        **{role: badges_seen(world, both, world.staff(role))
           for role in ("admin", "coordinator", "editor", "viewer")},
        # The other tenant's staff, the volunteer being their member too: their awards.
        "member's other staff": badges_seen(world, both, other_staff),
        "other staff, not shared": badges_seen(world, private, other_staff),
        "other staff, shared": badges_seen(world, shared, other_staff),
        "other volunteer": badges_seen(world, both, world.volunteer(private)),
        "federation": badges_seen(world, both, analyst),
        "anonymous": badges_seen(world, both, {}),
        "client": badges_seen(world, both, client_headers(world)),
    }
    assert seen == {
        "self": ({ten, bronze}, None),
        **{role: ({ten}, None) for role in ("admin", "coordinator", "editor", "viewer")},
        "member's other staff": ({bronze}, None),
        "other staff, not shared": (None, None),  # the volunteer is out of reach
        "other staff, shared": (None, "FORBIDDEN"),  # reached, but not their badges
        "other volunteer": (None, None),
        "federation": (None, None),
        "anonymous": (None, None),
        "client": (None, None),
    }
    mine = world.ok(BADGES, {"id": gid("Volunteer", both)}, world.volunteer(both))
    award = next(b for b in mine["volunteer"]["badges"] if b["badge"]["code"] == "ten")
    assert award["hours"] == 10 and award["hoursDisplay"] == "10 hours"
    assert award["badge"]["benefits"] == [{"code": "bus-pass", "text": "A bus pass"}]
    assert award["badge"]["thresholdHours"] == 10
    # Staff reads of a volunteer's badges are reads of personal data: audited.
    audited = fetch(world.database.settings, select(m.AuditEvent.subject).where(
        m.AuditEvent.action == "read_personal_data",
        m.AuditEvent.object_id == gid("Volunteer", both)))
    assert ("tatawwu-dev|staff-dz-crescent-viewer",) in audited


LEVEL = """query($id: ID!, $tenant: String) { volunteer(id: $id) { level(tenant: $tenant) {
  tenant { slug } current { code } next { code name hours badges { code } }
  levels { code } verifiedHours hoursNeeded hoursMissing
  badgesDone { code } badgesMissing { code }
  categoriesDone { code } categoriesMissing { code label }
  suggestedOpportunities(first: 10) { totalCount edges { node { id } } }
  suggestedEvents(first: 10) { edges { node { id } } } } } }"""


def event(world: BadgeWorld, *, kind: str = "TRAINING", days: int = 10,
          tenant: str = TENANT) -> int:
    now = datetime.now(UTC)
    return int(fetch(world.database.settings, insert(m.Event).values(
        tenant_id=world.tenants[tenant], kind=kind, starts_at=now + timedelta(days=days),
        visibility="PUBLIC", status="PUBLISHED", published_at=now - timedelta(days=30),
        created_at=now, updated_at=now).returning(m.Event.id))[0][0])


def level(world: BadgeWorld, vid: int, headers: dict[str, str],
          tenant: str | None = None) -> dict[str, Any]:
    return world.ok(LEVEL, {"id": gid("Volunteer", vid), "tenant": tenant},
                    headers)["volunteer"]["level"]


def test_a_volunteers_level_and_what_would_complete_the_next(world: BadgeWorld) -> None:
    vid = world.new_volunteer()
    me = world.volunteer(vid)
    start = level(world, vid, me)
    assert (start["tenant"]["slug"], start["current"], start["next"]["code"]) == (
        TENANT, None, "starter")
    assert [x["code"] for x in start["levels"]] == ["starter", "trained", "expert"]
    assert (start["hoursNeeded"], start["hoursMissing"]) == (2, 2)
    # Only hours missing: any open opportunity of the tenant helps.
    assert start["suggestedOpportunities"]["totalCount"] > 0
    world.verify(world.served(vid, (3, 6, "PENDING"), (2, 6, "PENDING")))  # 12 h: `ten`
    rescue_open = world.opportunity(category=RESCUE)
    rescue_draft = world.opportunity(category=RESCUE, status="DRAFT")
    rescue_ended = world.opportunity(category=RESCUE,
                                     ends_at=datetime.now(UTC) - timedelta(days=1))
    training, meeting, past = event(world), event(world, kind="MEETING"), event(world, days=-3)
    now = level(world, vid, me)
    assert (now["current"]["code"], now["next"]["code"]) == ("starter", "trained")
    assert (now["verifiedHours"], now["hoursMissing"]) == (12, 0)
    assert (now["badgesDone"], now["badgesMissing"]) == ([{"code": "ten"}], [])
    assert now["categoriesDone"] == []
    assert now["categoriesMissing"] == [{"code": RESCUE, "label": "Rescue"}]
    suggested = {e["node"]["id"] for e in now["suggestedOpportunities"]["edges"]}
    assert gid("Opportunity", rescue_open) in suggested
    assert not suggested & {gid("Opportunity", o) for o in (rescue_draft, rescue_ended)}
    opportunity_categories = dict(fetch(world.database.settings, select(
        m.Opportunity.id, m.Opportunity.category_code)))
    assert {opportunity_categories[decode_id(i, "Opportunity")[1]] for i in suggested} \
        == {RESCUE}
    events = {e["node"]["id"] for e in now["suggestedEvents"]["edges"]}
    assert gid("Event", training) in events
    assert not events & {gid("Event", e) for e in (meeting, past)}
    # A completed rescue opportunity with 5 verified hours: trained, and `rescuer`.
    world.verify(world.served(vid, (1, 5, "PENDING"), category=RESCUE, completed=True))
    trained = level(world, vid, world.staff("viewer"))  # staff of the tenant see it too
    assert (trained["current"]["code"], trained["next"]["code"]) == ("trained", "expert")
    assert (trained["hoursNeeded"], trained["hoursMissing"]) == (40, 23)
    assert trained["badgesDone"] == [{"code": "ten"}, {"code": "rescuer"}]
    assert trained["categoriesDone"] == [{"code": RESCUE}] and \
        [c["code"] for c in trained["categoriesMissing"]] == [CATEGORY]
    # Staff ask for their own tenant only; a tenant without levels has none.
    other = world.call(LEVEL, {"id": gid("Volunteer", vid), "tenant": OTHER_TENANT},
                       world.staff("viewer"))
    assert code_of(other) == "FORBIDDEN"
    assert other["errors"][0]["extensions"]["argument"] == "tenant"
    assert level(world, vid, me, OTHER_TENANT) is None
    assert code_of(world.call(LEVEL, {"id": gid("Volunteer", vid), "tenant": "atlantis"},
                              me)) == "BAD_USER_INPUT"


PAGE = """query($first: Int, $after: String) {
  volunteers(first: $first, after: $after, tenant: "dz-crescent") { edges { node {
    id badges { awardedAt tenant { slug } badge { code name benefits { text } } }
    level { current { code } verifiedHours badgesMissing { name } categoriesMissing { label }
            suggestedOpportunities(first: 2) { pageInfo { hasNextPage } } } } } } }"""


def test_a_page_of_volunteers_with_badges_costs_the_same_statements(world: BadgeWorld) -> None:
    made = [world.new_volunteer() for _ in range(10)]
    world.verify([e for vid in made for e in world.served(vid, (2, 10, "PENDING"),
                                                          completed=True)])
    staff, after = world.staff("coordinator"), encode_cursor("Volunteer", (made[0] - 1,))
    counts = []
    for first in (2, 10):
        world.client.counter.statements.clear()
        body = world.ok(PAGE, {"first": first, "after": after}, staff)
        counts.append(world.client.counter.count)
        nodes = [e["node"] for e in body["volunteers"]["edges"]]
        assert [n["id"] for n in nodes] == [gid("Volunteer", v) for v in made[:first]]
        assert all(n["badges"] and n["level"]["current"] for n in nodes)
    assert counts[0] == counts[1], counts
