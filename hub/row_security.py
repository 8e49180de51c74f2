"""The per-transaction settings that PostgreSQL's row-level security policies read.

Every request transaction starts with one statement that switches to the restricted role
and states what the principal may read (migrations 0003 and 0004 define the policies).
SQLite has no row security: there the query scope is the only guard.
"""

from __future__ import annotations

from sqlalchemy import TextClause, text

from hub.access import PrincipalKind, ReadScope

REQUEST_ROLE = "tatawwu_request"

PRELUDE = text(
    "SELECT set_config('role', :role, true), set_config('tatawwu.tenants', :tenants, true), "
    "set_config('tatawwu.network', :network, true), set_config('tatawwu.staff', :staff, true), "
    "set_config('tatawwu.volunteer', :volunteer, true)"
)


def prelude(scope: ReadScope) -> TextClause:
    principal = scope.principal
    return PRELUDE.bindparams(
        role=REQUEST_ROLE,
        tenants=",".join(str(t) for t in sorted(scope.own_tenants)),
        network="on" if scope.network else "off",
        staff="on" if principal.kind == PrincipalKind.STAFF else "off",
        volunteer=str(principal.volunteer_id)
        if principal.kind == PrincipalKind.VOLUNTEER and principal.volunteer_id else "",
    )
