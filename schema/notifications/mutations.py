"""Marking notifications read."""

from __future__ import annotations

import strawberry


@strawberry.type
class NotificationMutations:
    pass
