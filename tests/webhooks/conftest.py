"""The webhook tests' world, on SQLite and PostgreSQL."""

from tests.webhooks.world import settled, world

__all__ = ["settled", "world"]
