"""The compiler on a tiny schema of its own (no database): guarded fields call the same
permission checks with the same arguments, in the same order, and record the same audit
events as the standard executor; a denial hands the request back (the run's audit events
taken back, so the standard executor records them again); a resolver reading what the light
`info` does not give (`info.path`) stops compiling its document (`InfoGap`)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import pytest
import strawberry
from graphql import parse
from strawberry.extensions import FieldExtension
from strawberry.permission import BasePermission, PermissionExtension

from hub.access import Principal, PrincipalKind
from hub.audit import AuditLog
from schema.compiled import Plans, PlanStatus, compiling_context
from schema.compiled.plans import take_back
from schema.compiled.support import Unsupported, check_document


@dataclass
class Context:
    document_id: str | None
    denied: frozenset[int] = frozenset()
    calls: list[tuple[str, int, dict[str, Any]]] = field(default_factory=list)
    audit: AuditLog = field(default_factory=lambda: AuditLog(
        Principal(PrincipalKind.STAFF, "staff-1", tenant_id=1), "request-1"))


class Audited(BasePermission):
    """As the hub's Personal policy: asynchronous, records a read it allows."""

    message = "personal"

    async def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        ctx: Context = info.context
        await asyncio.sleep(0)  # a DataLoader's wait
        ctx.calls.append(("Audited", source.id, kwargs))
        allowed = source.id not in ctx.denied
        if allowed:
            ctx.audit.record("read_personal_data", "Item", str(source.id))
        return allowed


class Checked(BasePermission):
    """A synchronous check that sees the field's arguments."""

    message = "checked"

    def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        ctx: Context = info.context
        ctx.calls.append(("Checked", source.id, kwargs))
        return source.id not in ctx.denied


@strawberry.type
class Item:
    id: int

    @strawberry.field(permission_classes=[Audited])  # type: ignore[untyped-decorator]
    def secret(self) -> str | None:
        return f"secret {self.id}"

    @strawberry.field(permission_classes=[Audited])  # type: ignore[untyped-decorator]
    async def later(self, info: strawberry.Info) -> str | None:
        return f"later {self.id} {info.field_name}"

    @strawberry.field(permission_classes=[Checked])  # type: ignore[untyped-decorator]
    def shout(self, word: str = "hey", times: int = 1) -> str | None:
        return f"{word.upper() * times} {self.id}"


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item]:
        return [Item(id=i) for i in (1, 2, 3)]

    @strawberry.field
    def where(self, info: strawberry.Info) -> str:
        return str(info.path.key)


GUARDED = """query G($times: Int!) { items { id secret later shout(word: "ho", times: $times)
  again: shout } }"""


def schema(mode: str) -> tuple[strawberry.Schema, Plans]:
    plans = Plans("trusted" if mode == "trusted" else "off")
    return (strawberry.Schema(query=Query, execution_context_class=compiling_context(plans)),
            plans)


def run(mode: str, text: str, context: Context, **variables: Any
        ) -> tuple[Any, PlanStatus | None, Context]:
    made, plans = schema(mode)
    result = asyncio.run(made.execute(text, variable_values=variables, context_value=context))
    status = plans.describe().get(context.document_id or "")
    answer = (result.data, [(e.message, e.path) for e in result.errors or ()])
    return answer, status, context


def events(context: Context) -> list[dict[str, Any]]:
    return [{k: v for k, v in e.items() if k != "at"} for e in context.audit.pending]


