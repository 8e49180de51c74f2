"""The hub's Prometheus metrics: one registry per app (two hubs in one process, as in the
tests, never share a number), with label values bounded so that no caller can grow them.

- `tatawwu_http_requests_total{route, method, status}`: route is the route's template
  (`/graphql`, `/healthz`...), `unmatched` for any other path;
- `tatawwu_graphql_errors_total{code}`: errors answered, by `extensions.code`;
- `tatawwu_graphql_operation_seconds{operation}`: latency per operation name, see
  `OperationNames` for which names become labels;
- `tatawwu_sql_statements_per_request`: SQL statements each request ran (an engine event);
- `tatawwu_db_pool_checked_out`, `tatawwu_db_pool_size`: the connection pool, read at scrape.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine

from hub.errors import ErrorCode
from hub.logs import current_request

ANONYMOUS = "anonymous"  # an operation without a name
OTHER = "other"  # names past the cap, and codes or methods we do not know
UNKNOWN = "unknown"  # an ad-hoc document where documents are trusted ones
MAX_OPERATION_NAMES = 200
METHODS = frozenset({"GET", "POST", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"})
CODES = frozenset(code.value for code in ErrorCode)
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
STATEMENT_BUCKETS = (0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144)


class OperationNames:
    """Which operation names become label values: a trusted document's name, or (where
    documents are not restricted to trusted ones) any valid name, up to `cap` distinct names
    per process; past the cap, `other`. A nameless operation is `anonymous`, an ad-hoc one
    where trusted documents are in force is `unknown`: clients choose names, and each label
    value is a time series kept forever."""

    def __init__(self, cap: int = MAX_OPERATION_NAMES) -> None:
        self.cap = cap
        self.seen: set[str] = set()

    def label(self, name: str | None, *, trusted: bool, names_trusted_only: bool) -> str:
        if not name:
            return ANONYMOUS
        if names_trusted_only and not trusted:
            return UNKNOWN
        if name in self.seen:
            return name
        if len(self.seen) >= self.cap:
            return OTHER
        self.seen.add(name)
        return name


class PoolCollector(Collector):
    """The engine's pool, read when /metrics is scraped (SQLite's static or null pools have
    no size: nothing is reported for them)."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.pool = engine.sync_engine.pool

    def collect(self) -> Iterable[Metric]:
        checked_out = getattr(self.pool, "checkedout", None)
        size = getattr(self.pool, "size", None)
        if callable(checked_out) and callable(size):
            yield GaugeMetricFamily("tatawwu_db_pool_checked_out",
                                    "Database connections in use", value=checked_out())
            yield GaugeMetricFamily("tatawwu_db_pool_size",
                                    "Database connections the pool keeps", value=size())


class PlanCollector(Collector):
    """Compiled execution, read when /metrics is scraped: per trusted document seen, whether
    it runs compiled (and why not), and how many requests its plan answered or handed back
    to the standard executor. `describe` is the schema's plan store's (schema/compiled/):
    {document id: status with `compiled`, `reason`, `runs`, `fallbacks`}; the store is
    bounded, so are these labels."""

    def __init__(self, describe: Callable[[], Mapping[str, Any]]) -> None:
        self.describe = describe

    def collect(self) -> Iterable[Metric]:
        documents = GaugeMetricFamily(
            "tatawwu_compiled_documents",
            "Trusted documents seen: 1 per document, compiled or not and why not",
            labels=("document", "compiled", "reason"))
        runs = CounterMetricFamily("tatawwu_compiled_runs",
                                   "Requests answered by a document's compiled plan",
                                   labels=("document",))
        fallbacks = CounterMetricFamily(
            "tatawwu_compiled_fallbacks",
            "Requests a compiled plan handed back to the standard executor",
            labels=("document",))
        for document, status in sorted(self.describe().items()):
            documents.add_metric([document, "yes" if status.compiled else "no",
                                  status.reason or ""], 1)
            runs.add_metric([document], status.runs)
            fallbacks.add_metric([document], status.fallbacks)
        yield documents
        yield runs
        yield fallbacks


class HubMetrics:
    """One app's metrics and their registry."""

    def __init__(self, *, names_trusted_only: bool = False,
                 max_operation_names: int = MAX_OPERATION_NAMES) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.names_trusted_only = names_trusted_only
        self.operations = OperationNames(max_operation_names)
        self.requests = Counter("tatawwu_http_requests", "HTTP requests by route and status",
                                ("route", "method", "status"), registry=self.registry)
        self.errors = Counter("tatawwu_graphql_errors", "GraphQL errors answered, by code",
                              ("code",), registry=self.registry)
        self.latency = Histogram("tatawwu_graphql_operation_seconds",
                                 "GraphQL request latency by operation name", ("operation",),
                                 buckets=LATENCY_BUCKETS, registry=self.registry)
        self.statements = Histogram("tatawwu_sql_statements_per_request",
                                    "SQL statements run by one request",
                                    buckets=STATEMENT_BUCKETS, registry=self.registry)
        self._engines: list[Any] = []
        self._plans = False

    def watch(self, engine: AsyncEngine) -> None:
        """Count `engine`'s statements per request, and report its pool."""
        sync_engine = engine.sync_engine
        if sync_engine in self._engines:
            return
        self._engines.append(sync_engine)
        event.listen(sync_engine, "before_cursor_execute", _count_statement)
        self.registry.register(PoolCollector(engine))

    def watch_plans(self, describe: Callable[[], Mapping[str, Any]]) -> None:
        """Report the compiled plans of the app's schema (once per app)."""
        if not self._plans:
            self._plans = True
            self.registry.register(PlanCollector(describe))

    def observe(self, *, route: str, method: str, status: int, seconds: float,
                operation: str | None, trusted: bool, codes: Iterator[str],
                statements: int | None) -> None:
        """One request, when it is answered."""
        self.requests.labels(route, method if method in METHODS else OTHER, str(status)).inc()
        for code in codes:
            self.errors.labels(code if code in CODES else OTHER).inc()
        if route == "/graphql":
            label = self.operations.label(operation, trusted=trusted,
                                          names_trusted_only=self.names_trusted_only)
            self.latency.labels(label).observe(seconds)
        if statements is not None:
            self.statements.observe(statements)

    def exposition(self) -> bytes:
        """The Prometheus text format of every metric."""
        return generate_latest(self.registry)


def _count_statement(*_: Any) -> None:
    facts = current_request()
    if facts is not None:
        facts.statements += 1
