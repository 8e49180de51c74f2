"""Applying, the waiting list, deciding and completing, on SQLite and PostgreSQL (with its
row-level security: a volunteer's withdrawal moves ANOTHER volunteer up)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from hub.db import models as m
from resolvers.applications.rules import local_today
from tests.applications.documents import (
    APPLY,
    COMPLETE,
    DECIDE,
    DECIDE_QUEUE,
    OPPORTUNITY,
    WITHDRAW,
)
from tests.applications.world import OTHER_TENANT, TENANT, World, code_of, gid
from tests.dbtools import fetch


def apply(world: World, vid: int, oid: int) -> dict[str, object]:
    body = world.ok(APPLY, {"input": {"opportunityId": gid("Opportunity", oid)}},
                    world.volunteer(vid))
    result: dict[str, object] = body["applyToOpportunity"]
    return result


def test_automatic_acceptance_waiting_list_and_moving_up(world: World) -> None:
    oid = world.new_opportunity(capacity=1, acceptance="AUTOMATIC")
    v1, v2, v3 = (world.new_volunteer() for _ in range(3))
    first = apply(world, v1, oid)
    assert first["status"] == "ACCEPTED" and first["waitlistPosition"] is None
    second, third = apply(world, v2, oid), apply(world, v3, oid)
    assert (second["status"], second["waitlistPosition"]) == ("WAITLISTED", 1)
    assert (third["status"], third["waitlistPosition"]) == ("WAITLISTED", 2)
    assert second["statusLabel"] == "On the waiting list"
    assert world.filled(oid) == 1
    seen = world.ok(OPPORTUNITY, {"id": gid("Opportunity", oid)}, world.staff("admin"))
    assert seen["opportunity"]["spotsLeft"] == 0
    assert seen["opportunity"]["acceptance"] == "AUTOMATIC"
    assert seen["opportunity"]["applications"]["totalCount"] == 3
    # V1 withdraws: V2 (another person, under row security) moves up and is told.
    done = world.ok(WITHDRAW, {"input": {"applicationId": first["id"]}}, world.volunteer(v1))
    assert done["withdrawApplication"]["status"] == "WITHDRAWN"
    assert world.statuses(oid) == {v1: "WITHDRAWN", v2: "ACCEPTED", v3: "WAITLISTED"}
    assert world.filled(oid) == 1
    assert [k for k, _ in world.notifications(v2)] == ["APPLICATION_WAITLISTED",
                                                       "WAITLIST_PROMOTED"]
    assert world.notifications(v2)[1][1] == {"application": second["id"],
                                             "opportunity": gid("Opportunity", oid)}
    mine = world.ok("query($id: ID!) { node(id: $id) { ... on Application { status "
                    "waitlistPosition } } }", {"id": third["id"]}, world.volunteer(v3))
    assert mine["node"] == {"status": "WAITLISTED", "waitlistPosition": 1}
    # Withdrawing twice, or a withdrawn application: CONFLICT; someone else's: NOT_FOUND.
    again = world.call(WITHDRAW, {"input": {"applicationId": first["id"]}}, world.volunteer(v1))
    assert code_of(again) == "CONFLICT"
    assert "“Withdrawn” cannot become “Withdrawn”" in again["errors"][0]["message"]
    theirs = world.call(WITHDRAW, {"input": {"applicationId": third["id"]}},
                        world.volunteer(v1))
    assert code_of(theirs) == "NOT_FOUND"
    # Re-applying after a withdrawal is refused: one application per volunteer.
    assert code_of(world.call(APPLY, {"input": {"opportunityId": gid("Opportunity", oid)}},
                              world.volunteer(v1))) == "CONFLICT"


def test_review_decisions_by_role_and_tenant(world: World) -> None:
    oid = world.new_opportunity(capacity=1, acceptance="REVIEW")
    v1, v2, v3 = (world.new_volunteer() for _ in range(3))
    a1, a2 = apply(world, v1, oid), apply(world, v2, oid)
    assert a1["status"] == a2["status"] == "APPLIED"
    assert world.filled(oid) == 0
    accept = {"input": {"applicationId": a1["id"], "decision": "ACCEPTED"}}
    for who, code in ((world.staff("editor"), "FORBIDDEN"), (world.staff("viewer"), "FORBIDDEN"),
                      (world.staff("admin", OTHER_TENANT), "NOT_FOUND"),
                      (world.volunteer(v1), "FORBIDDEN"), ({}, "FORBIDDEN")):
        assert code_of(world.call(DECIDE, accept, who)) == code
    assert world.statuses(oid)[v1] == "APPLIED" and world.filled(oid) == 0
    queue = world.ok(DECIDE_QUEUE, {}, world.staff("coordinator"))["applicationsToDecide"]
    assert {a1["id"], a2["id"]} <= {e["node"]["id"] for e in queue["edges"]}
    done = world.ok(DECIDE, accept, world.staff("coordinator"))["decideApplication"]
    assert done["status"] == "ACCEPTED" and done["decidedAt"]
    assert world.filled(oid) == 1
    # The place is taken: accepting another is a CONFLICT; a new applicant waits.
    full = world.call(DECIDE, {"input": {"applicationId": a2["id"], "decision": "ACCEPTED"}},
                      world.staff("admin"))
    assert code_of(full) == "CONFLICT" and world.statuses(oid)[v2] == "APPLIED"
    assert apply(world, v3, oid)["status"] == "WAITLISTED"
    # Rejections need a reason (OTHER also a note); the label is in the reader's language.
    reject = {"applicationId": a2["id"], "decision": "REJECTED"}
    for bad, argument in (({}, "input.reason"), ({"reason": "OTHER"}, "input.note"),
                          ({"reason": "SCHEDULE", "note": "x" * 1001}, "input.note")):
        body = world.call(DECIDE, {"input": {**reject, **bad}}, world.staff("admin"))
        assert code_of(body) == "BAD_USER_INPUT"
        assert body["errors"][0]["extensions"]["argument"] == argument
    wrong = world.call(DECIDE, {"input": {**reject, "decision": "COMPLETED"}},
                       world.staff("admin"))
    assert code_of(wrong) == "BAD_USER_INPUT"
    rejected = world.ok(DECIDE, {"input": {**reject, "reason": "SCHEDULE", "note": "Sorry"}},
                        world.staff("admin"))["decideApplication"]
    assert (rejected["status"], rejected["decisionReason"], rejected["decisionNote"]) == (
        "REJECTED", "SCHEDULE", "Sorry")
    french = world.ok("query($id: ID!) { node(id: $id) { ... on Application { "
                      "decisionReasonLabel statusLabel } } }", {"id": a2["id"]},
                      {**world.volunteer(v2), "Accept-Language": "fr"})["node"]
    english = world.ok("query($id: ID!) { node(id: $id) { ... on Application { "
                       "decisionReasonLabel } } }", {"id": a2["id"]},
                       {**world.volunteer(v2), "Accept-Language": "en"})["node"]
    assert english["decisionReasonLabel"] == "The dates do not fit."
    assert french["decisionReasonLabel"] != english["decisionReasonLabel"]
    assert world.notifications(v2)[-1] == ("APPLICATION_REJECTED", {
        "application": a2["id"], "opportunity": gid("Opportunity", oid),
        "reason": "SCHEDULE", "note": "Sorry"})
    # A rejected application is final.
    assert code_of(world.call(DECIDE, accept | {"input": {"applicationId": a2["id"],
                                                          "decision": "ACCEPTED"}},
                              world.staff("admin"))) == "CONFLICT"
    # Rejecting the accepted V1 frees the place: V3 moves up (staff's own tenant).
    world.ok(DECIDE, {"input": {"applicationId": a1["id"], "decision": "REJECTED",
                                "reason": "NOT_ELIGIBLE"}}, world.staff("admin"))
    assert world.statuses(oid) == {v1: "REJECTED", v2: "REJECTED", v3: "ACCEPTED"}
    assert world.filled(oid) == 1
    assert world.notifications(v3)[-1][0] == "WAITLIST_PROMOTED"


def test_completing_and_the_opportunity_applications(world: World) -> None:
    oid = world.new_opportunity(capacity=2, acceptance="AUTOMATIC")
    v1, v2, v3 = (world.new_volunteer() for _ in range(3))
    a1, a2, a3 = apply(world, v1, oid), apply(world, v2, oid), apply(world, v3, oid)
    assert [a["status"] for a in (a1, a2, a3)] == ["ACCEPTED", "ACCEPTED", "WAITLISTED"]
    complete = {"input": {"applicationId": a1["id"], "status": "COMPLETED"}}
    assert code_of(world.call(COMPLETE, complete, world.staff("viewer"))) == "FORBIDDEN"
    assert code_of(world.call(COMPLETE, {"input": {**complete["input"], "status": "ACCEPTED"}},
                              world.staff("admin"))) == "BAD_USER_INPUT"
    done = world.ok(COMPLETE, complete, world.staff("admin"))["completeApplication"]
    assert done["status"] == "COMPLETED" and done["completedAt"]
    assert world.filled(oid) == 2, "a completed application keeps its place"
    assert code_of(world.call(COMPLETE, complete, world.staff("admin"))) == "CONFLICT"
    # A no-show frees the place: V3 moves up.
    world.ok(COMPLETE, {"input": {"applicationId": a2["id"], "status": "NO_SHOW"}},
             world.staff("coordinator"))
    assert world.statuses(oid) == {v1: "COMPLETED", v2: "NO_SHOW", v3: "ACCEPTED"}
    assert world.filled(oid) == 2
    assert world.notifications(v1)[-1] == ("APPLICATION_COMPLETED", {
        "status": "COMPLETED", "application": a1["id"], "opportunity": gid("Opportunity", oid)})
    # Opportunity.applications: staff of the owning tenant only, filtered by status.
    variables = {"id": gid("Opportunity", oid), "status": "ACCEPTED"}
    seen = world.ok(OPPORTUNITY, variables, world.staff("viewer"))["opportunity"]
    assert [e["node"]["id"] for e in seen["applications"]["edges"]] == [a3["id"]]
    for who in (world.staff("admin", OTHER_TENANT), world.volunteer(v1), {}):
        body = world.call(OPPORTUNITY, variables, who)
        assert body["data"]["opportunity"]["applications"] is None
        assert {e["extensions"]["code"] for e in body["errors"]} == {"FORBIDDEN"}


def test_who_may_apply_and_to_what(world: World) -> None:
    vid = world.new_volunteer()
    variables = {"input": {"opportunityId": gid("Opportunity", world.new_opportunity())}}
    assert code_of(world.call(APPLY, variables, {})) == "FORBIDDEN"
    assert code_of(world.call(APPLY, variables, world.staff("admin"))) == "FORBIDDEN"
    bad = world.call(APPLY, {"input": {"opportunityId": gid("Volunteer", vid)}},
                     world.volunteer(vid))
    assert code_of(bad) == "BAD_USER_INPUT"
    assert bad["errors"][0]["extensions"]["argument"] == "input.opportunityId"
    draft = world.new_opportunity(status="DRAFT")
    assert code_of(world.call(APPLY, {"input": {"opportunityId": gid("Opportunity", draft)}},
                              world.volunteer(vid))) == "NOT_FOUND"
    closed = world.new_opportunity(status="CLOSED")
    assert code_of(world.call(APPLY, {"input": {"opportunityId": gid("Opportunity", closed)}},
                              world.volunteer(vid))) == "NOT_FOUND"
    ended = world.new_opportunity(ends_at=datetime.now(UTC) - timedelta(days=1))
    assert code_of(world.call(APPLY, {"input": {"opportunityId": gid("Opportunity", ended)}},
                              world.volunteer(vid))) == "CONFLICT"
    world.ok(APPLY, variables, world.volunteer(vid))
    twice = world.call(APPLY, variables, world.volunteer(vid))
    assert code_of(twice) == "CONFLICT"
    assert twice["errors"][0]["message"] == "You have already applied to this opportunity."
    # A volunteer of another society may apply to a PUBLIC opportunity (recorded).
    stranger = world.new_volunteer(OTHER_TENANT)
    assert apply(world, stranger, world.new_opportunity())["status"] == "ACCEPTED"
    events = world.count(m.AuditEvent, m.AuditEvent.action == "apply_to_opportunity")
    assert events >= 2


def years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def test_minimum_age(world: World) -> None:
    oid = world.new_opportunity(min_age=18, capacity=None)
    zone = fetch(world.database.settings, select(m.Tenant.time_zone).where(
        m.Tenant.slug == TENANT))[0][0]
    today = local_today(zone)
    last_day = (today.month, today.day) == (12, 31)
    cases = [
        (world.new_volunteer(birth_date=years_before(today, 18), birth_year=None), None),
        # Eighteen tomorrow: not yet.
        (world.new_volunteer(birth_date=years_before(today, 18) + timedelta(days=1),
                             birth_year=None), "FORBIDDEN"),
        # Only the year: counted as born on its last day (the youngest it allows).
        (world.new_volunteer(birth_year=today.year - 18), None if last_day else "FORBIDDEN"),
        (world.new_volunteer(birth_year=today.year - 19), None),
        # Neither: cannot apply to an age-limited opportunity.
        (world.new_volunteer(birth_year=None), "FORBIDDEN"),
    ]
    variables = {"input": {"opportunityId": gid("Opportunity", oid)}}
    for vid, code in cases:
        body = world.call(APPLY, variables, world.volunteer(vid))
        if code is None:
            assert "errors" not in body, body
        else:
            assert code_of(body) == code, (vid, body)
    young = world.call(APPLY, variables, world.volunteer(cases[1][0]))["errors"][0]
    assert young["message"] == ("You must be at least 18 years old to apply to this "
                                "opportunity.")
    unknown = world.call(APPLY, variables, world.volunteer(cases[4][0]))["errors"][0]
    assert "add your date of birth" in unknown["message"]
    seen = world.ok(OPPORTUNITY, {"id": gid("Opportunity", oid)},
                    world.staff("viewer"))["opportunity"]
    assert seen["minimumAge"] == 18
    assert seen["applicationsCount"] == len([c for _, c in cases if c is None])
