"""Emergency calls: queued when an emergency opportunity is published (placeholder: the
live work fills it in)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from resolvers.core.writes import Tx


async def queue_emergency_call(tx: Tx, row: Any, due_at: datetime) -> None:
    """Queue the broadcast of the emergency opportunity `row`, published at `due_at` (now or
    ahead), in the publishing transaction."""
