"""Verifying an Open Badges 3.0 VC-JWT: one procedure for the offline command, the import
of presented credentials and the tests. It reads no database and opens no connection: the
caller hands it the issuers' keys (`keys_for`) and a way to tell a revoked credential
(`revoked`), from the hub's database or from a trust list's files.

In order, each step with its own failure (`Failure`, a stable code and a message):

1. the token is a compact JWS of at most 64 KB whose header is `alg: RS256` (no `none`,
   no HS*, no other algorithm), `typ` absent or `JWT`, a `kid`, and nothing that would
   carry or point to a key (`jwk`, `jku`, `x5u`, `x5c`) or change processing (`crit`,
   `b64`)                                                  MALFORMED, ALGORITHM
2. its `iss` names an issuer we have keys for                 UNKNOWN_ISSUER
3. its `kid` is one of that issuer's keys                    UNKNOWN_KEY
4. the signature verifies with that key (joserfc)            SIGNATURE
5. it is an OpenBadgeCredential (contexts, types, an achievement)   NOT_A_BADGE
6. the claims mirror the credential: `iss` = issuer.id, `jti` = id,
   `sub` = credentialSubject.id, `nbf` = validFrom, `exp` = validUntil (both or neither)
                                                             CLAIMS
7. joserfc's `JWTClaimsRegistry` validates the claims against the clock (60 s leeway):
   `jwt.decode` checks only the signature                    NOT_YET_VALID, EXPIRED, CLAIMS
8. its revocation status: a BitstringStatusListEntry whose bit is clear (or no status at
   all: the issuer made it irrevocable)                      REVOKED, STATUS_UNKNOWN

A status list is itself such a VC-JWT (a BitstringStatusListCredential), verified by steps
1-4, 6-7 with its issuer's keys: `StatusLists` holds the verified ones, offline.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from joserfc import jws, jwt
from joserfc.errors import (
    BadSignatureError,
    ExpiredTokenError,
    InvalidClaimError,
    JoseError,
    MissingClaimError,
)
from joserfc.jwk import KeySet

from hub.db.types import utcnow
from resolvers.credentials import messages as msg
from resolvers.credentials import status_list
from resolvers.credentials.addresses import OB_CONTEXT, VC_CONTEXT
from resolvers.credentials.keys import ALGORITHM, key_by_kid
from resolvers.credentials.open_badges import BADGE, CERTIFICATE
from resolvers.credentials.signing import CREDENTIAL_TYPE, REGISTRY, read_moment, seconds

LEEWAY_SECONDS = 60
MAX_CREDENTIAL_CHARS = 65_536
MAX_STATUS_LIST_CHARS = 24_000_000  # a 16 MB list, compressed and encoded, at worst
REFUSED_HEADERS = frozenset({"jwk", "jku", "x5u", "x5c", "crit", "b64"})
OB_CONTEXT_PREFIX = "https://purl.imsglobal.org/spec/ob/v3p0/context"
BADGE_TYPES = frozenset({"OpenBadgeCredential", "AchievementCredential"})


class Failure(StrEnum):
    MALFORMED = "MALFORMED"
    ALGORITHM = "ALGORITHM"
    UNKNOWN_ISSUER = "UNKNOWN_ISSUER"
    UNKNOWN_KEY = "UNKNOWN_KEY"
    SIGNATURE = "SIGNATURE"
    NOT_A_BADGE = "NOT_A_BADGE"
    CLAIMS = "CLAIMS"
    NOT_YET_VALID = "NOT_YET_VALID"
    EXPIRED = "EXPIRED"
    REVOKED = "REVOKED"
    STATUS_UNKNOWN = "STATUS_UNKNOWN"


MESSAGES: dict[Failure, str] = {
    Failure.MALFORMED: msg.MALFORMED, Failure.ALGORITHM: msg.ALGORITHM,
    Failure.UNKNOWN_ISSUER: msg.UNKNOWN_ISSUER, Failure.UNKNOWN_KEY: msg.UNKNOWN_KEY,
    Failure.SIGNATURE: msg.SIGNATURE, Failure.NOT_A_BADGE: msg.NOT_A_BADGE,
    Failure.CLAIMS: msg.CLAIMS, Failure.NOT_YET_VALID: msg.NOT_YET_VALID,
    Failure.EXPIRED: msg.EXPIRED, Failure.REVOKED: msg.REVOKED,
    Failure.STATUS_UNKNOWN: msg.STATUS_UNKNOWN,
}


class Rejected(Exception):
    """The credential does not verify: `failure` says which step, `detail` (English,
    technical) says what was found."""

    def __init__(self, failure: Failure, detail: str) -> None:
        super().__init__(f"{failure.value}: {detail}")
        self.failure = failure
        self.detail = detail


@dataclass(frozen=True, slots=True)
class StatusEntry:
    list_url: str
    index: int
    purpose: str


@dataclass(frozen=True, slots=True)
class Verified:
    """A credential whose signature, claims and status were checked."""

    token: str
    payload: dict[str, Any]
    issuer: str
    id: str
    subject: str
    kid: str
    valid_from: datetime
    valid_until: datetime | None
    status: StatusEntry | None

    @property
    def issuer_name(self) -> str:
        issuer = self.payload.get("issuer")
        name = issuer.get("name") if isinstance(issuer, dict) else None
        return name if isinstance(name, str) else self.issuer

    @property
    def achievement(self) -> dict[str, Any]:
        found: dict[str, Any] = self.payload["credentialSubject"]["achievement"]
        return found

    @property
    def kind(self) -> str:
        return CERTIFICATE if self.achievement.get("achievementType") == "Certificate" \
            else BADGE

    @property
    def hours(self) -> float | None:
        for value in (self.payload["credentialSubject"].get("creditsEarned"),
                      self.achievement.get("creditsAvailable")):
            if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
                return float(value)
        return None


KeysFor = Callable[[str], KeySet | None]  # an issuer id -> its keys (None: not trusted)
RevokedFor = Callable[[Verified], bool]  # True: revoked; raises Rejected(STATUS_UNKNOWN)


def peek(token: str) -> dict[str, Any]:
    """The claims of a token, NOT verified: to find which issuer's keys and which
    credential's record to load before verifying. Empty if it cannot be read."""
    try:
        obj = jws.extract_compact(token.encode("ascii"), registry=REGISTRY)
        claims = json.loads(obj.payload)
    except (JoseError, ValueError, TypeError):
        return {}
    return claims if isinstance(claims, dict) else {}


