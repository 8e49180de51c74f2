"""The README's walk-throughs (the volunteer journey, an editor publishing), run as a reader
would: each shell block pasted into bash (curl, jq, `.venv/bin/tatawwu token`) against
`tatawwu serve --demo` on a fresh SQLite file, as `make serve` serves it. Every answer must
be free of errors, and what the block tells must have happened: in the answers and in the
database."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from hub.config import Settings
from hub.db import models as m
from tests.conftest import IN_CI
from tests.dbtools import fetch
from tests.paths import ROOT
from tests.servers import free_port, serving

JOURNEY = "### The volunteer journey, step by step"
EDITOR = "### An editor publishes, step by step"
BLOCK = re.compile(r"^```sh\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def walkthrough(heading: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = BLOCK.search(text, text.index(heading))
    assert found is not None, f"{heading}: no sh block"
    return found[1]


def answers(output: str) -> list[Any]:
    """The JSON values the script printed, one after the other."""
    decoder, values, at = json.JSONDecoder(), [], 0
    while (at := _skip_space(output, at)) < len(output):
        value, at = decoder.raw_decode(output, at)
        values.append(value)
    return values


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at].isspace():
        at += 1
    return at


@dataclass
class Served:
    base: str
    env: dict[str, str]

    def run(self, heading: str) -> tuple[list[Any], dict[str, Any], str]:
        """The block's printed JSON values, the data of its answers merged, its output."""
        done = subprocess.run(["bash", "-c", "set -euo pipefail\n" + walkthrough(heading)],
                              env={**self.env, "HUB": self.base}, cwd=ROOT,
                              capture_output=True, text=True, timeout=180, check=False)
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        printed = answers(done.stdout)
        bodies = [a for a in printed if isinstance(a, dict)]
        assert bodies and all("errors" not in body for body in bodies), done.stdout[-3000:]
        data = {key: value for body in bodies for key, value in (body.get("data") or {}).items()}
        return printed, data, done.stdout

    @property
    def settings(self) -> Settings:
        return Settings.from_env({"HUB_DATABASE_URL": self.env["HUB_DATABASE_URL"]})


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    missing = [tool for tool in ("bash", "curl", "jq") if shutil.which(tool) is None]
    if missing:
        message = f"the walk-through needs {', '.join(missing)} (apt-get install {' '.join(missing)})"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    tatawwu = ROOT / ".venv" / "bin" / "tatawwu"
    assert tatawwu.exists(), "the README's commands use .venv/bin/tatawwu: run `make install`"
    tmp_path = tmp_path_factory.mktemp("walkthrough")
    database = tmp_path / "tatawwu.sqlite3"
    env = {**os.environ, "HUB_MODE": "dev", "HUB_DATABASE_URL": f"sqlite+aiosqlite:///{database}",
           "HUB_DEV_KEY_FILE": str(tmp_path / "dev-key.json"), "HUB_LOG_LEVEL": "warning"}
    port = free_port()
    with serving([sys.executable, "-m", "hub", "serve", "--demo", "--port", str(port)],
                 port=port, env=env, cwd=ROOT, log=tmp_path / "hub.log") as base:
        yield Served(base, env)


def test_the_readme_journey_runs(served: Served) -> None:
    printed, data, _ = served.run(JOURNEY)

    assert data["registerVolunteer"]["displayName"] == "Nour S."
    assert data["saveOpportunity"]["viewerHasSaved"] is True
    assert data["applicationsToDecide"]["totalCount"] >= 1
    assert data["decideApplication"]["statusLabel"] == "مقبول"
    # The retry (the first answer went into $ENTRY) named the one entry there is: see the
    # database below, which holds a single entry of hers.
    assert data["logHours"]["id"] and data["logHours"]["statusLabel"]
    assert data["completeApplication"]["statusLabel"] == "مكتمل"
    me = data["viewer"]["volunteer"]
    assert me["verifiedHours"] == 3 and me["hoursDisplay"] == "3 ساعات"
    assert len(me["notifications"]["edges"]) >= 3
    assert data["askOpportunityManager"]["statusLabel"]
    assert data["deleteMyAccount"] is True
    # The export printed her applications: the one she completed.
    [applications] = [a for a in printed if isinstance(a, list)]
    assert [a["status"] for a in applications] == ["COMPLETED"]

    settings = served.settings
    hours = fetch(settings, select(m.HoursEntry.hours, m.HoursEntry.status, m.HoursEntry.note)
                  .join(m.Volunteer, m.Volunteer.id == m.HoursEntry.volunteer_id)
                  .where(m.Volunteer.erased_at.is_not(None)))
    assert [tuple(h) for h in hours] == [(3.0, "APPROVED", None)]  # kept, her note erased
    assert fetch(settings, select(m.Volunteer.id).where(m.Volunteer.first_name == "Nour")) == []


def test_the_readme_editor_walkthrough_runs(served: Served) -> None:
    printed, data, _ = served.run(EDITOR)
    labels = next(a for a in printed if isinstance(a, list))
    assert "الإسعافات الأولية" in labels  # the categories, in Arabic
    assert data["updateOpportunity"]["translations"]  # the last update: the stale French
    stale = {(t["locale"], t["field"]): t["isStale"]
             for t in data["updateOpportunity"]["translations"]}
    assert stale == {("ar", "title"): False, ("ar", "summary"): False,
                     ("fr", "title"): True, ("fr", "summary"): True}
    searches = [a["data"]["opportunities"] for a in printed if isinstance(a, dict)
                and "opportunities" in (a.get("data") or {})]
    # Not found as a draft; found once published, without hamza; and in French.
    assert searches[0]["totalCount"] == 0
    assert searches[1]["totalCount"] == 1
    assert searches[1]["edges"][0]["node"]["title"] == "دورة الإنعاش القلبي الرئوي للشباب في سطيف"
    assert searches[2]["edges"][0]["node"]["titleI18n"]["locale"] == "fr"
    assert data["publishNewsItem"]["status"] == "PUBLISHED"
    waiting = [e["node"]["title"] for e in data["editorialNews"]["edges"]]
    assert "فتح التسجيل في دورة الإسعافات الأولية بسطيف" in waiting
    public = [e["node"]["title"] for e in data["news"]["edges"]]
    assert public and "فتح التسجيل في دورة الإسعافات الأولية بسطيف" not in public

    o = m.Opportunity
    [row] = fetch(served.settings, select(o.status, o.capacity, o.acceptance).where(
        o.id == select(func.max(o.id)).scalar_subquery()))
    assert tuple(row) == ("PUBLISHED", 20, "REVIEW")
