"""Assemble the strawberry schema with its extensions (classes, never shared instances).

The schema is an Apollo Federation v2 subgraph (schema/core/federation.py): strawberry's
federation schema adds `_service { sdl }` and, for the `@key` types, `_entities`.
"""

from __future__ import annotations

from functools import cached_property

import strawberry
from graphql import GraphQLError
from strawberry.federation.schema import FederationAny
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext
from strawberry.types.base import StrawberryObjectDefinition

from hub.config import Settings
from schema.compiled import Plans, compiling_context
from schema.core.charges import CostCharge
from schema.core.direct_resolvers import install_direct_resolvers
from schema.core.document_cache import CachedDocuments, DocumentCache
from schema.core.extensions import CloseDatabase
from schema.core.federation import (
    FederationQueries,
    imported_definitions,
    keys_of,
    resolve_entities,
)
from schema.core.info import Info
from schema.core.introspection import IntrospectionGate
from schema.core.limits import DocumentLimits, limits_rule
from schema.core.localization import LocaleSelection, install
from schema.core.policy import composed
from schema.core.scalars import SCALARS
from schema.core.tracing import tracing_extensions
from schema.core.transport_errors import MAX_BATCH
from schema.live.subscriptions import Subscription
from schema.root import ENTITY_TYPES, Mutation, Query


@composed(note="every root field answers with what the caller may read; `_entities` answers "
               "each representation as `node(id:)` answers its id, and a Tenant by slug as "
               "`tenant(slug:)`")
@strawberry.type(name="Query")
class FederatedQuery(Query, FederationQueries):
    """The root query and the policy of the two fields strawberry's federation adds."""


class HubSchema(strawberry.federation.Schema):
    documents: DocumentCache  # parsed and validated documents (schema/core/document_cache.py)
    compiled: Plans  # compiled plans of trusted documents (schema/compiled/)

    def process_errors(self, errors: list[GraphQLError],
                       execution_context: ExecutionContext | None = None) -> None:
        """Not every error is worth a log line: bad input is the caller's. Unexpected errors
        are logged once, with the request id, where they are masked (`coded_errors`)."""

    def entities_resolver(self, info: Info, representations: list[FederationAny]
                          ) -> list[FederationAny]:
        """`_entities`: strawberry's own resolver would turn a representation of an unknown
        or key-less type into an internal error or an object built from the caller's JSON;
        ours checks each representation first (schema/core/federation.py)."""
        return resolve_entities(self.entity_types, info, representations)

    @cached_property
    def entity_types(self) -> dict[str, StrawberryObjectDefinition]:
        """The `@key` types by name: the members of `_Entity`."""
        found = {}
        for name, graphql_type in self.schema_converter.type_map.items():
            definition = graphql_type.definition
            if isinstance(definition, StrawberryObjectDefinition) and keys_of(definition):
                found[name] = definition
        return found


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    cache_size = settings.query_cache_size if settings else 512
    max_tokens = settings.max_query_tokens if settings else 1000
    suggestions = settings.field_suggestions if settings else True
    introspection = settings.introspection if settings else "on"
    limits = DocumentLimits(
        max_depth=settings.max_query_depth, max_aliases=settings.max_query_aliases,
        max_directives=settings.max_query_directives, max_cost=settings.max_query_cost,
        max_duplicates=settings.max_query_duplicates,
        page_cap=settings.max_page_size) if settings else DocumentLimits()
    # One rule class for the schema's life (validation is cached per document text), and
    # one document cache per schema: its rules and limits are this schema's.
    rule = limits_rule(limits)
    documents = DocumentCache(max_entries=cache_size)
    batching = settings is not None and settings.allow_batching
    plans = Plans(settings.compiled_execution if settings else "trusted")
    schema = HubSchema(
        query=FederatedQuery,
        mutation=Mutation,
        subscription=Subscription,  # over the websocket only (docs/live.md)
        types=ENTITY_TYPES,
        config=StrawberryConfig(
            auto_camel_case=True, scalar_map=SCALARS,
            batching_config={"max_operations": MAX_BATCH} if batching else None),
        extensions=[
            CloseDatabase,
            LocaleSelection,
            # Per caller, so before the cached validation and never inside it.
            lambda: IntrospectionGate(mode=introspection),
            lambda: CachedDocuments(cache=documents, limits=rule, max_tokens=max_tokens,
                                    suggestions=suggestions),
            CostCharge,
            *tracing_extensions(settings),
        ],
        execution_context_class=compiling_context(plans),
    )
    schema.documents = documents
    schema.compiled = plans
    install(schema._schema)
    install_direct_resolvers(schema._schema, schema.config.info_class,
                             schema.exception_handlers)
    return schema


IMPORTED = ("# Below: what `@link` imports, defined for tools that do not read `@link`. A gateway\n"
            "# composes `_service { sdl }`, which is all of this file above this line.")


def sdl() -> str:
    """The schema's SDL, as committed in `schema/schema.graphql`: the subgraph's SDL (what
    `_service { sdl }` answers; the installed `@locale` directive is printed by `as_str()`
    already), then the definitions its `@link` imports, so tools can load the file."""
    schema = build_schema()
    printed = schema.as_str()
    return f"{printed}\n\n{IMPORTED}\n\n{imported_definitions(schema._schema, printed)}\n"
