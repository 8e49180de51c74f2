"""The token limit, in the parser: it stops at the first token (or comment) over the limit,
before the document is built, so a huge document costs no more than the limit to refuse. The
document cache (schema/core/document_cache.py) calls it and keeps only what also validated.

Even that much parsing is ~20 ms for 1000 tokens on a busy 2-core machine, so a document
longer than the limit in characters is first counted by a regular expression (C speed,
strings and comments skipped as the lexer skips them): over the limit, it is refused the
same way without the parser. The count can only be lower than the lexer's for a valid
document (anything it does not know is skipped), so it never refuses what the parser would
accept. The same pass measures how deep braces nest: a document nested far deeper than the
depth limit allows (braces of selections and of input objects together) is refused as too
deep without parsing it either. Neither refusal carries a location: computing one scans
the whole document again (a third of the cost of refusing a 64 KB one).
"""

from __future__ import annotations

import re
from itertools import accumulate, islice, repeat
from typing import Final

from graphql import DocumentNode, GraphQLError, GraphQLSyntaxError, parse

from hub.errors import QueryTooComplex, TooManyTokens
from hub.i18n import messages as msg

_TOKENS_ERROR: Final = re.compile(
    r"Syntax Error: Document contains more than \d+ (?:tokens|comments)\. Parsing aborted\.")


# One lexical token as graphql-core reads it, or a comment or string (one match each).
_TOKEN: Final = re.compile(
    r'"""(?:\\"""|[^"]|"(?!""))*"""'  # a block string
    r'|"(?:[^"\\\n\r]|\\.)*"'  # a string
    r"|#[^\n\r]*"  # a comment: not a token
    r"|\.\.\.|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[_A-Za-z][_0-9A-Za-z]*|[!$&()\[\]{}:=@|]")


_BRACES: Final = {"{": 1, "}": -1}

# Braces deeper than the depth limit plus this are refused before parsing: a selection of
# the depth limit nests its braces that deep, input objects in its arguments a few more.
NESTING_ALLOWANCE: Final = 10


def over_limit(query: str, max_tokens: int, max_nesting: int | None = None) -> str | None:
    """"tokens" if the quick count finds more than `max_tokens` tokens, "nesting" if braces
    nest deeper than `max_nesting`, else None (short documents are left to the parser).

    The matches are collected in C (`islice` of the regular expression's matches), at most
    one more than the limit; a document with a `#` (comments: matched, not counted) is
    counted match by match."""
    if len(query) <= max_tokens:
        return None
    if "#" in query:
        return _counted(query, max_tokens, max_nesting)
    head = list(islice(_TOKEN.finditer(query), max_tokens + 1))
    if len(head) > max_tokens:
        return "tokens"
    if max_nesting is not None and query.count("{") > max_nesting:
        braces = map(_BRACES.get, map(re.Match.group, head), repeat(0))
        if max(accumulate(braces), default=0) > max_nesting:
            return "nesting"
    return None


def _counted(query: str, max_tokens: int, max_nesting: int | None) -> str | None:
    count = depth = 0
    deepest = max_nesting if max_nesting is not None else len(query)
    for found in _TOKEN.finditer(query):
        token = found.group()
        if token.startswith("#"):
            continue
        count += 1
        if count > max_tokens:
            return "tokens"
        if token == "{":
            depth += 1
            if depth > deepest:
                return "nesting"
        elif token == "}":
            depth -= 1
    return None


def parse_limited(query: str, max_tokens: int, max_depth: int | None = None) -> DocumentNode:
    """`query` parsed, or TOO_MANY_TOKENS at the first token (or comment) over `max_tokens`,
    or QUERY_TOO_COMPLEX for braces nested far deeper than `max_depth`; other syntax errors
    as graphql-core reports them."""
    nesting = None if max_depth is None else max_depth + NESTING_ALLOWANCE
    found = over_limit(query, max_tokens, nesting)
    if found == "nesting":
        assert max_depth is not None
        detail = f"braces nest deeper than {nesting} levels: over the depth limit {max_depth}"
        raise GraphQLError(detail, original_error=QueryTooComplex(
            msg.QUERY_TOO_DEEP, detail=detail, count=max_depth))
    if found == "tokens":
        raise _too_many_tokens(f"Document contains more than {max_tokens} tokens. "
                               "Parsing aborted.", max_tokens)
    try:
        return parse(query, max_lexical_tokens=max_tokens, max_comments=max_tokens)
    except GraphQLSyntaxError as error:
        if not _TOKENS_ERROR.fullmatch(error.message):
            raise
        raise _too_many_tokens(error.message, max_tokens) from None


def _too_many_tokens(detail: str, max_tokens: int) -> GraphQLError:
    return GraphQLError(detail, original_error=TooManyTokens(
        msg.QUERY_TOO_MANY_TOKENS, detail=detail, count=max_tokens))
