"""Badge awards from verified hours (placeholder: the badges work fills it in)."""

from __future__ import annotations

from collections.abc import Sequence

from resolvers.core.writes import Tx


async def award_after_review(tx: Tx, *, tenant_ids: Sequence[int],
                             volunteer_ids: Sequence[int]) -> None:
    """After hours of these volunteers were reviewed (approved or rejected) in these
    tenants: award (or revoke) what the tenants' badge rules now say, in the same
    transaction."""
