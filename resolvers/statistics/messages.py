"""Messages of the statistics query: English msgids, translated where they are shown."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_

NO_METRICS: Final = N_("Ask for at least one metric.")
PERIOD_ORDER: Final = N_("The period must end on or after the day it starts.")
# TRANSLATORS: count is a number of years.
PERIOD_TOO_LONG: Final = N_("A period spans at most %(count)s years.")
# TRANSLATORS: count is the largest number of cells one answer may hold.
TOO_MANY_CELLS: Final = N_(
    "This grouping gives more than %(count)s cells: group by fewer dimensions or ask for a "
    "shorter period.")
# TRANSLATORS: tenant is a society's name; metric is a statistic such as "Verified hours".
NOT_PUBLIC: Final = N_("“%(tenant)s” does not publish the statistic “%(metric)s”.")
NOTHING_PUBLIC: Final = N_(
    "No society publishes these statistics. Sign in as staff or as a federation analyst.")

# Labels of the answer's keys
OTHER_CELLS: Final = N_("Other (small cells together)")
NO_GROUP: Final = N_("Not stated")
NO_REGION: Final = N_("No region (remote)")

# The metrics' names (in errors)
VERIFIED_HOURS: Final = N_("Verified hours")
ACTIVE_VOLUNTEERS: Final = N_("Active volunteers")
APPLICATIONS: Final = N_("Applications")
COMPLETED_PARTICIPATIONS: Final = N_("Completed participations")
METRIC_NAMES: Final = {"VERIFIED_HOURS": VERIFIED_HOURS, "ACTIVE_VOLUNTEERS": ACTIVE_VOLUNTEERS,
                       "APPLICATIONS": APPLICATIONS,
                       "COMPLETED_PARTICIPATIONS": COMPLETED_PARTICIPATIONS}

MESSAGES: Final = (
    NO_METRICS, PERIOD_ORDER, PERIOD_TOO_LONG, TOO_MANY_CELLS, NOT_PUBLIC, NOTHING_PUBLIC,
    OTHER_CELLS, NO_GROUP, NO_REGION, VERIFIED_HOURS, ACTIVE_VOLUNTEERS,
    APPLICATIONS, COMPLETED_PARTICIPATIONS,
)
