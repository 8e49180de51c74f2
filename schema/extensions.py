"""Cross-cutting behaviour: stable error codes with masking, closing the request's session."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from hub.errors import ErrorCode, HubError
from hub.i18n import messages as msg
from hub.i18n.messages import message

log = logging.getLogger("tatawwu.errors")
MAX_ERRORS = 20  # an attacker can make graphql-core report thousands of validation errors


def coded_errors(errors: list[GraphQLError], request_id: str, locale: str = "en"
                 ) -> list[GraphQLError]:
    """Every error gets `extensions.code`. Our own errors keep their message; document
    errors (syntax, validation, bad variables) are BAD_USER_INPUT; anything else is masked
    as INTERNAL_SERVER_ERROR and logged with the request id. Our messages are rendered in
    `locale` (graphql-core's own validation messages stay in English).

    Document errors (no path) are capped at MAX_ERRORS: a crafted document can make
    graphql-core report thousands. Field errors are all kept: each names the path a client
    needs to tell "denied" from "empty", and they are bounded by the data returned.

    Applied where every result passes (the HTTP view), not in an operation hook: a parse
    error raised by the parser cache leaves the operation before such a hook can see it.
    """
    document = [e for e in errors if not e.path]
    coded = [_coded(e, request_id, locale) for e in document[:MAX_ERRORS]]
    if len(document) > MAX_ERRORS:
        coded.append(GraphQLError(
            message(locale, msg.MORE_ERRORS_LEFT_OUT, count=len(document) - MAX_ERRORS),
            extensions={"code": ErrorCode.BAD_USER_INPUT.value},
        ))
    coded.extend(_coded(e, request_id, locale) for e in errors if e.path)
    return coded


def _coded(error: GraphQLError, request_id: str, locale: str) -> GraphQLError:
    original = error.original_error
    if isinstance(original, HubError):
        extensions = {"code": original.code.value, **_safe(original.details)}
        return _copy(error, original.render(locale), extensions)
    if error.extensions and "code" in error.extensions:  # permission denials: msgid messages
        return _copy(error, message(locale, error.message), dict(error.extensions))
    if original is None and "exceeds maximum operation depth" in error.message:
        return _copy(error, error.message, {"code": ErrorCode.QUERY_TOO_COMPLEX.value})
    if original is None or isinstance(original, GraphQLError):
        return _copy(error, error.message, {"code": ErrorCode.BAD_USER_INPUT.value})
    log.error("request %s: unexpected error at %s", request_id, error.path, exc_info=original)
    return _copy(
        error,
        message(locale, msg.INTERNAL_ERROR, request_id=request_id),
        {"code": ErrorCode.INTERNAL_SERVER_ERROR.value, "requestId": request_id},
    )


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
