"""Threads between a volunteer and the organizers of an opportunity: personal records, read
only by the thread's volunteer and by staff of the opportunity's tenant (hub/access.py scopes
the rows; PostgreSQL's row security repeats it)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry

from hub.access import PrincipalKind
from hub.i18n import enum_label
from hub.ids import encode_id
from schema.core.common import Node
from schema.core.connections import Connection
from schema.core.enums import InquiryStatus
from schema.core.info import Info
from schema.core.localize import display_locale
from schema.core.node import register
from schema.core.policy import INHERITED, PERSONAL_RECORD_REACH, policy
from schema.tenants.types import Tenant, tenant_of

if TYPE_CHECKING:
    from schema.opportunities.types import Opportunity
    from schema.volunteers.types import Volunteer

Lazy = strawberry.lazy


@strawberry.enum(description="Who wrote a message: the volunteer, or the organizers (the "
                             "opportunity's society, never a named staff member).")
class InquiryAuthor(StrEnum):
    VOLUNTEER = "VOLUNTEER"
    STAFF = "STAFF"


@policy(reach=INHERITED, open=("id", "author", "body", "sentAt"),
        note="listed only through Inquiry.messages; a staff message names no staff member")
@strawberry.type
class InquiryMessage:
    id: strawberry.ID
    author: InquiryAuthor
    body: str
    sent_at: datetime

    @classmethod
    def of(cls, row: Any) -> InquiryMessage:
        return cls(id=strawberry.ID(encode_id("InquiryMessage", row.id)),
                   author=InquiryAuthor(row.author), body=row.body, sent_at=row.sent_at)


@policy(reach=PERSONAL_RECORD_REACH,
        open=("id", "subject", "status", "statusLabel", "openedAt", "updatedAt", "closedAt",
              "tenant", "opportunity", "volunteer", "messages"),
        note="the volunteer's own threads; staff: the threads on their tenant's opportunities")
@strawberry.type
class Inquiry(Node):
    row: strawberry.Private[Any]  # a row of m.Inquiry (a plain row or the written entity)
    subject: str | None
    status: InquiryStatus
    opened_at: datetime
    updated_at: datetime
    closed_at: datetime | None

    @classmethod
    def of(cls, row: Any) -> Inquiry:
        return cls(
            id=strawberry.ID(encode_id("Inquiry", row.id)), row=row, subject=row.subject,
            status=InquiryStatus(row.status), opened_at=row.opened_at,
            updated_at=row.updated_at, closed_at=row.closed_at,
        )

    @strawberry.field
    def status_label(self, info: Info) -> str:
        tenant = info.context.tenants.by_id.get(self.row.tenant_id)
        locale, _ = display_locale(info.context, tenant)
        return enum_label(locale, "InquiryStatus", self.row.status)

    @strawberry.field(description="The organizers: the society the thread is addressed to.")
    def tenant(self, info: Info) -> Tenant:
        return tenant_of(info, self.row.tenant_id)

    @strawberry.field(description="Null when the opportunity is no longer visible to you.")
    async def opportunity(
        self, info: Info
    ) -> Annotated[Opportunity, Lazy("schema.opportunities.types")] | None:
        from schema.opportunities.types import Opportunity

        row = await info.context.loaders.opportunity_by_id.load(self.row.opportunity_id)
        return Opportunity.of(row) if row else None

    @strawberry.field(description="Null for staff when the volunteer is neither a member of "
                                  "their tenant nor shares with the network.")
    async def volunteer(
        self, info: Info
    ) -> Annotated[Volunteer, Lazy("schema.volunteers.types")] | None:
        from schema.volunteers.types import Volunteer

        row = await info.context.loaders.volunteer_by_id.load(self.row.volunteer_id)
        return Volunteer.of(row) if row else None

    @strawberry.field(description="Oldest first.")
    async def messages(self, info: Info) -> list[InquiryMessage]:
        ctx = info.context
        rows = await ctx.loaders.messages_by_inquiry.load(self.row.id)
        if ctx.scope.principal.kind == PrincipalKind.STAFF:
            # What a volunteer wrote to the organizers: a staff read of personal records.
            ctx.audit.record("read_inquiry", "Inquiry", encode_id("Inquiry", self.row.id),
                             tenant_id=self.row.tenant_id)
        return [InquiryMessage.of(r) for r in sorted(rows, key=lambda r: (r.sent_at, r.id))]


@strawberry.type
class InquiryConnection(Connection[Inquiry]):
    node_type = Inquiry


async def _fetch_inquiry(info: Info, key: int) -> Node | None:
    """`node(id:)`: as every list answers, through the scoped loader; a thread kept by a
    deactivated tenant is unreadable, as everything of theirs is."""
    row = await info.context.loaders.inquiry_by_id.load(key)
    if row is None or info.context.tenants.get(row.tenant_id) is None:
        return None
    return Inquiry.of(row)


register("Inquiry", _fetch_inquiry)
