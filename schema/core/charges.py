"""What a request's operation costs, for the rate limits (being built)."""

from __future__ import annotations

from strawberry.extensions import SchemaExtension


class CostCharge(SchemaExtension):
    pass
