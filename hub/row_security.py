"""The per-transaction settings that PostgreSQL's row-level security policies read, and the
time limit of each statement.

Every request transaction starts with one statement that switches to the restricted role
and states what the principal may read (migrations 0003 and 0004 define the policies) and,
when given, how long one statement may run (`statement_timeout`, HUB_STATEMENT_TIMEOUT_MS;
0: no limit). Both last until the transaction ends, so a pooled connection never carries
them into the next request. SQLite has no row security: there the query scope is the only
guard, and no statement limit.
"""

from __future__ import annotations

from sqlalchemy import TextClause, text

from hub.access import PrincipalKind, ReadScope

REQUEST_ROLE = "tatawwu_request"

# `plan_cache_mode`: the pool's connections keep each statement prepared (asyncpg's cache),
# and after five executions PostgreSQL may switch a prepared statement to a generic plan,
# planned without the values: for a filtered count under row security it chose a bitmap
# scan over 84,000 index entries (71 ms) where the plan for the values reads the table once
# (42 ms) (bench/RESULTS.md, "Q5 on the large set"). Custom plans for every statement of a
# request cost a planning each (a fraction of a millisecond); the settings are one statement
# either way.
_SETTINGS = (
    "set_config('role', :role, true), set_config('tatawwu.tenants', :tenants, true), "
    "set_config('tatawwu.network', :network, true), set_config('tatawwu.staff', :staff, true), "
    "set_config('tatawwu.volunteer', :volunteer, true), "
    "set_config('plan_cache_mode', 'force_custom_plan', true)"
)
PRELUDE = text(f"SELECT {_SETTINGS}")
PRELUDE_WITH_TIMEOUT = text(
    f"SELECT {_SETTINGS}, set_config('statement_timeout', :statement_timeout, true)")


def prelude(scope: ReadScope, *, statement_timeout_ms: int | None = None) -> TextClause:
    """The statement that opens a request transaction. Without `statement_timeout_ms` the
    server's own statement_timeout holds."""
    principal = scope.principal
    params = {
        "role": REQUEST_ROLE,
        "tenants": ",".join(str(t) for t in sorted(scope.own_tenants)),
        "network": "on" if scope.network else "off",
        "staff": "on" if principal.kind == PrincipalKind.STAFF else "off",
        "volunteer": str(principal.volunteer_id)
        if principal.kind == PrincipalKind.VOLUNTEER and principal.volunteer_id else "",
    }
    if statement_timeout_ms is None:
        return PRELUDE.bindparams(**params)
    return PRELUDE_WITH_TIMEOUT.bindparams(**params,
                                           statement_timeout=str(statement_timeout_ms))
