"""The rollups kept right by the writes, on SQLite and PostgreSQL: after a random sequence
of applications, decisions, withdrawals, completions, hours logged, approved, rejected and
corrected through the API, the statistics equal a recomputation from the records, and the
rollups equal a rebuild; a review of many entries costs the rollups the same statements as
one; `tatawwu statistics rebuild` rebuilds."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, insert, select

from hub.db import models as m
from hub.db.models.statistics import StatisticsFact
from hub.entry.statistics_admin import statistics
from hub.ids import decode_id, encode_id
from resolvers.applications.rules import local_today
from tests.applications.documents import APPLY, COMPLETE, DECIDE, LOG, VERIFY, WITHDRAW
from tests.statistics.world import StatsWorld, T, cells_by, open_stats_world, rebuild
from tests.statistics.world import rollup_tables as tables

METRICS = ["VERIFIED_HOURS", "ACTIVE_VOLUNTEERS", "APPLICATIONS", "COMPLETED_PARTICIPATIONS"]
YEAR = {"from": "2026-01-01", "to": "2026-12-31"}


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def world(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> Iterator[StatsWorld]:
    """This module's own surveyed database (its writes change it)."""
    yield from open_stats_world(request.param, tmp_path_factory.mktemp(f"roll-{request.param}"))


def _opportunity(world: StatsWorld, category: str, acceptance: str, capacity: int | None,
                 region: str | None, emergency: bool) -> int:
    o, now = m.Opportunity, datetime.now(UTC)
    return int(world.fetch(insert(o).values(
        tenant_id=world.tenants[T], format="ONSITE" if region else "REMOTE",
        category_code=category, country="DZ" if region else None, region=region,
        is_ongoing=True, capacity=capacity, filled_spots=0, is_emergency=emergency,
        visibility="PUBLIC", status="PUBLISHED", published_at=now, acceptance=acceptance,
        starts_at=datetime(2026, 1, 1, tzinfo=UTC), created_at=now, updated_at=now,
    ).returning(o.id))[0][0])


def _volunteer(world: StatsWorld, group: str | None) -> int:
    now = datetime.now(UTC)
    vid = int(world.fetch(insert(m.Volunteer).values(
        subject=f"test|roll-{world.backend}-{random.random()}", first_name="Roll",
        last_name="Volunteer", languages=["ar"], shares_with_network=False,
        verified_hours=0.0, group=group, birth_year=1990, created_at=now, updated_at=now,
    ).returning(m.Volunteer.id))[0][0])
    world.fetch(insert(m.Membership).values(
        tenant_id=world.tenants[T], volunteer_id=vid, joined_at=now, status="ACTIVE"))
    return vid


def _state(world: StatsWorld) -> tuple[dict[int, tuple[int, str]], dict[int, str]]:
    a, e = m.Application, m.HoursEntry
    apps = {int(i): (int(v), s) for i, v, s in world.fetch(select(
        a.id, a.volunteer_id, a.status).where(a.tenant_id == world.tenants[T]))}
    entries = {int(i): s for i, s in world.fetch(select(e.id, e.status).where(
        e.tenant_id == world.tenants[T]))}
    return apps, entries


