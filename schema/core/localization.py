"""The operation-wide `@locale(tag:)` override and the `extensions.locale` echo.

The directive is added to graphql-core's schema directly, not as a strawberry directive:
strawberry would wrap every field resolver to look for it, for an operation-level flag.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import (
    DirectiveLocation,
    GraphQLArgument,
    GraphQLDirective,
    GraphQLNonNull,
    GraphQLSchema,
    GraphQLString,
    OperationDefinitionNode,
    value_from_ast,
)
from strawberry.extensions import SchemaExtension

from hub.i18n import LocaleChain

LOCALE_DIRECTIVE = GraphQLDirective(
    name="locale",
    locations=[DirectiveLocation.QUERY, DirectiveLocation.MUTATION],
    args={"tag": GraphQLArgument(GraphQLNonNull(GraphQLString),
                                 description="A language tag such as ar-DZ, fr or en.")},
    description="Answer the whole operation in this language first (before Accept-Language).",
)


def install(schema: GraphQLSchema) -> None:
    schema.directives = (*schema.directives, LOCALE_DIRECTIVE)


class LocaleSelection(SchemaExtension):
    """Before execution: apply `@locale(tag:)`. After: echo the chain that was used."""

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context.context
        tag = self._directive_tag()
        if tag:
            ctx.locales = LocaleChain.from_request(
                explicit=tag, accept_language=ctx.accept_language, explicit_source="directive")
        yield

    def get_results(self) -> dict[str, Any]:
        ctx = self.execution_context.context
        chain = getattr(ctx, "locales", None)
        if chain is None:
            return {}
        return {"locale": {"chain": [*chain.requested, "(tenant default)", "en"],
                           "source": chain.source}}

    def _directive_tag(self) -> str | None:
        document = self.execution_context.graphql_document
        if document is None:
            return None
        name = self.execution_context.operation_name
        for definition in document.definitions:
            if not isinstance(definition, OperationDefinitionNode):
                continue
            if name and (definition.name is None or definition.name.value != name):
                continue
            for directive in definition.directives or ():
                if directive.name.value == "locale":
                    for argument in directive.arguments or ():
                        if argument.name.value == "tag":
                            value = value_from_ast(argument.value, GraphQLString,
                                                   self.execution_context.variables)
                            return value if isinstance(value, str) else None
        return None
