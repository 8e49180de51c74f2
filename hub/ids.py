"""Opaque global ids: base64url("Type:key"), the same for `node(id)` and every `id` field."""

from __future__ import annotations

import base64
import binascii
from typing import Final

from hub.errors import BadUserInput
from hub.i18n import messages as msg

# Keys are BIGINT on PostgreSQL and INTEGER (64-bit) on SQLite: a larger number never names
# a row, and the drivers raise (OverflowError) when asked to bind one.
MAX_KEY: Final = 2**63 - 1


def is_key(value: object) -> bool:
    """Whether `value` can be a row's integer key: 1 .. 2^63 - 1."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_KEY


def encode_id(type_name: str, key: int) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{key}".encode()).decode().rstrip("=")


def decode_id(global_id: str, expected: str | None = None) -> tuple[str, int]:
    """(type name, integer key); a malformed id, one whose key no row can have, or one of
    another type is bad input."""
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        text = base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")
        type_name, _, key_text = text.partition(":")
        # As encode_id writes it: int() alone would also take "+1", " 1", "01", "١".
        key = int(key_text) if len(key_text) <= len(str(MAX_KEY)) else 0
        if not type_name or str(key) != key_text or not is_key(key):
            raise ValueError
    except (ValueError, UnicodeError, binascii.Error):
        raise BadUserInput(msg.INVALID_ID, argument="id") from None
    if expected is not None and type_name != expected:
        raise BadUserInput(msg.WRONG_ID_TYPE, argument="id", type=expected)
    return type_name, key
