"""The documents of the matrix: every document the hub ships in its registry (the news
widget's, the dashboard's) and every hub document of the benchmark (bench/queries.py
HUB_Q1..HUB_Q5), each with its variable sets, and which of them are expected to run
through a compiled plan (`EXPECTED_COMPILED`, the one table to update as the compiler
grows)."""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select

from bench.inproc import facts as bench_facts
from bench.queries import (
    HUB_Q1,
    HUB_Q2,
    HUB_Q3,
    HUB_Q4,
    HUB_Q5,
    SEARCH_CATEGORIES,
    SEARCH_COUNTRIES,
    SEARCH_FORMATS,
    Facts,
)
from hub.config import Settings
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.documents import read_manifest, registry
from hub.documents.admin import push_file
from hub.entry.dashboard_documents import dashboard_document
from hub.entry.documents import schema_check
from hub.entry.setup_steps import push_own_documents
from hub.entry.widget_documents import news_document
from hub.ids import encode_id
from tests.conftest import Database
from tests.dbtools import fetch
from tests.principals import OTHER_TENANT, TENANT

Json = dict[str, Any]

# Whether each document is expected to run through its compiled plan (PlanStatus.runs
# grows by one per request on the `trusted` hub); False: the standard executor answers it
# on both hubs (the plan store says why). The compiler's author updates this table.
EXPECTED_COMPILED: Final[dict[str, bool]] = {
    "Q1": True,
    "Q2": True,
    "Q3": True,
    "Q4": True,  # its guarded fields (`volunteers`: Staff, `fullName`: Personal) compile
    "Q5": True,
    "widget": True,
    "dashboard": True,
}

# Why a document does not compile, as its plan status records it (none of these today).
EXPECTED_REASONS: Final[dict[str, str]] = {}

ANY: Final = "*"  # every principal
# Cells (document, variable set, principal or ANY) whose plan meets an error, or a
# permission check that does not allow a field, and hands the request back to the standard
# executor, which answers the error itself (docs/compiled-execution.md). Q4 lists a
# tenant's volunteers: `volunteers` is for staff (Staff denies anyone else) and staff may
# filter by their own tenant only (the resolver's FORBIDDEN error); so of its cells only the
# owning tenant's staff ("staff") and the other tenant's ("other staff") run compiled, each
# for their own tenant. The bench's largest tenant is the owning tenant in the demo data
# (checked by test_matrix.py).
EXPECTED_FALLBACKS: Final[frozenset[tuple[str, str, str]]] = frozenset({
    ("Q3", "not an id", ANY),
    *(("Q4", label, principal)
      for label, own in (("bench (largest tenant)", "staff"),
                         ("owning tenant, first 5", "staff"),
                         ("other tenant, first 5", "other staff"))
      for principal in ("anonymous", "volunteer", "staff", "other staff", "analyst",
                        "api client") if principal != own),
})


def falls_back(document: str, variable_set: str, principal: str) -> bool:
    """Whether the cell is expected to be handed back to the standard executor."""
    return bool({(document, variable_set, ANY), (document, variable_set, principal)}
                & EXPECTED_FALLBACKS)


@dataclass(frozen=True, slots=True)
class MatrixFacts:
    """What the variables need from the database: the benchmark's facts (as the bench reads
    them), and an opportunity of the owning tenant that is not public."""

    bench: Facts
    hidden_opportunity: str  # its global id


Variables = Callable[[MatrixFacts], Json]


@dataclass(frozen=True, slots=True)
class Document:
    name: str
    body: str
    variable_sets: dict[str, Variables]  # label -> variables
    document_id: str = ""  # its registry id (`sha256:<hex>`); computed when not given

    @property
    def id(self) -> str:
        return self.document_id or text_id(self.body)


def text_id(body: str) -> str:
    """A document's id in the registry: GraphQL Code Generator's `sha256:<hex>` spelling
    (Apollo's persisted-query hash is its bare hex)."""
    return "sha256:" + hashlib.sha256(body.encode()).hexdigest()


def _opportunity(key: int | str) -> str:
    return encode_id("Opportunity", int(key))


def _q5_filter(_: MatrixFacts) -> Json:
    return {"filter": {"formats": list(SEARCH_FORMATS), "categories": list(SEARCH_CATEGORIES),
                       "countries": list(SEARCH_COUNTRIES)}}


