"""A demo database per backend for the inquiry tests of one module, the hub running over
it, the principals of tests/principals.py, and helpers to ask, reply and close."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import event, select
from starlette.testclient import TestClient

from hub.db import models as m
from hub.entry.app import create_app
from hub.ids import encode_id
from tests.conftest import BACKENDS, Database, HubClient, StatementCounter, make_database, prepare
from tests.dbtools import fetch
from tests.principals import OTHER_TENANT, TENANT, Cast, cast

ASK = """mutation($o: ID!, $s: String, $b: String!) {
  askOpportunityManager(input: {opportunity: $o, subject: $s, body: $b}) {
    id subject status statusLabel openedAt updatedAt closedAt tenant { slug }
    opportunity { id } messages { id author body sentAt } } }"""
REPLY = """mutation($i: ID!, $b: String!) {
  replyToInquiry(input: {inquiry: $i, body: $b}) {
    id status updatedAt messages { author body } } }"""
CLOSE = """mutation($i: ID!) { closeInquiry(input: {inquiry: $i}) { id status closedAt } }"""


@dataclass
class Hub:
    database: Database
    client: HubClient
    people: Cast
    tenants: dict[str, int]
    opportunity: str  # a PUBLIC, PUBLISHED opportunity of T
    other_opportunity: str  # a PUBLIC, PUBLISHED opportunity of the other tenant
    hidden: str  # an opportunity no volunteer can read

    def headers(self, column: str) -> dict[str, str]:
        """The column's credentials, asking for English (messages and labels)."""
        return {**self.people.headers[column], "Accept-Language": "en"}

    def ask(self, column: str, body: str, *, opportunity: str | None = None,
            subject: str | None = None) -> dict[str, Any]:
        return self.client.post(ASK, {"o": opportunity or self.opportunity, "s": subject,
                                      "b": body}, self.headers(column))

    def asked(self, column: str, body: str, **kw: Any) -> dict[str, Any]:
        """The new thread (the mutation must succeed)."""
        answer = self.ask(column, body, **kw)
        assert "errors" not in answer, answer
        thread: dict[str, Any] = answer["data"]["askOpportunityManager"]
        return thread

    def reply(self, column: str, inquiry: str, body: str) -> dict[str, Any]:
        return self.client.post(REPLY, {"i": inquiry, "b": body}, self.headers(column))

    def close(self, column: str, inquiry: str) -> dict[str, Any]:
        return self.client.post(CLOSE, {"i": inquiry}, self.headers(column))


def code(answer: dict[str, Any]) -> str | None:
    """The code of the answer's one error, None when it has none."""
    errors = answer.get("errors") or []
    assert len(errors) <= 1, errors
    return errors[0]["extensions"]["code"] if errors else None


def _opportunity(database: Database, tenant: int, status: str) -> str:
    o = m.Opportunity
    key = fetch(database.settings, select(o.id).where(
        o.tenant_id == tenant, o.visibility == "PUBLIC", o.status == status).order_by(o.id))
    assert key, f"the demo data needs a PUBLIC {status} opportunity of tenant {tenant}"
    return encode_id("Opportunity", key[0].id)


@pytest.fixture(scope="module", params=BACKENDS)
def hub(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
        ) -> Iterator[Hub]:
    database = make_database(request.param, tmp_path_factory.mktemp(request.param))
    try:
        prepare(database, demo=True)
        tenants = {r.slug: int(r.id) for r in fetch(database.settings,
                                                     select(m.Tenant.slug, m.Tenant.id))}
        app = create_app(database.settings)
        with TestClient(app) as http:
            counter = StatementCounter()
            engine = app.state.hub.engine.sync_engine
            event.listen(engine, "before_cursor_execute", counter)
            try:
                yield Hub(database, HubClient(http, request.param, counter), cast(database),
                          tenants, _opportunity(database, tenants[TENANT], "PUBLISHED"),
                          _opportunity(database, tenants[OTHER_TENANT], "PUBLISHED"),
                          _hidden(database))
            finally:
                event.remove(engine, "before_cursor_execute", counter)
    finally:
        database.drop()


def _hidden(database: Database) -> str:
    """An opportunity no volunteer can read: not PUBLIC, or not PUBLISHED."""
    o = m.Opportunity
    key = fetch(database.settings, select(o.id).where(
        (o.visibility != "PUBLIC") | (o.status != "PUBLISHED")).order_by(o.id))
    assert key, "the demo data needs an opportunity hidden from volunteers"
    return encode_id("Opportunity", key[0].id)