def play(world: StatsWorld, steps: int, seed: int) -> Counter[str]:
    """`steps` random writes through the API; how many of each succeeded."""
    rnd = random.Random(seed)
    admin = world.staff(T, "admin")
    opportunities = [_opportunity(world, category, acceptance, capacity, region, emergency)
                     for category, acceptance, capacity, region, emergency in (
                         ("health", "AUTOMATIC", None, "Oran", False),
                         ("relief", "AUTOMATIC", 1, None, True),
                         ("education", "REVIEW", 2, "Sétif", False))]
    volunteers = [_volunteer(world, group) for group in ("EMPLOYED", None, "PUPIL", "RETIREE",
                                                          "EMPLOYED", "UNIVERSITY_STUDENT")]
    today = local_today("Africa/Algiers")
    done: Counter[str] = Counter()

    def ok(name: str, body: dict[str, Any]) -> None:
        if "errors" not in body:
            done[name] += 1
        else:  # refusals are part of the game; anything else is a bug
            assert body["errors"][0]["extensions"]["code"] in (
                "CONFLICT", "BAD_USER_INPUT", "FORBIDDEN"), body

    for _ in range(steps):
        apps, entries = _state(world)
        kind = rnd.choice(("apply", "apply", "decide", "log", "log", "log", "verify",
                           "verify", "correct", "complete", "withdraw"))
        if kind == "apply":
            vid, oid = rnd.choice(volunteers), rnd.choice(opportunities)
            ok(kind, world.client.post(APPLY, {"input": {
                "opportunityId": encode_id("Opportunity", oid)}}, world.volunteer(vid)))
            continue
        by_status: dict[str, list[int]] = defaultdict(list)
        for app_id, (_vid, status) in apps.items():
            by_status[status].append(app_id)
        if kind == "decide" and (waiting := by_status["APPLIED"] + by_status["WAITLISTED"]):
            decision = rnd.choice(("ACCEPTED", "REJECTED"))
            ok(kind, world.client.post(DECIDE, {"input": {
                "applicationId": encode_id("Application", rnd.choice(waiting)),
                "decision": decision, **({"reason": "SCHEDULE"}
                                         if decision == "REJECTED" else {})}}, admin))
        elif kind == "log" and (serving := by_status["ACCEPTED"] + by_status["COMPLETED"]):
            app_id = rnd.choice(serving)
            day = today - timedelta(days=rnd.randint(0, 150))
            ok(kind, world.client.post(LOG, {"input": {
                "applicationId": encode_id("Application", app_id), "date": day.isoformat(),
                "hours": rnd.choice((1, 1.5, 2, 3.25, 4))}}, world.volunteer(apps[app_id][0])))
        elif kind in ("verify", "correct"):
            wanted = "PENDING" if kind == "verify" else "APPROVED"
            found = sorted(i for i, s in entries.items() if s == wanted)
            if found:
                chosen = rnd.sample(found, min(len(found), rnd.randint(1, 4)))
                ok(kind, world.client.post(VERIFY, {"input": {
                    "entryIds": [encode_id("HoursEntry", i) for i in chosen],
                    "approve": kind == "verify" and rnd.random() < 0.8}}, admin))
        elif kind == "complete" and by_status["ACCEPTED"]:
            ok(kind, world.client.post(COMPLETE, {"input": {
                "applicationId": encode_id("Application", rnd.choice(by_status["ACCEPTED"])),
                "status": rnd.choice(("COMPLETED", "COMPLETED", "NO_SHOW"))}}, admin))
        elif kind == "withdraw" and (open_ := by_status["APPLIED"] + by_status["ACCEPTED"]):
            app_id = rnd.choice(open_)
            ok(kind, world.client.post(WITHDRAW, {"input": {
                "applicationId": encode_id("Application", app_id)}},
                world.volunteer(apps[app_id][0])))
    return done


