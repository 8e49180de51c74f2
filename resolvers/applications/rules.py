"""The rules of an application's life: its status machine, who takes a place, and the
minimum age (in whole years, on the day of applying, in the opportunity's time zone).

    APPLIED    -> ACCEPTED | REJECTED | WITHDRAWN
    WAITLISTED -> ACCEPTED (moved up, or accepted by staff) | REJECTED | WITHDRAWN
    ACCEPTED   -> COMPLETED | NO_SHOW | REJECTED | WITHDRAWN
    REJECTED, WITHDRAWN, COMPLETED, NO_SHOW: final

ACCEPTED and COMPLETED hold a place (`Opportunity.filled_spots`); leaving ACCEPTED for
REJECTED, WITHDRAWN or NO_SHOW frees it, and the first WAITLISTED application moves up.
One application per volunteer and opportunity: a withdrawn application stays withdrawn
(applying again is refused; the record of the first attempt is kept).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from hub.db.models.enums import ApplicationStatus as S
from hub.db.models.enums import HoursStatus as H
from hub.db.types import utcnow

MOVES: Final[dict[S, frozenset[S]]] = {
    S.APPLIED: frozenset({S.ACCEPTED, S.REJECTED, S.WITHDRAWN}),
    S.WAITLISTED: frozenset({S.ACCEPTED, S.REJECTED, S.WITHDRAWN}),
    S.ACCEPTED: frozenset({S.COMPLETED, S.NO_SHOW, S.REJECTED, S.WITHDRAWN}),
    S.REJECTED: frozenset(),
    S.WITHDRAWN: frozenset(),
    S.COMPLETED: frozenset(),
    S.NO_SHOW: frozenset(),
}
HOLDS_A_PLACE: Final = frozenset({S.ACCEPTED, S.COMPLETED})
CARRIES_HOURS: Final = frozenset({S.ACCEPTED, S.COMPLETED})

HOURS_MOVES: Final[dict[H, frozenset[H]]] = {
    H.PENDING: frozenset({H.APPROVED, H.REJECTED}),
    H.APPROVED: frozenset({H.REJECTED}),  # a correction: the volunteer's total goes down
    H.REJECTED: frozenset(),  # the volunteer logs the hours again if they were right
}


def may_move(status: str, to: S) -> bool:
    return to in MOVES[S(status)]


def frees_a_place(status: str, to: S) -> bool:
    return S(status) in HOLDS_A_PLACE and to not in HOLDS_A_PLACE


def local_today(time_zone: str, now: datetime | None = None) -> date:
    """Today in `time_zone` (a tenant's)."""
    return (now or utcnow()).astimezone(ZoneInfo(time_zone)).date()


def local_day(moment: datetime, time_zone: str) -> date:
    return moment.astimezone(ZoneInfo(time_zone)).date()


def age_on(day: date, birth_date: date | None, birth_year: int | None) -> int | None:
    """Whole years on `day`: from the birth date, else the lowest age the birth year allows
    (born on 31 December); None when neither is known."""
    if birth_date is not None:
        return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month,
                                                                       birth_date.day))
    if birth_year is not None:
        return day.year - birth_year - ((day.month, day.day) < (12, 31))
    return None


def has_ended(ends_at: datetime | None, now: datetime | None = None) -> bool:
    return ends_at is not None and ends_at <= (now or utcnow())


ONE_DAY: Final = timedelta(days=1)
