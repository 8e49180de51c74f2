"""The store of compiled plans, one per trusted document, and the execution context that
runs a request through its document's plan.

The seam is graphql-core's executor: `execute_operation` is the one place where a request
has been parsed, validated (through the cached documents), its variables coerced and its
operation chosen, and where every schema extension (limits, cost, locale, audit, database,
tracing) is already around it. A request whose context names a trusted document
(`RequestContext.document_id`) asks the store for the document's plan; without one it runs
as every other request does.

A compiled run that meets anything unexpected (a resolver's error, a permission check that
does not allow a field, a null where the schema says non-null...) is discarded: what it
added to the request's audit trail is taken back, and the standard executor answers the
request, with its exact errors (docs/compiled-execution.md). Only queries compile, so
running the operation again is safe.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from graphql import DirectiveNode, OperationDefinitionNode, OperationType
from graphql.execution.executor import CollectedErrors
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from hub.config import CompiledExecution
from schema.compiled.info import InfoGap
from schema.compiled.plan import Builder, ObjectPlan, conditions, signature
from schema.compiled.runner import execute, prepare
from schema.compiled.support import Unsupported, check_document

log = logging.getLogger("tatawwu.compiled")

MAX_VARIANTS = 32  # plans per document for distinct @include/@skip values


@dataclass(slots=True)
class PlanStatus:
    """What the hub knows of one document: compiled or not, and why not."""

    document_id: str
    compiled: bool
    reason: str | None = None  # why the standard executor runs it (None when compiled)
    runs: int = 0  # requests answered by the plan
    fallbacks: int = 0  # requests the plan handed back to the standard executor
    last_fallback: str | None = None  # what the last of them met
    stopped: bool = False  # a run met a gap (`InfoGap`): never compiled again in this store


@dataclass(slots=True)
class Entry:
    """The plan of one operation of one cached document."""

    operation: OperationDefinitionNode  # held: its identity is the key
    status: PlanStatus
    conditions: list[DirectiveNode] = field(default_factory=list)
    variants: dict[tuple[bool, ...], ObjectPlan] = field(default_factory=dict)


class Plans:
    """Plans by trusted document id (bounded: at most `max_entries` documents)."""

    def __init__(self, mode: CompiledExecution = "trusted", max_entries: int = 1024) -> None:
        self.mode = mode
        self.max_entries = max_entries
        self.statuses: dict[str, PlanStatus] = {}
        self.entries: dict[tuple[str, int], Entry] = {}

    def describe(self) -> dict[str, PlanStatus]:
        """Every document seen so far, compiled or not (for /metrics, logs and tests)."""
        return dict(self.statuses)

    def entry(self, document_id: str, executor: Any) -> Entry:
        """The entry of the executor's operation (checked and made on first use)."""
        operation = executor.operation
        key = (document_id, id(operation))
        found = self.entries.get(key)
        if found is not None and found.operation is operation:
            return found
        status = self.statuses.get(document_id)
        if status is None:
            status = PlanStatus(document_id, compiled=False)
        made = Entry(operation, status)
        if status.stopped:  # the same document, parsed again (its cached copy was evicted)
            self._keep(key, made)
            return made
        try:
            check_document(executor.schema, operation, executor.fragment_definitions.values(),
                           executor.schema._strawberry_schema.exception_handlers)
            made.conditions = conditions(operation, executor.fragment_definitions.values())
        except Unsupported as reason:
            self._decide(status, str(reason))
        else:
            self._decide(status, None)
        self._keep(key, made)
        return made

    def variant(self, entry: Entry, executor: Any) -> ObjectPlan | None:
        """The plan of the request's @include/@skip values (None: not compiled)."""
        if not entry.conditions:
            wanted: tuple[bool, ...] = ()
        else:
            wanted = signature(entry.conditions, executor.variable_values)
        found = entry.variants.get(wanted)
        if found is not None:
            return found
        try:
            made = prepare(Builder(executor.schema, executor.fragments,
                                   executor.variable_values, executor.operation,
                                   executor.schema._strawberry_schema.exception_handlers
                                   ).root())
        except Unsupported as reason:
            self.disable(entry, str(reason))
            return None
        if len(entry.variants) < MAX_VARIANTS:
            entry.variants[wanted] = made
        return made

    def disable(self, entry: Entry, reason: str) -> None:
        """The document is not compiled any more (a gap met when running it)."""
        entry.variants.clear()
        entry.status.stopped = True
        self._decide(entry.status, reason, level=logging.WARNING)

    def _decide(self, status: PlanStatus, reason: str | None,
                level: int = logging.INFO) -> None:
        first = status.document_id not in self.statuses
        changed = status.compiled != (reason is None) or status.reason != reason
        status.compiled, status.reason = reason is None, reason
        if first or changed:
            if reason is None:
                log.log(level, "trusted document %s is compiled", status.document_id)
            else:
                log.log(level, "trusted document %s is not compiled: %s",
                        status.document_id, reason)
        self.statuses[status.document_id] = status
        while len(self.statuses) > self.max_entries:
            del self.statuses[next(iter(self.statuses))]

    def _keep(self, key: tuple[str, int], entry: Entry) -> None:
        self.entries.pop(key, None)
        self.entries[key] = entry
        while len(self.entries) > self.max_entries:
            del self.entries[next(iter(self.entries))]


def take_back(audit: Any, mark: int) -> None:
    """Forget the audit events recorded since `mark` (hub/audit.py's `AuditLog.take_back`),
    or the standard executor's run would find its reads seen and record none."""
    audit.take_back(mark)


def compiling_context(plans: Plans) -> type[StrawberryGraphQLCoreExecutionContext]:
    """strawberry's execution context, with the compiled plans of `plans`."""

    class CompilingExecutionContext(StrawberryGraphQLCoreExecutionContext):
        store = plans

        def execute_operation(self, serially: bool | None = None) -> Any:
            store = self.store
            document_id = getattr(self.context_value, "document_id", None)
            if (store.mode != "trusted" or document_id is None or serially
                    or self.operation.operation is not OperationType.QUERY
                    or self.abort_signal is not None
                    or (self.middleware_manager is not None
                        and self.middleware_manager.middlewares)):
                return super().execute_operation(serially)
            entry = store.entry(document_id, self)
            plan = store.variant(entry, self) if entry.status.compiled else None
            if plan is None:
                return super().execute_operation(serially)
            return self.run_compiled(entry, plan, serially)

        async def run_compiled(self, entry: Entry, plan: ObjectPlan,
                               serially: bool | None) -> Any:
            audit = getattr(self.context_value, "audit", None)
            mark = len(audit.pending) if audit is not None else 0
            try:
                data = await execute(plan, self)
            except InfoGap as gap:
                self.store.disable(entry, str(gap))
                entry.status.fallbacks += 1
                entry.status.last_fallback = str(gap)
            except Exception as error:  # the standard executor answers, with its errors
                entry.status.fallbacks += 1
                entry.status.last_fallback = f"{type(error).__name__}: {error}"
            else:
                entry.status.runs += 1
                return self.finish(self.build_response(data))
            if audit is not None:
                take_back(audit, mark)
            self.collected_errors = CollectedErrors()
            result = super().execute_operation(serially)
            if self.is_awaitable(result):
                result = await result
            return result

    return CompilingExecutionContext
