"""The certificate as a PDF, read back the way a machine reads it: `pdftotext` gives the
Arabic text in logical order, equal to what was asked, with the tenant's digits and the
Hijri date where the tenant wants it; `pdftoppm` + `zbarimg` decode the QR code to the
verification address. Rendered from the packaged tenants' files (languages, digits, Hijri,
logos) and fixed data, without a database: the routes' tests download real ones.

Until the catalogs have the certificate's words in Arabic (the lead translates them), the
Arabic blocks here get stand-in translations: `pdftotext` decides a line's direction from
the letters around it, so English labels inside an Arabic block would make it read Arabic
lines with digits from the left. The names, titles and dates asserted are data.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from hub.entry.certificate_pdf import render_pdf
from hub.i18n import gettext, hours_display
from resolvers.certificates import messages as msg
from resolvers.certificates.codes import new_code
from resolvers.certificates.document import CertificateDocument, build
from tenants import load_registry
from tenants.recognition import as_settings

PUBLIC_URL = "https://hub.example.org"
TITLES = {"ar": "حملة التبرع بالدم في جدة", "en": "Blood drive in Jeddah",
          "fr": "Collecte de sang à Djeddah"}
HOLDER = "نورة الشهري"
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066"
                                       "\u2067\u2068\u2069\f"))
ARABIC_INDIC = set("٠١٢٣٤٥٦٧٨٩")
LATIN_DIGITS = set("0123456789")
A4_LANDSCAPE = (842, 595)  # points
FOOT = 120  # points at the bottom of the page: the QR code, the code and the address


def tenant(slug: str) -> SimpleNamespace:
    """The tenant row as the tenant sync writes it from the packaged file."""
    d = load_registry()[slug]
    return SimpleNamespace(
        slug=d.slug, default_locale=d.default_locale, digits=d.digits,
        hijri_dates=d.hijri_dates, time_zone=d.time_zone, names=dict(d.names),
        settings=as_settings(d.badge_rules, d.levels, d.certificates))


def certificate(locale: str, hours: float = 12) -> SimpleNamespace:
    return SimpleNamespace(code=new_code(), locale=locale, hours=hours,
                           started_on=date(2026, 11, 20), completed_on=date(2026, 12, 12),
                           issued_at=datetime(2026, 12, 12, 9, tzinfo=UTC))


@dataclass
class Rendered:
    path: Path
    document: CertificateDocument

    def text(self, *, left: bool | None = None) -> str:
        """pdftotext's reading, without its bidi controls: the whole page, or its left or
        right half above the foot (one language's column of a bilingual certificate)."""
        crop: list[str] = []
        if left is not None:
            half = A4_LANDSCAPE[0] // 2
            crop = ["-x", "0" if left else str(half), "-y", "0", "-W", str(half),
                    "-H", str(A4_LANDSCAPE[1] - FOOT)]
        out = subprocess.run(["pdftotext", *crop, str(self.path), "-"], capture_output=True,
                             check=True).stdout.decode()
        return out.translate(BIDI_CONTROLS)

    def png(self) -> Path:
        subprocess.run(["pdftoppm", "-png", "-r", "110", "-singlefile", str(self.path),
                        str(self.path.with_suffix(""))], check=True)
        return self.path.with_suffix(".png")


def render(tmp_path: Path, slug: str, locale: str, hours: float = 12) -> Rendered:
    doc = build(certificate(locale, hours), tenant(slug), holder=HOLDER,
                titles=[SimpleNamespace(locale=k, title=v) for k, v in TITLES.items()],
                public_url=PUBLIC_URL)
    path = tmp_path / f"certificate-{slug}.pdf"
    path.write_bytes(render_pdf(doc))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True).stdout
    assert b"Pages:           1" in info, "one page"
    return Rendered(path, doc)


def words(text: str) -> str:
    return " ".join(text.split())


def letters(text: str) -> str:
    return "".join(text.split())


def lines_of(text: str) -> list[str]:
    return [words(line) for line in text.splitlines() if line.strip()]


def in_order(text: str, *phrases: str) -> None:
    """Each phrase, exactly (whitespace normalized), after the previous one."""
    flat, at = words(text), 0
    for phrase in phrases:
        found = flat.find(phrase, at)
        assert found >= 0, f"{phrase!r} not found (in order) in {flat!r}"
        at = found + len(phrase)


