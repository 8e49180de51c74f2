"""Creating and updating opportunities: the editors' writes (publishing, closing and
archiving are the status machine of every editorial record, resolvers/publishing/statuses.py).

Who may: admins, coordinators and editors of the opportunity's tenant write its texts,
dates, place, category, skills, organization, campaign, visibility, contact, credited hours,
emergency flag and minimum age; only admins and coordinators set or change its capacity and
acceptance (they decide applications, so they decide how many places there are and whether
applicants are accepted at once). A new opportunity is a DRAFT of the writer's own tenant,
visible to that tenant's editors only until it is published.

In an update, a field left out (`KEEP`) is unchanged; a clearable field sent as null is
cleared. What is checked is the record as it will be: an update of the format alone checks
the place it already has against the new format.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, Final

from sqlalchemy import delete, select

from hub.access import COORDINATOR_ROLES
from hub.db import models as m
from hub.db.models import Acceptance, RecordStatus, Visibility
from hub.errors import BadUserInput, Forbidden
from hub.i18n import messages as hub_msg
from resolvers.context import RequestContext
from resolvers.core.writes import Tx, Write
from resolvers.opportunities import messages as msg
from resolvers.opportunities.statuses import OPPORTUNITY
from resolvers.opportunities.taxonomy import check_active_codes
from resolvers.publishing import messages as pub_msg
from resolvers.publishing.rules import Place, aware, check_place_for, check_window, under_input
from resolvers.publishing.statuses import (
    NO_SYNC,
    create_draft,
    editable,
    editors_tenant,
    update_record,
)
from resolvers.publishing.texts import TextEntries, Texts, check_texts
from resolvers.publishing.updates import KEEP, Keep

Opp = m.Opportunity
MAX_SKILLS: Final = 20
MAX_CREDITED_HOURS: Final = 1000
MAX_AGE: Final = 120
MAX_CONTACT_NAME: Final = 200
EMAIL: Final = re.compile(r"[^@\s]+@[^@\s.]+(\.[^@\s.]+)+")
PHONE: Final = re.compile(r"\+?[0-9 ()\-.]{3,40}")




@dataclass(frozen=True, slots=True)
class ContactValues:
    """Who answers questions about the opportunity."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class OpportunityFields:
    """What an editor sends for an opportunity, field by field (KEEP: not sent)."""

    texts: TextEntries = ()
    format: str | Keep = KEEP
    category: str | Keep = KEEP
    skills: tuple[str, ...] | Keep = KEEP
    place: Place | Keep | None = KEEP
    starts_at: datetime | Keep | None = KEEP
    ends_at: datetime | Keep | None = KEEP
    is_ongoing: bool | Keep = KEEP
    organization_id: int | Keep | None = KEEP
    campaign_id: int | Keep | None = KEEP
    visibility: str | Keep = KEEP
    contact: ContactValues | Keep | None = KEEP
    credited_hours: float | Keep | None = KEEP
    is_emergency: bool | Keep = KEEP
    min_age: int | Keep | None = KEEP
    capacity: int | Keep | None = KEEP
    acceptance: str | Keep = KEEP

    def given(self) -> list[str]:
        """The names of the fields sent (texts included when any language is)."""
        return [f.name for f in fields(self)
                if (getattr(self, f.name) is not KEEP if f.name != "texts" else self.texts)]


# What a new opportunity is when its input leaves a field out.
CREATED: Final = {"visibility": Visibility.PUBLIC.value, "is_ongoing": False,
                  "is_emergency": False, "acceptance": Acceptance.REVIEW.value,
                  "capacity": None}


@dataclass(frozen=True, slots=True)
class Editing:
    """An opportunity being written: its tenant, its row (None: a new one) and, once
    validated, the column values, texts and skills to write."""

    tenant_id: int
    row: Any | None = None
    values: dict[str, Any] = field(default_factory=dict)
    texts: list[Texts] = field(default_factory=list)
    skills: tuple[str, ...] | None = None


# --- who may, and what the input refers to --------------------------------------------------

def _current(row: Any | None, name: str) -> Any:
    return getattr(row, name) if row is not None else CREATED.get(name)


def check_coordinating(ctx: RequestContext, tenant_id: int, given: OpportunityFields,
                       row: Any | None) -> None:
    """Capacity and acceptance are the coordinators' (and admins'): an editor may send them
    only unchanged."""
    for name in ("capacity", "acceptance"):
        value = getattr(given, name)
        if value is not KEEP and value != _current(row, name) \
                and not ctx.scope.is_owner_staff(tenant_id, COORDINATOR_ROLES):
            raise Forbidden(pub_msg.COORDINATORS_ONLY)


