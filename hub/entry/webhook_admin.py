"""`tatawwu webhooks ...` (its commands are added by the webhooks work)."""

from __future__ import annotations

import click


@click.group()
def webhooks() -> None:
    """Webhooks of API clients: register, list, deliveries."""
