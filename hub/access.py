"""Who is asking, and the one function that says which rows they may read.

No resolver builds its own visibility or tenant filter: every query takes the clause from
`ReadScope.rows(model)`. Until authentication lands, every caller is anonymous and reads
public, published records of active tenants.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NewType

from sqlalchemy import ColumnElement, and_, true

from hub.db.models import RecordStatus, Visibility


class PrincipalKind(StrEnum):
    ANONYMOUS = "ANONYMOUS"
    VOLUNTEER = "VOLUNTEER"
    STAFF = "STAFF"
    FEDERATION = "FEDERATION"
    CLIENT = "CLIENT"


@dataclass(frozen=True, slots=True)
class Principal:
    kind: PrincipalKind = PrincipalKind.ANONYMOUS
    tenant_id: int | None = None
    roles: frozenset[str] = frozenset()
    volunteer_id: int | None = None


ANONYMOUS = Principal()

# Only `read_scope` makes these: nothing else can claim a set of readable tenants.
InactiveTenants = NewType("InactiveTenants", frozenset[int])


@dataclass(frozen=True, slots=True)
class ReadScope:
    principal: Principal
    inactive_tenants: InactiveTenants

    def rows(self, model: Any) -> ColumnElement[bool]:
        """The WHERE clause a query of `model` must carry for this principal."""
        clauses: list[ColumnElement[bool]] = []
        if hasattr(model, "visibility"):
            clauses.append(model.visibility == Visibility.PUBLIC.value)
        if hasattr(model, "status"):
            clauses.append(model.status == RecordStatus.PUBLISHED.value)
        if self.inactive_tenants and hasattr(model, "tenant_id"):
            clauses.append(model.tenant_id.not_in(sorted(self.inactive_tenants)))
        return and_(true(), *clauses)


def read_scope(principal: Principal, inactive_tenants: frozenset[int]) -> ReadScope:
    return ReadScope(principal, InactiveTenants(frozenset(inactive_tenants)))
