"""Badge awards from verified hours: written in the transaction that verifies the hours,
once per (tenant, volunteer, badge), whatever the number of reviews or retries.

When staff review hours (`verifyHours`, resolvers/applications/hours.py), the reviewed
volunteers' badges in the reviewing tenants are evaluated (resolvers/badges/rules.py) and
every rule now met is awarded. Earned badges are kept: a review never takes one back,
not even a correction (an APPROVED entry rejected later) or a period rule ("the last 12
months") that lapsed. What the rules no longer say is revoked by `tatawwu badges recompute`
(resolvers/badges/recompute.py), run after a rule change and, for tenants with period
rules, on a schedule (nightly, say); its dry run lists what it would change first. The
write path can be asked to revoke too (`revoke_unmet=True`), which a recompute does.

Idempotent and safe under concurrency on both databases: one `INSERT ... ON CONFLICT DO
UPDATE ... WHERE revoked_at IS NOT NULL RETURNING` over the unique (tenant, volunteer,
badge). A live award is left as it is (nothing returned: no second notification, no second
credential); a revoked award met again becomes live again (`awarded_at` of its return).
Reviews of one volunteer are serialized anyway by the volunteer row's lock (hours.py).

Each award made live gets its Open Badges credential (resolvers/credentials/issue.py) and a
BADGE_AWARDED notification; each revoked one has its credential revoked. The reviewing staff
member's row security allows all of it: the awards, notifications and hours read are their
own tenant's rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from hub.db import models as m
from hub.db.types import utcnow
from hub.ids import encode_id
from resolvers.applications.rules import local_today
from resolvers.badges.rules import Met, badges_met
from resolvers.core.writes import Tx
from resolvers.credentials.issue import issue_credentials, revoke_credentials
from resolvers.notifications.outbox import NotificationKind
from tenants.recognition import BadgeRule, Recognition

BA = m.BadgeAward


@dataclass(frozen=True, slots=True)
class TenantRules:
    """A tenant's badge rules as its row holds them, and its local today."""

    tenant_id: int
    today: date
    rules: tuple[BadgeRule, ...]

    def rule(self, code: str) -> BadgeRule | None:
        return next((r for r in self.rules if r.code == code), None)


@dataclass(frozen=True, slots=True)
class Award:
    """An award row as written or revoked."""

    id: int
    volunteer_id: int
    badge_code: str
    hours: float


async def tenant_rules(session: AsyncSession, tenant_ids: Sequence[int]) -> list[TenantRules]:
    """The badge rules of these (active) tenants, those that have any, by id."""
    t = m.Tenant
    rows = (await session.execute(select(t.id, t.settings, t.time_zone).where(
        t.id.in_(sorted(set(tenant_ids))), t.active.is_(True)).order_by(t.id))).all()
    found = []
    for tenant_id, settings, time_zone in rows:
        rules = Recognition.of(settings).badge_rules
        if rules:
            found.append(TenantRules(int(tenant_id), local_today(time_zone), rules))
    return found


async def award_after_review(tx: Tx, *, tenant_ids: Sequence[int],
                             volunteer_ids: Sequence[int], revoke_unmet: bool = False) -> None:
    """After hours of these volunteers were reviewed (approved or rejected) in these
    tenants: award what the tenants' badge rules now say, in the same transaction. With
    `revoke_unmet`, also revoke their awards the rules no longer support (see the module's
    docstring: a review keeps earned badges by default)."""
    if not volunteer_ids:
        return
    for tenant in await tenant_rules(tx.session, tenant_ids):
        met = await badges_met(tx.session, tenant_id=tenant.tenant_id, rules=tenant.rules,
                               today=tenant.today, volunteer_ids=volunteer_ids)
        if revoke_unmet:
            kept = {(x.volunteer_id, x.badge_code) for x in met}
            live = await live_awards(tx.session, tenant.tenant_id, volunteer_ids)
            await revoke(tx, tenant, [a for a in live
                                      if (a.volunteer_id, a.badge_code) not in kept])
        await award(tx, tenant, met)


async def live_awards(session: AsyncSession, tenant_id: int,
                      volunteer_ids: Sequence[int] | None = None) -> list[Award]:
    """The tenant's live awards (of these volunteers, or all), by volunteer and badge."""
    stmt = select(BA.id, BA.volunteer_id, BA.badge_code, BA.hours).where(
        BA.tenant_id == tenant_id, BA.revoked_at.is_(None))
    if volunteer_ids is not None:
        stmt = stmt.where(BA.volunteer_id.in_(sorted(set(volunteer_ids))))
    rows = (await session.execute(stmt.order_by(BA.volunteer_id, BA.badge_code))).all()
    return [Award(int(i), int(v), str(c), float(h)) for i, v, c, h in rows]


