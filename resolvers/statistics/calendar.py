"""The statistics' calendar: months, and segments (an ISO week, Monday to Sunday, cut at the
month's end, so that weeks add up to months: the week of Monday 29 December 2025 is two
segments, 29-31 December and 1-4 January). A segment is named by its first day.

Periods are whole months: `from` and `to` widen to the first and last day of their months.
The rollups keep no finer time, and a period shortened by one day asks the same question.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Date, cast, func


def month_of(day: date) -> date:
    return day.replace(day=1)


def segment_of(day: date) -> date:
    """The first day of the segment holding `day`."""
    return max(day - timedelta(days=day.weekday()), month_of(day))


def segment_end(start: date) -> date:
    """The last day of the segment starting on `start`."""
    sunday = start - timedelta(days=start.weekday()) + timedelta(days=6)
    return min(sunday, month_end(start))


def month_end(day: date) -> date:
    return add_months(month_of(day), 1) - timedelta(days=1)


def add_months(month: date, n: int) -> date:
    index = month.year * 12 + month.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> int:
    """How many months from `first`'s month to `last`'s, both counted."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


# --- SQL, per dialect --------------------------------------------------------------------

def month_sql(dialect: str, day: Any) -> Any:
    if dialect == "postgresql":
        return cast(func.date_trunc("month", day), Date)
    return func.date(day, "start of month")


def segment_sql(dialect: str, day: Any) -> Any:
    if dialect == "postgresql":
        return func.greatest(cast(func.date_trunc("week", day), Date),
                             cast(func.date_trunc("month", day), Date))
    # SQLite: six days back, then forward to a Monday (weekday 1): the Monday of the week.
    return func.max(func.date(day, "-6 days", "weekday 1"), func.date(day, "start of month"))


def day_of_moment_sql(dialect: str, moment: Any) -> Any:
    """The UTC day of a stored moment (applied_at, completed_at)."""
    if dialect == "postgresql":
        return cast(func.timezone("UTC", moment), Date)
    return func.date(moment)
