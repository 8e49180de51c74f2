"""The public verification page of a certificate (`/certificates/{code}`), in the reader's
language: the first of the request's languages (`?lang=`, Accept-Language) that the hub
speaks, else the issuing tenant's. It shows what a verification may show (validity,
issuer, holder's display name, hours, dates) and nothing else; an invalid code gets the
same page whatever the reason."""

from __future__ import annotations

from dataclasses import dataclass

from hub.i18n import LocaleChain, base_language, gettext, hours_display, tenant_digits
from hub.i18n.chain import FINAL_FALLBACK
from hub.i18n.locales import supported_locales
from resolvers.certificates import messages as msg
from resolvers.certificates.document import (
    Direction,
    Text,
    dir_of,
    format_day,
    local_date,
    period,
    regional,
    text_direction,
)
from resolvers.certificates.verification import Verification
from resolvers.tenants.index import TenantIndex
from tenants import Recognition


@dataclass(frozen=True, slots=True)
class Fact:
    label: str
    value: Text
    also: str | None = None  # a second line: the Hijri date


@dataclass(frozen=True, slots=True)
class VerificationPage:
    lang: str
    dir: Direction
    title: str
    valid: bool
    status: str
    hint: str | None = None
    logo: str | None = None
    code: str | None = None
    facts: tuple[Fact, ...] = ()


def page_locale(chain: LocaleChain, tenant_locale: str | None) -> str:
    """The first language of the chain (then the tenant's) that the catalogs have; a
    regional tag stays regional (`ar-DZ`: its formats, the catalog of `ar`)."""
    spoken = set(supported_locales())
    tags = chain.for_tenant(tenant_locale) if tenant_locale else (
        *chain.requested, FINAL_FALLBACK)
    return next((tag for tag in tags if base_language(tag) in spoken), FINAL_FALLBACK)


def verification_page(verification: Verification, tenants: TenantIndex,
                      chain: LocaleChain) -> VerificationPage:
    tenant = tenants.get(verification.tenant_id) if verification.tenant_id else None
    if not verification.valid or tenant is None:
        locale = page_locale(chain, None)
        return VerificationPage(
            lang=locale, dir=dir_of(locale), title=gettext(locale, msg.VERIFICATION_TITLE),
            valid=False, status=gettext(locale, msg.NOT_VALID),
            hint=gettext(locale, msg.NOT_VALID_HINT))
    locale = regional(page_locale(chain, tenant.default_locale), tenant.default_locale)
    digits = tenant_digits(locale, tenant.digits)
    picked = chain.with_first(locale).pick(tenant.names, tenant.default_locale)
    assert picked is not None  # the registry requires names in ar, en and fr

    def t(msgid: str) -> str:
        return gettext(locale, msgid)

    def plain(value: str) -> Text:
        return Text(value, locale, dir_of(locale))

    assert verification.completed_on is not None
    assert verification.issued_at is not None
    start = verification.started_on or verification.completed_on
    end = verification.completed_on
    issued = local_date(verification.issued_at, tenant.time_zone)
    hijri = tenant.hijri_dates
    holder = verification.holder or ""
    facts = (
        Fact(t(msg.ISSUED_BY), Text(picked[1], picked[0], dir_of(picked[0]))),
        Fact(t(msg.HOLDER), Text(holder, "", text_direction(holder))),
        Fact(t(msg.VERIFIED_HOURS), plain(hours_display(locale, verification.hours or 0,
                                                        digits))),
        Fact(t(msg.SERVED), plain(period(start, end, locale, digits)),
             period(start, end, locale, digits, hijri=True) if hijri else None),
        Fact(t(msg.ISSUED_ON), plain(format_day(issued, locale, digits)),
             format_day(issued, locale, digits, hijri=True) if hijri else None),
    )
    return VerificationPage(
        lang=locale, dir=dir_of(locale), title=t(msg.VERIFICATION_TITLE), valid=True,
        status=t(msg.VALID), logo=Recognition.of(tenant.settings).logo,
        code=verification.code, facts=facts)
