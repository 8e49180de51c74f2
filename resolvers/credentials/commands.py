"""presentCredentials and withdrawRecognition: a volunteer carries recognition from one
society to another.

A signed-in volunteer who is a member of society S presents credentials issued by other
member societies (downloaded from `Volunteer.credentials`, or from anywhere they kept
them), consenting that S's staff see them. Each is verified (presented.py: signature with
its issuer's published keys, claims, revocation) and must name the presenting volunteer
as its subject (the pseudonym its issuer derives for them); then it is stored for S as a
`recognition_import` with the time of consent. Presenting the same credential again changes
nothing. Any credential that fails refuses the whole call (BAD_USER_INPUT naming it:
`input.credentials[2]`), and nothing is stored.

Withdrawing (consent taken back) deletes the volunteer's imports at S, all or some: S's
staff no longer see them. A volunteer who has left S may still withdraw.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from hub.access import PrincipalKind
from hub.db import models as m
from hub.db.types import utcnow
from hub.errors import BadUserInput, Forbidden
from hub.i18n import messages as hub_msg
from hub.ids import encode_id
from resolvers.context import RequestContext
from resolvers.core.writes import Tx, Write, perform
from resolvers.credentials import messages as msg
from resolvers.credentials.addresses import subject_id
from resolvers.credentials.presented import achievement_record, check_presented
from resolvers.credentials.verification import MESSAGES, Verified

MAX_PRESENTED = 20
MAX_CREDENTIAL_CHARS = 65_536


def _volunteer(ctx: RequestContext) -> int:
    principal = ctx.scope.principal
    if principal.kind != PrincipalKind.VOLUNTEER or principal.volunteer_id is None:
        raise Forbidden(hub_msg.VOLUNTEER_ONLY)
    return principal.volunteer_id


def _tenant(ctx: RequestContext, slug: str) -> int:
    return ctx.tenants.ids_for_slugs([slug], "input.tenant")[0]


@dataclass(frozen=True, slots=True)
class Accepted:
    credential: Verified
    issuer_tenant_id: int
    achievement: dict[str, Any]  # what the import keeps of it (presented.achievement_record)


@dataclass(frozen=True, slots=True)
class Presentation:
    volunteer_id: int
    tenant_id: int
    credentials: tuple[Accepted, ...]
    at: datetime


@dataclass(frozen=True)
class PresentCredentials(Write[Presentation, list[int]]):
    tenant: str
    tokens: tuple[str, ...]
    consent: bool

    async def allow(self, ctx: RequestContext) -> Presentation:
        volunteer_id = _volunteer(ctx)
        tenant_id = _tenant(ctx, self.tenant)
        if tenant_id not in ctx.scope.principal.member_tenant_ids:
            raise Forbidden(msg.NOT_A_MEMBER, argument="input.tenant")
        if not self.consent:
            raise BadUserInput(msg.CONSENT_REQUIRED, argument="input.consent")
        if not self.tokens:
            raise BadUserInput(msg.NO_CREDENTIALS, argument="input.credentials")
        if len(self.tokens) > MAX_PRESENTED:
            raise BadUserInput(msg.TOO_MANY_CREDENTIALS, argument="input.credentials",
                               count=MAX_PRESENTED)
        tokens = [token.strip() for token in self.tokens]
        volunteer = await ctx.loaders.volunteer_by_id.load(volunteer_id)
        if volunteer is None:  # pragma: no cover - a signed-in volunteer reads their own row
            raise Forbidden(hub_msg.VOLUNTEER_ONLY)
        at = utcnow()
        checked = await check_presented(tokens, public_url=ctx.settings.public_url,
                                        tenants=ctx.tenants, run=ctx.db.rows_as_system, now=at)
        accepted: dict[str, Accepted] = {}
        for i, result in enumerate(checked):
            argument = f"input.credentials[{i}]"
            if result.rejected is not None:
                raise BadUserInput(MESSAGES[result.rejected.failure], argument=argument,
                                   detail=f"{result.rejected.failure.value}: "
                                          f"{result.rejected.detail}")
            found, issuer_tenant = result.credential, result.issuer_tenant_id
            assert found is not None
            assert issuer_tenant is not None
            if issuer_tenant == tenant_id:
                raise BadUserInput(msg.OWN_SOCIETY, argument=argument)
            if found.subject != subject_id(found.issuer, volunteer_id, volunteer.created_at):
                raise BadUserInput(msg.NOT_YOURS, argument=argument)
            accepted.setdefault(found.id, Accepted(found, issuer_tenant, achievement_record(
                found, ctx.tenants.by_id.get(issuer_tenant))))
        return Presentation(volunteer_id, tenant_id, tuple(accepted.values()), at)

    async def apply(self, tx: Tx, target: Presentation) -> list[int]:
        r = m.RecognitionImport
        jtis = [a.credential.id for a in target.credentials]
        held = set((await tx.session.scalars(select(r.credential_jti).where(
            r.tenant_id == target.tenant_id, r.volunteer_id == target.volunteer_id,
            r.credential_jti.in_(jtis)))).all())
        for accepted in target.credentials:
            found = accepted.credential
            if found.id in held:
                continue
            tx.session.add(r(
                tenant_id=target.tenant_id, volunteer_id=target.volunteer_id,
                credential_jti=found.id, issuer=found.issuer,
                issuer_tenant_id=accepted.issuer_tenant_id, kind=found.kind, hours=found.hours,
                valid_from=found.valid_from, achievement=accepted.achievement,
                consented_at=target.at, imported_at=target.at, token=found.token))
        await tx.session.flush()
        ids = dict((await tx.session.execute(select(r.credential_jti, r.id).where(
            r.tenant_id == target.tenant_id, r.volunteer_id == target.volunteer_id,
            r.credential_jti.in_(jtis)))).all())
        tx.audit("present_credentials", "Volunteer", encode_id("Volunteer", target.volunteer_id),
                 tenant_id=target.tenant_id, credentials=jtis,
                 imported=len(set(jtis) - held))
        tx.changed(lambda loaders: loaders.recognition_by_volunteer, target.volunteer_id)
        return [ids[jti] for jti in jtis]


async def present_credentials(ctx: RequestContext, *, tenant: str, tokens: list[str],
                              consent: bool, key: str | None = None) -> list[int]:
    """The ids of the volunteer's imports at `tenant` of these credentials."""
    return await perform(ctx, PresentCredentials(tenant, tuple(tokens), consent), key=key)


