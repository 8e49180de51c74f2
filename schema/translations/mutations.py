"""`setTranslation`: an editor writes one text field of a record in one language.

Writing the source language changes the source digest, so every other translation of the
record becomes stale (`isStale`) until it is written again. One transaction, audited.
"""

from __future__ import annotations

from typing import Any

import strawberry
from sqlalchemy import select

from hub.access import EDITOR_ROLES
from hub.db import models as m
from hub.db.types import utcnow
from hub.errors import BadUserInput, Forbidden, NotFound
from hub.i18n import messages as msg
from hub.i18n import normalize_tag
from hub.i18n.digest import text_digest
from hub.ids import decode_id
from schema.core.info import Info
from schema.core.policy import EVERYONE, policy
from schema.translations.types import Translation, translations_of

# type name -> (translation model, foreign key, loader name); the fields are the model's
TRANSLATABLE: dict[str, tuple[Any, str, str]] = {
    "Opportunity": (m.OpportunityTranslation, "opportunity_id", "opportunity"),
    "NewsItem": (m.NewsItemTranslation, "news_item_id", "news_item"),
    "Event": (m.EventTranslation, "event_id", "event"),
    "Campaign": (m.CampaignTranslation, "campaign_id", "campaign"),
}
MAX_LENGTH = {"title": 300}
MAX_TEXT = 20_000


@strawberry.input
class SetTranslationInput:
    id: strawberry.ID = strawberry.field(description="An Opportunity, NewsItem, Event or Campaign.")
    locale: str
    field: str = strawberry.field(description="title, summary, description or body")
    value: str


async def set_translation(info: Info, input: SetTranslationInput) -> list[Translation]:
    ctx = info.context
    type_name, key = decode_id(input.id)
    if type_name not in TRANSLATABLE:
        raise BadUserInput(msg.NOT_FOUND, argument="id", type=type_name)
    model, fk, loader = TRANSLATABLE[type_name]
    fields: tuple[str, ...] = model.text_fields
    record = await getattr(ctx.loaders, f"{loader}_by_id").load(key)
    if record is None:
        raise NotFound(msg.NOT_FOUND, argument="id", type=type_name)
    if not ctx.scope.is_owner_staff(record.tenant_id, EDITOR_ROLES):
        raise Forbidden(msg.EDITORS_ONLY)
    locale = normalize_tag(input.locale)
    if locale is None:
        raise BadUserInput(msg.UNSUPPORTED_LOCALE, argument="locale", locale=input.locale,
                           locales="ar, en, fr, ...")
    if input.field not in fields:
        raise BadUserInput(msg.UNKNOWN_TEXT_FIELD, argument="field", field=input.field)
    value = input.value.strip()
    if not value:
        raise BadUserInput(msg.EMPTY_TEXT, argument="value")
    limit = MAX_LENGTH.get(input.field, MAX_TEXT)
    if len(value) > limit:
        raise BadUserInput(msg.TEXT_TOO_LONG, argument="value", count=limit)

    async with ctx.db.transaction() as session:
        rows = list((await session.scalars(select(model).where(getattr(model, fk) == key)
                                           .with_for_update())).all())
        row = next((r for r in rows if r.locale == locale), None)
        if row is None:
            if input.field != "title":
                # A new language starts with its title (the one required text).
                raise BadUserInput(msg.UNKNOWN_TEXT_FIELD, argument="field", field=input.field)
            row = model(**{fk: key}, tenant_id=record.tenant_id, locale=locale, title=value,
                        is_source=not rows)
            session.add(row)
            rows.append(row)
        setattr(row, input.field, value)
        row.updated_at = utcnow()
        source = next((r for r in rows if r.is_source), None)
        if source is not None and row is not source:
            # Written now from the current source: fresh.
            row.source_digest = text_digest(getattr(source, f) for f in fields)
        await session.flush()
        ctx.audit.record("set_translation", type_name, input.id, tenant_id=record.tenant_id,
                         locale=locale, field=input.field)
        await ctx.audit.flush(session)
    getattr(ctx.loaders, f"translations_by_{loader}").clear(key)
    fresh = await getattr(ctx.loaders, f"translations_by_{loader}").load(key)
    return translations_of(fresh, fields)


@policy(reach=EVERYONE, open=("setTranslation",))
@strawberry.type
class TranslationMutations:
    @strawberry.mutation(description="Editors of the owning tenant: write one text field of a "
                                      "record in one language; returns all its translations.")
    async def set_translation(self, info: Info, input: SetTranslationInput) -> list[Translation]:
        return await set_translation(info, input)
