"""Numbers and percentages in the served locale, with the locale's or the tenant's digits."""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Literal

from babel.numbers import NumberPattern

from hub.i18n.cldr import babel_locale
from hub.i18n.digits import numbering_system, write_digits

Number = int | float | Decimal


def format_number(
    value: Number, locale: str, *, digits: str | None = None, decimals: int | None = None
) -> str:
    """`1234.5` -> "1,234.5" (en), "1 234,5" (fr), "١٬٢٣٤٫٥" (ar-EG), "1.234,5" (ar-DZ).

    `decimals=None` keeps the locale's pattern (up to three fraction digits, trailing zeros
    dropped); an integer writes exactly that many.
    """
    return _apply("decimal", value, locale, digits, decimals)


def format_percent(
    ratio: Number, locale: str, *, digits: str | None = None, decimals: int | None = None
) -> str:
    """`0.25` -> "25%" (en), "25 %" (fr), "٢٥٪" (ar-EG)."""
    return _apply("percent", ratio, locale, digits, decimals)


def _apply(
    kind: Literal["decimal", "percent"],
    value: Number,
    locale: str,
    digits: str | None,
    decimals: int | None,
) -> str:
    loc = babel_locale(locale)
    system = numbering_system(locale, digits)
    formats = loc.decimal_formats if kind == "decimal" else loc.percent_formats
    pattern: NumberPattern = formats[None]
    if decimals is not None:
        pattern = copy.copy(pattern)
        pattern.frac_prec = (decimals, decimals)
    # Babel takes the separators of `system` but keeps Latin digits and the pattern's
    # ASCII '%' and '-' whatever the system; for a non-Latin system we write CLDR's own.
    text = pattern.apply(value, loc, numbering_system=system)
    if system != "latn":
        symbols = loc.number_symbols[system]
        text = text.replace("%", symbols["percentSign"]).replace("-", symbols["minusSign"])
    return write_digits(text, system)
