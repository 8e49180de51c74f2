"""`tatawwu badges ...` (its commands are added by the badges work)."""

from __future__ import annotations

import click


@click.group()
def badges() -> None:
    """Badges: recompute a tenant's awards after a rule change."""
