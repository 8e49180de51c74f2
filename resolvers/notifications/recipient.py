"""The language a volunteer's notifications are written in."""

from __future__ import annotations

from collections.abc import Sequence

from hub.i18n import base_language, normalize_tag, supported_locales


def recipient_locale(chosen: str | None, languages: Sequence[str] | None,
                     tenant_default: str) -> str:
    """The volunteer's chosen locale (`Volunteer.locale`), else the first of the languages
    they speak that the hub has a catalog for, else the tenant's default locale."""
    supported = set(supported_locales())
    for candidate in (chosen, *(languages or ())):
        tag = normalize_tag(candidate) if candidate else None
        if tag is not None and (tag in supported or base_language(tag) in supported):
            return tag
    return tenant_default
