"""A request's loaders are made when a resolver first asks for one (resolvers/loaders.py),
each with the clause its read scope gives for the model it reads, as when they were all
made at once; their statements are built once, the batch's keys bound at execution."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable
from functools import cached_property
from typing import Any

import pytest
from aiodataloader import DataLoader
from sqlalchemy import ColumnElement, event, literal, select

import resolvers.context
from hub.access import Principal, PrincipalKind, ReadScope, read_scope
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.ids import encode_id
from hub.row_security import prelude
from resolvers.core.database import RequestDatabase
from resolvers.loaders import Loaders
from resolvers.taxonomy.kinds import CATEGORIES
from tests.conftest import Database, HubClient
from tests.dbtools import fetch

# Every loader of a request -> the model whose read-scope clause it takes (None: unscoped,
# or scoped by the signed-in volunteer's id), as the eager constructors took them.
SCOPES: dict[str, Any] = {
    "organization_by_id": m.Organization, "campaign_by_id": m.Campaign,
    "opportunity_by_id": m.Opportunity, "category_by_code": None, "skill_by_code": None,
    "skills_by_opportunity": None, "translations_by_opportunity": None,
    "translations_by_campaign": None, "application_count_by_opportunity": None,
    "viewer_saved_by_opportunity": None, "viewer_application_by_opportunity": None,
    "published_count_by_category": m.Opportunity, "taxonomy_rows": None,
    "event_by_id": m.Event, "news_item_by_id": m.NewsItem, "translations_by_event": None,
    "translations_by_news_item": None,
    "volunteer_by_id": m.Volunteer, "application_by_id": m.Application,
    "memberships_by_volunteer": m.Membership, "skills_by_volunteer": None,
    "hours_by_application": m.HoursEntry,
    "hours_entry_by_id": m.HoursEntry, "waitlist_position_by_application": None,
    "verified_hours_by_volunteer": m.HoursEntry,
    "inquiry_by_id": m.Inquiry, "messages_by_inquiry": m.InquiryMessage,
    "message_count_by_inquiry": None,
    "notification_by_id": m.Notification, "notified_inquiry_by_id": m.Inquiry,
    "badge_awards_by_volunteer": m.BadgeAward, "completed_categories_by_volunteer": m.Application,
    "certificate_by_id": m.Certificate, "certificate_by_code": m.Certificate,
    "certificates_by_volunteer": m.Certificate, "certificate_holder_by_volunteer": m.Certificate,
    "credentials_by_volunteer": m.Credential, "recognition_by_volunteer": m.RecognitionImport,
    "recognition_by_id": m.RecognitionImport,
}


class Recorder:
    """A read scope's `rows` that records the models asked for and answers one distinct
    clause per model."""

    def __init__(self) -> None:
        self.asked: list[Any] = []
        self.clauses: dict[Any, ColumnElement[bool]] = {}

    def __call__(self, model: Any) -> ColumnElement[bool]:
        self.asked.append(model)
        return self.clauses.setdefault(model, literal(model.__name__) == model.__name__)


def loader_names() -> set[str]:
    return {name for klass in Loaders.__mro__ for name, value in vars(klass).items()
            if isinstance(value, cached_property)}


def made(loaders: Loaders) -> set[str]:
    """The loaders this request's object has made so far."""
    return {name for name, value in vars(loaders).items()
            if isinstance(value, DataLoader) or name == "taxonomy_rows"}


def the_scope_of(loader: Any) -> Any:
    return getattr(loader, "scope", getattr(loader, "certificates", None))


def in_a_loop(test: Callable[[], None]) -> Callable[[], None]:
    """Run the test inside an event loop, as a request's loaders are made (aiodataloader
    takes the running loop; outside one it would make a loop of its own)."""
    @functools.wraps(test)
    def run() -> None:
        async def inside() -> None:
            test()

        asyncio.run(inside())

    return run


@in_a_loop
def test_nothing_is_made_until_asked_for() -> None:
    scope = Recorder()
    loaders = Loaders(None, scope, None)  # type: ignore[arg-type]
    assert made(loaders) == set() and scope.asked == []
    first = loaders.opportunity_by_id
    assert loaders.opportunity_by_id is first  # made once per request
    assert made(loaders) == {"opportunity_by_id"} and scope.asked == [m.Opportunity]
    assert the_scope_of(first) is scope.clauses[m.Opportunity]
    # The taxonomy's list loader makes its by-code loader, and nothing else.
    rows = loaders.taxonomy_rows_of(CATEGORIES)
    assert rows.by_code is loaders.category_by_code and loaders.taxonomy_rows_of(CATEGORIES) is rows
    assert made(loaders) == {"opportunity_by_id", "taxonomy_rows", "category_by_code"}
    assert scope.asked == [m.Opportunity]


@in_a_loop
def test_each_loader_takes_the_clause_of_its_model() -> None:
    assert loader_names() == set(SCOPES)  # a new loader is listed here with its scope
    for name, model in SCOPES.items():
        scope = Recorder()
        loader = getattr(Loaders(None, scope, 7), name)  # type: ignore[arg-type]
        assert scope.asked == ([model] if model is not None else []), name
        if model is not None:
            assert the_scope_of(loader) is scope.clauses[model], name


