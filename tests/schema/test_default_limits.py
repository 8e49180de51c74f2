"""Every document a client of ours sends fits the default limits (graphql-armor's: depth 6,
aliases 15, tokens 1000, directives 50, cost 5000; ours: 50 duplicate fields): the README's
examples, the bench's queries, the tests' shared documents, GraphiQL's default document and
the introspection query GraphiQL sends. A stricter default would break one of them: the
measures below say how much room is left (docs/hardening.md).
"""

from __future__ import annotations

from functools import cache

import pytest
from graphql import (
    GraphQLSchema,
    OperationDefinitionNode,
    TypeInfo,
    ValidationContext,
    get_introspection_query,
    parse,
    validate,
)

from bench.queries import OPERATIONS
from hub.config import Settings
from hub.entry.ide import DEFAULT_QUERY
from schema import build_schema
from schema.core.limits import DocumentLimits, SelectionDepths, SelectionTallies, Tally, limits_rule
from tests import queries
from tests.test_readme_examples import EXAMPLES

DEFAULTS = Settings.from_env({"HUB_DATABASE_URL": "sqlite+aiosqlite:///:memory:",
                              "HUB_DEV_KEY_FILE": "/nonexistent/dev-key.json"})
PRODUCTION = Settings.from_env({"HUB_DATABASE_URL": "sqlite+aiosqlite:///:memory:",
                                "HUB_DEV_KEY_FILE": "/nonexistent/dev-key.json",
                                "HUB_MODE": "production"})
LIMITS = DocumentLimits(
    max_depth=DEFAULTS.max_query_depth, max_aliases=DEFAULTS.max_query_aliases,
    max_directives=DEFAULTS.max_query_directives, max_cost=DEFAULTS.max_query_cost,
    page_cap=DEFAULTS.max_page_size)

# What a client of ours asks.
OUR_DOCUMENTS: dict[str, str] = {
    **{f"bench {o.key}": o.hub for o in OPERATIONS if o.hub},
    **{f"tests {name}": getattr(queries, name)
       for name in ("ACCEPTANCE", "OPPORTUNITY_PAGE", "OPPORTUNITY_PAGE_DEEP", "IDS")},
    **{f"README line {e.line}": e.query for e in EXAMPLES},
    "tenants' pages": "{ tenants { slug opportunities(first: 100) { totalCount edges { node { "
                      "id title startsAtDisplay spotsLeft organization { name } } } "
                      "pageInfo { endCursor hasNextPage } } } }",
    "GraphiQL's default document": DEFAULT_QUERY,
    "GraphiQL's introspection": get_introspection_query(
        descriptions=True, specified_by_url=True, directive_is_repeatable=True,
        schema_description=True, input_value_deprecation=True),
}


@cache
def default_schema() -> GraphQLSchema:
    return build_schema(DEFAULTS)._schema


def test_the_defaults_are_graphql_armors_in_both_modes() -> None:
    for settings in (DEFAULTS, PRODUCTION):
        assert (settings.max_query_depth, settings.max_query_aliases,
                settings.max_query_tokens, settings.max_query_directives,
                settings.max_query_cost) == (6, 15, 1000, 50, 5_000)
    assert DocumentLimits() == LIMITS


def test_every_document_of_ours_is_there() -> None:
    assert len(EXAMPLES) >= 5
    assert sum(name.startswith("bench") for name in OUR_DOCUMENTS) == 5
    assert sum(name.startswith("tests") for name in OUR_DOCUMENTS) == 4


@pytest.mark.parametrize("name", sorted(OUR_DOCUMENTS))
def test_every_document_of_ours_fits_the_defaults(name: str) -> None:
    """Within the token limit, the limits rule and every graphql-core rule."""
    document = parse(OUR_DOCUMENTS[name], max_lexical_tokens=DEFAULTS.max_query_tokens,
                     max_comments=DEFAULTS.max_query_tokens)
    schema = default_schema()
    assert validate(schema, document, [limits_rule(LIMITS)]) == []
    assert validate(schema, document) == []


def measures(document: str) -> tuple[int, Tally]:
    schema = default_schema()
    ast = parse(document)
    context = ValidationContext(schema, ast, TypeInfo(schema), lambda _error: None)
    depth, total = 0, Tally()
    for operation in ast.definitions:
        if isinstance(operation, OperationDefinitionNode):
            depth = max(depth, SelectionDepths(context).depth(operation.selection_set))
            total.add(SelectionTallies(context, LIMITS.page_cap).tally(
                operation.selection_set, schema.get_root_type(operation.operation)))
    return depth, total


def test_how_much_room_the_defaults_leave() -> None:
    """Depth 6 is the strictest default that fits: a README example nests 6 levels. The
    deepest page of the tests costs 3,701 of the 5,000."""
    measured = {name: measures(document) for name, document in OUR_DOCUMENTS.items()}
    for name, (depth, tally) in sorted(measured.items()):
        print(f"{name}: depth {depth}, cost {tally.cost}, aliases {tally.aliases}, "
              f"directives {tally.directives}, duplicates {tally.duplicates}")
    assert max(depth for depth, _ in measured.values()) == LIMITS.max_depth
    assert max(t.cost for _, t in measured.values()) == 3_701
    assert max(t.aliases for _, t in measured.values()) <= LIMITS.max_aliases
