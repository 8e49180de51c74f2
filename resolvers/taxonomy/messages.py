"""Messages of the shared taxonomy's writes (categories and skills): English msgids,
translated where they are shown (the caller's language)."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_, Plural

# Who may
FEDERATION_ADMINS_ONLY: Final = N_(
    "Only admins of the federation may manage the shared categories and skills.")

# Codes
# TRANSLATORS: code is what the client sent as a category or skill code, e.g. "first-aid".
BAD_CODE: Final = N_(
    "“%(code)s” is not a valid code: 2 to 48 lowercase letters, digits, “-” or “_”, "
    "starting with a letter.")
# A new record naming a retired code (resolvers/opportunities/taxonomy.py check_active_codes;
# an unknown code is hub.i18n.messages.UNKNOWN_CATEGORY / UNKNOWN_SKILL).
# TRANSLATORS: code is a category code such as first-aid.
RETIRED_CATEGORY: Final = N_(
    "The category “%(code)s” is retired: records that have it keep it, new ones may not "
    "take it.")
# TRANSLATORS: code is a skill code such as first-aid.
RETIRED_SKILL: Final = N_(
    "The skill “%(code)s” is retired: records that have it keep it, new ones may not take it.")

# Labels
# TRANSLATORS: locale is what the client sent as a language tag, e.g. "xx".
UNKNOWN_LOCALE: Final = N_("“%(locale)s” is not a known language tag (e.g. ar, fr or en-GB).")
# TRANSLATORS: locale is a language tag such as ar or fr-CA.
LOCALE_TWICE: Final = N_("The language “%(locale)s” is given twice.")
LABEL_TOO_LONG: Final = Plural(
    "A label may have at most %(count)s character.",
    "A label may have at most %(count)s characters.",
)
TOO_MANY_LABELS: Final = Plural(
    "Give at most %(count)s label.",
    "Give at most %(count)s labels.",
)
LABEL_REQUIRED: Final = N_("Keep at least one label (English is the usual one).")
POSITION_RANGE: Final = Plural(
    "The position is a whole number from 0 to %(count)s.",
    "The position is a whole number from 0 to %(count)s.",
)

# Concurrency
# TRANSLATORS: code is a category or skill code such as first-aid.
CREATED_MEANWHILE: Final = N_("“%(code)s” was created by someone else meanwhile; send it again.")

MESSAGES: Final = (
    FEDERATION_ADMINS_ONLY, BAD_CODE, RETIRED_CATEGORY, RETIRED_SKILL, UNKNOWN_LOCALE,
    LOCALE_TWICE, LABEL_TOO_LONG, TOO_MANY_LABELS, LABEL_REQUIRED, POSITION_RANGE,
    CREATED_MEANWHILE,
)
