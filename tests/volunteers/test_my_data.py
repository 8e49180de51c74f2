"""Your data is yours: exportMyData holds everything the hub keeps on the caller, and after
deleteMyAccount no table holds any of their personal values (every column of every table of
the metadata is scanned, so a table or column added later is scanned too). Both databases."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import or_, select, update

from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.db.types import utcnow
from hub.ids import decode_id, encode_id
from resolvers.certificates.codes import new_code
from resolvers.credentials.issue import issue
from tests.volunteers.conftest import Hub
from tests.volunteers.journey import (
    DELETE,
    EXPORT,
    JOIN,
    REGISTER,
    SAVE,
    SECOND_TENANT,
    TENANT,
    VIEWER,
    adult,
    error,
    register,
)


def run(hub: Hub, rows: list[Any]) -> None:
    """Rows written as the database's owner (what other domains' writes would leave)."""
    async def go() -> None:
        engine = make_engine(hub.database.settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session, session.begin():
                for row in rows:
                    if isinstance(row, m.Base):
                        session.add(row)
                        await session.flush()
                    else:
                        await session.execute(row)
        finally:
            await engine.dispose()

    asyncio.run(go())


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from strings(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from strings(v)


def scan(hub: Hub, needles: list[str], birth: date) -> list[tuple[str, str, Any]]:
    """Every (table, column, value) in the database holding one of `needles` (any case) or
    the date of birth."""
    found = []
    for table in m.Base.metadata.tables.values():
        for row in hub.fetch(select(table)):
            for column, value in zip(table.columns, row, strict=True):
                if isinstance(value, date) and value == birth:
                    found.append((table.name, column.name, value))
                for text in strings(value):
                    if any(n.lower() in text.lower() for n in needles):
                        found.append((table.name, column.name, value))
    return found


def a_person_with_a_history(hub: Hub) -> dict[str, Any]:
    """A minor registered with a guardian, member of two societies, with a saved
    opportunity, an accepted application with hours, a thread with the manager, a
    notification, audit events about them and an idempotency key."""
    tag = uuid.uuid4().hex[:6]
    p: dict[str, Any] = {
        "first": f"Zaynab{tag}", "last": f"Hadjvorel{tag}", "email": f"zh.{tag}@example.org",
        "phone": f"+213 6{int(tag, 16) % 10**8:08d}",
        "guardian": f"Mourad Guardian{tag}", "contact": f"mourad.{tag}@example.net",
        "message": f"Salam, is the shift{tag} at nine?", "subject_line": f"Timing{tag} question",
        "note": f"Private note{tag}", "staff_reply": f"Dear Zaynab{tag}, yes at nine.",
    }
    birth = date.today().replace(year=date.today().year - 16) - timedelta(
        days=1 + int(tag, 16) % 300)
    while hub.fetch(select(m.Volunteer.id).where(m.Volunteer.birth_date == birth)):
        birth -= timedelta(days=1)  # a day no other volunteer was born on: the scan's own
    p["birth"] = birth
    sub, headers = hub.person()
    p["sub"], p["headers"] = sub, headers
    answer = hub.client.data(REGISTER, {"input": adult(
        firstName=p["first"], lastName=p["last"], email=p["email"], phone=p["phone"],
        birthDate=birth.isoformat(), group="PUPIL",
        guardian={"name": p["guardian"], "contact": p["contact"]})}, headers)
    gid = answer["registerVolunteer"]["id"]
    vid = decode_id(gid)[1]
    p["gid"], p["vid"] = gid, vid
    hub.client.data(JOIN, {"input": {"tenant": SECOND_TENANT, "acceptTerms": True, "guardian": {
        "name": p["guardian"], "contact": p["contact"]}}}, headers)
    o = m.Opportunity
    ((opp_id, tenant_id, filled),) = hub.fetch(select(o.id, o.tenant_id, o.filled_spots).where(
        o.status == "PUBLISHED", o.visibility == "PUBLIC",
        or_(o.ends_at.is_(None), o.ends_at > utcnow())).order_by(o.id).limit(1))
    p["opportunity"], p["filled"] = opp_id, filled
    hub.client.data(SAVE, {"id": encode_id("Opportunity", opp_id)}, headers)
    application = m.Application(opportunity_id=opp_id, volunteer_id=vid, tenant_id=tenant_id,
                                status="ACCEPTED", decided_at=utcnow(),
                                decision_note=f"Welcome {p['first']}")
    run(hub, [application, update(o).where(o.id == opp_id).values(filled_spots=filled + 1)])
    (app_id,) = hub.fetch(select(m.Application.id).where(m.Application.volunteer_id == vid))[0]
    p["application"] = app_id
    # Someone waits for a place on the same opportunity, first in line.
    _, _, waiting = register(hub)
    p["waiting"] = decode_id(waiting["id"])[1]
    run(hub, [m.Application(opportunity_id=opp_id, volunteer_id=p["waiting"],
                            tenant_id=tenant_id, status="WAITLISTED",
                            applied_at=datetime(2000, 1, 1, tzinfo=UTC))])
    inquiry = m.Inquiry(opportunity_id=opp_id, volunteer_id=vid, tenant_id=tenant_id,
                        subject=p["subject_line"], status="ANSWERED")
    run(hub, [
        m.HoursEntry(application_id=app_id, volunteer_id=vid, tenant_id=tenant_id,
                     date=date(2026, 10, 3), hours=4.5, verified=True, status="APPROVED",
                     verified_at=utcnow(), note=p["note"], review_note=f"{p['first']} did well",
                     reviewed_by="tatawwu-dev|staff-dz-crescent-coordinator"),
        inquiry,
    ])
    (inquiry_id,) = hub.fetch(select(m.Inquiry.id).where(m.Inquiry.volunteer_id == vid))[0]
    run(hub, [
        m.InquiryMessage(inquiry_id=inquiry_id, volunteer_id=vid, tenant_id=tenant_id,
                         author="VOLUNTEER", author_subject=f"tatawwu-dev|{sub}",
                         body=p["message"]),
        m.InquiryMessage(inquiry_id=inquiry_id, volunteer_id=vid, tenant_id=tenant_id,
                         author="STAFF", author_subject="tatawwu-dev|staff-x",
                         body=p["staff_reply"]),
        m.Notification(volunteer_id=vid, tenant_id=tenant_id, kind="INQUIRY_REPLIED",
                       params={"inquiry": encode_id("Inquiry", inquiry_id),
                               "note": f"for {p['first']} {p['last']}"}, attempts=0),
        m.AuditEvent(request_id="test", principal_kind="STAFF", subject="tatawwu-dev|staff-x",
                     tenant_id=tenant_id, action="decide_application",
                     object_type="Application", object_id=encode_id("Application", app_id),
                     details={"volunteer": gid, "note": f"{p['first']} accepted"}),
        m.AuditEvent(request_id="test", principal_kind="STAFF", subject="tatawwu-dev|staff-y",
                     tenant_id=tenant_id, action="mention", object_type="Opportunity",
                     object_id=encode_id("Opportunity", opp_id),
                     details={"about": gid, "contact": p["email"]}),
        m.IdempotencyKey(subject=f"tatawwu-dev|{sub}", key="k-1", operation="applyToOpportunity",
                         fingerprint="0" * 64, result={"value": p["email"]}),
        m.Certificate(tenant_id=tenant_id, volunteer_id=vid, application_id=app_id,
                      code=new_code(), opportunity_id=opp_id, hours=4.5,
                      started_on=date(2026, 10, 3), completed_on=date(2026, 10, 3),
                      locale="ar", issued_at=utcnow()),
        m.BadgeAward(tenant_id=tenant_id, volunteer_id=vid, badge_code="bronze", hours=10.0),
    ])
    ((certificate, code),) = hub.fetch(select(m.Certificate.id, m.Certificate.code).where(
        m.Certificate.volunteer_id == vid))
    ((award,),) = hub.fetch(select(m.BadgeAward.id).where(m.BadgeAward.volunteer_id == vid))
    p["certificate_code"] = code
    p["credentials"] = credentials_for(hub, certificate, award)
    return p


def credentials_for(hub: Hub, certificate: int, award: int) -> list[int]:
    """The Open Badges credentials of a certificate and a badge award, as issuing makes
    them."""
    async def go() -> list[int]:
        engine = make_engine(hub.database.settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session, session.begin():
                return await issue(session, hub.database.settings.public_url,
                                   certificate_ids=[certificate], award_ids=[award])
        finally:
            await engine.dispose()

    made = asyncio.run(go())
    assert len(made) == 2
    return made


def needles(p: dict[str, Any]) -> list[str]:
    return [p["first"], p["last"], p["email"], p["phone"], p["guardian"], p["contact"],
            p["message"], p["subject_line"], p["note"], p["staff_reply"], p["sub"],
            p["birth"].isoformat()]


def test_export_holds_everything_about_the_caller(hub: Hub) -> None:
    p = a_person_with_a_history(hub)
    hub.client.counter.statements.clear()
    text = hub.client.data(EXPORT, headers=p["headers"])["exportMyData"]
    statements = hub.client.counter.count
    doc = json.loads(text)
    assert doc["format"] == "tatawwu-hub/my-data/1" and doc["truncated"] == []
    v = doc["volunteer"]
    assert (v["id"], v["firstName"], v["lastName"], v["email"], v["phone"], v["birthDate"]) == (
        p["gid"], p["first"], p["last"], p["email"], p["phone"], p["birth"].isoformat())
    assert doc["skills"] == ["FIRST_AID_CERTIFIED"]
    assert sorted(mb["tenant"] for mb in doc["memberships"]) == sorted([TENANT, SECOND_TENANT])
    guardians = [c for c in doc["consents"] if c["kind"] == "GUARDIAN"]
    assert len(guardians) == 2 and guardians[0]["guardianName"] == p["guardian"]
    assert {c["version"] for c in doc["consents"] if c["kind"] == "TERMS"} == {"1"}
    (application,) = doc["applications"]
    assert application["status"] == "ACCEPTED"
    assert application["decisionNote"] == f"Welcome {p['first']}"
    (hours,) = doc["hours"]
    assert (hours["hours"], hours["note"], hours["status"]) == (4.5, p["note"], "APPROVED")
    assert doc["savedOpportunities"][0]["opportunity"] == encode_id("Opportunity",
                                                                      p["opportunity"])
    (thread,) = doc["inquiries"]
    assert thread["subject"] == p["subject_line"]
    assert [(x["author"], x["body"]) for x in thread["messages"]] == [
        ("VOLUNTEER", p["message"]), ("STAFF", p["staff_reply"])]
    assert doc["notifications"][0]["params"]["note"] == f"for {p['first']} {p['last']}"
    (certificate,) = doc["certificates"]
    assert (certificate["code"], certificate["hours"]) == (p["certificate_code"], 4.5)
    assert [b["badge"] for b in doc["badges"]] == ["bronze"]
    assert sorted(c["kind"] for c in doc["credentials"]) == ["BADGE", "CERTIFICATE"]
    assert all(c["token"].count(".") == 2 for c in doc["credentials"]), "the VC-JWTs"
    actions = {(e["action"], e["byYou"]) for e in doc["auditEvents"]}
    assert {("register_volunteer", True), ("join_tenant", True), ("save_opportunity", True),
            ("decide_application", False), ("mention", False)} <= actions
    assert "staff-x" not in text, "other people's identifiers are not exported"
    # One statement per table, whatever the volume: a new volunteer with nothing but a
    # registration costs the same.
    _, headers, _ = register(hub)
    hub.client.counter.statements.clear()
    hub.client.data(EXPORT, headers=headers)
    assert hub.client.counter.count == statements
    # auth (2), the volunteer; in the transaction the profile's 13 lists (badges,
    # certificates, credentials and presented recognition among them) and the audit
    # trail, the events by the caller, the export's own event; PostgreSQL: the prelude and
    # the role switches around the audit trail's reads.
    assert statements == (19 if hub.client.backend == "sqlite" else 22), \
        hub.client.counter.statements
    exported = hub.fetch(select(m.AuditEvent).where(m.AuditEvent.action == "export_my_data",
                                                    m.AuditEvent.object_id == p["gid"]))
    assert len(exported) == 1
    _, stranger = hub.person()
    for headers in ({}, stranger, hub.staff(TENANT), hub.federation()):
        assert error(hub.client.post(EXPORT, headers=headers))["extensions"]["code"] == \
            "FORBIDDEN"


def test_deleting_ones_account_leaves_no_personal_value_in_any_table(hub: Hub) -> None:
    p = a_person_with_a_history(hub)
    vid = p["vid"]
    assert len(scan(hub, needles(p), p["birth"])) > 10, "the scan finds what is there"
    a = m.Application
    ((first_in_line, first_volunteer),) = hub.fetch(select(a.id, a.volunteer_id).where(
        a.opportunity_id == p["opportunity"], a.status == "WAITLISTED")
        .order_by(a.applied_at, a.id).limit(1))
    unconfirmed = error(hub.client.post(DELETE, {"c": False}, p["headers"]))
    assert unconfirmed["extensions"] == {"code": "BAD_USER_INPUT", "argument": "confirm"}
    for headers in ({}, hub.staff(TENANT), hub.federation()):
        assert error(hub.client.post(DELETE, {"c": True}, headers))["extensions"]["code"] == \
            "FORBIDDEN"
    # With a retry key: the key row (under the caller's subject) is erased too.
    retried = {**p["headers"], "Idempotency-Key": f"erase-{p['sub']}"}
    assert hub.client.data(DELETE, {"c": True}, retried) == {"deleteMyAccount": True}
    assert scan(hub, needles(p), p["birth"]) == []
    # What stays, as anonymous statistics.
    (row,) = hub.fetch(select(m.Volunteer).where(m.Volunteer.id == vid))
    assert row.erased_at is not None and row.subject is None and row.first_name == ""
    assert (row.email, row.phone, row.birth_date, row.birth_year, row.city) == (None,) * 5
    (hours,) = hub.fetch(select(m.HoursEntry).where(m.HoursEntry.volunteer_id == vid))
    assert (hours.hours, hours.verified, hours.note) == (4.5, True, None)
    (application,) = hub.fetch(select(m.Application).where(m.Application.volunteer_id == vid))
    assert application.status == "WITHDRAWN"
    ((moved_up,),) = hub.fetch(select(a.status).where(a.id == first_in_line))
    assert moved_up == "ACCEPTED", "the place went to the first one waiting"
    ((filled,),) = hub.fetch(select(m.Opportunity.filled_spots).where(
        m.Opportunity.id == p["opportunity"]))
    assert filled == p["filled"] + 1, "the erased volunteer's place, now the other's"
    assert ("WAITLIST_PROMOTED",) in hub.fetch(select(m.Notification.kind).where(
        m.Notification.volunteer_id == first_volunteer))
    assert hub.fetch(select(m.Consent.kind).where(m.Consent.volunteer_id == vid))
    for model in (m.Membership, m.SavedOpportunity, m.VolunteerSkill, m.Notification):
        assert hub.fetch(select(model).where(model.volunteer_id == vid)) == []
    # Recognition stops being valid: certificates and badges revoked, their credentials too
    # (status bits set), no token kept.
    for model in (m.Certificate, m.BadgeAward):
        assert all(r.revoked_at is not None
                   for r in hub.fetch(select(model).where(model.volunteer_id == vid)))
    credentials = hub.fetch(select(m.Credential).where(m.Credential.volunteer_id == vid))
    assert len(credentials) == 2
    assert all(c.revoked_at is not None and c.token == "" for c in credentials)
    verified = hub.client.data('query($c: String!) { verifyCertificate(code: $c) { valid } }',
                               {"c": p["certificate_code"]})
    assert verified == {"verifyCertificate": {"valid": False}}
    (event,) = hub.fetch(select(m.AuditEvent).where(m.AuditEvent.action == "delete_my_account",
                                                    m.AuditEvent.object_id == p["gid"]))
    assert event.subject is None and event.details == {"withdrawn": 1, "places_freed": 1}
    # The identity is free again: the same person registers anew, as a new volunteer.
    viewer = hub.client.data(VIEWER, headers=p["headers"])["viewer"]
    assert viewer["canRegister"] is True and viewer["volunteer"] is None
    again = hub.client.data(REGISTER, {"input": adult()}, p["headers"])["registerVolunteer"]
    assert decode_id(again["id"])[1] != vid
    # A sign-in that still names the erased volunteer's id can do nothing more.
    old = hub.volunteer(vid)
    assert error(hub.client.post(EXPORT, headers=old))["extensions"]["code"] == "FORBIDDEN"
    assert error(hub.client.post(DELETE, {"c": True}, old))["extensions"]["code"] == \
        "FORBIDDEN"
