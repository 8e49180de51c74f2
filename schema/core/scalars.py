"""Scalars whose input the hub checks beyond strawberry's parsing: one place for every
argument and input field of that scalar, literal or variable."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Final

from strawberry.schema.types.base_scalars import DateTimeDefinition
from strawberry.types.scalar import ScalarDefinition

from hub.errors import BadUserInput
from hub.i18n import messages as msg


def parse_moment(value: object) -> datetime:
    """strawberry's ISO 8601 parsing, then a moment with an offset must have a UTC
    equivalent: "9999-12-31T23:59:59-23:59" is a valid datetime that no database can store
    (it is in the year 10000 in UTC), and converting it raises OverflowError."""
    parse = DateTimeDefinition.parse_value
    assert parse is not None  # strawberry's DateTime always has one
    moment = parse(value)
    if not isinstance(moment, datetime):  # pragma: no cover - isoparse returns datetimes
        raise BadUserInput(msg.DATE_OUT_OF_RANGE)
    if moment.tzinfo is not None:
        try:
            moment.astimezone(UTC)
        except OverflowError:
            raise BadUserInput(msg.DATE_OUT_OF_RANGE) from None
    return moment


DATETIME: Final[ScalarDefinition] = replace(DateTimeDefinition, parse_value=parse_moment)
SCALARS: Final[dict[object, ScalarDefinition]] = {datetime: DATETIME}
