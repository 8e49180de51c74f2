"""Consents given when joining a society: its terms, with their version and time, and for a
volunteer under 18 a guardian's, with who gave it.

The terms' version comes from the tenant: the key `terms_version` of its settings (synced
from its tenant file) when present, else "1". Tenant files have no such key yet.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from hub.db import models as m
from hub.errors import BadUserInput, Conflict
from resolvers.volunteers import messages as msg
from resolvers.volunteers.profile import Guardian

DEFAULT_TERMS_VERSION: Final = "1"


def terms_version(tenant: m.Tenant) -> str:
    settings = tenant.settings or {}
    version = settings.get("terms_version")
    return str(version) if version not in (None, "") else DEFAULT_TERMS_VERSION


def check_terms(accepted: bool, shown: str | None, current: str) -> None:
    """The caller accepted the tenant's terms, and (if the client says which version it
    showed) the current version: consent to terms one has not seen is no consent."""
    if not accepted:
        raise BadUserInput(msg.TERMS_NOT_ACCEPTED, argument="input.acceptTerms")
    if shown is not None and shown.strip() != current:
        raise Conflict(msg.TERMS_CHANGED, argument="input.termsVersion",
                       version=shown.strip()[:32], current=current)


def consents(volunteer_id: int, tenant_id: int, version: str, guardian: Guardian | None,
             at: datetime) -> list[m.Consent]:
    rows = [m.Consent(volunteer_id=volunteer_id, tenant_id=tenant_id,
                      kind=m.ConsentKind.TERMS.value, version=version, given_at=at)]
    if guardian is not None:
        rows.append(m.Consent(volunteer_id=volunteer_id, tenant_id=tenant_id,
                              kind=m.ConsentKind.GUARDIAN.value, given_at=at,
                              guardian_name=guardian.name, guardian_contact=guardian.contact))
    return rows
