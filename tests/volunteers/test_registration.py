"""registerVolunteer, joinTenant and updateMyProfile on both databases (PostgreSQL with its
row security: a person registering has no volunteer id the volunteer table would accept)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from hub.db import models as m
from hub.ids import decode_id
from tests.volunteers.conftest import Hub
from tests.volunteers.journey import (
    JOIN,
    REGISTER,
    SECOND_TENANT,
    TENANT,
    UPDATE,
    VIEWER,
    adult,
    error,
    register,
)


def volunteer_rows(hub: Hub, sub: str) -> list[Any]:
    return hub.fetch(select(m.Volunteer).where(m.Volunteer.subject == f"tatawwu-dev|{sub}"))


def consents(hub: Hub, vid: int) -> list[Any]:
    return hub.fetch(select(m.Consent).where(m.Consent.volunteer_id == vid)
                     .order_by(m.Consent.id))


def minor_birth_date(years: int = 15) -> str:
    today = date.today()
    return today.replace(year=today.year - years).isoformat()


def test_a_person_registers_and_reads_their_own_record_in_the_answer(hub: Hub) -> None:
    sub, headers = hub.person()
    before = hub.client.data(VIEWER, headers=headers)["viewer"]
    assert before == {"kind": "VOLUNTEER", "canRegister": True, "volunteer": None}
    hub.client.counter.statements.clear()
    answer = hub.client.data(REGISTER, {"input": adult()}, headers)["registerVolunteer"]
    statements = hub.client.counter.count
    assert answer["fullName"] == "Amina Kaddour" and answer["displayName"] == "Amina K."
    assert answer["email"] == "amina@example.org" and answer["phone"] == "+213 555 12 34 56"
    assert answer["birthDate"] == "1998-04-12" and answer["birthYear"] == 1998
    assert answer["group"] == "UNIVERSITY_STUDENT" and answer["city"] == "Oran"
    assert answer["languages"] == ["ar", "fr"] and answer["locale"] == "fr"
    assert answer["skills"] == [{"code": "FIRST_AID_CERTIFIED"}]
    assert answer["memberships"] == [{"tenant": {"slug": TENANT}, "status": "ACTIVE"}]
    assert answer["sharesWithNetwork"] is False
    # authentication (1 read: no volunteer yet), the skill lookup, then in the transaction
    # the volunteer, its membership, skill and consent, the audit event; the answer reads
    # the skill's label from the loader already holding it. PostgreSQL adds the request's
    # row-security prelude and the two role switches around the hub's own insert.
    expected = 7 if hub.client.backend == "sqlite" else 10
    assert statements == expected, hub.client.counter.statements
    (row,) = volunteer_rows(hub, sub)
    assert decode_id(answer["id"]) == ("Volunteer", row.id)
    assert row.birth_date == date(1998, 4, 12) and row.erased_at is None
    (terms,) = consents(hub, row.id)
    assert (terms.kind, terms.version, terms.guardian_name) == ("TERMS", "1", None)
    assert terms.given_at is not None
    events = hub.fetch(select(m.AuditEvent).where(m.AuditEvent.action == "register_volunteer",
                                                  m.AuditEvent.object_id == answer["id"]))
    assert len(events) == 1 and events[0].principal_kind == "VOLUNTEER"
    # The next request is signed in as the volunteer.
    after = hub.client.data(VIEWER, headers=headers)["viewer"]
    assert after["canRegister"] is False
    assert after["volunteer"] == {"id": answer["id"], "fullName": "Amina Kaddour",
                                  "email": "amina@example.org"}
    # Registering again is a conflict, and changes nothing.
    again = error(hub.client.post(REGISTER, {"input": adult(firstName="Other")}, headers))
    assert again["extensions"]["code"] == "CONFLICT"
    assert again["message"] == "You are already registered as a volunteer."
    assert len(volunteer_rows(hub, sub)) == 1


def test_a_minor_registers_only_with_a_guardians_consent(hub: Hub) -> None:
    sub, headers = hub.person()
    young = adult(birthDate=minor_birth_date(), group="PUPIL")
    refused = error(hub.client.post(REGISTER, {"input": young}, headers))
    assert refused["extensions"] == {"code": "BAD_USER_INPUT", "argument": "input.guardian"}
    assert "under 18 years old needs the consent of a parent or guardian" in refused["message"]
    assert volunteer_rows(hub, sub) == []
    french = hub.client.post(REGISTER, {"input": young}, {**headers, "Accept-Language": "fr"})
    assert french["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    guardian = {"name": "Karima Kaddour", "contact": "+213 555 98 76 54"}
    answer = hub.client.data(REGISTER, {"input": {**young, "guardian": guardian}},
                             headers)["registerVolunteer"]
    (row,) = volunteer_rows(hub, sub)
    assert decode_id(answer["id"])[1] == row.id
    kinds = {c.kind: c for c in consents(hub, row.id)}
    assert set(kinds) == {"TERMS", "GUARDIAN"}
    assert (kinds["GUARDIAN"].guardian_name, kinds["GUARDIAN"].guardian_contact) == (
        "Karima Kaddour", "+213 555 98 76 54")
    # An adult's guardian is not stored: no data without a purpose.
    sub2, headers2 = hub.person()
    hub.client.data(REGISTER, {"input": adult(guardian=guardian)}, headers2)
    (row2,) = volunteer_rows(hub, sub2)
    assert [c.kind for c in consents(hub, row2.id)] == ["TERMS"]


@pytest.mark.parametrize("who", ["anonymous", "staff", "federation"])
def test_only_signed_in_people_without_a_record_register(hub: Hub, who: str) -> None:
    headers = {"anonymous": {}, "staff": hub.staff(TENANT),
               "federation": hub.federation()}[who]
    refused = error(hub.client.post(REGISTER, {"input": adult()}, headers))
    assert refused["extensions"]["code"] == "FORBIDDEN"
    assert hub.fetch(select(m.AuditEvent).where(
        m.AuditEvent.action == "register_volunteer", m.AuditEvent.subject.like("%staff%"))) == []


@pytest.mark.parametrize(("change", "argument", "code"), [
    ({"firstName": "  "}, "input.firstName", "BAD_USER_INPUT"),
    ({"lastName": "x" * 101}, "input.lastName", "BAD_USER_INPUT"),
    ({"email": "not-an-address"}, "input.email", "BAD_USER_INPUT"),
    ({"email": "a@b"}, "input.email", "BAD_USER_INPUT"),
    ({"phone": "call me maybe"}, "input.phone", "BAD_USER_INPUT"),
    ({"phone": "12"}, "input.phone", "BAD_USER_INPUT"),
    ({"birthDate": (date.today() + timedelta(days=1)).isoformat()}, "input.birthDate",
     "BAD_USER_INPUT"),
    ({"birthDate": "1890-01-01"}, "input.birthDate", "BAD_USER_INPUT"),
    ({"languages": ["ar", "zz-not-a-tag"]}, "input.languages", "BAD_USER_INPUT"),
    ({"skills": ["NO_SUCH_SKILL"]}, "input.skills", "BAD_USER_INPUT"),
    ({"city": "c" * 101}, "input.city", "BAD_USER_INPUT"),
    ({"locale": "de"}, "input.locale", "BAD_USER_INPUT"),
    ({"tenant": "atlantis"}, "input.tenant", "BAD_USER_INPUT"),
    ({"acceptTerms": False}, "input.acceptTerms", "BAD_USER_INPUT"),
    ({"termsVersion": "0"}, "input.termsVersion", "CONFLICT"),
])
def test_registration_input_is_checked_before_anything_is_written(
        hub: Hub, change: dict[str, Any], argument: str, code: str) -> None:
    sub, headers = hub.person()
    refused = error(hub.client.post(REGISTER, {"input": adult(**change)}, headers))
    assert refused["extensions"]["code"] == code, refused
    assert refused["extensions"]["argument"] == argument
    assert volunteer_rows(hub, sub) == []


def test_registration_accepts_the_current_terms_version_and_cleans_input(hub: Hub) -> None:
    _, _, answer = register(hub, termsVersion="1", email="Someone@EXAMPLE.Org",
                              firstName="  Nour   El Houda ", languages=["AR", "ar-dz", "ar"])
    assert answer["email"] == "Someone@example.org"
    assert answer["fullName"] == "Nour El Houda Kaddour"
    assert answer["languages"] == ["ar", "ar-DZ"]


def test_a_volunteer_joins_a_second_society(hub: Hub) -> None:
    _, headers, answer = register(hub)
    vid = decode_id(answer["id"])[1]
    joined = hub.client.data(JOIN, {"input": {"tenant": SECOND_TENANT, "acceptTerms": True}},
                             headers)["joinTenant"]
    assert sorted(mb["tenant"]["slug"] for mb in joined["memberships"]) == sorted(
        [TENANT, SECOND_TENANT])
    assert [(c.kind, c.version) for c in consents(hub, vid)] == [("TERMS", "1")] * 2
    twice = error(hub.client.post(JOIN, {"input": {"tenant": SECOND_TENANT,
                                                   "acceptTerms": True}}, headers))
    assert twice["extensions"]["code"] == "CONFLICT"
    no_terms = error(hub.client.post(JOIN, {"input": {"tenant": "eg-crescent",
                                                      "acceptTerms": False}}, headers))
    assert no_terms["extensions"]["code"] == "BAD_USER_INPUT"
    _, stranger = hub.person()
    refused = error(hub.client.post(JOIN, {"input": {"tenant": TENANT, "acceptTerms": True}},
                                    stranger))
    assert refused["extensions"]["code"] == "FORBIDDEN"


def test_a_minor_joins_another_society_with_a_guardians_consent(hub: Hub) -> None:
    guardian = {"name": "Samir Belkacem", "contact": "samir@example.org"}
    _, headers, answer = register(hub, birthDate=minor_birth_date(16), guardian=guardian)
    vid = decode_id(answer["id"])[1]
    join = {"tenant": SECOND_TENANT, "acceptTerms": True}
    refused = error(hub.client.post(JOIN, {"input": join}, headers))
    assert refused["extensions"] == {"code": "BAD_USER_INPUT", "argument": "input.guardian"}
    hub.client.data(JOIN, {"input": {**join, "guardian": guardian}}, headers)
    assert sorted(c.kind for c in consents(hub, vid)) == ["GUARDIAN", "GUARDIAN", "TERMS",
                                                          "TERMS"]


def test_a_volunteer_updates_their_profile(hub: Hub) -> None:
    _, headers, answer = register(hub)
    vid = decode_id(answer["id"])[1]
    changed = hub.client.data(UPDATE, {"input": {
        "email": "new@example.org", "phone": None, "city": "Sétif",
        "skills": ["TRANSLATION_AR_FR", "GRAPHIC_DESIGN"], "languages": ["fr"],
    }}, headers)["updateMyProfile"]
    assert changed["email"] == "new@example.org" and changed["phone"] is None
    assert changed["city"] == "Sétif" and changed["languages"] == ["fr"]
    assert changed["fullName"] == "Amina Kaddour" and changed["locale"] == "fr"
    assert [s["code"] for s in changed["skills"]] == ["GRAPHIC_DESIGN", "TRANSLATION_AR_FR"]
    for bad, argument in (({}, "input"), ({"firstName": None}, "input.firstName"),
                          ({"birthDate": None}, "input.birthDate"),
                          ({"email": "nope"}, "input.email")):
        refused = error(hub.client.post(UPDATE, {"input": bad}, headers))
        assert refused["extensions"] == {"code": "BAD_USER_INPUT", "argument": argument}
    # Becoming a minor (a corrected birth date) needs a guardian's consent.
    young = {"birthDate": minor_birth_date(14)}
    refused = error(hub.client.post(UPDATE, {"input": young}, headers))
    assert refused["extensions"]["argument"] == "input.guardian"
    guardian = {"name": "Leila Kaddour", "contact": "leila@example.org"}
    hub.client.data(UPDATE, {"input": {**young, "guardian": guardian}}, headers)
    assert sorted(c.kind for c in consents(hub, vid)) == ["GUARDIAN", "TERMS"]
    events = hub.fetch(select(m.AuditEvent.details).where(
        m.AuditEvent.action == "update_my_profile", m.AuditEvent.object_id == answer["id"]))
    assert [e.details["fields"] for e in events] == [
        ["city", "email", "languages", "phone", "skills"], ["birth_date"]]
    _, stranger = hub.person()
    assert error(hub.client.post(UPDATE, {"input": {"city": "x"}}, stranger))[
        "extensions"]["code"] == "FORBIDDEN"


def test_a_retried_registration_registers_once(hub: Hub) -> None:
    sub, headers = hub.person()
    keyed = {**headers, "Idempotency-Key": f"register-{sub}"}
    first = hub.client.data(REGISTER, {"input": adult()}, keyed)["registerVolunteer"]
    again = hub.client.data(REGISTER, {"input": adult()}, keyed)["registerVolunteer"]
    assert again["id"] == first["id"] and again["fullName"] == "Amina Kaddour"
    assert len(volunteer_rows(hub, sub)) == 1
