"""Your data is yours: `exportMyData` (everything the hub holds on the caller, as one JSON
document) and `deleteMyAccount` (every personal value erased; hours stay as anonymous
statistics).

Export: the profile, skills, memberships, consents, applications, hours, saved
opportunities, inquiry threads with their messages, notifications and the audit events
about the caller: a fixed number of statements whatever the volume (one per table). Each
list holds at most `MAX_ROWS` items, newest first; a longer one is cut and named in
`truncated` (a bound on the document's size; the hub's own limits make it unreachable in
normal use). Other people's identifiers (staff subjects) are not part of it.

Erasure keeps the volunteer row (blank personal fields, `erased_at` set, subject cleared so
the identity can register again), its applications (open ones withdrawn; an accepted place
goes to the next volunteer waiting, as when one withdraws) and hours entries (notes
cleared), consents (guardian fields cleared) and inquiry threads (closed; subject and
message bodies cleared); it deletes skills, memberships, saved opportunities, notifications
and idempotency keys; audit events by or about the caller lose the caller's subject and
their details.

Row security: the caller's own rows are written as the caller. The hub itself reads and
clears the audit trail (requests may only append to it) inside `tx.as_system()`; places
are given back by the applications domain's `free_place`, which does the same.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    String,
    Table,
    and_,
    case,
    cast,
    delete,
    false,
    literal,
    null,
    or_,
    select,
    union_all,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from hub.access import Principal
from hub.db import models as m
from hub.db.types import utcnow
from hub.errors import BadUserInput
from hub.ids import encode_id
from resolvers.applications.places import free_place
from resolvers.context import RequestContext
from resolvers.core.writes import Tx, Write, perform
from resolvers.credentials.issue import revoke_credentials
from resolvers.volunteers import messages as msg
from resolvers.volunteers.caller import own_volunteer

FORMAT: Final = "tatawwu-hub/my-data/1"
MAX_ROWS: Final = 5000  # per list of the export
AUDIT_CHUNK: Final = 1000  # object ids per statement when the trail is cleared
OPEN_APPLICATIONS: Final = (m.ApplicationStatus.APPLIED.value,
                            m.ApplicationStatus.WAITLISTED.value,
                            m.ApplicationStatus.ACCEPTED.value)
# The caller's records that audit events may be about, by the type name of their ids.
RECORDS: Final[tuple[tuple[str, Any], ...]] = (
    ("Application", m.Application), ("HoursEntry", m.HoursEntry), ("Inquiry", m.Inquiry),
    ("InquiryMessage", m.InquiryMessage), ("Consent", m.Consent),
    ("Notification", m.Notification),
)


@dataclass(frozen=True, slots=True)
class Caller:
    volunteer: Any  # the caller's row
    principal: Principal
    tenant_slugs: dict[int, str] = field(default_factory=dict)

    @property
    def gid(self) -> str:
        return encode_id("Volunteer", self.volunteer.id)

    def subject_is_theirs(self) -> ColumnElement[bool]:
        """Audit events written by the caller: under the subject of this sign-in, or the
        volunteer record's own (`issuer|sub`, the identity authentication links by)."""
        subjects = self.subjects
        return m.AuditEvent.subject.in_(subjects) if subjects else false()

    @property
    def subjects(self) -> list[str]:
        return sorted({self.principal.subject, self.volunteer.subject} - {None, ""})

    def about_them(self, object_ids: Sequence[str]) -> ColumnElement[bool]:
        """Audit events by the caller or about them or their records (since they became a
        volunteer: the time bound keeps the scan to the trail's recent part)."""
        event = m.AuditEvent
        about = [self.subject_is_theirs(), event.object_id == self.gid,
                 cast(event.details, String).contains(self.gid, autoescape=True)]
        if object_ids:
            about.append(event.object_id.in_(object_ids))
        return and_(event.at >= self.volunteer.created_at, or_(*about))


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


