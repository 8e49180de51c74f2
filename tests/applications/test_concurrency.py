"""Races with real concurrent connections: volunteers racing for the last place (exactly
one gets it), and a phone's concurrent retries of one change (one effect, one answer).

Each racer is a hub of its own (its own engine and connection pool) on the same database,
driven from its own thread; a barrier releases them together."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from hub.db import models as m
from hub.entry.app import create_app
from tests.applications.documents import APPLY
from tests.applications.world import World, gid

RACERS = 3
ROUNDS = 20


@pytest.fixture
def racers(world: World) -> Iterator[list[TestClient]]:
    clients = [TestClient(create_app(world.database.settings)) for _ in range(RACERS)]
    for client in clients:
        client.__enter__()
    try:
        yield clients
    finally:
        for client in clients:
            client.__exit__(None, None, None)


def race(clients: list[TestClient], requests: list[tuple[str, dict[str, Any], dict[str, str]]]
         ) -> list[dict[str, Any]]:
    """Send request i through client i, all at once; the JSON answers."""
    barrier = threading.Barrier(len(requests))
    answers: list[dict[str, Any]] = [{} for _ in requests]

    def run(i: int) -> None:
        query, variables, headers = requests[i]
        barrier.wait()
        response = clients[i].post("/graphql", json={"query": query, "variables": variables},
                                   headers=headers)
        answers[i] = response.json()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(requests))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return answers


def test_racing_for_the_last_place(world: World, racers: list[TestClient]) -> None:
    for _ in range(ROUNDS):
        oid = world.new_opportunity(capacity=1, acceptance="AUTOMATIC")
        people = [world.new_volunteer() for _ in range(RACERS)]
        variables = {"input": {"opportunityId": gid("Opportunity", oid)}}
        answers = race(racers, [(APPLY, variables, world.volunteer(v)) for v in people])
        assert all("errors" not in a for a in answers), answers
        statuses = sorted(a["data"]["applyToOpportunity"]["status"] for a in answers)
        assert statuses == ["ACCEPTED"] + ["WAITLISTED"] * (RACERS - 1)
        assert sorted(world.statuses(oid).values()) == statuses
        assert world.filled(oid) == 1
        positions = sorted(a["data"]["applyToOpportunity"]["waitlistPosition"] or 0
                           for a in answers)
        assert positions == list(range(RACERS)), "one accepted, then 1, 2, ... in line"


def test_concurrent_retries_have_one_effect(world: World, racers: list[TestClient]) -> None:
    for n in range(5):
        oid = world.new_opportunity(capacity=None, acceptance="AUTOMATIC")
        vid = world.new_volunteer()
        variables = {"input": {"opportunityId": gid("Opportunity", oid),
                               "clientMutationId": f"phone-retry-{n}"}}
        answers = race(racers, [(APPLY, variables, world.volunteer(vid))] * RACERS)
        assert all("errors" not in a for a in answers), answers
        ids = {a["data"]["applyToOpportunity"]["id"] for a in answers}
        assert len(ids) == 1, answers
        assert world.count(m.Application, m.Application.volunteer_id == vid) == 1
        assert world.count(m.AuditEvent, m.AuditEvent.action == "apply_to_opportunity",
                           m.AuditEvent.object_id == ids.pop()) == 1
