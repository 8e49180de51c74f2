"""Who sees which statistics, decided before anything is read (the rollups are read as
their owner afterwards: this is the only guard; docs/statistics.md):

- staff of tenant T (any role), about T alone (the default): EXACT figures, nothing
  suppressed or perturbed;
- staff naming other tenants, and federation analysts (by default every active tenant):
  PROTECTED, the cross-tenant view: cells of fewer than k distinct volunteers suppressed
  into an "other" cell, every published figure consistently perturbed;
- anyone else (anonymous callers, API clients, signed-in volunteers): PUBLIC, protected
  as above and only what each tenant publishes (`public_statistics` in its file): every
  metric asked must be public for every tenant named, else FORBIDDEN naming the first
  that is not; without named tenants, the tenants publishing every metric asked (none:
  FORBIDDEN).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from hub.access import PrincipalKind
from hub.errors import Forbidden
from hub.i18n import gettext
from resolvers.context import RequestContext
from resolvers.statistics import messages as msg
from resolvers.statistics.metrics import StatisticsMetric


class View(StrEnum):
    EXACT = "EXACT"
    PROTECTED = "PROTECTED"
    PUBLIC = "PUBLIC"


@dataclass(frozen=True, slots=True)
class Audience:
    view: View
    tenant_ids: tuple[int, ...]

    @property
    def protected(self) -> bool:
        return self.view != View.EXACT


def public_metrics(settings: dict[str, object] | None) -> frozenset[str]:
    published = (settings or {}).get("public_statistics") or []
    return frozenset(str(p) for p in published) if isinstance(published, list) else frozenset()


def audience(ctx: RequestContext, metrics: Sequence[StatisticsMetric],
             tenants: Sequence[str] | None) -> Audience:
    principal = ctx.scope.principal
    named = ctx.tenants.ids_for_slugs(tenants, "filter.tenants") if tenants is not None \
        else None
    if principal.kind == PrincipalKind.STAFF and ctx.scope.own_tenants:
        own = tuple(sorted(ctx.scope.own_tenants))
        if named is None or set(named) <= set(own):
            return Audience(View.EXACT, named or own)
        return Audience(View.PROTECTED, named)
    if principal.kind == PrincipalKind.FEDERATION and ctx.scope.own_tenants:
        every = tuple(sorted(t.id for t in ctx.tenants.active))
        return Audience(View.PROTECTED, named if named is not None else every)
    wanted = {m.value for m in metrics}
    if named is None:
        open_ = tuple(sorted(t.id for t in ctx.tenants.active
                             if wanted <= public_metrics(t.settings)))
        if not open_:
            raise Forbidden(msg.NOTHING_PUBLIC)
        return Audience(View.PUBLIC, open_)
    locale = ctx.locales.preferred or "en"
    for tenant_id in named:
        tenant = ctx.tenants.by_id[tenant_id]
        closed = [m for m in metrics if m.value not in public_metrics(tenant.settings)]
        if closed:
            picked = ctx.locales.pick(tenant.names, tenant.default_locale)
            name = picked[1] if picked else tenant.slug
            raise Forbidden(msg.NOT_PUBLIC, argument="filter.tenants", tenant=name,
                            metric=gettext(locale, msg.METRIC_NAMES[closed[0].value]))
    return Audience(View.PUBLIC, named)
