"""What a certificate says, language by language, ready to be laid out: the input of its
template (resolvers/certificates/render.py), independent of the renderer.

Its languages: the tenant's `[certificates] locales` (a bilingual certificate: Arabic with
French or English) or else the volunteer's language when it was issued. A language the
tenant itself writes is written in the tenant's own variant (`ar` is `ar-EG` for the
Egyptian society): its digits (the tenant's `digits`, for Arabic script; else the variant's
CLDR default) and date formats. Dates are Gregorian, followed by the Umm al-Qura date where
the tenant keeps Hijri dates. Each block is written in one direction (`rtl` for Arabic);
a text that falls back to another language (an opportunity without an Arabic title)
carries its own language and direction.

The fixed words come from the catalogs (resolvers/certificates/messages.py); the names
(society, volunteer, opportunity) are data, in whatever script they were written.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from babel.dates import format_date

from hub.i18n import gettext, hours_display, tenant_digits
from hub.i18n.chain import LocaleChain, base_language, direction, expand
from hub.i18n.cldr import babel_locale
from hub.i18n.digits import numbering_system, write_digits
from hub.i18n.hijri import hijri_date
from resolvers.certificates import messages as msg
from tenants import Recognition

Direction = Literal["ltr", "rtl"]
# Characters of an opportunity's title plus twice the name's, above which a column's text
# is set smaller (one column of a bilingual certificate; twice that for one language).
DENSE_AFTER = 110


@dataclass(frozen=True, slots=True)
class Text:
    """A text with the language and direction it is written in (`lang` "": unknown, as a
    person's name)."""

    value: str
    lang: str
    dir: Direction


@dataclass(frozen=True, slots=True)
class Block:
    """The certificate in one language."""

    lang: str
    dir: Direction
    title: str
    society: Text
    certifies: str
    name: Text
    completed: str
    opportunity: Text | None
    hours_label: str
    hours: str
    served_label: str
    served: str
    served_hijri: str | None  # the same days in the Umm al-Qura calendar, where wanted
    issued_label: str
    issued: str
    issued_hijri: str | None
    code_label: str
    verify_label: str


@dataclass(frozen=True, slots=True)
class CertificateDocument:
    code: str
    verify_url: str
    logo: str | None  # a data: URI
    dir: Direction  # of the first language: where the first block stands
    blocks: tuple[Block, ...]

    @property
    def dense(self) -> bool:
        """Long texts, to be set smaller: the page must hold them all."""
        longest = max((len(b.opportunity.value) if b.opportunity else 0) + 2 * len(b.name.value)
                      for b in self.blocks)
        return longest > DENSE_AFTER * (2 if len(self.blocks) == 1 else 1)

    @property
    def lang(self) -> str:
        return self.blocks[0].lang


def verification_url(public_url: str, code: str) -> str:
    return f"{public_url.rstrip('/')}/certificates/{code}"


def certificate_locales(tenant: Any, locale: str) -> tuple[str, ...]:
    """The languages of a certificate of `tenant` issued in the volunteer's `locale`."""
    wanted = Recognition.of(tenant.settings).certificate_locales or (locale,)
    return tuple(dict.fromkeys(regional(tag, tenant.default_locale) for tag in wanted))


def regional(tag: str, tenant_locale: str) -> str:
    """`ar` -> `ar-EG` for a tenant writing ar-EG; other tags as they are."""
    if tag == base_language(tag) and base_language(tenant_locale) == tag:
        return tenant_locale
    return tag


def text_direction(text: str) -> Direction:
    """The direction of a name in any script: that of its first strong character."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def dir_of(locale: str) -> Direction:
    return "rtl" if direction(locale) == "RTL" else "ltr"


def build(certificate: Any, tenant: Any, *, holder: str, titles: Sequence[Any],
          public_url: str) -> CertificateDocument:
    """The document of `certificate` (a row) of `tenant` (its row): `holder` is the name to
    print, `titles` the opportunity's translation rows (`locale`, `title`)."""
    locales = certificate_locales(tenant, certificate.locale)
    texts = {row.locale: row.title for row in titles if row.title}
    blocks = tuple(_block(locale, certificate, tenant, holder, texts) for locale in locales)
    return CertificateDocument(
        code=certificate.code, verify_url=verification_url(public_url, certificate.code),
        logo=Recognition.of(tenant.settings).logo, dir=blocks[0].dir, blocks=blocks)


def _block(locale: str, certificate: Any, tenant: Any, holder: str,
           titles: dict[str, str]) -> Block:
    digits = tenant_digits(locale, tenant.digits)
    chain = LocaleChain(expand((locale,)))

    def t(msgid: str) -> str:
        return gettext(locale, msgid)

    def text(picked: tuple[str, str] | None) -> Text | None:
        if picked is None:
            return None
        served, value = picked
        return Text(value, served, dir_of(served))

    start, end = certificate.started_on or certificate.completed_on, certificate.completed_on
    issued = local_date(certificate.issued_at, tenant.time_zone)
    hijri = tenant.hijri_dates
    society = text(chain.pick(tenant.names, tenant.default_locale))
    assert society is not None  # the registry requires names in ar, en and fr
    return Block(
        lang=locale, dir=dir_of(locale), title=t(msg.TITLE), society=society,
        certifies=t(msg.CERTIFIES), name=Text(holder, "", text_direction(holder)),
        completed=t(msg.COMPLETED),
        opportunity=text(chain.pick(titles, tenant.default_locale)),
        hours_label=t(msg.VERIFIED_HOURS),
        hours=hours_display(locale, certificate.hours, digits),
        served_label=t(msg.SERVED), served=period(start, end, locale, digits),
        served_hijri=period(start, end, locale, digits, hijri=True) if hijri else None,
        issued_label=t(msg.ISSUED_ON), issued=format_day(issued, locale, digits),
        issued_hijri=format_day(issued, locale, digits, hijri=True) if hijri else None,
        code_label=t(msg.CODE), verify_label=t(msg.VERIFY_AT))


def format_day(value: date, locale: str, digits: str | None, *, hijri: bool = False
               ) -> str:
    """"12 ديسمبر 2026", or with `hijri` the Umm al-Qura date "3 رجب 1448 هـ", in the wanted
    digits. Each calendar is a line of its own: a reader of the PDF's text (pdftotext, a
    screen reader) takes the numbers of "2026 (3 رجب" for one left-to-right run and swaps
    them. Outside the Umm al-Qura table (1924-2077) the Gregorian date stands in."""
    text = format_date(value, "long", locale=babel_locale(locale))
    if hijri:
        text = hijri_date(value, locale) or text
    return write_digits(text, numbering_system(locale, digits))


def period(start: date, end: date, locale: str, digits: str | None, *,
           hijri: bool = False) -> str:
    """One day, or "From <start> to <end>", in one calendar."""
    if start == end:
        return format_day(end, locale, digits, hijri=hijri)
    return gettext(locale, msg.PERIOD) % {
        "start": format_day(start, locale, digits, hijri=hijri),
        "end": format_day(end, locale, digits, hijri=hijri)}


def local_date(moment: datetime, time_zone: str) -> date:
    return moment.astimezone(ZoneInfo(time_zone)).date()
