"""Assemble the strawberry schema with its extensions (classes, never shared instances)."""

from __future__ import annotations

import strawberry
from graphql import GraphQLError
from strawberry.extensions import AddValidationRules, ParserCache, ValidationCache
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from hub.config import Settings
from schema.core.direct_resolvers import install_direct_resolvers
from schema.core.extensions import CloseDatabase
from schema.core.limits import depth_limit_rule
from schema.core.localization import LocaleSelection, install
from schema.core.scalars import SCALARS
from schema.root import Mutation, Query


class HubSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError],
                       execution_context: ExecutionContext | None = None) -> None:
        """Not every error is worth a log line: bad input is the caller's. Unexpected errors
        are logged once, with the request id, where they are masked (`coded_errors`)."""


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    cache_size = settings.query_cache_size if settings else 512
    depth = settings.max_query_depth if settings else 12
    # One rule class for the schema's life: the validation cache keys on the rule classes.
    depth_rule = depth_limit_rule(depth)
    schema = HubSchema(
        query=Query,
        mutation=Mutation,
        config=StrawberryConfig(auto_camel_case=True, scalar_map=SCALARS),
        extensions=[
            CloseDatabase,
            LocaleSelection,
            lambda: ParserCache(maxsize=cache_size),
            lambda: ValidationCache(maxsize=cache_size),
            lambda: AddValidationRules([depth_rule]),
        ],
    )
    install(schema._schema)
    install_direct_resolvers(schema._schema, schema.config.info_class,
                             schema.exception_handlers)
    return schema


def sdl() -> str:
    """The schema's SDL, as committed in `schema/schema.graphql`: the installed `@locale`
    directive is printed by `as_str()` already, so it appears once and tools can load it."""
    return build_schema().as_str() + "\n"
