"""Asking an opportunity's manager: a volunteer opens a thread on an opportunity they can
read, the volunteer and the organizing tenant's admins and coordinators write in it, and
either of them closes it.

A staff reply marks the thread ANSWERED and notifies the volunteer; the volunteer's marks it
OPEN again (waiting for the organizers). Nothing more can be written in a CLOSED thread.
Staff write under their own name (`author_subject`, kept for the audit); the volunteer only
ever sees "the organizers", the thread's tenant.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, cast

from sqlalchemy import Table, update

from hub.access import PrincipalKind
from hub.db import models as m
from hub.db.models.enums import InquiryStatus
from hub.db.types import utcnow
from hub.errors import BadUserInput, Conflict, Forbidden, NotFound
from hub.i18n import messages as hub_msg
from hub.ids import encode_id
from resolvers.context import RequestContext
from resolvers.core.writes import Tx, Write, perform
from resolvers.inquiries import messages as msg
from resolvers.loaders import Loaders
from resolvers.notifications.outbox import NotificationKind, notify

MAX_BODY = 2000
MAX_SUBJECT = 200
MAX_MESSAGES = 100  # per thread: what one thread's `messages` may ever list
# Who answers for the organizers; editors and viewers read the threads but do not write.
REPLY_ROLES = frozenset({"admin", "coordinator"})
VOLUNTEER = "VOLUNTEER"
STAFF = "STAFF"


def inquiries(loaders: Loaders) -> Any:
    return loaders.inquiry_by_id


def thread_messages(loaders: Loaders) -> Any:
    return loaders.messages_by_inquiry


def message_counts(loaders: Loaders) -> Any:
    return loaders.message_count_by_inquiry


def clean_body(body: str, argument: str) -> str:
    text = body.strip()
    if not text:
        raise BadUserInput(msg.EMPTY_MESSAGE, argument=argument)
    if len(text) > MAX_BODY:
        raise BadUserInput(msg.MESSAGE_TOO_LONG, argument=argument, count=MAX_BODY)
    return text


def clean_subject(subject: str | None, argument: str) -> str | None:
    text = (subject or "").strip()
    if len(text) > MAX_SUBJECT:
        raise BadUserInput(msg.SUBJECT_TOO_LONG, argument=argument, count=MAX_SUBJECT)
    return text or None


# --- asking --------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Question:
    opportunity: Any  # the opportunity's row, as the volunteer may read it
    volunteer_id: int
    author_subject: str | None
    subject: str | None
    body: str


@dataclass(frozen=True)
class AskOpportunityManager(Write[Question, int]):
    """A signed-in volunteer opens a thread on an opportunity they can read."""

    opportunity_key: int
    subject: str | None
    body: str

    async def allow(self, ctx: RequestContext) -> Question:
        principal = ctx.scope.principal
        if principal.kind != PrincipalKind.VOLUNTEER or principal.volunteer_id is None:
            raise Forbidden(hub_msg.VOLUNTEER_ONLY)
        row = await ctx.loaders.opportunity_by_id.load(self.opportunity_key)
        if row is None or ctx.tenants.get(row.tenant_id) is None:
            raise NotFound(hub_msg.NOT_FOUND, argument="input.opportunity", type="Opportunity")
        return Question(row, principal.volunteer_id, principal.subject, self.subject, self.body)

    def validate(self, question: Question) -> Question:
        return replace(question, subject=clean_subject(question.subject, "input.subject"),
                       body=clean_body(question.body, "input.body"))

    async def apply(self, tx: Tx, question: Question) -> int:
        now = utcnow()
        tenant_id = question.opportunity.tenant_id
        inquiry = m.Inquiry(tenant_id=tenant_id, opportunity_id=question.opportunity.id,
                            volunteer_id=question.volunteer_id, subject=question.subject,
                            status=InquiryStatus.OPEN.value, opened_at=now, updated_at=now)
        tx.session.add(inquiry)
        await tx.session.flush()  # the thread's id, for its first message and the audit
        tx.session.add(m.InquiryMessage(
            tenant_id=tenant_id, inquiry_id=inquiry.id, volunteer_id=question.volunteer_id,
            author=VOLUNTEER, author_subject=question.author_subject, body=question.body,
            sent_at=now))
        tx.audit("ask_opportunity_manager", "Inquiry", encode_id("Inquiry", inquiry.id),
                 tenant_id=tenant_id,
                 opportunity=encode_id("Opportunity", question.opportunity.id))
        return inquiry.id


# --- writing in a thread -------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Turn:
    thread: Any  # the thread's row, as the caller may read it
    author: str  # VOLUNTEER or STAFF
    author_subject: str | None
    body: str = ""


async def _turn(ctx: RequestContext, key: int) -> Turn:
    """The thread `key` and who writes in it: its volunteer, or an admin or coordinator of
    its tenant. A thread the caller may not read is not found, exactly as one that does not
    exist; one they read but may not write in (editors, viewers) is forbidden."""
    principal = ctx.scope.principal
    if principal.kind not in (PrincipalKind.VOLUNTEER, PrincipalKind.STAFF):
        raise Forbidden(msg.REPLIERS_ONLY)
    row = await inquiries(ctx.loaders).load(key)
    if row is None or ctx.tenants.get(row.tenant_id) is None:
        raise NotFound(hub_msg.NOT_FOUND, argument="input.inquiry", type="Inquiry")
    if principal.kind == PrincipalKind.VOLUNTEER and principal.volunteer_id == row.volunteer_id:
        return Turn(row, VOLUNTEER, principal.subject)
    if ctx.scope.is_owner_staff(row.tenant_id, REPLY_ROLES):
        return Turn(row, STAFF, principal.subject)
    raise Forbidden(msg.REPLIERS_ONLY)


async def _move(tx: Tx, thread: Any, conflict: str, **values: Any) -> None:
    """Set the thread's `values` unless it is CLOSED (checked in the same statement, so a
    concurrent close wins cleanly)."""
    table = cast(Table, m.Inquiry.__table__)
    result = await tx.session.execute(
        update(table).where(table.c.id == thread.id,
                            table.c.status != InquiryStatus.CLOSED.value)
        .values(updated_at=utcnow(), **values))
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise Conflict(conflict)
    tx.changed(inquiries, thread.id)


@dataclass(frozen=True)
class ReplyToInquiry(Write[Turn, int]):
    """The thread's volunteer or the organizers write the next message."""

    inquiry_key: int
    body: str

    async def allow(self, ctx: RequestContext) -> Turn:
        turn = await _turn(ctx, self.inquiry_key)
        if turn.thread.status == InquiryStatus.CLOSED.value:
            raise Conflict(msg.THREAD_CLOSED)
        if await message_counts(ctx.loaders).load(self.inquiry_key) >= MAX_MESSAGES:
            raise Conflict(msg.THREAD_FULL, count=MAX_MESSAGES)
        return replace(turn, body=self.body)

    def validate(self, turn: Turn) -> Turn:
        return replace(turn, body=clean_body(turn.body, "input.body"))

    async def apply(self, tx: Tx, turn: Turn) -> int:
        thread = turn.thread
        status = InquiryStatus.ANSWERED if turn.author == STAFF else InquiryStatus.OPEN
        await _move(tx, thread, msg.THREAD_CLOSED, status=status.value)
        tx.session.add(m.InquiryMessage(
            tenant_id=thread.tenant_id, inquiry_id=thread.id, volunteer_id=thread.volunteer_id,
            author=turn.author, author_subject=turn.author_subject, body=turn.body,
            sent_at=utcnow()))
        inquiry_id = encode_id("Inquiry", thread.id)
        if turn.author == STAFF:
            # Staff of the thread's tenant may write the tenant's notification rows: no
            # system rights needed (the row security's WITH CHECK is the tenant).
            notify(tx, volunteer_id=thread.volunteer_id, tenant_id=thread.tenant_id,
                   kind=NotificationKind.INQUIRY_REPLIED, inquiry=inquiry_id)
        tx.audit("reply_to_inquiry", "Inquiry", inquiry_id, tenant_id=thread.tenant_id,
                 author=turn.author, status=status.value)
        tx.changed(thread_messages, thread.id)
        tx.changed(message_counts, thread.id)
        return int(thread.id)


