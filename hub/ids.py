"""Opaque global ids: base64url("Type:key"), the same for `node(id)` and every `id` field."""

from __future__ import annotations

import base64
import binascii

from hub.errors import BadUserInput
from hub.i18n import messages as msg


def encode_id(type_name: str, key: int) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{key}".encode()).decode().rstrip("=")


def decode_id(global_id: str, expected: str | None = None) -> tuple[str, int]:
    """(type name, integer key); a malformed id or one of another type is bad input."""
    try:
        padded = global_id + "=" * (-len(global_id) % 4)
        text = base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")
        type_name, _, key_text = text.partition(":")
        key = int(key_text)
        if not type_name or key < 1:
            raise ValueError
    except (ValueError, UnicodeError, binascii.Error):
        raise BadUserInput(msg.INVALID_ID, argument="id") from None
    if expected is not None and type_name != expected:
        raise BadUserInput(msg.WRONG_ID_TYPE, argument="id", type=expected)
    return type_name, key
