"""Logging hours and verifying them (one entry or many at once), the staff queue, and the
stored verified total, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hub.db import models as m
from resolvers.applications.rules import local_today
from tests.applications.documents import (
    APPLY,
    DECIDE,
    HOURS_QUEUE,
    LOG,
    VERIFY,
    VOLUNTEER_HOURS,
)
from tests.applications.world import OTHER_TENANT, World, code_of, gid


def accepted(world: World, *, acceptance: str = "AUTOMATIC",
             starts_days_ago: int = 30) -> tuple[int, str]:
    """A new volunteer and their application (ACCEPTED unless REVIEW)."""
    vid = world.new_volunteer()
    oid = world.new_opportunity(capacity=None, acceptance=acceptance,
                                starts_at=datetime.now(UTC) - timedelta(days=starts_days_ago))
    body = world.ok(APPLY, {"input": {"opportunityId": gid("Opportunity", oid)}},
                    world.volunteer(vid))
    return vid, str(body["applyToOpportunity"]["id"])


def today(world: World) -> datetime:
    return datetime.combine(local_today("Africa/Algiers"), datetime.min.time())


def log(world: World, vid: int, application: str, days_ago: int, hours: float,
        note: str | None = None) -> dict[str, object]:
    day = (today(world) - timedelta(days=days_ago)).date().isoformat()
    return world.call(LOG, {"input": {"applicationId": application, "date": day,
                                      "hours": hours, "note": note}}, world.volunteer(vid))


def test_logging_hours_checks_the_input(world: World) -> None:
    vid, application = accepted(world, starts_days_ago=10)
    entry = log(world, vid, application, 1, 2.5, "Sorted boxes")
    assert entry["data"]["logHours"]["status"] == "PENDING"
    assert entry["data"]["logHours"]["statusLabel"] == "Waiting for verification"
    assert entry["data"]["logHours"]["note"] == "Sorted boxes"
    for days_ago, hours, argument in ((-2, 1, "input.date"),  # in the future
                                      (20, 1, "input.date"),  # before the start
                                      (1, 0, "input.hours"), (1, -1, "input.hours"),
                                      (1, 24.5, "input.hours"), (1, 1.234, "input.hours")):
        body = log(world, vid, application, days_ago, hours)
        assert code_of(body) == "BAD_USER_INPUT", (days_ago, hours)
        assert body["errors"][0]["extensions"]["argument"] == argument, (days_ago, hours)
    long_note = log(world, vid, application, 1, 1, "x" * 1001)
    assert long_note["errors"][0]["extensions"]["argument"] == "input.note"
    # 24 hours a day across all the volunteer's entries (of every application).
    assert "errors" not in log(world, vid, application, 1, 20)
    other = world.new_opportunity(capacity=None,
                                  starts_at=datetime.now(UTC) - timedelta(days=10))
    second = world.ok(APPLY, {"input": {"opportunityId": gid("Opportunity", other)}},
                      world.volunteer(vid))["applyToOpportunity"]["id"]
    full = log(world, vid, second, 1, 2)
    assert code_of(full) == "BAD_USER_INPUT"
    assert full["errors"][0]["message"] == (
        "A day has 24 hours: 22.5 are already logged for this day.")
    assert "errors" not in log(world, vid, second, 1, 1.5)
    assert world.count(m.HoursEntry, m.HoursEntry.volunteer_id == vid) == 3
    # Someone else's application, an application waiting for review: refused.
    stranger = world.new_volunteer()
    assert code_of(world.call(LOG, {"input": {"applicationId": application, "hours": 1,
                                              "date": today(world).date().isoformat()}},
                              world.volunteer(stranger))) == "NOT_FOUND"
    waiting_vid, waiting = accepted(world, acceptance="REVIEW")
    assert code_of(log(world, waiting_vid, waiting, 0, 1)) == "CONFLICT"
    assert code_of(world.call(LOG, {"input": {"applicationId": application, "hours": 1,
                                              "date": today(world).date().isoformat()}},
                              world.staff("admin"))) == "FORBIDDEN"


def test_verifying_hours_one_or_many_and_the_total(world: World) -> None:
    vid, application = accepted(world)
    ids = [str(log(world, vid, application, d, h)["data"]["logHours"]["id"])
           for d, h in ((1, 2.5), (2, 3), (3, 1.25))]
    queue = world.ok(HOURS_QUEUE, {"first": 100}, world.staff("coordinator"))["hoursToVerify"]
    assert set(ids) <= {e["node"]["id"] for e in queue["edges"]}
    assert all(e["node"]["status"] == "PENDING" for e in queue["edges"])
    body = world.call(HOURS_QUEUE, {}, world.volunteer(vid))
    assert code_of(body) == "FORBIDDEN" and body["data"]["hoursToVerify"] is None
    other = world.ok(HOURS_QUEUE, {"first": 100}, world.staff("admin", OTHER_TENANT))
    assert not set(ids) & {e["node"]["id"] for e in other["hoursToVerify"]["edges"]}
    approve = {"input": {"entryIds": ids[:2], "approve": True, "note": "Thanks"}}
    for who, code in ((world.staff("viewer"), "FORBIDDEN"), (world.staff("editor"), "FORBIDDEN"),
                      (world.staff("admin", OTHER_TENANT), "NOT_FOUND"),
                      (world.volunteer(vid), "FORBIDDEN")):
        assert code_of(world.call(VERIFY, approve, who)) == code
    done = world.ok(VERIFY, approve, world.staff("coordinator"))["verifyHours"]
    assert [(e["status"], e["verified"], e["reviewNote"]) for e in done] == [
        ("APPROVED", True, "Thanks")] * 2
    assert world.verified_hours(vid) == 5.5
    seen = world.ok(VOLUNTEER_HOURS, {"id": gid("Volunteer", vid)}, world.volunteer(vid))
    assert seen["volunteer"]["verifiedHours"] == 5.5
    # Approving an approved entry again: CONFLICT, nothing changes.
    assert code_of(world.call(VERIFY, approve, world.staff("admin"))) == "CONFLICT"
    # A correction: an approved entry rejected later; the total goes down.
    world.ok(VERIFY, {"input": {"entryIds": [ids[0], ids[2]], "approve": False}},
             world.staff("admin"))
    assert world.verified_hours(vid) == 3.0
    assert code_of(world.call(VERIFY, {"input": {"entryIds": [ids[2]], "approve": True}},
                              world.staff("admin"))) == "CONFLICT", "REJECTED is final"
    kinds = [(k, p["approved"]) for k, p in world.notifications(vid)
             if k == "HOURS_VERIFIED"]
    assert kinds == [("HOURS_VERIFIED", True)] * 2 + [("HOURS_VERIFIED", False)] * 2
    assert code_of(world.call(VERIFY, {"input": {"entryIds": [], "approve": True}},
                              world.staff("admin"))) == "BAD_USER_INPUT"
    bad = world.call(VERIFY, {"input": {"entryIds": [application], "approve": True}},
                     world.staff("admin"))
    assert bad["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT",
                                              "argument": "input.entryIds"}


def test_a_rejected_application_takes_no_hours(world: World) -> None:
    vid, application = accepted(world)
    world.ok(DECIDE, {"input": {"applicationId": application, "decision": "REJECTED",
                                "reason": "OTHER", "note": "Moved away"}}, world.staff("admin"))
    assert code_of(log(world, vid, application, 0, 1)) == "CONFLICT"


def test_verified_hours_per_tenant_loader(world: World) -> None:
    """`verified_hours_by_volunteer`: approved hours per tenant, as the caller may read them
    (for Volunteer.verifiedHours per tenant)."""
    import asyncio

    from hub.access import Principal, PrincipalKind, read_scope
    from hub.db.engine import make_engine, make_sessionmaker
    from hub.row_security import prelude
    from resolvers import RequestDatabase
    from resolvers.loaders import Loaders

    vid, application = accepted(world)
    entry = log(world, vid, application, 1, 4.25)["data"]["logHours"]["id"]
    log(world, vid, application, 2, 1)  # pending: not counted
    world.ok(VERIFY, {"input": {"entryIds": [entry], "approve": True}}, world.staff("admin"))

    async def load(principal: Principal) -> dict[int, float]:
        engine = make_engine(world.database.settings.database_url)
        scope = read_scope(principal, frozenset())
        pre = prelude(scope) if engine.dialect.name == "postgresql" else None
        db = RequestDatabase(make_sessionmaker(engine), pre)
        try:
            loaders = Loaders(db, scope.rows, principal.volunteer_id)
            found: dict[int, float] = await loaders.verified_hours_by_volunteer.load(vid)
            return found
        finally:
            await db.close()
            await engine.dispose()

    me = Principal(kind=PrincipalKind.VOLUNTEER, subject="v", volunteer_id=vid)
    tenant = world.tenants["dz-crescent"]
    assert asyncio.run(load(me)) == {tenant: 4.25}
    other = Principal(kind=PrincipalKind.STAFF, subject="s", roles=frozenset({"admin"}),
                      tenant_id=world.tenants[OTHER_TENANT])
    assert asyncio.run(load(other)) == {}
