"""Manifests as the real tools write them are read into one shape; a bad file is refused
naming the place in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hub.documents import ManifestError, read_manifest
from hub.documents.texts import facts_of

MANIFESTS = Path(__file__).parent / "manifests"


def read(name: str) -> object:
    return read_manifest((MANIFESTS / name).read_text(encoding="utf-8"), name)


@pytest.mark.parametrize(("name", "expected", "count"), [
    ("persisted_queries.json", "relay", 2),
    ("persisted-query-manifest.json", "apollo", 3),
    ("persisted-documents.json", "graphql-codegen", 2),
])
def test_each_tools_manifest_is_recognised(name: str, expected: str, count: int) -> None:
    manifest = read(name)
    assert manifest.format == expected  # type: ignore[attr-defined]
    assert len(manifest.entries) == count  # type: ignore[attr-defined]


def test_apollo_entries_keep_their_names_and_types_and_every_entry_its_line() -> None:
    manifest = read_manifest((MANIFESTS / "persisted-query-manifest.json").read_text(),
                             "m.json")
    names = {e.name: e.operation_type for e in manifest.entries}
    assert names == {"Locales": "query", "Opportunities": "query", "Tenants": "query"}
    first = manifest.entries[0]
    assert first.position.startswith("m.json:6 (entry 1, id '")


def test_a_plain_id_map_is_read_whatever_its_ids() -> None:
    manifest = read_manifest(json.dumps({"home-page": "{ tenants { slug } }"}), "x.json")
    assert manifest.format == "id map"
    assert manifest.entries[0].document_id == "home-page"


@pytest.mark.parametrize(("text", "words"), [
    ("not json", "not JSON"),
    ("[]", "a JSON object"),
    ('{"a": "{ x }", "a": "{ y }"}', "appears twice"),
    ('{"a": 3}', "entry 1, id 'a'"),
    ('{" a": "{ x }"}', "without spaces"),
    ('{"format": "apollo-persisted-query-manifest", "version": 2, "operations": []}',
     "version 2"),
    ('{"format": "apollo-persisted-query-manifest", "version": 1, "operations": {}}',
     "must be a list"),
    ('{"format": "apollo-persisted-query-manifest", "version": 1, "operations": '
     '[{"id": "a", "body": "{ x }", "type": "lookup"}]}', "\"type\" must be one of"),
])
def test_bad_files_are_refused_with_their_place(text: str, words: str) -> None:
    with pytest.raises(ManifestError) as refused:
        read_manifest(text, "bad.json")
    assert words in str(refused.value) and "bad.json" in str(refused.value)


def test_the_stable_hash_ignores_layout_but_not_meaning() -> None:
    one = facts_of("query A { tenants { slug } }")
    assert one == facts_of("# a comment\nquery A {\n  tenants {\n    slug,\n  }\n}\n")
    assert one.operation_name == "A" and one.operation_type == "query"
    assert one.sha256 != facts_of("query A { tenants { name } }").sha256
    several = facts_of("query A { tenants { slug } } query B { locales { code } }")
    assert several.operations == 2 and several.operation_name is None