@dataclass(frozen=True)
class CloseInquiry(Write[Turn, int]):
    """The thread's volunteer or the organizers end it; the organizers' close is notified."""

    inquiry_key: int

    async def allow(self, ctx: RequestContext) -> Turn:
        turn = await _turn(ctx, self.inquiry_key)
        if turn.thread.status == InquiryStatus.CLOSED.value:
            raise Conflict(msg.ALREADY_CLOSED)
        return turn

    async def apply(self, tx: Tx, turn: Turn) -> int:
        thread = turn.thread
        await _move(tx, thread, msg.ALREADY_CLOSED, status=InquiryStatus.CLOSED.value,
                          closed_at=utcnow())
        inquiry_id = encode_id("Inquiry", thread.id)
        if turn.author == STAFF:
            notify(tx, volunteer_id=thread.volunteer_id, tenant_id=thread.tenant_id,
                   kind=NotificationKind.INQUIRY_CLOSED, inquiry=inquiry_id)
        tx.audit("close_inquiry", "Inquiry", inquiry_id, tenant_id=thread.tenant_id,
                 author=turn.author)
        return int(thread.id)


async def _written(ctx: RequestContext, key: int) -> Any:
    """The thread just written, read back under the writer's scope (who wrote may read)."""
    row = await inquiries(ctx.loaders).load(key)
    if row is None:  # pragma: no cover - the writer's own scope covers the thread
        raise RuntimeError(f"inquiry {key} written but not readable by its writer")
    return row


async def ask_opportunity_manager(ctx: RequestContext, *, opportunity_key: int,
                                  subject: str | None, body: str) -> Any:
    """The new thread's row."""
    key = await perform(ctx, AskOpportunityManager(opportunity_key, subject, body))
    return await _written(ctx, key)


async def reply_to_inquiry(ctx: RequestContext, *, inquiry_key: int, body: str) -> Any:
    """The thread's row, as changed."""
    key = await perform(ctx, ReplyToInquiry(inquiry_key, body))
    return await _written(ctx, key)


async def close_inquiry(ctx: RequestContext, *, inquiry_key: int) -> Any:
    """The thread's row, as closed."""
    key = await perform(ctx, CloseInquiry(inquiry_key))
    return await _written(ctx, key)
