"""The languages the hub answers in: one per catalog present, so adding a catalog adds one."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal, NamedTuple

from hub.i18n.catalogs import DOMAIN, LOCALE_DIR
from hub.i18n.chain import direction, normalize_tag
from hub.i18n.cldr import babel_locale


class LocaleInfo(NamedTuple):
    tag: str
    name: str  # in English: "Arabic"
    native_name: str  # in the language itself: "العربية"
    direction: Literal["LTR", "RTL"]


@lru_cache(maxsize=8)
def supported_locales(*, locale_dir: Path = LOCALE_DIR) -> tuple[str, ...]:
    """Tags of the compiled catalogs under `locale_dir`, sorted: ("ar", "en", "fr")."""
    tags = {
        normalize_tag(mo.parent.parent.name)
        for mo in locale_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")
    }
    return tuple(sorted(tag for tag in tags if tag is not None))


def locale_info(tag: str) -> LocaleInfo:
    """("ar-DZ", "Arabic (Algeria)", "العربية (الجزائر)", "RTL"); raises for an unknown tag."""
    normalized = normalize_tag(tag)
    if normalized is None:
        raise ValueError(f"unknown locale {tag!r}")
    locale = babel_locale(normalized)
    return LocaleInfo(
        tag=normalized,
        name=locale.get_display_name("en") or normalized,
        native_name=locale.get_display_name(locale) or normalized,
        direction=direction(normalized),
    )
