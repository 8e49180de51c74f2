"""Volunteers and their applications. Root queries for them come with sign-in; until then
these types are reachable only through a signed-in viewer, which no caller can be yet."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from hub.db import models as m
from hub.ids import encode_id
from schema.enums import ApplicationStatus, VolunteerGroup
from schema.info import Info
from schema.permissions import Personal
from schema.types.common import Node

if TYPE_CHECKING:
    from schema.types.opportunity import Opportunity


@strawberry.type
class HoursEntry:
    id: strawberry.ID
    date: date
    hours: float
    verified: bool
    verified_at: datetime | None


@strawberry.type
class Volunteer(Node):
    row: strawberry.Private[m.Volunteer]
    group: VolunteerGroup | None
    city: str | None
    languages: list[str]
    shares_with_network: bool

    @classmethod
    def of(cls, row: m.Volunteer) -> Volunteer:
        return cls(
            id=strawberry.ID(encode_id("Volunteer", row.id)), row=row,
            group=VolunteerGroup(row.group) if row.group else None, city=row.city,
            languages=list(row.languages), shares_with_network=row.shares_with_network,
        )

    @strawberry.field(description="First name and initial: the only name others may see.")
    def display_name(self) -> str:
        initial = self.row.last_name[:1]
        return f"{self.row.first_name} {initial}." if initial else self.row.first_name

    @strawberry.field(permission_classes=[Personal])
    def full_name(self) -> str | None:
        return f"{self.row.first_name} {self.row.last_name}".strip()

    @strawberry.field(permission_classes=[Personal])
    def email(self) -> str | None:
        return self.row.email

    @strawberry.field(permission_classes=[Personal])
    def phone(self) -> str | None:
        return self.row.phone

    @strawberry.field(permission_classes=[Personal])
    def birth_year(self) -> int | None:
        return self.row.birth_year


@strawberry.type
class Application(Node):
    row: strawberry.Private[m.Application]
    status: ApplicationStatus
    applied_at: datetime

    @classmethod
    def of(cls, row: m.Application) -> Application:
        return cls(
            id=strawberry.ID(encode_id("Application", row.id)), row=row,
            status=ApplicationStatus(row.status), applied_at=row.applied_at,
        )

    @strawberry.field
    async def opportunity(
        self, info: Info
    ) -> Annotated[Opportunity, strawberry.lazy("schema.types.opportunity")] | None:
        from schema.types.opportunity import Opportunity

        row = await info.context.loaders.opportunity_by_id.load(self.row.opportunity_id)
        return Opportunity.of(row) if row else None
