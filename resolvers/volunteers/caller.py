"""The caller of a volunteer's own write: a signed-in person, and their volunteer row."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.dml import Insert

from hub.access import Principal, PrincipalKind
from hub.errors import Forbidden
from hub.i18n import messages as hub_msg
from resolvers.context import RequestContext
from resolvers.volunteers import messages as msg


def volunteer_subject(principal: Principal) -> str | None:
    """The `subject` a signed-in person's volunteer row holds: their issuer-qualified subject
    `issuer|sub`, exactly as hub/authentication.py links a sign-in to its row. (Never the
    bare `sub`: two identity providers' equal `sub` values are two different people.)"""
    if principal.kind != PrincipalKind.VOLUNTEER or principal.subject is None:
        return None
    issuer, bar, sub = principal.subject.partition("|")
    return principal.subject if issuer and bar and sub else None


async def own_volunteer(ctx: RequestContext) -> Any:
    """The signed-in volunteer's row (read under their scope); anyone else may not."""
    principal = ctx.scope.principal
    if principal.kind != PrincipalKind.VOLUNTEER or principal.volunteer_id is None:
        raise Forbidden(hub_msg.VOLUNTEER_ONLY)
    row = await ctx.loaders.volunteer_by_id.load(principal.volunteer_id)
    if row is None or row.erased_at is not None:
        raise Forbidden(msg.ACCOUNT_ERASED)
    return row


def insert_new(session: AsyncSession, model: Any) -> Insert:
    """`INSERT ... ON CONFLICT DO NOTHING` on either database: saving twice, joining twice or
    registering twice at the same moment meets the table's unique key, not an error."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(model).on_conflict_do_nothing()
