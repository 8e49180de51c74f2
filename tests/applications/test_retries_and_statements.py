"""Retried mutations (a client key: `clientMutationId` or the `Idempotency-Key` header) and
the SQL statements of apply, decide, log and verify: bounded, and the same whatever the
number of applications and hours already stored or verified at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from hub.db import models as m
from resolvers.applications.rules import local_today
from tests.applications.documents import APPLY, DECIDE, LOG, VERIFY
from tests.applications.world import World, code_of, gid

# As measured: a request's statements, the row-security prelude and the system blocks'
# role switches (PostgreSQL) included. They must not grow unnoticed. What the writes set
# going adds to them (2026-12-07): an application's webhook deliveries (1) and the
# statistics' rollups (apply and decide +5, verify +6 with the tenant's badge rules read
# and evaluated, 2).
BOUNDS = {"sqlite": {"apply": 14, "decide": 10, "log": 9, "verify": 15},
          "postgresql": {"apply": 18, "decide": 16, "log": 11, "verify": 21}}


def statements(world: World, query: str, variables: dict[str, Any],
               headers: dict[str, str]) -> int:
    world.client.counter.statements.clear()
    world.ok(query, variables, headers)
    return world.client.counter.count


def day(days_ago: int) -> str:
    return (local_today("Africa/Algiers") - timedelta(days=days_ago)).isoformat()


def test_a_retry_has_one_effect_and_the_same_answer(world: World) -> None:
    oid = world.new_opportunity(capacity=None)
    vid = world.new_volunteer()
    headers = world.volunteer(vid)
    variables = {"input": {"opportunityId": gid("Opportunity", oid),
                           "clientMutationId": "a1b2c3"}}
    first = world.ok(APPLY, variables, headers)["applyToOpportunity"]
    again = world.ok(APPLY, variables, headers)["applyToOpportunity"]
    assert again == first
    assert world.count(m.Application, m.Application.volunteer_id == vid) == 1
    assert world.count(m.AuditEvent, m.AuditEvent.object_id == first["id"]) == 1
    assert world.count(m.Notification, m.Notification.volunteer_id == vid) == 1
    # The same key for another input: CONFLICT, nothing written.
    other = world.new_opportunity(capacity=None)
    body = world.call(APPLY, {"input": {"opportunityId": gid("Opportunity", other),
                                        "clientMutationId": "a1b2c3"}}, headers)
    assert code_of(body) == "CONFLICT"
    assert world.count(m.Application, m.Application.volunteer_id == vid) == 1
    # Keys are per caller: another volunteer's same key is theirs.
    someone = world.new_volunteer()
    world.ok(APPLY, variables, world.volunteer(someone))
    assert world.count(m.Application, m.Application.volunteer_id == someone) == 1
    # The header: logging the same hours twice (a lost answer) makes one entry.
    logged = {"input": {"applicationId": first["id"], "date": day(1), "hours": 3}}
    keyed = {**headers, "Idempotency-Key": "log-7f3e"}
    one = world.ok(LOG, logged, keyed)["logHours"]
    two = world.ok(LOG, logged, keyed)["logHours"]
    assert one == two
    assert world.count(m.HoursEntry, m.HoursEntry.volunteer_id == vid) == 1
    # A failed attempt stores nothing: the retry runs again (and fails again).
    full = {"input": {"applicationId": first["id"], "date": day(1), "hours": 22,
                      "clientMutationId": "too-much"}}
    assert code_of(world.call(LOG, full, headers)) == "BAD_USER_INPUT"
    assert code_of(world.call(LOG, full, headers)) == "BAD_USER_INPUT"
    too_long = world.call(LOG, {"input": {**logged["input"], "clientMutationId": "k" * 121}},
                          headers)
    assert too_long["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT",
                                                   "argument": "input.clientMutationId"}
    assert code_of(world.call(LOG, logged, {**headers, "Idempotency-Key": "h" * 121})
                   ) == "BAD_USER_INPUT"


def test_statements_are_bounded_and_do_not_grow(world: World) -> None:
    admin = world.staff("admin")
    bounds = BOUNDS[world.backend]
    counts: dict[str, list[int]] = {k: [] for k in bounds}
    # applications already there; hours logged, then verified at once (half hours: 15 of
    # them stay under every demo badge's threshold, which would add an award's statements)
    for crowd in (1, 15):
        oid = world.new_opportunity(capacity=None, acceptance="REVIEW",
                                    starts_at=datetime.now(UTC) - timedelta(days=60))
        for _ in range(crowd):  # applications already there
            world.ok(APPLY, {"input": {"opportunityId": gid("Opportunity", oid)}},
                     world.volunteer(world.new_volunteer()))
        vid = world.new_volunteer()
        counts["apply"].append(statements(world, APPLY, {"input": {
            "opportunityId": gid("Opportunity", oid)}}, world.volunteer(vid)))
        owner = world.new_volunteer()
        application = world.ok(APPLY, {"input": {"opportunityId": gid("Opportunity", oid)}},
                               world.volunteer(owner))["applyToOpportunity"]
        counts["decide"].append(statements(world, DECIDE, {"input": {
            "applicationId": application["id"], "decision": "ACCEPTED"}}, admin))
        entries = [world.ok(LOG, {"input": {"applicationId": application["id"],
                                            "date": day(d + 1), "hours": 0.5}},
                            world.volunteer(owner))["logHours"]["id"]
                   for d in range(crowd)]
        counts["log"].append(statements(world, LOG, {"input": {
            "applicationId": application["id"], "date": day(0), "hours": 1}},
            world.volunteer(owner)))
        counts["verify"].append(statements(world, VERIFY, {"input": {
            "entryIds": entries, "approve": True}}, admin))
    for name, (small, large) in counts.items():
        assert small == large, (name, counts)
        assert small <= bounds[name], (name, counts)
    print(world.backend, {k: v[0] for k, v in counts.items()})
