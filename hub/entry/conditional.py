"""Conditional GET for what the hub publishes outside GraphQL (feeds, calendars, news pages):
validators made from the records an answer shows, and `304 Not Modified` when the client's
copy is current.

The ETag hashes the identity and version of every record shown (id, update time, texts'
update times, publication and cancellation), the language and whatever else the answer
depends on; it changes when a record is added, changed or leaves the answer. Last-Modified
is the newest of those moments. As HTTP says (RFC 9110, 13.2.2), `If-None-Match` wins over
`If-Modified-Since` when both are sent: a record that only left the answer (archived, or
pushed out by newer ones) changes the ETag, not necessarily Last-Modified.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any

import orjson
from starlette.requests import Request
from starlette.responses import Response

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
# Bumped when the shape of what the validators cover changes (a new element in the feeds),
# so that clients do not keep an old rendering as current.
RENDERING = "1"


@dataclass(frozen=True, slots=True)
class Version:
    """The validators of one answer."""

    etag: str  # quoted, as sent
    last_modified: datetime  # UTC, whole seconds

    @classmethod
    def of(cls, parts: Iterable[Any], moments: Iterable[datetime]) -> Version:
        """From what the answer depends on (JSON-able parts) and when its records last
        changed (the newest wins; none: a fixed old date)."""
        digest = hashlib.sha256(orjson.dumps([RENDERING, *parts])).hexdigest()[:32]
        newest = max(moments, default=EPOCH).astimezone(UTC).replace(microsecond=0)
        return cls(f'"{digest}"', newest)

    def headers(self, max_age: int) -> dict[str, str]:
        return {"ETag": self.etag,
                "Last-Modified": format_datetime(self.last_modified, usegmt=True),
                "Cache-Control": f"public, max-age={max_age}"}

    def is_current(self, request: Request) -> bool:
        """Whether the client's copy (named by its conditional headers) is this one."""
        wanted = request.headers.get("if-none-match")
        if wanted is not None:
            tags = {_weakless(tag) for tag in wanted.split(",")}
            return "*" in tags or self.etag in tags
        since = _parsed(request.headers.get("if-modified-since"))
        return since is not None and self.last_modified <= since

    def answer(self, request: Request, build: Callable[[], bytes | str], *, media_type: str,
               max_age: int, headers: dict[str, str] | None = None) -> Response:
        """304 when the client's copy is current, else the body that `build()` makes
        (called only then), with the validators."""
        all_headers = {**self.headers(max_age), **(headers or {})}
        if request.method in ("GET", "HEAD") and self.is_current(request):
            return Response(status_code=304, headers=all_headers)
        return Response(build(), media_type=media_type, headers=all_headers)


def _weakless(tag: str) -> str:
    tag = tag.strip()
    return tag[2:] if tag.startswith("W/") else tag


def _parsed(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None  # a malformed date is ignored, as HTTP says
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
