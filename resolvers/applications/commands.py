"""Applying, withdrawing, deciding and completing: the application writes.

Who may: a signed-in volunteer applies to an opportunity they can see (a PUBLIC one of any
member society: the regional platform lets any society's volunteer apply; whether they are
a member of the opportunity's tenant is recorded in the audit event) and withdraws their
own applications; admins and coordinators of the opportunity's tenant decide and complete.
Staff of another tenant do not see the application at all (NOT_FOUND, as for an id that
does not exist); editors and viewers of the tenant see it but may not decide (FORBIDDEN).

Every move of the status machine (resolvers/applications/rules.py) is a compare-and-set
UPDATE (`WHERE status = <the status the caller saw>`): two concurrent moves of the same
application cannot both happen; the second is a CONFLICT.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError

from hub.access import PrincipalKind
from hub.db import models as m
from hub.db.models.enums import Acceptance, DecisionReason
from hub.db.models.enums import ApplicationStatus as S
from hub.db.types import utcnow
from hub.errors import BadUserInput, Conflict, Forbidden, NotFound
from hub.i18n import enum_label
from hub.i18n import messages as hub_msg
from hub.ids import encode_id
from resolvers.applications import messages as msg
from resolvers.applications.places import NO_SYNC, free_place, place_left, take_place
from resolvers.applications.rules import (
    age_on,
    frees_a_place,
    has_ended,
    local_today,
    may_move,
)
from resolvers.certificates.issue import certificate_on_completion
from resolvers.context import RequestContext
from resolvers.core.writes import Tx, Write
from resolvers.notifications.outbox import NotificationKind, notify
from resolvers.statistics.rollups import roll_up
from resolvers.webhooks.outbox import WebhookEvent, queue_webhooks

A = m.Application
DECIDERS = frozenset({"admin", "coordinator"})
MAX_NOTE = 1000
DECIDED = {S.ACCEPTED: NotificationKind.APPLICATION_ACCEPTED,
           S.REJECTED: NotificationKind.APPLICATION_REJECTED,
           S.WAITLISTED: NotificationKind.APPLICATION_WAITLISTED,
           S.APPLIED: NotificationKind.APPLICATION_RECEIVED}


def volunteer_of(ctx: RequestContext) -> int:
    principal = ctx.scope.principal
    if principal.kind != PrincipalKind.VOLUNTEER or principal.volunteer_id is None:
        raise Forbidden(hub_msg.VOLUNTEER_ONLY)
    return principal.volunteer_id


def status_label(ctx: RequestContext, status: str) -> str:
    return enum_label(ctx.locales.preferred or "en", "ApplicationStatus", status)


def check_move(ctx: RequestContext, row: Any, to: S) -> None:
    if not may_move(row.status, to):
        raise Conflict(msg.ILLEGAL_MOVE, status=status_label(ctx, row.status),
                       to=status_label(ctx, to))


async def visible_application(ctx: RequestContext, application_id: int) -> Any:
    row = await ctx.loaders.application_by_id.load(application_id)
    if row is None:
        raise NotFound(hub_msg.NOT_FOUND, argument="input.applicationId", type="Application")
    return row


async def decidable_application(ctx: RequestContext, application_id: int) -> Any:
    """An application of the caller's tenant that they may decide: admins, coordinators."""
    if not ctx.scope.principal.is_staff:
        raise Forbidden(msg.STAFF_DECIDE_ONLY)
    row = await visible_application(ctx, application_id)
    if not ctx.scope.is_owner_staff(row.tenant_id, DECIDERS):
        raise Forbidden(msg.STAFF_DECIDE_ONLY)
    return row


def checked_note(note: str | None, argument: str = "input.note") -> str | None:
    text = (note or "").strip() or None
    if text is not None and len(text) > MAX_NOTE:
        raise BadUserInput(msg.NOTE_TOO_LONG, argument=argument, count=MAX_NOTE)
    return text


async def move(tx: Tx, row: Any, to: S, **values: Any) -> None:
    """The application `row` from the status it was read in to `to`, or a CONFLICT."""
    now = utcnow()
    result: Any = await tx.session.execute(
        update(A).where(A.id == row.id, A.status == row.status)
        .values(status=to.value, updated_at=now, **values).execution_options(**NO_SYNC))
    if result.rowcount != 1:
        raise Conflict(msg.APPLICATION_CHANGED)