def verify_credential(token: str, *, keys_for: KeysFor, revoked: RevokedFor,
                      now: datetime | None = None) -> Verified:
    """The checked credential, or `Rejected` naming the first step that failed."""
    header, claims = _signed(token, keys_for, MAX_CREDENTIAL_CHARS, CREDENTIAL_TYPE)
    _open_badge(claims)
    found = _checked_claims(token, header, claims, now)
    status = _status_entry(claims)
    if status is None:
        if "credentialStatus" in claims:
            raise Rejected(Failure.STATUS_UNKNOWN,
                           "credentialStatus is not a revocation BitstringStatusListEntry")
        return found
    found = replace(found, status=status)
    if revoked(found):
        raise Rejected(Failure.REVOKED, f"bit {status.index} of {status.list_url} is set")
    return found


# --- the steps ---------------------------------------------------------------------------


def _signed(token: str, keys_for: KeysFor, max_chars: int, typ: str
            ) -> tuple[dict[str, Any], dict[str, Any]]:
    """Steps 1 to 4: the header and the claims of a token whose signature verified."""
    if not isinstance(token, str) or not token or len(token) > max_chars:
        raise Rejected(Failure.MALFORMED, "not a compact JWS of a credential's size")
    try:
        obj = jws.extract_compact(token.encode("ascii"), registry=REGISTRY)
        claims = json.loads(obj.payload)
    except (JoseError, ValueError, TypeError):
        raise Rejected(Failure.MALFORMED, "not a compact JWS with a JSON payload") from None
    header = obj.headers()
    if not isinstance(claims, dict):
        raise Rejected(Failure.MALFORMED, "the payload is not a JSON object")
    if header.get("alg") != ALGORITHM:
        raise Rejected(Failure.ALGORITHM, f"alg {header.get('alg')!r}: only RS256 is accepted")
    if REFUSED_HEADERS & header.keys():
        raise Rejected(Failure.ALGORITHM,
                       f"header parameters {sorted(REFUSED_HEADERS & header.keys())} refused")
    if header.get("typ", typ) != typ:
        raise Rejected(Failure.MALFORMED, f"typ {header.get('typ')!r}, not {typ!r}")
    issuer = claims.get("iss")
    keys = keys_for(issuer) if isinstance(issuer, str) else None
    if keys is None:
        raise Rejected(Failure.UNKNOWN_ISSUER, f"no keys for the issuer {issuer!r}")
    kid = header.get("kid")
    key = key_by_kid(keys, kid)
    if key is None:
        raise Rejected(Failure.UNKNOWN_KEY, f"the issuer publishes no RSA key {kid!r}")
    try:
        jwt.decode(token, key, registry=REGISTRY)
    except BadSignatureError:
        raise Rejected(Failure.SIGNATURE, "the signature does not verify") from None
    except (JoseError, ValueError, TypeError) as exc:
        raise Rejected(Failure.MALFORMED, f"undecodable: {type(exc).__name__}") from None
    return header, claims


