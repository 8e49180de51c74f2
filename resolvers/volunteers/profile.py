"""A volunteer's profile as a client gives it: checked field by field into typed errors that
name the input field (`input.email`), and turned into the volunteer row's column values.

Used by `registerVolunteer` (names and birth date required) and `updateMyProfile` (only the
fields given change). Skill codes are checked against the taxonomy through the loaders
(`check_skills`), everything else here without the database.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

from hub.db.models import VolunteerGroup
from hub.errors import BadUserInput
from hub.i18n import messages as hub_msg
from hub.i18n import normalize_tag, supported_locales
from resolvers.context import RequestContext
from resolvers.volunteers import messages as msg

ADULT_AGE: Final = 18  # younger volunteers join with a guardian's consent
OLDEST_AGE: Final = 120
MAX_NAME: Final = 100  # volunteer.first_name / last_name
MAX_EMAIL: Final = 200
MAX_PHONE: Final = 40
MAX_CITY: Final = 100
MAX_GUARDIAN: Final = 200  # consent.guardian_name / guardian_contact
MAX_LANGUAGES: Final = 20
MAX_SKILLS: Final = 50
PHONE_DIGITS: Final = (6, 20)
# One @, no spaces, a dot in the domain: what a delivery can be attempted to, no more.
EMAIL_RE: Final = re.compile(r"^[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+$")
PHONE_RE: Final = re.compile(r"^\+?[0-9][0-9 ().\-]*$")

# The API's names of the profile's fields, for the `argument` of an error.
API_NAMES: Final = {
    "first_name": "firstName", "last_name": "lastName", "email": "email", "phone": "phone",
    "birth_date": "birthDate", "group": "group", "languages": "languages", "skills": "skills",
    "city": "city", "locale": "locale", "guardian": "guardian",
}
# Fields that may be given as null in an update (cleared); the others can only change.
CLEARABLE: Final = frozenset({"email", "phone", "group", "city", "locale"})


def argument(name: str) -> str:
    return f"input.{API_NAMES.get(name, name)}"


@dataclass(frozen=True, slots=True)
class Guardian:
    """Who consented for a volunteer under ADULT_AGE: a parent or guardian."""

    name: str
    contact: str


def age_on(birth: date, day: date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def is_minor(birth: date | None, day: date) -> bool:
    return birth is not None and age_on(birth, day) < ADULT_AGE


def _text(name: str, value: Any, limit: int, *, required: bool) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    if not text:
        if required:
            raise BadUserInput(msg.REQUIRED_TEXT, argument=argument(name))
        return None
    if len(text) > limit:
        raise BadUserInput(msg.FIELD_TOO_LONG, argument=argument(name), count=limit)
    return text


def _email(value: str | None) -> str | None:
    email = _text("email", value, MAX_EMAIL, required=False)
    if email is None:
        return None
    if not EMAIL_RE.match(email):
        raise BadUserInput(msg.INVALID_EMAIL, argument=argument("email"))
    local, _, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}"


def _phone(value: str | None) -> str | None:
    phone = _text("phone", value, MAX_PHONE, required=False)
    if phone is None:
        return None
    digits = sum(c.isdigit() for c in phone)
    if not PHONE_RE.match(phone) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1]:
        raise BadUserInput(msg.INVALID_PHONE, argument=argument("phone"))
    return phone


def _birth_date(value: date | None, today: date, *, required: bool) -> date | None:
    if value is None:
        if required:
            raise BadUserInput(msg.BIRTH_DATE_REQUIRED, argument=argument("birth_date"))
        return None
    if value >= today:
        raise BadUserInput(msg.BIRTH_DATE_IN_FUTURE, argument=argument("birth_date"))
    if age_on(value, today) >= OLDEST_AGE:
        raise BadUserInput(msg.BIRTH_DATE_TOO_OLD, argument=argument("birth_date"),
                           count=OLDEST_AGE)
    return value


def _languages(values: Sequence[str]) -> list[str]:
    if len(values) > MAX_LANGUAGES:
        raise BadUserInput(hub_msg.TOO_MANY_VALUES, argument=argument("languages"),
                           count=MAX_LANGUAGES)
    tags: list[str] = []
    for value in values:
        tag = normalize_tag(value) if isinstance(value, str) else None
        if tag is None:
            raise BadUserInput(msg.UNKNOWN_LANGUAGE, argument=argument("languages"),
                               tag=str(value)[:40])
        if tag not in tags:
            tags.append(tag)
    return tags


def _locale(value: str | None) -> str | None:
    if value is None:
        return None
    tag = normalize_tag(value)
    supported = supported_locales()
    if tag is None or tag.split("-")[0] not in supported:
        raise BadUserInput(hub_msg.UNSUPPORTED_LOCALE, argument=argument("locale"),
                           locale=value[:40], locales=", ".join(supported))
    return tag


def _group(value: str | None) -> str | None:
    if value is None:
        return None
    return VolunteerGroup(value).value  # the schema's enum has let only its values through


def clean_profile(given: Mapping[str, Any], *, today: date, registering: bool
                  ) -> dict[str, Any]:
    """The volunteer row's values for the fields in `given` (a registration gives them all;
    an update only those that change). `skills` and `guardian` are not columns: they stay
    out of the answer (see `clean_skills`, `clean_guardian`)."""
    for name, value in given.items():
        if value is None and not registering and name not in CLEARABLE:
            raise BadUserInput(msg.CANNOT_CLEAR, argument=argument(name))
    values: dict[str, Any] = {}
    for name in ("first_name", "last_name"):
        if registering or name in given:
            values[name] = _text(name, given.get(name), MAX_NAME, required=True)
    if "email" in given:
        values["email"] = _email(given["email"])
    if "phone" in given:
        values["phone"] = _phone(given["phone"])
    if registering or "birth_date" in given:
        birth = _birth_date(given.get("birth_date"), today, required=True)
        values["birth_date"] = birth
        values["birth_year"] = birth.year if birth else None
    if "group" in given:
        values["group"] = _group(given["group"])
    if "languages" in given:
        values["languages"] = _languages(given["languages"] or ())
    elif registering:
        values["languages"] = []
    if "city" in given:
        values["city"] = _text("city", given["city"], MAX_CITY, required=False)
    if "locale" in given:
        values["locale"] = _locale(given["locale"])
    return values


def clean_skills(values: Sequence[str] | None) -> tuple[str, ...] | None:
    if values is None:
        return None
    if len(values) > MAX_SKILLS:
        raise BadUserInput(hub_msg.TOO_MANY_VALUES, argument=argument("skills"),
                           count=MAX_SKILLS)
    return tuple(sorted({v.strip() for v in values}))


def clean_guardian(guardian: Guardian | None) -> Guardian | None:
    if guardian is None:
        return None
    name = _text("guardian.name", guardian.name, MAX_GUARDIAN, required=True)
    contact = _text("guardian.contact", guardian.contact, MAX_GUARDIAN, required=True)
    return Guardian(name or "", contact or "")


def require_guardian(birth: date | None, guardian: Guardian | None, today: date) -> None:
    """A volunteer under ADULT_AGE joins a society only with a guardian's consent."""
    if is_minor(birth, today) and guardian is None:
        raise BadUserInput(msg.GUARDIAN_CONSENT_REQUIRED, argument=argument("guardian"),
                           count=ADULT_AGE)


async def check_skills(ctx: RequestContext, skills: Sequence[str] | None) -> None:
    """Each code names a skill of the taxonomy (one batched lookup through the loaders)."""
    if not skills:
        return
    rows = await ctx.loaders.skill_by_code.load_many(list(skills))
    for code, row in zip(skills, rows, strict=True):
        if row is None:
            raise BadUserInput(hub_msg.UNKNOWN_SKILL, argument=argument("skills"), code=code)
