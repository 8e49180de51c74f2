"""The statistics' filter input."""

from __future__ import annotations

from datetime import date

import strawberry

from resolvers.statistics.question import Filter
from schema.core.enums import OpportunityFormat, VolunteerGroup


@strawberry.input(description="What to count: by default every tenant the caller may "
                              "aggregate, the last twelve months, every dimension.")
class StatisticsFilter:
    tenants: list[str] | None = strawberry.field(
        default=None, description="Tenant slugs. Staff: their own tenant by default (exact "
                                  "figures); naming others gives the protected view.")
    from_: date | None = strawberry.field(
        default=None, name="from", description="The period's first day (its whole month "
                                               "counts).")
    to: date | None = strawberry.field(
        default=None, description="The period's last day (its whole month counts).")
    categories: list[str] | None = strawberry.field(default=None,
                                                    description="Category codes.")
    groups: list[VolunteerGroup] | None = None
    countries: list[str] | None = strawberry.field(
        default=None, description="ISO country codes of the opportunities' places.")
    regions: list[str] | None = strawberry.field(
        default=None, description="Region names of the opportunities' places.")
    formats: list[OpportunityFormat] | None = None
    emergency: bool | None = strawberry.field(
        default=None, description="Only emergency opportunities (true) or only others.")

    def as_filter(self) -> Filter:
        return Filter(
            tenants=self.tenants, start=self.from_, end=self.to, categories=self.categories,
            groups=[g.value for g in self.groups] if self.groups is not None else None,
            countries=self.countries, regions=self.regions,
            formats=[f.value for f in self.formats] if self.formats is not None else None,
            emergency=self.emergency)
