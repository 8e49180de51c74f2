from tests.applications.world import world

__all__ = ["world"]
