"""Two hubs over one demo database, the standard executor's (`HUB_COMPILED_EXECUTION=off`,
the reference) and the compiled one's (`trusted`), the documents they are asked by id, and
what each answered: the raw body, the SQL statements it sent, whether a plan answered it."""

from __future__ import annotations

import asyncio
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, cast

from sqlalchemy import event
from starlette.applications import Starlette
from starlette.testclient import TestClient

from bench.inproc import facts
from bench.queries import (
    HUB_Q1,
    HUB_Q2,
    HUB_Q3,
    HUB_Q4,
    HUB_Q5,
    SEARCH_CATEGORIES,
    SEARCH_COUNTRIES,
    SEARCH_FORMATS,
)
from hub.documents.admin import push_file
from hub.entry.dashboard_documents import dashboard_document
from hub.entry.documents import schema_check
from hub.entry.setup_steps import push_own_documents
from hub.entry.widget_documents import news_document
from hub.ids import encode_id
from schema.build import HubSchema
from schema.compiled import Plans, PlanStatus
from tests.conftest import Database, StatementCounter
from tests.principals import OTHER_TENANT, TENANT

Json = dict[str, Any]
LOCALES: Final = ("ar", "en", "fr")
# principal kinds -> columns of tests/principals.py (staff: of the owning tenant, dz-crescent)
PRINCIPALS: Final = {"anonymous": "anonymous", "volunteer": "self", "staff": "coordinator",
                     "other staff": "other_staff", "analyst": "federation",
                     "api client": "client"}


def text_id(body: str) -> str:
    return "sha256:" + hashlib.sha256(body.encode()).hexdigest()


@dataclass(frozen=True)
class Document:
    name: str
    body: str
    variable_sets: tuple[Json, ...]
    document_id: str = ""

    @property
    def id(self) -> str:
        return self.document_id or text_id(self.body)


def documents(found: Json) -> tuple[Document, ...]:
    """The bench's documents and the hub's own (widget, dashboard), with variables from the
    database (`bench.inproc.facts`)."""
    opportunity = encode_id("Opportunity", int(found["opportunity_id"]))
    widget_id, widget = news_document()
    dashboard_id, dashboard = dashboard_document()
    search = {"formats": list(SEARCH_FORMATS), "categories": list(SEARCH_CATEGORIES),
              "countries": list(SEARCH_COUNTRIES)}
    return (
        Document("Q1", HUB_Q1, ({}, {"first": 3})),
        Document("Q2", HUB_Q2, ({}, {"first": 4})),
        Document("Q3", HUB_Q3, ({"id": opportunity},)),
        Document("Q4", HUB_Q4, ({"tenant": TENANT, "first": 5},)),
        Document("Q5", HUB_Q5, ({"filter": search}, {"first": 5, "filter": {}})),
        Document("widget", widget, ({"tenant": TENANT, "first": 5},
                                    {"tenant": OTHER_TENANT, "first": 2},
                                    {"tenant": "no-such-society", "first": 3}), widget_id),
        Document("dashboard", dashboard, (
            {"metrics": ["VERIFIED_HOURS", "ACTIVE_VOLUNTEERS"], "groupBy": [], "filter": {}},
            {"metrics": ["VERIFIED_HOURS"], "groupBy": ["MONTH"],
             "filter": {"tenants": [TENANT]}}), dashboard_id),
    )


def push_documents(database: Database, folder: Path) -> tuple[Document, ...]:
    """The hub's own documents as `serve` pushes them, the bench's as a manifest pushed
    with `tatawwu documents push` (global, checked against the schema)."""
    settings = database.settings
    asyncio.run(push_own_documents(settings))
    found = documents(asyncio.run(facts(settings.database_url)))
    manifest = folder / "bench-documents.json"
    manifest.write_text(json.dumps({d.id: d.body for d in found if d.name.startswith("Q")}))
    asyncio.run(push_file(settings, manifest, None, schema_check(settings)))
    return found


def push_text(database: Database, folder: Path, body: str) -> Document:
    """One more document (global), pushed as a one-entry manifest."""
    document = Document("extra", body, ())
    manifest = folder / f"{document.id.removeprefix('sha256:')[:12]}.json"
    manifest.write_text(json.dumps({document.id: body}))
    settings = database.settings
    asyncio.run(push_file(settings, manifest, None, schema_check(settings)))
    return document


def plans_of(app: Starlette) -> Plans:
    """The plan store of a started app's GraphQL schema (the hub's state holds it)."""
    schema = app.state.hub.schema
    if schema is None:
        raise LookupError("the app has not started: no GraphQL schema yet")
    return cast(HubSchema, schema).compiled


@dataclass(frozen=True)
class Answer:
    body: bytes
    statements: int
    runs: int  # 1 when a compiled plan answered
    fallbacks: int  # 1 when a plan handed the request back to the standard executor


@dataclass
class Side:
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

    def totals(self) -> tuple[int, int]:
        statuses = self.plans.describe().values()
        return sum(s.runs for s in statuses), sum(s.fallbacks for s in statuses)

    def ask(self, document_id: str, variables: Json, headers: dict[str, str]) -> Answer:
        runs, fallbacks = self.totals()
        self.counter.statements.clear()
        response = self.http.post("/graphql", headers=headers, json={
            "documentId": document_id, "variables": variables})
        assert response.status_code == 200, response.text
        after_runs, after_fallbacks = self.totals()
        return Answer(response.content, self.counter.count, after_runs - runs,
                      after_fallbacks - fallbacks)

    def status(self, document_id: str) -> PlanStatus | None:
        return self.plans.describe().get(document_id)


@dataclass
class Pair:
    reference: Side
    compiled: Side
    documents: dict[str, Document]
    headers: dict[str, dict[str, str]]  # PRINCIPALS' names -> headers
    database: Database
    sent: int = 0

    def ask(self, document: Document, variables: Json, principal: str,
            locale: str) -> tuple[Answer, Answer]:
        """The same request (same request id: errors carry it) to both hubs."""
        self.sent += 1
        headers = {**self.headers[principal], "Accept-Language": locale,
                   "X-Request-Id": f"compiled-{self.sent}"}
        return (self.reference.ask(document.id, variables, headers),
                self.compiled.ask(document.id, variables, headers))
