"""Staff queues: applications and hours waiting for a decision."""

from __future__ import annotations

import strawberry


@strawberry.type
class ApplicationQueries:
    pass
