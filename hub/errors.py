"""Errors with stable codes that the API returns in `extensions.code`.

A `HubError` carries a message id from `hub.i18n.messages` and its parameters; the message
is rendered in the caller's language where the error leaves the hub (`render(locale)`).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hub.i18n.markers import Plural


class ErrorCode(StrEnum):
    BAD_USER_INPUT = "BAD_USER_INPUT"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    CONFLICT = "CONFLICT"
    RATE_LIMITED = "RATE_LIMITED"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"  # nested deeper than the depth limit
    TOO_MANY_TOKENS = "TOO_MANY_TOKENS"
    TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
    TOO_MANY_DIRECTIVES = "TOO_MANY_DIRECTIVES"
    QUERY_TOO_COSTLY = "QUERY_TOO_COSTLY"
    TOO_MANY_DUPLICATE_FIELDS = "TOO_MANY_DUPLICATE_FIELDS"  # the same field selected again
    TIMEOUT = "TIMEOUT"  # the request or one of its statements took longer than allowed
    PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"  # no trusted document has this id
    TRUSTED_DOCUMENTS_ONLY = "TRUSTED_DOCUMENTS_ONLY"  # an ad-hoc document where only ids go
    # The database cannot be reached right now; retry (with the same clientMutationId).
    SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
    REQUEST_TOO_LARGE = "REQUEST_TOO_LARGE"  # a body over HUB_MAX_BODY_BYTES (413)
    VARIABLES_TOO_LARGE = "VARIABLES_TOO_LARGE"  # variables over HUB_MAX_VARIABLES_BYTES (413)
    RESPONSE_TOO_LARGE = "RESPONSE_TOO_LARGE"  # an answer over HUB_MAX_RESPONSE_BYTES
    BATCHING_DISABLED = "BATCHING_DISABLED"  # a JSON array of operations (HUB_ALLOW_BATCHING)
    BATCH_TOO_LARGE = "BATCH_TOO_LARGE"  # more operations in one batch than allowed
    INTROSPECTION_DISABLED = "INTROSPECTION_DISABLED"  # __schema, __type, _service refused
    INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"


class HubError(Exception):
    """An error meant for the caller: its message is safe to show, its code is stable."""

    code: ErrorCode = ErrorCode.INTERNAL_SERVER_ERROR

    def __init__(self, msgid: str | Plural, /, *, argument: str | None = None,
                 detail: str | None = None, **params: Any) -> None:
        self.msgid = msgid
        self.params = params
        self.argument = argument
        self.detail = detail  # technical, English, for developers (e.g. why a token failed)
        super().__init__(self.message)

    def render(self, locale: str) -> str:
        from hub.i18n.messages import message

        params = {"argument": self.argument, **self.params} if self.argument else self.params
        return message(locale, self.msgid, **params)

    @property
    def message(self) -> str:
        return self.render("en")

    @property
    def details(self) -> dict[str, Any]:
        """What goes into `extensions` beside the code."""
        out: dict[str, Any] = {}
        if self.argument:
            out["argument"] = self.argument
        if self.detail:
            out["detail"] = self.detail
        return out


class BadUserInput(HubError):
    code = ErrorCode.BAD_USER_INPUT


class NotFound(HubError):
    code = ErrorCode.NOT_FOUND


class Forbidden(HubError):
    code = ErrorCode.FORBIDDEN


class Conflict(HubError):
    """The request is valid but the record's state does not allow it (a move its status
    machine forbids, a second application, a place already taken)."""

    code = ErrorCode.CONFLICT


class QueryTooComplex(HubError):
    code = ErrorCode.QUERY_TOO_COMPLEX


class TooManyTokens(HubError):
    code = ErrorCode.TOO_MANY_TOKENS


class TooManyAliases(HubError):
    code = ErrorCode.TOO_MANY_ALIASES


class TooManyDirectives(HubError):
    code = ErrorCode.TOO_MANY_DIRECTIVES


class QueryTooCostly(HubError):
    code = ErrorCode.QUERY_TOO_COSTLY


class TooManyDuplicateFields(HubError):
    code = ErrorCode.TOO_MANY_DUPLICATE_FIELDS


class RateLimited(HubError):
    code = ErrorCode.RATE_LIMITED


class TimedOut(HubError):
    code = ErrorCode.TIMEOUT


class PersistedQueryNotFound(HubError):
    code = ErrorCode.PERSISTED_QUERY_NOT_FOUND


class TrustedDocumentsOnly(HubError):
    code = ErrorCode.TRUSTED_DOCUMENTS_ONLY


class ResponseTooLarge(HubError):
    code = ErrorCode.RESPONSE_TOO_LARGE


class IntrospectionDisabled(HubError):
    code = ErrorCode.INTROSPECTION_DISABLED


class ConfigurationError(Exception):
    """The hub cannot start: a setting or a tenant file is wrong. The message says which."""
