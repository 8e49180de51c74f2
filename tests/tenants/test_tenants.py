"""The tenant registry: validation with clear errors, and the sync into the tenant table."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from hub.db import models as m
from hub.entry import setup_steps
from hub.entry.cli import main
from tenants import TenantFileError, load_registry, packaged_dir
from tests.conftest import Database
from tests.dbtools import fetch


def copy_registry(tmp_path: Path) -> Path:
    folder = tmp_path / "tenants"
    folder.mkdir()
    for path in packaged_dir().glob("*.toml"):
        shutil.copy(path, folder / path.name)
    shutil.copytree(packaged_dir() / "logos", folder / "logos")  # the certificates' logos
    return folder


def test_packaged_registry_has_the_demo_tenants() -> None:
    registry = load_registry()
    kinds = [t.kind.value for t in registry.values()]
    assert kinds.count("FEDERATION") == 1
    assert kinds.count("NATIONAL_SOCIETY") >= 5
    assert kinds.count("REGIONAL_ASSOCIATION") >= 1
    for t in registry.values():
        assert {"ar", "en", "fr"} <= set(t.names)
        assert t.default_locale and t.locales and t.time_zone
    assert registry["dz-crescent"].parent == "arco"


@pytest.mark.parametrize(("edit", "field", "problem"), [
    (lambda s: s.replace('kind = "NATIONAL_SOCIETY"', 'kind = "CLUB"'), "kind", "CLUB"),
    (lambda s: s.replace('country = "DZ"', 'country = "Algeria"'), "country", "ISO"),
    (lambda s: s.replace('time_zone = "Africa/Algiers"', 'time_zone = "Mars/Olympus"'),
     "time_zone", "Mars/Olympus"),
    (lambda s: s.replace('parent = "arco"', 'parent = "nobody"'), "parent", "nobody"),
    (lambda s: s.replace('digits = "latn"', 'digits = "roman"'), "digits", "roman"),
    (lambda s: s.replace('fr = "Croissant-Rouge algérien"\n', ""), "names.fr", "required"),
    (lambda s: s.replace('slug = "dz-crescent"', 'slug = "dz"'), "slug", "file name"),
    (lambda s: "colour = 'red'\n" + s, "colour", "not a known field"),
    (lambda s: 'terms_version = "version two, revised"\n' + s, "terms_version",
     "short version label"),
])
def test_bad_file_names_file_and_field(tmp_path: Path, edit, field: str, problem: str) -> None:
    folder = copy_registry(tmp_path)
    path = folder / "dz-crescent.toml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    with pytest.raises(TenantFileError) as caught:
        load_registry(folder)
    message = str(caught.value)
    assert "dz-crescent.toml" in message
    assert f"'{field}'" in message
    assert problem in message


def test_broken_toml_is_named(tmp_path: Path) -> None:
    folder = copy_registry(tmp_path)
    (folder / "eg-crescent.toml").write_text("slug = \n", encoding="utf-8")
    with pytest.raises(TenantFileError, match=r"eg-crescent\.toml: is not valid TOML"):
        load_registry(folder)


def test_broken_tenant_file_stops_serve_with_a_clear_error(tmp_path: Path) -> None:
    folder = copy_registry(tmp_path)
    (folder / "lb-redcross.toml").write_text(
        (folder / "lb-redcross.toml").read_text(encoding="utf-8").replace(
            'default_locale = "ar-LB"', 'default_locale = "klingon!"'), encoding="utf-8")
    env = {"HUB_TENANTS_DIR": str(folder),
           "HUB_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'x.sqlite3'}"}
    result = CliRunner().invoke(main, ["serve", "--port", "1"], env=env)
    assert result.exit_code == 2
    assert "lb-redcross.toml" in result.output and "'default_locale'" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "x.sqlite3").exists(), "nothing is written before the files are valid"


@pytest.mark.parametrize("fresh_backend", ["sqlite", "postgresql"], indirect=True)
def test_sync_is_idempotent_and_deactivates_removed_files(
        fresh_backend: Database, tmp_path: Path) -> None:
    settings = fresh_backend.settings
    setup_steps.migrate(settings)
    registry = load_registry()
    first = asyncio.run(setup_steps.sync(settings, registry))
    assert sorted(first.created) == sorted(registry)
    again = asyncio.run(setup_steps.sync(settings, registry))
    assert again.created == again.updated == [] and sorted(again.unchanged) == sorted(registry)
    rows = {r.slug: r for r in fetch(settings, select(m.Tenant))}
    assert rows["dz-crescent"].parent_id == rows["arco"].id
    assert rows["sa-crescent"].hijri_dates is True
    # The terms' version reaches the tenant's settings (registration records it); "1" when
    # the file names none.
    assert rows["sa-crescent"].settings["terms_version"] == "2026.1"
    assert rows["dz-crescent"].settings["terms_version"] == "1"
    fewer = {k: v for k, v in registry.items() if k != "tn-crescent"}
    report = asyncio.run(setup_steps.sync(settings, fewer))
    assert report.deactivated == ["tn-crescent"]
    rows = {r.slug: r for r in fetch(settings, select(m.Tenant))}
    assert rows["tn-crescent"].active is False

