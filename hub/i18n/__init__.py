"""Localization: the request's locale chain, locale-aware formatting and the UI catalogs."""

from hub.i18n.catalogs import gettext, ngettext, pgettext, translations_for
from hub.i18n.chain import (
    LocaleChain,
    Served,
    base_language,
    direction,
    normalize_tag,
    parse_accept_language,
)
from hub.i18n.digits import numbering_system, tenant_digits
from hub.i18n.formatting import format_moment, format_relative
from hub.i18n.labels import count_display, enum_label, hours_display, spots_left_display
from hub.i18n.locales import LocaleInfo, locale_info, supported_locales
from hub.i18n.messages import message
from hub.i18n.numbers import format_number, format_percent

__all__ = [
    "LocaleChain",
    "LocaleInfo",
    "Served",
    "base_language",
    "count_display",
    "direction",
    "enum_label",
    "format_moment",
    "format_number",
    "format_percent",
    "format_relative",
    "gettext",
    "hours_display",
    "locale_info",
    "message",
    "ngettext",
    "normalize_tag",
    "numbering_system",
    "parse_accept_language",
    "pgettext",
    "spots_left_display",
    "supported_locales",
    "tenant_digits",
    "translations_for",
]
