"""The fixed words the API shows (enum labels, counted nouns, Hijri months), localized.

Every string here is marked for `pybabel extract` (babel.cfg knows `Contextual` and
`Plural`); the translations live in the catalogs, never in code. Enum labels carry their
enum's name as context: "Closed" is مغلقة for an opportunity but may agree with another
noun elsewhere.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal
from typing import Final

from hub.i18n.catalogs import ngettext, pgettext
from hub.i18n.markers import Contextual, Plural
from hub.i18n.numbers import Number, format_number
from hub.i18n.plurals import plural_operand

ENUM_LABELS: Final[dict[str, dict[str, Contextual]]] = {
    "ApplicationStatus": {
        "APPLIED": Contextual("ApplicationStatus", "Applied"),
        "WAITLISTED": Contextual("ApplicationStatus", "On the waiting list"),
        "ACCEPTED": Contextual("ApplicationStatus", "Accepted"),
        "REJECTED": Contextual("ApplicationStatus", "Rejected"),
        "WITHDRAWN": Contextual("ApplicationStatus", "Withdrawn"),
        "COMPLETED": Contextual("ApplicationStatus", "Completed"),
        "NO_SHOW": Contextual("ApplicationStatus", "No-show"),
    },
    "VolunteerGroup": {
        "PUPIL": Contextual("VolunteerGroup", "School pupil"),
        "UNIVERSITY_STUDENT": Contextual("VolunteerGroup", "University student"),
        # TRANSLATORS: Arabic follows Algerian usage, متربص في التكوين المهني.
        "VOCATIONAL_TRAINEE": Contextual("VolunteerGroup", "Vocational trainee"),
        "EMPLOYED": Contextual("VolunteerGroup", "Employed"),
        "SELF_EMPLOYED": Contextual("VolunteerGroup", "Self-employed"),
        "UNEMPLOYED": Contextual("VolunteerGroup", "Unemployed"),
        "RETIREE": Contextual("VolunteerGroup", "Retiree"),
        "OTHER": Contextual("VolunteerGroup", "Other"),
    },
    "OpportunityFormat": {
        "ONSITE": Contextual("OpportunityFormat", "On site"),
        "REMOTE": Contextual("OpportunityFormat", "Remote"),
        "HYBRID": Contextual("OpportunityFormat", "Hybrid"),
    },
    "OpportunityStatus": {
        "DRAFT": Contextual("OpportunityStatus", "Draft"),
        "PUBLISHED": Contextual("OpportunityStatus", "Published"),
        "CLOSED": Contextual("OpportunityStatus", "Closed"),
        "ARCHIVED": Contextual("OpportunityStatus", "Archived"),
    },
    "Acceptance": {
        "AUTOMATIC": Contextual("Acceptance", "Accepted automatically"),
        "REVIEW": Contextual("Acceptance", "Reviewed by the organizers"),
    },
    "DecisionReason": {
        "NOT_ELIGIBLE": Contextual("DecisionReason", "The opportunity's requirements are not met."),
        "SCHEDULE": Contextual("DecisionReason", "The dates do not fit."),
        "POSITIONS_FILLED": Contextual("DecisionReason", "All places have been filled."),
        "PROFILE_INCOMPLETE": Contextual("DecisionReason", "Your profile is incomplete."),
        "OTHER": Contextual("DecisionReason", "Another reason (see the note)."),
    },
    "HoursStatus": {
        "PENDING": Contextual("HoursStatus", "Waiting for verification"),
        "APPROVED": Contextual("HoursStatus", "Verified"),
        "REJECTED": Contextual("HoursStatus", "Not accepted"),
    },
    "InquiryStatus": {
        "OPEN": Contextual("InquiryStatus", "Waiting for an answer"),
        "ANSWERED": Contextual("InquiryStatus", "Answered"),
        "CLOSED": Contextual("InquiryStatus", "Closed"),
    },
    "EventKind": {
        "EXHIBITION": Contextual("EventKind", "Exhibition"),
        "SEMINAR": Contextual("EventKind", "Seminar"),
        "TRAINING": Contextual("EventKind", "Training"),
        "CAMPAIGN_DAY": Contextual("EventKind", "Campaign day"),
        "AWARENESS_DAY": Contextual("EventKind", "Awareness day"),
        "MEETING": Contextual("EventKind", "Meeting"),
    },
}

# TRANSLATORS: the places still free on a volunteering opportunity. Arabic needs all six
# forms (zero, one, two, 3-10, 11-99, 100+) with the noun and adjective agreeing.
SPOTS_LEFT: Final = Plural("%(count)s spot left", "%(count)s spots left")
# TRANSLATORS: shown instead of "0 spots left".
SPOTS_FULL: Final = Contextual("spots left", "full")
# TRANSLATORS: volunteering hours; the count may be fractional (2.5).
HOURS: Final = Plural("%(count)s hour", "%(count)s hours")

# Umm al-Qura months, in order from Muharram.
HIJRI_MONTHS: Final = (
    Contextual("Hijri month", "Muharram"),
    Contextual("Hijri month", "Safar"),
    Contextual("Hijri month", "Rabi’ al-Awwal"),
    Contextual("Hijri month", "Rabi’ al-Thani"),
    Contextual("Hijri month", "Jumada al-Ula"),
    Contextual("Hijri month", "Jumada al-Akhirah"),
    Contextual("Hijri month", "Rajab"),
    Contextual("Hijri month", "Sha’ban"),
    Contextual("Hijri month", "Ramadan"),
    Contextual("Hijri month", "Shawwal"),
    Contextual("Hijri month", "Dhu al-Qa’dah"),
    Contextual("Hijri month", "Dhu al-Hijjah"),
)
# TRANSLATORS: a Hijri (Umm al-Qura) date, e.g. "3 Rajab 1448 AH"; reorder as needed.
HIJRI_DATE: Final = Contextual("Hijri date", "%(day)s %(month)s %(year)s AH")

MAX_DECIMALS = 3  # the locales' default number pattern shows up to three fraction digits


def label(locale: str, text: Contextual) -> str:
    return pgettext(locale, text.context, text.msgid)


def enum_label(locale: str, enum_name: str, value: str) -> str:
    """The label of an enum value ("VolunteerGroup", "VOCATIONAL_TRAINEE" -> "متربص ...");
    raises KeyError for an enum or value without a label."""
    return label(locale, ENUM_LABELS[enum_name][str(value)])


def count_display(
    locale: str,
    forms: Plural,
    count: Number,
    digits: str | None = None,
    *,
    decimals: int | None = None,
) -> str:
    """`forms` in the plural form CLDR gives `count`, with the count written per `digits`
    (see digits.numbering_system); a fractional count takes its own CLDR category."""
    shown = _as_displayed(count, decimals)
    text = format_number(shown, locale, digits=digits, decimals=decimals)
    template = ngettext(locale, forms.singular, forms.plural, plural_operand(locale, shown))
    return template % {"count": text}


def spots_left_display(locale: str, n: int, digits: str | None = None) -> str:
    """"3 أماكن متبقية", "11 مكانًا متبقيًا", "1 place restante", "3 spots left"; none left
    (or overbooked) is "لا أماكن متبقية" / "complet" / "full"."""
    if n <= 0:
        return label(locale, SPOTS_FULL)
    return count_display(locale, SPOTS_LEFT, n, digits)


def hours_display(locale: str, hours: Number, digits: str | None = None) -> str:
    """"ساعتان", "2,5 heures", "1.5 hours", "٢٫٥ ساعة" (a fraction takes Arabic's "other")."""
    return count_display(locale, HOURS, hours, digits)


def _as_displayed(count: Number, decimals: int | None) -> Number:
    """The count rounded as it will be shown, so that its plural form matches the text."""
    if isinstance(count, int):
        return count
    places = MAX_DECIMALS if decimals is None else decimals
    shown = Decimal(str(count)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_EVEN)
    if decimals is not None:
        return shown
    # The pattern drops trailing zeros ("2.0" shows as "2"), so must CLDR's operands.
    return int(shown) if shown == shown.to_integral_value() else shown.normalize()
