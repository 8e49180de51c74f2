"""Data access for the schema: async query functions, per-request DataLoaders and writes.

Resolvers return plain rows or dataclasses and never import `schema`. What the entry layer
uses is exported here, so the packages inside may move without touching it.
"""

from resolvers.context import RequestContext
from resolvers.core.database import RequestDatabase
from resolvers.tenants.index import TenantIndex

__all__ = ["RequestContext", "RequestDatabase", "TenantIndex"]
