"""`viewer`: who the hub thinks the caller is."""

from __future__ import annotations

import strawberry

from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.viewer.types import Viewer, viewer_of


@policy(reach=EVERYONE, open=("viewer",))
@strawberry.type
class ViewerQueries:
    @strawberry.field(description="Who the hub thinks you are.")
    def viewer(self, info: Info) -> Viewer:
        return viewer_of(info)
