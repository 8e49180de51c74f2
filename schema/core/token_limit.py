"""The token limit, in the parser: it stops at the first token (or comment) over the limit,
before the document is built, so a huge document costs no more than the limit to refuse; a
refused document is never cached (the parse cache keeps only what parsed)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import Final

from graphql import DocumentNode, GraphQLError, GraphQLSyntaxError, parse
from strawberry.extensions import SchemaExtension

from hub.errors import TooManyTokens
from hub.i18n import messages as msg

_TOKENS_ERROR: Final = re.compile(
    r"Syntax Error: Document contains more than \d+ (?:tokens|comments)\. Parsing aborted\.")


@cache
def _cached_parse(maxsize: int) -> Callable[..., DocumentNode]:
    """One LRU parse cache per size, shared by every request (as strawberry's ParserCache).
    A document the parser refused raises, and lru_cache keeps no exception."""
    return lru_cache(maxsize=maxsize)(parse)


class TokenLimitedParser(SchemaExtension):
    """strawberry's ParserCache with a token limit: the parser gives up at the first token
    (or comment) over `max_tokens`, before the document is built (TOO_MANY_TOKENS)."""

    def __init__(self, *, maxsize: int, max_tokens: int) -> None:
        super().__init__()
        self.parse = _cached_parse(maxsize)
        self.max_tokens = max_tokens

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        try:
            context.graphql_document = self.parse(
                context.query, max_lexical_tokens=self.max_tokens, max_comments=self.max_tokens)
        except GraphQLSyntaxError as error:
            if not _TOKENS_ERROR.fullmatch(error.message):
                raise
            raise GraphQLError(
                error.message, source=error.source, positions=error.positions,
                original_error=TooManyTokens(msg.QUERY_TOO_MANY_TOKENS, detail=error.message,
                                             count=self.max_tokens),
            ) from None
        yield
