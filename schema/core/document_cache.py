"""Parsed and validated documents, cached together and bounded by count and by memory.

strawberry's ParserCache keeps every document that parses, whatever its size and whether it
then fails validation: the issue saw +370 MB kept per 4 MB request of unknown-field aliases.
Here a document enters the cache only once it has parsed within the token limit *and*
passed every validation rule (the limits included), so a refused document is never kept; a
cached document skips both parsing and validation. The cache is one per schema (its rules
and limits are the schema's), least recently used first out, bounded by `max_entries` and
by an estimate of the memory its syntax trees hold (`max_bytes`).

What may be decided per caller (introspection: schema/core/introspection.py) is never
decided here: the cache is keyed by the document's text alone.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator
from typing import Final

from graphql import DocumentNode, GraphQLError, validate
from strawberry.extensions import SchemaExtension
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

from hub.errors import HubError
from hub.limits.costs import REFUSED_COST, record_cost
from schema.core.limits import DocumentLimitsRule
from schema.core.nul_text import NulCharacterRule
from schema.core.token_limit import parse_limited

# Measured: a 1000-token document of 5.5 KB of text holds ~400 KB of syntax tree.
TREE_BYTES_PER_CHARACTER: Final = 72
DEFAULT_MAX_BYTES: Final = 64 * 1024 * 1024


def weight(query: str) -> int:
    """An estimate of the memory one cached document holds."""
    return len(query) * TREE_BYTES_PER_CHARACTER


class DocumentCache:
    """Documents that parsed and validated, by their text: LRU, bounded twice."""

    def __init__(self, max_entries: int, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.bytes = 0
        self.entries: OrderedDict[str, DocumentNode] = OrderedDict()

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, query: str) -> DocumentNode | None:
        document = self.entries.get(query)
        if document is not None:
            self.entries.move_to_end(query)
        return document

    def keep(self, query: str, document: DocumentNode) -> None:
        """Keep a document that passed validation; one larger than an eighth of the budget
        is not kept (it would push out many ordinary ones)."""
        size = weight(query)
        if size > self.max_bytes // 8 or query in self.entries:
            return
        self.entries[query] = document
        self.bytes += size
        while len(self.entries) > self.max_entries or self.bytes > self.max_bytes:
            dropped, _ = self.entries.popitem(last=False)
            self.bytes -= weight(dropped)


class CachedDocuments(SchemaExtension):
    """Parse (token-limited) and validate once per document text; both skipped when the
    document is cached. The schema's limits (`limits`, a rule linear in the document) are
    checked first and alone: graphql-core's own rules run only on a document within them
    (its overlapping-fields check is quadratic in duplicate fields). Suggestions ("Did you
    mean") are left out of validation messages unless `suggestions`."""

    def __init__(self, *, cache: DocumentCache, limits: type[DocumentLimitsRule],
                 max_tokens: int, suggestions: bool) -> None:
        super().__init__()
        self.cache = cache
        self.limits = limits
        self.max_tokens = max_tokens
        self.suggestions = suggestions
        self.hit = False
        # What a document over a limit costs the caller (hub/limits/costs.py).
        self.over_limit_cost = limits.limits.max_cost or REFUSED_COST

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        query = context.query or ""
        document = self.cache.get(query)
        self.hit = document is not None
        if document is None:
            try:
                document = parse_limited(query, self.max_tokens, self.limits.limits.max_depth)
            except GraphQLError as error:
                if isinstance(error.original_error, HubError):  # over a limit, not a typo
                    record_cost(self.over_limit_cost)
                raise
        context.graphql_document = document
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        if self.hit:
            context.pre_execution_errors = []  # validated when it was cached
        else:
            document = context.graphql_document
            assert document is not None
            schema = context.schema._schema
            errors = validate(schema, document, [self.limits, NulCharacterRule])
            if errors:
                # Over one of the limits (or holding U+0000): charged as the dearest
                # document the hub would run, so that a flood of them spends the caller's
                # budget within a few requests (hub/limits/costs.py).
                record_cost(self.over_limit_cost)
            else:
                errors = validate(
                    schema, document,
                    (*context.validation_rules, MaybeNullValidationRule,
                     OneOfInputValidationRule),
                    hide_suggestions=not self.suggestions)
            context.pre_execution_errors = errors
            if not errors:
                self.cache.keep(context.query or "", document)
        yield
