"""Retried writes: a mutation sent again with the same client key has one effect and
returns the same answer.

A client names an attempt with a key (the `Idempotency-Key` header, or an input's
`clientMutationId`). `perform` stores the key in `idempotency_key`, with the operation and a
fingerprint of its input, in the write's own transaction; the row is inserted before the
write's change, so a concurrent retry waits on it (PostgreSQL's unique index; SQLite's one
writer) and then finds it. A retry with a stored key returns the stored result; the same key
with another input or operation is a CONFLICT. Keys are per principal (`subject`), so one
caller's keys never meet another's.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Final

from hub.access import Principal
from hub.errors import BadUserInput
from resolvers.core import messages as msg

MAX_KEY_LENGTH: Final = 120  # the column holds 128: room for "#n" (a request's nth write)
HEADER: Final = "Idempotency-Key"


def key_subject(principal: Principal) -> str | None:
    """Whose keys: the signed-in subject, or the API client; none for anonymous callers
    (their retries are not deduplicated: they have no stable name to file keys under)."""
    if principal.subject:
        return principal.subject[:200]
    if principal.client_id is not None:
        return f"client:{principal.client_id}"
    return None


def checked_key(key: str | None, argument: str) -> str | None:
    """A client key, trimmed; blank is none; longer than MAX_KEY_LENGTH is bad input."""
    if key is None:
        return None
    key = key.strip()
    if not key:
        return None
    if len(key) > MAX_KEY_LENGTH:
        raise BadUserInput(msg.IDEMPOTENCY_KEY_TOO_LONG, argument=argument,
                           count=MAX_KEY_LENGTH)
    return key


def plain(value: Any) -> Any:
    """`value` as JSON data, stable across processes (for fingerprints)."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.compare}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, set | frozenset):
        return sorted((plain(v) for v in value), key=json.dumps)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if callable(value):
        return getattr(value, "__qualname__", type(value).__name__)
    return repr(value)


def fingerprint(operation: str, write: Any) -> str:
    """A digest of the operation and its input (the write command's fields)."""
    data = json.dumps([operation, plain(write)], sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode()).hexdigest()