async def check_references(ctx: RequestContext, tenant_id: int, given: OpportunityFields,
                           row: Any | None, *,
                           kept_skills: Collection[str] | None = None) -> None:
    """The category and skills exist and are not retired (a retired one already on the
    record may stay); the organization and the campaign are the tenant's own. The record's
    skills are read through the caller's loaders unless given (`kept_skills`: a sync reads
    them with the record, resolvers/sync)."""
    if isinstance(given.category, str) and given.category != _current(row, "category_code"):
        category = await ctx.loaders.category_by_code.load(given.category)
        if category is None or not category.active:
            raise BadUserInput(hub_msg.UNKNOWN_CATEGORY, argument="category",
                               code=given.category)
    if isinstance(given.skills, tuple):
        if len(given.skills) > MAX_SKILLS:
            raise BadUserInput(hub_msg.TOO_MANY_VALUES, argument="skills", count=MAX_SKILLS)
        kept: set[str] = set(kept_skills or ())
        if row is not None and kept_skills is None:
            kept = {s.skill_code for s in await ctx.loaders.skills_by_opportunity.load(row.id)}
        await check_active_codes(ctx, skills=[s for s in given.skills if s not in kept])
    if isinstance(given.organization_id, int):
        organization = await ctx.loaders.organization_by_id.load(given.organization_id)
        if organization is None or organization.tenant_id != tenant_id:
            raise BadUserInput(msg.ORGANIZATION_NOT_OURS, argument="organizationId")
    if isinstance(given.campaign_id, int) and given.campaign_id != _current(row, "campaign_id"):
        campaign = await ctx.loaders.campaign_by_id.load(given.campaign_id)
        if campaign is None or campaign.tenant_id != tenant_id:
            raise BadUserInput(msg.CAMPAIGN_NOT_OURS, argument="campaignId")
        if campaign.status == RecordStatus.ARCHIVED:
            raise BadUserInput(msg.CAMPAIGN_ARCHIVED, argument="campaignId")


# --- the input, checked into column values ---------------------------------------------------

def _place_of(row: Any | None) -> Place | None:
    if row is None:
        return None
    return Place(row.country, row.region, row.city, row.latitude, row.longitude)


def _contact(contact: ContactValues | None) -> dict[str, Any]:
    if contact is None:
        return {"contact_name": None, "contact_email": None, "contact_phone": None}
    name = (contact.name or "").strip() or None
    email = (contact.email or "").strip() or None
    phone = (contact.phone or "").strip() or None
    if name is not None and len(name) > MAX_CONTACT_NAME:
        raise BadUserInput(msg.CONTACT_TOO_LONG, argument="contact.name",
                           count=MAX_CONTACT_NAME)
    if email is not None and (len(email) > 200 or not EMAIL.fullmatch(email)):
        raise BadUserInput(msg.CONTACT_EMAIL, argument="contact.email")
    if phone is not None and not (PHONE.fullmatch(phone) and any(c.isdigit() for c in phone)):
        raise BadUserInput(msg.CONTACT_PHONE, argument="contact.phone")
    return {"contact_name": name, "contact_email": email, "contact_phone": phone}


def _numbers(given: OpportunityFields) -> dict[str, Any]:
    values: dict[str, Any] = {}
    if given.capacity is not KEEP:
        if given.capacity is not None and given.capacity < 1:
            raise BadUserInput(msg.CAPACITY_AT_LEAST_ONE, argument="capacity")
        values["capacity"] = given.capacity
    if given.min_age is not KEEP:
        if given.min_age is not None and not 0 <= given.min_age <= MAX_AGE:
            raise BadUserInput(msg.MINIMUM_AGE_RANGE, argument="minimumAge")
        values["min_age"] = given.min_age
    hours = given.credited_hours
    if hours is not KEEP:
        if hours is not None:
            if not math.isfinite(hours) or hours > MAX_CREDITED_HOURS:
                raise BadUserInput(msg.CREDITED_HOURS_TOO_MANY, argument="creditedHours",
                                   count=MAX_CREDITED_HOURS)
            if hours < 0:
                raise BadUserInput(msg.CREDITED_HOURS_NEGATIVE, argument="creditedHours")
            hours = round(hours, 2)
        values["credited_hours"] = hours
    return values


