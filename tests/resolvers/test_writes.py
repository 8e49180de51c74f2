"""The one write path (resolvers/core/writes.py), on both databases: a write that raises
after its first write leaves nothing behind (no row changed, no audit event, no loader
poisoned), who may is decided before anything is written, and a mutation's audit event is
written once, in the mutation's own transaction."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from sqlalchemy import event, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.testclient import TestClient

from hub.access import Principal, PrincipalKind, read_scope
from hub.audit import AuditLog
from hub.config import Settings
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.entry.app import create_app
from hub.errors import BadUserInput, Conflict, Forbidden
from hub.i18n import LocaleChain
from hub.i18n import messages as msg
from hub.ids import encode_id
from hub.row_security import prelude
from resolvers import RequestContext, RequestDatabase, TenantIndex
from resolvers.core.writes import Tx, Write, perform
from tests.conftest import Database, HubClient, StatementCounter, prepare
from tests.dbtools import fetch
from tests.principals import TENANT, V_KEY, Cast, cast, volunteer_id

pytestmark = pytest.mark.parametrize("fresh_backend", ["sqlite", "postgresql"], indirect=True)

WRITES = ("INSERT", "UPDATE", "DELETE")


class Boom(Exception):
    """Raised by a test on purpose, after a write."""


class Recorder:
    """Every statement the engine sends, and each COMMIT and ROLLBACK, in order."""

    def __init__(self, engine: Any) -> None:
        self.engine = engine.sync_engine
        self.log: list[str] = []
        self.listeners: dict[str, Callable[..., None]] = {
            "before_cursor_execute": lambda conn, cursor, statement, *args: self.log.append(
                " ".join(statement.split()).upper()),
            "commit": lambda conn: self.log.append("COMMIT"),
            "rollback": lambda conn: self.log.append("ROLLBACK"),
        }

    def __enter__(self) -> Recorder:
        for name, listener in self.listeners.items():
            event.listen(self.engine, name, listener)
        return self

    def __exit__(self, *exc: object) -> None:
        for name, listener in self.listeners.items():
            event.remove(self.engine, name, listener)

    def index(self, prefix: str, after: int = -1) -> int:
        """Where the first line starting with `prefix` after position `after` is."""
        return next(i for i, line in enumerate(self.log) if i > after and line.startswith(prefix))

    def writes(self) -> list[str]:
        return [line for line in self.log if line.startswith(WRITES)]

    def assert_one_transaction(self, change: str) -> None:
        """`change`, then the one audit event's INSERT, then COMMIT: nothing ends between."""
        start = self.index(change)
        end = self.index("COMMIT", self.index("INSERT INTO AUDIT_EVENT", start))
        assert not {"COMMIT", "ROLLBACK"} & set(self.log[start:end]), self.log
        assert len([w for w in self.writes() if "AUDIT_EVENT" in w]) == 1, self.log


def audit_count(database: Database) -> int:
    return int(fetch(database.settings, select(func.count()).select_from(m.AuditEvent))[0][0])


