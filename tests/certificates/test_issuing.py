"""Certificates issued on completion (with verified hours only), on demand by staff,
replaced when the hours change, revoked; who may do each; on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from datetime import timedelta

from hub.db import models as m
from hub.ids import encode_id
from tests.applications.world import OTHER_TENANT, TENANT, World, code_of
from tests.certificates.flow import (
    ISSUE,
    REVOKE,
    TITLES,
    VERIFY_CODE,
    certificates,
    complete,
    serve,
    today,
    verify,
    volunteer,
)

CODE = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){6}$")


def test_completion_with_verified_hours_issues_one_certificate(world: World) -> None:
    vid = volunteer(world, TENANT, first="Amina", last="Benali", locale="fr")
    service = serve(world, TENANT, vid, ((5, 3), (2, 2.5), (1, 4)))
    verify(world, service, service.entries[:2])  # the last entry stays pending
    complete(world, service)
    [row] = certificates(world, vid)
    assert CODE.match(row.code), row.code
    assert row.hours == 5.5  # verified hours only
    assert row.started_on == today() - timedelta(days=5)
    assert row.completed_on == today()
    assert row.locale == "fr"  # the volunteer's language
    assert row.tenant_id == world.tenants[TENANT]
    assert row.revoked_at is None and row.issued_by.endswith(f"|staff-{TENANT}-admin")
    # Asked again by staff: the same certificate, nothing new.
    again = world.ok(ISSUE, {"a": service.application}, world.staff("coordinator"))
    certificate = again["issueCertificate"]
    assert certificate["id"] == encode_id("Certificate", row.id)
    assert certificate["code"] == row.code and certificate["hours"] == 5.5
    assert certificate["volunteerName"] == "Amina Benali"
    assert certificate["opportunityTitle"] == TITLES["en"]  # the caller's language
    assert certificate["hoursDisplay"] == "5.5 hours"
    assert certificate["tenant"] == {"slug": TENANT}
    assert certificate["pdfUrl"] == f"http://127.0.0.1:8000/certificates/{row.code}.pdf"
    assert certificate["verificationUrl"] == f"http://127.0.0.1:8000/certificates/{row.code}"
    assert len(certificates(world, vid)) == 1
    assert world.count(m.AuditEvent, m.AuditEvent.action == "issue_certificate",
                       m.AuditEvent.object_id == certificate["id"]) == 2


def test_no_verified_hours_no_certificate_until_staff_issue_it(world: World) -> None:
    vid = volunteer(world, TENANT)
    service = serve(world, TENANT, vid, ((3, 2), (2, 3)))
    complete(world, service)
    assert certificates(world, vid) == []
    refused = world.call(ISSUE, {"a": service.application}, world.staff("admin"))
    assert code_of(refused) == "CONFLICT"
    assert refused["errors"][0]["message"].startswith("This application has no verified hours")
    # Hours verified after the completion: staff issue the certificate then.
    verify(world, service, service.entries[:1])
    first = world.ok(ISSUE, {"a": service.application}, world.staff("admin"))["issueCertificate"]
    assert first["hours"] == 2
    # More hours verified later: issuing again replaces it (new code); the old one is revoked.
    verify(world, service, service.entries[1:])
    second = world.ok(ISSUE, {"a": service.application},
                      world.staff("coordinator"))["issueCertificate"]
    assert second["hours"] == 5 and second["code"] != first["code"]
    old, new = certificates(world, vid)
    assert old.revoked_at is not None and old.application_id is None
    assert new.revoked_at is None and new.hours == 5
    assert not world.ok(VERIFY_CODE, {"code": first["code"]}, {})["verifyCertificate"]["valid"]
    assert world.ok(VERIFY_CODE, {"code": second["code"]}, {})["verifyCertificate"]["valid"]


def test_who_may_issue_and_revoke(world: World) -> None:
    vid = volunteer(world, TENANT)
    service = serve(world, TENANT, vid, ((1, 2),))
    verify(world, service)
    issue = {"a": service.application}
    # Not completed yet: nothing to certify.
    assert code_of(world.call(ISSUE, issue, world.staff("admin"))) == "CONFLICT"
    complete(world, service)
    [row] = certificates(world, vid)
    for who, code in ((world.volunteer(vid), "FORBIDDEN"), (world.staff("editor"), "FORBIDDEN"),
                      (world.staff("viewer"), "FORBIDDEN"), ({}, "FORBIDDEN"),
                      (world.staff("admin", OTHER_TENANT), "NOT_FOUND")):
        assert code_of(world.call(ISSUE, issue, who)) == code, who
    bad = world.call(ISSUE, {"a": "not-an-id"}, world.staff("admin"))
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert bad["errors"][0]["extensions"]["argument"] == "application"
    revoke = {"c": encode_id("Certificate", row.id)}
    for who, code in ((world.volunteer(vid), "FORBIDDEN"), (world.staff("viewer"), "FORBIDDEN"),
                      (world.staff("admin", OTHER_TENANT), "NOT_FOUND")):
        assert code_of(world.call(REVOKE, revoke, who)) == code, who
    assert world.ok(VERIFY_CODE, {"code": row.code}, {})["verifyCertificate"]["valid"]
    revoked = world.ok(REVOKE, revoke, world.staff("coordinator"))["revokeCertificate"]
    assert revoked["revokedAt"] is not None
    assert code_of(world.call(REVOKE, revoke, world.staff("admin"))) == "CONFLICT"
    assert world.ok(VERIFY_CODE, {"code": row.code}, {})["verifyCertificate"] == {
        "valid": False, "volunteerName": None, "hours": None, "issuedAt": None,
        "startedOn": None, "completedOn": None, "tenant": None}
    # Issued again after a revocation: a new certificate.
    again = world.ok(ISSUE, issue, world.staff("admin"))["issueCertificate"]
    assert again["code"] != row.code and again["revokedAt"] is None
    assert len(certificates(world, vid)) == 2


def test_verification_shows_only_what_a_stranger_may_see(world: World) -> None:
    vid = volunteer(world, TENANT, first="Yacine", last="Bouzid",
                    email="yacine.bouzid@mail.example.dz")
    service = serve(world, TENANT, vid, ((4, 4), (3, 2)))
    verify(world, service)
    complete(world, service)
    [row] = certificates(world, vid)
    body = world.client.post(VERIFY_CODE, {"code": row.code}, {})
    assert body["data"]["verifyCertificate"] == {
        "valid": True, "volunteerName": "Yacine B.", "hours": 6.0,
        "issuedAt": row.issued_at.isoformat(), "startedOn": row.started_on.isoformat(),
        "completedOn": row.completed_on.isoformat(), "tenant": {"slug": TENANT}}
    text = str(body)
    assert "Bouzid" not in text and "mail.example" not in text and TITLES["en"] not in text
    # A code typed by a person: lower case, spaces, 0 for O.
    typed = row.code.lower().replace("-", " ").replace("o", "0")
    assert world.ok(VERIFY_CODE, {"code": typed}, {})["verifyCertificate"]["valid"]
    other = ("B" if row.code[0] != "B" else "C") + row.code[1:]
    for unknown in ("", "ABCD", "A" * 28, "x" * 5000, other):
        found = world.ok(VERIFY_CODE, {"code": unknown}, {})["verifyCertificate"]
        assert found == {"valid": False, "volunteerName": None, "hours": None,
                         "issuedAt": None, "startedOn": None, "completedOn": None,
                         "tenant": None}, unknown
