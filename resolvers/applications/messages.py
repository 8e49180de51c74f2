"""Messages of applying, deciding, completing, logging and verifying hours: English msgids,
translated where they are shown (the caller's language)."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_, Plural

# Who may
STAFF_DECIDE_ONLY: Final = N_(
    "Only admins and coordinators of the opportunity's society may decide applications.")
STAFF_VERIFY_ONLY: Final = N_(
    "Only admins and coordinators of the society may verify hours.")
OWN_APPLICATION_ONLY: Final = N_("Only the volunteer who applied may do this.")

# Applying
# TRANSLATORS: status is the opportunity's status label, e.g. Closed.
NOT_OPEN: Final = N_("This opportunity is not open for applications.")
ENDED: Final = N_("This opportunity has ended; it takes no more applications.")
ALREADY_APPLIED: Final = N_("You have already applied to this opportunity.")
# TRANSLATORS: age is a whole number of years.
TOO_YOUNG: Final = Plural(
    "You must be at least %(count)s year old to apply to this opportunity.",
    "You must be at least %(count)s years old to apply to this opportunity.",
)
AGE_UNKNOWN: Final = Plural(
    "This opportunity is for volunteers aged %(count)s or older: add your date of birth "
    "to your profile to apply.",
    "This opportunity is for volunteers aged %(count)s or older: add your date of birth "
    "to your profile to apply.",
)

# The status machine
# TRANSLATORS: status and to are labels of application statuses, e.g. "Withdrawn".
ILLEGAL_MOVE: Final = N_("An application that is “%(status)s” cannot become “%(to)s”.")
NO_PLACE_LEFT: Final = N_(
    "All places of this opportunity are taken.")
REASON_REQUIRED: Final = N_("A rejection needs a reason.")
REASON_ONLY_ON_REJECTION: Final = N_("Only a rejection takes a reason.")
NOTE_FOR_OTHER: Final = N_("The reason OTHER needs a note saying why.")
COMPLETION_STATUS: Final = N_("An application is completed as COMPLETED or NO_SHOW.")
DECISION_STATUS: Final = N_("An application is decided as ACCEPTED or REJECTED.")

# Hours
HOURS_NOT_ACCEPTED: Final = N_(
    "Hours can be logged only on an accepted or completed application.")
HOURS_IN_FUTURE: Final = N_("Hours cannot be logged for a day that has not come yet.")
HOURS_BEFORE_START: Final = N_("Hours cannot be logged before the opportunity started.")
HOURS_NOT_POSITIVE: Final = N_("The hours must be more than 0.")
HOURS_TOO_MANY: Final = Plural(
    "At most %(count)s hour can be logged for one entry.",
    "At most %(count)s hours can be logged for one entry.",
)
HOURS_DECIMALS: Final = N_("The hours may have at most 2 decimals (e.g. 1.25).")
# TRANSLATORS: logged is a number of hours, e.g. 20,5.
DAY_FULL: Final = N_(
    "A day has 24 hours: %(logged)s are already logged for this day.")
NOTE_TOO_LONG: Final = Plural(
    "The note may have at most %(count)s character.",
    "The note may have at most %(count)s characters.",
)
NO_ENTRIES: Final = N_("Name at least one hours entry.")
TOO_MANY_ENTRIES: Final = Plural(
    "At most %(count)s hours entry can be verified at once.",
    "At most %(count)s hours entries can be verified at once.",
)
# TRANSLATORS: status and to are labels of hours statuses, e.g. "Verified".
ILLEGAL_HOURS_MOVE: Final = N_("An hours entry that is “%(status)s” cannot become “%(to)s”.")
HOURS_CHANGED: Final = N_(
    "Some of these hours entries were reviewed meanwhile; load them again and retry.")
APPLICATION_CHANGED: Final = N_(
    "This application was changed meanwhile; load it again and retry.")

MESSAGES: Final[tuple[str | Plural, ...]] = (
    STAFF_DECIDE_ONLY, STAFF_VERIFY_ONLY, OWN_APPLICATION_ONLY, NOT_OPEN, ENDED,
    ALREADY_APPLIED, TOO_YOUNG, AGE_UNKNOWN, ILLEGAL_MOVE, NO_PLACE_LEFT, REASON_REQUIRED,
    REASON_ONLY_ON_REJECTION, NOTE_FOR_OTHER, COMPLETION_STATUS, DECISION_STATUS,
    HOURS_NOT_ACCEPTED, HOURS_IN_FUTURE, HOURS_BEFORE_START, HOURS_NOT_POSITIVE,
    HOURS_TOO_MANY, HOURS_DECIMALS, DAY_FULL, NOTE_TOO_LONG, NO_ENTRIES, TOO_MANY_ENTRIES,
    ILLEGAL_HOURS_MOVE, HOURS_CHANGED, APPLICATION_CHANGED,
)
