"""Badge awards from verified hours, made by `verifyHours` on SQLite and PostgreSQL:
thresholds to the quarter hour, only APPROVED hours counting, one award whatever the number
of reviews and retries, category, period and group rules, and who is eligible for a
benefit; two writers at once."""

from __future__ import annotations

import asyncio
from datetime import date

from sqlalchemy import select

from hub.audit import AuditLog
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from resolvers.badges.awards import Award, TenantRules, award
from resolvers.badges.recompute import SYSTEM
from resolvers.badges.rules import Met
from resolvers.core.writes import Tx
from resolvers.notifications.render import render
from tests.applications.documents import VERIFY
from tests.applications.world import code_of, gid
from tests.badges.world import OTHER_TENANT, RESCUE, TENANT, BadgeWorld
from tests.dbtools import fetch


def test_thresholds_at_9_5_10_and_10_5_hours(world: BadgeWorld) -> None:
    got = {}
    for total in (9.5, 10, 10.5):
        vid = world.new_volunteer()
        entries = world.served(vid, (3, 4, "PENDING"), (2, 4, "PENDING"),
                               (1, total - 8, "PENDING"))
        world.verify(entries)
        got[total] = "ten" in {code for _, code in world.awards(vid)}
        notes = world.badge_notifications(vid)
        assert [n["badge"] for n in notes] == (["ten"] if got[total] else [])
        if got[total]:
            assert notes[0]["hours"] == total
            assert notes[0]["names"]["fr"] == "Dix heures"
            award = fetch(world.database.settings, select(m.BadgeAward.id).where(
                m.BadgeAward.volunteer_id == vid, m.BadgeAward.hours == total))
            assert len(award) == 1
            # Its Open Badges credential, signed in the same transaction.
            assert world.count(m.Credential, m.Credential.award_id == award[0][0],
                               m.Credential.revoked_at.is_(None)) == 1
    assert got == {9.5: False, 10: True, 10.5: True}


def test_pending_and_rejected_hours_never_count(world: BadgeWorld) -> None:
    vid = world.new_volunteer()
    pending = world.served(vid, (5, 8, "PENDING"), (4, 8, "PENDING"), (3, 6, "PENDING"))
    approved = world.served(vid, (2, 4, "PENDING"))
    world.verify(pending[:2], approve=False)  # 16 hours rejected
    world.verify(approved)  # 4 approved; 6 still pending
    assert world.awards(vid) == set()
    assert world.verified_hours(vid) == 4
    world.verify(pending[2:])  # the last 6: 10 approved
    assert world.awards(vid) == {(TENANT, "ten")}


def test_verifying_twice_awards_once(world: BadgeWorld) -> None:
    vid = world.new_volunteer()
    first, second, third, fourth = world.served(
        vid, (4, 6, "PENDING"), (3, 5, "PENDING"), (2, 3, "PENDING"), (1, 2, "PENDING"))
    world.verify([first])
    assert world.awards(vid) == set()
    keyed = {"Idempotency-Key": "verify-badge-1"}
    answer = world.verify([second], headers=keyed)
    assert world.awards(vid) == {(TENANT, "ten")}
    # The same entry verified again: refused, nothing more awarded.
    again = world.call(VERIFY, {"input": {"entryIds": [gid("HoursEntry", second)],
                                          "approve": True}}, world.staff("admin"))
    assert code_of(again) == "CONFLICT"
    # A retry of the same request (the answer was lost): the first answer, nothing runs.
    assert world.verify([second], headers=keyed) == answer
    # More hours past the threshold: still one award, one notification.
    world.verify([third])
    assert world.count(m.BadgeAward, m.BadgeAward.volunteer_id == vid) == 1
    assert len(world.badge_notifications(vid)) == 1
    events = [details for (details,) in fetch(world.database.settings, select(
        m.AuditEvent.details).where(m.AuditEvent.action == "award_badges"))
        if details["awards"][0]["volunteer"] == gid("Volunteer", vid)]
    assert [[a["badge"] for a in e["awards"]] for e in events] == [["ten"]]
    # A correction below the threshold keeps the badge earned (a recompute revokes it).
    world.verify([second, third], approve=False)
    assert world.verified_hours(vid) == 6
    assert world.awards(vid) == {(TENANT, "ten")}
    world.verify([fourth])
    assert len(world.badge_notifications(vid)) == 1


def test_category_rule_counts_only_its_category(world: BadgeWorld) -> None:
    vid = world.new_volunteer()
    world.served(vid, (9, 4, "APPROVED"), (8, 4, "APPROVED"))  # test-category
    world.served(vid, (7, 3, "APPROVED"), category=RESCUE)
    entry = world.served(vid, (6, 1.5, "PENDING"), category=RESCUE)
    world.verify(entry)
    assert world.awards(vid) == {(TENANT, "ten")}  # 12.5 h in all, 4.5 in rescue
    entry = world.served(vid, (5, 0.5, "PENDING"), category=RESCUE)
    world.verify(entry)
    assert world.awards(vid) == {(TENANT, "ten"), (TENANT, "rescuer")}
    assert [n["hours"] for n in world.badge_notifications(vid) if n["badge"] == "rescuer"] \
        == [5]


def test_period_rule_counts_the_last_twelve_months(world: BadgeWorld) -> None:
    old, recent = world.new_volunteer(), world.new_volunteer()
    # 366 days ago is before the period (12 months back, that day included, at most 366).
    world.served(old, (400, 8, "APPROVED"), (367, 8, "APPROVED"), (30, 3, "APPROVED"))
    world.served(recent, (364, 8, "APPROVED"), (200, 8, "APPROVED"), (30, 3, "APPROVED"))
    world.verify(world.served(old, (1, 1, "PENDING")) + world.served(recent, (1, 1, "PENDING")))
    assert world.awards(old) == {(TENANT, "ten")}  # 20 h, only 4 within the period
    assert world.awards(recent) == {(TENANT, "ten"), (TENANT, "recent")}


