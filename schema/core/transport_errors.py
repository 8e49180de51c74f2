"""Requests that strawberry refuses before any GraphQL runs (a body that is not JSON, no
query, a mutation over GET...) answered like every other error: JSON, a stable code, a
message in the caller's language and the English reason in `extensions.detail`.

strawberry raises `HTTPException(status, English reason)` from its HTTP view; the cause it
chains (`raise ... from`) or, failing that, the reason says which refusal it is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Final

from cross_web import HTTPException
from strawberry.exceptions import MissingQueryError
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError

from hub.errors import ErrorCode
from hub.i18n import messages as msg
from hub.i18n.markers import Plural
from hub.i18n.messages import message

MAX_BATCH: Final = 10  # operations in one batch, when batches are accepted (HUB_ALLOW_BATCHING)


@dataclass(frozen=True, slots=True)
class Refusal:
    status: int
    msgid: str | Plural
    code: ErrorCode = ErrorCode.BAD_USER_INPUT
    params: dict[str, object] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    argument: str | None = None  # the input refused, as `extensions.argument`


# strawberry's reasons for refusals it raises without a cause, by their start.
BY_REASON: Final[tuple[tuple[str, Refusal], ...]] = (
    ("Unsupported content type", Refusal(415, msg.UNSUPPORTED_CONTENT_TYPE)),
    ("GraphQL only supports GET and POST", Refusal(
        405, msg.METHOD_NOT_ALLOWED, headers={"Allow": "GET, POST"})),
    ("The GraphQL operation's `query` must be", Refusal(400, msg.QUERY_NOT_STRING)),
    ("The GraphQL operation's `variables` must be", Refusal(400, msg.VARIABLES_NOT_OBJECT)),
    ("The GraphQL operation's `extensions` must be", Refusal(400, msg.EXTENSIONS_NOT_OBJECT)),
    ("Batching is not enabled", Refusal(400, msg.BATCH_NOT_ACCEPTED,
                                        ErrorCode.BATCHING_DISABLED)),
    ("Too many operations", Refusal(400, msg.BATCH_TOO_LARGE, ErrorCode.BATCH_TOO_LARGE,
                                    params={"count": MAX_BATCH})),
    ("Not Found", Refusal(404, msg.NO_IDE_HERE, ErrorCode.NOT_FOUND)),
)
GENERIC: Final = Refusal(400, msg.INVALID_REQUEST)


class Refused(Exception):
    """A refusal of the hub's own transport rules (sizes, content types, GET), raised where
    it is found and answered like strawberry's: `error_body(refused.refusal, ...)`."""

    def __init__(self, refusal: Refusal, reason: str) -> None:
        super().__init__(reason)
        self.refusal = refusal
        self.reason = reason


def refusal(exc: HTTPException) -> Refusal:
    """What to answer for one of strawberry's HTTP refusals."""
    cause = exc.__cause__
    if isinstance(cause, json.JSONDecodeError):
        deep = "depth limit" in str(cause) or "recursion" in str(cause)
        return Refusal(400, msg.JSON_TOO_DEEP if deep else msg.INVALID_JSON)
    if isinstance(cause, MissingQueryError):
        return Refusal(400, msg.MISSING_QUERY)
    if isinstance(cause, InvalidOperationTypeError):
        return Refusal(405, msg.QUERIES_ONLY_OVER_GET, headers={"Allow": "POST"})
    if isinstance(cause, CannotGetOperationTypeError):
        if cause.operation_name is None:
            return Refusal(400, msg.OPERATION_NAME_NEEDED)
        return Refusal(400, msg.UNKNOWN_OPERATION, params={"operation": cause.operation_name})
    for start, known in BY_REASON:
        if exc.reason.startswith(start):
            return known
    return GENERIC


def error_body(found: Refusal, reason: str, locale: str, request_id: str) -> dict[str, object]:
    """The JSON body of a refusal: `{"errors": [{message, extensions}]}`."""
    error = {
        "message": message(locale, found.msgid, **found.params),
        "extensions": {"code": found.code.value, "requestId": request_id, "detail": reason},
    }
    if found.argument is not None:
        error["extensions"]["argument"] = found.argument  # type: ignore[index]
    return {"errors": [error]}
