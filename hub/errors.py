"""Errors with stable codes that the API returns in `extensions.code`."""

from __future__ import annotations

from enum import StrEnum
from typing import Any


class ErrorCode(StrEnum):
    BAD_USER_INPUT = "BAD_USER_INPUT"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    CONFLICT = "CONFLICT"
    RATE_LIMITED = "RATE_LIMITED"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"


class HubError(Exception):
    """An error meant for the caller: its message is safe to show, its code is stable."""

    code: ErrorCode = ErrorCode.INTERNAL_SERVER_ERROR

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class BadUserInput(HubError):
    code = ErrorCode.BAD_USER_INPUT


class NotFound(HubError):
    code = ErrorCode.NOT_FOUND


class Forbidden(HubError):
    code = ErrorCode.FORBIDDEN


class QueryTooComplex(HubError):
    code = ErrorCode.QUERY_TOO_COMPLEX


class ConfigurationError(Exception):
    """The hub cannot start: a setting or a tenant file is wrong. The message says which."""
