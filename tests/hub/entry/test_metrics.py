"""/metrics: the Prometheus text format, one registry per app, bounded label values, open to
loopback callers or with the metrics token."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families
from starlette.testclient import TestClient

from hub.entry.app import create_app
from hub.entry.setup_steps import push_own_documents
from hub.entry.widget_documents import news_document
from hub.metrics import HubMetrics, OperationNames
from tests.conftest import Database, make_database, prepare

TOKEN = "metrics-s3cret-token"
LOOPBACK = ("127.0.0.1", 50000)
REMOTE = ("203.0.113.9", 50000)
NAMED = "query OpenOpportunities { opportunities(first: 2) { totalCount } }"


@dataclass
class Scraped:
    local: TestClient
    remote: TestClient
    backend: str

    def samples(self) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        response = self.local.get("/metrics")
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
        return {(s.name, tuple(sorted(s.labels.items()))): s.value
                for family in text_string_to_metric_families(response.text)
                for s in family.samples}


@pytest.fixture(scope="module")
def hub(backend: Database) -> Iterator[Scraped]:
    settings = dataclasses.replace(backend.settings, metrics_token=TOKEN)
    app = create_app(settings)
    with TestClient(app, client=LOOPBACK) as local:
        yield Scraped(local, TestClient(app, client=REMOTE), backend.backend)


def value(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str,
          **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_requests_errors_latency_statements_and_pool_are_counted(hub: Scraped) -> None:
    before = hub.samples()
    graphql = {"route": "/graphql", "method": "POST", "status": "200"}
    assert hub.local.post("/graphql", json={"query": NAMED}).status_code == 200
    hub.local.post("/graphql", json={"query": "{ opportunities(first: -1) { totalCount } }"})
    refused = hub.local.post("/graphql", json={"query": "{ viewer { kind } }"},
                             headers={"Authorization": "Bearer not-a-token"})
    assert refused.status_code == 401
    assert hub.local.get("/no/such/page").status_code == 404
    after = hub.samples()

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew("tatawwu_http_requests_total", **graphql) == 2
    assert grew("tatawwu_http_requests_total", route="/graphql", method="POST",
                status="401") == 1
    assert grew("tatawwu_http_requests_total", route="unmatched", method="GET",
                status="404") == 1
    assert grew("tatawwu_graphql_errors_total", code="BAD_USER_INPUT") == 1
    assert grew("tatawwu_graphql_errors_total", code="UNAUTHENTICATED") == 1
    assert grew("tatawwu_graphql_operation_seconds_count", operation="OpenOpportunities") == 1
    assert grew("tatawwu_graphql_operation_seconds_count", operation="anonymous") == 2
    assert grew("tatawwu_sql_statements_per_request_count") >= 4
    assert grew("tatawwu_sql_statements_per_request_sum") >= 1  # the named query's
    if hub.backend == "postgresql":
        assert value(after, "tatawwu_db_pool_size") == 10
        assert value(after, "tatawwu_db_pool_checked_out") == 0
    # A scrape is a request too.
    assert grew("tatawwu_http_requests_total", route="/metrics", method="GET",
                status="200") == 1


def test_compiled_execution_is_reported_per_trusted_document(tmp_path: Path) -> None:
    """Per trusted document seen: compiled or not (and why not), and how many requests its
    plan answered; the news widget's document compiles (docs/compiled-execution.md)."""
    database = make_database("sqlite", tmp_path)
    prepare(database, demo=True)
    asyncio.run(push_own_documents(database.settings))
    document_id, _ = news_document()
    with TestClient(create_app(database.settings), client=LOOPBACK) as http:
        scraped = Scraped(http, http, "sqlite")
        for _ in range(3):
            answer = http.post("/graphql", json={
                "documentId": document_id, "variables": {"tenant": "dz-crescent", "first": 5}})
            assert answer.status_code == 200 and "errors" not in answer.json(), answer.text
        samples = scraped.samples()
    assert value(samples, "tatawwu_compiled_documents", document=document_id,
                 compiled="yes", reason="") == 1
    assert value(samples, "tatawwu_compiled_runs_total", document=document_id) == 3
    assert value(samples, "tatawwu_compiled_fallbacks_total", document=document_id) == 0


def test_metrics_are_for_loopback_callers_or_the_token(hub: Scraped) -> None:
    assert hub.remote.get("/metrics").status_code == 403
    wrong = hub.remote.get("/metrics", headers={"Authorization": "Bearer guess"})
    assert wrong.status_code == 403
    right = hub.remote.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 200 and "tatawwu_http_requests_total" in right.text
    # Behind a proxy on the same machine, the loopback address is everyone's.
    proxied = hub.local.get("/metrics", headers={"X-Forwarded-For": "198.51.100.7"})
    assert proxied.status_code == 403


def test_operation_names_are_bounded() -> None:
    names = OperationNames(cap=3)
    labels = [names.label(f"Op{i}", trusted=False, names_trusted_only=False) for i in range(6)]
    assert labels == ["Op0", "Op1", "Op2", "other", "other", "other"]
    assert names.label("Op1", trusted=False, names_trusted_only=False) == "Op1"
    assert names.label(None, trusted=False, names_trusted_only=False) == "anonymous"
    # Where documents are trusted ones, an ad-hoc document's name is not a label.
    assert names.label("Mine", trusted=False, names_trusted_only=True) == "unknown"
    assert OperationNames(cap=3).label("Mine", trusted=True, names_trusted_only=True) == "Mine"


def test_label_values_are_bounded_for_codes_and_methods() -> None:
    metrics = HubMetrics()
    metrics.observe(route="/graphql", method="BREW", status=405, seconds=0.01, operation=None,
                    trusted=False, codes=iter(["I_MADE_THIS_UP", "FORBIDDEN"]), statements=0)
    text = metrics.exposition().decode()
    assert 'method="other"' in text and "BREW" not in text
    assert 'code="other"' in text and "I_MADE_THIS_UP" not in text


def test_two_apps_never_share_a_registry() -> None:
    first, second = HubMetrics(), HubMetrics()  # the same names twice: no global registry
    first.requests.labels("/graphql", "GET", "200").inc()
    assert "tatawwu_http_requests_total{" in first.exposition().decode()
    assert "tatawwu_http_requests_total{" not in second.exposition().decode()
