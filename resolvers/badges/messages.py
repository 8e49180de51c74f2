"""The words of badges and levels: the errors of their queries and the notification a
volunteer gets for a badge earned. English msgids, translated where they are shown (the
caller's language, or the recipient's for a notification)."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_

# TRANSLATORS: benefit is a code such as transport-discount, tenant a society's short name
# (slug); keep both as they are.
UNKNOWN_BENEFIT: Final = N_("No badge of “%(tenant)s” opens the benefit “%(benefit)s”.")
LEVEL_OWN_TENANT_ONLY: Final = N_(
    "Staff see a volunteer's level in their own society only.")

BADGE_AWARDED_TITLE: Final = N_("You earned a badge")
# TRANSLATORS: badge is the badge's name, to quote with your language's quotes; hours a count
# with its noun ("10 hours", "١٠ ساعات").
BADGE_AWARDED_TEXT: Final = N_(
    "Your %(hours)s of verified volunteering earned you the “%(badge)s”. Congratulations, "
    "and thank you!")

MESSAGES: Final = (
    UNKNOWN_BENEFIT, LEVEL_OWN_TENANT_ONLY, BADGE_AWARDED_TITLE,
    BADGE_AWARDED_TEXT,
)
