"""The webhooks domain's root mutations (a part of the root type: schema/root.py)."""

from __future__ import annotations


class WebhookMutations:
    """Fields added by the webhooks work."""
