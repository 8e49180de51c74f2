"""Which digits a locale (or a tenant's override) writes, and writing them.

Babel always writes Latin digits, even where CLDR's default numbering system is `arab`
(ar-EG, ar-SA, ar-LB, ...), so formatted text is produced with Latin digits and the
symbols of the wanted system, then its digits are transliterated here.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final

from babel.core import get_global

from hub.i18n.cldr import babel_locale

LATIN: Final = "0123456789"
# The decimal numbering systems we can write; a locale whose CLDR default is another one
# (e.g. `beng`) is written with Latin digits, as Babel does.
DIGITS: Final[dict[str, str]] = {
    "latn": LATIN,
    "arab": "٠١٢٣٤٥٦٧٨٩",
    "arabext": "۰۱۲۳۴۵۶۷۸۹",
}
_TABLES: Final = {system: str.maketrans(LATIN, chars) for system, chars in DIGITS.items()}


def numbering_system(locale: str, digits: str | None = None) -> str:
    """The numbering system to write: `digits` if given (a tenant's override), else the
    locale's CLDR default (`arab` for ar-EG, `latn` for ar-DZ, ar-MA, ar-TN and plain ar)."""
    if digits is not None:
        if digits not in DIGITS:
            raise ValueError(f"unknown digits {digits!r}; expected one of {sorted(DIGITS)}")
        return digits
    return _default_system(locale)


@lru_cache(maxsize=256)
def _default_system(locale: str) -> str:
    system = babel_locale(locale).default_numbering_system
    return system if system in DIGITS else "latn"


def write_digits(text: str, system: str) -> str:
    """`text` with its Latin digits written in `system` ("12:30" -> "١٢:٣٠" for `arab`)."""
    return text if system == "latn" else text.translate(_TABLES[system])


def tenant_digits(locale: str, setting: str | None) -> str | None:
    """The `digits` to pass for a tenant's setting when serving `locale`.

    The setting is meant for the tenant's Arabic-script text: a Saudi society's `arab`
    must not turn an English or French answer into Arabic-Indic digits. Elsewhere the
    locale's own CLDR default applies (None).
    """
    if setting is None or not _writes_arabic_script(locale):
        return None
    return setting


@lru_cache(maxsize=256)
def _writes_arabic_script(locale: str) -> bool:
    parsed = babel_locale(locale)
    if parsed.script:
        return parsed.script == "Arab"
    likely = get_global("likely_subtags").get(parsed.language, "")  # "ar" -> "ar_Arab_EG"
    return "_Arab" in str(likely)
