"""Telling a statement cancelled by PostgreSQL's `statement_timeout` from other failures.

The cancellation reaches the hub as SQLAlchemy's `DBAPIError` around the driver's error
(asyncpg's `QueryCanceledError`), both carrying the SQLSTATE; statements sent afterwards in
the same transaction fail with "current transaction is aborted", a consequence of it.
"""

from __future__ import annotations

from typing import Final

QUERY_CANCELED: Final = "57014"  # statement_timeout (or a cancel request)
IN_FAILED_TRANSACTION: Final = "25P02"


def sqlstate_of(exc: BaseException | None) -> str | None:
    """The SQLSTATE behind an exception: its own, its driver error's, or its causes'."""
    seen = 0
    while exc is not None and seen < 8:
        for holder in (exc, getattr(exc, "orig", None)):
            state = getattr(holder, "sqlstate", None) or getattr(holder, "pgcode", None)
            if isinstance(state, str):
                return state
        exc = exc.__cause__ or getattr(exc, "orig", None)
        seen += 1
    return None


def statement_timed_out(exc: BaseException | None) -> bool:
    return sqlstate_of(exc) == QUERY_CANCELED


def after_timeout(exc: BaseException | None) -> bool:
    """A statement refused because an earlier one of its transaction was cancelled."""
    return sqlstate_of(exc) == IN_FAILED_TRANSACTION
