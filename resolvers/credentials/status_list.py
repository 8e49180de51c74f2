"""Revocation: each issuer's W3C Bitstring Status List (v1.0).

A credential carries a `credentialStatus` entry naming a bit of its issuer's list
(`{issuer}/status/1`, `statusListIndex`); the bit is 1 once the credential is revoked.
The list is a `BitstringStatusListCredential` signed by the issuer like any credential,
made from the database when asked for: its bits are the `status_index` of the issuer's
revoked credentials (`credential.revoked_at`).

- The bitstring is at least 131,072 bits (16 KB, the specification's minimum, so that one
  credential's bit hides among many), and grows by that much whenever the tenant's
  credentials fill half of it. Index 0 is the most significant bit of the first byte.
- `encodedList` is the Multibase base64url form ("u" prefix, no padding) of the GZIP of the
  bitstring. Decoding stops at 16 MB: a list that inflates beyond is refused, not read.
- Indices are drawn at random among the free ones (herd privacy: neighbouring bits say
  nothing of when or to whom a credential was issued) and are never reused while a
  credential row holds them (`credential` is unique on tenant and index).
"""

from __future__ import annotations

import base64
import gzip
import secrets
import zlib
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db import models as m
from resolvers.credentials.addresses import VC_CONTEXT, status_list_url
from resolvers.credentials.signing import written

LIST_BITS = 131_072  # the minimum: 16 KB
MAX_LIST_BYTES = 16 * 1024 * 1024
PURPOSE = "revocation"
ENTRY_TYPE = "BitstringStatusListEntry"
LIST_TYPE = "BitstringStatusListCredential"


class StatusListError(ValueError):
    """An encoded list that cannot be read (not Multibase base64url, not GZIP, too large)."""


def capacity(used: int) -> int:
    """The length of a list holding `used` indices at most half full."""
    blocks = max(1, -(-(2 * (used + 1)) // LIST_BITS))
    return blocks * LIST_BITS


def length_for(indices: Iterable[int]) -> int:
    """The length of a list that has a bit for each of `indices`."""
    highest = max(indices, default=-1)
    return max(LIST_BITS, -(-(highest + 1) // LIST_BITS) * LIST_BITS)


def encode(revoked: Iterable[int], length: int) -> str:
    bits = bytearray(length // 8)
    for index in revoked:
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), compresslevel=9, mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def decode(encoded: Any) -> bytes:
    """The bitstring of an `encodedList`."""
    if not isinstance(encoded, str) or not encoded.startswith("u"):
        raise StatusListError("encodedList is not Multibase base64url")
    text = encoded[1:]
    try:
        compressed = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)  # GZIP framing only
        bits = inflater.decompress(compressed, MAX_LIST_BYTES + 1)
    except (ValueError, zlib.error):
        raise StatusListError("encodedList is not GZIP-compressed base64url") from None
    if len(bits) > MAX_LIST_BYTES or inflater.unconsumed_tail:
        raise StatusListError("the status list is larger than 16 MB")
    if not inflater.eof:
        raise StatusListError("encodedList is cut short")
    return bits


def bit(bits: bytes, index: int) -> bool:
    """The bit at `index`; an index beyond the list is an error, not a zero."""
    if not 0 <= index < len(bits) * 8:
        raise StatusListError(f"index {index} is beyond the list ({len(bits) * 8} bits)")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def choose_index(used: set[int]) -> int:
    """A free index drawn at random from a list kept at most half full."""
    size = capacity(len(used))
    while True:
        index = secrets.randbelow(size)
        if index not in used:
            used.add(index)
            return index


def entry(issuer: str, index: int) -> dict[str, Any]:
    """A credential's `credentialStatus`."""
    url = status_list_url(issuer)
    return {"id": f"{url}#{index}", "type": ENTRY_TYPE, "statusPurpose": PURPOSE,
            "statusListIndex": str(index), "statusListCredential": url}


def document(issuer: str, revoked: Iterable[int], issued_at: datetime) -> dict[str, Any]:
    """The unsigned BitstringStatusListCredential of an issuer's revoked indices."""
    indices = list(revoked)
    url = status_list_url(issuer)
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", LIST_TYPE],
        "issuer": issuer,
        "validFrom": written(issued_at),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": PURPOSE,
            "encodedList": encode(indices, length_for(indices)),
        },
    }


async def used_indices(session: AsyncSession, tenant_id: int) -> set[int]:
    c = m.Credential
    return set((await session.scalars(select(c.status_index).where(
        c.tenant_id == tenant_id))).all())


async def revoked_indices(session: AsyncSession, tenant_id: int) -> list[int]:
    c = m.Credential
    return list((await session.scalars(select(c.status_index).where(
        c.tenant_id == tenant_id, c.revoked_at.is_not(None)))).all())
