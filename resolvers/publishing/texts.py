"""A record's texts as an editor writes them: one entry per language, checked, then written
as translation rows in the write's transaction.

The first language written for a record is its source. Writing a translation records the
digest of the source it was made from; changing the source later leaves the other
languages with an older digest, which the API shows as `isStale` until they are written
again (the same rule as `setTranslation`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from hub.db.types import utcnow
from hub.errors import BadUserInput
from hub.i18n import messages as hub_msg
from hub.i18n import normalize_tag
from hub.i18n.digest import text_digest
from resolvers.core.writes import Tx
from resolvers.publishing import messages as msg
from resolvers.translations.commands import MAX_LENGTH, MAX_TEXT, Translatable

# The texts of a record as an input gives them: (locale, {field: text}) per language.
TextEntries = Sequence[tuple[str, Mapping[str, str | None]]]


@dataclass(frozen=True, slots=True)
class Texts:
    """One language's texts: a field absent from `values` is left as it is; a field
    mapped to None is cleared (never the title)."""

    locale: str
    values: Mapping[str, str | None]


def check_texts(entries: TextEntries, fields: tuple[str, ...], *, creating: bool,
                argument: str = "texts") -> list[Texts]:
    """Each (locale, {field: text}) checked: a known language given once, only `fields`,
    lengths within limits, a title for every language of a new record. In an update, None
    means "unchanged" and an empty text clears the field."""
    if creating and not entries:
        raise BadUserInput(msg.NO_TEXTS, argument=argument)
    seen: set[str] = set()
    checked: list[Texts] = []
    for raw_locale, raw in entries:
        locale = normalize_tag(raw_locale)
        if locale is None:
            raise BadUserInput(hub_msg.UNSUPPORTED_LOCALE, argument=f"{argument}.locale",
                               locale=raw_locale, locales="ar, en, fr, ...")
        if locale in seen:
            raise BadUserInput(msg.DUPLICATE_LOCALE, argument=f"{argument}.locale",
                               locale=locale)
        seen.add(locale)
        values: dict[str, str | None] = {}
        for field, value in raw.items():
            if value is None:
                continue
            if field not in fields:
                raise BadUserInput(msg.FIELD_NOT_HERE, argument=f"{argument}.{field}",
                                   field=field)
            text = value.strip()
            limit = MAX_LENGTH.get(field, MAX_TEXT)
            if len(text) > limit:
                raise BadUserInput(hub_msg.TEXT_TOO_LONG, argument=f"{argument}.{field}",
                                   count=limit)
            if not text and field == "title":
                raise BadUserInput(msg.TITLE_REQUIRED, argument=f"{argument}.title",
                                   locale=locale)
            values[field] = text or None
        if creating and not values.get("title"):
            raise BadUserInput(msg.TITLE_REQUIRED, argument=f"{argument}.title", locale=locale)
        checked.append(Texts(locale, values))
    return checked


async def write_texts(tx: Tx, kind: Translatable, record_id: int, tenant_id: int,
                      texts: Sequence[Texts], *, new: bool = False,
                      argument: str = "texts") -> None:
    """Write `texts` as `kind`'s translation rows of `record_id`, in `tx`.

    `new`: the record was created in this transaction, so it has no translation rows yet
    and none are read (locked) first. A language the record has no texts in yet needs a
    title: refused as `<argument>.title`, the name of the texts in the caller's input."""
    if not texts:
        return
    model, fk = kind.model, kind.key
    rows: list[Any] = [] if new else list((await tx.session.scalars(
        select(model).where(fk == record_id).with_for_update())).all())
    by_locale = {row.locale: row for row in rows}
    written: list[Any] = []
    now = utcnow()
    for entry in texts:
        row = by_locale.get(entry.locale)
        if row is None:
            if not entry.values.get("title"):
                raise BadUserInput(msg.TITLE_REQUIRED, argument=f"{argument}.title",
                                   locale=entry.locale)
            row = model(**{fk.key: record_id}, tenant_id=tenant_id, locale=entry.locale,
                        title=entry.values["title"], is_source=not by_locale)
            tx.session.add(row)
            by_locale[entry.locale] = row
        for field, value in entry.values.items():
            setattr(row, field, value)
        row.updated_at = now
        written.append(row)
    source = next((r for r in by_locale.values() if r.is_source), None)
    if source is not None:
        digest = text_digest(getattr(source, f) for f in kind.fields)
        for row in written:
            if row is not source:
                row.source_digest = digest  # written now from the current source: fresh
    tx.changed(kind.translations, record_id)
