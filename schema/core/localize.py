"""Resolve translatable fields through the request's locale chain, and format display
values (dates, counts, labels) in the served locale with the tenant's digits."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import strawberry

from hub.db.models import Tenant
from hub.i18n import Served, tenant_digits
from resolvers.context import RequestContext
from resolvers.core.loaders import KeyedLoader, now_or_later
from resolvers.loaders import Loaders
from schema.core.common import LocalizedString
from schema.core.info import FieldLocale, Info


def serve(
    ctx: RequestContext, translations: Sequence[Any], field: str, default_locale: str,
    locale: str | None = None,
) -> Served | None:
    """The field's text in the first locale of the chain that has it; None if no row has it.
    `locale` is the field's own argument, first in the chain."""
    texts = {
        row.locale: value
        for row in translations
        if (value := getattr(row, field)) is not None and value != ""
    }
    chain = ctx.locales.with_first(locale)
    picked = chain.pick(texts, default_locale)
    if picked is None:
        return None
    served_locale, value = picked
    return Served(value, served_locale, chain.is_fallback(served_locale, default_locale))


def served_name(ctx: RequestContext, names: dict[str, str], default_locale: str,
                locale: str | None = None) -> Served:
    chain = ctx.locales.with_first(locale)
    picked = chain.pick(names, default_locale)
    assert picked is not None  # the registry requires names in ar, en and fr
    served_locale, value = picked
    return Served(value, served_locale, chain.is_fallback(served_locale, default_locale))


def label(ctx: RequestContext, labels: dict[str, str], fallback: str) -> str:
    """A taxonomy label (categories, skills) in the request's language."""
    picked = ctx.locales.pick(labels, "en")
    return picked[1] if picked else fallback


def display_locale(ctx: RequestContext, tenant: Tenant | None) -> tuple[str, str | None]:
    """The locale display values are written in (first of the chain, else the tenant's
    default) and the digits to write them with (the tenant's setting, for Arabic script;
    else the locale's CLDR default)."""
    default = tenant.default_locale if tenant is not None else "en"
    locale = ctx.locales.for_tenant(default)[0]
    return locale, tenant_digits(locale, tenant.digits if tenant is not None else None)


class TranslatedText:
    """Text fields served from a record's translation rows through the request's locale
    chain. A subclass has `row.id`/`row.tenant_id`, says which loader holds its rows
    (`translations_loader`), and declares its text fields with `text_field(...)` and
    `localized_field(...)`."""

    row: Any

    def translations_loader(self, loaders: Loaders) -> KeyedLoader:
        raise NotImplementedError

    async def _text(self, info: Any, field: str, locale: str | None) -> Served | None:
        ctx: RequestContext = info.context
        loader = self.translations_loader(ctx.loaders)
        ready, rows = _narrowed_rows(loader, field, self.row.id)
        if not ready:
            rows = await loader.load(self.row.id)
        default = ctx.tenants.by_id[self.row.tenant_id].default_locale
        return serve(ctx, rows, field, default, locale)

    def _value_now(self, info: Any, field: str, fallback: str | None) -> Any:
        """The field's served value (or `fallback`): at once when the translations are
        already loaded (a prefetched page: its rows with only the text columns its nodes
        ask for, `schema/core/prefetch.py`), else an awaitable of it."""
        ctx: RequestContext = info.context
        default = ctx.tenants.by_id[self.row.tenant_id].default_locale

        def value(rows: list[Any]) -> str | None:
            served = serve(ctx, rows, field, default, None)
            return served.value if served else fallback

        loader = self.translations_loader(ctx.loaders)
        ready, rows = _narrowed_rows(loader, field, self.row.id)
        if ready:
            return value(rows)
        return now_or_later(loader, self.row.id, value)

    async def _value(self, info: Any, field: str, locale: str | None) -> str | None:
        served = await self._text(info, field, locale)
        return served.value if served else None

    async def _localized(self, info: Any, field: str, locale: str | None) -> Served:
        return await self._text(info, field, locale) or Served("", "en", True)


def _narrowed_rows(loader: KeyedLoader, field: str, key: Any) -> tuple[bool, Any]:
    """(True, rows) when a prefetch read the key's rows with the `field` column."""
    holding = getattr(loader, "narrowed_holding", None)
    found: tuple[bool, Any] = holding(field, key) if holding is not None else (False, None)
    return found


def text_field(field: str, *, required: bool = False) -> Any:
    """A plain text field (`title`, `summary`...): its value in the first locale of the
    chain that has it, at once when the page prefetched the translations."""
    fallback = "" if required else None

    def resolve(self: TranslatedText, info: Info) -> Any:
        return self._value_now(info, field, fallback)

    resolve.__name__ = field
    return strawberry.field(resolver=resolve, graphql_type=str if required else str | None)


def localized_field(field: str) -> Any:
    """The `...I18n` variant of a text field: the value with the locale that served it,
    whether that was a fallback, and the field's own `locale` argument first."""

    async def resolve(self: TranslatedText, info: Info,
                      locale: FieldLocale = None) -> LocalizedString:
        return LocalizedString.of(await self._localized(info, field, locale))

    resolve.__name__ = f"{field}_i18n"
    return strawberry.field(resolver=resolve)
