"""The hub's log lines: one per event, as text (dev) or as one JSON object per line
(production), each carrying the id of the request it belongs to.

The request being served is a context variable (`RequestFacts`, set by the request id
middleware for the whole request): log lines, the metrics and the request line at its end
read it, and what the request learns on its way (the GraphQL operation's name, its SQL
statements) is written into it. A context variable, not a parameter, because the lines are
written deep inside libraries (SQLAlchemy's events, strawberry's extensions) that know
nothing of Starlette's request.
"""

from __future__ import annotations

import logging
import logging.config
import time
from contextvars import ContextVar, Token
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

import orjson

REQUEST_LOGGER = "hub.requests"
#: The request line's own fields, beside time, level, logger, message and request_id.
REQUEST_FIELDS = ("method", "path", "status", "duration_ms", "operation")


@dataclass(slots=True)
class RequestFacts:
    """What is known of the request being served."""

    request_id: str
    method: str = ""
    path: str = ""
    started: float = field(default_factory=time.perf_counter)
    operation: str | None = None  # the GraphQL operation's name, once parsed
    statements: int = 0  # SQL statements run for it


_current: ContextVar[RequestFacts | None] = ContextVar("tatawwu_request", default=None)


def current_request() -> RequestFacts | None:
    """The request being served in this context, if any."""
    return _current.get()


def begin_request(facts: RequestFacts) -> Token[RequestFacts | None]:
    return _current.set(facts)


def end_request(token: Token[RequestFacts | None]) -> None:
    _current.reset(token)


class RequestIdFilter(logging.Filter):
    """Gives every record `request_id` ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            facts = _current.get()
            record.request_id = facts.request_id if facts is not None else "-"
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, request_id,
    the request line's fields when present, and the traceback of an exception."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds").replace("+00:00", "Z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        for name in REQUEST_FIELDS:
            value = getattr(record, name, None)
            if value is not None:
                line[name] = value
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(line, default=str).decode()


TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"


def logging_config(log_format: Literal["text", "json"], level: str = "info"
                   ) -> dict[str, Any]:
    """A `logging.config.dictConfig` (also uvicorn's `log_config`): every logger, uvicorn's
    included, through one handler on standard error in `log_format`. uvicorn's access log is
    off: the hub writes its own request line (`hub.requests`), with the request id and
    the operation's name."""
    formatter: dict[str, Any] = ({"()": JsonFormatter} if log_format == "json"
                                 else {"format": TEXT_FORMAT})
    level = level.upper()
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"hub": formatter},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "hub",
                                "filters": ["request_id"], "stream": "ext://sys.stderr"}},
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            "uvicorn": {"handlers": [], "level": level, "propagate": True},
            "uvicorn.error": {"handlers": [], "level": level, "propagate": True},
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
        },
    }


def configure_logging(log_format: Literal["text", "json"], level: str = "info") -> None:
    """Apply `logging_config` to this process."""
    logging.config.dictConfig(logging_config(log_format, level))


def log_request(facts: RequestFacts, status: int) -> None:
    """The request line, at its end: method, path, status, duration and operation."""
    log = logging.getLogger(REQUEST_LOGGER)
    if not log.isEnabledFor(logging.INFO):
        return
    duration_ms = round((time.perf_counter() - facts.started) * 1000, 1)
    operation = facts.operation or "-"
    log.info("%s %s %s %.1fms %s", facts.method, facts.path, status, duration_ms, operation,
             extra={"request_id": facts.request_id, "method": facts.method,
                    "path": facts.path, "status": status, "duration_ms": duration_ms,
                    "operation": facts.operation})
