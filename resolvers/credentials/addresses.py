"""Where credentials and their issuers live: every id is a URL under the hub's public
address (`HUB_PUBLIC_URL`), so that a verifier can dereference it, and the subject of a
credential is a pseudonym, never personal data.

    {public_url}/issuers/{slug}                 the issuer (an Open Badges Profile)
    {public_url}/issuers/{slug}/jwks.json       its public keys (retired ones included)
    {public_url}/issuers/{slug}/keys/{thumb}    one key: a credential's `kid` (RFC 7638 thumbprint)
    {public_url}/issuers/{slug}/status/1        its revocation list (a Bitstring Status List)
    {public_url}/credentials/{uuid}             a credential's id (`jti`)
    {public_url}/trust-list.jwt                 the member societies, signed by the federation

The public address is part of every credential the hub signs: changing it later leaves the
credentials issued before naming addresses the hub no longer answers for.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CONTEXTS = (VC_CONTEXT, OB_CONTEXT)
STATUS_LIST_NUMBER = 1  # one list per issuer; it grows in length, not in number

# The namespace of the subjects' name-based UUIDs (RFC 9562 v5), under each issuer's id.
_SUBJECTS = uuid.uuid5(uuid.NAMESPACE_URL, "https://tatawwu.example/ns/credential-subjects")


def hub_public_url() -> str:
    """The hub's public address, as the process's settings read it (`HUB_PUBLIC_URL`):
    what commands that are not handed the settings (a write's transaction) sign with."""
    from hub.config import Settings

    return Settings.from_env().public_url


def issuer_id(public_url: str, slug: str) -> str:
    return f"{public_url.rstrip('/')}/issuers/{slug}"


def issuer_slug(public_url: str, issuer: str) -> str | None:
    """The tenant slug of an issuer id of this hub, or None for any other URL."""
    prefix = f"{public_url.rstrip('/')}/issuers/"
    if not issuer.startswith(prefix):
        return None
    slug = issuer[len(prefix):]
    return slug if slug and "/" not in slug else None


def jwks_url(issuer: str) -> str:
    return f"{issuer}/jwks.json"


def key_url(issuer: str, thumbprint: str) -> str:
    """A key's `kid`: a URL that dereferences to the JWK (Open Badges 3.0, "kid"), ending
    in the key's RFC 7638 thumbprint."""
    return f"{issuer}/keys/{thumbprint}"


def thumbprint_of(kid: str) -> str:
    return kid.rsplit("/", 1)[-1]


def status_list_url(issuer: str) -> str:
    return f"{issuer}/status/{STATUS_LIST_NUMBER}"


def credential_url(public_url: str, key: uuid.UUID) -> str:
    return f"{public_url.rstrip('/')}/credentials/{key}"


def trust_list_url(public_url: str) -> str:
    return f"{public_url.rstrip('/')}/trust-list.jwt"


def badge_achievement_id(issuer: str, code: str) -> str:
    return f"{issuer}/achievements/badges/{code}"


def certificate_achievement_id(issuer: str, opportunity_id: int | None) -> str:
    if opportunity_id is None:
        return f"{issuer}/achievements/certificates"
    return f"{issuer}/achievements/opportunities/{opportunity_id}"


def badge_code_of(issuer: str, achievement_id: str) -> str | None:
    prefix = f"{issuer}/achievements/badges/"
    if not achievement_id.startswith(prefix):
        return None
    return achievement_id[len(prefix):] or None


def subject_id(issuer: str, volunteer_id: int, created_at: datetime) -> str:
    """The credential subject's id for a volunteer, as one issuer names them: a name-based
    UUID of the issuer, the volunteer's record and the moment it was created. Not personal
    data, and pairwise: two issuers name the same volunteer differently, so credentials
    from two societies cannot be linked by their subject; guessing it needs the record's
    creation time to the microsecond, which only the hub's database holds."""
    moment = created_at.astimezone(UTC).isoformat(timespec="microseconds")
    name = f"{issuer}\n{volunteer_id}\n{moment}"
    return f"urn:uuid:{uuid.uuid5(_SUBJECTS, name)}"
