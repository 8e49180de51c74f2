"""Messages of the editorial writes of opportunities and campaigns (the rules shared with
news and events are in resolvers/publishing/messages.py): English msgids, translated where
they are shown (the caller's language)."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_, Plural

# Places and acceptance
CAPACITY_AT_LEAST_ONE: Final = N_("An opportunity has at least 1 place; leave it empty for "
                                  "no limit.")
CAPACITY_BELOW_FILLED: Final = Plural(
    "%(count)s place is already taken: the capacity cannot be lower.",
    "%(count)s places are already taken: the capacity cannot be lower.",
)

# Numbers
MINIMUM_AGE_RANGE: Final = N_("A minimum age lies between 0 and 120 years.")
CREDITED_HOURS_NEGATIVE: Final = N_("The credited hours cannot be negative.")
CREDITED_HOURS_TOO_MANY: Final = Plural(
    "At most %(count)s hour can be credited for one opportunity.",
    "At most %(count)s hours can be credited for one opportunity.",
)

# Contact
CONTACT_EMAIL: Final = N_("This is not an e-mail address (name@example.org).")
CONTACT_PHONE: Final = N_(
    "A phone number has digits, spaces and + ( ) - . only, at most 40 characters.")
CONTACT_TOO_LONG: Final = Plural(
    "The contact's name may have at most %(count)s character.",
    "The contact's name may have at most %(count)s characters.",
)

# What an opportunity belongs to
ORGANIZATION_NOT_OURS: Final = N_("This organization is not one of your society's.")
CAMPAIGN_NOT_OURS: Final = N_("This campaign is not one of your society's.")
CAMPAIGN_ARCHIVED: Final = N_("This campaign is archived; it takes no more opportunities.")

# Campaigns
CAMPAIGN_ENDS_BEFORE_START: Final = N_("A campaign cannot end before it starts.")

MESSAGES: Final[tuple[str | Plural, ...]] = (
    CAPACITY_AT_LEAST_ONE, CAPACITY_BELOW_FILLED, MINIMUM_AGE_RANGE, CREDITED_HOURS_NEGATIVE,
    CREDITED_HOURS_TOO_MANY, CONTACT_EMAIL, CONTACT_PHONE, CONTACT_TOO_LONG,
    ORGANIZATION_NOT_OURS, CAMPAIGN_NOT_OURS, CAMPAIGN_ARCHIVED, CAMPAIGN_ENDS_BEFORE_START,
)
