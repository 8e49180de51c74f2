"""The audit trail of a compiled run is the standard executor's: the rows a request writes to
`audit_event` through the compiled hub are the rows the same request writes through the
reference hub (same events, same order), on both databases; also when a permission check
denies a field and the standard executor answers after a discarded run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from hub.db import models as m
from tests.compiled.hubs import Answer, Document, Pair, Side, push_text
from tests.dbtools import fetch
from tests.principals import TENANT

# Staff of the owning tenant, without a tenant filter: its own members, and volunteers of
# other tenants who share with the network, whose full name the Personal policy denies.
EVERYONE = """query Everyone($first: Int) { volunteers(first: $first) {
  edges { node { id displayName fullName email } } } }"""


def rows(pair: Pair, request_id: str) -> list[tuple[Any, ...]]:
    """The audit events a request wrote, in the order they were written (their ids)."""
    a = m.AuditEvent
    found = fetch(pair.database.settings, select(
        a.principal_kind, a.subject, a.tenant_id, a.action, a.object_type, a.object_id,
        a.details).where(a.request_id == request_id).order_by(a.id))
    return [tuple(row) for row in found]


def ask(side: Side, pair: Pair, document: Document, variables: dict[str, Any],
        request_id: str) -> Answer:
    headers = {**pair.headers["staff"], "Accept-Language": "fr", "X-Request-Id": request_id}
    return side.ask(document.id, variables, headers)


def audited(pair: Pair, document: Document, variables: dict[str, Any], name: str
            ) -> tuple[Answer, Answer, list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The same request (its own request id on each hub) and the rows each one wrote."""
    reference = ask(pair.reference, pair, document, variables, f"audit-off-{name}")
    compiled = ask(pair.compiled, pair, document, variables, f"audit-on-{name}")
    return (reference, compiled, rows(pair, f"audit-off-{name}"),
            rows(pair, f"audit-on-{name}"))


def test_q4_writes_the_same_audit_rows_compiled_or_not(pair: Pair) -> None:
    q4 = pair.documents["Q4"]
    reference, compiled, written, written_compiled = audited(
        pair, q4, {"tenant": TENANT, "first": 50}, "q4")
    assert (compiled.runs, compiled.fallbacks) == (1, 0)
    assert reference.body == compiled.body  # no error: no request id in the bodies
    assert len(written) > 5  # one read of personal data per volunteer of the page
    assert {row[3] for row in written} == {"read_personal_data"}
    assert written_compiled == written


def test_a_denied_run_writes_the_standard_executors_audit_rows(pair: Pair, tmp_path: Path
                                                              ) -> None:
    document = push_text(pair.database, tmp_path, EVERYONE)
    reference, compiled, written, written_compiled = audited(
        pair, document, {"first": 50}, "denied")
    assert (compiled.runs, compiled.fallbacks) == (0, 1)  # Personal denied a full name
    assert b'"FORBIDDEN"' in reference.body
    assert written  # the reads the policy allowed
    assert written_compiled == written
    status = pair.compiled.status(document.id)
    assert status is not None
    assert status.compiled
    assert status.last_fallback is not None
    assert status.last_fallback.startswith("Denied: Personal denied Volunteer.")
