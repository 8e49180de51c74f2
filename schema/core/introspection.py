"""Who may ask the hub for its schema: `__schema`, `__type` and federation's `_service`
(HUB_INTROSPECTION). `__typename` is always allowed: clients need it to read unions.

"on": everyone. "staff" (the production default): signed-in staff of a tenant and
federation analysts, never anonymous callers, volunteers or API-key callers. "off": nobody.

The decision depends on the caller, so it is made for every request, after the document is
parsed and before it is validated: never inside a validation rule, whose result the document
cache shares between all callers of the same text. Those fields exist on the root query type
only, so the root selection set (through its fragments) is all there is to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
)
from strawberry.extensions import SchemaExtension

from hub.access import PrincipalKind
from hub.config import Introspection
from hub.errors import IntrospectionDisabled
from hub.i18n import messages as msg

SCHEMA_FIELDS: Final = frozenset({"__schema", "__type", "_service"})
STAFF_KINDS: Final = frozenset({PrincipalKind.STAFF, PrincipalKind.FEDERATION})


def introspected(document: DocumentNode, operation_name: str | None) -> str | None:
    """The first schema field the operation to run asks for, if any."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    fragments = {d.name.value: d for d in document.definitions
                 if isinstance(d, FragmentDefinitionNode)}
    for operation in operations:
        if operation.operation != OperationType.QUERY:
            continue
        if operation_name is not None and (
                operation.name is None or operation.name.value != operation_name):
            continue
        found = _root_field(operation.selection_set, fragments)
        if found is not None:
            return found
    return None


def _root_field(root: SelectionSetNode, fragments: dict[str, FragmentDefinitionNode]
                ) -> str | None:
    stack, seen = [root], set()
    while stack:
        for selection in stack.pop().selections:
            if isinstance(selection, FieldNode):
                if selection.name.value in SCHEMA_FIELDS:
                    return selection.name.value
            elif isinstance(selection, InlineFragmentNode):
                stack.append(selection.selection_set)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = fragments.get(name)
                if fragment is not None and name not in seen:
                    seen.add(name)
                    stack.append(fragment.selection_set)
    return None


class IntrospectionGate(SchemaExtension):
    """Refuses a document asking for the schema when the caller may not (the code
    INTROSPECTION_DISABLED), before it is validated or run."""

    def __init__(self, *, mode: Introspection) -> None:
        super().__init__()
        self.mode = mode

    def on_validate(self) -> Iterator[None]:
        if self.mode != "on":
            self.check()
        yield

    def check(self) -> None:
        context = self.execution_context
        document = context.graphql_document
        if document is None:
            return
        field = introspected(document, context.operation_name)
        if field is None:
            return
        scope = getattr(context.context, "scope", None)
        kind = scope.principal.kind if scope is not None else PrincipalKind.ANONYMOUS
        if self.mode == "staff" and kind in STAFF_KINDS:
            return
        msgid = msg.INTROSPECTION_OFF if self.mode == "off" else msg.INTROSPECTION_STAFF_ONLY
        detail = (f"Introspection ({field}) is disabled" if self.mode == "off" else
                  f"Introspection ({field}) is open to signed-in staff only")
        raise GraphQLError(detail, original_error=IntrospectionDisabled(msgid, detail=detail))
