"""Issuing: a certificate and a badge award become Open Badges 3.0 credentials signed by
their society's key, published keys (public parts only), rotation that keeps old
credentials valid, and revocation through the served status list. Both backends."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from joserfc.jwk import KeySet, RSAKey
from sqlalchemy import select

from hub.db import models as m
from resolvers.credentials import keys as issuer_keys
from resolvers.credentials import status_list
from resolvers.credentials.addresses import issuer_id, subject_id
from resolvers.credentials.verification import (
    Failure,
    Rejected,
    StatusLists,
    verify_credential,
)
from tests.applications.world import World
from tests.credentials.conftest import (
    ISSUER,
    as_owner,
    badge_award,
    certificate,
    issue,
    new_holder,
    part,
    published,
    revoke,
)
from tests.dbtools import fetch

PRIVATE_MEMBERS = {"d", "p", "q", "dp", "dq", "qi", "oth", "k"}


def path_of(world: World, url: str) -> str:
    base = world.database.settings.public_url
    assert url.startswith(base + "/"), url
    return url[len(base):]


def verified_online(world: World, token: str) -> Any:
    """Our verifier, with nothing but what the hub publishes (JWKS, status list)."""
    issuer = part(token, 1)["iss"]
    keys = issuer_keys.key_set(published(world, path_of(world, issuer) + "/jwks.json"))
    lists = StatusLists(lambda i: keys if i == issuer else None)
    lists.add(published(world, path_of(world, issuer) + "/status/1"))
    return verify_credential(token, keys_for=lists.keys_for, revoked=lists.revoked)


def test_a_certificate_and_a_badge_become_signed_open_badges(hub: World) -> None:
    volunteer = new_holder(hub, ISSUER)
    cert, award = certificate(hub, volunteer), badge_award(hub, volunteer, code="bronze")
    made = issue(hub, certificates=[cert], awards=[award])
    assert [c.kind for c in made] == ["CERTIFICATE", "BADGE"]
    issuer = issuer_id(hub.database.settings.public_url, ISSUER)
    created = fetch(hub.database.settings, select(m.Volunteer.created_at).where(
        m.Volunteer.id == volunteer))[0][0]
    for credential in made:
        header, claims = part(credential.token, 0), part(credential.token, 1)
        # The 1EdTech VC-JWT profile: RS256, typ JWT, a kid that is the key's URL.
        assert header == {"alg": "RS256", "typ": "JWT", "kid": header["kid"]}
        assert header["kid"].startswith(f"{issuer}/keys/")
        # The credential itself, its registered claims mirroring it.
        assert claims["@context"] == ["https://www.w3.org/ns/credentials/v2",
                                      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
        assert claims["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
        assert claims["issuer"]["id"] == claims["iss"] == issuer
        assert claims["issuer"]["type"] == ["Profile"] and claims["issuer"]["name"]
        assert claims["jti"] == claims["id"] == credential.jti
        assert claims["id"].startswith(hub.database.settings.public_url + "/credentials/")
        subject = claims["credentialSubject"]
        assert claims["sub"] == subject["id"] == subject_id(issuer, volunteer, created)
        assert subject["id"].startswith("urn:uuid:")
        assert "Zubaida" not in str(claims) and "Qarawi" not in str(claims)  # no name
        assert subject["type"] == ["AchievementSubject"]
        assert claims["nbf"] == int(datetime.fromisoformat(claims["validFrom"]).timestamp())
        assert "exp" not in claims
        status = claims["credentialStatus"]
        assert status["type"] == "BitstringStatusListEntry"
        assert status["statusPurpose"] == "revocation"
        assert status["statusListIndex"] == str(credential.status_index)
        assert status["statusListCredential"] == f"{issuer}/status/1"
        achievement = subject["achievement"]
        assert achievement["type"] == ["Achievement"]
        assert achievement["criteria"]["narrative"] and achievement["description"]
        assert subject["result"][0]["resultDescription"] == achievement["resultDescription"][0]["id"]
        # It verifies with what the hub publishes, and nothing else.
        assert verified_online(hub, credential.token).id == credential.jti
    certificate_claims, badge_claims = part(made[0].token, 1), part(made[1].token, 1)
    cert_achievement = certificate_claims["credentialSubject"]["achievement"]
    assert cert_achievement["achievementType"] == "Certificate"
    assert "Blood drive" in cert_achievement["name"]
    assert cert_achievement["creditsAvailable"] == 12.5
    assert certificate_claims["credentialSubject"]["creditsEarned"] == 12.5
    assert certificate_claims["credentialSubject"]["result"][0]["value"] == "12.5"
    assert cert_achievement["inLanguage"] == "fr"  # the certificate's language
    badge = badge_claims["credentialSubject"]["achievement"]
    assert badge["achievementType"] == "Badge"
    assert badge["id"] == f"{issuer}/achievements/badges/bronze"
    assert badge["creditsAvailable"] == 10.0  # the rule's threshold
    assert badge_claims["credentialSubject"]["creditsEarned"] == 14.0
    # Issuing again changes nothing: one credential per certificate and award.
    again = issue(hub, certificates=[cert], awards=[award])
    assert [(c.id, c.token) for c in again] == [(c.id, c.token) for c in made]


def test_the_published_keys_have_no_private_part(hub: World) -> None:
    volunteer = new_holder(hub, ISSUER)
    token = issue(hub, awards=[badge_award(hub, volunteer, code="silver")])[0].token
    document = published(hub, f"/issuers/{ISSUER}/jwks.json")
    assert document["keys"]
    for jwk in document["keys"]:
        assert set(jwk) == {"kty", "n", "e", "kid", "alg", "use"}, jwk
        assert not PRIVATE_MEMBERS & set(jwk)
        assert RSAKey.import_key(jwk).thumbprint() == jwk["kid"].rsplit("/", 1)[1]
        # The kid dereferences to the same key.
        assert published(hub, path_of(hub, jwk["kid"])) == jwk
    kid = part(token, 0)["kid"]
    assert kid in {jwk["kid"] for jwk in document["keys"]}
    profile = published(hub, f"/issuers/{ISSUER}")
    assert profile["id"] == part(token, 1)["iss"] and profile["type"] == ["Profile"]
    response = hub.client.http.get(f"/issuers/{ISSUER}/jwks.json")
    assert response.headers["cache-control"].startswith("public")
    for missing in ("/issuers/nowhere/jwks.json", "/issuers/nowhere",
                    f"/issuers/{ISSUER}/keys/not-a-key"):
        assert hub.client.http.get(missing).status_code == 404, missing


def test_rotation_signs_with_a_new_key_and_old_credentials_still_verify(hub: World) -> None:
    tenant = "tn-crescent"
    volunteer = new_holder(hub, tenant)
    before = issue(hub, awards=[badge_award(hub, volunteer, tenant, code="bronze")])[0]

    async def rotate(session: Any) -> tuple[list[str], issuer_keys.PublicKey]:
        return await issuer_keys.rotate_key(session, hub.tenants[tenant])

    retired, new_key = as_owner(hub, rotate)
    assert part(before.token, 0)["kid"].endswith("/" + retired[-1])
    after = issue(hub, awards=[badge_award(hub, volunteer, tenant, code="silver")])[0]
    assert part(after.token, 0)["kid"].endswith("/" + new_key.thumbprint)
    document = published(hub, f"/issuers/{tenant}/jwks.json")
    kids = [jwk["kid"] for jwk in document["keys"]]
    assert kids[0].endswith(new_key.thumbprint) and len(kids) == len(retired) + 1
    assert verified_online(hub, before.token).id == before.jti
    assert verified_online(hub, after.token).id == after.jti
    # The status list is signed by the new key, and verifies with the same JWKS.
    assert part(published(hub, f"/issuers/{tenant}/status/1"), 0)["kid"] == kids[0]


def test_revocation_sets_the_credentials_bit_in_the_served_status_list(hub: World) -> None:
    volunteer = new_holder(hub, ISSUER)
    cert = certificate(hub, volunteer)
    credential = issue(hub, certificates=[cert])[0]

    def bit() -> bool:
        token = published(hub, f"/issuers/{ISSUER}/status/1")
        claims = part(token, 1)
        assert claims["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
        assert claims["credentialSubject"]["statusPurpose"] == "revocation"
        bits = status_list.decode(claims["credentialSubject"]["encodedList"])
        assert len(bits) * 8 >= status_list.LIST_BITS
        return status_list.bit(bits, credential.status_index)

    assert bit() is False
    revoke(hub, certificates=[cert])
    assert bit() is True
    with pytest.raises(Rejected) as refused:
        verified_online(hub, credential.token)
    assert refused.value.failure == Failure.REVOKED
    # Live again (a badge met again): a new credential; the old one stays revoked.
    renewed = issue(hub, certificates=[cert])
    assert len(renewed) == 1 and renewed[0].jti != credential.jti
    assert bit() is True
    assert verified_online(hub, renewed[0].token).id == renewed[0].jti
    c = m.Credential
    assert fetch(hub.database.settings, select(c.certificate_id, c.revoked_at.is_not(None))
                 .where(c.jti == credential.jti)) == [(None, True)]


def test_a_society_that_issued_nothing_has_no_status_list(hub: World) -> None:
    async def keyless(session: Any) -> list[str]:
        held = await issuer_keys.public_keys(session, list(hub.tenants.values()))
        return [slug for slug, i in hub.tenants.items() if i not in held]

    slug = sorted(as_owner(hub, keyless))[0]
    assert hub.client.http.get(f"/issuers/{slug}/status/1").status_code == 404
    assert published(hub, f"/issuers/{slug}/jwks.json") == {"keys": []}
    assert published(hub, f"/issuers/{slug}")["name"]


def test_key_sets_refuse_what_is_not_an_rsa_public_key() -> None:
    keys = issuer_keys.key_set({"keys": [{"kty": "oct", "k": "c2VjcmV0", "kid": "x"},
                                         "junk", {"kty": "RSA"}]})
    assert isinstance(keys, KeySet) and keys.keys == []
