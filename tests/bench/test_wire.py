"""The bench's statement count per request on the wire leaves out what the hub does in the
background (the live dispatcher's poll for due emergency calls) on the same pooled
connections, whole transaction by whole transaction."""

from __future__ import annotations

from bench.wire import request_statements

POLL = ["BEGIN;", "SELECT min(emergency_call.due_at) AS min_1 ", "COMMIT;"]
REQUEST = ["BEGIN;", "SELECT set_config('role', $1::VARCHAR, true)",
           "SELECT opportunity.id FROM opportunity", "ROLLBACK;"]


def test_the_dispatchers_poll_is_not_a_requests_statement() -> None:
    # one backend: a poll, a request, a poll; another backend: a request
    lines = ([("11", s) for s in POLL] + [("11", s) for s in REQUEST]
             + [("11", s) for s in POLL] + [("12", s) for s in REQUEST])
    assert request_statements(lines) == 2 * len(REQUEST)


def test_statements_outside_a_transaction_count() -> None:
    lines = [("7", "SELECT 1"), ("7", "show transaction isolation level")]
    assert request_statements(lines + [("7", s) for s in REQUEST]) == 2 + len(REQUEST)


def test_interleaved_backends_keep_their_own_transactions() -> None:
    poll, request = iter(POLL), iter(REQUEST)
    lines = []
    for _ in range(3):
        lines += [("1", next(poll)), ("2", next(request))]
    lines.append(("2", next(request)))
    assert request_statements(lines) == len(REQUEST)
