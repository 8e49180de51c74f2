"""Input types: checked and turned into the resolvers' hashable filters."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import strawberry

from hub.errors import BadUserInput
from hub.i18n import messages as msg
from hub.ids import decode_id
from resolvers.context import RequestContext
from resolvers.opportunities.queries import OpportunityFilter
from resolvers.search.query import text_search
from schema.core.enums import OpportunityFormat
from schema.core.inputs import checked_list, checked_search


@strawberry.enum(description=(
    "The order of opportunities. RELEVANCE: best matches of `search` first (the default "
    "with a search, and only with one); a hit in the caller's languages ranks above the "
    "same hit in another, a title above a summary above a description. NEWEST: newest "
    "first (the default without a search)."))
class OpportunityOrder(StrEnum):
    RELEVANCE = "RELEVANCE"
    NEWEST = "NEWEST"


@strawberry.input(name="OpportunityFilter")
class OpportunityFilterInput:
    tenants: list[str] | None = strawberry.field(default=None, description="Tenant slugs.")
    countries: list[str] | None = strawberry.field(
        default=None, description="ISO 3166-1 alpha-2 codes; remote ones count for the "
        "country of their society.")
    formats: list[OpportunityFormat] | None = None
    categories: list[str] | None = None
    skills: list[str] | None = strawberry.field(default=None, description="Any of these skills.")
    campaign: strawberry.ID | None = None
    emergency_only: bool | None = None
    starts_after: datetime | None = None
    starts_before: datetime | None = None
    search: str | None = strawberry.field(
        default=None, description="Words to find in the title, summary or description, in "
        "any language of the opportunity: every word must match (by its stem in Arabic, "
        "French and English; case, accents, harakat, tatweel and hamza forms do not count). "
        "At most 200 characters; punctuation alone finds nothing.")

    def resolve(self, ctx: RequestContext) -> OpportunityFilter:
        countries = checked_list(self.countries, "countries")
        if countries is not None:
            countries = tuple(c.upper() for c in countries)
        search = text_search(ctx, checked_search(self.search))
        for moment, name in ((self.starts_after, "startsAfter"),
                             (self.starts_before, "startsBefore")):
            if moment is not None and moment.tzinfo is None:
                raise BadUserInput(msg.NEEDS_OFFSET_EXAMPLE, argument=name)
        tenants = checked_list(self.tenants, "tenants")
        return OpportunityFilter(
            tenant_ids=ctx.tenants.ids_for_slugs(tenants, "tenants") if tenants is not None
            else None,
            countries=countries,
            country_tenant_ids=ctx.tenants.ids_for_countries(countries) if countries else (),
            formats=checked_list([f.value for f in self.formats], "formats")
            if self.formats is not None else None,
            categories=checked_list(self.categories, "categories"),
            skills=checked_list(self.skills, "skills"),
            campaign_id=decode_id(self.campaign, "Campaign")[1] if self.campaign else None,
            emergency_only=bool(self.emergency_only),
            starts_after=self.starts_after,
            starts_before=self.starts_before,
            search=search,
        )
