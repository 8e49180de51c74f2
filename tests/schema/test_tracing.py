"""OpenTelemetry traces when HUB_OTEL_ENDPOINT is set: one span per operation (parsing and
validation inside), service `tatawwu-hub`, the request id, and nothing personal."""

from __future__ import annotations

import dataclasses
import importlib.util

import pytest
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from starlette.testclient import TestClient

from hub.config import Settings
from hub.entry.app import create_app
from hub.errors import ConfigurationError
from schema.core import tracing
from tests.conftest import Database

SECRET_LITERAL = "amina.private@example.org"
SECRET_VARIABLE = "secret-variable-value"
QUERY = (f'query Mine($q: String) {{ opportunities(first: 2, filter: {{search: $q}}) '
         f'{{ totalCount }} a: opportunities(first: 1, filter: {{search: "{SECRET_LITERAL}"}}) '
         f'{{ totalCount }} }}')


def test_an_operation_is_one_span_with_the_request_id_and_nothing_personal(
        backend: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    exporter = InMemorySpanExporter()
    monkeypatch.setattr(tracing, "span_processor", lambda settings: SimpleSpanProcessor(exporter))
    settings = dataclasses.replace(backend.settings, otel_endpoint="http://127.0.0.1:4318")
    with TestClient(create_app(settings)) as http:
        answer = http.post("/graphql", headers={"X-Request-Id": "trace-req-7"},
                           json={"query": QUERY, "variables": {"q": SECRET_VARIABLE}})
    assert answer.status_code == 200 and "errors" not in answer.json(), answer.text
    spans = exporter.get_finished_spans()
    names = sorted(span.name for span in spans)
    assert names == ["GraphQL Mine", "GraphQL Parsing", "GraphQL Validation"], names
    (operation,) = [span for span in spans if span.name == "GraphQL Mine"]
    assert operation.resource.attributes["service.name"] == "tatawwu-hub"
    attributes = dict(operation.attributes or {})
    assert attributes["hub.request_id"] == "trace-req-7"
    assert attributes["graphql.operation.name"] == "Mine"
    assert attributes["graphql.operation.type"] == "query"
    for span in spans:
        assert span.parent is None or span.parent.span_id == operation.context.span_id
        for value in (span.attributes or {}).values():
            assert SECRET_LITERAL not in str(value) and SECRET_VARIABLE not in str(value)


def test_without_an_endpoint_only_the_operations_name_is_recorded() -> None:
    assert tracing.tracing_extensions(Settings.from_env({})) == [tracing.OperationFacts]
    assert tracing.tracing_extensions(None) == [tracing.OperationFacts]


@pytest.mark.skipif(importlib.util.find_spec("opentelemetry.exporter") is not None,
                    reason="the otel extra is installed")
def test_without_the_otel_extra_the_error_names_its_requirements() -> None:
    settings = Settings.from_env({"HUB_OTEL_ENDPOINT": "http://127.0.0.1:4318"})
    with pytest.raises(ConfigurationError, match=r"requirements/otel\.txt"):
        tracing.tracing_extensions(settings)


def test_operation_names_from_clients_are_names_or_nothing() -> None:
    assert tracing.operation_label("Mine_2") == "Mine_2"
    assert tracing.operation_label("x\nERROR forged line") == tracing.INVALID_NAME
    assert tracing.operation_label("a" * 101) == tracing.INVALID_NAME
    assert tracing.operation_label(None) is None
