"""The context of one GraphQL request: database, principal's scope, locale chain, loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from hub.access import ReadScope
from hub.audit import AuditLog
from hub.config import Settings
from hub.i18n import LocaleChain
from resolvers.core.database import RequestDatabase
from resolvers.core.loaders import Loaders
from resolvers.core.pages import PageLoader
from resolvers.tenants.index import TenantIndex


@dataclass
class RequestContext:
    db: RequestDatabase
    scope: ReadScope
    locales: LocaleChain
    tenants: TenantIndex
    settings: Settings
    request_id: str
    audit: AuditLog
    accept_language: str | None = None
    page_loaders: dict[str, PageLoader] = field(default_factory=dict)

    @cached_property
    def loaders(self) -> Loaders:
        return Loaders(self.db, self.scope.rows, self.scope.principal.volunteer_id)
