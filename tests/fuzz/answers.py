"""What every answer of the hub must be, whatever the document: the fuzz tests' one oracle.

An answer is valid JSON with `data` or `errors`; no server error (5xx), no
INTERNAL_SERVER_ERROR (an unexpected exception the masking caught is still a crash); every
error has a code; and nothing a caller reads gives away Python, SQL or driver internals
(a traceback, a module path, an exception class, a statement).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final

import orjson

from hub.errors import ErrorCode

CODES: Final = frozenset(code.value for code in ErrorCode) - {
    ErrorCode.INTERNAL_SERVER_ERROR.value}
# Python, SQL and driver details that no message may carry: English GraphQL wording
# ("Expected value of type 'Int'...") is fine, a stack frame or an exception class is not.
LEAKS: Final = re.compile(
    r"Traceback \(most recent call last\)|File \"[^\"]+\", line \d+|\.py\b|"
    r"\b(?:KeyError|TypeError|ValueError|AttributeError|IndexError|AssertionError|"
    r"RecursionError|UnicodeError|OverflowError|ZeroDivisionError|NoneType|"
    r"sqlalchemy|asyncpg|aiosqlite|sqlite3|psycopg|IntegrityError|DataError|"
    r"ProgrammingError|OperationalError)\b|\bSELECT\b.+\bFROM\b|\bINSERT INTO\b|"
    r"object has no attribute|unexpected keyword argument|positional argument",
    re.IGNORECASE,
)


class BadAnswer(AssertionError):
    """The hub answered something no document should ever get."""


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def check_answer(status: int, content: bytes, *, document: str = "") -> dict[str, Any]:
    """The decoded answer, once it passes the oracle; BadAnswer (naming the document)
    otherwise."""
    where = f"\n--- document ---\n{document[:2000]}\n--- answer ({status}) ---\n" \
        f"{content[:2000]!r}"
    if status >= 500:
        raise BadAnswer(f"server error {status}{where}")
    try:
        body = orjson.loads(content)
    except orjson.JSONDecodeError as exc:
        raise BadAnswer(f"not JSON{where}") from exc
    if not isinstance(body, dict) or not ({"data", "errors"} & set(body)):
        raise BadAnswer(f"neither data nor errors{where}")
    errors = body.get("errors") or []
    if not isinstance(errors, list):
        raise BadAnswer(f"errors is not a list{where}")
    for error in errors:
        code = (error.get("extensions") or {}).get("code") if isinstance(error, dict) else None
        if code == ErrorCode.INTERNAL_SERVER_ERROR.value:
            raise BadAnswer(f"INTERNAL_SERVER_ERROR{where}")
        if code not in CODES:
            raise BadAnswer(f"an error without a known code ({code!r}){where}")
        if not isinstance(error.get("message"), str) or not error["message"]:
            raise BadAnswer(f"an error without a message{where}")
        for text in _strings({k: v for k, v in error.items() if k != "path"}):
            leak = LEAKS.search(text)
            if leak is not None:
                raise BadAnswer(f"internal detail {leak.group(0)!r} in {text[:300]!r}{where}")
    return dict(body)


class Tally:
    """What a fuzz run's answers were, to prove that it was not hollow: a run whose every
    document was refused by a rate limit, or before any resolver ran, tested nothing."""

    def __init__(self) -> None:
        self.answers = 0
        self.reached = 0  # answers with data, or with an error of a field (a resolver ran)
        self.rate_limited = 0

    def add(self, body: dict[str, Any]) -> None:
        self.answers += 1
        errors = body.get("errors") or []
        codes = {(e.get("extensions") or {}).get("code") for e in errors}
        self.rate_limited += ErrorCode.RATE_LIMITED.value in codes
        self.reached += body.get("data") is not None or any(e.get("path") for e in errors)

    def check(self) -> None:
        assert self.rate_limited == 0, f"{self.rate_limited} of {self.answers} answers were " \
            "RATE_LIMITED: the fuzz run was throttled, not tested (raise the budget in its app)"
        assert self.reached, f"none of {self.answers} documents reached a resolver"