def checked(given: OpportunityFields, target: Editing) -> Editing:
    """The input as column values, texts and skills, or BAD_USER_INPUT naming the field."""
    row = target.row
    texts = check_texts(given.texts, m.OpportunityTranslation.text_fields,
                        creating=row is None)
    values = _numbers(given)
    for name in ("format", "is_ongoing", "visibility", "is_emergency", "acceptance",
                 "organization_id", "campaign_id"):
        value = getattr(given, name)
        if value is not KEEP:
            values[name] = value
    if given.category is not KEEP:
        values["category_code"] = given.category
    if given.format is not KEEP or given.place is not KEEP:
        format = given.format if isinstance(given.format, str) else _current(row, "format")
        place = _place_of(row) if given.place is KEEP else given.place
        place = check_place_for(format, place)
        values.update(country=place.country if place else None,
                      region=place.region if place else None,
                      city=place.city if place else None,
                      latitude=place.latitude if place else None,
                      longitude=place.longitude if place else None)
    if given.starts_at is not KEEP or given.ends_at is not KEEP:
        starts = _current(row, "starts_at") if given.starts_at is KEEP else \
            aware(given.starts_at, "startsAt")
        ends = _current(row, "ends_at") if given.ends_at is KEEP else \
            aware(given.ends_at, "endsAt")
        check_window(starts, ends)
        values.update(starts_at=starts, ends_at=ends)
    if given.contact is not KEEP:
        values.update(_contact(given.contact))
    if row is not None and values.get("capacity") is not None \
            and values["capacity"] < row.filled_spots:
        raise BadUserInput(msg.CAPACITY_BELOW_FILLED, argument="capacity",
                           count=row.filled_spots)
    skills = tuple(dict.fromkeys(given.skills)) if isinstance(given.skills, tuple) else None
    return Editing(target.tenant_id, row, values, texts, skills)


# --- the writes ---------------------------------------------------------------------------------

async def _write_skills(tx: Tx, target: Editing, opportunity_id: int) -> None:
    if target.skills is None:
        return
    if target.row is not None:
        await tx.session.execute(delete(m.OpportunitySkill).where(
            m.OpportunitySkill.opportunity_id == opportunity_id).execution_options(**NO_SYNC))
    if target.skills:
        tx.session.add_all(m.OpportunitySkill(tenant_id=target.tenant_id,
                                              opportunity_id=opportunity_id, skill_code=code)
                           for code in target.skills)
    tx.changed(lambda loaders: loaders.skills_by_opportunity, opportunity_id)


@dataclass(frozen=True)
class CreateOpportunity(Write[Editing, int]):
    """A new DRAFT opportunity of the writer's tenant; its id. Its first language is the
    source of its texts."""

    given: OpportunityFields

    async def allow(self, ctx: RequestContext) -> Editing:
        tenant_id = editors_tenant(ctx)
        check_coordinating(ctx, tenant_id, self.given, None)
        with under_input():
            await check_references(ctx, tenant_id, self.given, None)
        return Editing(tenant_id)

    def validate(self, target: Editing) -> Editing:
        if not isinstance(self.given.format, str) or not isinstance(self.given.category, str):
            raise TypeError("an opportunity is created with a format and a category")
        with under_input():
            edited = checked(self.given, target)
        return Editing(target.tenant_id, None, {**CREATED, **edited.values}, edited.texts,
                       edited.skills)

    async def apply(self, tx: Tx, target: Editing) -> int:
        opportunity_id = await create_draft(tx, OPPORTUNITY, target.tenant_id, target.texts,
                                            filled_spots=0, **target.values)
        await _write_skills(tx, target, opportunity_id)
        tx.audit("create_opportunity", OPPORTUNITY.name, OPPORTUNITY.gid(opportunity_id),
                 tenant_id=target.tenant_id, fields=self.given.given())
        return opportunity_id


@dataclass(frozen=True)
class UpdateOpportunity(Write[Editing, int]):
    """The fields sent of the opportunity `key`, in any status but archived (a closed record
    may still be corrected); its id."""

    key: int
    given: OpportunityFields

    async def allow(self, ctx: RequestContext) -> Editing:
        row = await editable(ctx, OPPORTUNITY, self.key)
        check_coordinating(ctx, row.tenant_id, self.given, row)
        with under_input():
            await check_references(ctx, row.tenant_id, self.given, row)
        return Editing(row.tenant_id, row)

    def validate(self, target: Editing) -> Editing:
        with under_input():
            return checked(self.given, target)

    async def apply(self, tx: Tx, target: Editing) -> int:
        row, values = target.row, target.values
        assert row is not None
        capacity = values.get("capacity")
        if capacity is not None:
            # Locked until the commit: no place is taken between this check and the update.
            filled = int(await tx.session.scalar(select(Opp.filled_spots).where(
                Opp.id == row.id).with_for_update()) or 0)
            if capacity < filled:
                raise BadUserInput(msg.CAPACITY_BELOW_FILLED, argument="input.capacity",
                                   count=filled)
        await update_record(tx, OPPORTUNITY, row, target.texts, **values)
        await _write_skills(tx, target, row.id)
        tx.audit("update_opportunity", OPPORTUNITY.name, OPPORTUNITY.gid(row.id),
                 tenant_id=row.tenant_id, fields=self.given.given())
        return int(row.id)
