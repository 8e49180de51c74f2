"""What a taxonomy write accepts: who (admins of the federation tenant: the taxonomy is
shared by every society, so no society's admin may change it), codes, labels, positions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Final

from hub.access import ADMIN_ROLES
from hub.errors import BadUserInput, Forbidden
from hub.i18n import normalize_tag
from resolvers.context import RequestContext
from resolvers.taxonomy import messages as msg
from tenants import TenantKind

CODE_RE: Final = re.compile(r"^[a-z][a-z0-9_-]{1,47}$")
MAX_LABEL: Final = 100
MAX_LABELS: Final = 50
MAX_POSITION: Final = 100_000

# Labels by locale as a write gives them: a text replaces that locale's label, None
# removes it (the client sent "").
LabelChanges = dict[str, str | None]


def federation_admin(ctx: RequestContext) -> int:
    """The federation tenant's id, for one of its admins; FORBIDDEN for anyone else
    (anonymous callers, volunteers, API clients, the federation's analysts, any role of
    any other tenant and the federation's own non-admin staff)."""
    principal = ctx.scope.principal
    tenant = ctx.tenants.get(principal.tenant_id) if principal.tenant_id is not None else None
    if tenant is None or tenant.kind != TenantKind.FEDERATION.value \
            or not ctx.scope.is_owner_staff(tenant.id, ADMIN_ROLES):
        raise Forbidden(msg.FEDERATION_ADMINS_ONLY)
    return tenant.id


def checked_code(code: str, argument: str) -> str:
    """A code as sent, trimmed; codes are never case-folded (they are identifiers)."""
    code = code.strip()
    if not CODE_RE.match(code):
        raise BadUserInput(msg.BAD_CODE, argument=argument, code=code[:60])
    return code


def checked_labels(labels: Iterable[tuple[str, str]], argument: str) -> LabelChanges:
    """Locale tags normalized (`AR_dz` -> `ar-DZ`), each given once; texts trimmed, at most
    MAX_LABEL characters; an empty text removes that locale's label."""
    changes: LabelChanges = {}
    given = list(labels)
    if len(given) > MAX_LABELS:
        raise BadUserInput(msg.TOO_MANY_LABELS, argument=argument, count=MAX_LABELS)
    for tag, value in given:
        locale = normalize_tag(tag)
        if locale is None:
            raise BadUserInput(msg.UNKNOWN_LOCALE, argument=argument, locale=tag[:40])
        if locale in changes:
            raise BadUserInput(msg.LOCALE_TWICE, argument=argument, locale=locale)
        text = value.strip()
        if len(text) > MAX_LABEL:
            raise BadUserInput(msg.LABEL_TOO_LONG, argument=argument, count=MAX_LABEL)
        changes[locale] = text or None
    return changes


def merged_labels(current: Mapping[str, str], changes: LabelChanges,
                  argument: str) -> dict[str, str]:
    """`current` with `changes` applied; at least one label must remain, or the term would
    show as its bare code in every language."""
    labels = dict(current)
    for locale, text in changes.items():
        if text is None:
            labels.pop(locale, None)
        else:
            labels[locale] = text
    if not labels:
        raise BadUserInput(msg.LABEL_REQUIRED, argument=argument)
    return dict(sorted(labels.items()))


def checked_position(position: int | None, argument: str) -> int | None:
    if position is not None and not 0 <= position <= MAX_POSITION:
        raise BadUserInput(msg.POSITION_RANGE, argument=argument, count=MAX_POSITION)
    return position
