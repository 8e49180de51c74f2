"""`tatawwu badges recompute` after a rule change in the tenant file: the dry run lists what
would be added and removed and writes nothing; the real run changes exactly that (awards
made live or revoked, their notifications and audit events); a rule met again makes its
revoked award live again. SQLite and PostgreSQL."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from sqlalchemy import select

from hub.db import models as m
from hub.entry.cli import main
from tests.badges.world import RESCUE, RULES, BadgeWorld, write_rules
from tests.dbtools import fetch

TENANT = "setif-youth"  # its file is these tests' to change (dz-crescent's: the others')


def run(world: BadgeWorld, *args: str) -> str:
    settings = world.database.settings
    env = {"HUB_DATABASE_URL": settings.database_url, "HUB_TENANTS_DIR": str(tenants(world)),
           "HUB_MODE": "dev", "HUB_DEV_KEY_FILE": str(settings.dev_key_file)}
    result = CliRunner().invoke(main, ["badges", "recompute", *args], env=env)
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout


def tenants(world: BadgeWorld) -> Path:
    return world.folder / "tenants"


def changes(output: str) -> dict[int, set[str]]:
    """Per volunteer id, the +code / -code the summary lists."""
    found: dict[int, set[str]] = {}
    for vid, parts in re.findall(r"volunteer (\d+)[^:]*: (.*)", output):
        found[int(vid)] = {p.split(" ")[0] for p in parts.split(", ")}
    return found


def live(world: BadgeWorld) -> set[tuple[int, str]]:
    ba = m.BadgeAward
    return set(fetch(world.database.settings, select(ba.volunteer_id, ba.badge_code).where(
        ba.tenant_id == world.tenants[TENANT], ba.revoked_at.is_(None))))


def test_a_rule_change_then_recompute_does_what_the_dry_run_said(world: BadgeWorld) -> None:
    # The tests' rules in the tenant's file, synced by a first recompute.
    write_rules(tenants(world), RULES, TENANT)
    run(world, TENANT)
    eleven, nine, thirty, rescuer = (world.new_volunteer(TENANT) for _ in range(4))
    world.verify(world.served(eleven, (2, 11, "PENDING"), tenant=TENANT)
                 + world.served(nine, (2, 9, "PENDING"), tenant=TENANT)
                 + world.served(thirty, (3, 15, "PENDING"), (2, 15, "PENDING"), tenant=TENANT)
                 + world.served(rescuer, (2, 6, "PENDING"), category=RESCUE, tenant=TENANT),
                 tenant=TENANT)
    before = live(world)
    assert {(eleven, "ten"), (thirty, "ten"), (thirty, "recent"), (rescuer, "rescuer")} \
        <= before
    assert not any(v == nine for v, _ in before)
    # Nothing changed yet: nothing to do.
    assert not changes(run(world, TENANT, "--dry-run"))
    # `ten` now takes 12 hours, `rescuer` is gone, `eight` is new.
    changed = RULES.replace('threshold_hours = 10\n', 'threshold_hours = 12\n', 1)
    changed = changed[:changed.index('[[badge_rules]]\ncode = "rescuer"')] \
        + changed[changed.index('[[badge_rules]]\ncode = "recent"'):]
    changed += ('\n[[badge_rules]]\ncode = "eight"\nthreshold_hours = 8\n'
                'names = { ar = "ثمانية", en = "Eight", fr = "Huit" }\n')
    write_rules(tenants(world), changed.replace('badges = ["ten", "rescuer"]',
                                                'badges = ["ten"]'), TENANT)
    settings_before = fetch(world.database.settings, select(m.Tenant.settings).where(
        m.Tenant.slug == TENANT))
    dry = run(world, TENANT, "--dry-run")
    said = changes(dry)
    assert said[eleven] == {"-ten", "+eight"}
    assert said[nine] == {"+eight"}
    assert said[thirty] == {"+eight"}
    assert said[rescuer] == {"-rescuer"}
    assert "dry run: nothing was written" in dry
    assert live(world) == before  # nothing written, not even the tenant row
    assert fetch(world.database.settings, select(m.Tenant.settings).where(
        m.Tenant.slug == TENANT)) == settings_before
    done = run(world, TENANT)
    assert changes(done) == said
    after = live(world)
    expected = before - {(eleven, "ten"), (rescuer, "rescuer")}
    expected |= {(eleven, "eight"), (nine, "eight"), (thirty, "eight")}
    assert {a for a in after if a[0] in said} == {a for a in expected if a[0] in said}
    assert world.awards(eleven, live=False) == {(TENANT, "ten")}
    revoked = fetch(world.database.settings, select(m.Credential.revoked_at).join(
        m.BadgeAward, m.BadgeAward.id == m.Credential.award_id).where(
        m.BadgeAward.volunteer_id == eleven, m.BadgeAward.badge_code == "ten"))
    assert len(revoked) == 1 and revoked[0][0] is not None  # its credential too
    assert [n["badge"] for n in world.badge_notifications(nine)] == ["eight"]
    actions = {a for (a,) in fetch(world.database.settings, select(m.AuditEvent.action).where(
        m.AuditEvent.subject == "system:badges", m.AuditEvent.tenant_id == world.tenants[TENANT]))}
    assert actions == {"award_badges", "revoke_badges"}
    # Once more: nothing left to change.
    assert not changes(run(world, TENANT))
    # The first rules again (`ten` at 10 hours, no `eight`): the revoked award is live
    # again, the same row.
    award_id = fetch(world.database.settings, select(m.BadgeAward.id).where(
        m.BadgeAward.volunteer_id == eleven, m.BadgeAward.badge_code == "ten"))
    write_rules(tenants(world), RULES, TENANT)
    assert changes(run(world, TENANT))[eleven] == {"+ten", "-eight"}
    assert world.awards(eleven) >= {(TENANT, "ten")}
    assert fetch(world.database.settings, select(m.BadgeAward.id).where(
        m.BadgeAward.volunteer_id == eleven, m.BadgeAward.badge_code == "ten")) == award_id


def test_recompute_refuses_what_it_cannot_do(world: BadgeWorld) -> None:
    runner = CliRunner()
    env = {"HUB_DATABASE_URL": world.database.settings.database_url,
           "HUB_TENANTS_DIR": str(tenants(world))}
    unknown = runner.invoke(main, ["badges", "recompute", "atlantis"], env=env)
    assert unknown.exit_code == 2 and "no tenant file for 'atlantis'" in unknown.stderr
    neither = runner.invoke(main, ["badges", "recompute"], env=env)
    assert neither.exit_code == 2 and "name one TENANT, or --all" in neither.stderr
    every = runner.invoke(main, ["badges", "recompute", "--all", "--dry-run"], env=env)
    assert every.exit_code == 0, every.output
    assert {line.split(":")[0] for line in every.stdout.splitlines()
            if re.match(r"^[a-z-]+: ", line)} >= {"arco", "dz-crescent", TENANT}