@pytest.mark.parametrize("denied", [frozenset(), frozenset({2})])
def test_guarded_fields_check_and_audit_as_the_standard_executor(denied: frozenset[int]
                                                                 ) -> None:
    reference, none, off = run("off", GUARDED, Context("guarded", denied), times=2)
    assert none is None
    answer, status, on = run("trusted", GUARDED, Context("guarded", denied), times=2)
    assert answer == reference
    assert status is not None
    assert status.compiled, status
    if denied:  # the standard executor answered: null and an error at the denied paths
        assert (status.runs, status.fallbacks) == (0, 1)
        # the synchronous check denies first, before the asynchronous ones are awaited
        assert status.last_fallback == "Denied: Checked denied Item.shout"
        assert ("personal", ["items", 1, "secret"]) in reference[1]
    else:
        assert (status.runs, status.fallbacks) == (1, 0)
        assert reference[1] == []
    # The same checks with the same arguments (the standard executor's order is per item,
    # the compiled one's per field: the calls are compared as sets; after a denied run, the
    # standard executor's calls follow the run's), and the same audit events in the same
    # order, each recorded once (taken back after a denied run).
    if denied:
        assert on.calls[-len(off.calls):] == off.calls
        assert len(on.calls) > len(off.calls)
    else:
        assert sorted(map(repr, on.calls)) == sorted(map(repr, off.calls))
    assert ("Checked", 1, {"word": "ho", "times": 2}) in off.calls
    assert ("Checked", 3, {"word": "hey", "times": 1}) in off.calls  # defaults given
    assert events(on) == events(off)
    assert [e["object_id"] for e in events(off)] == ["1", "3"] if denied else ["1", "2", "3"]


def test_the_take_back_forgets_the_reads_it_took_back() -> None:
    audit = AuditLog(Principal(PrincipalKind.STAFF, "staff-1", tenant_id=1), "request-1")
    audit.record("read_personal_data", "Item", "1")
    mark = len(audit.pending)
    audit.record("read_personal_data", "Item", "1")  # seen before the mark: not recorded
    audit.record("read_personal_data", "Item", "2")
    take_back(audit, mark)
    assert [e["object_id"] for e in audit.pending] == ["1"]
    audit.record("read_personal_data", "Item", "2")  # recorded again, once
    audit.record("read_personal_data", "Item", "2")
    audit.record("read_personal_data", "Item", "1")  # still seen
    assert [e["object_id"] for e in audit.pending] == ["1", "2"]


def test_a_resolver_reading_what_the_light_info_lacks_stops_compiling_it() -> None:
    reference, _, _ = run("off", "{ where }", Context("where"))
    made, plans = schema("trusted")
    for _ in range(2):  # each parsed anew: a new entry, as after the document cache evicts
        result = asyncio.run(made.execute("{ where }", context_value=Context("where")))
        assert (result.data, result.errors) == (reference[0], None) == ({"where": "where"},
                                                                         None)
    status = plans.describe()["where"]
    assert not status.compiled
    assert status.reason == ("a resolver of Query.where reads info.path, which compiled runs "
                             "do not give")
    assert (status.runs, status.fallbacks) == (0, 1)  # the second request was not tried


def test_without_a_trusted_document_id_nothing_is_planned() -> None:
    answer, status, _ = run("trusted", GUARDED, Context(None), times=1)
    assert status is None
    assert answer[1] == []


class Upper(FieldExtension):
    def resolve(self, next_: Any, source: Any, info: strawberry.Info, **kwargs: Any) -> Any:
        return str(next_(source, info, **kwargs)).upper()


@strawberry.type
class Odd:
    @strawberry.field(extensions=[Upper()])  # type: ignore[untyped-decorator]
    def shouted(self) -> str:
        return "x"

    @strawberry.field(extensions=[PermissionExtension([Checked()]), Upper()])  # type: ignore[untyped-decorator]
    def both(self) -> str | None:
        return "x"

    plain: str | None = strawberry.field(permission_classes=[Checked], default="x")

    @strawberry.field(permission_classes=[Checked, Audited])  # type: ignore[untyped-decorator]
    def twice(self) -> str | None:
        return "x"


@strawberry.type
class OddQuery:
    @strawberry.field
    def odd(self) -> Odd:
        return Odd()


