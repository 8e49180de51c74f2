"""What the statistics count and by what they group: the API's names, and how each metric
maps onto the rollups' columns."""

from __future__ import annotations

from enum import StrEnum


class StatisticsMetric(StrEnum):
    VERIFIED_HOURS = "VERIFIED_HOURS"  # hours of APPROVED entries, by the day served
    ACTIVE_VOLUNTEERS = "ACTIVE_VOLUNTEERS"  # distinct volunteers with verified hours
    APPLICATIONS = "APPLICATIONS"  # applications made (any status), by the day applied
    COMPLETED_PARTICIPATIONS = "COMPLETED_PARTICIPATIONS"  # by the day completed


class StatisticsDimension(StrEnum):
    MONTH = "MONTH"
    WEEK = "WEEK"  # an ISO week, cut at the month's end (see calendar.py)
    TENANT = "TENANT"
    CATEGORY = "CATEGORY"
    GROUP = "GROUP"
    REGION = "REGION"


class Family(StrEnum):
    """The people a metric counts, whose number decides suppression (and the metric
    column of the recurrence rollup)."""

    HOURS = "H"  # volunteers with verified hours
    APPLICANTS = "A"
    COMPLETERS = "C"


FAMILY = {
    StatisticsMetric.VERIFIED_HOURS: Family.HOURS,
    StatisticsMetric.ACTIVE_VOLUNTEERS: Family.HOURS,
    StatisticsMetric.APPLICATIONS: Family.APPLICANTS,
    StatisticsMetric.COMPLETED_PARTICIPATIONS: Family.COMPLETERS,
}
