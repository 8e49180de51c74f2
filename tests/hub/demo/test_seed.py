"""Demo seeding: once, in one transaction, and the generated large set at a small scale."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest
from click.testing import CliRunner
from sqlalchemy import func, insert, select

from hub.db import models as m
from hub.demo.scale import OPPORTUNITIES_PER_UNIT, VOLUNTEERS_PER_UNIT
from hub.entry import setup_steps
from hub.entry.cli import main
from tests.conftest import Database, prepare
from tests.dbtools import fetch


def count(database: Database, model: type) -> int:
    return int(fetch(database.settings, select(func.count()).select_from(model))[0][0])


def test_demo_covers_every_group_and_format(backend: Database) -> None:
    groups = {r.group for r in fetch(backend.settings, select(m.Volunteer.group).distinct())}
    assert groups == {"PUPIL", "UNIVERSITY_STUDENT", "VOCATIONAL_TRAINEE", "EMPLOYED",
                      "SELF_EMPLOYED", "UNEMPLOYED", "RETIREE", "OTHER"}
    formats = {r.format for r in fetch(backend.settings, select(m.Opportunity.format).distinct())}
    assert formats == {"ONSITE", "REMOTE", "HYBRID"}
    locales = fetch(backend.settings, select(m.OpportunityTranslation.opportunity_id,
                                             func.count()).group_by(
        m.OpportunityTranslation.opportunity_id))
    per_record = [n for _, n in locales]
    assert per_record.count(3) > len(per_record) / 2 and min(per_record) < 3
    assert count(backend, m.HoursEntry) > 0 and count(backend, m.Application) > 0


@pytest.mark.parametrize("fresh_backend", ["sqlite", "postgresql"], indirect=True)
def test_seed_demo_runs_once(fresh_backend: Database) -> None:
    prepare(fresh_backend, demo=True)
    before = count(fresh_backend, m.Opportunity)
    assert asyncio.run(setup_steps.seed(fresh_backend.settings, date(2026, 11, 1))) is None
    assert count(fresh_backend, m.Opportunity) == before


@pytest.mark.parametrize("fresh_backend", ["sqlite", "postgresql"], indirect=True)
def test_seed_demo_scale_generates_the_large_set(fresh_backend: Database) -> None:
    env = {"HUB_DATABASE_URL": fresh_backend.settings.database_url}
    result = CliRunner().invoke(main, ["seed", "demo", "--scale", "1", "--today", "2026-11-01"],
                                env=env)
    assert result.exit_code == 0, result.output
    assert "scale: wrote" in result.output
    demo = fetch(fresh_backend.settings, select(func.count()).select_from(m.Opportunity).where(
        m.Opportunity.external_id.like("demo:%")))[0][0]
    assert count(fresh_backend, m.Opportunity) == demo + OPPORTUNITIES_PER_UNIT
    assert count(fresh_backend, m.Volunteer) >= VOLUNTEERS_PER_UNIT
    # ~5 hours entries per volunteer: scale 100 is the benchmark's 5M-entry set
    hours = count(fresh_backend, m.HoursEntry)
    assert 4.5 * VOLUNTEERS_PER_UNIT <= hours <= 5.5 * VOLUNTEERS_PER_UNIT, hours
    # filled spots agree with the applications written
    o, a = m.Opportunity, m.Application
    wrong = fetch(fresh_backend.settings, select(func.count()).select_from(o).where(
        o.filled_spots != select(func.count()).select_from(a).where(
            a.opportunity_id == o.id, a.status.in_(["ACCEPTED", "COMPLETED"])
        ).scalar_subquery()))[0][0]
    assert wrong == 0
    # waiting lists only on full opportunities, after their places were taken
    waiting = fetch(fresh_backend.settings, select(o.capacity, o.filled_spots).join(
        a, a.opportunity_id == o.id).where(a.status == "WAITLISTED",
                                           o.external_id.like("scale:%")))
    assert waiting and all(r.capacity == r.filled_spots for r in waiting)
    # a few threads with the staff per tenant, the open ones waiting on the volunteer's word
    threads = dict(fetch(fresh_backend.settings, select(m.Inquiry.status, func.count())
                         .group_by(m.Inquiry.status)))
    assert threads.get("OPEN", 0) > 20 and threads.get("ANSWERED", 0) > 20
    # new rows after a scale seed still get fresh ids (sequences were moved on)
    tenant = fetch(fresh_backend.settings, select(m.Tenant.id))[0].id
    fetch(fresh_backend.settings, insert(m.Organization).values(tenant_id=tenant, name="New"))
    assert count(fresh_backend, m.Organization) > 1
