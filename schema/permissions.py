"""Field policies, declared on the fields they guard. A denied field is null with a
`FORBIDDEN` error at its path; the hidden value never reaches the response."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from hub.access import PrincipalKind
from schema.info import Info

FORBIDDEN = {"code": "FORBIDDEN"}


class SignedIn(BasePermission):
    """Signed-in volunteers and staff (e.g. an opportunity's contact)."""

    message = "Sign in to see this field."
    error_extensions = FORBIDDEN

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        kind = info.context.scope.principal.kind
        return kind in (PrincipalKind.VOLUNTEER, PrincipalKind.STAFF)


class Staff(BasePermission):
    """Staff of any member tenant (e.g. a news item's author)."""

    message = "Only staff may see this field."
    error_extensions = FORBIDDEN

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        return info.context.scope.principal.kind == PrincipalKind.STAFF


class OwningTenantStaff(BasePermission):
    """Staff of the tenant that owns the record (e.g. applications count)."""

    message = "Only staff of the owning tenant may see this field."
    error_extensions = FORBIDDEN
    roles: frozenset[str] = frozenset({"admin", "coordinator", "editor", "viewer"})

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        principal = info.context.scope.principal
        return (
            principal.kind == PrincipalKind.STAFF
            and principal.tenant_id == source.row.tenant_id
            and bool(principal.roles & self.roles)
        )


class OwningTenantEditor(OwningTenantStaff):
    """Editors, coordinators and admins of the owning tenant (e.g. all translations)."""

    message = "Only editors of the owning tenant may see this field."
    roles = frozenset({"admin", "coordinator", "editor"})


class Personal(BasePermission):
    """A volunteer's personal data: the volunteer themself, or staff of a tenant they belong
    to. Until authentication lands every caller is anonymous, so this denies."""

    message = "This is personal data."
    error_extensions = FORBIDDEN

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        principal = info.context.scope.principal
        return principal.kind == PrincipalKind.VOLUNTEER and principal.volunteer_id == source.row.id
