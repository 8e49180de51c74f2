"""What the bus carries: the ids of an emergency call and of its opportunity.

Only ids travel (PostgreSQL's NOTIFY payload must stay under 8000 bytes, and is visible to
anyone who may LISTEN on the database): every subscriber loads the opportunity itself,
through its own read scope, so nothing it may not read can reach it through the bus.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass

log = logging.getLogger("tatawwu.live")


@dataclass(frozen=True, slots=True)
class CallEvent:
    """An emergency call broadcast: `call` (the `emergency_call` row) about `opportunity`."""

    call: int
    opportunity: int

    def encode(self) -> str:
        return json.dumps({"call": self.call, "opportunity": self.opportunity},
                          separators=(",", ":"))

    @classmethod
    def decode(cls, payload: str | bytes) -> CallEvent | None:
        """The event in `payload`; None (logged) for anything else: a bus may carry a
        message this version does not know, and it must not stop the others."""
        try:
            data = json.loads(payload)
            call, opportunity = data["call"], data["opportunity"]
        except (ValueError, TypeError, KeyError):
            log.warning("live: ignored a malformed message on the bus: %.100r", payload)
            return None
        if not all(isinstance(v, int) and not isinstance(v, bool) and v > 0
                   for v in (call, opportunity)):
            log.warning("live: ignored a malformed message on the bus: %.100r", payload)
            return None
        return cls(call, opportunity)
