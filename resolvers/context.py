"""The context of one GraphQL request: database, principal's scope, locale chain, loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from hub.access import ReadScope
from hub.audit import AuditLog
from hub.config import Settings
from hub.i18n import LocaleChain
from resolvers.core.database import RequestDatabase
from resolvers.core.idempotency import HEADER, checked_key
from resolvers.core.pages import Page, PageList, PageLoader, page_of
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
                   owner: Any = None, filter: Any = None,
                   columns: frozenset[str] | None = None) -> Page[Any]:
        """One page of a list, under the caller's scope: `first` checked against the cap,
        `after` decoded; pages of the same list asked for in one tick load together; with
        `columns`, rows of only those columns (and the ordering's): `page_of`."""
        return await page_of(self, of, first=first, after=after, owner=owner, filter=filter,
                             columns=columns)