async def _caller(ctx: RequestContext) -> Caller:
    volunteer = await own_volunteer(ctx)
    slugs = {t.id: t.slug for t in ctx.tenants.by_id.values()}
    return Caller(volunteer, ctx.scope.principal, slugs)


# --- export ------------------------------------------------------------------------------

Row = Any
Shape = Callable[[Row], dict[str, Any]]


@dataclass
class Document:
    caller: Caller
    body: dict[str, Any] = field(default_factory=dict)
    truncated: list[str] = field(default_factory=list)

    def tenant(self, tenant_id: int | None) -> str | None:
        return self.caller.tenant_slugs.get(tenant_id) if tenant_id is not None else None

    async def section(self, session: AsyncSession, name: str, model: Any,
                      where: ColumnElement[bool], order: Sequence[Any], shape: Shape
                      ) -> list[Row]:
        table: Table = model.__table__
        rows = list((await session.execute(
            select(table).where(where).order_by(*order).limit(MAX_ROWS + 1))).all())
        if len(rows) > MAX_ROWS:
            rows = rows[:MAX_ROWS]
            self.truncated.append(name)
        self.body[name] = [shape(r) for r in rows]
        return rows


@dataclass(frozen=True)
class ExportMyData(Write[Caller, str]):
    """Everything the hub holds on the signed-in volunteer, as one JSON document."""

    async def allow(self, ctx: RequestContext) -> Caller:
        return await _caller(ctx)

    async def apply(self, tx: Tx, caller: Caller) -> str:
        v = caller.volunteer
        vid = v.id
        doc = Document(caller)
        s = tx.session
        doc.body["volunteer"] = {
            "id": caller.gid, "firstName": v.first_name, "lastName": v.last_name,
            "email": v.email, "phone": v.phone, "birthDate": _iso(v.birth_date),
            "birthYear": v.birth_year, "group": v.group, "country": v.country, "city": v.city,
            "languages": list(v.languages or ()), "locale": v.locale,
            "sharesWithNetwork": v.shares_with_network, "verifiedHours": v.verified_hours,
            "createdAt": _iso(v.created_at), "updatedAt": _iso(v.updated_at),
        }
        skills = (await s.scalars(select(m.VolunteerSkill.skill_code).where(
            m.VolunteerSkill.volunteer_id == vid).order_by(m.VolunteerSkill.skill_code))).all()
        doc.body["skills"] = list(skills)
        await doc.section(s, "memberships", m.Membership, m.Membership.volunteer_id == vid,
                          [m.Membership.joined_at], lambda r: {
                              "tenant": doc.tenant(r.tenant_id), "joinedAt": _iso(r.joined_at),
                              "status": r.status})
        await doc.section(s, "consents", m.Consent, m.Consent.volunteer_id == vid,
                          [m.Consent.id.desc()], lambda r: {
                              "tenant": doc.tenant(r.tenant_id), "kind": r.kind,
                              "version": r.version, "givenAt": _iso(r.given_at),
                              "guardianName": r.guardian_name,
                              "guardianContact": r.guardian_contact})
        applications = await doc.section(
            s, "applications", m.Application, m.Application.volunteer_id == vid,
            [m.Application.id.desc()], lambda r: {
                "id": encode_id("Application", r.id),
                "opportunity": encode_id("Opportunity", r.opportunity_id),
                "tenant": doc.tenant(r.tenant_id), "status": r.status,
                "appliedAt": _iso(r.applied_at), "decidedAt": _iso(r.decided_at),
                "decisionReason": r.decision_reason, "decisionNote": r.decision_note,
                "completedAt": _iso(r.completed_at)})
        hours = await doc.section(
            s, "hours", m.HoursEntry, m.HoursEntry.volunteer_id == vid,
            [m.HoursEntry.id.desc()], lambda r: {
                "id": encode_id("HoursEntry", r.id),
                "application": encode_id("Application", r.application_id),
                "tenant": doc.tenant(r.tenant_id), "date": _iso(r.date), "hours": r.hours,
                "status": r.status, "verified": r.verified, "verifiedAt": _iso(r.verified_at),
                "note": r.note, "reviewNote": r.review_note, "createdAt": _iso(r.created_at)})
        await doc.section(s, "savedOpportunities", m.SavedOpportunity,
                          m.SavedOpportunity.volunteer_id == vid,
                          [m.SavedOpportunity.saved_at.desc()], lambda r: {
                              "opportunity": encode_id("Opportunity", r.opportunity_id),
                              "tenant": doc.tenant(r.tenant_id), "savedAt": _iso(r.saved_at)})
        inquiries = await doc.section(
            s, "inquiries", m.Inquiry, m.Inquiry.volunteer_id == vid, [m.Inquiry.id.desc()],
            lambda r: {
                "id": encode_id("Inquiry", r.id),
                "opportunity": encode_id("Opportunity", r.opportunity_id),
                "tenant": doc.tenant(r.tenant_id), "subject": r.subject, "status": r.status,
                "openedAt": _iso(r.opened_at), "closedAt": _iso(r.closed_at), "messages": []})
        await doc.section(
            s, "messages", m.InquiryMessage, m.InquiryMessage.volunteer_id == vid,
            [m.InquiryMessage.id.desc()], lambda r: {
                "id": encode_id("InquiryMessage", r.id),
                "inquiry": encode_id("Inquiry", r.inquiry_id), "author": r.author,
                "body": r.body, "sentAt": _iso(r.sent_at)})
        threads = {t["id"]: t for t in doc.body["inquiries"]}
        for message in reversed(doc.body.pop("messages")):  # oldest first in each thread
            thread = threads.get(message.pop("inquiry"))
            if thread is not None:
                thread["messages"].append(message)
        await doc.section(
            s, "notifications", m.Notification, m.Notification.volunteer_id == vid,
            [m.Notification.id.desc()], lambda r: {
                "id": encode_id("Notification", r.id), "tenant": doc.tenant(r.tenant_id),
                "kind": r.kind, "params": r.params, "createdAt": _iso(r.created_at),
                "readAt": _iso(r.read_at), "sentAt": _iso(r.sent_at)})
        await _recognition_sections(s, doc, vid)
        object_ids = [*(encode_id("Application", r.id) for r in applications),
                      *(encode_id("HoursEntry", r.id) for r in hours),
                      *(encode_id("Inquiry", r.id) for r in inquiries)]
        by_them = caller.subject_is_theirs()
        async with tx.as_system() as system:  # requests may only append to the trail
            events = await doc.section(
                system, "auditEvents", m.AuditEvent, caller.about_them(object_ids),
                [m.AuditEvent.id.desc()], lambda r: {
                    "at": _iso(r.at), "action": r.action, "objectType": r.object_type,
                    "objectId": r.object_id, "tenant": doc.tenant(r.tenant_id),
                    "principalKind": r.principal_kind, "details": r.details})
            mine = set((await system.scalars(select(m.AuditEvent.id).where(
                m.AuditEvent.id.in_([e.id for e in events]), by_them))).all()) if events else set()
        for event, shaped in zip(events, doc.body["auditEvents"], strict=True):
            shaped["byYou"] = event.id in mine
        tx.audit("export_my_data", "Volunteer", caller.gid,
                 truncated=list(doc.truncated))
        document = {"format": FORMAT, "generatedAt": _iso(utcnow()), **doc.body,
                    "truncated": doc.truncated}
        return json.dumps(document, ensure_ascii=False, default=str)


