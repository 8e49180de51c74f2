"""What the compiler supports, and why not when it does not.

A document compiles when every field it may select (whatever its `@include`/`@skip` say)
is one whose resolution the compiler can repeat exactly: strawberry's plain attribute
read, or the field's own resolver function called as strawberry calls it, with no
exception handler and no field extension around it but strawberry's `PermissionExtension`
(a field's permission classes): its checks are called as strawberry calls them, before the
resolver, per parent (`Guard`, schema/compiled/guards.py). Everything else (mutations,
subscriptions, interfaces and unions, introspection, unknown directives, fragment
variables, other field extensions, resolvers that are not strawberry's) keeps the standard
executor, with the reason recorded on the document's `PlanStatus`.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from graphql import (
    DirectiveNode,
    FieldNode,
    FragmentDefinitionNode,
    GraphQLField,
    GraphQLObjectType,
    GraphQLSchema,
    OperationDefinitionNode,
    OperationType,
    TypeInfo,
    TypeInfoVisitor,
    Visitor,
    get_named_type,
    is_abstract_type,
    is_object_type,
    visit,
)
from strawberry.permission import BasePermission, PermissionExtension
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

BACKREF = GraphQLCoreConverter.DEFINITION_BACKREF
CONDITIONS = frozenset({"include", "skip"})  # evaluated per request
OPERATION_DIRECTIVES = frozenset({"locale"})  # read before execution (LocaleSelection)

# The resolvers graphql-core finds on strawberry's fields: strawberry's own (a plain read,
# or its chain of extensions around the function) and the hub's direct resolvers.
_CONVERTER = "GraphQLCoreConverter.from_resolver.<locals>."
BASIC = f"{_CONVERTER}_get_basic_result"
CHAINS = frozenset({f"{_CONVERTER}_resolver", f"{_CONVERTER}_async_resolver"})
DIRECT = ("schema.core.direct_resolvers", "direct.<locals>.resolve")
# A check's synchronous answer when it has one (schema/core/permissions.py `Personal`).
NOW = "has_permission_now"


class Unsupported(Exception):
    """Why a document (or one of its fields) is not compiled."""


@dataclass(frozen=True, slots=True)
class Guard:
    """A field's permission checks, as strawberry's `PermissionExtension` runs them: each
    permission's `has_permission(source, info, **kwargs)` in order, in the extension's
    synchronous `resolve` or, when the field's resolver is a coroutine function or a
    permission's `has_permission` is one, in its `resolve_async` (awaited, in a coroutine
    that then calls the resolver)."""

    permissions: tuple[BasePermission, ...]
    is_async: bool

    # Every asynchronous check can also answer synchronously when what it needs is loaded
    # already (`has_permission_now`, None when it is not): then a parent whose checks all
    # answer at once costs no coroutine (schema/compiled/guards.py).
    checks_now: bool = False


@dataclass(frozen=True, slots=True)
class Call:
    """How the standard path obtains a field's value, repeated by the compiled path:
    `function(source?, **arguments, info=...)` or `read(source, python_name)`."""

    field: StrawberryField
    function: Any  # the resolver function, or the default resolver for a plain read
    basic: bool  # a plain read of the attribute `field.python_name`
    takes_self: bool
    info_name: str | None  # the resolver's `info` parameter
    source_names: tuple[str, ...]  # its `root`/`parent` parameters (given the source)
    takes_arguments: bool
    is_async: bool  # the function is a coroutine function (its value is always awaited)
    guard: Guard | None = None  # the permission checks called first, per parent

    @property
    def awaits(self) -> bool:
        """Whether every value of the field is an awaitable (a coroutine function, or the
        permission checks' asynchronous chain around the resolver)."""
        return self.is_async or (self.guard is not None and self.guard.is_async
                                 and not self.guard.checks_now)


def call_of(parent: GraphQLObjectType, name: str, graphql_field: GraphQLField,
            exception_handlers: tuple[Any, ...] = ()) -> Call:
    """The call that resolves `parent.name`, or `Unsupported` with the reason."""
    where = f"{parent.name}.{name}"
    named = get_named_type(graphql_field.type)
    if is_abstract_type(named):
        raise Unsupported(f"field {where} returns the abstract type {named}")
    field = (graphql_field.extensions or {}).get(BACKREF)
    if not isinstance(field, StrawberryField):
        raise Unsupported(f"field {where} is not a strawberry field")
    guard = guard_of(field, where)
    if exception_handlers:
        raise Unsupported("the schema has exception handlers")
    resolve = graphql_field.resolve
    qualname = getattr(resolve, "__qualname__", "")
    module = getattr(resolve, "__module__", "")
    if qualname == BASIC:
        if field.base_resolver is not None:  # pragma: no cover - strawberry never does
            raise Unsupported(f"field {where} has an unknown resolver")
        return Call(field, field.default_resolver, True, False, None, (), False, False)
    if guard is not None and field.base_resolver is None:
        raise Unsupported(f"field {where} is a guarded attribute")
    known = ((qualname in CHAINS and module.startswith("strawberry."))
             or (module, qualname) == DIRECT)
    resolver = field.base_resolver
    if not known or resolver is None:
        raise Unsupported(f"field {where} has a resolver the compiler does not know")
    info = resolver.info_parameter
    sources = tuple(p.name for p in (resolver.parent_parameter, resolver.root_parameter) if p)
    return Call(field, resolver.wrapped_func, False, resolver.self_parameter is not None,
                info.name if info else None, sources, bool(field.arguments),
                resolver.is_async, guard)


def guard_of(field: StrawberryField, where: str) -> Guard | None:
    """The field's permission checks (None without any), or `Unsupported` for any other
    field extension (they may reshape arguments or values in ways a plan cannot repeat)."""
    if not field.extensions:
        return None
    [extension, *others] = field.extensions
    if others or type(extension) is not PermissionExtension:
        raise Unsupported(f"field {where} has field extensions")
    # strawberry's chain (strawberry/extensions/field_extension.py): asynchronous when the
    # resolver is, or when the extension cannot run synchronously (an async permission).
    permissions = tuple(extension.permissions)
    return Guard(permissions, field.is_async or not extension.supports_sync,
                 all(hasattr(permission, NOW) or not inspect.iscoroutinefunction(
                     permission.has_permission) for permission in permissions))


def check_document(schema: GraphQLSchema, operation: OperationDefinitionNode,
                   fragments: Iterable[FragmentDefinitionNode],
                   exception_handlers: tuple[Any, ...] = ()) -> None:
    """`Unsupported` when anything the operation may select cannot be compiled."""
    if operation.operation != OperationType.QUERY:
        raise Unsupported(f"a {operation.operation.value} is never compiled")
    for directive in operation.directives or ():
        if directive.name.value not in OPERATION_DIRECTIVES:
            raise Unsupported(f"directive @{directive.name.value} on the operation")
    fragments = list(fragments)
    for fragment in fragments:
        if fragment.variable_definitions:
            raise Unsupported(f"fragment {fragment.name.value} has variables")
    checker = _Checker(schema, exception_handlers)
    type_info = checker.type_info
    visit(operation, TypeInfoVisitor(type_info, checker))
    for fragment in fragments:
        visit(fragment, TypeInfoVisitor(type_info, checker))
    if checker.reason is not None:
        raise Unsupported(checker.reason)


class _Checker(Visitor):
    """Visits every field and directive of an operation or fragment (with its TypeInfo) and
    keeps the first reason not to compile."""

    def __init__(self, schema: GraphQLSchema, exception_handlers: tuple[Any, ...]) -> None:
        super().__init__()
        self.schema = schema
        self.type_info = TypeInfo(schema)
        self.exception_handlers = exception_handlers
        self.reason: str | None = None

    def parent_types(self) -> list[GraphQLObjectType] | None:
        """The object types a field of the current selection set may be resolved on."""
        found = self.type_info.get_parent_type()
        if is_object_type(found):
            return [found]
        if found is not None and is_abstract_type(found):
            return list(self.schema.get_possible_types(found))
        return None

    def enter_directive(self, node: DirectiveNode, *_: Any) -> None:
        name = node.name.value
        if name not in CONDITIONS and name not in OPERATION_DIRECTIVES and self.reason is None:
            self.reason = f"directive @{name}"

    def enter_field(self, node: FieldNode, key: Any, parent: Any, path: Any,
                    ancestors: Any) -> None:
        if self.reason is not None:
            return
        name = node.name.value
        if name in ("__schema", "__type"):
            self.reason = "introspection"
            return
        if name == "__typename":
            return
        parent_type = self.parent_types()
        if parent_type is None:
            self.reason = f"field {name} has no known parent type"
            return
        for object_type in parent_type:
            graphql_field = object_type.fields.get(name)
            if graphql_field is None:
                self.reason = f"field {object_type.name}.{name} is unknown"
                return
            try:
                call_of(object_type, name, graphql_field, self.exception_handlers)
            except Unsupported as reason:
                self.reason = str(reason)
                return
