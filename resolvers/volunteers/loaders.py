"""The volunteers domain's loaders: volunteers, memberships, skills, applications, hours."""

from __future__ import annotations

from typing import Any

from hub.db import models as m
from resolvers.core.database import RequestDatabase
from resolvers.core.loaders import RowByKeyLoader, RowsByKeyLoader


class VolunteerLoaders:
    def __init__(self, db: RequestDatabase, scope_for: Any, volunteer_id: int | None) -> None:
        self.volunteer_by_id = RowByKeyLoader(db, m.Volunteer.id, scope_for(m.Volunteer))
        self.application_by_id = RowByKeyLoader(db, m.Application.id, scope_for(m.Application))
        # Scoped: staff see the memberships of their own tenant, a volunteer all of theirs;
        # that is exactly what deciding "staff of a tenant the volunteer belongs to" needs.
        self.memberships_by_volunteer = RowsByKeyLoader(
            db, m.Membership.volunteer_id, scope_for(m.Membership))
        self.skills_by_volunteer = RowsByKeyLoader(db, m.VolunteerSkill.volunteer_id)
        self.hours_by_application = RowsByKeyLoader(
            db, m.HoursEntry.application_id, scope_for(m.HoursEntry))
