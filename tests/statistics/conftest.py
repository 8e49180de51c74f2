from tests.statistics.world import world

__all__ = ["world"]
