"""Writing a record's texts: an editor writes one text field of a record in one language.

Writing the source language changes the source digest, so every other translation of the
record becomes stale (`isStale`) until it is written again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute

from hub.access import EDITOR_ROLES
from hub.db import models as m
from hub.db.types import utcnow
from hub.errors import BadUserInput, Forbidden, NotFound
from hub.i18n import messages as msg
from hub.i18n import normalize_tag
from hub.i18n.digest import text_digest
from hub.ids import encode_id
from resolvers.context import RequestContext
from resolvers.core.loaders import RowByKeyLoader, RowsByKeyLoader
from resolvers.core.writes import Tx, Write, perform
from resolvers.loaders import Loaders

MAX_LENGTH = {"title": 300}
MAX_TEXT = 20_000


@dataclass(frozen=True, slots=True)
class Translatable:
    """A record type whose texts are translation rows, one per (record, locale)."""

    name: str  # the API's type name
    model: Any  # the translation model; its `text_fields` are the translatable fields
    key: InstrumentedAttribute[int]  # the translation row's foreign key to the record
    record: Callable[[Loaders], RowByKeyLoader]  # the record, under the caller's scope
    translations: Callable[[Loaders], RowsByKeyLoader]  # the record's translation rows

    @property
    def fields(self) -> tuple[str, ...]:
        fields: tuple[str, ...] = self.model.text_fields
        return fields


TRANSLATABLE: dict[str, Translatable] = {t.name: t for t in (
    Translatable("Opportunity", m.OpportunityTranslation, m.OpportunityTranslation.opportunity_id,
                 lambda loaders: loaders.opportunity_by_id,
                 lambda loaders: loaders.translations_by_opportunity),
    Translatable("NewsItem", m.NewsItemTranslation, m.NewsItemTranslation.news_item_id,
                 lambda loaders: loaders.news_item_by_id,
                 lambda loaders: loaders.translations_by_news_item),
    Translatable("Event", m.EventTranslation, m.EventTranslation.event_id,
                 lambda loaders: loaders.event_by_id,
                 lambda loaders: loaders.translations_by_event),
    Translatable("Campaign", m.CampaignTranslation, m.CampaignTranslation.campaign_id,
                 lambda loaders: loaders.campaign_by_id,
                 lambda loaders: loaders.translations_by_campaign),
)}


def translatable(type_name: str) -> Translatable:
    """The translatable type named by an id's type; any other is bad input."""
    kind = TRANSLATABLE.get(type_name)
    if kind is None:
        raise BadUserInput(msg.NOT_FOUND, argument="id", type=type_name)
    return kind


@dataclass(frozen=True, slots=True)
class Edit:
    record: Any  # the record's row, as the caller may read it
    locale: str
    value: str


@dataclass(frozen=True)
class SetTranslation(Write[Edit, None]):
    """One text `field` of the record `key` of `kind`, in `locale`."""

    kind: Translatable
    key: int
    locale: str
    field: str
    value: str

    async def allow(self, ctx: RequestContext) -> Edit:
        record = await self.kind.record(ctx.loaders).load(self.key)
        if record is None:
            raise NotFound(msg.NOT_FOUND, argument="id", type=self.kind.name)
        if not ctx.scope.is_owner_staff(record.tenant_id, EDITOR_ROLES):
            raise Forbidden(msg.EDITORS_ONLY)
        return Edit(record, self.locale, self.value)

    def validate(self, edit: Edit) -> Edit:
        locale = normalize_tag(edit.locale)
        if locale is None:
            raise BadUserInput(msg.UNSUPPORTED_LOCALE, argument="locale", locale=edit.locale,
                               locales="ar, en, fr, ...")
        if self.field not in self.kind.fields:
            raise BadUserInput(msg.UNKNOWN_TEXT_FIELD, argument="field", field=self.field)
        value = edit.value.strip()
        if not value:
            raise BadUserInput(msg.EMPTY_TEXT, argument="value")
        limit = MAX_LENGTH.get(self.field, MAX_TEXT)
        if len(value) > limit:
            raise BadUserInput(msg.TEXT_TOO_LONG, argument="value", count=limit)
        return Edit(edit.record, locale, value)

    async def apply(self, tx: Tx, edit: Edit) -> None:
        model, fk, tenant_id = self.kind.model, self.kind.key, edit.record.tenant_id
        rows = list((await tx.session.scalars(select(model).where(fk == self.key)
                                              .with_for_update())).all())
        row = next((r for r in rows if r.locale == edit.locale), None)
        if row is None:
            if self.field != "title":
                # A new language starts with its title (the one required text).
                raise BadUserInput(msg.UNKNOWN_TEXT_FIELD, argument="field", field=self.field)
            row = model(**{fk.key: self.key}, tenant_id=tenant_id, locale=edit.locale,
                        title=edit.value, is_source=not rows)
            tx.session.add(row)
            rows.append(row)
        setattr(row, self.field, edit.value)
        row.updated_at = utcnow()
        source = next((r for r in rows if r.is_source), None)
        if source is not None and row is not source:
            # Written now from the current source: fresh.
            row.source_digest = text_digest(getattr(source, f) for f in self.kind.fields)
        tx.audit("set_translation", self.kind.name, encode_id(self.kind.name, self.key),
                 tenant_id=tenant_id, locale=edit.locale, field=self.field)
        tx.changed(self.kind.translations, self.key)


async def set_translation(ctx: RequestContext, write: SetTranslation) -> list[Any]:
    """All the record's translation rows, as written."""
    await perform(ctx, write)
    rows: list[Any] = await write.kind.translations(ctx.loaders).load(write.key)
    return rows