def test_group_rule_counts_the_volunteers_group(world: BadgeWorld) -> None:
    pupil, student = world.new_volunteer(), world.new_volunteer()
    world.set_volunteer(pupil, group="PUPIL")
    world.set_volunteer(student, group="UNIVERSITY_STUDENT")
    world.verify(world.served(pupil, (2, 3, "PENDING"))
                 + world.served(student, (2, 3, "PENDING")))
    assert world.awards(pupil) == {(TENANT, "pupil")}
    assert world.awards(student) == set()


def test_awards_stay_in_the_tenant_of_the_hours(world: BadgeWorld) -> None:
    vid = world.new_volunteer()
    world.join(vid, OTHER_TENANT)
    world.verify(world.served(vid, (2, 12, "PENDING"), tenant=OTHER_TENANT),
                 tenant=OTHER_TENANT)
    # eg-crescent's own rules (bronze at 10 h): nothing of dz-crescent's.
    assert world.awards(vid) == {(OTHER_TENANT, "bronze")}


ELIGIBLE = """query($benefit: String!, $tenant: String, $first: Int, $after: String) {
  volunteersEligibleForBenefit(benefit: $benefit, tenant: $tenant, first: $first,
                               after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }"""


def test_staff_query_the_volunteers_eligible_for_a_benefit(world: BadgeWorld) -> None:
    holders = []
    for category in (RESCUE, "test-category"):
        vid = world.new_volunteer()
        world.verify(world.served(vid, (2, 10, "PENDING"), category=category))
        holders.append(gid("Volunteer", vid))
    staff = world.staff("viewer")
    kit = world.ok(ELIGIBLE, {"benefit": "first-aid-kit"}, staff)
    ids = {e["node"]["id"] for e in kit["volunteersEligibleForBenefit"]["edges"]}
    assert holders[0] in ids and holders[1] not in ids
    # bus-pass: both badges open it; paged.
    seen, after = [], None
    while True:
        page = world.ok(ELIGIBLE, {"benefit": "bus-pass", "first": 1, "after": after},
                        staff)["volunteersEligibleForBenefit"]
        seen += [e["node"]["id"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert set(holders) <= set(seen) and len(seen) == len(set(seen)) == page["totalCount"]
    # Bad input, other societies' staff, volunteers: refused.
    bad = world.call(ELIGIBLE, {"benefit": "free-lunch"}, staff)
    assert code_of(bad) == "BAD_USER_INPUT"
    assert bad["errors"][0]["extensions"]["argument"] == "benefit"
    assert bad["errors"][0]["message"] == (
        "No badge of “dz-crescent” opens the benefit “free-lunch”.")
    other = world.call(ELIGIBLE, {"benefit": "bus-pass", "tenant": TENANT},
                       world.staff("admin", OTHER_TENANT))
    assert code_of(other) == "FORBIDDEN"
    for who in (world.volunteer(world.new_volunteer()), {}):
        body = world.call(ELIGIBLE, {"benefit": "bus-pass", "tenant": TENANT}, who)
        assert code_of(body) == "FORBIDDEN" and body["data"]["volunteersEligibleForBenefit"] \
            is None


def test_the_notification_names_the_badge_in_the_recipients_language() -> None:
    params = {"badge": "ten", "hours": 10.5,
              "names": {"ar": "شارة العشر", "en": "Ten hours", "fr": "Dix heures"}}
    en = render("BADGE_AWARDED", params, locale="en")
    assert (en.title, en.text) == ("You earned a badge", (
        "Your 10.5 hours of verified volunteering earned you the “Ten hours”. "
        "Congratulations, and thank you!"))
    # The badge's name in the recipient's language (through the chain: fr-DZ, fr).
    assert "Dix heures" in render("BADGE_AWARDED", params, locale="fr-DZ").text
    assert "شارة العشر" in render("BADGE_AWARDED", params, locale="ar").text
    assert "Ten hours" in render("BADGE_AWARDED", params, locale="de").text
    assert "“ten”" in render("BADGE_AWARDED", {**params, "names": {}}, locale="en").text


def test_two_transactions_awarding_the_same_badge_make_one_award(world: BadgeWorld) -> None:
    """Two writers at once (a review and a recompute, say): the second waits on the unique
    key until the first commits, then finds the award live and makes nothing."""
    vid = world.new_volunteer()
    tenant = TenantRules(world.tenants[TENANT], date.today(), ())

    async def race() -> tuple[list[Award], list[Award], bool]:
        engine = make_engine(world.database.settings.database_url)
        sessions = make_sessionmaker(engine)
        try:
            async with sessions() as first, sessions() as second:
                await first.begin()
                made = await award(Tx(first, AuditLog(SYSTEM, "race-1")), tenant,
                                   [Met(vid, "ten", 10.0)])

                async def other() -> list[Award]:
                    await second.begin()
                    found = await award(Tx(second, AuditLog(SYSTEM, "race-2")), tenant,
                                        [Met(vid, "ten", 10.0)])
                    await second.commit()
                    return found

                racer = asyncio.create_task(other())
                await asyncio.sleep(0.3)  # the second writer reaches the key and waits there
                waited = not racer.done()
                await first.commit()
                return made, await racer, waited
        finally:
            await engine.dispose()

    made, again, waited = asyncio.run(race())
    assert [(a.volunteer_id, a.badge_code) for a in made] == [(vid, "ten")]
    assert again == [] and waited
    assert world.count(m.BadgeAward, m.BadgeAward.volunteer_id == vid) == 1
    assert len(world.badge_notifications(vid)) == 1