def _open_badge(claims: dict[str, Any]) -> None:
    """Step 5."""
    contexts = claims.get("@context")
    types = claims.get("type")
    subject = claims.get("credentialSubject")
    if not (isinstance(contexts, list) and contexts and contexts[0] == VC_CONTEXT
            and any(isinstance(c, str) and c.startswith(OB_CONTEXT_PREFIX) for c in contexts)):
        raise Rejected(Failure.NOT_A_BADGE, f"@context must be [{VC_CONTEXT}, {OB_CONTEXT}]")
    if not (isinstance(types, list) and "VerifiableCredential" in types
            and BADGE_TYPES & {t for t in types if isinstance(t, str)}):
        raise Rejected(Failure.NOT_A_BADGE, "type must name an OpenBadgeCredential")
    if not (isinstance(subject, dict) and isinstance(subject.get("achievement"), dict)):
        raise Rejected(Failure.NOT_A_BADGE, "credentialSubject has no achievement")


def _checked_claims(token: str, header: dict[str, Any], claims: dict[str, Any],
                    now: datetime | None) -> Verified:
    """Steps 6 and 7: the registered claims mirror the document, then hold now."""
    issuer = claims.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    subject = claims.get("credentialSubject")
    subject_id = subject.get("id") if isinstance(subject, dict) else None
    credential_id = claims.get("id")
    valid_from = read_moment(claims.get("validFrom"))
    valid_until = read_moment(claims.get("validUntil")) if "validUntil" in claims else None
    if not (isinstance(issuer_id, str) and isinstance(subject_id, str)
            and isinstance(credential_id, str) and issuer_id and subject_id and credential_id):
        raise Rejected(Failure.CLAIMS, "issuer.id, id and credentialSubject.id are required")
    if valid_from is None or ("validUntil" in claims and valid_until is None):
        raise Rejected(Failure.CLAIMS, "validFrom (and any validUntil) must be UTC dateTimes")
    mirrored = {"iss": issuer_id, "jti": credential_id, "sub": subject_id,
                "nbf": seconds(valid_from)}
    for name, value in mirrored.items():
        if claims.get(name) != value:
            raise Rejected(Failure.CLAIMS, f"claim {name} does not mirror the credential")
    if valid_until is not None and claims.get("exp") != seconds(valid_until):
        raise Rejected(Failure.CLAIMS, "claim exp does not mirror validUntil")
    if valid_until is None and "exp" in claims:
        raise Rejected(Failure.CLAIMS, "claim exp without validUntil")
    validate_times(claims, now, iss={"essential": True, "value": issuer_id},
                   jti={"essential": True, "value": credential_id},
                   sub={"essential": True, "value": subject_id}, nbf={"essential": True})
    return Verified(token, claims, issuer_id, credential_id, subject_id, header["kid"],
                    valid_from, valid_until, None)


def validate_times(claims: dict[str, Any], now: datetime | None, **options: Any) -> None:
    """joserfc's claims registry over `claims` (`jwt.decode` checks the signature only):
    `nbf`, `exp` and `iat` against the clock, and the options' expected values."""
    moment = now or utcnow()
    registry = jwt.JWTClaimsRegistry(now=int(moment.astimezone(UTC).timestamp()),
                                     leeway=LEEWAY_SECONDS, **options)
    try:
        registry.validate(claims)
    except ExpiredTokenError:
        raise Rejected(Failure.EXPIRED, "exp is past") from None
    except MissingClaimError as exc:
        raise Rejected(Failure.CLAIMS, f"missing claim {exc.claim}") from None
    except InvalidClaimError as exc:
        if exc.claim == "nbf":
            raise Rejected(Failure.NOT_YET_VALID, "nbf (validFrom) is ahead") from None
        raise Rejected(Failure.CLAIMS, f"invalid claim {exc.claim}") from None
    except JoseError as exc:
        raise Rejected(Failure.CLAIMS, f"invalid claims: {exc}") from None


