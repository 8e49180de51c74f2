from tests.dashboard.world import served

__all__ = ["served"]
