"""The volunteer journey end to end, on SQLite and PostgreSQL, through the API only:

register → save → apply (waiting list: the opportunity is full) → another volunteer
withdraws → promotion → apply elsewhere and be accepted by staff → log hours → verify →
complete → export → delete,

checking at each step the state and what every kind of principal can and cannot see of
the newcomer's records: the newcomer, another volunteer, staff of the tenant, staff of
another tenant, the federation analyst, an API client and anonymous callers.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hub.authentication import create_api_client
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from tests.applications.world import World, code_of, gid, open_world
from tests.dbtools import fetch
from tests.principals import OTHER_TENANT, TENANT

APPLY = """mutation($id: ID!) { applyToOpportunity(input: {opportunityId: $id}) {
  id status statusLabel waitlistPosition } }"""
WITHDRAW = """mutation($id: ID!) { withdrawApplication(input: {applicationId: $id}) {
  id status } }"""
DECIDE = """mutation($id: ID!) { decideApplication(input: {applicationId: $id,
  decision: ACCEPTED}) { id status } }"""
APPLICATION = """query($id: ID!) { node(id: $id) { ... on Application {
  id status waitlistPosition volunteer { displayName fullName } hours { status hours } } } }"""
VOLUNTEER = """query($id: ID!) { volunteer(id: $id) { id displayName fullName email
  verifiedHours } }"""
ME = """{ viewer { kind canRegister volunteer { id fullName verifiedHours
  savedOpportunities { totalCount edges { node { id } } }
  applications { totalCount edges { node { id status } } }
  notifications { edges { node { kind title read } } } } } }"""
QUEUES = """{ applicationsToDecide { edges { node { id } } }
  hoursToVerify { edges { node { id hours status } } } }"""
LISTED = """query($o: ID!, $s: ApplicationStatus) { opportunity(id: $o) {
  applications(status: $s) { totalCount edges { node { id status } } } } }"""
NOTIFICATIONS_OF = """query($id: ID!) { volunteer(id: $id) { notifications {
  edges { node { kind } } } } }"""


class Journey:
    """The world, its principals and the newcomer's ids as the walk finds them."""

    def __init__(self, world: World, client_key: str) -> None:
        self.w = world
        self.newcomer = world.bearer(subject=f"e2e-newcomer-{world.backend}", tenant=None,
                                     roles=[], volunteer_id=None, federation=False)
        self.first = world.new_volunteer(TENANT)  # takes the only place of the full one
        self.stranger = world.new_volunteer(OTHER_TENANT)
        self.full = world.new_opportunity(capacity=1, acceptance="REVIEW")
        self.roomy = world.new_opportunity(capacity=5, acceptance="REVIEW")
        self.principals = {
            "newcomer": self.newcomer,
            "other volunteer": world.volunteer(self.stranger),
            "staff of T": world.staff("coordinator"),
            "staff of another tenant": world.staff("coordinator", OTHER_TENANT),
            "federation analyst": world.bearer(subject="e2e-analyst", tenant=None, roles=[],
                                               volunteer_id=None, federation=True),
            "API client": {"X-API-Key": client_key, "Accept-Language": "en"},
            "anonymous": {"Accept-Language": "en"},
        }
        self.me: str = ""

    def ok(self, query: str, variables: dict[str, Any], who: str) -> dict[str, Any]:
        return self.w.ok(query, variables, self.principals[who])

    def call(self, query: str, variables: dict[str, Any], who: str) -> dict[str, Any]:
        return self.w.call(query, variables, self.principals[who])

    def who_sees(self, query: str, variables: dict[str, Any],
                 found: Any) -> set[str]:
        """The principals whose answer holds the record (`found(data)` truthy)."""
        seeing = set()
        for who in self.principals:
            body = self.call(query, variables, who)
            codes = {e["extensions"]["code"] for e in body.get("errors") or []}
            assert codes <= {"FORBIDDEN", "NOT_FOUND"}, (who, body)
            if found(body.get("data") or {}):
                seeing.add(who)
        return seeing


