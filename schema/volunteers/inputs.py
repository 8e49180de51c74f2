"""The inputs of becoming a volunteer and of the profile, turned into the commands' plain
values (checked there: resolvers/volunteers/profile.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry

from resolvers.volunteers.profile import Guardian
from schema.core.enums import VolunteerGroup

PROFILE_FIELDS = ("first_name", "last_name", "email", "phone", "birth_date", "group",
                  "languages", "city", "locale")


@strawberry.input(description="A parent's or guardian's consent for a volunteer under 18.")
class GuardianInput:
    name: str = strawberry.field(description="Who gives the consent.")
    contact: str = strawberry.field(description="How to reach them: a phone number or e-mail.")

    def plain(self) -> Guardian:
        return Guardian(self.name, self.contact)


def _guardian(value: Any) -> Guardian | None:
    return value.plain() if isinstance(value, GuardianInput) else None


def _given(source: Any) -> dict[str, Any]:
    """The profile fields given (an update leaves out the others; null clears)."""
    values: dict[str, Any] = {}
    for name in PROFILE_FIELDS:
        value = getattr(source, name)
        if value is strawberry.UNSET:
            continue
        values[name] = value.value if isinstance(value, VolunteerGroup) else value
    return values


@strawberry.input
class RegisterVolunteerInput:
    tenant: str = strawberry.field(description="The slug of the society to join first.")
    first_name: str
    last_name: str
    birth_date: date = strawberry.field(
        description="Under 18: a guardian's consent is required (`guardian`).")
    accept_terms: bool = strawberry.field(description="Consent to the society's terms.")
    terms_version: str | None = strawberry.field(
        default=None, description="The version of the terms shown; a newer one is a CONFLICT.")
    email: str | None = None
    phone: str | None = None
    group: VolunteerGroup | None = None
    languages: list[str] | None = strawberry.field(
        default=None, description="Language tags the volunteer speaks, e.g. ar, fr, kab.")
    skills: list[str] | None = strawberry.field(default=None, description="Skill codes.")
    city: str | None = None
    locale: str | None = strawberry.field(
        default=None, description="The language of the volunteer's notifications.")
    guardian: GuardianInput | None = None

    def profile(self) -> dict[str, Any]:
        return _given(self)

    def guardian_consent(self) -> Guardian | None:
        return _guardian(self.guardian)


@strawberry.input(description="Only the fields given change; null removes e-mail, phone, "
                               "group, city or locale.")
class UpdateMyProfileInput:
    first_name: str | None = strawberry.UNSET
    last_name: str | None = strawberry.UNSET
    birth_date: date | None = strawberry.UNSET
    email: str | None = strawberry.UNSET
    phone: str | None = strawberry.UNSET
    group: VolunteerGroup | None = strawberry.UNSET
    languages: list[str] | None = strawberry.UNSET
    skills: list[str] | None = strawberry.field(
        default=strawberry.UNSET, description="Replaces the volunteer's skills.")
    city: str | None = strawberry.UNSET
    locale: str | None = strawberry.UNSET
    guardian: GuardianInput | None = strawberry.field(
        default=strawberry.UNSET,
        description="Needed when a new birth date makes the volunteer a minor.")

    def profile(self) -> dict[str, Any]:
        return _given(self)

    def skill_codes(self) -> tuple[str, ...] | None:
        if self.skills is strawberry.UNSET:
            return None
        return tuple(self.skills or ())

    def guardian_consent(self) -> Guardian | None:
        return _guardian(self.guardian)


@strawberry.input
class JoinTenantInput:
    tenant: str = strawberry.field(description="The slug of the society to join.")
    accept_terms: bool = strawberry.field(description="Consent to the society's terms.")
    terms_version: str | None = None
    guardian: GuardianInput | None = strawberry.field(
        default=None, description="Required for a volunteer under 18.")

    def guardian_consent(self) -> Guardian | None:
        return _guardian(self.guardian)