WIDGET_ID, WIDGET_BODY = news_document()
DASHBOARD_ID, DASHBOARD_BODY = dashboard_document()

DOCUMENTS: Final[tuple[Document, ...]] = (
    Document("Q1", HUB_Q1, {
        "bench (first 100)": lambda f: {},
        "first 5": lambda f: {"first": 5}}),
    Document("Q2", HUB_Q2, {
        "bench (first 50)": lambda f: {},
        "first 5": lambda f: {"first": 5}}),
    Document("Q3", HUB_Q3, {
        "bench (public)": lambda f: {"id": _opportunity(f.bench.opportunity_id)},
        "not public": lambda f: {"id": f.hidden_opportunity},
        "not an id": lambda f: {"id": "T3Bw"}}),
    Document("Q4", HUB_Q4, {
        "bench (largest tenant)": lambda f: {"tenant": f.bench.staff_tenant},
        "owning tenant, first 5": lambda f: {"tenant": TENANT, "first": 5},
        "other tenant, first 5": lambda f: {"tenant": OTHER_TENANT, "first": 5}}),
    Document("Q5", HUB_Q5, {
        "bench (search)": _q5_filter,
        "one tenant, first 5": lambda f: {"first": 5, "filter": {"tenants": [TENANT]}},
        "no filter": lambda f: {}}),
    Document("widget", WIDGET_BODY, {
        "owning tenant, 5": lambda f: {"tenant": TENANT, "first": 5},
        "other tenant, 2": lambda f: {"tenant": OTHER_TENANT, "first": 2},
        "unknown tenant": lambda f: {"tenant": "no-such-society", "first": 3}},
        WIDGET_ID),
    Document("dashboard", DASHBOARD_BODY, {
        "totals": lambda f: {"metrics": ["VERIFIED_HOURS", "ACTIVE_VOLUNTEERS"],
                             "groupBy": [], "filter": {}},
        "months of the owning tenant": lambda f: {
            "metrics": ["VERIFIED_HOURS"], "groupBy": ["MONTH"],
            "filter": {"tenants": [TENANT]}},
        "regions over a period": lambda f: {
            "metrics": ["VERIFIED_HOURS", "ACTIVE_VOLUNTEERS"], "groupBy": ["REGION"],
            "filter": {"from": "2026-01-01", "to": "2026-10-31"}},
        "societies": lambda f: {"metrics": ["VERIFIED_HOURS"], "groupBy": ["TENANT"],
                                "filter": None}},
        DASHBOARD_ID),
)
BY_NAME: Final = {d.name: d for d in DOCUMENTS}
CASES: Final = [(d.name, label) for d in DOCUMENTS for label in d.variable_sets]
assert set(EXPECTED_COMPILED) == set(BY_NAME), "one expectation per document"


def push_documents(database: Database, folder: Path) -> None:
    """The hub's own documents as `serve` pushes them, and the benchmark's as
    `tatawwu documents push` would push a manifest of them (global, checked)."""
    settings = database.settings
    asyncio.run(push_own_documents(settings))
    manifest = folder / "bench-documents.json"
    manifest.write_text(json.dumps({d.id: d.body for d in DOCUMENTS
                                    if d.name.startswith("Q")}))
    asyncio.run(push_file(settings, manifest, None, schema_check(settings)))


def push_text(settings: Settings, body: str, check: registry.Check) -> str:
    """Push one document's text (global) as a one-entry manifest would be; its id."""
    document_id = text_id(body)

    async def push() -> None:
        engine = make_engine(settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session, session.begin():
                manifest = read_manifest(json.dumps({document_id: body}), "generated.json")
                await registry.push(session, manifest, client_id=None, check=check)
        finally:
            await engine.dispose()

    asyncio.run(push())
    return document_id


def matrix_facts(database: Database) -> MatrixFacts:
    found = asyncio.run(bench_facts(database.settings.database_url))
    o = m.Opportunity
    [(hidden,)] = fetch(database.settings, select(o.id).join(m.Tenant, m.Tenant.id == o.tenant_id).where(
        m.Tenant.slug == TENANT, (o.visibility != "PUBLIC") | (o.status != "PUBLISHED"))
        .order_by(o.id).limit(1))
    return MatrixFacts(Facts.of(found), _opportunity(hidden))
