"""The token limit, in the parser: it stops at the first token (or comment) over the limit,
before the document is built, so a huge document costs no more than the limit to refuse. The
document cache (schema/core/document_cache.py) calls it and keeps only what also validated."""

from __future__ import annotations

import re
from typing import Final

from graphql import DocumentNode, GraphQLError, GraphQLSyntaxError, parse

from hub.errors import TooManyTokens
from hub.i18n import messages as msg

_TOKENS_ERROR: Final = re.compile(
    r"Syntax Error: Document contains more than \d+ (?:tokens|comments)\. Parsing aborted\.")


def parse_limited(query: str, max_tokens: int) -> DocumentNode:
    """`query` parsed, or TOO_MANY_TOKENS at the first token (or comment) over `max_tokens`;
    other syntax errors as graphql-core reports them."""
    try:
        return parse(query, max_lexical_tokens=max_tokens, max_comments=max_tokens)
    except GraphQLSyntaxError as error:
        if not _TOKENS_ERROR.fullmatch(error.message):
            raise
        raise GraphQLError(
            error.message, source=error.source, positions=error.positions,
            original_error=TooManyTokens(msg.QUERY_TOO_MANY_TOKENS, detail=error.message,
                                         count=max_tokens),
        ) from None
