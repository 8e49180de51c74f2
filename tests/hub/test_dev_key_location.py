"""One development key per database: `tatawwu token` signs with the key of the hub that serves
the same database, from any working directory, and never makes up a key of its own."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from starlette.testclient import TestClient

from hub.auth import DevKey
from hub.config import Settings, default_dev_key_file
from hub.entry import setup_steps
from hub.entry.app import create_app
from hub.entry.cli import main
from tests.conftest import Database, prepare

PG_URL = "postgresql+asyncpg://hub:{password}@db.internal:5432/{name}"


@pytest.fixture
def hub_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Only what a user would set: no HUB_DEV_KEY_FILE; the user's data folder in tmp_path."""
    monkeypatch.delenv("HUB_DEV_KEY_FILE", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    return {"HUB_MODE": "dev", "XDG_DATA_HOME": str(tmp_path / "xdg")}


def sqlite_hub(folder: Path, env: dict[str, str]) -> Settings:
    """A migrated SQLite database with the tenants synced, at `folder/hub.sqlite3`."""
    folder.mkdir(parents=True, exist_ok=True)
    settings = Settings.from_env({**env,
                                  "HUB_DATABASE_URL": f"sqlite+aiosqlite:///{folder}/hub.sqlite3"})
    setup_steps.migrate(settings)
    asyncio.run(setup_steps.sync(settings, setup_steps.load_tenants(settings)))
    return settings


def token(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(main, ["token", *args], env=env)


def viewer_kind(settings: Settings, token_text: str) -> object:
    """What the hub on `settings` makes of the token (as `tatawwu serve` would run it)."""
    with TestClient(create_app(settings)) as http:
        response = http.post("/graphql", json={"query": "{ viewer { kind } }"},
                             headers={"Authorization": f"Bearer {token_text}"})
        assert response.status_code == 200, response.text
        body = response.json()
        assert "errors" not in body, body
        return body["data"]["viewer"]["kind"]


def test_a_token_minted_in_another_directory_is_accepted_by_the_hub(
        tmp_path: Path, hub_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    settings = sqlite_hub(project, hub_env)
    key_file = project / ".tatawwu" / "hub.sqlite3.dev-key.json"
    assert settings.dev_key_file == key_file
    monkeypatch.chdir(project)
    with TestClient(create_app(settings)):  # the hub starts in dev mode: it creates its key
        pass
    assert key_file.is_file()
    kid = DevKey.load(key_file).kid

    elsewhere = tmp_path / "elsewhere" / "deeper"
    elsewhere.mkdir(parents=True)
    monkeypatch.chdir(elsewhere)
    relative = os.path.relpath(project / "hub.sqlite3", elsewhere)
    for url in (settings.database_url, f"sqlite+aiosqlite:///{relative}"):
        result = token({**hub_env, "HUB_DATABASE_URL": url}, "--federation")
        assert result.exit_code == 0, result.output
        assert viewer_kind(settings, result.stdout.strip()) == "FEDERATION"
    assert DevKey.load(key_file).kid == kid  # the same key, not a new one
    assert list(elsewhere.iterdir()) == []
    assert not (tmp_path / "xdg").exists()


def test_without_the_hubs_key_the_token_command_refuses_and_creates_nothing(
        tmp_path: Path, hub_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    database = tmp_path / "data" / "hub.sqlite3"
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    env = {**hub_env, "HUB_DATABASE_URL": f"sqlite+aiosqlite:///{database}"}
    result = token(env, "--tenant", "dz-crescent", "--role", "coordinator")
    assert result.exit_code == 2
    assert result.stdout == ""  # nothing that TOKEN=$(...) could take for a token
    expected = tmp_path / "data" / ".tatawwu" / "hub.sqlite3.dev-key.json"
    message = " ".join(result.output.split())
    assert f"there is no development key at {expected}" in message
    assert "tatawwu serve" in message and "HUB_DEV_KEY_FILE" in message
    assert f"There is no database at {database} either" in message
    assert "Traceback" not in result.output
    assert not (tmp_path / "data").exists()
    assert list(work.iterdir()) == []
    assert not (tmp_path / "xdg").exists()


def test_a_database_the_hub_never_served_in_dev_mode_has_no_key_either(
        tmp_path: Path, hub_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    settings = sqlite_hub(tmp_path / "project", hub_env)  # migrated, never served
    monkeypatch.chdir(tmp_path)
    result = token({**hub_env, "HUB_DATABASE_URL": settings.database_url}, "--federation")
    assert result.exit_code == 2 and result.stdout == ""
    message = " ".join(result.output.split())
    assert f"there is no development key at {settings.dev_key_file}" in message
    assert "There is no database" not in message  # the database is there: start the hub
    assert not settings.dev_key_file.parent.exists()


def test_the_default_database_keeps_its_key_beside_it(
        tmp_path: Path, hub_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("HUB_DATABASE_URL", raising=False)
    result = CliRunner().invoke(main, ["config"], env=hub_env)
    assert result.exit_code == 0, result.output
    expected = tmp_path / ".tatawwu" / "tatawwu.sqlite3.dev-key.json"
    assert f"HUB_DEV_KEY_FILE={expected}\n" in result.output
    refused = token(hub_env, "--federation")
    refused_text = " ".join(refused.output.split())
    assert refused.exit_code == 2 and str(expected) in refused_text
    assert f"There is no database at {tmp_path / 'tatawwu.sqlite3'} either" in refused_text
    assert list(tmp_path.iterdir()) == []


def test_hub_dev_key_file_overrides_the_default(
        tmp_path: Path, hub_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = tmp_path / "keys" / "mine.json"
    settings = sqlite_hub(tmp_path / "project", {**hub_env, "HUB_DEV_KEY_FILE": str(chosen)})
    assert settings.dev_key_file == chosen
    env = {**hub_env, "HUB_DATABASE_URL": settings.database_url, "HUB_DEV_KEY_FILE": str(chosen)}
    monkeypatch.chdir(tmp_path)
    shown = CliRunner().invoke(main, ["config"], env=env)
    assert f"HUB_DEV_KEY_FILE={chosen}\n" in shown.output
    refused = token(env, "--federation")
    assert refused.exit_code == 2
    assert "HUB_DEV_KEY_FILE" in refused.output and str(chosen) in " ".join(
        refused.output.split())
    assert not chosen.parent.exists()

    with TestClient(create_app(settings)):
        pass
    assert chosen.is_file()
    result = token(env, "--volunteer", "5")
    assert result.exit_code == 0, result.output
    assert viewer_kind(settings, result.stdout.strip()) == "VOLUNTEER"
    assert not (tmp_path / "project" / ".tatawwu").exists()  # the default is not used


def test_production_mode_still_refuses_dev_tokens_without_touching_a_key(
        tmp_path: Path, hub_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    env = {**hub_env, "HUB_MODE": "production",
           "HUB_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path}/hub.sqlite3"}
    result = token(env, "--federation")
    assert result.exit_code == 2 and "production" in result.output
    assert "development key" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_a_server_database_has_one_key_per_url_in_the_users_data_folder(tmp_path: Path) -> None:
    xdg = {"XDG_DATA_HOME": str(tmp_path / "xdg"), "HOME": str(tmp_path / "home")}
    first = default_dev_key_file(PG_URL.format(password="s3cret-1", name="tatawwu"), xdg)
    assert first.parent == tmp_path / "xdg" / "tatawwu" / "dev-keys"
    assert first.name.startswith("tatawwu-") and first.suffix == ".json"
    # the password is not part of the identity (nor of the name): rotating it keeps the key
    assert default_dev_key_file(PG_URL.format(password="s3cret-2", name="tatawwu"), xdg) == first
    assert "s3cret" not in str(first)
    assert default_dev_key_file(PG_URL.format(password="s3cret-1", name="other"), xdg) != first
    assert default_dev_key_file(
        "postgresql+asyncpg://hub@db.internal:5433/tatawwu", xdg) != first
    # without XDG_DATA_HOME (or with a relative one, which XDG says to ignore): ~/.local/share
    for env in ({"HOME": str(tmp_path / "home")},
                {"HOME": str(tmp_path / "home"), "XDG_DATA_HOME": "relative/data"}):
        home = default_dev_key_file(PG_URL.format(password="s3cret-1", name="tatawwu"), env)
        assert home == tmp_path / "home" / ".local" / "share" / "tatawwu" / "dev-keys" / first.name


def test_sqlite_files_in_one_folder_have_keys_of_their_own(tmp_path: Path) -> None:
    one = default_dev_key_file(f"sqlite+aiosqlite:///{tmp_path}/one.sqlite3", {})
    two = default_dev_key_file(f"sqlite+aiosqlite:///{tmp_path}/two.sqlite3", {})
    assert (one.parent, one.name, two.name) == (
        tmp_path / ".tatawwu", "one.sqlite3.dev-key.json", "two.sqlite3.dev-key.json")


@pytest.mark.parametrize("fresh_backend", ["postgresql"], indirect=True)
def test_a_token_minted_in_another_directory_is_accepted_on_postgresql(
        fresh_backend: Database, tmp_path: Path, hub_env: dict[str, str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    prepare(fresh_backend, demo=False)
    env = {**hub_env, "HUB_DATABASE_URL": fresh_backend.settings.database_url}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    monkeypatch.chdir(tmp_path / "a")
    settings = Settings.from_env(env)
    assert settings.dev_key_file.is_relative_to(tmp_path / "xdg" / "tatawwu" / "dev-keys")
    refused = token(env, "--federation")
    assert refused.exit_code == 2 and str(settings.dev_key_file) in " ".join(
        refused.output.split())
    with TestClient(create_app(settings)):
        pass
    monkeypatch.chdir(tmp_path / "b")
    result = token(env, "--tenant", "dz-crescent", "--role", "coordinator")
    assert result.exit_code == 0, result.output
    assert viewer_kind(settings, result.stdout.strip()) == "STAFF"
    assert list((tmp_path / "a").iterdir()) == list((tmp_path / "b").iterdir()) == []
