"""The volunteers domain's loaders: volunteers, memberships, skills, applications, hours."""

from __future__ import annotations

from functools import cached_property

from hub.db import models as m
from resolvers.core.loaders import LoaderGroup, RowByKeyLoader, RowsByKeyLoader


class VolunteerLoaders(LoaderGroup):
    @cached_property
    def volunteer_by_id(self) -> RowByKeyLoader:
        return RowByKeyLoader(self.db, m.Volunteer.id, self.scope(m.Volunteer))

    @cached_property
    def application_by_id(self) -> RowByKeyLoader:
        return RowByKeyLoader(self.db, m.Application.id, self.scope(m.Application))

    # Scoped: staff see the memberships of their own tenant, a volunteer all of theirs; that
    # is exactly what deciding "staff of a tenant the volunteer belongs to" needs.
    @cached_property
    def memberships_by_volunteer(self) -> RowsByKeyLoader:
        return RowsByKeyLoader(self.db, m.Membership.volunteer_id, self.scope(m.Membership))

    @cached_property
    def skills_by_volunteer(self) -> RowsByKeyLoader:
        return RowsByKeyLoader(self.db, m.VolunteerSkill.volunteer_id)

    @cached_property
    def hours_by_application(self) -> RowsByKeyLoader:
        return RowsByKeyLoader(self.db, m.HoursEntry.application_id, self.scope(m.HoursEntry))
