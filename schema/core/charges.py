"""What a request's operation costs, for the rate limits, and its statements stopped by
their time limit answered as such.

The cost is the estimate the cost limit checks (schema/core/limits.py), made once the
operation is known to run, with what only the request knows: a page size given by a
variable counts as its value (the limit, checked once per document, must assume the cap).
It goes to `request.state.cost` (hub/limits/costs.py), which the rate-limit middleware
charges after the answer. A document refused before execution keeps the cost of 1.

A statement cancelled by PostgreSQL's `statement_timeout` (hub/row_security.py) surfaces as
a driver error in the field that sent it, and the statements after it in the same
transaction fail as "aborted": all of them are answered as TIMEOUT, not as internal errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    FieldNode,
    GraphQLError,
    OperationDefinitionNode,
    VariableNode,
    get_operation_ast,
)
from graphql.language import FragmentDefinitionNode, IntValueNode
from strawberry.extensions import SchemaExtension

from hub.errors import TimedOut
from hub.limits import after_timeout, record_cost, statement_timed_out
from hub.limits.messages import STATEMENT_TIMED_OUT
from schema.core.limits import ExecutionFragments, SelectionTallies

DEFAULT_PAGE_CAP = 100


@dataclass
class ChargedTallies(SelectionTallies):
    """`SelectionTallies` with the request's variables: `first: $n` counts as n."""

    variables: dict[str, Any] = field(default_factory=dict)

    def page_size(self, node: FieldNode, default: Any) -> int:
        for argument in node.arguments or ():
            if argument.name.value == "first" and isinstance(argument.value, VariableNode):
                value = self.variables.get(argument.value.name.value)
                if isinstance(value, int) and not isinstance(value, bool):
                    return max(0, min(value, self.page_cap))
        return super().page_size(node, default)


def operation_cost(operation: OperationDefinitionNode, fragments: ExecutionFragments,
                   variables: dict[str, Any], page_cap: int) -> int:
    """The estimated cost of `operation` with these variables (absent ones: their default)."""
    values = {definition.variable.name.value: int(definition.default_value.value)
              for definition in operation.variable_definitions or ()
              if isinstance(definition.default_value, IntValueNode)}
    values.update(variables)
    tallies = ChargedTallies(fragments, page_cap, variables=values)
    root = fragments.schema.get_root_type(operation.operation)
    return tallies.tally(operation.selection_set, root).cost


class CostCharge(SchemaExtension):
    def on_execute(self) -> Iterator[None]:
        context = self.execution_context
        document = context.graphql_document
        if document is not None:
            operation = get_operation_ast(document, context.operation_name)
            if operation is not None:
                settings = getattr(context.context, "settings", None)
                page_cap = getattr(settings, "max_page_size", DEFAULT_PAGE_CAP)
                fragments = ExecutionFragments(context.schema._schema, {
                    d.name.value: d for d in document.definitions
                    if isinstance(d, FragmentDefinitionNode)})
                record_cost(operation_cost(operation, fragments, context.variables or {},
                                           page_cap))
        yield
        result = context.result
        errors = getattr(result, "errors", None)
        if errors and any(statement_timed_out(e.original_error) for e in errors):
            errors[:] = [_timed_out(e) for e in errors]


def _timed_out(error: GraphQLError) -> GraphQLError:
    """TIMEOUT for a statement stopped by its time limit or aborted after one."""
    cause = error.original_error
    if not (statement_timed_out(cause) or after_timeout(cause)):
        return error
    return GraphQLError(error.message, nodes=error.nodes, source=error.source,
                        positions=error.positions, path=error.path,
                        original_error=TimedOut(STATEMENT_TIMED_OUT))
