"""The raw baseline's Q4: a coordinator's page of their tenant's volunteers.

The same work as the hub, by hand: the bearer token verified with the hub's verifier (the
key the hub under test trusts), the tenant filter allowed for the token's own tenant only,
one statement for the page, and one INSERT of the audit events for the full names read.
"""

from __future__ import annotations

from typing import Any

from bench.raw import sql
from bench.raw.handlers import Json, Request, page_info
from hub.auth import TokenVerifier, Unauthenticated
from hub.i18n import enum_label, hours_display, tenant_digits
from hub.ids import encode_id


class Refused(Exception):
    """A request the hub would refuse: its code and message go into `errors`."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


async def staff_tenant(req: Request, verifier: TokenVerifier | None) -> tuple[int, str]:
    """(tenant id, subject) of a staff token with a role in an active tenant."""
    scheme, _, token = (req.authorization or "").partition(" ")
    if verifier is None or scheme.lower() != "bearer" or not token.strip():
        raise Refused("UNAUTHENTICATED", "a staff token is required")
    try:
        verified = await verifier.verify(token.strip())
    except Unauthenticated as exc:
        raise Refused("UNAUTHENTICATED", str(exc)) from None
    claims: dict[str, Any] = dict(verified.claims.get("tatawwu") or {})
    slugs = {t.slug: t.id for t in req.tenants.values() if t.active}
    tenant_id = slugs.get(str(claims.get("tenant")))
    if tenant_id is None or not claims.get("roles"):
        raise Refused("FORBIDDEN", "staff of an active tenant only")
    return tenant_id, f"{verified.issuer}|{verified.subject}"


def display_name(first: str, last: str) -> str:
    return f"{first} {last[:1]}." if last[:1] else first


async def q4(req: Request, verifier: TokenVerifier | None) -> Json:
    tenant_id, subject = await staff_tenant(req, verifier)
    wanted = next((t.id for t in req.tenants.values()
                   if t.slug == req.variables.get("tenant")), None)
    if wanted != tenant_id:
        raise Refused("FORBIDDEN", "staff may filter by their own tenant only")
    first = int(req.variables.get("first", 50))
    rows = await req.fetch(sql.MEMBERS_PAGE, tenant_id, first + 1)
    page, has_next = rows[:first], len(rows) > first
    locale = req.chain.for_tenant("en")[0]
    digits = tenant_digits(locale, None)
    edges, ids = [], []
    for r in page:
        ids.append(encode_id("Volunteer", int(r[0])))
        hours = float(r[5])
        edges.append({"node": {
            "id": ids[-1], "displayName": display_name(r[1], r[2]),
            "fullName": f"{r[1]} {r[2]}".strip(),
            "groupLabel": None if r[3] is None else enum_label(locale, "VolunteerGroup", r[3]),
            "city": r[4], "verifiedHours": hours,
            "hoursDisplay": hours_display(locale, hours, digits),
        }})
    if ids:  # every full name on the page was read: one audit event each, one statement
        await req.execute(sql.audit_reads(len(ids)), req.request_id, "STAFF", subject,
                          tenant_id, *ids)
    return {"volunteers": {"edges": edges, "pageInfo": page_info(
        "Volunteer", [(int(r[0]),) for r in page], has_next)}}
