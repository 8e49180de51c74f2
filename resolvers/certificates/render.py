"""Certificates and verification pages as HTML, from their templates (Mako, every value
HTML-escaped): the certificate's HTML is what the entry layer's PDF renderer
(hub/entry/certificate_pdf.py) lays out with WeasyPrint; the page's is served as it is.

The QR code (segno's `make_qr`: a full QR code, never a Micro QR, which phone cameras
often cannot read) holds the verification address, with error correction M, as an SVG
data: URI: nothing outside the document is fetched.

Mako (with the Pygments it loads) and segno are imported on first use, not with the module:
the entry layer imports this module for its routes, and a worker that never renders a
certificate or a verification page does not carry them (~6 MB).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Final

from resolvers.certificates.document import CertificateDocument
from resolvers.certificates.fonts import certificate_fonts
from resolvers.certificates.page import VerificationPage

TEMPLATES: Final = Path(__file__).resolve().parent / "templates"


@lru_cache(maxsize=1)
def _lookup() -> Any:
    from mako.lookup import TemplateLookup

    return TemplateLookup(directories=[str(TEMPLATES)], default_filters=["h"],
                          strict_undefined=True, input_encoding="utf-8")


@lru_cache(maxsize=1)
def _style() -> str:
    return (TEMPLATES / "certificate.css").read_text(encoding="utf-8")


def qr_data_uri(url: str) -> str:
    """The QR code of `url` as an SVG data: URI (4 modules of quiet zone)."""
    import segno

    return str(segno.make_qr(url, error="m").svg_data_uri(scale=4, border=4))


def certificate_html(document: CertificateDocument) -> str:
    """The certificate's page, with the `@font-face` rules of the fonts on this machine
    (`FontsMissing` without Amiri)."""
    css = certificate_fonts().css() + "\n" + _style()
    return str(_lookup().get_template("certificate.html").render(
        doc=document, css=css, qr=qr_data_uri(document.verify_url)))


def verification_html(page: VerificationPage) -> str:
    return str(_lookup().get_template("verification.html").render(page=page))
