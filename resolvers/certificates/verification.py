"""Anyone may check a certificate by its code (`verifyCertificate`, the public page at
`/certificates/{code}`): is it valid, who issued it, for how many hours, when, and the
holder's display name (first name and initial). Nothing else: not the full name, not the
opportunity, not whether a revoked or unknown code ever existed.

The code is the only key, and the caller is usually anonymous: the certificate is read
on the hub's account (past a request's row security), in one statement that selects only
what may be shown. A code that is malformed, unknown, revoked, of a tenant no longer served
or of a holder who erased their account answers the same `NOT_VALID`; the statement runs
for any well-formed code, so the answer takes the same time whether or not it exists (the
unique index lookup aside), and the stored code is compared in constant time.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Executable, select

from hub.db import models as m
from resolvers.certificates.codes import canonical
from resolvers.certificates.loaders import Holder
from resolvers.tenants.index import TenantIndex

Read = Callable[[Executable], Awaitable[Sequence[Any]]]


@dataclass(frozen=True, slots=True)
class Verification:
    """What a verification may show; all None but `valid` when it is not valid."""

    valid: bool
    code: str | None = None
    tenant_id: int | None = None
    holder: str | None = None  # display name: first name and initial
    hours: float | None = None
    issued_at: datetime | None = None
    started_on: date | None = None
    completed_on: date | None = None


NOT_VALID = Verification(valid=False)


def statement(code: str) -> Executable:
    c, v = m.Certificate, m.Volunteer
    return (select(c.code, c.tenant_id, c.hours, c.issued_at, c.started_on, c.completed_on,
                   c.revoked_at, v.id.label("volunteer_id"), v.first_name, v.last_name,
                   v.erased_at)
            .join(v, v.id == c.volunteer_id).where(c.code == code))


async def verify(read: Read, code: str, tenants: TenantIndex) -> Verification:
    """The verification of a typed `code`. `read` runs a statement on the hub's account:
    `RequestDatabase.rows_as_system` in a request, an owner session's execute elsewhere."""
    wanted = canonical(code)
    if wanted is None:
        return NOT_VALID
    rows = await read(statement(wanted))
    return verification_of(rows[0] if rows else None, wanted, tenants)


def verification_of(row: Any, wanted: str, tenants: TenantIndex) -> Verification:
    if row is None or not hmac.compare_digest(row.code.encode(), wanted.encode()):
        return NOT_VALID
    if row.revoked_at is not None or row.erased_at is not None \
            or tenants.get(row.tenant_id) is None:
        return NOT_VALID
    holder = Holder(row.volunteer_id, row.first_name, row.last_name, erased=False)
    return Verification(valid=True, code=row.code, tenant_id=row.tenant_id,
                        holder=holder.display_name, hours=row.hours, issued_at=row.issued_at,
                        started_on=row.started_on, completed_on=row.completed_on)
