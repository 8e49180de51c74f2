"""Badges, their awards, the benefits they open, and a volunteer's level on a tenant's path.

A badge and a level are the tenant's published rules (its file): public, in the request's
language through its locale chain (a locale missing in the file falls back through the
chain, then the tenant's default language, then English). An award and a level's progress
are a volunteer's: reached only through `Volunteer.badges` and `Volunteer.level`, whose
policies decide (schema/badges/fields.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from types import SimpleNamespace
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from hub.db.models import Tenant as TenantRow
from hub.i18n import Served, hours_display
from hub.ids import encode_id
from resolvers.badges.catalog import recognition_of
from resolvers.badges.levels import Standing, suggested_events, suggested_opportunities
from resolvers.taxonomy.kinds import CATEGORIES
from resolvers.taxonomy.queries import terms
from schema.core.common import LocalizedString
from schema.core.enums import VolunteerGroup
from schema.core.info import FieldLocale, Info
from schema.core.localize import display_locale
from schema.core.policy import EVERYONE, INHERITED, policy
from schema.taxonomy.types import Category
from schema.tenants.types import Tenant, tenant_of
from tenants.recognition import BadgeRule, Level

if TYPE_CHECKING:
    from schema.content.types import EventConnection
    from schema.opportunities.types import OpportunityConnection

Lazy = strawberry.lazy


def served(info: Info, texts: dict[str, str], tenant: TenantRow,
           locale: str | None = None) -> Served | None:
    """`texts` (by locale, from the tenant file) in the first locale of the request's chain
    that has them, then the tenant's default language, then English, then any."""
    if not texts:
        return None
    chain = info.context.locales.with_first(locale)
    picked = chain.pick(texts, tenant.default_locale)
    if picked is None:
        return None
    served_locale, value = picked
    return Served(value, served_locale, chain.is_fallback(served_locale, tenant.default_locale))


async def categories_named(info: Info, codes: Sequence[str]) -> list[Category]:
    """The taxonomy's categories for codes of a tenant file (lower case there, upper case in
    the taxonomy: matched ignoring case); a code the taxonomy lacks is shown by its code."""
    rows = {row.code.lower(): row for row in await terms(info.context, CATEGORIES,
                                                         include_retired=True)}
    found = []
    for code in codes:
        row = rows.get(code.lower())
        if row is None:
            row = SimpleNamespace(code=code, labels={}, active=False, position=0)
        found.append(Category(code=row.code, row=row))
    return found


@policy(reach=EVERYONE, open=("code", "text"))
@strawberry.type(description="What a badge opens (a discount, a training place...): a code "
                             "staff filter by (volunteersEligibleForBenefit), and its text.")
class Benefit:
    code: str
    texts: strawberry.Private[dict[str, str]]
    tenant_row: strawberry.Private[TenantRow]

    @strawberry.field(description="In the request's language (through its locale chain).")
    def text(self, info: Info) -> str:
        found = served(info, self.texts, self.tenant_row)
        return found.value if found else self.code


@policy(reach=EVERYONE,
        open=("code", "name", "nameI18n", "description", "thresholdHours", "category",
              "periodMonths", "group", "benefits", "tenant"),
        note="a tenant's published badge rules (its file)")
