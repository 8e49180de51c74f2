from tests.sync.world import world

__all__ = ["world"]
