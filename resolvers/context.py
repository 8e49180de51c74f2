"""The context of one GraphQL request: database, principal's scope, locale chain, loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from hub.access import ReadScope
from hub.audit import AuditLog
from hub.config import Settings
from hub.i18n import LocaleChain
from hub.paging import page_request
from resolvers.core.database import RequestDatabase
from resolvers.core.idempotency import HEADER, checked_key
from resolvers.core.pages import Page, PageKey, PageList, PageLoader
from resolvers.loaders import Loaders
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
    # The request's `Idempotency-Key` header (resolvers/core/idempotency.py): the key of its
    # first write; a second write of the same request is keyed `<key>#2`, and so on.
    idempotency_key: str | None = None
    writes_keyed: int = 0
    # The trusted document the request named (`documentId` or Apollo's hash), None for an
    # ad-hoc document: such a request may run through the document's compiled plan.
    document_id: str | None = None
    # The request's tenant objects by tenant id (schema/tenants/types.py `tenant_of`).
    tenant_nodes: dict[int, Any] = field(default_factory=dict)

    def next_idempotency_key(self) -> str | None:
        """The header's key for the next write of this request (None without a header)."""
        key = checked_key(self.idempotency_key, HEADER)
        if key is None:
            return None
        self.writes_keyed += 1
        n = self.writes_keyed
        return key if n == 1 else f"{key}#{n}"

    @cached_property
    def loaders(self) -> Loaders:
        return Loaders(self.db, self.scope.rows, self.scope.principal.volunteer_id)

    async def page(self, of: PageList, *, first: int | None, after: str | None,
                   owner: Any = None, filter: Any = None) -> Page[Any]:
        """One page of a list, under the caller's scope: `first` checked against the cap,
        `after` decoded; pages of the same list asked for in one tick load together."""
        request = page_request(first, after, kind=of.ordering.kind, shape=of.ordering.shape,
                               max_size=self.settings.max_page_size)
        loader = self.page_loaders.get(of.name)
        if loader is None:
            loader = PageLoader(self.db, of.model, of.ordering, self.scope.rows(of.model),
                                of.filters, of.owner)
            self.page_loaders[of.name] = loader
        page: Page[Any] = await loader.load(PageKey(owner, request, filter))
        return page
