"""Markers that tag fixed strings for `pybabel extract` and leave them unchanged at runtime."""

from __future__ import annotations

from typing import NamedTuple


def N_(msgid: str) -> str:
    """Mark `msgid` for extraction; it is translated where it is shown, not here."""
    return msgid


class Plural(NamedTuple):
    """A message with a singular and a plural msgid; `%(count)s` picks the form."""

    singular: str
    plural: str


class Contextual(NamedTuple):
    """A msgid with a context (msgctxt): the same English word may need different
    translations (Arabic and French agree in gender with the noun they describe)."""

    context: str
    msgid: str
