"""The credentials domain's loaders (one request's, scoped by the caller's read scope)."""

from __future__ import annotations

from typing import Any

from resolvers.core.database import RequestDatabase


class CredentialLoaders:
    def __init__(self, db: RequestDatabase, scope_for: Any, volunteer_id: int | None) -> None:
        pass
