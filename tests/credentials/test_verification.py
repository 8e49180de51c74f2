"""The verifier, step by step, with no database: each way a credential or a trust list can
be wrong fails with its own reason, and a good one passes. Keys are made in memory."""

from __future__ import annotations

import base64
import gzip
import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import Any

import pytest
from joserfc import jws, jwt
from joserfc.jwk import KeySet, OctKey, RSAKey

from resolvers.credentials import keys as issuer_keys
from resolvers.credentials import status_list
from resolvers.credentials.addresses import credential_url, issuer_id
from resolvers.credentials.keys import PublicKey, SigningKey
from resolvers.credentials.open_badges import Achievement, Award, Issuer, credential
from resolvers.credentials.signing import REGISTRY, sign
from resolvers.credentials.trust_list import (
    TRUST_LIST_TYPE,
    TrustListError,
    read_trust_list,
)
from resolvers.credentials.verification import (
    Failure,
    Rejected,
    StatusLists,
    Verified,
    verify_credential,
)
from tests.credentials.conftest import part, tampered

BASE = "https://hub.example.org"
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


class Society:
    """An issuer with a key, signing what the hub would."""

    def __init__(self, slug: str, kind: str = "NATIONAL_SOCIETY") -> None:
        self.slug, self.kind = slug, kind
        self.id = issuer_id(BASE, slug)
        self.key = RSAKey.generate_key(2048, private=True)
        self.revoked: list[int] = []

    @property
    def signing(self) -> SigningKey:
        return SigningKey(0, self.key.thumbprint(), self.key)

    @property
    def jwks(self) -> dict[str, Any]:
        members = {k: str(v) for k, v in self.key.as_dict(private=False).items()
                   if k in issuer_keys.PUBLIC_MEMBERS}
        return issuer_keys.jwks(self.id, [PublicKey(0, self.key.thumbprint(), members, NOW,
                                                    None)])

    @property
    def keys(self) -> KeySet:
        return issuer_keys.key_set(self.jwks)

    def credential(self, *, index: int | None = 7, valid_from: datetime = NOW,
                   change: Callable[[dict[str, Any]], None] | None = None,
                   signed_by: SigningKey | None = None) -> str:
        award = Award(
            credential_id=credential_url(BASE, uuid.uuid4()),
            issuer=Issuer(self.id, f"{self.slug} society", "DZ"),
            subject="urn:uuid:8b5f3c2e-0000-5000-8000-000000000001",
            achievement=Achievement(f"{self.id}/achievements/badges/bronze", "BADGE",
                                    "Bronze badge", "For hours", "10 hours", 10.0, "en"),
            hours=12.0, awarded_at=NOW, valid_from=valid_from,
            status=status_list.entry(self.id, index) if index is not None else None)
        document = credential(award)
        if change is not None:
            change(document)
        return sign(document, signed_by or self.signing, self.id, subject=award.subject,
                    signed_at=NOW)

    def status_list(self, *, signed_by: SigningKey | None = None) -> str:
        document = status_list.document(self.id, self.revoked, NOW)
        return sign(document, signed_by or self.signing, self.id,
                    subject=document["credentialSubject"]["id"], signed_at=NOW)


@pytest.fixture(scope="module")
def societies() -> dict[str, Society]:
    return {"a": Society("dz-crescent"), "b": Society("eg-crescent"),
            "fed": Society("arco", "FEDERATION")}


def check(society: Society, token: str, *, lists: list[str] | None = None,
          others: tuple[Society, ...] = (), now: datetime = NOW) -> Verified:
    known = {s.id: s.keys for s in (society, *others)}
    statuses = StatusLists(known.get, now=now)
    statuses.add_all(lists if lists is not None else [society.status_list()])
    return verify_credential(token, keys_for=known.get, revoked=statuses.revoked, now=now)


def failure(call: Callable[[], object]) -> Failure:
    with pytest.raises(Rejected) as refused:
        call()
    return refused.value.failure


def test_a_good_credential_verifies(societies: dict[str, Society]) -> None:
    a = societies["a"]
    found = check(a, a.credential())
    assert found.issuer == a.id and found.kind == "BADGE" and found.hours == 12.0
    assert found.status is not None and found.status.index == 7
    assert found.valid_from == NOW


def test_tampered_wrong_key_unknown_issuer(societies: dict[str, Society]) -> None:
    a, b = societies["a"], societies["b"]
    token = a.credential()

    def more_hours(claims: dict[str, Any]) -> None:
        claims["credentialSubject"]["creditsEarned"] = 500

    assert failure(lambda: check(a, tampered(token, more_hours))) == Failure.SIGNATURE
    # Signed by B's key but claiming A's key id: the signature fails with A's key.
    forged = a.credential(signed_by=SigningKey(0, a.key.thumbprint(), b.key))
    assert failure(lambda: check(a, forged)) == Failure.SIGNATURE
    # Verified against B's keys only (a wrong key set): A's key id is not there.
    assert failure(lambda: verify_credential(
        token, keys_for=lambda issuer: b.keys, revoked=lambda c: False, now=NOW)) \
        == Failure.UNKNOWN_KEY
    assert failure(lambda: verify_credential(
        token, keys_for=lambda issuer: None, revoked=lambda c: False, now=NOW)) \
        == Failure.UNKNOWN_ISSUER