def test_bilingual_arabic_with_arabic_indic_digits_hijri_and_a_readable_qr(
        tmp_path: Path) -> None:
    """The Saudi society: Arabic and English, Arabic-Indic digits, Hijri dates."""
    found = render(tmp_path, "sa-crescent", "ar")
    assert [b.lang for b in found.document.blocks] == ["ar-SA", "en"]
    arabic = found.text(left=False)  # Arabic first: its column stands on the right
    in_order(arabic, "هيئة الهلال الأحمر السعودي", "شهادة تطوع", "تشهد هذه الوثيقة بإتمام",
             HOLDER, "لفرصة التطوع", TITLES["ar"], "الساعات المعتمدة")
    hours = hours_display("ar-SA", 12, "arab")
    assert hours.startswith("١٢ ")
    assert letters(hours) in map(letters, lines_of(arabic))
    # Each date in both calendars (Gregorian, then Umm al-Qura), in Arabic-Indic digits.
    assert [letters(line) for line in lines_of(arabic)[-6:]] == [letters(line) for line in (
        "فترة التطوع", "من ٢٠ نوفمبر ٢٠٢٦ إلى ١٢ ديسمبر ٢٠٢٦",
        "من ١٠ جمادى الآخرة ١٤٤٨ هـ إلى ٣ رجب ١٤٤٨ هـ", "تاريخ الإصدار", "١٢ ديسمبر ٢٠٢٦",
        "٣ رجب ١٤٤٨ هـ")]
    assert not set(arabic) & LATIN_DIGITS, "the Saudi society writes Arabic-Indic digits"
    english = found.text(left=True)
    in_order(english, "Saudi Red Crescent Authority", "Certificate of volunteering", HOLDER,
             "has completed the volunteering opportunity", TITLES["en"], "12 hours",
             "From November 20, 2026 to December 12, 2026",
             "From 10 Jumada al-Akhirah 1448 AH to 3 Rajab 1448 AH", "December 12, 2026",
             "3 Rajab 1448 AH")
    assert not set(english) & ARABIC_INDIC, "English is written with Latin digits"
    whole = found.text()
    assert found.document.code in whole and found.document.verify_url in whole
    png = found.png()
    assert png.stat().st_size > 10_000
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True,
                             check=True).stdout.decode().strip()
    assert decoded == f"{PUBLIC_URL}/certificates/{found.document.code}"


def test_bilingual_arabic_and_french_with_latin_digits(tmp_path: Path) -> None:
    """The Algerian society: Arabic and French, Latin digits, no Hijri date."""
    found = render(tmp_path, "dz-crescent", "fr", hours=2.5)
    assert [b.lang for b in found.document.blocks] == ["ar-DZ", "fr"]
    arabic = found.text(left=False)
    in_order(arabic, "الهلال الأحمر الجزائري", HOLDER, TITLES["ar"])
    assert letters(hours_display("ar-DZ", 2.5)) in map(letters, lines_of(arabic))
    assert letters("12 ديسمبر 2026") in map(letters, lines_of(arabic))
    assert not set(arabic) & ARABIC_INDIC and "هـ" not in arabic
    french = found.text(left=True)
    in_order(french, "Croissant-Rouge algérien", HOLDER, TITLES["fr"], "2,5 heures",
             "12 décembre 2026")


def test_in_the_volunteers_language_when_the_society_asks_for_no_languages(
        tmp_path: Path) -> None:
    """The Egyptian society's certificates are in the volunteer's language, Arabic here,
    written as in Egypt (Arabic-Indic digits); the Sétif association's, French here."""
    egyptian = render(tmp_path, "eg-crescent", "ar", hours=36)
    assert [b.lang for b in egyptian.document.blocks] == ["ar-EG"]
    text = egyptian.text()
    in_order(text, "جمعية الهلال الأحمر المصري", "شهادة تطوع", HOLDER, TITLES["ar"])
    assert letters(hours_display("ar-EG", 36)) in map(letters, lines_of(text))
    assert "٣٦" in text and letters("١٢ ديسمبر ٢٠٢٦") in map(letters, lines_of(text))
    french = render(tmp_path, "setif-youth", "fr")
    text = french.text()
    assert [b.lang for b in french.document.blocks] == ["fr"]
    period = gettext("fr", msg.PERIOD) % {"start": "20 novembre 2026",
                                           "end": "12 décembre 2026"}
    in_order(text, "Association de wilaya des jeunes volontaires de Sétif", TITLES["fr"],
             "12 heures", period)
    assert "شهادة" not in text


def test_no_fetch_beyond_data_and_font_files(tmp_path: Path, monkeypatch: Any) -> None:
    """A document naming anything else (a web address) stops the rendering."""
    from resolvers.certificates import render as templates

    doc = build(certificate("en"), tenant("lb-redcross"), holder="Karim Haddad", titles=[],
                public_url=PUBLIC_URL)
    monkeypatch.setattr(templates, "qr_data_uri", lambda url: "https://example.org/qr.png")
    from weasyprint.urls import FatalURLFetchingError

    with pytest.raises(FatalURLFetchingError):
        render_pdf(doc)
