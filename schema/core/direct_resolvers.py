"""Direct resolvers: a per-field decision taken once, when the schema is built, instead of
strawberry's generic wrapper on every resolution.

For every field strawberry wraps its resolver in a chain that, per call, builds the `Info`,
converts arguments, asks each field extension to map them and folds the extensions around the
call (bench/RESULTS.md: ~22% of a 100-item page's CPU). A field whose resolver takes no
arguments and has no field extension (permission classes are one: `PermissionExtension`)
needs none of that but the `Info`. Such fields get a resolver that builds the `Info` and calls
the function: the same function, the same arguments, the same result or awaitable.

Every guarded field keeps strawberry's chain: a field with any extension is never touched,
and `tests/schema/test_direct_resolvers.py` proves it for every guarded field of the schema.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from graphql import GraphQLObjectType, GraphQLSchema
from strawberry.schema.schema_converter import GraphQLCoreConverter
from strawberry.types.field import StrawberryField

Resolver = Callable[..., Any]
BACKREF = GraphQLCoreConverter.DEFINITION_BACKREF


def eligible(field: StrawberryField | None) -> bool:
    """A resolver function with no arguments, no field extension, no root/parent parameter."""
    if field is None or field.base_resolver is None or field.extensions:
        return False
    resolver = field.base_resolver
    return not (resolver.arguments or resolver.parent_parameter or resolver.root_parameter)


def direct(field: StrawberryField, info_class: type[Any]) -> Resolver:
    """`function(source?, info=Info(...)?)`, exactly what strawberry's chain ends in."""
    assert field.base_resolver is not None
    function = cast(Resolver, field.base_resolver.wrapped_func)
    takes_self = field.base_resolver.self_parameter is not None
    info_parameter = field.base_resolver.info_parameter
    info_name = info_parameter.name if info_parameter is not None else None

    if takes_self and info_name:
        def resolve(source: Any, info: Any) -> Any:
            return function(source, **{info_name: info_class(_raw_info=info, _field=field)})
    elif takes_self:
        def resolve(source: Any, info: Any) -> Any:
            return function(source)
    elif info_name:
        def resolve(source: Any, info: Any) -> Any:
            return function(**{info_name: info_class(_raw_info=info, _field=field)})
    else:
        def resolve(source: Any, info: Any) -> Any:
            return function()
    return resolve


def install_direct_resolvers(schema: GraphQLSchema, info_class: type[Any],
                             exception_handlers: tuple[Any, ...] = ()) -> list[str]:
    """Give every eligible field of `schema`'s object types a direct resolver; the
    `Type.field` names that got one. Refused when the strawberry schema has exception
    handlers: strawberry applies those inside the wrapper these resolvers skip."""
    if exception_handlers:
        raise ValueError("direct resolvers would bypass the schema's exception handlers")
    done: list[str] = []
    for type_ in schema.type_map.values():
        if not isinstance(type_, GraphQLObjectType) or type_.name.startswith("__"):
            continue
        for name, graphql_field in type_.fields.items():
            field = (graphql_field.extensions or {}).get(BACKREF)
            if graphql_field.args or not eligible(field):
                continue
            assert isinstance(field, StrawberryField)
            graphql_field.resolve = direct(field, info_class)
            done.append(f"{type_.name}.{name}")
    return done
