"""Apollo Federation: how a gateway's `_entities(representations:)` become our objects.

An entity type declares its keys with `@strawberry.federation.type(keys=[...])` and a
`resolve_reference` that fetches through the node registry (`schema.core.node`), the same
scoped per-request loaders as `node(id:)` and every lookup: `_entities` is one more road to
an object, with the same row scope, and the field policies then apply to what it returns.

A representation is checked before anything is fetched: it must name an entity type and
carry exactly the fields of one of that type's keys, as strings. Anything else is bad input
for that entity (the others still answer); a well-formed key of a record the caller may not
read, or of no record at all, answers null, as `node(id:)` does.

`_service { sdl }` and `_entities` are open to every caller, like `node(id:)` and
introspection today. `_entities` reveals nothing another road does not; `_service` is the
schema's SDL, so the introspection hardening (issue 12) must close it together with
introspection (strawberry's `DisableIntrospection` does not).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, TypeVar

from graphql import (
    DirectiveDefinitionNode,
    GraphQLSchema,
    TypeDefinitionNode,
    is_introspection_type,
    is_specified_directive,
    is_specified_scalar_type,
    parse,
    print_directive,
    print_type,
)
from strawberry.federation.schema_directives import Key
from strawberry.types.base import StrawberryObjectDefinition

from hub.errors import BadUserInput, QueryTooCostly
from hub.i18n import messages as msg
from hub.ids import decode_id
from schema.core.common import Node
from schema.core.info import Info
from schema.core.limits import selection_cost
from schema.core.node import fetch_node
from schema.core.policy import EVERYONE, policy

N = TypeVar("N", bound=Node)
ARGUMENT = "representations"


async def by_global_id(info: Info, cls: type[N], type_name: str, global_id: str) -> N | None:
    """The entity of this global id as `node(id:)` answers it: None when the caller may not
    read it or it does not exist; a malformed id, or one of another type, is bad input."""
    _, key = decode_id(global_id, type_name)
    found = await fetch_node(info, type_name, key)
    return found if isinstance(found, cls) else None


def imported_definitions(schema: GraphQLSchema, sdl: str) -> str:
    """The definitions `sdl` uses but leaves out: strawberry prints a subgraph's SDL the way
    a gateway wants it, with `@link(import: [...])` standing for the definitions of `@key`,
    `@link` and their scalars. Printed after it, they make the file buildable by tools that
    know nothing of `@link` (graphql-core's `build_schema`, code generators)."""
    printed = {d.name.value for d in parse(sdl).definitions
               if isinstance(d, DirectiveDefinitionNode | TypeDefinitionNode)}
    directives = [print_directive(d) for d in sorted(schema.directives, key=lambda d: d.name)
                  if not is_specified_directive(d) and d.name not in printed]
    types = [print_type(t) for name, t in sorted(schema.type_map.items())
             if name not in printed and not is_introspection_type(t)
             and not is_specified_scalar_type(t)]
    return "\n\n".join((*directives, *types))


def keys_of(definition: StrawberryObjectDefinition) -> tuple[frozenset[str], ...]:
    """The field sets of a type's `@key` directives (`"id"`, `"slug"`)."""
    return tuple(frozenset(str(d.fields).split()) for d in definition.directives or ()
                 if isinstance(d, Key))


def resolve_entities(entities: Mapping[str, StrawberryObjectDefinition], info: Info,
                     representations: list[Any]) -> list[Any]:
    """One answer per representation, in order: the entity (or an awaitable of it), None, or
    the `BadUserInput` that graphql-core reports at that entity's path.

    One object per representation: the cost limit, which validation counts once for this
    field (the list usually comes in a variable), is checked here against the selection's
    cost times the list's real length; and a list holds at most a page (`max_page_size`)."""
    settings = info.context.settings
    if len(representations) > settings.max_page_size:
        raise BadUserInput(msg.TOO_MANY_VALUES, argument=ARGUMENT, count=settings.max_page_size)
    if representations:
        cost = selection_cost(info._raw_info, settings.max_page_size) * len(representations)
        if cost > settings.max_query_cost:
            raise QueryTooCostly(msg.QUERY_TOO_COSTLY, count=settings.max_query_cost,
                                 detail=f"_entities has an estimated cost of {cost} and "
                                        f"exceeds the maximum of {settings.max_query_cost}")
    return [_resolve(entities, info, representation) for representation in representations]


def _resolve(entities: Mapping[str, StrawberryObjectDefinition], info: Info,
             representation: Any) -> Any:
    try:
        definition, fields = _checked(entities, representation)
    except BadUserInput as error:
        return error
    return definition.origin.resolve_reference(info=info, **fields)


def _checked(entities: Mapping[str, StrawberryObjectDefinition], representation: Any
             ) -> tuple[StrawberryObjectDefinition, dict[str, str]]:
    if not isinstance(representation, dict) or "__typename" not in representation:
        raise BadUserInput(msg.MISSING_INPUT_FIELD, argument=ARGUMENT, field="__typename",
                           type="_Any")
    type_name = representation["__typename"]
    definition = entities.get(type_name) if isinstance(type_name, str) else None
    if definition is None:
        raise BadUserInput(msg.INVALID_VALUE, argument=ARGUMENT, value=_shown(type_name),
                           type="_Entity")
    fields = {k: v for k, v in representation.items() if k != "__typename"}
    keys = keys_of(definition)
    if frozenset(fields) not in keys:
        unknown = sorted(set(fields) - frozenset().union(*keys))
        if unknown:
            raise BadUserInput(msg.UNKNOWN_INPUT_FIELD, argument=ARGUMENT,
                               field=_shown(unknown[0], quoted=False), type=type_name)
        if not fields:
            raise BadUserInput(msg.MISSING_INPUT_FIELD, argument=ARGUMENT,
                               field=sorted(keys[0])[0], type=type_name)
        # Fields of two keys at once (a Tenant's id and slug): which one would answer?
        raise BadUserInput(msg.INVALID_VALUE, argument=ARGUMENT,
                           value=_shown(representation), type=type_name)
    for value in fields.values():
        if not isinstance(value, str):
            raise BadUserInput(msg.INVALID_VALUE, argument=ARGUMENT, value=_shown(value),
                               type="String")
    return definition, fields


def _shown(value: Any, *, quoted: bool = True) -> str:
    """A caller's value in a message: JSON, cut short (a representation can be anything)."""
    text = json.dumps(value, ensure_ascii=False, default=str) if quoted else str(value)
    return text if len(text) <= 60 else text[:59] + "…"


@policy(reach=EVERYONE, open=("_entities", "_service"))
class FederationQueries:
    """The policy of the root fields strawberry's federation schema adds itself: a part of
    the root query like the domains' parts (schema/root.py), with no field of its own."""
