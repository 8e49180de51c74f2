"""What the operations tell operators: every request's GraphQL operation name (for its log
line and its latency metric), and OpenTelemetry traces when `HUB_OTEL_ENDPOINT` is set.

Traces go through strawberry's `OpenTelemetryExtension`, narrowed: one span per operation
with parsing and validation inside, no span per resolved field (a field hook roughly
triples execution time on large lists), and nothing personal in any attribute: neither the
query text (a literal argument may be an e-mail address) nor variables nor arguments. The
operation span carries the operation's name and the request id, which finds the request's
log lines. Service name `tatawwu-hub`; sampling follows the standard `OTEL_TRACES_SAMPLER`
variables. The SDK and the OTLP/HTTP exporter come with the `otel` extra
(requirements/otel.txt), imported only when tracing is configured.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Generator, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from strawberry.extensions import SchemaExtension

from hub.config import Settings
from hub.errors import ConfigurationError
from hub.logs import current_request

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import SpanProcessor, TracerProvider

SERVICE_NAME = "tatawwu-hub"
GRAPHQL_NAME = re.compile(r"[_A-Za-z][_0-9A-Za-z]{0,99}")
INVALID_NAME = "(invalid)"  # a provided operation name that is no GraphQL name
TRACES_PATH = "/v1/traces"


def operation_label(name: str | None) -> str | None:
    """The operation's name as logs and metrics may repeat it: a GraphQL name (at most 100
    characters), never a client's arbitrary text (newlines would forge log lines)."""
    if name is None:
        return None
    return name if GRAPHQL_NAME.fullmatch(name) else INVALID_NAME


class OperationFacts(SchemaExtension):
    """Writes the operation's name into the request's facts (hub/logs.py), once the document
    is parsed: an anonymous query may still name its one operation."""

    def on_operation(self) -> Iterator[None]:
        yield
        facts = current_request()
        if facts is not None:
            try:
                name = self.execution_context.operation_name
            except Exception:  # an unparsable document has no operation
                name = None
            facts.operation = operation_label(name)


def tracing_extensions(settings: Settings | None) -> list[Any]:
    """The extensions of this module for a schema built with `settings`: the operation's
    facts always, the tracing extension when an OTLP endpoint is configured (its tracer
    provider is the schema's own: two hubs in one process do not share one)."""
    if settings is None or not settings.otel_endpoint:
        return [OperationFacts]
    provider = tracer_provider(span_processor(settings))
    tracing = hub_tracing()
    return [OperationFacts, lambda: tracing(tracer_provider=provider)]


def span_processor(settings: Settings) -> SpanProcessor:
    """Spans in batches to the OTLP/HTTP endpoint (tests replace this function)."""
    try:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import (  # type: ignore[import-not-found,unused-ignore]
            OTLPSpanExporter,
        )
        from opentelemetry.sdk.trace.export import BatchSpanProcessor
    except ImportError:
        raise ConfigurationError(
            "HUB_OTEL_ENDPOINT is set but the OpenTelemetry SDK and its OTLP/HTTP exporter "
            "are not installed: install the `otel` extra (pip install -r "
            "requirements/otel.txt)") from None
    endpoint = settings.otel_endpoint.rstrip("/")
    if not endpoint.endswith(TRACES_PATH):
        endpoint += TRACES_PATH
    return BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint))


def tracer_provider(processor: SpanProcessor) -> TracerProvider:
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider

    provider = TracerProvider(resource=Resource.create({"service.name": SERVICE_NAME}))
    provider.add_span_processor(processor)
    return provider


@cache
def hub_tracing() -> Callable[..., SchemaExtension]:
    """strawberry's OpenTelemetry extension, narrowed as the module says (defined on first
    use: `opentelemetry` is imported only when tracing is configured)."""
    from opentelemetry import trace
    from opentelemetry.trace import SpanKind, StatusCode
    from strawberry.extensions import LifecycleStep
    from strawberry.extensions.tracing import OpenTelemetryExtension

    class HubTracing(OpenTelemetryExtension):
        # No span per field: the base class's hook, which strawberry skips.
        resolve = SchemaExtension.resolve  # type: ignore[assignment]

        def on_operation(self) -> Generator[None, None, None]:
            span = self._tracer.start_span("GraphQL operation", kind=SpanKind.SERVER)
            self._span_holder[LifecycleStep.OPERATION] = span
            span.set_attribute("component", "graphql")
            facts = current_request()
            if facts is not None:
                span.set_attribute("hub.request_id", facts.request_id)
            with trace.use_span(span, end_on_exit=False):
                yield
            try:
                name = operation_label(self.execution_context.operation_name)
            except Exception:  # an unparsable document has no operation
                name = None
            if name is not None:
                span.set_attribute("graphql.operation.name", name)
                span.update_name(f"GraphQL {name}")
            try:
                kind = self.execution_context.operation_type.value
            except Exception:  # no operation, or not one the document defines
                kind = None
            if kind is not None:
                span.set_attribute("graphql.operation.type", kind)
            errors = getattr(self.execution_context.result, "errors", None)
            if errors:  # how many, not what they say
                span.set_attribute("graphql.error_count", len(errors))
                span.set_status(StatusCode.ERROR)
            span.end()

    return HubTracing
