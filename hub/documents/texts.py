"""What the registry knows of a document's text: its stable hash and its operation.

The hash is the sha256 of the document as graphql-core prints it: the same document
written with other whitespace, commas or comments has the same hash (what a compiled
execution of known documents keys on), while the id stays whatever the manifest says.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from graphql import DocumentNode, OperationDefinitionNode, parse, print_ast


@dataclass(frozen=True, slots=True)
class DocumentFacts:
    sha256: str
    operation_name: str | None  # the operation's name when the document holds exactly one
    operation_type: str | None  # query, mutation or subscription, likewise
    operations: int


def facts_of(body: str) -> DocumentFacts:
    """The facts of a document that parses (checked before: `hub.documents.registry`)."""
    return facts(parse(body, no_location=True))


def facts(document: DocumentNode) -> DocumentFacts:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    single = operations[0] if len(operations) == 1 else None
    return DocumentFacts(
        sha256=hashlib.sha256(print_ast(document).encode("utf-8")).hexdigest(),
        operation_name=single.name.value if single and single.name else None,
        operation_type=single.operation.value if single else None,
        operations=len(operations),
    )
