"""A certificate's HTML (resolvers/certificates/render.py) laid out as a PDF by WeasyPrint,
which shapes Arabic and orders bidirectional text with Pango and HarfBuzz and embeds font
subsets (Debian's `libharfbuzz-subset0`; without it WeasyPrint warns).

Rendering takes a few hundred milliseconds of CPU: it runs in a worker thread, so the event
loop keeps serving, one rendering at a time per process (a lock): WeasyPrint does not
promise thread safety, and the lock also bounds what a burst of downloads costs.

The document may fetch nothing but `data:` URIs (the logo, the QR code) and `file:` URLs
(the fonts), and a failed fetch stops the rendering rather than drawing a certificate
without its font.
"""

from __future__ import annotations

import threading
from typing import Final

from starlette.concurrency import run_in_threadpool

from resolvers.certificates.document import CertificateDocument
from resolvers.certificates.render import certificate_html

ALLOWED: Final = frozenset({"data", "file"})
_LOCK = threading.Lock()


def render_pdf(document: CertificateDocument) -> bytes:
    """The certificate as PDF bytes (blocking: call `pdf_of` from async code)."""
    # Imported here: WeasyPrint costs ~0.7 s to import, which every start of the hub paid.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = certificate_html(document)
    fetcher = URLFetcher(allowed_protocols=ALLOWED, fail_on_errors=True)
    with _LOCK:
        pdf: bytes | None = HTML(string=html, url_fetcher=fetcher).write_pdf()
    assert pdf is not None  # no target: the bytes are returned
    return pdf


async def pdf_of(document: CertificateDocument) -> bytes:
    return await run_in_threadpool(render_pdf, document)
