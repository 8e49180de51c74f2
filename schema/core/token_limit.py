"""The token limit, in the parser: it stops at the first token (or comment) over the limit,
before the document is built, so a huge document costs no more than the limit to refuse. The
document cache (schema/core/document_cache.py) calls it and keeps only what also validated.

Even that much parsing is ~20 ms for 1000 tokens on a busy 2-core machine, so a document
longer than the limit in characters is first counted by a regular expression (C speed,
strings and comments skipped as the lexer skips them): over the limit, it is refused the
same way without the parser. The count can only be lower than the lexer's for a valid
document (anything it does not know is skipped), so it never refuses what the parser would
accept.
"""

from __future__ import annotations

import re
from typing import Final

from graphql import DocumentNode, GraphQLError, GraphQLSyntaxError, Source, parse

from hub.errors import TooManyTokens
from hub.i18n import messages as msg

_TOKENS_ERROR: Final = re.compile(
    r"Syntax Error: Document contains more than \d+ (?:tokens|comments)\. Parsing aborted\.")


# One lexical token as graphql-core reads it, or a comment or string (one match each).
_TOKEN: Final = re.compile(
    r'"""(?:\\"""|[^"]|"(?!""))*"""'  # a block string
    r'|"(?:[^"\\\n\r]|\\.)*"'  # a string
    r"|#[^\n\r]*"  # a comment: not a token
    r"|\.\.\.|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[_A-Za-z][_0-9A-Za-z]*|[!$&()\[\]{}:=@|]")


def over_limit(query: str, max_tokens: int) -> int | None:
    """Where the token after the first `max_tokens` starts, if the quick count finds one."""
    if len(query) <= max_tokens:
        return None
    count = 0
    for found in _TOKEN.finditer(query):
        if found.group().startswith("#"):
            continue
        count += 1
        if count > max_tokens:
            return found.start()
    return None


def parse_limited(query: str, max_tokens: int) -> DocumentNode:
    """`query` parsed, or TOO_MANY_TOKENS at the first token (or comment) over `max_tokens`;
    other syntax errors as graphql-core reports them."""
    try:
        position = over_limit(query, max_tokens)
        if position is not None:
            raise GraphQLSyntaxError(
                Source(query), position,
                f"Document contains more than {max_tokens} tokens. Parsing aborted.")
        return parse(query, max_lexical_tokens=max_tokens, max_comments=max_tokens)
    except GraphQLSyntaxError as error:
        if not _TOKENS_ERROR.fullmatch(error.message):
            raise
        raise GraphQLError(
            error.message, source=error.source, positions=error.positions,
            original_error=TooManyTokens(msg.QUERY_TOO_MANY_TOKENS, detail=error.message,
                                         count=max_tokens),
        ) from None
