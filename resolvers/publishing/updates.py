"""An editor's update sends only the fields it changes: a field left out of the input is
`KEEP` (the record keeps its value), while None, where a field can be cleared, clears it.
One marker for every editorial domain, so that the schema's inputs and the commands agree."""

from __future__ import annotations

from enum import Enum
from typing import Final, TypeVar

T = TypeVar("T")


class Keep(Enum):
    """The value of a field an update leaves as it is."""

    KEEP = "KEEP"


KEEP: Final = Keep.KEEP


def given(value: T | Keep, keep: T) -> T:
    """The value sent, or `keep` for a field left out."""
    return keep if isinstance(value, Keep) else value