def changed_application(tx: Tx, row: Any, promoted: int | None = None) -> None:
    """After the commit, the request's loaders forget the application, its opportunity's
    counts and the application moved up from the waiting list, if any."""
    tx.changed(lambda loaders: loaders.application_by_id, row.id)
    if promoted:
        tx.changed(lambda loaders: loaders.application_by_id, promoted)
    tx.changed(lambda loaders: loaders.opportunity_by_id, row.opportunity_id)
    tx.changed(lambda loaders: loaders.viewer_application_by_opportunity, row.opportunity_id)
    tx.changed(lambda loaders: loaders.application_count_by_opportunity, row.opportunity_id)


def ids(row: Any) -> dict[str, str]:
    return {"application": encode_id("Application", row.id),
            "opportunity": encode_id("Opportunity", row.opportunity_id)}


# --- applying ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Applying:
    volunteer_id: int
    opportunity: Any  # its row, as the volunteer sees it
    member: bool


@dataclass(frozen=True)
class ApplyToOpportunity(Write[Applying, int]):
    """The signed-in volunteer applies; the new application's id. AUTOMATIC opportunities
    accept at once while places are left; REVIEW ones wait for staff; a full one puts the
    applicant on its waiting list."""

    opportunity_id: int

    async def allow(self, ctx: RequestContext) -> Applying:
        volunteer_id = volunteer_of(ctx)
        loaders = ctx.loaders
        opportunity = await loaders.opportunity_by_id.load(self.opportunity_id)
        if opportunity is None:
            raise NotFound(hub_msg.NOT_FOUND, argument="input.opportunityId",
                           type="Opportunity")
        if opportunity.status != "PUBLISHED":
            raise Conflict(msg.NOT_OPEN)
        if has_ended(opportunity.ends_at):
            raise Conflict(msg.ENDED)
        if await loaders.viewer_application_by_opportunity.load(self.opportunity_id):
            raise Conflict(msg.ALREADY_APPLIED)
        if opportunity.min_age:
            volunteer = await loaders.volunteer_by_id.load(volunteer_id)
            tenant = ctx.tenants.by_id[opportunity.tenant_id]
            age = age_on(local_today(tenant.time_zone), volunteer.birth_date,
                         volunteer.birth_year) if volunteer is not None else None
            if age is None:
                raise Forbidden(msg.AGE_UNKNOWN, count=opportunity.min_age)
            if age < opportunity.min_age:
                raise Forbidden(msg.TOO_YOUNG, count=opportunity.min_age)
        member = opportunity.tenant_id in ctx.scope.principal.member_tenant_ids
        return Applying(volunteer_id, opportunity, member)

    async def apply(self, tx: Tx, target: Applying) -> int:
        o = target.opportunity
        if o.acceptance == Acceptance.AUTOMATIC.value:
            status = S.ACCEPTED if await take_place(tx, o.id) else S.WAITLISTED
        else:
            status = S.APPLIED if await place_left(tx, o.id, o.capacity, o.filled_spots) \
                else S.WAITLISTED
        now = utcnow()
        row = A(tenant_id=o.tenant_id, opportunity_id=o.id, volunteer_id=target.volunteer_id,
                status=status.value, applied_at=now, updated_at=now,
                decided_at=now if status == S.ACCEPTED else None)
        tx.session.add(row)
        try:
            await tx.session.flush()
        except IntegrityError:  # a concurrent application of the same volunteer won
            raise Conflict(msg.ALREADY_APPLIED) from None
        notify(tx, volunteer_id=target.volunteer_id, tenant_id=o.tenant_id,
               kind=DECIDED[status], **ids(row))
        tx.audit("apply_to_opportunity", "Application", encode_id("Application", row.id),
                 tenant_id=o.tenant_id, opportunity=encode_id("Opportunity", o.id),
                 status=status.value, member=target.member)
        # What the application sets going, on the hub's account in one switch of role.
        async with tx.as_system():
            await queue_webhooks(tx, tenant_id=o.tenant_id,
                                 event=WebhookEvent.APPLICATION_RECEIVED,
                                 payload={"application": encode_id("Application", row.id),
                                          "opportunity": encode_id("Opportunity", o.id),
                                          "status": status.value})
            await roll_up(tx, application_ids=[row.id])
        changed_application(tx, row)
        return int(row.id)


# --- withdrawing -------------------------------------------------------------------------

@dataclass(frozen=True)
class WithdrawApplication(Write[Any, int]):
    """The volunteer withdraws their own application; an accepted one's place goes to the
    first on the waiting list."""

    application_id: int

    async def allow(self, ctx: RequestContext) -> Any:
        volunteer_id = volunteer_of(ctx)
        row = await visible_application(ctx, self.application_id)
        if row.volunteer_id != volunteer_id:
            raise Forbidden(msg.OWN_APPLICATION_ONLY)
        check_move(ctx, row, S.WITHDRAWN)
        return row

    async def apply(self, tx: Tx, row: Any) -> int:
        await move(tx, row, S.WITHDRAWN)
        promoted = await free_place(tx, row.opportunity_id) \
            if frees_a_place(row.status, S.WITHDRAWN) else None
        tx.audit("withdraw_application", "Application", encode_id("Application", row.id),
                 tenant_id=row.tenant_id, was=row.status,
                 promoted=encode_id("Application", promoted) if promoted else None)
        await roll_up(tx, application_ids=[row.id, *([promoted] if promoted else [])])
        changed_application(tx, row, promoted)
        return int(row.id)


