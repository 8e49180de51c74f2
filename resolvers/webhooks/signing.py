"""Webhook secrets and signatures (docs/webhooks.md says how a receiver checks them).

Each delivery attempt carries, beside its JSON body:

    Tatawwu-Webhook-Id:         the delivery's id, the same on every attempt (deduplicate on it)
    Tatawwu-Webhook-Timestamp:  the attempt's time, Unix seconds
    Tatawwu-Webhook-Signature:  v1=<hex HMAC-SHA256 of "<timestamp>.<body>", keyed with the secret>

The key is the secret exactly as shown at registration (`whsec_...`, its UTF-8 bytes). The
timestamp is signed with the body so that a receiver can refuse an old request replayed
(more than five minutes off, say); the `v1=` names the scheme so that another may join
later, comma-separated, without breaking receivers of this one.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final

SECRET_PREFIX: Final = "whsec_"
ID_HEADER: Final = "Tatawwu-Webhook-Id"
TIMESTAMP_HEADER: Final = "Tatawwu-Webhook-Timestamp"
SIGNATURE_HEADER: Final = "Tatawwu-Webhook-Signature"
EVENT_HEADER: Final = "Tatawwu-Webhook-Event"


def new_secret() -> str:
    """A new signing secret: 32 random bytes, URL-safe base64, after `whsec_`."""
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header's value for `body` sent at `timestamp`."""
    signed = str(timestamp).encode("ascii") + b"." + body
    return "v1=" + hmac.new(secret.encode("utf-8"), signed, hashlib.sha256).hexdigest()
