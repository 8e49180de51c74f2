"""`Volunteer.certificates`: the volunteer's own, and staff's of their society, newest first;
nobody else's; a page of volunteers with their certificates costs the same statements
whatever its size. On SQLite and PostgreSQL.

Needs `VolunteerCertificateFields` among Volunteer's bases (schema/volunteers/types.py)."""

from __future__ import annotations

from sqlalchemy import update

from hub.db import models as m
from hub.ids import encode_id
from tests.applications.world import OTHER_TENANT, TENANT, World, code_of
from tests.certificates.flow import certificates, complete, opportunity, serve, verify, volunteer
from tests.dbtools import fetch

MINE = """query($id: ID!) { volunteer(id: $id) { certificates { code hours tenant { slug }
  volunteerName opportunityTitle revokedAt } } }"""
PAGE = """query($first: Int!, $after: String) { volunteers(first: $first, after: $after) {
  edges { node { id certificates { code hours volunteerName opportunityTitle hoursDisplay
  tenant { slug } } } } } }"""
CURSORS = """{ volunteers(first: 100) { edges { cursor node { id } } } }"""


def test_the_volunteer_and_the_issuing_staff_see_them(world: World) -> None:
    vid = volunteer(world, TENANT, first="Samir", last="Kaci")
    # A member of T who shares with the network, certified by T twice and by another society.
    fetch(world.database.settings, update(m.Volunteer).where(m.Volunteer.id == vid).values(
        shares_with_network=True))
    for tenant, hours in ((TENANT, 2), (TENANT, 3), (OTHER_TENANT, 4)):
        service = serve(world, tenant, vid, ((1, hours),))
        verify(world, service)
        complete(world, service)
    issued = certificates(world, vid)
    assert len(issued) == 3
    variables = {"id": encode_id("Volunteer", vid)}
    own = world.ok(MINE, variables, world.volunteer(vid))["volunteer"]["certificates"]
    assert [c["code"] for c in own] == [c.code for c in reversed(issued)]  # newest first
    assert {c["volunteerName"] for c in own} == {"Samir Kaci"}
    staff = world.ok(MINE, variables, world.staff("viewer"))["volunteer"]["certificates"]
    assert [(c["hours"], c["tenant"]["slug"]) for c in staff] == [(3, TENANT), (2, TENANT)]
    # Staff of the other society reach the volunteer (shared with the network), not their
    # certificates: personal records of a society they do not belong to.
    other = world.call(MINE, variables, world.staff("admin", OTHER_TENANT))
    assert code_of(other) == "FORBIDDEN" and other["data"]["volunteer"]["certificates"] is None
    stranger = volunteer(world, TENANT)
    assert world.ok(MINE, variables, world.volunteer(stranger))["volunteer"] is None


def test_a_page_of_volunteers_with_certificates_costs_the_same_statements(
        world: World) -> None:
    oid = opportunity(world, TENANT)
    holders = []
    for n in range(3):
        vid = volunteer(world, TENANT, first=f"Page{n}", last="Holder")
        service = serve(world, TENANT, vid, ((1, 1 + n),), oid=oid)
        verify(world, service)
        complete(world, service)
        holders.append(encode_id("Volunteer", vid))
    # The page starts at the first of them (volunteers are listed oldest first).
    edges = world.ok(CURSORS, {}, world.staff("admin"))["volunteers"]["edges"]
    at = [e["node"]["id"] for e in edges].index(holders[0])
    after = edges[at - 1]["cursor"] if at else None
    counts = {}
    for size in (1, 3):
        world.client.counter.statements.clear()
        body = world.ok(PAGE, {"first": size, "after": after}, world.staff("admin"))
        counts[size] = world.client.counter.count
        nodes = [e["node"] for e in body["volunteers"]["edges"]]
        assert [node["id"] for node in nodes] == holders[:size]
        assert [[c["hours"] for c in node["certificates"]] for node in nodes] == [
            [1 + n] for n in range(size)]
    assert counts[1] == counts[3], counts
