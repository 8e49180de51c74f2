"""Open Badges 3.0 credentials for certificates and badge awards (placeholder: the
credentials work fills it in)."""

from __future__ import annotations

from collections.abc import Sequence

from resolvers.core.writes import Tx


async def issue_credentials(tx: Tx, *, certificate_ids: Sequence[int] = (),
                            award_ids: Sequence[int] = ()) -> None:
    """Sign and store a credential for each certificate and badge award named (those that
    have none yet), in the caller's transaction."""


async def revoke_credentials(tx: Tx, *, certificate_ids: Sequence[int] = (),
                             award_ids: Sequence[int] = ()) -> None:
    """Mark the credentials of these certificates and awards revoked (their status list bit
    is set from then on)."""
