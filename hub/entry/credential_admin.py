"""`tatawwu credentials ...` (its commands are added by the credentials work)."""

from __future__ import annotations

import click


@click.group()
def credentials() -> None:
    """Credentials: issuer keys, trust lists, offline verification."""
