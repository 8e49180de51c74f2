"""Messages of the rate limits and time limits: English msgids, translated where they are
shown (the caller's language)."""

from __future__ import annotations

from typing import Final

from hub.i18n.markers import N_, Plural

# TRANSLATORS: count is the number of seconds until the caller may ask again.
RATE_LIMITED: Final = Plural(
    "Too many requests: the budget of this caller is spent. Try again in %(count)s second.",
    "Too many requests: the budget of this caller is spent. Try again in %(count)s seconds.",
)
# TRANSLATORS: count is the request time limit, in seconds.
REQUEST_TIMED_OUT: Final = Plural(
    "The request took longer than its limit of %(count)s second and was stopped.",
    "The request took longer than its limit of %(count)s seconds and was stopped.",
)
# TRANSLATORS: count is the request time limit, in seconds.
BODY_TIMED_OUT: Final = Plural(
    "The request was not received within %(count)s second.",
    "The request was not received within %(count)s seconds.",
)
STATEMENT_TIMED_OUT: Final = N_(
    "A database query took longer than allowed and was stopped: ask for less at once "
    "(smaller pages, fewer fields) or try again later.")

MESSAGES: Final[tuple[str | Plural, ...]] = (
    RATE_LIMITED, REQUEST_TIMED_OUT, BODY_TIMED_OUT, STATEMENT_TIMED_OUT,
)
