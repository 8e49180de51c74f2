"""The credentials domain's messages: English msgids, localized where they leave the hub
(errors in the caller's language; an achievement's texts in the language of the
credential, fixed when it is signed)."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_, Plural

# What a credential says of its achievement (signed into it, in one language).
# TRANSLATORS: title is the title of a volunteering opportunity.
CERTIFICATE_NAME: Final = N_("Volunteering certificate: %(title)s")
CERTIFICATE_NAME_UNTITLED: Final = N_("Volunteering certificate")
# TRANSLATORS: hours is a number; society is the name of a Red Crescent or Red Cross society.
CERTIFICATE_DESCRIPTION: Final = N_(
    "%(hours)s verified hours of volunteering with %(society)s.")
CERTIFICATE_CRITERIA: Final = N_(
    "Took part in the opportunity to its end, with hours verified by the society's "
    "coordinators.")
# TRANSLATORS: society is the name of a Red Crescent or Red Cross society.
BADGE_DESCRIPTION: Final = N_("Awarded by %(society)s for verified hours of volunteering.")
# TRANSLATORS: hours is a number; society is the name of a Red Crescent or Red Cross society.
BADGE_CRITERIA: Final = N_("At least %(hours)s verified hours of volunteering with %(society)s.")
# TRANSLATORS: the name of a credential's result: the hours a volunteer served.
HOURS_RESULT: Final = N_("Verified hours")

# Presenting recognition to another society
NOT_A_MEMBER: Final = N_("Only members of a society may present their recognition to it.")
CONSENT_REQUIRED: Final = N_(
    "Presenting recognition needs your consent: the society's staff will see it.")
NO_CREDENTIALS: Final = N_("Give at least one credential.")
TOO_MANY_CREDENTIALS: Final = Plural(
    "At most %(count)s credential may be presented at once.",
    "At most %(count)s credentials may be presented at once.",
)
NOT_YOURS: Final = N_("This credential was issued to someone else.")
OWN_SOCIETY: Final = N_("This credential was issued by this society itself.")

# Why a credential does not verify (one message per reason: verification.Failure)
MALFORMED: Final = N_("This is not a credential the hub can read.")
ALGORITHM: Final = N_("This credential is signed in a way the hub does not accept.")
UNKNOWN_ISSUER: Final = N_("This credential's issuer is not a member society of the hub.")
UNKNOWN_KEY: Final = N_("This credential was signed with a key its issuer does not publish.")
SIGNATURE: Final = N_("This credential's signature does not match its content.")
CLAIMS: Final = N_("This credential's content contradicts its signed claims.")
NOT_YET_VALID: Final = N_("This credential is not valid yet.")
EXPIRED: Final = N_("This credential has expired.")
REVOKED: Final = N_("This credential was revoked by its issuer.")
STATUS_UNKNOWN: Final = N_("Whether this credential was revoked cannot be checked.")
NOT_A_BADGE: Final = N_("This is not an Open Badges credential.")

MESSAGES: Final[tuple[str | Plural, ...]] = (
    CERTIFICATE_NAME, CERTIFICATE_NAME_UNTITLED, CERTIFICATE_DESCRIPTION, CERTIFICATE_CRITERIA,
    BADGE_DESCRIPTION, BADGE_CRITERIA, HOURS_RESULT, NOT_A_MEMBER, CONSENT_REQUIRED,
    NO_CREDENTIALS, TOO_MANY_CREDENTIALS, NOT_YOURS, OWN_SOCIETY, MALFORMED, ALGORITHM,
    UNKNOWN_ISSUER, UNKNOWN_KEY, SIGNATURE, CLAIMS, NOT_YET_VALID, EXPIRED, REVOKED,
    STATUS_UNKNOWN, NOT_A_BADGE,
)
