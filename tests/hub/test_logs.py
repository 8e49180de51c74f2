"""Log lines: one JSON object per line in production (text in dev), each with the request id
of the request it was written in, and one request line per request."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest

from hub.config import Settings
from hub.logs import (
    REQUEST_LOGGER,
    JsonFormatter,
    RequestFacts,
    RequestIdFilter,
    begin_request,
    end_request,
)
from tests.conftest import HubClient

ROOT = Path(__file__).resolve().parents[2]


def formatted(record: logging.LogRecord) -> dict[str, object]:
    RequestIdFilter().filter(record)
    line = JsonFormatter().format(record)
    assert "\n" not in line
    parsed: dict[str, object] = json.loads(line)
    return parsed


def record(message: str, *args: object, exc: bool = False) -> logging.LogRecord:
    exc_info = None
    if exc:
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            exc_info = sys.exc_info()
    return logging.LogRecord("tatawwu.errors", logging.ERROR, __file__, 1, message, args,
                             exc_info)


def test_a_json_line_names_time_level_logger_message_and_request() -> None:
    token = begin_request(RequestFacts("req-42", "POST", "/graphql"))
    try:
        line = formatted(record("3 errors for %s", "you\nforged"))
    finally:
        end_request(token)
    assert line["level"] == "ERROR" and line["logger"] == "tatawwu.errors"
    assert line["message"] == "3 errors for you\nforged" and line["request_id"] == "req-42"
    assert str(line["time"]).endswith("Z")
    outside = formatted(record("no request", exc=True))
    assert outside["request_id"] == "-"
    assert "RuntimeError: boom" in str(outside["exception"])


def test_every_request_writes_one_request_line(client: HubClient,
                                               caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger=REQUEST_LOGGER):
        client.http.post("/graphql?secret=x", headers={"X-Request-Id": "trace-me-1"},
                         json={"query": "query Mine { viewer { kind } }"})
    (line,) = [r for r in caplog.records if r.name == REQUEST_LOGGER]
    parsed = formatted(line)
    assert {k: parsed[k] for k in ("method", "path", "status", "operation", "request_id")} == {
        "method": "POST", "path": "/graphql", "status": 200, "operation": "Mine",
        "request_id": "trace-me-1"}
    assert isinstance(parsed["duration_ms"], float)
    assert "secret" not in json.dumps(parsed)  # the query string (GET variables) stays out


def test_production_logs_json_by_default_through_uvicorn_too() -> None:
    assert Settings.from_env({"HUB_MODE": "production"}).log_format == "json"
    assert Settings.from_env({}).log_format == "text"
    script = (
        "import logging, uvicorn\n"
        "from hub.logs import logging_config\n"
        "config = uvicorn.Config('x:y', log_config=logging_config('json', 'info'))\n"
        "logging.getLogger('uvicorn.error').info('Started server process')\n"
        "logging.getLogger('uvicorn.access').info('the access log is the hub request line')\n"
        "logging.getLogger('tatawwu.auth').warning('token refused')\n"
    )
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=True)
    lines = [json.loads(line) for line in done.stderr.splitlines()]
    assert [(x["logger"], x["level"], x["message"]) for x in lines] == [
        ("uvicorn.error", "INFO", "Started server process"),
        ("tatawwu.auth", "WARNING", "token refused")]
    assert all(x["request_id"] == "-" for x in lines)
