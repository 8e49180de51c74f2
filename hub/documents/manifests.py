"""The persisted-query manifests that client build tools write, read into one shape.

- Relay (`relay-compiler` with `persistConfig`): `persisted_queries.json`,
  `{"<id>": "<text>"}`, the id being the md5 of the text by default.
- Apollo Client (`generate-persisted-query-manifest`): `{"format":
  "apollo-persisted-query-manifest", "version": 1, "operations": [{"id", "name", "type",
  "body"}]}`, the id being the sha256 of the body.
- GraphQL Code Generator's client preset (`persistedDocuments: true`):
  `persisted-documents.json`, `{"<hash>": "<text>"}` (`sha256:<hex>` in its current
  versions, the bare hex in older ones; sha1 on request).

The two maps have one shape; which tool wrote one is told by how its ids hash its texts
(only for the summary: any id is accepted). Every entry knows its place in the file (line
and entry number), so a refusal can name it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Final

APOLLO_FORMAT: Final = "apollo-persisted-query-manifest"
MAX_ID_LENGTH: Final = 200
OPERATION_TYPES: Final = ("query", "mutation", "subscription")


class ManifestError(Exception):
    """The file is not a manifest this hub reads; the message says where and why."""


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    position: str  # "<file>:<line> (entry <n>, id <id>)"
    document_id: str
    body: str
    name: str | None = None  # as the manifest says (Apollo's); the registry reads the body
    operation_type: str | None = None


@dataclass(frozen=True, slots=True)
class Manifest:
    format: str  # "apollo", "relay", "graphql-codegen" or "id map"
    entries: tuple[ManifestEntry, ...]


def read_manifest(text: str, source: str) -> Manifest:
    """The entries of a manifest file's `text`; `source` names the file in messages."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except _DuplicateKey as exc:
        raise ManifestError(f"{source}: the id {exc.key!r} appears twice") from None
    except ValueError as exc:
        raise ManifestError(f"{source}: not JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ManifestError(f"{source}: a manifest is a JSON object")
    places = _Places(text, source)
    if "format" in data:
        return _apollo(data, places)
    return _id_map(data, places)


def _apollo(data: dict[str, Any], places: _Places) -> Manifest:
    source = places.source
    if data.get("format") != APOLLO_FORMAT or data.get("version") != 1:
        raise ManifestError(f"{source}: unknown manifest format {data.get('format')!r} "
                            f"version {data.get('version')!r} (this hub reads "
                            f"{APOLLO_FORMAT!r} version 1, Relay's and GraphQL Code "
                            "Generator's {id: text} maps)")
    operations = data.get("operations")
    if not isinstance(operations, list):
        raise ManifestError(f"{source}: \"operations\" must be a list")
    entries = []
    for number, operation in enumerate(operations, start=1):
        if not isinstance(operation, dict):
            raise ManifestError(f"{source}: operation {number} is not an object")
        position = places.of(operation.get("id"), number)
        document_id = _checked_id(operation.get("id"), position)
        body = _checked_body(operation.get("body"), position)
        name, kind = operation.get("name"), operation.get("type")
        if name is not None and not isinstance(name, str):
            raise ManifestError(f"{position}: \"name\" must be a string")
        if kind is not None and kind not in OPERATION_TYPES:
            raise ManifestError(f"{position}: \"type\" must be one of {', '.join(OPERATION_TYPES)}")
        entries.append(ManifestEntry(position, document_id, body, name, kind))
    return Manifest("apollo", tuple(entries))


def _id_map(data: dict[str, Any], places: _Places) -> Manifest:
    entries = []
    for number, (document_id, body) in enumerate(data.items(), start=1):
        position = places.of(document_id, number)
        entries.append(ManifestEntry(position, _checked_id(document_id, position),
                                     _checked_body(body, position)))
    return Manifest(_map_format(entries), tuple(entries))


def _map_format(entries: list[ManifestEntry]) -> str:
    """Relay's default ids are md5 hashes of the texts, GraphQL Code Generator's sha256
    (or sha1); any other ids make a plain id map (Relay with its own ids, a custom tool)."""
    if not entries:
        return "id map"
    for name, algorithm in (("relay", "md5"), ("graphql-codegen", "sha256"),
                            ("graphql-codegen", "sha1")):
        if all(e.document_id.removeprefix(f"{algorithm}:")
               == hashlib.new(algorithm, e.body.encode("utf-8")).hexdigest() for e in entries):
            return name
    return "id map"


def _checked_id(document_id: object, position: str) -> str:
    if not isinstance(document_id, str) or not document_id.strip() \
            or len(document_id) > MAX_ID_LENGTH or document_id != document_id.strip():
        raise ManifestError(f"{position}: an id must be a non-empty string of at most "
                            f"{MAX_ID_LENGTH} characters, without spaces around it")
    return document_id


def _checked_body(body: object, position: str) -> str:
    if not isinstance(body, str) or not body.strip():
        raise ManifestError(f"{position}: the document's text must be a non-empty string")
    return body


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise _DuplicateKey(key)
        found[key] = value
    return found


class _Places:
    """Line numbers of the ids in the file, found in order (an id is written as JSON
    writes it; where a tool escaped it otherwise, the entry number alone is given)."""

    def __init__(self, text: str, source: str) -> None:
        self.text, self.source, self.offset = text, source, 0

    def of(self, document_id: object, number: int) -> str:
        label = f"entry {number}"
        if isinstance(document_id, str):
            label += f", id {document_id!r}"
            found = self.text.find(json.dumps(document_id), self.offset)
            if found >= 0:
                self.offset = found + 1
                line = self.text.count("\n", 0, found) + 1
                return f"{self.source}:{line} ({label})"
        return f"{self.source} ({label})"
