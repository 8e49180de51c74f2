"""Localization: the request's locale chain and the choice of a translation through it."""

from hub.i18n.chain import (
    LocaleChain,
    Served,
    base_language,
    direction,
    normalize_tag,
    parse_accept_language,
)

__all__ = [
    "LocaleChain",
    "Served",
    "base_language",
    "direction",
    "normalize_tag",
    "parse_accept_language",
]
