"""The cost of a request, carried from where it is estimated (the GraphQL operation) to
where it is charged (the rate-limit middleware, after the answer).

The middleware hands the request's state (Starlette's `request.state`, `scope["state"]`) to
the code below it through a context variable; the estimate is written there as `cost`. A
GraphQL request that never executes (refused by a limit, unparsable, invalid) costs
REFUSED_COST: refusing is cheap but not free, and a flood of refused documents must reach
its 429 within seconds (bench/flood.py); any other request that records no cost costs 1.
A document refused by one of the hub's limits (tokens, nesting, aliases, directives, depth,
cost: schema/core/document_cache.py) costs HUB_MAX_QUERY_COST, the dearest document the hub
would run: a typo costs a refusal, a document built to exhaust the hub costs a whole query,
and an anonymous address flooding them spends its minute's budget within twenty.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Final

UNEXECUTED_COST: Final = 1
REFUSED_COST: Final = 50  # about a page of 20 records with a few fields

_STATE: ContextVar[dict[str, Any] | None] = ContextVar("tatawwu_request_state", default=None)


@contextmanager
def charging(state: dict[str, Any]) -> Iterator[None]:
    """Inside, `record_cost` writes into `state` (the request's)."""
    token = _STATE.set(state)
    try:
        yield
    finally:
        _STATE.reset(token)


def record_cost(cost: int) -> None:
    """The executed operation's estimated cost, for the rate limiter (ignored outside a
    request: a schema run directly, in tests or scripts)."""
    state = _STATE.get()
    if state is not None:
        state["cost"] = max(UNEXECUTED_COST, cost)


def cost_of(state: dict[str, Any], unexecuted: int = UNEXECUTED_COST) -> int:
    """The recorded cost, or `unexecuted` when nothing executed."""
    cost = state.get("cost", unexecuted)
    return cost if isinstance(cost, int) and cost > 0 else unexecuted
