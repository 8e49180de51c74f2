"""Who is asking, and the one function that says which rows they may read.

No resolver builds its own visibility or tenant filter: every query takes its clause from
`ReadScope.rows(model)`, and only `read_scope()` makes a `ReadScope`. Field policies (who
may see a volunteer's e-mail, an opportunity's contact) live next to the fields in
`schema/`; they ask the predicates here (`sees_personal_data`, ...), never the raw principal.

- anonymous, API client, volunteer: records PUBLIC and PUBLISHED (and due: a record
  published with a `published_at` still ahead is scheduled); a volunteer reads
  their own volunteer row and records (applications, hours, saved opportunities).
- staff of tenant T: also NETWORK records published by any tenant, and T's own records in
  every status (drafts: admin, coordinator, editor only), scheduled ones too; T's
  members, and volunteers of other tenants who share with the network; T's applications,
  hours and memberships.
- federation analyst: also NETWORK published records and the federation's own; no
  volunteer at all (aggregates only).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NewType

from sqlalchemy import ColumnElement, and_, exists, false, or_, select, true

from hub.db import models as m
from hub.db.models import RecordStatus, Visibility
from hub.db.types import utcnow


class PrincipalKind(StrEnum):
    ANONYMOUS = "ANONYMOUS"
    VOLUNTEER = "VOLUNTEER"
    STAFF = "STAFF"
    FEDERATION = "FEDERATION"
    CLIENT = "CLIENT"


ROLES = ("admin", "coordinator", "editor", "viewer")
# Editors write content; coordinators also manage opportunities' places and acceptance and
# decide applications; admins may do everything of their tenant.
EDITOR_ROLES = frozenset({"admin", "coordinator", "editor"})
COORDINATOR_ROLES = frozenset({"admin", "coordinator"})
ADMIN_ROLES = frozenset({"admin"})


@dataclass(frozen=True, slots=True)
class Principal:
    kind: PrincipalKind = PrincipalKind.ANONYMOUS
    subject: str | None = None
    tenant_id: int | None = None  # staff, federation analyst and API client: their tenant
    roles: frozenset[str] = frozenset()
    volunteer_id: int | None = None
    member_tenant_ids: frozenset[int] = frozenset()  # a volunteer's memberships
    client_id: int | None = None
    scopes: frozenset[str] = field(default_factory=frozenset)

    @property
    def is_staff(self) -> bool:
        return self.kind == PrincipalKind.STAFF

    @property
    def is_signed_in(self) -> bool:
        return self.kind in (PrincipalKind.VOLUNTEER, PrincipalKind.STAFF,
                             PrincipalKind.FEDERATION)


ANONYMOUS = Principal()

# Only `read_scope` makes these: nothing else can claim a set of readable tenants.
ReadableTenants = NewType("ReadableTenants", frozenset[int])


@dataclass(frozen=True, slots=True)
class ReadScope:
    principal: Principal
    own_tenants: ReadableTenants  # tenants whose non-public rows this principal may read
    network: bool  # may read NETWORK records of every member tenant
    inactive_tenants: frozenset[int]

    # --- rows -------------------------------------------------------------------------

    def rows(self, model: Any) -> ColumnElement[bool]:
        """The WHERE clause a query of `model` must carry for this principal."""
        if model is m.Volunteer:
            return self._volunteers()
        if model in (m.Application, m.HoursEntry, m.SavedOpportunity, m.Membership, m.Consent,
                     m.Inquiry, m.InquiryMessage, m.Notification, m.BadgeAward, m.Certificate,
                     m.Credential, m.RecognitionImport):
            return self._personal_records(model)
        clauses: list[ColumnElement[bool]] = []
        if hasattr(model, "visibility"):
            clauses.append(self._published_records(model))
        if self.inactive_tenants and hasattr(model, "tenant_id"):
            clauses.append(model.tenant_id.not_in(sorted(self.inactive_tenants)))
        return and_(true(), *clauses)

    def _published_records(self, model: Any) -> ColumnElement[bool]:
        published = and_(model.status == RecordStatus.PUBLISHED.value,
                         or_(model.published_at.is_(None), model.published_at <= utcnow()))
        visible = [and_(model.visibility == Visibility.PUBLIC.value, published)]
        if self.network:
            visible.append(and_(model.visibility == Visibility.NETWORK.value, published))
        if self.own_tenants:
            statuses = [s.value for s in RecordStatus]
            if not (self.principal.roles & EDITOR_ROLES):
                statuses.remove(RecordStatus.DRAFT.value)
            visible.append(and_(model.tenant_id.in_(sorted(self.own_tenants)),
                                model.status.in_(statuses)))
        return or_(*visible)

    def _volunteers(self) -> ColumnElement[bool]:
        p = self.principal
        if p.kind == PrincipalKind.VOLUNTEER and p.volunteer_id is not None:
            return m.Volunteer.id == p.volunteer_id
        if p.kind != PrincipalKind.STAFF or not self.own_tenants:
            return false()
        member = exists(select(m.Membership.volunteer_id).where(
            m.Membership.volunteer_id == m.Volunteer.id,
            m.Membership.tenant_id.in_(sorted(self.own_tenants)),
        ))
        return or_(member, m.Volunteer.shares_with_network.is_(True))

    def _personal_records(self, model: Any) -> ColumnElement[bool]:
        """Applications, hours, saved items, memberships, consents, inquiry threads and their
        messages, notifications: the volunteer's own, or (staff) those kept by the staff
        member's tenant."""
        p = self.principal
        if p.kind == PrincipalKind.VOLUNTEER and p.volunteer_id is not None:
            return model.volunteer_id == p.volunteer_id  # type: ignore[no-any-return]
        if p.kind == PrincipalKind.STAFF and self.own_tenants:
            return model.tenant_id.in_(sorted(self.own_tenants))  # type: ignore[no-any-return]
        return false()

    # --- fields -----------------------------------------------------------------------

    def is_self(self, volunteer_id: int, subject: str | None = None) -> bool:
        """The volunteer themself: by the volunteer id of their sign-in or, in the request
        that registered them (their principal has no volunteer id yet), by the volunteer
        row's `subject`, the issuer-qualified subject `issuer|sub` that authentication links by."""
        p = self.principal
        if p.kind != PrincipalKind.VOLUNTEER:
            return False
        if p.volunteer_id is not None:
            return p.volunteer_id == volunteer_id
        return p.subject is not None and subject == p.subject

    def sees_personal_data(self, volunteer_id: int, member_tenants: frozenset[int],
                           subject: str | None = None) -> bool:
        """Name, e-mail, phone, birth year: the volunteer themself, or staff of a tenant the
        volunteer belongs to. Never the federation analyst, never an API client."""
        p = self.principal
        if p.kind == PrincipalKind.VOLUNTEER:
            return self.is_self(volunteer_id, subject)
        return p.kind == PrincipalKind.STAFF and bool(self.own_tenants & member_tenants)

    def is_owner_staff(self, tenant_id: int, roles: frozenset[str] = frozenset(ROLES)) -> bool:
        p = self.principal
        return p.kind == PrincipalKind.STAFF and tenant_id in self.own_tenants and bool(
            p.roles & roles)


def read_scope(principal: Principal, inactive_tenants: frozenset[int]) -> ReadScope:
    """The one place that turns a principal into what it may read."""
    own: frozenset[int] = frozenset()
    network = False
    if principal.kind in (PrincipalKind.STAFF, PrincipalKind.FEDERATION) and \
            principal.tenant_id is not None and principal.tenant_id not in inactive_tenants:
        own = frozenset({principal.tenant_id})
        network = True
    return ReadScope(principal, ReadableTenants(own), network, frozenset(inactive_tenants))
