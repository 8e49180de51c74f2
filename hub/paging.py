"""Relay cursor paging by keyset: a cursor holds the sort values of its row, never an offset,
so pages stay stable when records are inserted concurrently."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson

from hub.errors import BadUserInput
from hub.i18n import messages as msg
from hub.ids import is_key

MAX_PAGE_SIZE = 100


@dataclass(frozen=True, slots=True)
class PageRequest:
    first: int
    after: tuple[Any, ...] | None


def page_request(
    first: int | None, after: str | None, *, kind: str, shape: Sequence[type], max_size: int
) -> PageRequest:
    """Check `first` against the cap and decode `after`; errors are BAD_USER_INPUT."""
    if first is None:
        first = 20
    if first < 0:
        raise BadUserInput(msg.FIRST_NEGATIVE, argument="first")
    if first > max_size:
        raise BadUserInput(msg.FIRST_TOO_LARGE, argument="first", max=max_size)
    return PageRequest(first, decode_cursor(after, kind=kind, shape=shape) if after else None)


def encode_cursor(kind: str, values: Sequence[Any]) -> str:
    payload = [kind, *(v.isoformat() if isinstance(v, datetime) else v for v in values)]
    return base64.urlsafe_b64encode(orjson.dumps(payload)).decode().rstrip("=")


def decode_cursor(cursor: str, *, kind: str, shape: Sequence[type]) -> tuple[Any, ...]:
    try:
        raw = base64.urlsafe_b64decode((cursor + "=" * (-len(cursor) % 4)).encode("ascii"))
        payload = orjson.loads(raw)
        if not isinstance(payload, list) or payload[:1] != [kind]:
            raise ValueError
        values = payload[1:]
        if len(values) != len(shape):
            raise ValueError
        return tuple(_coerce(v, t) for v, t in zip(values, shape, strict=True))
    except (ValueError, TypeError, OverflowError, UnicodeError, binascii.Error,
            orjson.JSONDecodeError):
        raise BadUserInput(msg.INVALID_CURSOR, argument="after") from None


def _coerce(value: Any, wanted: type) -> Any:
    """A cursor value as the database can bind it: an aware datetime that has a UTC
    equivalent (OverflowError otherwise), or an integer key of the database's range."""
    if wanted is datetime:
        if not isinstance(value, str):
            raise ValueError
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError
        return parsed.astimezone(UTC)
    if wanted is int and not is_key(value):
        raise ValueError
    return value
