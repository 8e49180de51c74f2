"""Which opportunity a notification is about, and its title in every language it has.

A notification's params name the opportunity directly (`opportunity`) or through the
application or inquiry thread it reports on; the title is looked up when the notification is
read or sent, so it is the opportunity's current one, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db import models as m
from hub.errors import BadUserInput
from hub.i18n import LocaleChain
from hub.i18n.chain import expand
from hub.ids import decode_id

# The params that lead to an opportunity, in the order they are tried.
REFERENCES = (("opportunity", "Opportunity"), ("application", "Application"),
              ("inquiry", "Inquiry"))
Reference = tuple[str, int]  # ("Application", 12)


def reference(params: Mapping[str, Any]) -> Reference | None:
    """The first param that names the opportunity (a well-formed global id of its type)."""
    for key, type_name in REFERENCES:
        value = params.get(key)
        if isinstance(value, str):
            try:
                return type_name, decode_id(value, type_name)[1]
            except BadUserInput:
                continue
    return None


def title_in(titles: Mapping[str, str], locale: str, default_locale: str) -> str | None:
    """The title in `locale` (or its base language), else the tenant's default, else English,
    else any."""
    picked = LocaleChain(expand((locale,))).pick(titles, default_locale)
    return picked[1] if picked else None


async def opportunity_titles(session: AsyncSession, refs: Iterable[Reference | None]
                             ) -> dict[Reference, dict[str, str]]:
    """For each reference, the titles of its opportunity by locale (empty when it has none):
    at most three statements, whatever the number of references."""
    wanted = {ref for ref in refs if ref is not None}
    by_type: dict[str, set[int]] = {}
    for type_name, key in wanted:
        by_type.setdefault(type_name, set()).add(key)
    opportunity_of: dict[Reference, int] = {
        ("Opportunity", key): key for key in by_type.get("Opportunity", ())}
    for type_name, model in (("Application", m.Application), ("Inquiry", m.Inquiry)):
        keys = by_type.get(type_name)
        if keys:
            rows = await session.execute(select(model.id, model.opportunity_id).where(
                model.id.in_(sorted(keys))))
            opportunity_of.update({(type_name, key): opp for key, opp in rows.all()})
    titles = await _titles(session, set(opportunity_of.values()))
    return {ref: titles.get(opportunity_of[ref], {}) if ref in opportunity_of else {}
            for ref in wanted}


async def _titles(session: AsyncSession, opportunity_ids: set[int]) -> dict[int, dict[str, str]]:
    found: dict[int, dict[str, str]] = {}
    if not opportunity_ids:
        return found
    t = m.OpportunityTranslation
    rows = await session.execute(select(t.opportunity_id, t.locale, t.title).where(
        t.opportunity_id.in_(sorted(opportunity_ids))))
    for opportunity_id, locale, title in rows.all():
        if title:
            found.setdefault(opportunity_id, {})[locale] = title
    return found


def titles_of(rows: Sequence[Any]) -> dict[str, str]:
    """Translation rows (a loader's) as {locale: title}."""
    return {row.locale: row.title for row in rows if row.title}