def test_before_valid_from_and_after_valid_until(societies: dict[str, Society]) -> None:
    a = societies["a"]
    ahead = a.credential(valid_from=NOW + timedelta(days=1))
    assert failure(lambda: check(a, ahead)) == Failure.NOT_YET_VALID
    assert check(a, ahead, now=NOW + timedelta(days=2)).valid_from == NOW + timedelta(days=1)

    def until(claims: dict[str, Any]) -> None:
        claims["validUntil"] = "2026-12-08T10:00:00Z"

    expiring = a.credential(change=until)
    assert part(expiring, 1)["exp"] == int((NOW + timedelta(days=1)).timestamp())
    assert check(a, expiring).id
    assert failure(lambda: check(a, expiring, now=NOW + timedelta(days=3))) == Failure.EXPIRED


def test_claims_must_mirror_the_credential(societies: dict[str, Society]) -> None:
    a = societies["a"]

    def signed_with(change: Callable[[dict[str, Any]], None]) -> str:
        token = a.credential()
        header, claims = part(token, 0), part(token, 1)
        change(claims)
        return jwt.encode(header, claims, a.key, registry=REGISTRY, default_type=None)

    cases: list[Callable[[dict[str, Any]], None]] = [
        lambda c: c.update(sub="urn:uuid:someone-else"),
        lambda c: c.update(jti=f"{BASE}/credentials/other"),
        lambda c: c.update(nbf=c["nbf"] - 3600),
        lambda c: c.update(exp=c["nbf"] + 3600),
        lambda c: c.pop("nbf"),
        lambda c: c["issuer"].update(id=societies["b"].id),
        lambda c: c.update(validFrom="2026-12-07"),
    ]
    for change in cases:
        assert failure(partial(check, a, signed_with(change))) == Failure.CLAIMS
    # iss is checked with joserfc's claims registry too: the issuer's keys, another name.
    assert failure(lambda: check(a, signed_with(lambda c: c.update(iat=c["iat"] + 86400)))) \
        == Failure.CLAIMS


def test_only_rs256_and_no_embedded_keys(societies: dict[str, Society]) -> None:
    a = societies["a"]
    token = a.credential()
    claims = part(token, 1)

    def encode(segment: dict[str, Any]) -> str:
        return base64.urlsafe_b64encode(json.dumps(segment).encode()).rstrip(b"=").decode()

    def unsigned(header: dict[str, Any]) -> str:
        return f"{encode(header)}.{encode(claims)}."

    kid = part(token, 0)["kid"]
    assert failure(lambda: check(a, unsigned({"alg": "none", "kid": kid}))) \
        == Failure.ALGORITHM
    secret = OctKey.import_key(b"a-shared-secret-of-32-bytes-long!!")
    hs256 = jws.serialize_compact({"alg": "HS256", "kid": kid},
                                  json.dumps(claims).encode(), secret, algorithms=["HS256"])
    assert failure(lambda: check(a, hs256)) == Failure.ALGORITHM
    # A header that points to a key elsewhere, or carries one, is refused.
    jku = jwt.encode({"alg": "RS256", "kid": kid, "jku": "https://evil.example/jwks.json"},
                     claims, a.key, registry=REGISTRY, default_type=None)
    assert failure(lambda: check(a, jku)) == Failure.ALGORITHM
    with_jwk = jwt.encode({"alg": "RS256", "kid": kid, "jwk": a.jwks["keys"][0]}, claims,
                          a.key, registry=REGISTRY, default_type=None)
    assert failure(lambda: check(a, with_jwk)) in (Failure.ALGORITHM, Failure.MALFORMED)
    vc_jwt = jwt.encode({"alg": "RS256", "kid": kid, "typ": "vc+jwt"}, claims, a.key,
                        registry=REGISTRY, default_type=None)
    assert failure(lambda: check(a, vc_jwt)) == Failure.MALFORMED
    assert failure(lambda: check(a, "not.a.jws")) == Failure.MALFORMED
    assert failure(lambda: check(a, "x" * 70_000)) == Failure.MALFORMED


def test_only_open_badges(societies: dict[str, Society]) -> None:
    a = societies["a"]
    changes: list[Callable[[dict[str, Any]], None]] = [
        lambda c: c.update(type=["VerifiableCredential"]),
        lambda c: c.update({"@context": ["https://www.w3.org/2018/credentials/v1"]}),
        lambda c: c["credentialSubject"].pop("achievement"),
    ]
    for change in changes:
        assert failure(partial(check, a, a.credential(change=change))) == Failure.NOT_A_BADGE


