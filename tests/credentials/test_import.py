"""Recognition carried to a second society, end to end through the API: the volunteer
downloads their credentials (`myCredentials`), presents them to another society they
belong to with consent (`presentCredentials`), that society's staff see them on the
volunteer's profile (`Volunteer.recognizedElsewhere`), nobody else does, and the volunteer
takes them back (`withdrawRecognition`). Both backends."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select, update

from hub.db import models as m
from hub.ids import encode_id
from resolvers.credentials import messages as msg
from tests.applications.world import World, code_of
from tests.credentials.conftest import (
    ISSUER,
    RECEIVER,
    THIRD,
    as_owner,
    badge_award,
    certificate,
    issue,
    new_holder,
    revoke,
    tampered,
)
from tests.dbtools import fetch
from tests.principals import client_key

MINE = """{ myCredentials { credentialId kind name token revoked validFrom issuer { slug } } }"""
PRESENT = """mutation($input: PresentCredentialsInput!) { presentCredentials(input: $input) {
  credentialId kind name hours hoursDisplay issuer { slug } issuerName badgeCode validFrom
  consentedAt importedAt } }"""
SEEN = """query($id: ID!) { volunteer(id: $id) { recognizedElsewhere {
  credentialId kind name description criteria hours issuer { slug } badgeCode } } }"""
WITHDRAW = """mutation($input: WithdrawRecognitionInput!) { withdrawRecognition(input: $input) }"""


def present(world: World, volunteer: int, tokens: list[str], *, tenant: str = RECEIVER,
            consent: bool = True, headers: dict[str, str] | None = None) -> dict[str, Any]:
    return world.call(PRESENT, {"input": {"tenant": tenant, "credentials": tokens,
                                          "consent": consent}},
                      headers if headers is not None else world.volunteer(volunteer))


def imports(world: World, volunteer: int) -> int:
    return world.count(m.RecognitionImport, m.RecognitionImport.volunteer_id == volunteer)


def seen(world: World, volunteer: int, headers: dict[str, str]) -> dict[str, Any]:
    return world.call(SEEN, {"id": encode_id("Volunteer", volunteer)}, headers)


def two_societies(world: World) -> tuple[int, list[str]]:
    """A volunteer of A and B with a certificate and a badge from A, and their tokens as
    they download them."""
    volunteer = new_holder(world, ISSUER, RECEIVER)
    issue(world, certificates=[certificate(world, volunteer)],
          awards=[badge_award(world, volunteer, code="bronze")])
    mine = world.ok(MINE, {}, world.volunteer(volunteer))["myCredentials"]
    assert sorted(c["kind"] for c in mine) == ["BADGE", "CERTIFICATE"]
    assert all(c["issuer"]["slug"] == ISSUER and not c["revoked"] for c in mine)
    return volunteer, [c["token"] for c in mine]


def test_a_volunteer_carries_recognition_to_a_second_society(hub: World) -> None:
    volunteer, tokens = two_societies(hub)
    # Without consent: refused, nothing stored.
    body = present(hub, volunteer, tokens, consent=False)
    assert code_of(body) == "BAD_USER_INPUT"
    assert body["errors"][0]["extensions"]["argument"] == "input.consent"
    assert imports(hub, volunteer) == 0
    shown = hub.ok(PRESENT, {"input": {"tenant": RECEIVER, "credentials": tokens,
                                       "consent": True}},
                   hub.volunteer(volunteer))["presentCredentials"]
    assert sorted(r["kind"] for r in shown) == ["BADGE", "CERTIFICATE"]
    badge = next(r for r in shown if r["kind"] == "BADGE")
    assert badge["issuer"]["slug"] == ISSUER and badge["badgeCode"] == "bronze"
    assert badge["name"] == "Bronze badge" and badge["hours"] == 14.0
    assert badge["consentedAt"] and badge["validFrom"]
    # Presenting again is idempotent.
    again = hub.ok(PRESENT, {"input": {"tenant": RECEIVER, "credentials": tokens[::-1],
                                       "consent": True}},
                   hub.volunteer(volunteer))["presentCredentials"]
    assert {r["credentialId"] for r in again} == {r["credentialId"] for r in shown}
    assert imports(hub, volunteer) == 2
    # The receiving society's staff see them, in their language where the badge has one.
    for role in ("admin", "coordinator", "editor", "viewer"):
        body = seen(hub, volunteer, hub.staff(role, RECEIVER))
        assert "errors" not in body, body
        found = body["data"]["volunteer"]["recognizedElsewhere"]
        assert sorted(r["kind"] for r in found) == ["BADGE", "CERTIFICATE"], role
    arabic = {**hub.staff("viewer", RECEIVER), "Accept-Language": "ar"}
    names = {r["kind"]: r["name"] for r in seen(hub, volunteer, arabic)[
        "data"]["volunteer"]["recognizedElsewhere"]}
    assert names["BADGE"] == "الشارة البرونزية"
    # The volunteer sees their own.
    mine = seen(hub, volunteer, hub.volunteer(volunteer))["data"]["volunteer"]
    assert len(mine["recognizedElsewhere"]) == 2
    # The issuing society's staff reach the volunteer (a member) but not what was
    # presented elsewhere.
    issuer_view = seen(hub, volunteer, hub.staff("admin", ISSUER))
    assert issuer_view["data"]["volunteer"]["recognizedElsewhere"] == []
    # Withdrawn, one named credential, then the rest: gone for the receiving society.
    one = hub.ok(WITHDRAW, {"input": {"tenant": RECEIVER,
                                      "credentialIds": [badge["credentialId"]]}},
                 hub.volunteer(volunteer))
    assert one["withdrawRecognition"] == 1
    left = seen(hub, volunteer, hub.staff("admin", RECEIVER))["data"]["volunteer"]
    assert [r["kind"] for r in left["recognizedElsewhere"]] == ["CERTIFICATE"]
    withdrawn = hub.ok(WITHDRAW, {"input": {"tenant": RECEIVER}}, hub.volunteer(volunteer))
    assert withdrawn["withdrawRecognition"] == 1
    assert seen(hub, volunteer, hub.staff("admin", RECEIVER))[
        "data"]["volunteer"]["recognizedElsewhere"] == []
    assert imports(hub, volunteer) == 0


def test_nobody_else_sees_imported_recognition(hub: World) -> None:
    volunteer, tokens = two_societies(hub)
    hub.ok(PRESENT, {"input": {"tenant": RECEIVER, "credentials": tokens, "consent": True}},
           hub.volunteer(volunteer))
    other = new_holder(hub, RECEIVER)
    analyst = hub.bearer(subject="analyst", tenant=None, roles=[], volunteer_id=None,
                         federation=True)
    client = {"X-Api-Key": client_key(hub.database)}
    for who, headers in (("anonymous", {}), ("other volunteer", hub.volunteer(other)),
                         ("third society", hub.staff("admin", THIRD)),
                         ("federation", analyst), ("client", client)):
        body = seen(hub, volunteer, headers)
        assert (body.get("data") or {}).get("volunteer") is None, who
    # Shared with the network: staff of a third society reach the volunteer, never this.
    fetch(hub.database.settings, update(m.Volunteer).where(m.Volunteer.id == volunteer)
          .values(shares_with_network=True))
    body = seen(hub, volunteer, hub.staff("admin", THIRD))
    assert body["data"]["volunteer"]["recognizedElsewhere"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    assert body["errors"][0]["path"] == ["volunteer", "recognizedElsewhere"]
    # Their own credentials are the holder's alone.
    assert hub.ok(MINE, {}, hub.volunteer(other))["myCredentials"] == []
    for headers in ({}, hub.staff("admin", ISSUER), analyst):
        denied = hub.call(MINE, {}, headers)
        assert denied["data"]["myCredentials"] is None
        assert code_of(denied) == "FORBIDDEN"


def test_what_cannot_be_presented_is_refused_and_nothing_is_kept(hub: World) -> None:
    volunteer, tokens = two_societies(hub)
    someone = new_holder(hub, RECEIVER)
    cert = certificate(hub, volunteer)
    revoked = issue(hub, certificates=[cert])[0].token
    revoke(hub, certificates=[cert])

    def refused(body: dict[str, Any], code: str, argument: str | None,
                message: str | None = None) -> None:
        assert code_of(body) == code, body
        error = body["errors"][0]
        assert error["extensions"].get("argument") == argument
        if message is not None:
            assert error["message"] == message

    refused(present(hub, someone, tokens[:1]), "BAD_USER_INPUT", "input.credentials[0]",
            msg.NOT_YOURS)
    refused(present(hub, volunteer, tokens, tenant=ISSUER), "BAD_USER_INPUT",
            "input.credentials[0]", msg.OWN_SOCIETY)
    refused(present(hub, volunteer, tokens, tenant=THIRD), "FORBIDDEN", "input.tenant")
    refused(present(hub, volunteer, tokens, tenant="nowhere"), "BAD_USER_INPUT", "input.tenant")
    refused(present(hub, volunteer, [tokens[0], revoked]), "BAD_USER_INPUT",
            "input.credentials[1]", msg.REVOKED)
    forged = tampered(tokens[0], lambda c: c["credentialSubject"].update(creditsEarned=999))
    refused(present(hub, volunteer, [forged]), "BAD_USER_INPUT", "input.credentials[0]",
            msg.SIGNATURE)
    elsewhere = tampered(tokens[0], lambda c: c.update(iss="https://other.example/issuers/x"))
    refused(present(hub, volunteer, [elsewhere]), "BAD_USER_INPUT", "input.credentials[0]",
            msg.UNKNOWN_ISSUER)
    refused(present(hub, volunteer, ["not a credential"]), "BAD_USER_INPUT",
            "input.credentials[0]", msg.MALFORMED)
    refused(present(hub, volunteer, []), "BAD_USER_INPUT", "input.credentials")
    refused(present(hub, volunteer, tokens * 11), "BAD_USER_INPUT", "input.credentials")
    refused(present(hub, volunteer, tokens, headers=hub.staff("admin", RECEIVER)),
            "FORBIDDEN", None)
    assert imports(hub, volunteer) == 0 and imports(hub, someone) == 0
    # The detail says which step failed, for developers.
    body = present(hub, volunteer, [revoked])
    assert body["errors"][0]["extensions"]["detail"].startswith("REVOKED")


def test_a_page_of_volunteers_with_their_recognition_costs_the_same(hub: World) -> None:
    query = """query($first: Int!) { volunteers(first: $first, tenant: "%s") { edges { node {
      id recognizedElsewhere { name kind issuer { slug } } } } } }""" % RECEIVER
    receiver, issuer = hub.tenants[RECEIVER], hub.tenants[ISSUER]

    async def presented(session: Any) -> None:
        """Volunteers of B with recognition from A, as presentCredentials stores it."""
        now = datetime.now(UTC)
        for n in range(5):
            volunteer = int((await session.execute(insert(m.Volunteer).values(
                first_name=f"Page{n}", last_name="Holder", languages=["ar"],
                shares_with_network=False, verified_hours=0.0, created_at=now,
                updated_at=now).returning(m.Volunteer.id))).scalar_one())
            await session.execute(insert(m.Membership).values(
                tenant_id=receiver, volunteer_id=volunteer, joined_at=now, status="ACTIVE"))
            for kind in ("BADGE", "CERTIFICATE"):
                await session.execute(insert(m.RecognitionImport).values(
                    tenant_id=receiver, volunteer_id=volunteer, issuer_tenant_id=issuer,
                    credential_jti=f"urn:test:{volunteer}:{kind}", issuer="urn:test:issuer",
                    kind=kind, achievement={"names": {"en": kind.title()}}, hours=3.0,
                    valid_from=now, consented_at=now, imported_at=now, token="x.y.z"))

    as_owner(hub, presented)
    staff = hub.staff("admin", RECEIVER)

    def statements(first: int) -> int:
        hub.client.counter.statements.clear()
        page = hub.ok(query, {"first": first}, staff)["volunteers"]["edges"]
        assert len(page) == first
        return hub.client.counter.count

    assert statements(1) == statements(5)
    assert fetch(hub.database.settings, select(func.count()).select_from(
        m.RecognitionImport).where(m.RecognitionImport.tenant_id == receiver))[0][0] >= 10
