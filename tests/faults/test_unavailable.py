"""What counts as "the database is unavailable" (answered SERVICE_UNAVAILABLE, retried
later) and what stays a failure of its own (a bad statement, a timeout, a bug)."""

from __future__ import annotations

import errno

import pytest
from sqlalchemy.exc import DBAPIError, IntegrityError

from hub.db.engine import connection_lost, database_unavailable


class ServerError(Exception):
    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def wrapped(orig: Exception, *, invalidated: bool = False) -> DBAPIError:
    return DBAPIError("SELECT 1", {}, orig, connection_invalidated=invalidated)


@pytest.mark.parametrize("exc", [
    wrapped(Exception("connection is closed"), invalidated=True),  # died under a statement
    ConnectionRefusedError(errno.ECONNREFUSED, "refused"),  # connecting, server down
    TimeoutError(),  # connecting, no answer
    OSError(errno.EHOSTUNREACH, "no route to host"),
    ServerError("57P03"),  # asyncpg's own, connecting: the database system is starting up
    wrapped(ServerError("57P01")),  # terminating connection due to administrator command
    wrapped(ServerError("08006")),  # connection failure
], ids=["invalidated", "refused", "connect-timeout", "unreachable", "starting-up",
        "admin-shutdown", "connection-failure"])
def test_a_lost_or_unreachable_database_is_unavailable(exc: Exception) -> None:
    assert database_unavailable(exc)


@pytest.mark.parametrize("exc", [
    wrapped(ServerError("57014")),  # statement_timeout: TIMEOUT, not an outage
    IntegrityError("INSERT", {}, ServerError("23505")),  # a duplicate: the caller's or ours
    wrapped(Exception("database is locked")),  # SQLite, no SQLSTATE
    ValueError("a bug"),
    KeyError("x"),
], ids=["statement-timeout", "unique-violation", "sqlite-locked", "bug", "key"])
def test_other_failures_are_not(exc: Exception) -> None:
    assert not database_unavailable(exc)
    assert not connection_lost(exc)
