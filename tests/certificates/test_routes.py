"""The routes: the PDF for the holder and the issuing staff only (404 for anyone else, as
for a code that does not exist), and the public verification page in the reader's
language, showing only what a stranger may see. On SQLite and PostgreSQL."""

from __future__ import annotations

import subprocess

from hub.ids import encode_id
from tests.applications.world import OTHER_TENANT, TENANT, World
from tests.certificates.flow import REVOKE, certificates, complete, serve, verify, volunteer
from tests.principals import client_key


def certified(world: World, **names: str) -> tuple[int, str]:
    vid = volunteer(world, TENANT, **names)
    service = serve(world, TENANT, vid, ((3, 2), (2, 1.5)))
    verify(world, service)
    complete(world, service)
    return vid, str(certificates(world, vid)[-1].code)


def test_the_pdf_for_the_holder_and_the_issuing_staff_only(world: World) -> None:
    vid, code = certified(world, first="Lina", last="Hamdi")
    stranger = volunteer(world, TENANT)
    http = world.client.http
    path = f"/certificates/{code}.pdf"
    analyst = world.bearer(subject="analyst", tenant=None, roles=[], volunteer_id=None,
                           federation=True)
    for headers in ({}, world.volunteer(stranger), world.staff("admin", OTHER_TENANT), analyst,
                    {"X-Api-Key": client_key(world.database)}):
        refused = http.get(path, headers=headers)
        assert refused.status_code == 404, headers
        assert refused.json()["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    unknown = http.get("/certificates/AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA.pdf",
                       headers=world.volunteer(vid))
    assert unknown.status_code == 404
    for headers in (world.volunteer(vid), world.staff("viewer")):
        response = http.get(path, headers=headers)
        assert response.status_code == 200
        assert response.headers["content-type"] == "application/pdf"
        assert response.headers["cache-control"] == "private, no-store"
        assert response.content.startswith(b"%PDF-")
        text = subprocess.run(["pdftotext", "-", "-"], input=response.content,
                              capture_output=True, check=True).stdout.decode()
        assert "Lina Hamdi" in text and code in text
    # A code typed in lower case names the same certificate.
    assert http.get(f"/certificates/{code.lower()}.pdf",
                    headers=world.volunteer(vid)).status_code == 200
    # Revoked: no longer served, to anyone.
    world.ok(REVOKE, {"c": encode_id("Certificate", certificates(world, vid)[-1].id)},
             world.staff("admin"))
    assert http.get(path, headers=world.volunteer(vid)).status_code == 404


def test_the_public_page_in_the_readers_language(world: World) -> None:
    vid, code = certified(world, first="Rym", last="Guerfi", email="rym.guerfi@mail.example.dz")
    http = world.client.http
    page = http.get(f"/certificates/{code}?lang=ar")
    assert page.status_code == 200
    html = page.text
    assert '<html lang="ar-DZ" dir="rtl">' in html  # the society's own variant of Arabic
    assert "Rym G." in html and "Guerfi" not in html and "mail.example" not in html
    assert "الهلال الأحمر الجزائري" in html  # the issuer's Arabic name
    assert code in html
    assert "http://" not in html and "https://" not in html  # nothing fetched from elsewhere
    assert page.headers["content-security-policy"].startswith("default-src 'none'")
    assert page.headers["cache-control"] == "public, max-age=60"
    assert page.headers["vary"] == "Accept-Language"
    assert page.headers["x-robots-tag"] == "noindex"
    french = http.get(f"/certificates/{code.lower()}", headers={"Accept-Language": "fr"})
    assert french.status_code == 200 and '<html lang="fr" dir="ltr">' in french.text
    assert "Croissant-Rouge algérien" in french.text
    for unknown in ("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA", "nothing"):
        missing = http.get(f"/certificates/{unknown}", headers={"Accept-Language": "en"})
        assert missing.status_code == 404
        assert "No valid certificate has this code." in missing.text
        assert unknown not in missing.text
    world.ok(REVOKE, {"c": encode_id("Certificate", certificates(world, vid)[-1].id)},
             world.staff("admin"))
    revoked = http.get(f"/certificates/{code}", headers={"Accept-Language": "en"})
    assert revoked.status_code == 404 and "Rym" not in revoked.text