@pytest.mark.parametrize(("text", "reason"), [
    ("{ odd { twice } }", None),  # one PermissionExtension, two permissions
    ("{ odd { shouted } }", "field Odd.shouted has field extensions"),
    ("{ odd { both } }", "field Odd.both has field extensions"),
    ("{ odd { plain } }", "field Odd.plain is a guarded attribute"),
])
def test_which_extensions_compile(text: str, reason: str | None) -> None:
    made = strawberry.Schema(query=OddQuery)._schema
    operation, *fragments = parse(text).definitions
    found: str | None = None
    try:
        check_document(made, operation, fragments)  # type: ignore[arg-type]
    except Unsupported as error:
        found = str(error)
    assert found == reason


class Prefetched(BasePermission):
    """As the hub's Personal policy over a page that prefetched its rows: an asynchronous
    check that can also answer at once for the rows already loaded (`ctx.ready`)."""

    message = "prefetched"

    async def has_permission(self, source: Any, info: strawberry.Info, **kwargs: Any) -> bool:
        ctx: ReadyContext = info.context
        if source.id not in ctx.ready:
            await asyncio.sleep(0)  # the rows' load (a loaded row's future does not wait)
        return self._decide(source, info, "async")

    def has_permission_now(self, source: Any, info: strawberry.Info, **kwargs: Any
                           ) -> bool | None:
        ctx: ReadyContext = info.context
        return self._decide(source, info, "now") if source.id in ctx.ready else None

    @staticmethod
    def _decide(source: Any, info: strawberry.Info, how: str) -> bool:
        ctx: Context = info.context
        ctx.calls.append((how, source.id, {}))
        allowed = source.id not in ctx.denied
        if allowed:
            ctx.audit.record("read_personal_data", "Item", str(source.id))
        return allowed


@dataclass
class ReadyContext(Context):
    ready: frozenset[int] = frozenset()


@strawberry.type
class Row:
    id: int

    @strawberry.field(permission_classes=[Prefetched])  # type: ignore[untyped-decorator]
    def name(self) -> str | None:
        return f"row {self.id}"


@strawberry.type
class RowQuery:
    @strawberry.field
    def rows(self) -> list[Row]:
        return [Row(id=i) for i in (1, 2, 3)]


@pytest.mark.parametrize(("ready", "denied"), [(frozenset({1, 3}), frozenset()),
                                               (frozenset({1, 2, 3}), frozenset()),
                                               (frozenset({1, 2, 3}), frozenset({2}))])
def test_a_check_that_answers_at_once_needs_no_coroutine_for_loaded_rows(
        ready: frozenset[int], denied: frozenset[int]) -> None:
    text = "{ rows { id name } }"

    def run_rows(mode: str) -> tuple[Any, PlanStatus | None, ReadyContext]:
        plans = Plans("trusted" if mode == "trusted" else "off")
        made = strawberry.Schema(query=RowQuery,
                                 execution_context_class=compiling_context(plans))
        context = ReadyContext("rows", denied, ready=ready)
        result = asyncio.run(made.execute(text, context_value=context))
        answer = (result.data, [(e.message, e.path) for e in result.errors or ()])
        return answer, plans.describe().get("rows"), context

    reference, _, off = run_rows("off")
    answer, status, on = run_rows("trusted")
    assert answer == reference
    assert events(on) == events(off)
    assert status is not None
    assert {how for how, _, _ in off.calls} == {"async"}  # strawberry awaits every row
    if denied:
        assert (status.runs, status.fallbacks) == (0, 1)
        assert status.last_fallback == "Denied: Prefetched denied Row.name"
        return
    assert (status.runs, status.fallbacks) == (1, 0)
    # the compiled run asked the loaded rows at once, and awaited only the others
    assert sorted(id_ for how, id_, _ in on.calls if how == "now") == sorted(ready)
    assert sorted(id_ for how, id_, _ in on.calls if how == "async") == \
        sorted({1, 2, 3} - ready)