def test_revocation_offline(societies: dict[str, Society]) -> None:
    a, b = societies["a"], societies["b"]
    token = a.credential(index=1234)
    assert check(a, token).id
    a.revoked.append(1234)
    try:
        assert failure(lambda: check(a, token)) == Failure.REVOKED
        # No list, or a list another society signed: not known, so not valid.
        assert failure(lambda: check(a, token, lists=[])) == Failure.STATUS_UNKNOWN
        forged = a.status_list(signed_by=b.signing)
        assert failure(lambda: check(a, token, lists=[forged])) == Failure.STATUS_UNKNOWN
        assert failure(lambda: check(a, token, lists=[b.status_list()], others=(b,))) \
            == Failure.STATUS_UNKNOWN
        # An index beyond the list is not "not revoked".
        beyond = a.credential(index=status_list.LIST_BITS + 5)
        assert failure(lambda: check(a, beyond)) == Failure.STATUS_UNKNOWN
    finally:
        a.revoked.clear()
    # Without any credentialStatus the credential cannot be revoked: nothing to check.
    assert check(a, a.credential(index=None), lists=[]).status is None


def test_the_bitstring_as_the_specification_writes_it() -> None:
    encoded = status_list.encode([0, 9, 131_071], status_list.LIST_BITS)
    assert encoded.startswith("u") and "=" not in encoded
    bits = gzip.decompress(base64.urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    assert len(bits) == 16_384  # the minimum: 131,072 bits
    assert bits[0] == 0x80 and bits[1] == 0x40 and bits[-1] == 0x01  # index 0: left-most bit
    decoded = status_list.decode(encoded)
    assert [status_list.bit(decoded, i) for i in (0, 1, 9, 131_071)] == [True, False, True, True]
    assert status_list.length_for([131_072]) == 2 * status_list.LIST_BITS
    assert status_list.capacity(65_535) == status_list.LIST_BITS
    assert status_list.capacity(65_536) == 2 * status_list.LIST_BITS
    used: set[int] = set()
    drawn = [status_list.choose_index(used) for _ in range(200)]
    assert len(set(drawn)) == 200 and max(drawn) < status_list.LIST_BITS
    bomb = "u" + base64.urlsafe_b64encode(gzip.compress(bytes(17 * 1024 * 1024))).decode()
    with pytest.raises(status_list.StatusListError):
        status_list.decode(bomb)
    with pytest.raises(status_list.StatusListError):
        status_list.decode("unot-gzip")


# --- trust lists ---------------------------------------------------------------------------


def trust_list(societies: dict[str, Society], *, signer: Society | None = None,
               expires: datetime = NOW + timedelta(days=30),
               typ: str = TRUST_LIST_TYPE) -> str:
    fed = societies["fed"]
    signer = signer or fed
    members = [{"id": s.id, "slug": s.slug, "name": s.slug, "kind": s.kind, "country": None,
                "jwks": s.jwks, "statusList": s.status_list()} for s in societies.values()]
    claims = {"iss": fed.id, "sub": f"{BASE}/trust-list.jwt", "jti": "x",
              "iat": int(NOW.timestamp()), "nbf": int(NOW.timestamp()),
              "exp": int(expires.timestamp()), "members": members}
    header = {"alg": "RS256", "kid": signer.signing.kid(fed.id), "typ": typ}
    return jwt.encode(header, claims, signer.key, registry=REGISTRY, default_type=None)


def test_a_trust_list_verifies_only_with_the_pinned_federation_key(
        societies: dict[str, Society]) -> None:
    fed, a = societies["fed"], societies["a"]
    token = trust_list(societies)
    by_jwks = read_trust_list(token, pinned=fed.keys, now=NOW)
    by_thumbprint = read_trust_list(token, thumbprint=fed.key.thumbprint(), now=NOW)
    for trust in (by_jwks, by_thumbprint):
        assert set(trust.members) == {s.id for s in societies.values()}
        assert check(a, a.credential(), others=(fed,)).issuer == a.id
        credential = a.credential()
        lists = StatusLists(trust.keys_for, now=NOW)
        lists.add_all(m.status_list for m in trust.members.values() if m.status_list)
        assert verify_credential(credential, keys_for=trust.keys_for, revoked=lists.revoked,
                                 now=NOW).id
    refusals: list[Callable[[], object]] = [
        lambda: read_trust_list(token, pinned=a.keys, now=NOW),
        lambda: read_trust_list(token, thumbprint=a.key.thumbprint(), now=NOW),
        lambda: read_trust_list(token, now=NOW),
        lambda: read_trust_list(token, pinned=fed.keys, now=NOW + timedelta(days=31)),
        lambda: read_trust_list(trust_list(societies, signer=a), thumbprint=fed.key.thumbprint(),
                                now=NOW),
        lambda: read_trust_list(trust_list(societies, typ="JWT"), pinned=fed.keys, now=NOW),
        lambda: read_trust_list(tampered(token, lambda c: c["members"].pop()),
                                pinned=fed.keys, now=NOW),
        lambda: read_trust_list(a.credential(), pinned=a.keys, now=NOW),
    ]
    for refuse in refusals:
        with pytest.raises(TrustListError):
            refuse()
    # A trust list is not a credential either.
    assert failure(lambda: check(fed, token)) == Failure.MALFORMED