# --- deciding ----------------------------------------------------------------------------

@dataclass(frozen=True)
class DecideApplication(Write[Any, int]):
    """Staff accept (a place must be left) or reject (with a reason, shown to the volunteer
    in their language, and maybe a note) an application of their tenant."""

    application_id: int
    decision: S
    reason: DecisionReason | None = None
    note: str | None = None

    async def allow(self, ctx: RequestContext) -> Any:
        row = await decidable_application(ctx, self.application_id)
        if self.decision in (S.ACCEPTED, S.REJECTED):
            check_move(ctx, row, self.decision)
        return row

    def validate(self, row: Any) -> Any:
        if self.decision not in (S.ACCEPTED, S.REJECTED):
            raise BadUserInput(msg.DECISION_STATUS, argument="input.decision")
        if self.decision == S.REJECTED and self.reason is None:
            raise BadUserInput(msg.REASON_REQUIRED, argument="input.reason")
        if self.decision == S.ACCEPTED and self.reason is not None:
            raise BadUserInput(msg.REASON_ONLY_ON_REJECTION, argument="input.reason")
        note = checked_note(self.note)
        if self.reason == DecisionReason.OTHER and note is None:
            raise BadUserInput(msg.NOTE_FOR_OTHER, argument="input.note")
        return row

    async def apply(self, tx: Tx, row: Any) -> int:
        now, note = utcnow(), checked_note(self.note)
        reason = self.reason.value if self.reason else None
        await move(tx, row, self.decision, decided_at=now, decision_reason=reason,
                   decision_note=note)
        promoted = None
        if self.decision == S.ACCEPTED and row.status != S.ACCEPTED.value:
            if not await take_place(tx, row.opportunity_id):
                raise Conflict(msg.NO_PLACE_LEFT)
        elif frees_a_place(row.status, self.decision):
            promoted = await free_place(tx, row.opportunity_id)
        params: dict[str, Any] = ids(row)
        if reason:
            params.update(reason=reason, note=note)
        notify(tx, volunteer_id=row.volunteer_id, tenant_id=row.tenant_id,
               kind=DECIDED[self.decision], **params)
        tx.audit("decide_application", "Application", encode_id("Application", row.id),
                 tenant_id=row.tenant_id, was=row.status, decision=self.decision.value,
                 reason=reason,
                 promoted=encode_id("Application", promoted) if promoted else None)
        await roll_up(tx, application_ids=[row.id, *([promoted] if promoted else [])])
        changed_application(tx, row, promoted)
        return int(row.id)


# --- completing --------------------------------------------------------------------------

@dataclass(frozen=True)
class CompleteApplication(Write[Any, int]):
    """Staff close an accepted application: COMPLETED (keeps its place and its hours) or
    NO_SHOW (frees the place for the first on the waiting list)."""

    application_id: int
    status: S

    async def allow(self, ctx: RequestContext) -> Any:
        row = await decidable_application(ctx, self.application_id)
        if self.status in (S.COMPLETED, S.NO_SHOW):
            check_move(ctx, row, self.status)
        return row

    def validate(self, row: Any) -> Any:
        if self.status not in (S.COMPLETED, S.NO_SHOW):
            raise BadUserInput(msg.COMPLETION_STATUS, argument="input.status")
        return row

    async def apply(self, tx: Tx, row: Any) -> int:
        await move(tx, row, self.status, completed_at=utcnow())
        promoted = await free_place(tx, row.opportunity_id) \
            if frees_a_place(row.status, self.status) else None
        notify(tx, volunteer_id=row.volunteer_id, tenant_id=row.tenant_id,
               kind=NotificationKind.APPLICATION_COMPLETED, status=self.status.value,
               **ids(row))
        tx.audit("complete_application", "Application", encode_id("Application", row.id),
                 tenant_id=row.tenant_id, status=self.status.value,
                 promoted=encode_id("Application", promoted) if promoted else None)
        async with tx.as_system():  # what completing sets going, in one switch of role
            if self.status == S.COMPLETED:
                await certificate_on_completion(tx, row)
            await roll_up(tx, application_ids=[row.id, *([promoted] if promoted else [])])
        changed_application(tx, row, promoted)
        return int(row.id)
