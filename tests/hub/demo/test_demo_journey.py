"""The seeded demo shows the volunteer journey in every national society: applications to
review, a waiting list on a full opportunity, hours to verify, an open thread; every minor
joined with a guardian's consent, every membership with the terms'."""

from __future__ import annotations

from datetime import date

from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from hub.db import models as m
from tenants import TenantKind, load_registry
from tests.conftest import DEMO_DAY, Database
from tests.dbtools import fetch

NATIONAL = sorted(t.slug for t in load_registry().values()
                  if t.kind == TenantKind.NATIONAL_SOCIETY)


def per_tenant(database: Database, stmt: object) -> set[str]:
    return {row[0] for row in fetch(database.settings, stmt)}  # type: ignore[arg-type]


def test_there_are_national_societies() -> None:
    assert len(NATIONAL) == 6


def test_every_national_society_has_applications_to_review(backend: Database) -> None:
    t, a, o = m.Tenant, m.Application, m.Opportunity
    slugs = per_tenant(backend, select(t.slug).join(a, a.tenant_id == t.id).join(
        o, o.id == a.opportunity_id).where(a.status == "APPLIED", o.acceptance == "REVIEW"))
    assert set(NATIONAL) - slugs == set()


def test_every_national_society_has_a_waiting_list_on_a_full_opportunity(
        backend: Database) -> None:
    t, a, o = m.Tenant, m.Application, m.Opportunity
    other = aliased(a)
    taken = select(func.count()).select_from(other).where(
        other.opportunity_id == o.id, other.status.in_(["ACCEPTED", "COMPLETED"])
    ).correlate(o).scalar_subquery()
    slugs = per_tenant(backend, select(t.slug).join(o, o.tenant_id == t.id).join(
        a, a.opportunity_id == o.id).where(
        a.status == "WAITLISTED", o.capacity == taken, o.filled_spots == o.capacity))
    assert set(NATIONAL) - slugs == set()
    # nobody waits on an opportunity with places left
    waiting_with_room = fetch(backend.settings, select(func.count()).select_from(a).join(
        o, o.id == a.opportunity_id).where(a.status == "WAITLISTED", o.capacity > taken))
    assert waiting_with_room[0][0] == 0


def test_every_national_society_has_hours_to_verify(backend: Database) -> None:
    t, h = m.Tenant, m.HoursEntry
    slugs = per_tenant(backend, select(t.slug).join(h, h.tenant_id == t.id).where(
        h.status == "PENDING", h.verified.is_(False)))
    assert set(NATIONAL) - slugs == set()
    notes = fetch(backend.settings, select(func.count()).select_from(h).where(
        h.note.is_not(None)))[0][0]
    assert notes >= 6
    assert fetch(backend.settings, select(func.count()).select_from(h).where(
        h.note.is_not(None), h.status != "PENDING"))[0][0] == 0


def test_every_national_society_has_an_open_thread(backend: Database) -> None:
    t, i, msg = m.Tenant, m.Inquiry, m.InquiryMessage
    last = select(msg.author).where(msg.inquiry_id == i.id).order_by(
        msg.sent_at.desc(), msg.id.desc()).limit(1).scalar_subquery()
    open_ = per_tenant(backend, select(t.slug).join(i, i.tenant_id == t.id).where(
        i.status == "OPEN", last == "VOLUNTEER"))
    assert set(NATIONAL) - open_ == set()
    answered = per_tenant(backend, select(t.slug).join(i, i.tenant_id == t.id).where(
        i.status == "ANSWERED", last == "STAFF"))
    assert len(answered) >= 3
    # a thread's messages carry its tenant and volunteer (row security)
    stray = fetch(backend.settings, select(func.count()).select_from(msg).join(
        i, i.id == msg.inquiry_id).where(
        (msg.tenant_id != i.tenant_id) | (msg.volunteer_id != i.volunteer_id)))
    assert stray[0][0] == 0


def age_on(birth_year: int, birth: date | None, day: date) -> int:
    if birth is None:
        return day.year - birth_year - 1
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def test_every_minor_has_a_guardian_consent_for_each_membership(backend: Database) -> None:
    v, ms, c = m.Volunteer, m.Membership, m.Consent
    rows = fetch(backend.settings, select(v.id, v.birth_year, v.birth_date, ms.tenant_id,
                                          c.guardian_name, c.guardian_contact).join(
        ms, ms.volunteer_id == v.id).outerjoin(c, and_(
            c.volunteer_id == v.id, c.tenant_id == ms.tenant_id, c.kind == "GUARDIAN")))
    minors = [r for r in rows if age_on(r.birth_year, r.birth_date, DEMO_DAY) < 18]
    assert len({r.id for r in minors}) >= 4
    assert [r for r in minors if not (r.guardian_name and r.guardian_contact)] == []


def test_every_membership_has_the_terms_consent(backend: Database) -> None:
    ms, c = m.Membership, m.Consent
    missing = fetch(backend.settings, select(func.count()).select_from(ms).outerjoin(
        c, and_(c.volunteer_id == ms.volunteer_id, c.tenant_id == ms.tenant_id,
                c.kind == "TERMS", c.given_at == ms.joined_at)).where(c.id.is_(None)))
    assert missing[0][0] == 0


def test_decided_applications_and_replies_were_notified_and_sent(backend: Database) -> None:
    a, n = m.Application, m.Notification
    decided = fetch(backend.settings, select(func.count()).select_from(a).where(
        a.status.in_(["ACCEPTED", "REJECTED", "WAITLISTED", "COMPLETED"])))[0][0]
    replies = fetch(backend.settings, select(func.count()).select_from(m.InquiryMessage).where(
        m.InquiryMessage.author == "STAFF"))[0][0]
    kinds = dict(fetch(backend.settings, select(n.kind, func.count()).group_by(n.kind)))
    assert sum(v for k, v in kinds.items() if k.startswith("APPLICATION_")) == decided
    assert kinds["INQUIRY_REPLIED"] == replies
    assert kinds["APPLICATION_WAITLISTED"] >= 8
    unsent = fetch(backend.settings, select(func.count()).select_from(n).where(
        n.sent_at.is_(None)))[0][0]
    assert unsent == 0  # the delivery worker e-mails nobody on the demo's first start
    read = fetch(backend.settings, select(func.count()).select_from(n).where(
        n.read_at.is_not(None)))[0][0]
    assert 0 < read < sum(kinds.values())


def test_opportunities_carry_acceptance_and_minimum_ages(backend: Database) -> None:
    o = m.Opportunity
    rows = fetch(backend.settings, select(o.format, o.is_ongoing, o.acceptance, o.min_age))
    assert {r.acceptance for r in rows} == {"AUTOMATIC", "REVIEW"}
    assert all(r.acceptance == "REVIEW" for r in rows
               if not (r.format == "REMOTE" and r.is_ongoing))
    assert {r.min_age for r in rows} >= {None, 16, 18}
