"""The notification tests' world, on SQLite and PostgreSQL."""

from tests.notifications.world import world

__all__ = ["world"]
