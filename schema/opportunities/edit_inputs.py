"""Inputs of the editors' writes of opportunities and campaigns, turned into the commands'
field sets (resolvers/opportunities/commands.py, campaigns.py).

In an update, a field left out is unchanged; a clearable field (dates, place, contact,
organization, campaign, numbers) sent as null is cleared; null for one that cannot be
cleared (format, category, visibility, flags, acceptance) leaves it unchanged. Every input
takes an optional `clientMutationId`, the client's idempotency key for retries.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import strawberry

from resolvers.opportunities.campaigns import CampaignFields
from resolvers.opportunities.commands import ContactValues, OpportunityFields
from resolvers.publishing.updates import KEEP, Keep
from schema.applications.inputs import RETRY, key_of
from schema.core.enums import Acceptance, OpportunityFormat, Visibility
from schema.publishing.inputs import (
    PlaceInput,
    TextsInput,
    clearable,
    entries,
    enum_value,
    settable,
)

UNSET: Any = strawberry.UNSET
COORDINATORS = "Admins and coordinators of the society only."


def _id(value: strawberry.ID | None, type_name: str, argument: str) -> int | Keep | None:
    kept = clearable(value)
    return kept if kept is None or isinstance(kept, Keep) else key_of(kept, type_name, argument)


@strawberry.input(description="Who answers questions about an opportunity (members and "
                              "staff see it).")
class ContactInput:
    name: str | None = None
    email: str | None = None
    phone: str | None = strawberry.field(default=None,
                                         description="Digits, spaces and + ( ) - . only.")

    def values(self) -> ContactValues:
        return ContactValues(self.name, self.email, self.phone)


@strawberry.input
class OpportunityFieldsInput:
    """The fields of an opportunity an editor writes (shared by create and update)."""

    skills: list[str] | None = strawberry.field(default=UNSET,
                                                description="Skill codes (replace the list).")
    place: PlaceInput | None = strawberry.field(
        default=UNSET, description="ONSITE: required (a city or a region at least); REMOTE: "
                                   "none (a country at most).")
    starts_at: datetime | None = strawberry.field(default=UNSET,
                                                  description="With a time zone offset.")
    ends_at: datetime | None = strawberry.field(default=UNSET,
                                                description="After startsAt.")
    is_ongoing: bool | None = UNSET
    organization_id: strawberry.ID | None = strawberry.field(
        default=UNSET, description="An organization of the writer's society.")
    campaign_id: strawberry.ID | None = strawberry.field(
        default=UNSET, description="A campaign of the writer's society, not archived.")
    visibility: Visibility | None = strawberry.field(
        default=UNSET, description="Once published: PUBLIC (the default), NETWORK or TENANT.")
    contact: ContactInput | None = UNSET
    credited_hours: float | None = strawberry.field(default=UNSET,
                                                    description="0 to 1000.")
    is_emergency: bool | None = UNSET
    minimum_age: int | None = strawberry.field(default=UNSET, description="0 to 120 years.")
    capacity: int | None = strawberry.field(
        default=UNSET, description=f"At least 1 and the places already taken; null: no "
                                   f"limit. {COORDINATORS}")
    acceptance: Acceptance | None = strawberry.field(
        default=UNSET, description=f"REVIEW (the default) or AUTOMATIC. {COORDINATORS}")
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)

    def fields(self, texts: list[TextsInput] | None, format: OpportunityFormat | None,
               category: str | None) -> OpportunityFields:
        place = clearable(self.place)
        contact = clearable(self.contact)
        skills = clearable(self.skills)
        return OpportunityFields(
            texts=entries(texts),
            format=enum_value(format),
            category=settable(category),
            skills=KEEP if isinstance(skills, Keep) else tuple(skills or ()),
            place=place.place() if isinstance(place, PlaceInput) else place,
            starts_at=clearable(self.starts_at),
            ends_at=clearable(self.ends_at),
            is_ongoing=settable(self.is_ongoing),
            organization_id=_id(self.organization_id, "Organization", "input.organizationId"),
            campaign_id=_id(self.campaign_id, "Campaign", "input.campaignId"),
            visibility=enum_value(self.visibility),
            contact=contact.values() if isinstance(contact, ContactInput) else contact,
            credited_hours=clearable(self.credited_hours),
            is_emergency=settable(self.is_emergency),
            min_age=clearable(self.minimum_age),
            capacity=clearable(self.capacity),
            acceptance=enum_value(self.acceptance),
        )


@strawberry.input(description="A new opportunity: a DRAFT of the writer's society, seen by "
                              "its editors only until published.")
class CreateOpportunityInput(OpportunityFieldsInput):
    texts: list[TextsInput] = strawberry.field(
        description="At least one language, each with a title; the first is the source.")
    format: OpportunityFormat
    category: str = strawberry.field(description="A category code in use.")

    def values(self) -> OpportunityFields:
        return self.fields(self.texts, self.format, self.category)


@strawberry.input(description="Changes of an opportunity: the fields sent only.")
class UpdateOpportunityInput(OpportunityFieldsInput):
    id: strawberry.ID
    texts: list[TextsInput] | None = strawberry.field(
        default=None, description="The languages to write; a field left out is unchanged, "
                                  "an empty text clears it (never the title).")
    format: OpportunityFormat | None = None
    category: str | None = None

    def values(self) -> OpportunityFields:
        return self.fields(self.texts, self.format, self.category)


@strawberry.input(description="Publish now, or at `publishAt` (scheduled: until then only "
                              "the society's staff see it). A scheduled record published "
                              "again is rescheduled.")
class PublishOpportunityInput:
    id: strawberry.ID
    publish_at: datetime | None = strawberry.field(
        default=None, description="Ahead of now, with a time zone offset; left out: now.")
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)


@strawberry.input(description="Publish now, or at `publishAt` (scheduled).")
class PublishCampaignInput(PublishOpportunityInput):
    pass


@strawberry.input(description="A published opportunity to close.")
class CloseOpportunityInput:
    id: strawberry.ID
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)


@strawberry.input(description="An opportunity to archive.")
class ArchiveOpportunityInput(CloseOpportunityInput):
    pass


@strawberry.input(description="A published campaign to close.")
class CloseCampaignInput(CloseOpportunityInput):
    pass


@strawberry.input(description="A campaign to archive.")
class ArchiveCampaignInput(CloseOpportunityInput):
    pass


@strawberry.input
class CampaignFieldsInput:
    starts_on: date | None = UNSET
    ends_on: date | None = strawberry.field(default=UNSET, description="Not before startsOn.")
    visibility: Visibility | None = strawberry.field(
        default=UNSET, description="Once published: PUBLIC (the default), NETWORK or TENANT.")
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)

    def fields(self, texts: list[TextsInput] | None) -> CampaignFields:
        return CampaignFields(texts=entries(texts), starts_on=clearable(self.starts_on),
                              ends_on=clearable(self.ends_on),
                              visibility=enum_value(self.visibility))


@strawberry.input(description="A new campaign: a DRAFT of the writer's society.")
class CreateCampaignInput(CampaignFieldsInput):
    texts: list[TextsInput] = strawberry.field(
        description="At least one language with a title; the first is the source.")

    def values(self) -> CampaignFields:
        return self.fields(self.texts)


@strawberry.input(description="Changes of a campaign: the fields sent only.")
class UpdateCampaignInput(CampaignFieldsInput):
    id: strawberry.ID
    texts: list[TextsInput] | None = None

    def values(self) -> CampaignFields:
        return self.fields(self.texts)