async def export_my_data(ctx: RequestContext) -> str:
    return await perform(ctx, ExportMyData())


# --- erasure -----------------------------------------------------------------------------

@dataclass(frozen=True)
class DeleteMyAccount(Write[Caller, int]):
    """Erase every personal value the hub holds on the signed-in volunteer (see the module's
    docstring): one transaction, irreversible, only with `confirm`."""

    confirm: bool

    async def allow(self, ctx: RequestContext) -> Caller:
        return await _caller(ctx)

    def validate(self, caller: Caller) -> Caller:
        if not self.confirm:
            raise BadUserInput(msg.CONFIRM_DELETION, argument="confirm")
        return caller

    async def apply(self, tx: Tx, caller: Caller) -> int:
        vid = caller.volunteer.id
        s = tx.session
        records = union_all(*(select(literal(name).label("type"), model.id.label("id"))
                              .where(model.volunteer_id == vid) for name, model in RECORDS))
        object_ids = [encode_id(t, i) for t, i in (await s.execute(records)).all()]
        accepted = list((await s.scalars(select(m.Application.opportunity_id).where(
            m.Application.volunteer_id == vid,
            m.Application.status == m.ApplicationStatus.ACCEPTED.value))).all())
        async with tx.as_system() as system:  # requests may only append to the trail
            await _clear_trail(system, caller, object_ids)
        # Open applications are withdrawn first (the caller's own waiting places must not be
        # the ones moved up), then each accepted place goes to the next one waiting.
        withdrawn = _count(await s.execute(update(m.Application).where(
            m.Application.volunteer_id == vid,
            m.Application.status.in_(OPEN_APPLICATIONS)).values(
            status=m.ApplicationStatus.WITHDRAWN.value, updated_at=utcnow())))
        for opportunity_id in accepted:
            await free_place(tx, opportunity_id)
        await s.execute(update(m.Application).where(m.Application.volunteer_id == vid)
                        .values(decision_note=None))
        await s.execute(update(m.HoursEntry).where(m.HoursEntry.volunteer_id == vid)
                        .values(note=None, review_note=None))
        await s.execute(update(m.Consent).where(m.Consent.volunteer_id == vid)
                        .values(guardian_name=None, guardian_contact=None))
        now = utcnow()
        await s.execute(update(m.Inquiry).where(m.Inquiry.volunteer_id == vid).values(
            subject=None, updated_at=now,
            closed_at=case((m.Inquiry.closed_at.is_(None), now), else_=m.Inquiry.closed_at),
            status=m.InquiryStatus.CLOSED.value))
        await s.execute(update(m.InquiryMessage).where(m.InquiryMessage.volunteer_id == vid)
                        .values(body="", author_subject=case(
                            (m.InquiryMessage.author == "VOLUNTEER", null()),
                            else_=m.InquiryMessage.author_subject)))
        for model in (m.Notification, m.SavedOpportunity, m.VolunteerSkill, m.Membership,
                      m.RecognitionImport):
            await s.execute(delete(model).where(model.volunteer_id == vid))
        await _withdraw_recognition(tx, vid, now)
        tx.before_commit(lambda session: _forget_keys(session, caller))
        await s.execute(update(m.Volunteer).where(m.Volunteer.id == vid).values(
            subject=None, first_name="", last_name="", email=None, phone=None,
            birth_year=None, birth_date=None, group=None, country=None, city=None,
            languages=[], locale=None, shares_with_network=False, erased_at=now,
            updated_at=now))
        # The erasure's own event names no one: the subject the caller signed in with is
        # among what is erased.
        tx.audit("delete_my_account", "Volunteer", caller.gid, anonymous=True,
                 withdrawn=withdrawn, places_freed=len(accepted))
        for loader in (lambda ls: ls.volunteer_by_id, lambda ls: ls.memberships_by_volunteer,
                       lambda ls: ls.skills_by_volunteer):
            tx.changed(loader, vid)
        return int(vid)