@strawberry.type(description="A badge a tenant awards for verified hours served with it.")
class Badge:
    rule: strawberry.Private[BadgeRule]
    tenant_row: strawberry.Private[TenantRow]
    code: str

    @classmethod
    def of(cls, rule: BadgeRule, tenant: TenantRow) -> Badge:
        return cls(rule=rule, tenant_row=tenant, code=rule.code)

    def _name(self, info: Info, locale: str | None) -> Served:
        return served(info, self.rule.names, self.tenant_row, locale) or Served(
            self.code, "en", True)

    @strawberry.field
    def name(self, info: Info) -> str:
        return self._name(info, None).value

    @strawberry.field
    def name_i18n(self, info: Info, locale: FieldLocale = None) -> LocalizedString:
        return LocalizedString.of(self._name(info, locale))

    @strawberry.field
    def description(self, info: Info) -> str | None:
        found = served(info, self.rule.descriptions, self.tenant_row)
        return found.value if found else None

    @strawberry.field(description="Verified hours it takes (within its category, period "
                                  "and group).")
    def threshold_hours(self) -> float:
        return self.rule.threshold_hours

    @strawberry.field(description="Only the hours of the last N months count (such a badge "
                                  "can lapse: docs/recognition.md).")
    def period_months(self) -> int | None:
        return self.rule.period_months

    @strawberry.field(description="Only volunteers of this group earn it.")
    def group(self) -> VolunteerGroup | None:
        return VolunteerGroup(self.rule.group) if self.rule.group else None

    @strawberry.field(description="Only hours served in opportunities of this category count.")
    async def category(self, info: Info) -> Category | None:
        if self.rule.category is None:
            return None
        return (await categories_named(info, [self.rule.category]))[0]

    @strawberry.field
    def benefits(self) -> list[Benefit]:
        return [Benefit(code=b.code, texts=b.texts, tenant_row=self.tenant_row)
                for b in self.rule.benefits]

    @strawberry.field(description="The society that awards it.")
    def tenant(self) -> Tenant:
        return Tenant.of(self.tenant_row)


def badges_of(tenant: TenantRow, codes: Sequence[str] | None = None) -> list[Badge]:
    """The tenant's badges (all, or those named, in that order; unknown codes left out)."""
    recognition = recognition_of(tenant)
    if codes is None:
        return [Badge.of(rule, tenant) for rule in recognition.badge_rules]
    return [Badge.of(rule, tenant) for code in codes
            if (rule := recognition.badge_rule(code)) is not None]


@policy(reach=INHERITED, open=("id", "badge", "tenant", "awardedAt", "hours", "hoursDisplay"),
        note="listed only through Volunteer.badges, whose policy decides")
@strawberry.type(description="A badge a volunteer earned.")
class BadgeAward:
    row: strawberry.Private[Any]  # a read-only row of the badge_award table
    badge_rule: strawberry.Private[BadgeRule]
    id: strawberry.ID
    awarded_at: datetime
    hours: float = strawberry.field(description="The verified hours counted when awarded.")

    @classmethod
    def of(cls, row: Any, rule: BadgeRule) -> BadgeAward:
        return cls(row=row, badge_rule=rule, id=strawberry.ID(encode_id("BadgeAward", row.id)),
                   awarded_at=row.awarded_at, hours=row.hours)

    @strawberry.field
    def badge(self, info: Info) -> Badge:
        return Badge.of(self.badge_rule, info.context.tenants.by_id[self.row.tenant_id])

    @strawberry.field(description="The society that awarded it.")
    def tenant(self, info: Info) -> Tenant:
        return tenant_of(info, self.row.tenant_id)

    @strawberry.field(description='Plural-correct in the served locale: "10 hours".')
    def hours_display(self, info: Info) -> str:
        tenant = info.context.tenants.by_id.get(self.row.tenant_id)
        locale, digits = display_locale(info.context, tenant)
        return hours_display(locale, self.hours, digits)


def awards_of(info: Info, rows: Sequence[Any]) -> list[BadgeAward]:
    """Award rows as the API lists them: those of active tenants whose rules still define
    the badge (a removed rule's awards are revoked by the next recompute)."""
    found = []
    for row in rows:
        tenant = info.context.tenants.get(row.tenant_id)
        rule = recognition_of(tenant).badge_rule(row.badge_code) if tenant else None
        if rule is not None:
            found.append(BadgeAward.of(row, rule))
    return found


@policy(reach=EVERYONE, open=("code", "name", "nameI18n", "hours", "badges", "categories"),
        note="a tenant's published levels (its file)")
@strawberry.type(name="Level",
                 description="A step on a tenant's path toward a professional level.")
