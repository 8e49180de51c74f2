"""One opportunity as a society's system sends it, and the digest that says "the same again".

An item is the whole record, not a change: a field left out takes its default (no place, no
dates, no capacity, not an emergency, PUBLIC, REVIEW), never "unchanged" as in an editor's
update. Its texts are written per language (title required, a summary or description left
out is cleared); a language the item does not name is kept (a translator may have added it
in the hub). Organization and campaign are not synced: links an editor made in the hub stay.

The digest is of the item as sent (every field, in the order sent, with a version of this
form): the next item with the same digest is UNCHANGED and nothing is written. It describes
what the system last sent, not the record: an editor's later change in the hub stands until
the system sends something different.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Final

from hub.db.models import Acceptance, Visibility
from resolvers.core.idempotency import fingerprint
from resolvers.opportunities.commands import ContactValues, OpportunityFields
from resolvers.publishing.rules import Place

# Changing what an item holds (a new field) changes this: every record is then written once
# more on its next sync, with the new field.
DIGEST_FORM: Final = "SyncOpportunity/1"


@dataclass(frozen=True, slots=True)
class SyncText:
    """One language's texts of an item."""

    locale: str
    title: str
    summary: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class SyncItem:
    """An opportunity of the system's, keyed by its `external_id`; `status` is where the
    record must end (DRAFT, PUBLISHED, CLOSED or ARCHIVED)."""

    external_id: str
    status: str
    texts: tuple[SyncText, ...]
    format: str
    category: str
    skills: tuple[str, ...] = ()
    place: Place | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    is_ongoing: bool = False
    capacity: int | None = None
    credited_hours: float | None = None
    is_emergency: bool = False
    minimum_age: int | None = None
    visibility: str = Visibility.PUBLIC.value
    acceptance: str = Acceptance.REVIEW.value
    contact: ContactValues | None = None

    def digest(self) -> str:
        """What `opportunity.sync_digest` keeps of this item (64 hex characters)."""
        return fingerprint(DIGEST_FORM, self)

    def fields(self) -> OpportunityFields:
        """The item as the editors' commands take it: every field given (the whole record),
        an empty summary or description clearing it."""
        return OpportunityFields(
            texts=tuple((t.locale, {"title": t.title, "summary": t.summary or "",
                                    "description": t.description or ""})
                        for t in self.texts),
            format=self.format,
            category=self.category,
            skills=self.skills,
            place=self.place,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            is_ongoing=self.is_ongoing,
            visibility=self.visibility,
            contact=self.contact,
            credited_hours=self.credited_hours,
            is_emergency=self.is_emergency,
            min_age=self.minimum_age,
            capacity=self.capacity,
            acceptance=self.acceptance,
        )
