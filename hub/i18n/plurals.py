"""The integer to hand `ngettext` for a count that may be fractional.

gettext's plural formula only takes integers, but CLDR gives non-integers a category of
their own: 2.5 is "other" in Arabic (٢٫٥ ساعة, not the dual), 1.5 is "one" in French
(1,5 heure). Babel's `Locale.plural_form` evaluates CLDR's rule for decimals; we ask it for
the category of the count as displayed, then pass the smallest integer of that category,
which the catalog's formula (CLDR's own, see catalogs.ARABIC_PLURAL_FORMS) maps to the
same form.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from hub.i18n.cldr import babel_locale

SEARCH_LIMIT = 1000  # every integer category of the CLDR rules shows up below this


def plural_operand(locale: str, count: int | float | Decimal) -> int:
    """`count` itself when it is a whole number, else an integer of the same CLDR category.

    Pass the value as displayed (already rounded), so that "2.0" and "2" agree.
    """
    if isinstance(count, int):
        return abs(count)
    value = abs(Decimal(str(count)))
    if value == value.to_integral_value():
        return int(value)
    category = babel_locale(locale).plural_form(value)
    samples = _integer_samples(babel_locale(locale).language)
    return samples.get(category, samples["other"])


@lru_cache(maxsize=64)
def _integer_samples(language: str) -> dict[str, int]:
    """The smallest integer of each category of `language`'s CLDR plural rule."""
    rule = babel_locale(language).plural_form
    samples: dict[str, int] = {}
    for n in range(SEARCH_LIMIT):
        samples.setdefault(rule(n), n)
    return samples
