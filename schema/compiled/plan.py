"""What a document needs: its selections per type, made once from the validated operation.

The fields of a selection set are collected by graphql-core's own `collect_fields` and
`collect_subfields` (fragments, inline fragments and aliases, in the order the standard
executor answers them). `@include`/`@skip` are the only thing in that collection that
depends on a request: a plan is made for each combination of their values (the
operation's *signature*), and a request picks the plan of its own signature.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DirectiveNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLField,
    GraphQLIncludeDirective,
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLSchema,
    GraphQLSkipDirective,
    ListValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValueNode,
    VariableNode,
    is_leaf_type,
    is_object_type,
)
from graphql.execution.collect_fields import (
    FieldDetailsList,
    FragmentDetails,
    GroupedFieldSet,
    collect_fields,
    collect_subfields,
)
from graphql.execution.values import VariableValues, get_argument_values

from schema.compiled.support import Call, Unsupported, call_of

TYPENAME = "__typename"


@dataclass(slots=True)
class Shape:
    """How a field's value completes: a leaf, an object (with its selection set), a list of
    a shape; `non_null` as in the schema. `complete`/`place` are made by the runner."""

    non_null: bool
    leaf: GraphQLLeafType | None = None
    object: ObjectPlan | None = None
    item: Shape | None = None  # a list's items
    complete: Any = None  # leaves: value -> output
    place: Any = None  # objects: (value, parents, outputs) -> output

    @property
    def has_objects(self) -> bool:
        shape: Shape | None = self
        while shape is not None and shape.item is not None:
            shape = shape.item
        return shape is not None and shape.object is not None


@dataclass(slots=True)
class FieldPlan:
    """One response key of a selection set."""

    key: str
    name: str
    parent: GraphQLObjectType
    nodes: list[FieldNode]  # what `info.field_nodes` holds for it
    shape: Shape
    graphql_field: GraphQLField | None = None  # None for __typename
    call: Call | None = None  # None for __typename
    literal_arguments: dict[str, Any] | None = None  # coerced once when no variable is used


@dataclass(slots=True)
class ObjectPlan:
    """A selection set on one object type: its fields in response order."""

    type: GraphQLObjectType
    fields: list[FieldPlan] = field(default_factory=list)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)


def conditions(operation: OperationDefinitionNode,
               fragments: Iterable[FragmentDefinitionNode]) -> list[DirectiveNode]:
    """Every `@include`/`@skip` of the operation and its document's fragments."""
    found: list[DirectiveNode] = []

    def walk(selection_set: SelectionSetNode | None) -> None:
        for selection in selection_set.selections if selection_set else ():
            for directive in selection.directives or ():
                if directive.name.value in ("include", "skip"):
                    found.append(directive)
            walk(getattr(selection, "selection_set", None))

    walk(operation.selection_set)
    for fragment in fragments:
        walk(fragment.selection_set)
    return found


def signature(found: list[DirectiveNode], variables: VariableValues) -> tuple[bool, ...]:
    """The values of the conditions for one request (graphql-core's own coercion)."""
    values = []
    for directive in found:
        definition = (GraphQLSkipDirective if directive.name.value == "skip"
                      else GraphQLIncludeDirective)
        values.append(bool(get_argument_values(definition, directive, variables)["if"]))
    return tuple(values)


@dataclass(slots=True)
class Builder:
    """Makes the plan of one operation for one signature."""

    schema: GraphQLSchema
    fragments: dict[str, FragmentDetails]
    variables: VariableValues
    operation: OperationDefinitionNode
    exception_handlers: tuple[Any, ...] = ()

    def root(self) -> ObjectPlan:
        root_type = self.schema.query_type
        if root_type is None:  # pragma: no cover - the hub's schema has one
            raise Unsupported("the schema has no query type")
        collected = collect_fields(self.schema, self.fragments, self.variables, root_type,
                                   self.operation)
        return self.object_plan(root_type, collected.grouped_field_set)

    def object_plan(self, type_: GraphQLObjectType, grouped: GroupedFieldSet) -> ObjectPlan:
        plan = ObjectPlan(type_)
        plan.fields = [self.field_plan(type_, key, details) for key, details in grouped.items()]
        return plan

    def field_plan(self, parent: GraphQLObjectType, key: str,
                   details: FieldDetailsList) -> FieldPlan:
        nodes = [d.node for d in details]
        name = nodes[0].name.value
        if name == TYPENAME:
            return FieldPlan(key, name, parent, nodes,
                             self.shape(self.schema.type_map["String"], details, True))
        graphql_field = parent.fields.get(name)
        if graphql_field is None:  # pragma: no cover - validated documents
            raise Unsupported(f"field {parent.name}.{name} is unknown")
        call = call_of(parent, name, graphql_field, self.exception_handlers)
        plan = FieldPlan(key, name, parent, nodes, self.shape(graphql_field.type, details),
                         graphql_field, call)
        if call.takes_arguments and not _uses_variables(nodes[0]):
            plan.literal_arguments = get_argument_values(graphql_field, nodes[0],
                                                         self.variables)
        return plan

    def shape(self, type_: Any, details: FieldDetailsList, non_null: bool = False) -> Shape:
        if isinstance(type_, GraphQLNonNull):
            return self.shape(type_.of_type, details, True)
        if isinstance(type_, GraphQLList):
            return Shape(non_null, item=self.shape(type_.of_type, details))
        if is_leaf_type(type_):
            return Shape(non_null, leaf=type_)
        if is_object_type(type_):
            collected = collect_subfields(self.schema, self.fragments, self.variables,
                                          self.operation, type_, details)
            return Shape(non_null, object=self.object_plan(type_, collected.grouped_field_set))
        raise Unsupported(f"the type {_name(type_)} cannot be compiled")


def _name(type_: GraphQLOutputType) -> str:
    return str(type_)


def _uses_variables(node: FieldNode) -> bool:
    """Whether any argument of the field refers to a variable."""
    return any(_has_variable(argument.value) for argument in node.arguments or ())


def _has_variable(value: ValueNode) -> bool:
    if isinstance(value, VariableNode):
        return True
    if isinstance(value, ListValueNode):
        return any(_has_variable(v) for v in value.values)
    if isinstance(value, ObjectValueNode):
        return any(_has_variable(f.value) for f in value.fields)
    return False
