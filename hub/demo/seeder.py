"""Write the hand-written demo records into an empty database, in one transaction.

Besides the records themselves: a TERMS consent for every membership (and a GUARDIAN one for
a volunteer who joined with a guardian), and the notifications the volunteers would have
received for their decided applications and answered threads, already sent (the delivery
worker must not e-mail the demo's fictitious addresses) and, when older than three days,
read.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db import models as m
from hub.db.models.base import TranslationColumns
from hub.demo.records import (
    ApplicationSeed,
    DemoContent,
    InquirySeed,
    OpportunitySeed,
    VolunteerSeed,
    acceptance_of,
)
from hub.demo.rules import applied_day, birth_date
from hub.i18n.digest import text_digest
from hub.ids import encode_id

ACCEPTED_STATES = {"ACCEPTED", "COMPLETED"}
# the notification a volunteer received when their application reached a status
# (NotificationKind of resolvers/notifications/outbox.py: the core may not import resolvers)
DECIDED_KINDS = {"ACCEPTED": "APPLICATION_ACCEPTED", "REJECTED": "APPLICATION_REJECTED",
                 "WAITLISTED": "APPLICATION_WAITLISTED", "COMPLETED": "APPLICATION_COMPLETED"}
INQUIRY_REPLIED = "INQUIRY_REPLIED"
DEFAULT_TERMS_VERSION = "1"
READ_AFTER = timedelta(days=3)  # notifications older than this were read


@dataclass(slots=True)
class SeedReport:
    opportunities: int = 0
    events: int = 0
    news: int = 0
    volunteers: int = 0
    applications: int = 0
    hours_entries: int = 0
    consents: int = 0
    inquiries: int = 0
    inquiry_messages: int = 0
    notifications: int = 0


async def has_content(session: AsyncSession) -> bool:
    return bool(await session.scalar(select(func.count()).select_from(m.Opportunity)))


def _at(today: date, day: int, hour: int, zone: str) -> datetime:
    local = datetime.combine(today + timedelta(days=day), time(hour), tzinfo=ZoneInfo(zone))
    return local.astimezone(UTC)


def translation_rows(
    model: Any, fk: str, record_id: int, tenant_id: int,
    texts: dict[str, object], when: datetime,
) -> list[TranslationColumns]:
    """One row per locale of the model's text fields; the first locale is the source, the
    others carry its digest."""
    fields: tuple[str, ...] = model.text_fields
    source_locale = next(iter(texts))
    digest = text_digest(getattr(texts[source_locale], f) for f in fields)
    rows = []
    for locale, text in texts.items():
        values = {f: getattr(text, f) for f in fields}
        is_source = locale == source_locale
        rows.append(model(
            **{fk: record_id}, tenant_id=tenant_id, locale=locale, is_source=is_source,
            source_digest=None if is_source else digest, updated_at=when, **values,
        ))
    return rows


async def seed_demo(session: AsyncSession, content: DemoContent, today: date) -> SeedReport:
    """Insert `content` with dates relative to `today`. The caller commits."""
    report = SeedReport()
    tenants = {t.slug: t for t in (await session.scalars(select(m.Tenant))).all()}
    now = datetime.combine(today, time(8), tzinfo=UTC)

    session.add_all(m.Category(code=c.code, labels=c.labels, position=i)
                    for i, c in enumerate(content.categories))
    session.add_all(m.Skill(code=s.code, labels=s.labels) for s in content.skills)
    await session.flush()

    orgs: dict[str, m.Organization] = {}
    for org in content.organizations:
        orgs[org.key] = m.Organization(tenant_id=tenants[org.tenant].id, name=org.name,
                                         kind=org.kind, city=org.city)
    campaigns: dict[str, m.Campaign] = {}
    for c in content.campaigns:
        campaigns[c.key] = m.Campaign(
            tenant_id=tenants[c.tenant].id, starts_on=today + timedelta(days=c.starts_day),
            ends_on=today + timedelta(days=c.ends_day), visibility="PUBLIC", status="PUBLISHED",
        )
    session.add_all([*orgs.values(), *campaigns.values()])
    await session.flush()
    for c in content.campaigns:
        campaign = campaigns[c.key]
        source = next(iter(c.titles))
        digest = text_digest([c.titles[source]])
        session.add_all(m.CampaignTranslation(
            campaign_id=campaign.id, tenant_id=campaign.tenant_id, locale=loc, title=title,
            is_source=loc == source, source_digest=None if loc == source else digest,
            updated_at=now,
        ) for loc, title in c.titles.items())

    seeds = {o.key: o for o in content.opportunities}
    opportunities: dict[str, m.Opportunity] = {}
    for o in content.opportunities:
        opportunities[o.key] = _opportunity(o, tenants[o.tenant], orgs, campaigns, today)
    session.add_all(opportunities.values())
    await session.flush()
    for o in content.opportunities:
        row = opportunities[o.key]
        session.add_all(translation_rows(
            m.OpportunityTranslation, "opportunity_id", row.id, row.tenant_id, dict(o.texts),
            row.published_at or now,
        ))
        session.add_all(m.OpportunitySkill(opportunity_id=row.id, tenant_id=row.tenant_id,
                                           skill_code=code) for code in o.skills)
    report.opportunities = len(opportunities)

    for e in content.events:
        tenant = tenants[e.tenant]
        starts = _at(today, e.starts_day, e.starts_hour, tenant.time_zone)
        event = m.Event(
            tenant_id=tenant.id, kind=e.kind, starts_at=starts,
            ends_at=starts + timedelta(hours=e.duration_hours),
            country=tenant.country if e.city else None, city=e.city, online_url=e.online_url,
            visibility=e.visibility, status=e.status,
        )
        session.add(event)
        await session.flush()
        session.add_all(translation_rows(m.EventTranslation, "event_id", event.id, tenant.id,
                                         dict(e.texts), now))
    report.events = len(content.events)

    for n in content.news:
        tenant = tenants[n.tenant]
        published = _at(today, n.published_day, 9, tenant.time_zone)
        item = m.NewsItem(
            tenant_id=tenant.id, tags=list(n.tags), image_url=n.image_url,
            published_at=published if n.status == "PUBLISHED" else None,
            visibility=n.visibility, status=n.status, author_name=n.author,
        )
        session.add(item)
        await session.flush()
        session.add_all(translation_rows(m.NewsItemTranslation, "news_item_id", item.id,
                                         tenant.id, dict(n.texts), published))
    report.news = len(content.news)

    volunteers: dict[str, m.Volunteer] = {}
    for v in content.volunteers:
        volunteers[v.key] = await _volunteer(session, v, tenants, opportunities, seeds, now,
                                             today, report)
    report.volunteers = len(content.volunteers)
    await session.flush()
    for t in content.inquiries:
        opportunity = opportunities[t.opportunity]
        tenant = next(x for x in tenants.values() if x.id == opportunity.tenant_id)
        await _inquiry(session, t, opportunity, tenant, volunteers[t.volunteer], today, now,
                       report)
    await session.flush()
    return report


async def _volunteer(session: AsyncSession, v: VolunteerSeed, tenants: dict[str, m.Tenant],
                     opportunities: dict[str, m.Opportunity],
                     seeds: dict[str, OpportunitySeed], now: datetime, today: date,
                     report: SeedReport) -> m.Volunteer:
    """The volunteer, memberships with their consents, skills, applications (with their
    hours and notifications) and saved opportunities."""
    volunteer = m.Volunteer(
        subject=f"demo|{v.key}", first_name=v.first_name, last_name=v.last_name,
        email=v.email, phone=v.phone, birth_year=v.birth_year, group=v.group,
        country=v.country, city=v.city, languages=list(v.languages),
        shares_with_network=v.shares_with_network, verified_hours=0.0,
        birth_date=birth_date(v), locale=v.locale,
    )
    session.add(volunteer)
    await session.flush()
    for i, slug in enumerate(v.tenants):
        tenant = tenants[slug]
        joined = now - timedelta(days=200 + 7 * i)
        session.add(m.Membership(tenant_id=tenant.id, volunteer_id=volunteer.id,
                                 joined_at=joined))
        terms = (tenant.settings or {}).get("terms_version") or DEFAULT_TERMS_VERSION
        session.add(m.Consent(tenant_id=tenant.id, volunteer_id=volunteer.id, kind="TERMS",
                              version=str(terms), given_at=joined))
        report.consents += 1
        if v.guardian is not None:
            session.add(m.Consent(tenant_id=tenant.id, volunteer_id=volunteer.id,
                                  kind="GUARDIAN", given_at=joined,
                                  guardian_name=v.guardian.name,
                                  guardian_contact=v.guardian.contact))
            report.consents += 1
    session.add_all(m.VolunteerSkill(volunteer_id=volunteer.id, skill_code=code)
                    for code in v.skills)
    zones = {t.id: t.time_zone for t in tenants.values()}
    for a in v.applications:
        opportunity = opportunities[a.opportunity]
        application = _application(a, opportunity, volunteer, zones[opportunity.tenant_id],
                                   seeds[a.opportunity], today, now)
        session.add(application)
        await session.flush()
        if a.status in ACCEPTED_STATES:
            opportunity.filled_spots += 1
        report.applications += 1
        entries, verified_total = _add_hours(session, application, a.logged_hours,
                                             a.verified_hours, today, a.hours_note)
        report.hours_entries += entries
        volunteer.verified_hours += verified_total
        kind = DECIDED_KINDS.get(a.status)
        if kind is not None:
            params: dict[str, Any] = {"application": encode_id("Application", application.id),
                                      "opportunity": encode_id("Opportunity", opportunity.id)}
            if a.status == "REJECTED":
                params["reason"] = a.reason
            if a.status == "COMPLETED":
                params["status"] = "COMPLETED"
            when = application.completed_at or application.decided_at or now
            session.add(_notification(volunteer.id, opportunity.tenant_id, kind, params,
                                      when, now))
            report.notifications += 1
    session.add_all(m.SavedOpportunity(
        volunteer_id=volunteer.id, opportunity_id=opportunities[key].id,
        tenant_id=opportunities[key].tenant_id, saved_at=now - timedelta(days=3),
    ) for key in v.saved)
    return volunteer


def _application(a: ApplicationSeed, opportunity: m.Opportunity, volunteer: m.Volunteer,
                 zone: str, seed: OpportunitySeed, today: date, now: datetime
                 ) -> m.Application:
    """Applied on its day (10:00 local); decided two days later (a waiting list at once),
    never after the seeding moment; completed the day before the seeding day."""
    applied = min(_at(today, applied_day(a, seed), 10, zone), now - timedelta(hours=1))
    decided: datetime | None = None
    if a.status == "WAITLISTED":
        decided = applied
    elif a.status != "APPLIED":
        decided = min(applied + timedelta(days=2), now - timedelta(minutes=30))
    completed = max(now - timedelta(days=1), decided or applied) \
        if a.status == "COMPLETED" else None
    return m.Application(
        tenant_id=opportunity.tenant_id, opportunity_id=opportunity.id,
        volunteer_id=volunteer.id, status=a.status, applied_at=applied, decided_at=decided,
        decision_reason=a.reason, completed_at=completed,
        updated_at=completed or decided or applied,
    )


def _notification(volunteer_id: int, tenant_id: int, kind: str, params: dict[str, Any],
                  when: datetime, now: datetime) -> m.Notification:
    return m.Notification(
        volunteer_id=volunteer_id, tenant_id=tenant_id, kind=kind, params=params,
        created_at=when, sent_at=when + timedelta(minutes=2), attempts=1,
        read_at=when + timedelta(hours=5) if now - when > READ_AFTER else None,
    )


async def _inquiry(session: AsyncSession, t: InquirySeed, opportunity: m.Opportunity,
                   tenant: m.Tenant, volunteer: m.Volunteer, today: date, now: datetime,
                   report: SeedReport) -> None:
    """The thread, its messages in order, and a notification for each staff reply."""
    sent = [min(_at(today, msg.day, msg.hour, tenant.time_zone), now) for msg in t.messages]
    inquiry = m.Inquiry(
        tenant_id=opportunity.tenant_id, opportunity_id=opportunity.id,
        volunteer_id=volunteer.id, subject=t.subject, status=t.status, opened_at=sent[0],
        updated_at=sent[-1], closed_at=sent[-1] if t.status == "CLOSED" else None,
    )
    session.add(inquiry)
    await session.flush()
    report.inquiries += 1
    for message, at in zip(t.messages, sent, strict=True):
        staff = message.author == "STAFF"
        session.add(m.InquiryMessage(
            tenant_id=inquiry.tenant_id, inquiry_id=inquiry.id, volunteer_id=volunteer.id,
            author=message.author, body=message.body, sent_at=at,
            author_subject=f"demo|staff-{tenant.slug}" if staff else volunteer.subject,
        ))
        report.inquiry_messages += 1
        if staff:
            session.add(_notification(volunteer.id, inquiry.tenant_id, INQUIRY_REPLIED,
                                      {"inquiry": encode_id("Inquiry", inquiry.id)}, at, now))
            report.notifications += 1


def _add_hours(session: AsyncSession, application: m.Application, logged: float,
               verified: float, today: date, note: str | None = None) -> tuple[int, float]:
    """Split logged hours into entries of at most 4 h; the first `verified` hours verified,
    the rest PENDING (the first of them with the volunteer's `note`). Returns the number of
    entries and the hours verified."""
    # oldest first, every other day up to two days ago: the latest are the ones to verify
    count, remaining, left_to_verify, day = 0, logged, verified, math.ceil(logged / 4.0)
    verified_total = 0.0
    while remaining > 0:
        hours = min(4.0, remaining)
        is_verified = left_to_verify >= hours
        logged_on = today - timedelta(days=day * 2)
        session.add(m.HoursEntry(
            tenant_id=application.tenant_id, application_id=application.id,
            volunteer_id=application.volunteer_id, date=logged_on,
            hours=hours, verified=is_verified, status="APPROVED" if is_verified else "PENDING",
            verified_at=datetime.combine(today - timedelta(days=day), time(12), tzinfo=UTC)
            if is_verified else None,
            note=None if is_verified else note,
            created_at=datetime.combine(logged_on, time(20), tzinfo=UTC),
        ))
        if not is_verified:
            note = None
        if is_verified:
            left_to_verify -= hours
            verified_total += hours
        remaining -= hours
        day -= 1
        count += 1
    return count, verified_total


def _opportunity(o: OpportunitySeed, tenant: m.Tenant, orgs: dict[str, m.Organization],
                 campaigns: dict[str, m.Campaign], today: date) -> m.Opportunity:
    starts = (_at(today, o.starts_day, o.starts_hour, tenant.time_zone)
              if o.starts_day is not None else None)
    ends = starts + timedelta(hours=o.duration_hours) if starts and o.duration_hours else None
    published = (_at(today, o.published_day, 8, tenant.time_zone)
                 if o.status != "DRAFT" else None)
    return m.Opportunity(
        tenant_id=tenant.id, external_id=f"demo:{o.key}",
        organization_id=orgs[o.organization].id if o.organization else None,
        campaign_id=campaigns[o.campaign].id if o.campaign else None,
        format=o.format, category_code=o.category,
        country=None if o.format == "REMOTE" else tenant.country,
        region=o.region, city=o.city, latitude=o.latitude, longitude=o.longitude,
        starts_at=starts, ends_at=ends, is_ongoing=o.is_ongoing, capacity=o.capacity,
        filled_spots=0, credited_hours=o.credited_hours, is_emergency=o.is_emergency,
        visibility=o.visibility, status=o.status, published_at=published,
        contact_name=o.contact_name, contact_email=o.contact_email,
        contact_phone=o.contact_phone, min_age=o.min_age, acceptance=acceptance_of(o),
    )