def fail_after_the_audit_insert(monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit flush sends its INSERT (after the write's own statements), then raises."""
    real = AuditLog.flush

    async def flush_then_fail(self: AuditLog, session: AsyncSession) -> int:
        await real(self, session)
        raise Boom

    monkeypatch.setattr(AuditLog, "flush", flush_then_fail)


def sharing(database: Database, vid: int) -> bool:
    return bool(fetch(database.settings, select(m.Volunteer.shares_with_network).where(
        m.Volunteer.id == vid))[0][0])


# --- the template, driven directly -------------------------------------------------------

@dataclass
class Request:
    ctx: RequestContext
    recorder: Recorder


@asynccontextmanager
async def request_as(settings: Settings, principal: Principal) -> AsyncIterator[Request]:
    """A request's context, as the app builds it, over its own engine."""
    engine = make_engine(settings.database_url)
    scope = read_scope(principal, frozenset())
    postgres = engine.dialect.name == "postgresql"
    db = RequestDatabase(make_sessionmaker(engine), prelude(scope) if postgres else None)
    ctx = RequestContext(
        db=db, scope=scope, locales=LocaleChain.from_request(explicit=None, accept_language=None),
        tenants=TenantIndex({}), settings=settings, request_id="test-writes",
        audit=AuditLog(principal, "test-writes"),
    )
    try:
        with Recorder(engine) as recorder:
            yield Request(ctx, recorder)
    finally:
        await db.close()
        await engine.dispose()


def volunteer(vid: int) -> Principal:
    return Principal(kind=PrincipalKind.VOLUNTEER, subject=f"volunteer-{vid}", volunteer_id=vid)


@dataclass(frozen=True)
class Flip(Write[int, bool]):
    """Test-only: turns the volunteer's network sharing over; `fail` names where it raises
    (after its UPDATE has been sent): in `apply`, in a before-commit step, in the audit
    flush or at the commit."""

    fail: str | None = None
    refuse: bool = False
    bad_input: bool = False
    audited: bool = True
    ran: list[str] = field(default_factory=list)

    async def allow(self, ctx: RequestContext) -> int:
        """Reads through a loader, as real commands do: inside the write's transaction
        that would wait forever (`settle` turns it into a failure)."""
        self.ran.append("allow")
        vid = ctx.scope.principal.volunteer_id
        if self.refuse or vid is None or await ctx.loaders.volunteer_by_id.load(vid) is None:
            raise Forbidden(msg.VOLUNTEER_ONLY)
        return vid

    def validate(self, vid: int) -> int:
        self.ran.append("validate")
        if self.bad_input:
            raise BadUserInput(msg.EMPTY_TEXT, argument="value")
        return vid

    async def apply(self, tx: Tx, vid: int) -> bool:
        self.ran.append("apply")
        v = m.Volunteer
        old = bool(await tx.session.scalar(select(v.shares_with_network).where(v.id == vid)))
        await tx.session.execute(update(v).where(v.id == vid).values(shares_with_network=not old))
        if self.audited:
            tx.audit("flip", "Volunteer", encode_id("Volunteer", vid), share=not old)
        tx.changed(lambda loaders: loaders.volunteer_by_id, vid)
        tx.before_commit(self.step)
        if self.fail == "apply":
            raise Boom
        return not old

    async def step(self, session: AsyncSession) -> None:
        self.ran.append("step")
        if self.fail == "step":
            raise Boom


async def settle(ctx: RequestContext, write: Flip) -> bool:
    """`perform`, failing instead of waiting forever (a read through the loaders inside
    the transaction, which holds the request's connection)."""
    return await asyncio.wait_for(perform(ctx, write), timeout=30)


@pytest.fixture
def demo(fresh_backend: Database) -> Database:
    prepare(fresh_backend, demo=True)
    return fresh_backend


@pytest.mark.parametrize("fail", ["apply", "step", "audit", "commit"])
def test_a_write_raising_after_its_first_write_leaves_nothing_behind(
        demo: Database, fail: str, monkeypatch: pytest.MonkeyPatch) -> None:
    vid = volunteer_id(demo, V_KEY)
    before = sharing(demo, vid)
    if fail == "audit":
        fail_after_the_audit_insert(monkeypatch)
    if fail == "commit":
        async def refuse_commit(self: AsyncSession) -> None:
            raise Boom

        monkeypatch.setattr(AsyncSession, "commit", refuse_commit)

    async def run() -> None:
        async with request_as(demo.settings, volunteer(vid)) as request:
            ctx, recorder = request.ctx, request.recorder
            primed = await ctx.loaders.volunteer_by_id.load(vid)  # cached before the write
            assert primed.shares_with_network is before
            with pytest.raises(Boom):
                await settle(ctx, Flip(fail=fail))
            update_at = recorder.index("UPDATE VOLUNTEER")
            assert recorder.index("ROLLBACK", update_at), "the UPDATE was sent, then undone"
            if fail == "audit":
                assert recorder.index("INSERT INTO AUDIT_EVENT", update_at)
            assert "COMMIT" not in recorder.log
            # The same request reads the old value: through its loader (not poisoned) and
            # through its session (rolled back); nothing is left pending for its audit log.
            again = await ctx.loaders.volunteer_by_id.load(vid)
            assert again.shares_with_network is before
            v = m.Volunteer
            assert await ctx.db.scalar(select(v.shares_with_network).where(
                v.id == vid)) is before
            assert ctx.audit.pending == []
            monkeypatch.undo()
            # The request goes on: its next write commits, with its one audit event in the
            # same transaction, and the loader then reads the new value.
            recorder.log.clear()
            write = Flip()
            assert await settle(ctx, write) is (not before)
            assert write.ran == ["allow", "validate", "apply", "step"]
            recorder.assert_one_transaction("UPDATE VOLUNTEER")
            fresh = await ctx.loaders.volunteer_by_id.load(vid)
            assert fresh.shares_with_network is (not before), "cleared after the commit"

    asyncio.run(run())
    assert sharing(demo, vid) is (not before)
    events = fetch(demo.settings, select(m.AuditEvent.action, m.AuditEvent.request_id))
    assert events == [("flip", "test-writes")], "only the committed write left an event"


def test_who_may_and_the_input_are_checked_before_anything_is_written(demo: Database) -> None:
    vid = volunteer_id(demo, V_KEY)
    before = sharing(demo, vid)

    async def run() -> None:
        async with request_as(demo.settings, volunteer(vid)) as request:
            refused = Flip(refuse=True)
            with pytest.raises(Forbidden):
                await settle(request.ctx, refused)
            assert refused.ran == ["allow"]
            bad = Flip(bad_input=True)
            with pytest.raises(BadUserInput) as error:
                await settle(request.ctx, bad)
            assert error.value.argument == "value"
            assert bad.ran == ["allow", "validate"]
            log = request.recorder.log
            assert request.recorder.writes() == [], log
            assert not {"COMMIT", "ROLLBACK"} & set(log), "no transaction was opened"
            # A write that records no audit event is a bug: it is refused, and rolled back.
            with pytest.raises(RuntimeError, match="Flip recorded no audit event"):
                await settle(request.ctx, Flip(audited=False))
            assert "COMMIT" not in log

    asyncio.run(run())
    assert sharing(demo, vid) is before
    assert audit_count(demo) == 0


# --- the two mutations, over HTTP --------------------------------------------------------

@dataclass
class Hub:
    database: Database
    client: HubClient
    people: Cast
    recorder: Recorder


@pytest.fixture
def hub(demo: Database) -> Iterator[Hub]:
    people = cast(demo)
    app = create_app(demo.settings)
    with TestClient(app) as http, Recorder(app.state.hub.engine) as recorder:
        yield Hub(demo, HubClient(http, demo.backend, StatementCounter()), people, recorder)


SHARING = "mutation($s: Boolean!) { setNetworkSharing(share: $s) { id sharesWithNetwork } }"
TRANSLATION = """mutation($input: SetTranslationInput!) { setTranslation(input: $input) {
                   locale field value isSource isStale } }"""


def translations(database: Database, opportunity_id: int) -> list[Any]:
    t = m.OpportunityTranslation
    return fetch(database.settings, select(*t.__table__.columns).where(
        t.opportunity_id == opportunity_id).order_by(t.locale))


def an_opportunity(database: Database) -> tuple[int, str]:
    """An opportunity of the editors' tenant, and its source language."""
    o = m.Opportunity
    tenant = fetch(database.settings, select(m.Tenant.id).where(m.Tenant.slug == TENANT))[0][0]
    oid = int(fetch(database.settings, select(o.id).where(o.tenant_id == tenant)
                    .order_by(o.id))[0][0])
    return oid, next(r.locale for r in translations(database, oid) if r.is_source)


def test_refused_mutations_write_nothing(hub: Hub) -> None:
    headers = hub.people.headers
    oid, _ = an_opportunity(hub.database)
    gid = encode_id("Opportunity", oid)
    good = {"id": gid, "locale": "fr", "field": "title", "value": "Titre"}
    refused: list[tuple[str, dict[str, Any], str, str]] = [
        (SHARING, {"s": True}, "anonymous", "FORBIDDEN"),
        (SHARING, {"s": True}, "admin", "FORBIDDEN"),
        (TRANSLATION, {"input": good}, "viewer", "FORBIDDEN"),
        (TRANSLATION, {"input": good}, "other_staff", "FORBIDDEN"),
        (TRANSLATION, {"input": {**good, "locale": "??"}}, "editor", "BAD_USER_INPUT"),
        (TRANSLATION, {"input": {**good, "value": " "}}, "editor", "BAD_USER_INPUT"),
        (TRANSLATION, {"input": {**good, "id": encode_id("Volunteer", 1)}}, "editor",
         "BAD_USER_INPUT"),
    ]
    before = translations(hub.database, oid)
    for query, variables, column, code in refused:
        hub.recorder.log.clear()
        body = hub.client.post(query, variables, headers[column])
        assert body["errors"][0]["extensions"]["code"] == code, (column, variables)
        assert hub.recorder.writes() == [], (column, variables)
    assert translations(hub.database, oid) == before
    assert audit_count(hub.database) == 0


def test_each_mutation_audits_once_in_its_transaction(hub: Hub) -> None:
    headers = hub.people.headers
    vid = hub.people.volunteer_ids["V"]
    oid, locale = an_opportunity(hub.database)
    cases = [
        (SHARING, {"s": True}, "self", "UPDATE VOLUNTEER", "set_network_sharing"),
        (TRANSLATION, {"input": {"id": encode_id("Opportunity", oid), "locale": locale,
                                 "field": "title", "value": "A new title"}}, "editor",
         "UPDATE OPPORTUNITY_TRANSLATION", "set_translation"),
    ]
    for query, variables, column, change, action in cases:
        hub.recorder.log.clear()
        response = hub.client.http.post("/graphql", json={"query": query, "variables": variables},
                                        headers=headers[column])
        assert "errors" not in response.json(), response.json()
        hub.recorder.assert_one_transaction(change)
        events = fetch(hub.database.settings, select(m.AuditEvent).where(
            m.AuditEvent.action == action))
        assert len(events) == 1
        assert events[0].request_id == response.headers["x-request-id"]
    assert sharing(hub.database, vid) is True
    t = m.OpportunityTranslation
    assert fetch(hub.database.settings, select(t.title).where(
        t.opportunity_id == oid, t.locale == locale))[0][0] == "A new title"


@pytest.mark.parametrize("mutation", ["setNetworkSharing", "setTranslation"])
def test_a_mutation_failing_after_its_write_leaves_nothing_behind(
        hub: Hub, mutation: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The audit flush sends its INSERT, after the mutation's own writes, then raises: the
    caller gets a masked error and the database is as it was."""
    headers = hub.people.headers
    vid = hub.people.volunteer_ids["V"]
    oid, locale = an_opportunity(hub.database)
    gid = encode_id("Opportunity", oid)
    shared, texts = sharing(hub.database, vid), translations(hub.database, oid)
    fail_after_the_audit_insert(monkeypatch)
    variables: dict[str, Any]
    if mutation == "setNetworkSharing":
        query, variables, column, change = SHARING, {"s": not shared}, "self", "UPDATE VOLUNTEER"
    else:
        query, column, change = TRANSLATION, "editor", "UPDATE OPPORTUNITY_TRANSLATION"
        variables = {"input": {"id": gid, "locale": locale, "field": "title", "value": "Gone"}}
    body = hub.client.post(query, variables, headers[column])
    assert body["errors"][0]["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert body["data"] is None
    recorder = hub.recorder
    # The write and its event were sent, then rolled back.
    assert recorder.index("ROLLBACK", recorder.index("INSERT INTO AUDIT_EVENT",
                                                     recorder.index(change)))
    monkeypatch.undo()
    assert sharing(hub.database, vid) is shared
    assert translations(hub.database, oid) == texts
    assert audit_count(hub.database) == 0
    # A following read sees the old values.
    read = hub.client.data("query($id: ID!) { volunteer(id: $id) { sharesWithNetwork } }",
                           {"id": encode_id("Volunteer", vid)}, headers["self"])
    assert read["volunteer"]["sharesWithNetwork"] is shared
    read = hub.client.data("query($id: ID!) { opportunity(id: $id) { translations { "
                           "locale field value } } }", {"id": gid}, headers["editor"])
    titles = {t["locale"]: t["value"] for t in read["opportunity"]["translations"]
              if t["field"] == "title"}
    assert titles == {r.locale: r.title for r in texts}


# --- retries: a client's idempotency key ---------------------------------------------------

def keys(database: Database) -> list[Any]:
    k = m.IdempotencyKey
    return fetch(database.settings, select(k.subject, k.key, k.operation, k.result)
                 .order_by(k.key))


def test_a_keyed_write_runs_once_and_a_retry_returns_its_result(demo: Database) -> None:
    vid = volunteer_id(demo, V_KEY)
    before = sharing(demo, vid)

    async def run() -> None:
        async with request_as(demo.settings, volunteer(vid)) as request:
            ctx, recorder = request.ctx, request.recorder
            first = Flip()
            assert await settle_keyed(ctx, first, "k-1") is (not before)
            recorder.log.clear()
            retry = Flip()
            assert await settle_keyed(ctx, retry, "k-1") is (not before), "the same answer"
            assert retry.ran == [], "nothing of the write ran again"
            assert recorder.writes() == [], recorder.log
            # The same key for another input (or another operation): CONFLICT.
            with pytest.raises(Conflict):
                await settle_keyed(ctx, Flip(bad_input=True), "k-1")
            # A write that fails stores no key: its retry runs (and fails) again.
            for _ in range(2):
                failing = Flip(fail="apply")
                with pytest.raises(Boom):
                    await settle_keyed(ctx, failing, "k-2")
                assert failing.ran == ["allow", "validate", "apply"]

    asyncio.run(run())
    assert sharing(demo, vid) is (not before), "flipped once"
    assert [(s, k, op) for s, k, op, _ in keys(demo)] == [(f"volunteer-{vid}", "k-1", "Flip")]
    assert keys(demo)[0][3] == {"value": not before}
    assert audit_count(demo) == 1


def test_the_header_key_names_each_write_of_a_request(demo: Database) -> None:
    """Two writes in one request with one `Idempotency-Key` header are two changes (keys
    `h` and `h#2`); the same request sent again repeats neither."""
    vid = volunteer_id(demo, V_KEY)
    before = sharing(demo, vid)

    async def send() -> list[bool]:
        async with request_as(demo.settings, volunteer(vid)) as request:
            request.ctx.idempotency_key = "h"
            return [await settle(request.ctx, Flip()), await settle(request.ctx, Flip())]

    assert asyncio.run(send()) == [not before, before]
    assert asyncio.run(send()) == [not before, before], "the retry's answers, unchanged"
    assert [k for _, k, _, _ in keys(demo)] == ["h", "h#2"]
    assert audit_count(demo) == 2


async def settle_keyed(ctx: RequestContext, write: Flip, key: str) -> bool:
    return await asyncio.wait_for(perform(ctx, write, key=key), timeout=30)
