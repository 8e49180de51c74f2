"""Babel `Locale` objects for our hyphenated tags (`ar-DZ`), parsed once."""

from __future__ import annotations

from functools import lru_cache

from babel import Locale


@lru_cache(maxsize=256)
def babel_locale(tag: str) -> Locale:
    """The Babel locale of a tag such as `ar-DZ`; raises for a tag Babel does not know."""
    return Locale.parse(tag.replace("_", "-"), sep="-")