async def award(tx: Tx, tenant: TenantRules, met: Sequence[Met], *,
                delivered_at: datetime | None = None) -> list[Award]:
    """Make these met rules live awards: new ones inserted, revoked ones live again, live
    ones untouched. Returns the awards made live (credentials issued, volunteers notified:
    `delivered_at` marks the notifications as already sent, for seeded data)."""
    if not met:
        return []
    now = utcnow()
    values = [{"tenant_id": tenant.tenant_id, "volunteer_id": x.volunteer_id,
               "badge_code": x.badge_code, "hours": x.hours, "awarded_at": now,
               "revoked_at": None} for x in met]
    dialect = postgresql if tx.session.get_bind().dialect.name == "postgresql" else sqlite
    stmt: Any = dialect.insert(BA).values(values)
    stmt = stmt.on_conflict_do_update(
        index_elements=[BA.tenant_id, BA.volunteer_id, BA.badge_code],
        set_={"revoked_at": None, "awarded_at": stmt.excluded.awarded_at,
              "hours": stmt.excluded.hours},
        where=BA.revoked_at.is_not(None),
    ).returning(BA.id, BA.volunteer_id, BA.badge_code, BA.hours)
    made = sorted((Award(int(i), int(v), str(c), float(h))
                   for i, v, c, h in (await tx.session.execute(stmt)).all()),
                  key=lambda a: (a.volunteer_id, a.badge_code))
    if not made:
        return []
    await tx.session.execute(insert(m.Notification).values([
        _notification(tenant, a, now, delivered_at) for a in made]))
    tx.audit("award_badges", "BadgeAward", encode_id("BadgeAward", made[0].id),
             tenant_id=tenant.tenant_id, awards=[_described(a) for a in made])
    await issue_credentials(tx, award_ids=[a.id for a in made])
    _forget(tx, tenant, made)
    return made


async def revoke(tx: Tx, tenant: TenantRules, awards: Sequence[Award]) -> list[Award]:
    """Revoke these live awards (and their credentials); the awards revoked."""
    if not awards:
        return []
    by_id = {a.id: a for a in awards}
    rows = (await tx.session.execute(update(BA).where(
        BA.id.in_(sorted(by_id)), BA.tenant_id == tenant.tenant_id, BA.revoked_at.is_(None),
    ).values(revoked_at=utcnow()).returning(BA.id))).all()
    done = sorted((by_id[int(i)] for (i,) in rows), key=lambda a: (a.volunteer_id, a.badge_code))
    if not done:
        return []
    tx.audit("revoke_badges", "BadgeAward", encode_id("BadgeAward", done[0].id),
             tenant_id=tenant.tenant_id, awards=[_described(a) for a in done])
    await revoke_credentials(tx, award_ids=[a.id for a in done])
    _forget(tx, tenant, done)
    return done


def _described(a: Award) -> dict[str, Any]:
    return {"award": encode_id("BadgeAward", a.id), "badge": a.badge_code,
            "volunteer": encode_id("Volunteer", a.volunteer_id), "hours": a.hours}


def _notification(tenant: TenantRules, a: Award, now: datetime,
                  delivered_at: datetime | None) -> dict[str, Any]:
    """The BADGE_AWARDED outbox row (as `resolvers.notifications.outbox.notify` writes one,
    for a multi-row INSERT). The badge's names travel with it: the notification says the
    name the badge had when it was earned, in the recipient's language."""
    rule = tenant.rule(a.badge_code)
    params = {"award": encode_id("BadgeAward", a.id), "badge": a.badge_code, "hours": a.hours,
              "names": dict(rule.names) if rule is not None else {}}
    return {"volunteer_id": a.volunteer_id, "tenant_id": tenant.tenant_id,
            "kind": NotificationKind.BADGE_AWARDED.value, "params": params, "attempts": 0,
            "created_at": now, "sent_at": delivered_at,
            "read_at": None}


def _forget(tx: Tx, tenant: TenantRules, awards: Sequence[Award]) -> None:
    for volunteer_id in sorted({a.volunteer_id for a in awards}):
        tx.changed(lambda loaders: loaders.badge_awards_by_volunteer, volunteer_id)
