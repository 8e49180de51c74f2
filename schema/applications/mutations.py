"""Applying, deciding, completing, logging and verifying hours. The writes are
`resolvers.applications.commands`."""

from __future__ import annotations

import strawberry


@strawberry.type
class ApplicationMutations:
    pass