def _status_entry(claims: dict[str, Any]) -> StatusEntry | None:
    """The credential's revocation entry of a Bitstring Status List, if it has one."""
    found = claims.get("credentialStatus")
    entries = found if isinstance(found, list) else [found] if found is not None else []
    for item in entries:
        if not isinstance(item, dict) or item.get("type") != status_list.ENTRY_TYPE \
                or item.get("statusPurpose") != status_list.PURPOSE:
            continue
        index, url = item.get("statusListIndex"), item.get("statusListCredential")
        if isinstance(index, str) and index.isdigit() and len(index) < 10 \
                and isinstance(url, str):
            return StatusEntry(url, int(index), status_list.PURPOSE)
    return None


# --- status lists, offline ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StatusList:
    url: str
    issuer: str
    purpose: str
    valid_from: datetime
    bits: bytes


@dataclass
class StatusLists:
    """Verified status lists by URL (each checked with its issuer's keys when added), and
    what a credential's bit says: the revocation check of an offline verifier."""

    keys_for: KeysFor
    now: datetime | None = None
    lists: dict[str, StatusList] = field(default_factory=dict)
    problems: dict[str, str] = field(default_factory=dict)

    def add(self, token: str) -> StatusList | None:
        """Verify and keep a status list (the newest one per URL); a list that does not
        verify is remembered as a problem of its URL, and None returned."""
        url = str(peek(token).get("id") or "?")
        try:
            found = read_status_list(token, keys_for=self.keys_for, now=self.now)
        except Rejected as exc:
            self.problems.setdefault(url, str(exc))
            return None
        kept = self.lists.get(found.url)
        if kept is None or kept.valid_from <= found.valid_from:
            self.lists[found.url] = found
        return found

    def add_all(self, tokens: Iterable[str]) -> None:
        for token in tokens:
            self.add(token)

    def revoked(self, credential: Verified) -> bool:
        entry = credential.status
        assert entry is not None
        found = self.lists.get(entry.list_url)
        if found is None:
            problem = self.problems.get(entry.list_url, "no copy of it was given")
            raise Rejected(Failure.STATUS_UNKNOWN, f"status list {entry.list_url}: {problem}")
        if found.issuer != credential.issuer or found.purpose != entry.purpose:
            raise Rejected(Failure.STATUS_UNKNOWN,
                           f"status list {entry.list_url} is not the issuer's {entry.purpose} list")
        try:
            return status_list.bit(found.bits, entry.index)
        except status_list.StatusListError as exc:
            raise Rejected(Failure.STATUS_UNKNOWN, str(exc)) from None


def read_status_list(token: str, *, keys_for: KeysFor, now: datetime | None = None
                     ) -> StatusList:
    """A BitstringStatusListCredential, verified with its issuer's keys."""
    _, claims = _signed(token, keys_for, MAX_STATUS_LIST_CHARS, CREDENTIAL_TYPE)
    types = claims.get("type")
    subject = claims.get("credentialSubject")
    if not (isinstance(types, list) and status_list.LIST_TYPE in types
            and isinstance(subject, dict)):
        raise Rejected(Failure.MALFORMED, "not a BitstringStatusListCredential")
    issuer = claims.get("issuer")
    issuer_id = issuer.get("id") if isinstance(issuer, dict) else issuer
    valid_from = read_moment(claims.get("validFrom"))
    if not isinstance(issuer_id, str) or valid_from is None \
            or claims.get("iss") != issuer_id or claims.get("jti") != claims.get("id") \
            or claims.get("nbf") != seconds(valid_from) or claims.get("sub") != subject.get("id"):
        raise Rejected(Failure.CLAIMS, "the status list's claims do not mirror it")
    validate_times(claims, now, iss={"essential": True, "value": issuer_id},
                   jti={"essential": True}, nbf={"essential": True})
    try:
        bits = status_list.decode(subject.get("encodedList"))
    except status_list.StatusListError as exc:
        raise Rejected(Failure.MALFORMED, str(exc)) from None
    purpose = subject.get("statusPurpose")
    return StatusList(str(claims["id"]), issuer_id, str(purpose), valid_from, bits)
