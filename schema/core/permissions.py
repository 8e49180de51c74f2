"""Field policies, declared on the fields they guard (`permission_classes=[...]`). A denied
field is null with a `FORBIDDEN` error at its path; the hidden value never reaches the
response. Each policy also states its row of the policy matrix (docs/security.md), which
the tests check against what the API really does.

Matrix columns, relative to a record of tenant T and a volunteer V who is a member of T:
anonymous, V themself, another volunteer, staff of T in each role, staff of another tenant,
the federation analyst, an API client.
"""

from __future__ import annotations

from typing import Any, ClassVar

from strawberry.permission import BasePermission

from hub.access import EDITOR_ROLES, ROLES, PrincipalKind
from hub.i18n import messages as msg
from hub.ids import encode_id
from schema.core.info import Info

COLUMNS = ("anonymous", "self", "other_volunteer", "admin", "coordinator", "editor", "viewer",
           "other_staff", "federation", "client")
FORBIDDEN = {"code": "FORBIDDEN"}


def matrix(yes: set[str], **special: str) -> dict[str, str]:
    return {c: special.get(c, "yes" if c in yes else "no") for c in COLUMNS}


STAFF_OF_T = {"admin", "coordinator", "editor", "viewer"}


class Policy(BasePermission):
    """A field policy: `matrix` is its documented row, `has_permission` its enforcement."""

    error_extensions = FORBIDDEN
    rule: ClassVar[str]
    matrix: ClassVar[dict[str, str]]


class SignedIn(Policy):
    rule = "signed-in volunteers and society staff"
    matrix = matrix({"self", "other_volunteer", *STAFF_OF_T, "other_staff"})
    message = msg.SIGN_IN_TO_SEE

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        kind = info.context.scope.principal.kind
        return kind in (PrincipalKind.VOLUNTEER, PrincipalKind.STAFF)


class Staff(Policy):
    """Staff of any member tenant (lists of people they reach are then scoped to their own
    members and to volunteers who share with the network)."""

    rule = "staff of any member tenant"
    matrix = matrix({*STAFF_OF_T, "other_staff"})
    message = msg.STAFF_ONLY

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.scope.principal.kind == PrincipalKind.STAFF


class OwningTenantStaff(Policy):
    rule = "staff of the owning tenant"
    matrix = matrix(STAFF_OF_T)
    message = msg.OWNING_TENANT_STAFF_ONLY
    roles: ClassVar[frozenset[str]] = frozenset(ROLES)

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.scope.is_owner_staff(source.row.tenant_id, self.roles)


class OwningTenantEditor(OwningTenantStaff):
    rule = "admins, coordinators and editors of the owning tenant"
    matrix = matrix({"admin", "coordinator", "editor"})
    message = msg.OWNING_TENANT_EDITORS_ONLY
    roles = EDITOR_ROLES


class Personal(Policy):
    """A volunteer's personal data and records: the volunteer themself, or staff of a tenant
    the volunteer belongs to. Staff reads are audited."""

    rule = "the volunteer themself; staff of a tenant the volunteer belongs to"
    matrix = matrix({"self", *STAFF_OF_T})
    message = msg.PERSONAL_DATA

    async def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        memberships = await info.context.loaders.memberships_by_volunteer.load(source.row.id)
        return self._decide(source, info, memberships)

    def has_permission_now(self, source: Any, info: Info, **kwargs: Any) -> bool | None:
        """The same answer at once when the volunteer's memberships are loaded already (a
        page of volunteers prefetches them), None when they are not: compiled runs call
        this first and need no coroutine per row (schema/compiled/guards.py)."""
        ready, memberships = info.context.loaders.memberships_by_volunteer.ready(
            source.row.id)
        return self._decide(source, info, memberships) if ready else None

    @staticmethod
    def _decide(source: Any, info: Info, memberships: Any) -> bool:
        ctx = info.context
        volunteer_id = source.row.id
        allowed = ctx.scope.sees_personal_data(
            volunteer_id, frozenset(mb.tenant_id for mb in memberships),
            getattr(source.row, "subject", None))
        if allowed and ctx.scope.principal.kind == PrincipalKind.STAFF:
            ctx.audit.record("read_personal_data", "Volunteer",
                             encode_id("Volunteer", volunteer_id))
        return allowed


class SelfOnly(Policy):
    rule = "the volunteer themself"
    matrix = matrix({"self"})
    message = msg.SELF_ONLY

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.scope.is_self(source.row.id, getattr(source.row, "subject", None))
