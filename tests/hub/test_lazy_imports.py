"""A hub worker does not carry the libraries of routes it may never serve.

feedgen and lxml (Atom feeds), icalendar (calendars), Mako and segno (certificates, QR
codes), the Redis client (only with HUB_REDIS_URL) and the notification and webhook
delivery loops cost a worker ~30 MB of resident memory when imported with the app; they are
imported on first use instead. Each check runs in a fresh interpreter, where nothing else
of the test session has imported them already.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.paths import ROOT

# Top-level packages a freshly built app must not have imported (without HUB_REDIS_URL).
LAZY = ("feedgen", "lxml", "icalendar", "segno", "redis", "opentelemetry", "aiosmtplib",
        "weasyprint")
# What the certificate routes alone must not import. Mako is not in LAZY: Alembic imports it
# too, and the readiness probe's module (hub/entry/health.py) imports Alembic.
CERTIFICATE_LAZY = ("mako", "segno", "pygments")

APP = """
import json, sys
from hub.config import Settings
from hub.entry.app import create_app
create_app(Settings.from_env())
print(json.dumps(sorted(sys.modules)))
"""

CERTIFICATE_ROUTES = """
import json, sys
import hub.entry.certificates
print(json.dumps(sorted(sys.modules)))
"""

# The documents are written on first use, each importing its library then.
FIRST_USE = """
import json, sys
from datetime import UTC, datetime
from hub.config import Settings
from hub.entry.app import create_app
from hub.entry.atom import FeedHead, FeedItem, atom_document
from hub.entry.calendars import CalendarEvent, CalendarHead, calendar_document
from hub.i18n import Served
from resolvers.certificates.render import qr_data_uri

create_app(Settings.from_env())
before = sorted(sys.modules)
moment = datetime(2026, 12, 5, 9, tzinfo=UTC)
title = Served("Formation", "fr", False)
atom = atom_document(
    FeedHead(url="https://hub.example/news.atom", title="News", language="fr",
             updated=moment, author="Society", alternates={}),
    [FeedItem(id="https://hub.example/n/1", link="https://hub.example/n/1", title=title,
              summary=None, body=None, published=moment, updated=moment, author="Society",
              tags=())])
ics = calendar_document(
    CalendarHead(uid="cal", url="https://hub.example/events.ics", name="Events",
                 time_zone="Africa/Algiers", language="fr"),
    [CalendarEvent(uid="e1@hub.example", starts_at=moment, ends_at=None, changed_at=moment,
                   created_at=moment, title=title, description=None, kind="Formation",
                   location=None, geo=None, url="https://hub.example/e/1", cancelled=False)])
qr = qr_data_uri("https://hub.example/certificates/ABC")
print(json.dumps({"before": before, "after": sorted(sys.modules), "atom": atom.decode(),
                  "ics": ics.decode(), "qr": qr}))
"""

REDIS_LIMITER = """
import json, sys
from hub.config import Settings
from hub.limits import limiter_for
limiter = limiter_for(Settings.from_env())
print(json.dumps({"shared": type(limiter.shared).__name__, "modules": sorted(sys.modules)}))
"""


def run_python(script: str, tmp_path: Path, **env: str) -> str:
    """`script`'s standard output, run from the repository with only these HUB_ settings."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HUB_")}
    clean.update(
        PYTHONPATH=str(ROOT), HUB_MODE="dev",
        HUB_DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'hub.db'}",
        HUB_DEV_KEY_FILE=str(tmp_path / "dev-key.json"), **env)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=clean,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def loaded(modules: list[str], packages: tuple[str, ...]) -> list[str]:
    return sorted({m.split(".")[0] for m in modules} & set(packages))


def test_a_new_app_has_not_imported_what_some_routes_need(tmp_path: Path) -> None:
    modules = json.loads(run_python(APP, tmp_path))
    assert "hub.entry.feeds" in modules and "hub.entry.certificates" in modules
    assert loaded(modules, LAZY) == []
    assert "hub.limits.redis" not in modules and "hub.live.redis" not in modules


def test_the_certificate_routes_import_no_template_engine(tmp_path: Path) -> None:
    modules = json.loads(run_python(CERTIFICATE_ROUTES, tmp_path))
    assert "resolvers.certificates.render" in modules
    assert loaded(modules, CERTIFICATE_LAZY) == []


def test_feeds_calendars_and_qr_codes_import_their_library_when_first_written(
        tmp_path: Path) -> None:
    found = json.loads(run_python(FIRST_USE, tmp_path))
    assert loaded(found["before"], ("feedgen", "icalendar", "segno")) == []
    assert loaded(found["after"], ("feedgen", "lxml", "icalendar", "segno")) == [
        "feedgen", "icalendar", "lxml", "segno"]
    assert '<entry xml:lang="fr">' in found["atom"]
    assert "<title>Formation</title>" in found["atom"]
    assert "SUMMARY;LANGUAGE=fr:Formation" in found["ics"]
    assert found["qr"].startswith("data:image/svg+xml")


def test_with_redis_configured_the_limiter_counts_there(tmp_path: Path) -> None:
    """The Redis client is imported when HUB_REDIS_URL asks for it (no connection is made
    until the first request)."""
    found = json.loads(run_python(REDIS_LIMITER, tmp_path,
                                  HUB_REDIS_URL="redis://127.0.0.1:1/0"))
    assert found["shared"] == "RedisCounts"
    assert "redis" in found["modules"] and "hub.limits.redis" in found["modules"]
