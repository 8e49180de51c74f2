"""Cross-cutting behaviour: stable error codes with masking, closing the request's session."""

from __future__ import annotations

import logging
import traceback
from collections import Counter
from collections.abc import AsyncIterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from hub.errors import ErrorCode, HubError
from hub.i18n import messages as msg
from hub.i18n.messages import message
from schema.core.document_errors import explain, without_suggestions

log = logging.getLogger("tatawwu.errors")
MAX_ERRORS = 20  # an attacker can make graphql-core report thousands of validation errors


def coded_errors(errors: list[GraphQLError], request_id: str, locale: str = "en", *,
                 suggestions: bool = True) -> list[GraphQLError]:
    """Every error gets `extensions.code` and a message in `locale`. Our own errors keep
    their code; graphql-core's document errors (syntax, validation, bad variables) are
    BAD_USER_INPUT in our words, their English in `extensions.detail`; anything else is
    masked as INTERNAL_SERVER_ERROR.

    Document errors (no path) are said once each (ten unknown `@aa` on one field are one
    error: graphql-cop's "directive overloading" counts them) and capped at MAX_ERRORS: a
    crafted document can make graphql-core report thousands. Field errors are all kept:
    each names the path a client needs to tell "denied" from "empty", and they are bounded
    by the data returned.

    The log gets one line per request with errors, and the traceback of each distinct
    unexpected failure once (a hundred aliases of a failing field are one failure).

    Without `suggestions` (HUB_FIELD_SUGGESTIONS off), no "Did you mean" is given, in the
    message or in the English detail.

    Applied where every result passes (the HTTP view), not in an operation hook: a parse
    error raised by the parser cache leaves the operation before such a hook can see it.
    """
    if not suggestions:
        errors = [_unsuggested(e) for e in errors]
    document = _distinct([e for e in errors if not e.path])
    coded = [_coded(e, request_id, locale) for e in document[:MAX_ERRORS]]
    if len(document) > MAX_ERRORS:
        coded.append(GraphQLError(
            message(locale, msg.MORE_ERRORS_LEFT_OUT, count=len(document) - MAX_ERRORS),
            extensions={"code": ErrorCode.BAD_USER_INPUT.value},
        ))
    coded.extend(_coded(e, request_id, locale) for e in errors if e.path)
    _log(errors, coded, request_id)
    return coded


def _coded(error: GraphQLError, request_id: str, locale: str) -> GraphQLError:
    ours = _hub_error(error)
    if ours is not None:
        extensions = {"code": ours.code.value, **_safe(ours.details)}
        if "detail" not in extensions and not error.path and error.message != ours.message:
            extensions["detail"] = error.message  # graphql-core's English around our error
        return _copy(error, ours.render(locale), extensions)
    if error.extensions and "code" in error.extensions:  # permission denials: msgid messages
        return _copy(error, message(locale, error.message), dict(error.extensions))
    if _unexpected(error) is None:
        return _copy(error, explain(error).render(locale),
                     {"code": ErrorCode.BAD_USER_INPUT.value, "detail": error.message})
    return _copy(
        error,
        message(locale, msg.INTERNAL_ERROR, request_id=request_id),
        {"code": ErrorCode.INTERNAL_SERVER_ERROR.value, "requestId": request_id},
    )


def _distinct(errors: list[GraphQLError]) -> list[GraphQLError]:
    """The first of each document error with the same English message."""
    seen: set[str] = set()
    kept = []
    for error in errors:
        if error.message not in seen:
            seen.add(error.message)
            kept.append(error)
    return kept


def _unsuggested(error: GraphQLError) -> GraphQLError:
    text = without_suggestions(error.message)
    if text == error.message:
        return error
    return GraphQLError(text, nodes=error.nodes, source=error.source,
                        positions=error.positions, path=error.path,
                        original_error=error.original_error, extensions=error.extensions)


def _hub_error(error: GraphQLError) -> HubError | None:
    """Our error behind `error`, through graphql-core's wrapping (a variable's value error
    wraps the scalar's error, which wraps ours)."""
    cause: BaseException | None = error.original_error
    while isinstance(cause, GraphQLError):
        cause = cause.original_error
    return cause if isinstance(cause, HubError) else None


def _unexpected(error: GraphQLError) -> BaseException | None:
    """The exception behind an error that is not the caller's fault, if it is one."""
    original = error.original_error
    if original is None or isinstance(original, GraphQLError | HubError):
        return None
    return original


def _log(errors: list[GraphQLError], coded: list[GraphQLError], request_id: str) -> None:
    """One line per request, then each distinct unexpected failure's traceback once."""
    codes = Counter(str((e.extensions or {}).get("code")) for e in coded)
    log.info("request %s: %s", request_id,
             ", ".join(f"{n} {code}" for code, n in sorted(codes.items())))
    logged: set[tuple[type[BaseException], str, int]] = set()
    for error in errors:
        original = _unexpected(error)
        if original is None:
            continue
        origin = _origin(original)
        if origin in logged:
            continue
        logged.add(origin)
        log.error("request %s: unexpected error at %s", request_id,
                  ".".join(map(str, error.path or [])) or "-", exc_info=original)


def _origin(exc: BaseException) -> tuple[type[BaseException], str, int]:
    """An exception's type and the line that raised it: what tells two failures apart."""
    frames = traceback.extract_tb(exc.__traceback__)
    last = frames[-1] if frames else None
    return type(exc), last.filename if last else "", (last.lineno or 0) if last else 0


def _safe(details: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in details.items() if isinstance(v, str | int | float | bool)}


def _copy(error: GraphQLError, message: str, extensions: dict[str, object]) -> GraphQLError:
    return GraphQLError(message, nodes=error.nodes, source=error.source,
                        positions=error.positions, path=error.path, extensions=extensions)


class CloseDatabase(SchemaExtension):
    """When the operation ends: write the audit events of its reads (one statement), then
    return the request's connection to the pool."""

    async def on_operation(self) -> AsyncIterator[None]:
        try:
            yield
        finally:
            ctx = self.execution_context.context
            db = getattr(ctx, "db", None)
            if db is not None:
                try:
                    if ctx.audit.pending:
                        async with db.transaction() as session:
                            await ctx.audit.flush(session)
                finally:
                    await db.close()