@in_a_loop
def test_the_scope_is_asked_once_per_model_and_request() -> None:
    scope = Recorder()
    loaders = Loaders(None, scope, None)  # type: ignore[arg-type]
    made_here = [loaders.certificate_by_id, loaders.certificate_by_code,
                 loaders.certificates_by_volunteer, loaders.certificate_holder_by_volunteer]
    assert scope.asked == [m.Certificate]
    assert {id(the_scope_of(loader)) for loader in made_here} == {id(scope.clauses[m.Certificate])}
    other = Recorder()
    another = Loaders(None, other, None)  # type: ignore[arg-type]
    assert the_scope_of(another.certificate_by_id) is other.clauses[m.Certificate]


@pytest.fixture
def requests_loaders(monkeypatch: pytest.MonkeyPatch) -> list[Loaders]:
    """The loaders of every request served while the test runs."""
    seen: list[Loaders] = []

    class Recording(Loaders):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            seen.append(self)

    monkeypatch.setattr(resolvers.context, "Loaders", Recording)
    return seen


@pytest.fixture
def scopes_asked(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """The models every read scope was asked a clause for while the test runs."""
    asked: list[Any] = []
    original = ReadScope.rows

    def rows(self: ReadScope, model: Any) -> ColumnElement[bool]:
        asked.append(model)
        return original(self, model)

    monkeypatch.setattr(ReadScope, "rows", rows)
    return asked


def public_opportunity(backend: Database) -> int:
    o = m.Opportunity
    found: int = fetch(backend.settings, select(o.id).where(
        o.visibility == "PUBLIC", o.status == "PUBLISHED").order_by(o.id).limit(1))[0][0]
    return found


def test_a_request_makes_only_the_loaders_it_uses(
        client: HubClient, backend: Database, requests_loaders: list[Loaders],
        scopes_asked: list[Any]) -> None:
    key = public_opportunity(backend)
    data = client.data("query($id: ID!) { opportunity(id: $id) { id title } }",
                       {"id": encode_id("Opportunity", key)})
    assert data["opportunity"]["title"]
    [loaders] = requests_loaders
    assert made(loaders) == {"opportunity_by_id", "translations_by_opportunity"}
    assert scopes_asked == [m.Opportunity]


def test_a_page_makes_only_the_loaders_it_uses(
        client: HubClient, requests_loaders: list[Loaders], scopes_asked: list[Any]) -> None:
    data = client.data("{ opportunities(first: 5) { edges { node { id organization { name } } } } }")
    assert len(data["opportunities"]["edges"]) == 5
    [loaders] = requests_loaders
    # The organizations, and the unscoped loaders the page's prefetch names (with no key
    # for the fields not selected: schema/opportunities/types.py).
    assert made(loaders) == {"organization_by_id", "translations_by_opportunity",
                             "category_by_code"}
    # The page's own clause (RequestContext.page), then the organizations'.
    assert scopes_asked == [m.Opportunity, m.Organization]


def test_statements_are_built_once_and_each_batch_binds_its_keys(backend: Database) -> None:
    o = m.Opportunity
    scope = read_scope(Principal(kind=PrincipalKind.ANONYMOUS), frozenset())
    ids = [row[0] for row in fetch(backend.settings, select(o.id).order_by(o.id))]
    readable = {row[0] for row in fetch(backend.settings, select(o.id).where(scope.rows(o)))}
    assert readable and set(ids) - readable  # some the anonymous caller may not read
    halves = ids[: len(ids) // 2], ids[len(ids) // 2:]
    sent: list[str] = []

    def count(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if "FROM" in statement:  # not the row-security prelude
            sent.append(statement)

    async def run() -> None:
        engine = make_engine(backend.settings.database_url)
        event.listen(engine.sync_engine, "before_cursor_execute", count)
        pre = prelude(scope) if engine.dialect.name == "postgresql" else None
        db = RequestDatabase(make_sessionmaker(engine), pre)
        try:
            await batches(db)
        finally:
            await db.close()
            await engine.dispose()

    async def batches(db: RequestDatabase) -> None:
        one, two = Loaders(db, scope.rows, None), Loaders(db, scope.rows, None)
        loader = one.opportunity_by_id
        for keys in halves:  # two batches, one statement each, the keys of each bound
            rows = await loader.load_many(keys)
            assert [row.id if row else None for row in rows] == \
                [key if key in readable else None for key in keys]
        assert loader.statement is one.opportunity_by_id.statement  # built once per loader
        # Scoped: built per request; unscoped: once per process.
        assert two.opportunity_by_id.statement is not loader.statement
        assert two.translations_by_opportunity.statement \
            is one.translations_by_opportunity.statement
        texts = await one.translations_by_opportunity.load_many(halves[1])
        assert any(texts)
        assert all(t.opportunity_id == key for key, rows in zip(halves[1], texts, strict=True)
                   for t in rows)

    asyncio.run(run())
    assert len(sent) == 3  # one per batch