def recomputed(world: StatsWorld) -> dict[tuple[str, str], dict[str, float]]:
    """The staff's view by month and category, computed from the records themselves."""
    e, a, o = m.HoursEntry, m.Application, m.Opportunity
    cells: dict[tuple[str, str], dict[str, Any]] = defaultdict(lambda: {
        "VERIFIED_HOURS": 0.0, "ACTIVE_VOLUNTEERS": set(), "APPLICATIONS": 0,
        "COMPLETED_PARTICIPATIONS": 0})
    t = world.tenants[T]
    for day, hours, vid, category in world.fetch(select(
            e.date, e.hours, e.volunteer_id, o.category_code)
            .join(a, a.id == e.application_id).join(o, o.id == a.opportunity_id)
            .where(e.tenant_id == t, e.status == "APPROVED")):
        cell = cells[(f"{day:%Y-%m}", category)]
        cell["VERIFIED_HOURS"] += hours
        cell["ACTIVE_VOLUNTEERS"].add(vid)
    for applied, completed, status, category in world.fetch(select(
            a.applied_at, a.completed_at, a.status, o.category_code)
            .join(o, o.id == a.opportunity_id).where(a.tenant_id == t)):
        cells[(f"{applied:%Y-%m}", category)]["APPLICATIONS"] += 1
        if status == "COMPLETED" and completed is not None:
            cells[(f"{completed:%Y-%m}", category)]["COMPLETED_PARTICIPATIONS"] += 1
    return {key: {"VERIFIED_HOURS": round(c["VERIFIED_HOURS"], 2),
                  "ACTIVE_VOLUNTEERS": len(c["ACTIVE_VOLUNTEERS"]),
                  "APPLICATIONS": c["APPLICATIONS"],
                  "COMPLETED_PARTICIPATIONS": c["COMPLETED_PARTICIPATIONS"]}
            for key, c in cells.items()}


def test_writes_keep_the_rollups_right(world: StatsWorld) -> None:
    done = play(world, steps=45, seed=15)
    assert done["apply"] and done["log"] and done["verify"], done
    staff = world.staff(T)
    answer = cells_by(world.stats(staff, METRICS, ["MONTH", "CATEGORY"], **YEAR))
    assert answer == recomputed(world)
    # The short road (time and tenant only) agrees with the records too.
    months: dict[str, float] = defaultdict(float)
    for (month, _category), cell in recomputed(world).items():
        months[month] += cell["VERIFIED_HOURS"]
    by_month = cells_by(world.stats(staff, ["VERIFIED_HOURS"], ["MONTH"], **YEAR))
    assert {k[0]: v["VERIFIED_HOURS"] for k, v in by_month.items()} == {
        k: round(v, 2) for k, v in months.items()}
    # What the writes kept is what a rebuild computes.
    kept = tables(world)
    assert kept["statistics_fact"]
    rebuild(world.sql)
    assert tables(world) == kept


def test_a_review_costs_the_rollups_the_same_statements_for_one_entry_or_many(
        world: StatsWorld) -> None:
    admin, today = world.staff(T, "admin"), local_today("Africa/Algiers")
    oid = _opportunity(world, "health", "AUTOMATIC", None, "Oran", False)
    costs = []
    for count in (1, 4):
        pending = []
        for _ in range(count):
            vid = _volunteer(world, "EMPLOYED")
            app = world.client.data(APPLY, {"input": {
                "opportunityId": encode_id("Opportunity", oid)}}, world.volunteer(vid))
            entry = world.client.data(LOG, {"input": {
                "applicationId": app["applyToOpportunity"]["id"],
                "date": (today - timedelta(days=3)).isoformat(), "hours": 2}},
                world.volunteer(vid))
            pending.append(entry["logHours"]["id"])
        world.client.counter.statements.clear()
        world.client.data(VERIFY, {"input": {"entryIds": pending, "approve": True}}, admin)
        costs.append(len([s for s in world.client.counter.statements if "statistics_" in s]))
    assert costs[0] == costs[1] <= 8, costs
    kept = tables(world)
    rebuild(world.sql)
    assert tables(world) == kept
    assert decode_id(pending[0], "HoursEntry")[1] > 0


def test_the_rebuild_command(world: StatsWorld, tmp_path: Path) -> None:
    kept = tables(world)
    world.fetch(delete(StatisticsFact))  # lost: the command brings them back
    result = CliRunner().invoke(statistics, ["rebuild"], env={
        "HUB_DATABASE_URL": world.settings.database_url, "HUB_MODE": "dev",
        "HUB_DEV_KEY_FILE": str(tmp_path / "key.json")})
    assert result.exit_code == 0, result.output
    assert "statistics: rebuilt" in result.output and "statistics_fact" in result.output
    assert tables(world) == kept