def _client_key(world: World) -> str:
    async def create() -> str:
        engine = make_engine(world.database.settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session, session.begin():
                _, key = await create_api_client(session, tenant_id=world.tenants[TENANT],
                                                 name="e2e", scopes=["read"], origins=[])
                return key
        finally:
            await engine.dispose()
    return asyncio.run(create())


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def journey(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
            ) -> Iterator[Journey]:
    folder: Path = tmp_path_factory.mktemp(f"journey-{request.param}")
    for world in open_world(request.param, folder):
        yield Journey(world, _client_key(world))


STAFF_OF_T = {"staff of T"}
OWNER_AND_STAFF = {"newcomer", "staff of T"}


def test_the_journey_of_a_newcomer(journey: Journey) -> None:
    j, w = journey, journey.w
    full, roomy = gid("Opportunity", j.full), gid("Opportunity", j.roomy)

    # Signed in, not yet a volunteer: may register, has no record.
    viewer = j.ok(ME, {}, "newcomer")["viewer"]
    assert viewer["kind"] == "VOLUNTEER" and viewer["canRegister"] and viewer["volunteer"] is None

    # 1. Register with the tenant's terms; the answer shows one's own personal fields.
    registered = j.ok("""mutation($input: RegisterVolunteerInput!) {
        registerVolunteer(input: $input) { id fullName email memberships { tenant { slug } } } }""",
                      {"input": {"tenant": TENANT, "firstName": "Nour", "lastName": "Saadi",
                                 "birthDate": "1999-03-21", "acceptTerms": True,
                                 "email": "nour.saadi@mail.example.dz", "locale": "ar"}},
                      "newcomer")["registerVolunteer"]
    assert registered["fullName"] == "Nour Saadi"
    assert registered["memberships"] == [{"tenant": {"slug": TENANT}}]
    j.me = me = registered["id"]
    consent = fetch(w.database.settings, select(m.Consent.kind, m.Consent.version))
    assert ("TERMS", "1") in [tuple(c) for c in consent]
    # Who sees the new volunteer's full name: the volunteer and the tenant's staff only.
    assert j.who_sees(VOLUNTEER, {"id": me},
                      lambda d: (d.get("volunteer") or {}).get("fullName")) == OWNER_AND_STAFF

    # 2. Save the full opportunity; saving again changes nothing.
    for _ in range(2):
        assert j.ok("mutation($id: ID!) { saveOpportunity(id: $id) { viewerHasSaved } }",
                    {"id": full}, "newcomer")["saveOpportunity"]["viewerHasSaved"] is True
    mine = j.ok(ME, {}, "newcomer")["viewer"]["volunteer"]
    assert mine["savedOpportunities"]["totalCount"] == 1

    # 3. The first volunteer takes the only place (accepted by staff); the newcomer goes on
    #    the waiting list.
    first_app = w.ok(APPLY, {"id": full}, w.volunteer(j.first))["applyToOpportunity"]
    assert first_app["status"] == "APPLIED"
    assert j.ok(DECIDE, {"id": first_app["id"]}, "staff of T")[
        "decideApplication"]["status"] == "ACCEPTED"
    waiting = j.ok(APPLY, {"id": full}, "newcomer")["applyToOpportunity"]
    assert waiting["status"] == "WAITLISTED" and waiting["waitlistPosition"] == 1
    assert w.filled(j.full) == 1
    # Applying twice is a conflict, and nothing more is written.
    assert code_of(j.call(APPLY, {"id": full}, "newcomer")) == "CONFLICT"
    assert w.count(m.Application, m.Application.opportunity_id == j.full) == 2
    # Who sees the application: the newcomer and staff of T, on every road.
    assert j.who_sees(APPLICATION, {"id": waiting["id"]},
                      lambda d: (d.get("node") or {}).get("id")) == OWNER_AND_STAFF
    listed = j.ok(LISTED, {"o": full, "s": "WAITLISTED"}, "staff of T")
    assert [e["node"]["id"] for e in listed["opportunity"]["applications"]["edges"]] == [
        waiting["id"]]
    assert j.who_sees(LISTED, {"o": full, "s": "WAITLISTED"}, lambda d: (
        (d.get("opportunity") or {}).get("applications") or {}).get("edges")) == STAFF_OF_T

    # 4. The first volunteer withdraws: the place goes to the newcomer (promotion).
    assert w.ok(WITHDRAW, {"id": first_app["id"]}, w.volunteer(j.first))[
        "withdrawApplication"]["status"] == "WITHDRAWN"
    promoted = j.ok(APPLICATION, {"id": waiting["id"]}, "newcomer")["node"]
    assert promoted["status"] == "ACCEPTED" and promoted["waitlistPosition"] is None
    assert w.filled(j.full) == 1

    # 5. Apply to a second opportunity that is reviewed: in staff's queue until accepted.
    applied = j.ok(APPLY, {"id": roomy}, "newcomer")["applyToOpportunity"]
    assert applied["status"] == "APPLIED"
    queue = j.ok(QUEUES, {}, "staff of T")["applicationsToDecide"]["edges"]
    assert applied["id"] in [e["node"]["id"] for e in queue]
    other_queue = j.ok(QUEUES, {}, "staff of another tenant")["applicationsToDecide"]["edges"]
    assert applied["id"] not in [e["node"]["id"] for e in other_queue]
    # Only the tenant's staff decide; the volunteer cannot accept themself.
    assert code_of(j.call(DECIDE, {"id": applied["id"]}, "newcomer")) == "FORBIDDEN"
    assert code_of(j.call(DECIDE, {"id": applied["id"]}, "staff of another tenant")) in (
        "NOT_FOUND", "FORBIDDEN")
    assert j.ok(DECIDE, {"id": applied["id"]}, "staff of T")[
        "decideApplication"]["status"] == "ACCEPTED"

    # 6. Log hours (yesterday) on it: pending, in staff's queue, not yet counted.
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    entry = j.ok("""mutation($id: ID!, $d: Date!) { logHours(input: {applicationId: $id,
        date: $d, hours: 3, note: "Tri des dons"}) { id status hours } }""",
                 {"id": applied["id"], "d": yesterday}, "newcomer")["logHours"]
    assert entry["status"] == "PENDING"
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    assert code_of(j.call("""mutation($id: ID!, $d: Date!) { logHours(input: {
        applicationId: $id, date: $d, hours: 1}) { id } }""",
                          {"id": applied["id"], "d": tomorrow}, "newcomer")) == "BAD_USER_INPUT"
    hours_queue = j.ok(QUEUES, {}, "staff of T")["hoursToVerify"]["edges"]
    assert entry["id"] in [e["node"]["id"] for e in hours_queue]
    assert entry["id"] not in [e["node"]["id"] for e in j.ok(
        QUEUES, {}, "staff of another tenant")["hoursToVerify"]["edges"]]
    assert j.ok(VOLUNTEER, {"id": me}, "newcomer")["volunteer"]["verifiedHours"] == 0

    # 7. Staff verify them: counted, out of the queue.
    verified = j.ok("""mutation($ids: [ID!]!) { verifyHours(input: {entryIds: $ids,
        approve: true}) { id status } }""", {"ids": [entry["id"]]}, "staff of T")
    assert verified["verifyHours"] == [{"id": entry["id"], "status": "APPROVED"}]
    assert j.ok(VOLUNTEER, {"id": me}, "newcomer")["volunteer"]["verifiedHours"] == 3
    per_tenant = '''query($id: ID!) { volunteer(id: $id) { hoursByTenant { tenant { slug }
        verifiedHours hoursDisplay } } }'''
    for who in ("newcomer", "staff of T"):
        assert j.ok(per_tenant, {"id": me}, who)["volunteer"]["hoursByTenant"] == [
            {"tenant": {"slug": TENANT}, "verifiedHours": 3.0, "hoursDisplay": "3 hours"}]
    assert j.who_sees(per_tenant, {"id": me}, lambda d: (
        d.get("volunteer") or {}).get("hoursByTenant")) == OWNER_AND_STAFF
    assert entry["id"] not in [e["node"]["id"] for e in j.ok(
        QUEUES, {}, "staff of T")["hoursToVerify"]["edges"]]

    # 8. Complete the application.
    completed = j.ok("""mutation($id: ID!) { completeApplication(input: {applicationId: $id,
        status: COMPLETED}) { status } }""", {"id": applied["id"]}, "staff of T")
    assert completed["completeApplication"]["status"] == "COMPLETED"
    # A completed application cannot be withdrawn.
    assert code_of(j.call(WITHDRAW, {"id": applied["id"]}, "newcomer")) == "CONFLICT"

    # Every change told the newcomer, in the language the app asks for, and only them.
    notes = w.ok(ME, {}, {**j.newcomer, "Accept-Language": "ar"})[
        "viewer"]["volunteer"]["notifications"]["edges"]
    kinds = [n["node"]["kind"] for n in notes]
    assert {"APPLICATION_WAITLISTED", "WAITLIST_PROMOTED", "APPLICATION_RECEIVED",
            "APPLICATION_ACCEPTED", "HOURS_VERIFIED", "APPLICATION_COMPLETED"} <= set(kinds)
    assert all(any("\u0600" <= c <= "\u06ff" for c in n["node"]["title"]) for n in notes)
    assert j.who_sees(NOTIFICATIONS_OF, {"id": me}, lambda d: (
        (d.get("volunteer") or {}).get("notifications") or {}).get("edges")) == {"newcomer"}

    # 9. Export: everything about the newcomer, as one JSON document; nobody else may.
    exported = json.loads(j.ok("mutation { exportMyData }", {}, "newcomer")["exportMyData"])
    text = json.dumps(exported, ensure_ascii=False)
    assert "Nour" in text and "nour.saadi@mail.example.dz" in text and "Tri des dons" in text
    for who in set(j.principals) - {"newcomer"}:
        body = j.call("mutation { exportMyData }", {}, who)
        if who == "other volunteer":  # their own data, nothing of the newcomer's
            assert "Nour" not in body["data"]["exportMyData"] and me not in body["data"][
                "exportMyData"]
        else:
            assert code_of(body) == "FORBIDDEN", who

    # 10. Delete: the personal values go, the verified hours stay as anonymous statistics.
    assert j.ok("mutation { deleteMyAccount(confirm: true) }", {}, "newcomer")[
        "deleteMyAccount"] is True
    row = fetch(w.database.settings, select(m.Volunteer).where(
        m.Volunteer.email == "nour.saadi@mail.example.dz"))
    assert row == []
    kept = fetch(w.database.settings, select(m.HoursEntry.hours, m.HoursEntry.status).where(
        m.HoursEntry.application_id == int(fetch(w.database.settings, select(
            m.Application.id).where(m.Application.opportunity_id == j.roomy))[0][0])))
    assert [tuple(k) for k in kept] == [(3.0, "APPROVED")]
    # The erased record shows no name to anyone; the same person may register again.
    for who in j.principals:
        answer = j.call(VOLUNTEER, {"id": me}, who).get("data") or {}
        assert "Nour" not in json.dumps(answer, ensure_ascii=False), who
    again = j.ok(ME, {}, "newcomer")["viewer"]
    assert again["volunteer"] is None and again["canRegister"] is True
