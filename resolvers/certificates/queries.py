"""Reading certificates under the caller's scope: a volunteer's list, the holder's name as
this caller may see it, and the document of a certificate to download.

Who reads a certificate: its holder and staff of the issuing tenant (`ReadScope.rows`, row
security on PostgreSQL); nobody else, whatever road. The holder's full name is shown to
those who may see the volunteer's personal data (the holder; staff of a society the
holder belongs to); staff of the issuing society who are not the holder's own society see
the display name (first name and initial), as everywhere else in the hub.
"""

from __future__ import annotations

from typing import Any

from hub.access import PrincipalKind
from hub.ids import encode_id
from resolvers.certificates.codes import canonical
from resolvers.certificates.document import CertificateDocument, build
from resolvers.certificates.loaders import Holder
from resolvers.context import RequestContext


async def holder_name(ctx: RequestContext, certificate: Any) -> str:
    """The holder's name as the caller may see it (blank once the holder erased their
    account). Staff reading a full name leave an audit event, as for any personal data."""
    volunteer_id = certificate.volunteer_id
    holder: Holder | None = await ctx.loaders.certificate_holder_by_volunteer.load(
        volunteer_id)
    if holder is None or holder.erased:
        return ""
    memberships = await ctx.loaders.memberships_by_volunteer.load(volunteer_id)
    if not ctx.scope.sees_personal_data(volunteer_id,
                                        frozenset(mb.tenant_id for mb in memberships)):
        return holder.display_name
    if ctx.scope.principal.kind == PrincipalKind.STAFF:
        ctx.audit.record("read_personal_data", "Volunteer", encode_id("Volunteer", volunteer_id))
    return holder.full_name


async def volunteer_certificates(ctx: RequestContext, volunteer_id: int) -> list[Any]:
    """The volunteer's certificates the caller may read, newest first (revoked ones too:
    `revokedAt` says so), without those of a tenant no longer served."""
    rows = await ctx.loaders.certificates_by_volunteer.load(volunteer_id)
    return sorted((row for row in rows if ctx.tenants.get(row.tenant_id) is not None),
                  key=lambda row: (row.issued_at, row.id), reverse=True)


async def opportunity_titles(ctx: RequestContext, certificate: Any) -> list[Any]:
    """The certificate's opportunity's translation rows (its titles): the holder may no
    longer see the opportunity itself (closed, archived), but it stays on the certificate."""
    if certificate.opportunity_id is None:
        return []
    rows: list[Any] = await ctx.loaders.translations_by_opportunity.load(
        certificate.opportunity_id)
    return rows


async def downloadable(ctx: RequestContext, code: str) -> CertificateDocument | None:
    """The document of the certificate with this (typed) code, if the caller may download
    it: its holder or staff of the issuing tenant, while it is valid. None otherwise, the
    same for a code that does not exist."""
    wanted = canonical(code)
    if wanted is None:
        return None
    row = await ctx.loaders.certificate_by_code.load(wanted)
    if row is None or row.revoked_at is not None:
        return None
    tenant = ctx.tenants.get(row.tenant_id)
    if tenant is None:
        return None
    return build(row, tenant, holder=await holder_name(ctx, row),
                 titles=await opportunity_titles(ctx, row),
                 public_url=ctx.settings.public_url)
