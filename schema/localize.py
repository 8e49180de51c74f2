"""Resolve translatable fields through the request's locale chain."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hub.i18n import Served
from resolvers.context import RequestContext


def serve(
    ctx: RequestContext, translations: Sequence[Any], field: str, default_locale: str
) -> Served | None:
    """The field's text in the first locale of the chain that has it; None if no row has it."""
    texts = {
        row.locale: value
        for row in translations
        if (value := getattr(row, field)) is not None and value != ""
    }
    picked = ctx.locales.pick(texts, default_locale)
    if picked is None:
        return None
    locale, value = picked
    return Served(value, locale, ctx.locales.is_fallback(locale, default_locale))


def label(ctx: RequestContext, labels: dict[str, str], fallback: str) -> str:
    """A taxonomy label (categories, skills) in the request's language."""
    picked = ctx.locales.pick(labels, "en")
    return picked[1] if picked else fallback
