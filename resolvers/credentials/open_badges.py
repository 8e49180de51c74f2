"""The Open Badges 3.0 documents the hub issues: a tenant's issuer `Profile` and, for each
certificate or badge award, an `OpenBadgeCredential` (W3C Verifiable Credentials 2.0 data
model), before signing (signing.py).

    {
      "@context": ["https://www.w3.org/ns/credentials/v2",
                   "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
      "id": "{public_url}/credentials/{uuid}",
      "type": ["VerifiableCredential", "OpenBadgeCredential"],
      "issuer": {"id": "{public_url}/issuers/{slug}", "type": ["Profile"], "name": ...},
      "name": <the achievement's name>, "description": ...,
      "validFrom": "2026-12-07T10:00:00Z", "awardedDate": ...,
      "credentialSubject": {
        "id": "urn:uuid:...", "type": ["AchievementSubject"],
        "achievement": {"id": ..., "type": ["Achievement"], "achievementType": "Certificate",
                        "name", "description", "criteria": {"narrative"},
                        "creditsAvailable": <hours>, "inLanguage": "ar",
                        "resultDescription": [{"id": "...#hours",
                                               "resultType": "ext:VerifiedHours", ...}]},
        "creditsEarned": <hours>,
        "result": [{"type": ["Result"], "resultDescription": "...#hours", "value": "12.5"}],
        "activityStartDate": ..., "activityEndDate": ...
      },
      "credentialStatus": {"type": "BitstringStatusListEntry", ...}
    }

Texts are written once, in the credential's language (`inLanguage`: the certificate's
language, or the volunteer's if their society speaks it, else the society's default): a
signed document cannot be translated afterwards. The issuer's name is its name in the
society's default language. No personal data: the subject is a pseudonym (addresses.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from hub.i18n import base_language, message
from resolvers.credentials import messages as msg
from resolvers.credentials.addresses import CONTEXTS, OB_CONTEXT
from resolvers.credentials.signing import written
from tenants.recognition import BadgeRule

CERTIFICATE = "CERTIFICATE"
BADGE = "BADGE"
ACHIEVEMENT_TYPES = {CERTIFICATE: "Certificate", BADGE: "Badge"}
CREDENTIAL_TYPES = ("VerifiableCredential", "OpenBadgeCredential")
HOURS_RESULT_TYPE = "ext:VerifiedHours"


@dataclass(frozen=True, slots=True)
class Issuer:
    id: str
    name: str
    country: str | None = None

    def profile(self) -> dict[str, Any]:
        found: dict[str, Any] = {"id": self.id, "type": ["Profile"], "name": self.name}
        if self.country:
            found["address"] = {"type": ["Address"], "addressCountryCode": self.country}
        return found

    def document(self, *, url: str | None = None) -> dict[str, Any]:
        """The profile as served at its id, a JSON-LD document of its own."""
        found = {"@context": [OB_CONTEXT], **self.profile()}
        if url:
            found["url"] = url
        return found


@dataclass(frozen=True, slots=True)
class Achievement:
    id: str
    kind: str  # CERTIFICATE | BADGE
    name: str
    description: str
    criteria: str
    credits: float | None  # creditsAvailable: the hours the achievement stands for
    language: str


@dataclass(frozen=True, slots=True)
class Award:
    """What one credential says: who issued what to whom, when."""

    credential_id: str
    issuer: Issuer
    subject: str
    achievement: Achievement
    hours: float  # creditsEarned, and the hours result
    awarded_at: datetime
    valid_from: datetime
    status: dict[str, Any] | None = None  # credentialStatus
    started_on: date | None = None
    completed_on: date | None = None


def name_in(names: dict[str, str], locale: str, default_locale: str) -> str:
    """A tenant's (or a badge's) name in `locale`, else in its default, else in English."""
    for tag in (locale, base_language(locale), default_locale, base_language(default_locale),
                "en"):
        if names.get(tag):
            return names[tag]
    return next(iter(names.values()), "")


def hours_text(hours: float) -> str:
    return f"{hours:g}"


def certificate_achievement(title: str | None, hours: float, society: str, locale: str,
                            achievement_id: str) -> Achievement:
    name = (message(locale, msg.CERTIFICATE_NAME, title=title) if title
            else message(locale, msg.CERTIFICATE_NAME_UNTITLED))
    return Achievement(
        id=achievement_id, kind=CERTIFICATE, name=name,
        description=message(locale, msg.CERTIFICATE_DESCRIPTION, hours=hours, society=society),
        criteria=message(locale, msg.CERTIFICATE_CRITERIA), credits=hours, language=locale)


def badge_achievement(code: str, rule: BadgeRule | None, society: str, locale: str,
                      default_locale: str, achievement_id: str) -> Achievement:
    """A badge of the tenant's rules; a rule since removed from the tenant's file is still
    named by its code."""
    if rule is None:
        return Achievement(achievement_id, BADGE, code,
                           message(locale, msg.BADGE_DESCRIPTION, society=society),
                           message(locale, msg.BADGE_DESCRIPTION, society=society), None, locale)
    description = (name_in(rule.descriptions, locale, default_locale) if rule.descriptions
                   else message(locale, msg.BADGE_DESCRIPTION, society=society))
    return Achievement(
        id=achievement_id, kind=BADGE, name=name_in(rule.names, locale, default_locale),
        description=description,
        criteria=message(locale, msg.BADGE_CRITERIA, hours=rule.threshold_hours,
                         society=society),
        credits=rule.threshold_hours, language=locale)


def _day(value: date) -> str:
    return written(datetime(value.year, value.month, value.day, tzinfo=UTC))


def credential(award: Award) -> dict[str, Any]:
    """The unsigned OpenBadgeCredential of `award`."""
    a = award.achievement
    hours_id = f"{a.id}#hours"
    achievement: dict[str, Any] = {
        "id": a.id, "type": ["Achievement"], "achievementType": ACHIEVEMENT_TYPES[a.kind],
        "name": a.name, "description": a.description, "criteria": {"narrative": a.criteria},
        "inLanguage": a.language,
        "resultDescription": [{"id": hours_id, "type": ["ResultDescription"],
                               "name": message(a.language, msg.HOURS_RESULT),
                               "resultType": HOURS_RESULT_TYPE}],
    }
    if a.credits is not None:
        achievement["creditsAvailable"] = a.credits
    subject: dict[str, Any] = {
        "id": award.subject, "type": ["AchievementSubject"], "achievement": achievement,
        "creditsEarned": award.hours,
        "result": [{"type": ["Result"], "resultDescription": hours_id,
                    "value": hours_text(award.hours)}],
    }
    if award.started_on is not None:
        subject["activityStartDate"] = _day(award.started_on)
    if award.completed_on is not None:
        subject["activityEndDate"] = _day(award.completed_on)
    document: dict[str, Any] = {
        "@context": list(CONTEXTS),
        "id": award.credential_id,
        "type": list(CREDENTIAL_TYPES),
        "issuer": award.issuer.profile(),
        "name": a.name,
        "description": a.description,
        "validFrom": written(award.valid_from),
        "awardedDate": written(award.awarded_at),
        "credentialSubject": subject,
    }
    if award.status is not None:
        document["credentialStatus"] = award.status
    return document
