"""The words of the regional dashboard page (`/dashboard`, hub/entry/dashboard.py): English
msgids, translated into the page's language when it is written. The figures and their labels
are not here: the `statistics` query answers them already localized."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_, Plural

# The page's frame
TITLE: Final = N_("Volunteering dashboard")
# TRANSLATORS: period is a span of months, e.g. "January – December 2026".
PERIOD: Final = N_("Period: %(period)s")
LANGUAGES: Final = N_("Languages")
ALL_SOCIETIES: Final = N_("All societies")
SHOW: Final = N_("Show")

# Who sees what (the view's banner)
PUBLIC_VIEW: Final = N_("Public statistics: only what the societies publish.")
SIGNED_IN: Final = N_("Signed in (the token stays in this browser tab only).")
EXACT_VIEW: Final = N_("Exact figures of your society.")
PROTECTED_VIEW: Final = N_(
    "Protected figures: small groups are withheld and the figures slightly perturbed, so "
    "that no volunteer can be recognised.")
SIGN_IN: Final = N_("Sign in with a token")
TOKEN: Final = N_("Access token")
SIGN_IN_BUTTON: Final = N_("Sign in")
SIGN_OUT: Final = N_("Sign out")

# The sections
TOTALS: Final = N_("In the period")
VERIFIED_HOURS: Final = N_("Verified hours")
ACTIVE_VOLUNTEERS: Final = N_("Active volunteers")
HOURS_PER_MONTH: Final = N_("Verified hours per month")
HOURS_PER_CATEGORY: Final = N_("Verified hours per category")
HOURS_PER_SOCIETY: Final = N_("Verified hours per society")
VOLUNTEERS_PER_GROUP: Final = N_("Active volunteers by group")
BY_REGION: Final = N_("Hours and volunteers by region")
MONTH: Final = N_("Month")
CATEGORY: Final = N_("Category")
# TRANSLATORS: a column heading, and the label of the list of member societies to choose
# from (a Red Crescent or Red Cross society, or an association).
SOCIETY: Final = N_("Society")
GROUP: Final = N_("Volunteer group")
REGION: Final = N_("Region")
TOTAL: Final = N_("Total")

# Under a table with withheld figures (shown as "—"); count is the fewest volunteers a
# published figure counts.
# TRANSLATORS: starts with the dash that stands for a withheld figure in the tables.
SUPPRESSED_NOTE: Final = Plural(
    "— fewer than %(count)s volunteer: the figure is withheld.",
    "— fewer than %(count)s volunteers: the figure is withheld.")
LOADING: Final = N_("Loading…")
NO_FIGURES: Final = N_("No figures for this period.")
LOAD_FAILED: Final = N_("The figures could not be loaded; try again later.")
CHARTS_MISSING: Final = N_(
    "The charts cannot be drawn: their library is not installed on this hub. The tables "
    "hold every figure.")
BAD_DATE: Final = N_("Write the period's dates as YYYY-MM-DD, for example 2026-01-31.")

MESSAGES: Final = (TITLE, PERIOD, LANGUAGES, ALL_SOCIETIES, SHOW, PUBLIC_VIEW,
                   SIGNED_IN, EXACT_VIEW, PROTECTED_VIEW, SIGN_IN, TOKEN, SIGN_IN_BUTTON,
                   SIGN_OUT, TOTALS, VERIFIED_HOURS, ACTIVE_VOLUNTEERS, HOURS_PER_MONTH,
                   HOURS_PER_CATEGORY, HOURS_PER_SOCIETY, VOLUNTEERS_PER_GROUP, BY_REGION,
                   MONTH, CATEGORY, SOCIETY, GROUP, REGION, TOTAL, SUPPRESSED_NOTE, LOADING,
                   NO_FIGURES, LOAD_FAILED, CHARTS_MISSING, BAD_DATE)
