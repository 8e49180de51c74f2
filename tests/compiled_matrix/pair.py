"""Two hubs over one database, asked the same requests: the standard executor's
(`HUB_COMPILED_EXECUTION=off`, the reference) and the compiled one's (`trusted`); what each
answered (status, raw body, SQL statements, compiled-plan runs); and the one comparison every
test of this folder uses (`differences`).

Both hubs are given the same `X-Request-Id` for a request (hub/entry/request_ids.py takes
a plain token as it is), so an error's `extensions.requestId` is part of the comparison like
every other byte of the body.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final, Literal, cast

import orjson
from sqlalchemy import event
from starlette.applications import Starlette
from starlette.testclient import TestClient

from schema.build import HubSchema
from schema.compiled import Plans
from tests.conftest import StatementCounter

Json = dict[str, Any]
# How a request names its trusted document: `documentId` in a POST body, in a GET's query
# string, or Apollo's `extensions.persistedQuery.sha256Hash` (the id's bare hex digest).
Road = Literal["post", "get", "apollo"]
CONTEXT: Final = 80  # bytes shown either side of the first difference
MAX_PATHS: Final = 8  # differing JSON paths listed


@dataclass(frozen=True, slots=True)
class Call:
    """One request by trusted document id."""

    document_id: str  # as stored: `sha256:<hex>` for every document of this folder
    variables: Json
    headers: dict[str, str]
    road: Road = "post"


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    body: bytes
    statements: int  # SQL statements the request sent
    runs: int  # requests its compiled plans answered (0 or 1)
    fallbacks: int  # requests a plan handed back to the standard executor (0 or 1)


def schema_of(app: Starlette) -> HubSchema:
    """The app's GraphQL schema (built in the lifespan: the app must have started)."""
    schema = app.state.hub.schema
    if schema is None:
        raise LookupError("the app has not started: no GraphQL schema yet")
    return cast(HubSchema, schema)


def plans_of(app: Starlette) -> Plans:
    """The plan store of the app's schema."""
    return schema_of(app).compiled


def _totals(plans: Plans) -> tuple[int, int]:
    statuses = plans.describe().values()
    return sum(s.runs for s in statuses), sum(s.fallbacks for s in statuses)


@dataclass
class Side:
    """One started hub, its statement counter and its plan store."""

    name: str
    http: TestClient
    counter: StatementCounter = field(default_factory=StatementCounter)

    def __post_init__(self) -> None:
        self.app = cast(Starlette, self.http.app)
        self.plans = plans_of(self.app)
        event.listen(self.app.state.hub.engine.sync_engine, "before_cursor_execute",
                     self.counter)

    def close(self) -> None:
        event.remove(self.app.state.hub.engine.sync_engine, "before_cursor_execute",
                     self.counter)

    def send(self, call: Call, request_id: str) -> Answer:
        headers = {**call.headers, "X-Request-Id": request_id}
        runs, fallbacks = _totals(self.plans)
        self.counter.statements.clear()
        if call.road == "get":
            params = {"documentId": call.document_id}
            if call.variables:
                params["variables"] = orjson.dumps(call.variables).decode()
            response = self.http.get("/graphql", params=params, headers=headers)
        elif call.road == "apollo":
            digest = call.document_id.removeprefix("sha256:")
            response = self.http.post("/graphql", headers=headers, json={
                "variables": call.variables,
                "extensions": {"persistedQuery": {"version": 1, "sha256Hash": digest}}})
        else:
            response = self.http.post("/graphql", headers=headers, json={
                "documentId": call.document_id, "variables": call.variables})
        statements = self.counter.count
        after_runs, after_fallbacks = _totals(self.plans)
        return Answer(response.status_code, response.content, statements,
                      after_runs - runs, after_fallbacks - fallbacks)

    def send_text(self, document: str, headers: dict[str, str], request_id: str) -> Answer:
        """An ad-hoc document (its text): never a compiled plan's."""
        runs, fallbacks = _totals(self.plans)
        self.counter.statements.clear()
        response = self.http.post("/graphql", json={"query": document},
                                  headers={**headers, "X-Request-Id": request_id})
        after_runs, after_fallbacks = _totals(self.plans)
        return Answer(response.status_code, response.content, self.counter.count,
                      after_runs - runs, after_fallbacks - fallbacks)


@dataclass
class Pair:
    """The reference and the compiled hub, over the same database."""

    backend: str
    reference: Side
    compiled: Side
    sent: int = 0

    def request_id(self) -> str:
        self.sent += 1
        return f"matrix-{self.sent}"

    def ask(self, call: Call) -> tuple[Answer, Answer]:
        """The reference's answer, then the compiled hub's, to the same request. Each hub
        has its own caches (principals, tenants, documents); a cache of the whole process
        is warmed by the reference first, so the statement count can only favour the
        compiled hub there, never count against it."""
        request_id = self.request_id()
        return self.reference.send(call, request_id), self.compiled.send(call, request_id)


def differences(reference: Answer, other: Answer) -> list[str]:
    """What tells the two answers apart (status, body bytes, with the first differing bytes
    and the differing JSON paths); empty when they are the same."""
    found = []
    if reference.status != other.status:
        found.append(f"status {reference.status} != {other.status}")
    if reference.body != other.body:
        at = next((i for i, (a, b) in enumerate(zip(reference.body, other.body, strict=False))
                   if a != b), min(len(reference.body), len(other.body)))
        low, high = max(0, at - CONTEXT), at + CONTEXT
        found.append(f"bodies differ from byte {at} ({len(reference.body)} and "
                     f"{len(other.body)} bytes): reference ...{reference.body[low:high]!r}, "
                     f"compiled ...{other.body[low:high]!r}")
        paths = json_paths(reference.body, other.body)
        if paths:
            found.append("differing JSON paths: " + ", ".join(paths[:MAX_PATHS])
                         + (f" (and {len(paths) - MAX_PATHS} more)"
                            if len(paths) > MAX_PATHS else ""))
    return found


def json_paths(first: bytes, second: bytes) -> list[str]:
    """Where two JSON documents differ (a key's order counts: the bytes are compared);
    ["(not JSON)"] when either is not JSON."""
    try:
        a, b = orjson.loads(first), orjson.loads(second)
    except orjson.JSONDecodeError:
        return ["(not JSON)"]
    out: list[str] = []
    _walk(a, b, "$", out)
    return out


def _walk(a: object, b: object, path: str, out: list[str]) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        if list(a) != list(b):
            out.append(f"{path} keys {list(a)} != {list(b)}")
        for key in a:
            if key in b:
                _walk(a[key], b[key], f"{path}.{key}", out)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append(f"{path} length {len(a)} != {len(b)}")
        for index, (x, y) in enumerate(zip(a, b, strict=False)):
            _walk(x, y, f"{path}[{index}]", out)
    elif a != b or type(a) is not type(b):
        out.append(f"{path}: {a!r:.60} != {b!r:.60}")
