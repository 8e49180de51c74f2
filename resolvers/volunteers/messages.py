"""The volunteers domain's messages: becoming a volunteer, the profile, saved opportunities,
exporting and erasing one's data. English msgids, translated where they are shown."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_, Plural

# Who may
SIGN_IN_TO_REGISTER: Final = N_("Sign in with your own account to register as a volunteer.")
ONLY_PEOPLE_REGISTER: Final = N_(
    "Staff, federation and API accounts cannot register as volunteers; sign in with a "
    "personal account.")
ALREADY_REGISTERED: Final = N_("You are already registered as a volunteer.")
ALREADY_MEMBER: Final = N_("You are already a member of this society.")
ACCOUNT_ERASED: Final = N_("This account has been deleted.")

# The profile's input
# TRANSLATORS: argument names an input field, e.g. input.firstName; keep it as it is.
REQUIRED_TEXT: Final = N_("`%(argument)s` must not be empty.")
FIELD_TOO_LONG: Final = Plural(
    "`%(argument)s` may have at most %(count)s character.",
    "`%(argument)s` may have at most %(count)s characters.",
)
INVALID_EMAIL: Final = N_("This is not a valid e-mail address.")
INVALID_PHONE: Final = N_(
    "A phone number may hold digits, spaces, dashes, dots, brackets and a leading +, "
    "with 6 to 20 digits.")
BIRTH_DATE_IN_FUTURE: Final = N_("The date of birth must be in the past.")
BIRTH_DATE_TOO_OLD: Final = Plural(
    "The date of birth must be less than %(count)s year ago.",
    "The date of birth must be less than %(count)s years ago.",
)
BIRTH_DATE_REQUIRED: Final = N_(
    "The date of birth is required: it decides whether a guardian's consent is needed and "
    "which opportunities are open to you.")
# TRANSLATORS: tag is a language tag such as ar or kab, as the client sent it.
UNKNOWN_LANGUAGE: Final = N_("“%(tag)s” is not a known language tag.")
NOTHING_TO_CHANGE: Final = N_("Give at least one field to change.")
CANNOT_CLEAR: Final = N_("`%(argument)s` cannot be removed, only changed.")

# Consent
TERMS_NOT_ACCEPTED: Final = N_("Accept the society's terms to join it.")
# TRANSLATORS: version and current are version labels of a society's terms, e.g. 2.
TERMS_CHANGED: Final = N_(
    "The society's terms have changed (you accepted version %(version)s, the current one is "
    "%(current)s); read them again and accept the current version.")
GUARDIAN_CONSENT_REQUIRED: Final = Plural(
    "A volunteer under %(count)s year old needs the consent of a parent or guardian: give "
    "the guardian's name and contact.",
    "A volunteer under %(count)s years old needs the consent of a parent or guardian: give "
    "the guardian's name and contact.",
)

# Deleting one's account
CONFIRM_DELETION: Final = N_(
    "To delete your account, set `confirm` to true: this cannot be undone.")

MESSAGES: Final[tuple[str | Plural, ...]] = (
    SIGN_IN_TO_REGISTER, ONLY_PEOPLE_REGISTER, ALREADY_REGISTERED, ALREADY_MEMBER,
    ACCOUNT_ERASED, REQUIRED_TEXT, FIELD_TOO_LONG, INVALID_EMAIL, INVALID_PHONE,
    BIRTH_DATE_IN_FUTURE, BIRTH_DATE_TOO_OLD, BIRTH_DATE_REQUIRED, UNKNOWN_LANGUAGE,
    NOTHING_TO_CHANGE, CANNOT_CLEAR, TERMS_NOT_ACCEPTED, TERMS_CHANGED,
    GUARDIAN_CONSENT_REQUIRED, CONFIRM_DELETION,
)
