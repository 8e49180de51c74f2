"""The hub's federation subgraph from outside: `_Entity` is exactly the `@key` types,
`_service { sdl }` names no policy, and the SDL composes with a second subgraph under Apollo's
own composition library (`@apollo/composition`, run by Node from tests/federation/; `make test`
installs it). With `CI=true` a missing Node or install fails that test; elsewhere it is
skipped with the reason. (`_entities` itself: test_federation.py.)
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

from graphql import DirectiveDefinitionNode, DirectiveNode, Visitor, parse, visit
from strawberry.permission import PermissionExtension
from strawberry.types.base import StrawberryObjectDefinition

from schema.core.permissions import Policy
from tests.conftest import HubClient
from tests.hub.entry.test_ide import need
from tests.paths import FEDERATION_DIR
from tests.schema.test_confidentiality_matrix import SCHEMA
from tests.schema.test_federation import KEY_TYPES, SERVICE_SDL

# -- `_service { sdl }` ---------------------------------------------------------------------

def test_the_key_types_are_the_entities() -> None:
    """`_Entity` is every `@key` type, however the schema reaches it (a type strawberry's
    federation does not find would be missing from `_Entity` and `_entities`)."""
    from graphql import GraphQLUnionType

    union = SCHEMA._schema.type_map["_Entity"]
    assert isinstance(union, GraphQLUnionType)
    assert sorted(t.name for t in union.types) == sorted(KEY_TYPES)
    for name in KEY_TYPES:
        origin = SCHEMA.schema_converter.type_map[name].definition.origin
        assert callable(getattr(origin, "resolve_reference", None)), name


def permission_names() -> set[str]:
    found: set[str] = set()
    stack: list[type] = [Policy]
    while stack:
        cls = stack.pop()
        found.add(cls.__name__)
        stack.extend(cls.__subclasses__())
    for graphql_type in SCHEMA.schema_converter.type_map.values():
        definition = graphql_type.definition
        if isinstance(definition, StrawberryObjectDefinition):
            for field in definition.fields:
                found.update(p.__name__ for p in field.permission_classes)
    return found


def test_service_sdl_names_no_policy(client: HubClient) -> None:
    sdl = client.data(SERVICE_SDL)["_service"]["sdl"]
    applied: set[str] = set()
    defined: set[str] = set()

    class Directives(Visitor):
        def enter_directive(self, node: DirectiveNode, *_: Any) -> None:
            applied.add(node.name.value)

        def enter_directive_definition(self, node: DirectiveDefinitionNode, *_: Any) -> None:
            defined.add(node.name.value)

    visit(parse(sdl), Directives())
    assert applied == {"key", "link"}
    assert defined == {"locale"}
    names = permission_names()
    assert {"Personal", "SelfOnly", "OwningTenantStaff", "SignedIn"} <= names
    for name in names:
        assert not re.search(rf"@{name}\b", sdl), name
    # Where strawberry adds permissions to a field, it never asks for their directives.
    guarded = 0
    for graphql_type in SCHEMA.schema_converter.type_map.values():
        definition = graphql_type.definition
        if isinstance(definition, StrawberryObjectDefinition):
            for field in definition.fields:
                for extension in field.extensions:
                    if isinstance(extension, PermissionExtension):
                        guarded += 1
                        assert not extension.use_directives, field.name
    assert guarded > 10


# -- composition with a second subgraph, by Apollo's library -------------------------------

REVIEWS = """
extend schema @link(url: "https://specs.apollo.dev/federation/v2.11", import: ["@key"])

type Opportunity @key(fields: "id") {
  id: ID!
  reviews: [Review!]!
}

type Tenant @key(fields: "slug") {
  slug: String!
  reviewCount: Int!
}

type Review {
  rating: Int!
  text: String
  opportunity: Opportunity!
}

type Query {
  latestReviews(first: Int = 10): [Review!]!
}
"""


def composer_missing() -> str | None:
    if shutil.which("node") is None:
        return "Node.js is not installed: the composition test runs @apollo/composition with it"
    lock = json.loads((FEDERATION_DIR / "package-lock.json").read_text(encoding="utf-8"))
    wanted = lock["packages"]["node_modules/@apollo/composition"]["version"]
    installed = FEDERATION_DIR / "node_modules" / "@apollo" / "composition" / "package.json"
    if not installed.is_file():
        return "@apollo/composition is not installed in tests/federation: run `make test`"
    version = json.loads(installed.read_text(encoding="utf-8"))["version"]
    if version != wanted:
        return f"tests/federation has @apollo/composition {version}, the lock {wanted}: " \
               "run `make test`"
    return None


def compose(subgraphs: dict[str, str], tmp_path: Path) -> tuple[int, dict[str, Any]]:
    need(composer_missing())
    source = tmp_path / "subgraphs.json"
    source.write_text(json.dumps({"subgraphs": [{"name": name, "sdl": sdl}
                                                for name, sdl in subgraphs.items()]}),
                      encoding="utf-8")
    done = subprocess.run(["node", str(FEDERATION_DIR / "compose.mjs"), str(source)],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.stdout, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return done.returncode, result


def type_block(sdl: str, name: str) -> str:
    found = re.search(rf"^type {name}\b.*?^}}", sdl, re.DOTALL | re.MULTILINE)
    assert found, name
    return found.group(0)


def test_the_subgraph_composes_with_another(client: HubClient, tmp_path: Path) -> None:
    sdl = client.data(SERVICE_SDL)["_service"]["sdl"]
    status, result = compose({"hub": sdl, "reviews": REVIEWS}, tmp_path)
    assert result["errors"] == [], result["errors"]
    assert status == 0
    supergraph = result["supergraphSdl"]
    opportunity = type_block(supergraph, "Opportunity")
    assert "reviews: [Review!]! @join__field(graph: REVIEWS)" in opportunity
    assert "@join__type(graph: HUB, key: \"id\")" in opportunity
    tenant = type_block(supergraph, "Tenant")
    assert "@join__type(graph: HUB, key: \"slug\")" in tenant
    assert "reviewCount: Int! @join__field(graph: REVIEWS)" in tenant
    for name in ("Event", "NewsItem", "Volunteer"):
        assert "@join__type(graph: HUB, key: \"id\")" in type_block(supergraph, name)
    assert "latestReviews" in type_block(supergraph, "Query")
    assert "_entities" not in supergraph and "_service" not in supergraph


def test_composition_errors_fail(tmp_path: Path) -> None:
    """The check can fail: a subgraph that disagrees on a key field's type is refused."""
    from schema import build_schema

    conflicting = REVIEWS.replace("id: ID!\n  reviews", "id: Int!\n  reviews")
    status, result = compose({"hub": build_schema().as_str(), "reviews": conflicting},
                             tmp_path)
    assert status == 1
    assert [e["code"] for e in result["errors"]] == ["FIELD_TYPE_MISMATCH"]
    assert result["supergraphSdl"] is None
