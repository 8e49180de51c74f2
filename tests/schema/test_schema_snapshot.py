"""The committed SDL is what `tatawwu schema print` prints: a change to the API is a diff."""

from __future__ import annotations

import re

from click.testing import CliRunner

from hub.entry.cli import main
from tests.paths import ROOT

SNAPSHOT = ROOT / "schema" / "schema.graphql"


def test_committed_sdl_matches_schema_print() -> None:
    result = CliRunner().invoke(main, ["schema", "print"])
    assert result.exit_code == 0, result.output
    assert result.output == SNAPSHOT.read_text(encoding="utf-8"), (
        "schema/schema.graphql is stale: run `tatawwu schema print --output schema/schema.graphql`"
    )


def test_contract_names_from_the_sketch_are_present() -> None:
    sdl = SNAPSHOT.read_text(encoding="utf-8")
    for name in ("type Tenant implements Node", "type Opportunity implements Node",
                 "type Event implements Node", "type NewsItem implements Node",
                 "type Volunteer implements Node", "type Application implements Node",
                 "input OpportunityFilter", "type OpportunityConnection",
                 "node(id: ID!): Node", "directive @locale("):
        assert name in sdl, name
    # Localized fields keep their type; they gained an optional `locale` argument.
    assert re.search(r"titleI18n(\(.*?\))?: LocalizedString!", sdl, re.DOTALL)


def test_committed_sdl_builds_the_live_schema() -> None:
    """Tools (graphql-core, code generators) load the committed file: it must be valid SDL,
    with each directive declared once, and describe the same schema as the running hub."""
    from graphql import build_schema, lexicographic_sort_schema, print_schema

    from schema import build_schema as hub_schema

    loaded = build_schema(SNAPSHOT.read_text(encoding="utf-8"))
    assert loaded.get_directive("locale") is not None
    live = hub_schema()._schema
    assert print_schema(lexicographic_sort_schema(loaded)) == print_schema(
        lexicographic_sort_schema(live))


def test_committed_sdl_is_the_subgraph_sdl_and_what_it_imports() -> None:
    """A gateway composes `_service { sdl }`: the committed file is that SDL, then only the
    definitions of what its `@link` imports, which graphql-core needs to build the file."""
    import asyncio

    from graphql import DirectiveDefinitionNode, TypeDefinitionNode, parse

    from schema import build_schema as hub_schema

    result = asyncio.run(hub_schema().execute("{ _service { sdl } }"))
    assert result.errors is None and result.data is not None
    served = result.data["_service"]["sdl"]
    committed = SNAPSHOT.read_text(encoding="utf-8")
    assert committed.startswith(served + "\n")
    assert served.startswith('schema @link(url: "https://specs.apollo.dev/federation/v2.11", '
                             'import: ["@key"]) {')
    imported = parse(committed[len(served):]).definitions
    assert all(isinstance(d, DirectiveDefinitionNode | TypeDefinitionNode) for d in imported)
    assert {d.name.value for d in imported} == {  # type: ignore[attr-defined]
        "key", "link", "_FieldSet", "link__Import", "link__Purpose"}