@dataclass(frozen=True, slots=True)
class Withdrawal:
    volunteer_id: int
    tenant_id: int


@dataclass(frozen=True)
class WithdrawRecognition(Write[Withdrawal, int]):
    tenant: str
    credential_ids: tuple[str, ...] | None

    async def allow(self, ctx: RequestContext) -> Withdrawal:
        return Withdrawal(_volunteer(ctx), _tenant(ctx, self.tenant))

    async def apply(self, tx: Tx, target: Withdrawal) -> int:
        r = m.RecognitionImport
        stmt = delete(r).where(r.tenant_id == target.tenant_id,
                               r.volunteer_id == target.volunteer_id)
        if self.credential_ids is not None:
            stmt = stmt.where(r.credential_jti.in_(list(self.credential_ids)))
        removed = int((await tx.session.execute(stmt)).rowcount)  # type: ignore[attr-defined]
        tx.audit("withdraw_recognition", "Volunteer", encode_id("Volunteer", target.volunteer_id),
                 tenant_id=target.tenant_id, withdrawn=removed)
        tx.changed(lambda loaders: loaders.recognition_by_volunteer, target.volunteer_id)
        return removed


async def withdraw_recognition(ctx: RequestContext, *, tenant: str,
                               credential_ids: list[str] | None,
                               key: str | None = None) -> int:
    return await perform(ctx, WithdrawRecognition(
        tenant, tuple(credential_ids) if credential_ids is not None else None), key=key)