class LevelStep:
    level: strawberry.Private[Level]
    tenant_row: strawberry.Private[TenantRow]
    code: str
    hours: float = strawberry.field(description="Verified hours it takes in the tenant.")

    @classmethod
    def of(cls, level: Level, tenant: TenantRow) -> LevelStep:
        return cls(level=level, tenant_row=tenant, code=level.code, hours=level.hours)

    def _name(self, info: Info, locale: str | None) -> Served:
        return served(info, self.level.names, self.tenant_row, locale) or Served(
            self.code, "en", True)

    @strawberry.field
    def name(self, info: Info) -> str:
        return self._name(info, None).value

    @strawberry.field
    def name_i18n(self, info: Info, locale: FieldLocale = None) -> LocalizedString:
        return LocalizedString.of(self._name(info, locale))

    @strawberry.field(description="The badges it takes.")
    def badges(self) -> list[Badge]:
        return badges_of(self.tenant_row, self.level.badges)

    @strawberry.field(description="At least one completed opportunity of each.")
    async def categories(self, info: Info) -> list[Category]:
        return await categories_named(info, self.level.categories)


@policy(reach=INHERITED,
        open=("tenant", "levels", "current", "next", "verifiedHours", "hoursNeeded",
              "hoursMissing", "badgesDone", "badgesMissing", "categoriesDone",
              "categoriesMissing", "suggestedOpportunities", "suggestedEvents"),
        note="reached only through Volunteer.level, whose policy decides")
@strawberry.type(description="Where a volunteer stands on a tenant's levels, and what the "
                             "next one takes.")
class VolunteerLevel:
    standing: strawberry.Private[Standing]
    tenant_row: strawberry.Private[TenantRow]

    @strawberry.field
    def tenant(self) -> Tenant:
        return Tenant.of(self.tenant_row)

    @strawberry.field(description="The tenant's whole path, in order.")
    def levels(self) -> list[LevelStep]:
        return [LevelStep.of(level, self.tenant_row) for level in self.standing.levels]

    @strawberry.field(description="The level reached (null: not even the first yet).")
    def current(self) -> LevelStep | None:
        level = self.standing.current
        return LevelStep.of(level, self.tenant_row) if level is not None else None

    @strawberry.field(description="The level to reach next (null: the last is reached).")
    def next(self) -> LevelStep | None:
        level = self.standing.next
        return LevelStep.of(level, self.tenant_row) if level is not None else None

    @strawberry.field(description="Verified hours served with the tenant.")
    def verified_hours(self) -> float:
        return self.standing.hours

    @strawberry.field(description="The verified hours the next level takes.")
    def hours_needed(self) -> float | None:
        return self.standing.hours_needed

    @strawberry.field(description="Verified hours still missing for the next level.")
    def hours_missing(self) -> float:
        return self.standing.hours_missing

    @strawberry.field(description="The next level's badges already earned.")
    def badges_done(self) -> list[Badge]:
        return badges_of(self.tenant_row, self.standing.badges_done)

    @strawberry.field(description="The next level's badges still to earn.")
    def badges_missing(self) -> list[Badge]:
        return badges_of(self.tenant_row, self.standing.badges_missing)

    @strawberry.field(description="The next level's categories with a completed opportunity.")
    async def categories_done(self, info: Info) -> list[Category]:
        return await categories_named(info, self.standing.categories_done)

    @strawberry.field(description="The next level's categories still without one.")
    async def categories_missing(self, info: Info) -> list[Category]:
        return await categories_named(info, self.standing.categories_missing)

    @strawberry.field(description="Published opportunities of the tenant, open now, that "
                                  "bring the next level closer (its missing categories "
                                  "first of all).")
    async def suggested_opportunities(
        self, info: Info, first: int | None = 5, after: str | None = None,
    ) -> Annotated[OpportunityConnection, Lazy("schema.opportunities.types")]:
        from schema.opportunities.types import OpportunityConnection

        page = await suggested_opportunities(info.context, self.standing, first=first,
                                             after=after)
        return await OpportunityConnection.prefetched(info, page)

    @strawberry.field(description="The tenant's upcoming trainings, while a next level is "
                                  "ahead.")
    async def suggested_events(
        self, info: Info, first: int | None = 5, after: str | None = None,
    ) -> Annotated[EventConnection, Lazy("schema.content.types")]:
        from schema.content.types import EventConnection

        page = await suggested_events(info.context, self.standing, first=first, after=after)
        return await EventConnection.prefetched(info, page)