async def _recognition_sections(s: AsyncSession, doc: Document, vid: int) -> None:
    """Badges, certificates, the credentials that carry them, recognition presented from
    other societies: part of what the hub holds on the volunteer."""
    await doc.section(s, "badges", m.BadgeAward, m.BadgeAward.volunteer_id == vid,
                      [m.BadgeAward.id.desc()], lambda r: {
                          "tenant": doc.tenant(r.tenant_id), "badge": r.badge_code,
                          "hours": r.hours, "awardedAt": _iso(r.awarded_at),
                          "revokedAt": _iso(r.revoked_at)})
    await doc.section(s, "certificates", m.Certificate, m.Certificate.volunteer_id == vid,
                      [m.Certificate.id.desc()], lambda r: {
                          "id": encode_id("Certificate", r.id), "code": r.code,
                          "tenant": doc.tenant(r.tenant_id), "hours": r.hours,
                          "startedOn": _iso(r.started_on), "completedOn": _iso(r.completed_on),
                          "issuedAt": _iso(r.issued_at), "revokedAt": _iso(r.revoked_at)})
    await doc.section(s, "credentials", m.Credential, m.Credential.volunteer_id == vid,
                      [m.Credential.id.desc()], lambda r: {
                          "id": r.jti, "kind": r.kind, "tenant": doc.tenant(r.tenant_id),
                          "issuedAt": _iso(r.issued_at), "revokedAt": _iso(r.revoked_at),
                          "token": r.token})
    await doc.section(s, "recognitionPresented", m.RecognitionImport,
                      m.RecognitionImport.volunteer_id == vid, [m.RecognitionImport.id.desc()],
                      lambda r: {
                          "tenant": doc.tenant(r.tenant_id), "credential": r.credential_jti,
                          "issuer": r.issuer, "kind": r.kind, "hours": r.hours,
                          "consentedAt": _iso(r.consented_at)})


