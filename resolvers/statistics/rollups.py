"""The statistics' rollups, kept by the transactions that change what they count
(placeholder: the statistics work fills it in)."""

from __future__ import annotations

from collections.abc import Sequence

from resolvers.core.writes import Tx


async def roll_up(tx: Tx, *, hours_entry_ids: Sequence[int] = (),
                  application_ids: Sequence[int] = ()) -> None:
    """These hours entries were just reviewed, or these applications just created or moved
    (completed, withdrawn...): bring the rollups up to date in the same transaction."""
