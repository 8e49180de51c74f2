"""Certificates issued when an application is completed (placeholder: the certificates
work fills it in)."""

from __future__ import annotations

from typing import Any

from resolvers.core.writes import Tx


async def certificate_on_completion(tx: Tx, application: Any) -> None:
    """`application` (a row) was just completed (status COMPLETED): issue its certificate
    when it has verified hours, in the same transaction."""