async def _withdraw_recognition(tx: Tx, vid: int, now: datetime) -> None:
    """An erased person's certificates and badges stop being valid: revoked, with their
    credentials (whose status bits stay set; the rows keep no token)."""
    s = tx.session
    certificates = list((await s.scalars(select(m.Certificate.id).where(
        m.Certificate.volunteer_id == vid, m.Certificate.revoked_at.is_(None)))).all())
    awards = list((await s.scalars(select(m.BadgeAward.id).where(
        m.BadgeAward.volunteer_id == vid, m.BadgeAward.revoked_at.is_(None)))).all())
    await revoke_credentials(tx, certificate_ids=certificates, award_ids=awards)
    for model in (m.Certificate, m.BadgeAward):
        await s.execute(update(model).where(model.volunteer_id == vid,
                                            model.revoked_at.is_(None)).values(revoked_at=now))
    await s.execute(update(m.Credential).where(m.Credential.volunteer_id == vid)
                    .values(token=""))


def _count(result: Any) -> int:
    """The rows an UPDATE changed."""
    return int(getattr(result, "rowcount", 0) or 0)


async def _forget_keys(session: AsyncSession, caller: Caller) -> None:
    """The caller's idempotency keys (their results may hold personal data), this write's
    own included: a step before the commit, after the write's key row has its result."""
    await session.execute(delete(m.IdempotencyKey).where(
        m.IdempotencyKey.subject.in_(caller.subjects)))


async def _clear_trail(session: AsyncSession, caller: Caller, object_ids: list[str]) -> None:
    """Audit events by or about the caller keep what happened and when, not who they were:
    their subject goes (where it is theirs) and the details with it."""
    event = m.AuditEvent
    theirs = caller.subject_is_theirs()
    chunks = [object_ids[i:i + AUDIT_CHUNK]
              for i in range(0, len(object_ids), AUDIT_CHUNK)] or [[]]
    for chunk in chunks:
        await session.execute(update(event).where(caller.about_them(chunk)).values(
            subject=case((theirs, null()), else_=event.subject), details={}))


async def delete_my_account(ctx: RequestContext, confirm: bool) -> bool:
    await perform(ctx, DeleteMyAccount(confirm))
    return True
