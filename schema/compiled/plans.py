"""The store of compiled plans, one per trusted document, and the execution context that
runs a request through its document's plan.

The seam is graphql-core's executor: `execute_operation` is the one place where a request
has been parsed, validated (through the cached documents), its variables coerced and its
operation chosen, and where every schema extension (limits, cost, locale, audit, database,
tracing) is already around it. A request whose context names a trusted document
(`RequestContext.document_id`) asks the store for the document's plan; without one it runs
as every other request does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from hub.config import CompiledExecution


@dataclass(slots=True)
class PlanStatus:
    """What the hub knows of one document: compiled or not, and why not."""

    document_id: str
    compiled: bool
    reason: str | None = None  # why the standard executor runs it (None when compiled)
    runs: int = 0  # requests answered by the plan
    fallbacks: int = 0  # requests the plan handed back to the standard executor


class Plans:
    """Plans by trusted document id (bounded: at most `max_entries` documents)."""

    def __init__(self, mode: CompiledExecution = "trusted", max_entries: int = 1024) -> None:
        self.mode = mode
        self.max_entries = max_entries
        self.statuses: dict[str, PlanStatus] = {}

    def describe(self) -> dict[str, PlanStatus]:
        """Every document seen so far, compiled or not (for /metrics, logs and tests)."""
        return dict(self.statuses)


def compiling_context(plans: Plans) -> type[StrawberryGraphQLCoreExecutionContext]:
    """strawberry's execution context, with the compiled plans of `plans`."""

    class CompilingExecutionContext(StrawberryGraphQLCoreExecutionContext):
        store = plans

        def execute_operation(self, serially: bool | None = None) -> Any:
            return super().execute_operation(serially)

    return CompilingExecutionContext
