"""The input of `upsertOpportunities`: a batch of a society system's opportunities, each
whole (a field left out takes its default, it is not "unchanged"), turned into the sync
command's items (resolvers/sync/items.py)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from resolvers.sync.items import SyncItem, SyncText
from schema.applications.inputs import RETRY
from schema.core.enums import Acceptance, OpportunityFormat, OpportunityStatus, Visibility
from schema.opportunities.edit_inputs import ContactInput
from schema.publishing.inputs import PlaceInput


@strawberry.input(description="One language's texts of a synced opportunity. A summary or a "
                              "description left out is none; a language the item does not "
                              "name is kept as the hub has it.")
class SyncTextsInput:
    locale: str = strawberry.field(description="A language tag, e.g. ar, fr or en-GB.")
    title: str
    summary: str | None = None
    description: str | None = None

    def text(self) -> SyncText:
        return SyncText(self.locale, self.title, self.summary, self.description)


@strawberry.input(description="One opportunity of your system, whole: a field left out takes "
                              "its default (no place, no dates, no limit, not an emergency, "
                              "PUBLIC, REVIEW).")
class SyncOpportunityInput:
    external_id: str = strawberry.field(
        description="Its id in your system (at most 128 characters): the key of the record "
                    "in your society, never another's.")
    status: OpportunityStatus = strawberry.field(
        description="Where the record must be: DRAFT, PUBLISHED (published now, as an editor "
                    "publishes it), CLOSED or ARCHIVED; a move the status machine forbids is "
                    "rejected. A new record arrives as DRAFT, PUBLISHED or ARCHIVED.")
    texts: list[SyncTextsInput] = strawberry.field(
        description="At least one language, each with a title; on a new record the first is "
                    "the source.")
    format: OpportunityFormat
    category: str = strawberry.field(description="A category code in use.")
    skills: list[str] = strawberry.field(default_factory=list,
                                         description="Skill codes in use (at most 20).")
    place: PlaceInput | None = strawberry.field(
        default=None, description="ONSITE: required (a city or a region at least); REMOTE: "
                                  "none (a country at most).")
    starts_at: datetime | None = strawberry.field(default=None,
                                                  description="With a time zone offset.")
    ends_at: datetime | None = strawberry.field(default=None, description="After startsAt.")
    is_ongoing: bool = False
    capacity: int | None = strawberry.field(
        default=None, description="At least 1 and the places already taken; null: no limit.")
    credited_hours: float | None = strawberry.field(default=None, description="0 to 1000.")
    is_emergency: bool = strawberry.field(
        default=False, description="Published, it calls matching volunteers at once.")
    minimum_age: int | None = strawberry.field(default=None, description="0 to 120 years.")
    visibility: Visibility = strawberry.field(
        default=Visibility.PUBLIC, description="Once published: PUBLIC, NETWORK or TENANT.")
    acceptance: Acceptance = strawberry.field(default=Acceptance.REVIEW,
                                              description="REVIEW or AUTOMATIC.")
    contact: ContactInput | None = None

    def item(self) -> SyncItem:
        return SyncItem(
            external_id=self.external_id,
            status=self.status.value,
            texts=tuple(t.text() for t in self.texts),
            format=self.format.value,
            category=self.category,
            skills=tuple(self.skills),
            place=self.place.place() if self.place is not None else None,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            is_ongoing=self.is_ongoing,
            capacity=self.capacity,
            credited_hours=self.credited_hours,
            is_emergency=self.is_emergency,
            minimum_age=self.minimum_age,
            visibility=self.visibility.value,
            acceptance=self.acceptance.value,
            contact=self.contact.values() if self.contact is not None else None,
        )


@strawberry.input(description="A batch of your system's opportunities (at most "
                              "HUB_SYNC_MAX_BATCH, 200 by default).")
class UpsertOpportunitiesInput:
    items: list[SyncOpportunityInput]
    client_mutation_id: str | None = strawberry.field(default=None, description=RETRY)

    def values(self) -> list[SyncItem]:
        return [item.item() for item in self.items]
