"""The light `info` a compiled run gives the resolvers that take one.

It holds what the hub's resolvers read (`context`, `selected_fields` for the prefetch of
pages, `variable_values`...) and is made once per field and request, not per item. Reading
anything else raises `InfoGap`: the compiled run stops, the document is not compiled again
(the reason is on its `PlanStatus`), and the request is answered by the standard executor.
"""

from __future__ import annotations

from typing import Any

from graphql import FieldNode, FragmentDefinitionNode, GraphQLObjectType
from strawberry.types.nodes import Selection, convert_selections


class InfoGap(Exception):
    """A resolver read something of `info` the compiled path does not give."""


class LightInfo:
    """What strawberry's `Info` answers, for one field of one request."""

    __slots__ = ("_selected", "context", "field_name", "field_nodes", "fragments",
                 "operation", "parent_type", "python_name", "return_type", "root_value",
                 "schema", "variable_values")

    def __init__(self, *, context: Any, field_name: str, field_nodes: list[FieldNode],
                 fragments: dict[str, FragmentDefinitionNode], operation: Any,
                 parent_type: GraphQLObjectType, python_name: str, return_type: Any,
                 root_value: Any, schema: Any, variable_values: dict[str, Any]) -> None:
        self.context = context
        self.field_name = field_name
        self.field_nodes = field_nodes
        self.fragments = fragments
        self.operation = operation
        self.parent_type = parent_type
        self.python_name = python_name
        self.return_type = return_type
        self.root_value = root_value
        self.schema = schema
        self.variable_values = variable_values
        self._selected: list[Selection] | None = None

    @property
    def selected_fields(self) -> list[Selection]:
        """strawberry's `convert_selections` of the field's nodes, as `Info` makes them."""
        if self._selected is None:
            self._selected = convert_selections(self, self.field_nodes)  # type: ignore[arg-type]
        return self._selected

    def __getattr__(self, name: str) -> Any:
        raise InfoGap(f"a resolver of {self.parent_type.name}.{self.field_name} reads "
                      f"info.{name}, which compiled runs do not give")
