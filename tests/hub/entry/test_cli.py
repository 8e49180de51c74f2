"""The `tatawwu` command: configuration, tenants, schema."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from hub.auth import DevKey
from hub.entry.cli import main


def test_config_hides_the_database_password() -> None:
    env = {"HUB_DATABASE_URL": "postgresql+asyncpg://hub:s3cret@db.internal:5432/hub",
           "HUB_MODE": "production"}
    result = CliRunner().invoke(main, ["config"], env=env)
    assert result.exit_code == 0, result.output
    assert "s3cret" not in result.output
    assert "HUB_DATABASE_URL=postgresql+asyncpg://hub:***@db.internal:5432/hub" in result.output
    assert "HUB_MODE=production" in result.output


def test_config_rejects_bad_values_clearly() -> None:
    for env, words in (({"HUB_MODE": "staging"}, "HUB_MODE"),
                       ({"HUB_DATABASE_URL": "mysql://x"}, "HUB_DATABASE_URL"),
                       ({"HUB_MAX_PAGE_SIZE": "lots"}, "HUB_MAX_PAGE_SIZE")):
        result = CliRunner().invoke(main, ["config"], env=env)
        assert result.exit_code == 2
        assert words in result.output and "Traceback" not in result.output


def test_default_database_is_a_sqlite_file_in_the_working_directory() -> None:
    result = CliRunner().invoke(main, ["config"], env={"HUB_DATABASE_URL": ""})
    assert "HUB_DATABASE_URL=sqlite+aiosqlite:///" in result.output
    assert "tatawwu.sqlite3" in result.output


def test_tenants_list_and_check() -> None:
    listed = CliRunner().invoke(main, ["tenants", "list"])
    assert listed.exit_code == 0 and "setif-youth" in listed.output
    checked = CliRunner().invoke(main, ["tenants", "check"])
    assert checked.exit_code == 0 and "valid" in checked.output


def test_python_dash_m_hub_runs_the_command() -> None:
    result = subprocess.run([sys.executable, "-m", "hub", "--help"], capture_output=True,
                            text=True, check=False, timeout=60)
    assert result.returncode == 0
    assert "serve" in result.stdout and "migrate" in result.stdout


def test_token_prints_the_token_alone_and_refuses_bad_combinations(tmp_path: Path) -> None:
    env = {"HUB_DEV_KEY_FILE": str(tmp_path / "key.json"), "HUB_MODE": "dev"}
    DevKey.load_or_create(tmp_path / "key.json")  # the hub's key, as `tatawwu serve` creates it
    runner = CliRunner()
    result = runner.invoke(main, ["token", "--tenant", "dz-crescent", "--role", "editor"],
                           env=env)
    assert result.exit_code == 0
    token = result.stdout.strip()
    assert token.count(".") == 2 and "\n" not in token
    for args in (["--volunteer", "5", "--role", "viewer"], ["--tenant", "dz-crescent"],
                 ["--federation", "--volunteer", "3"], ["--tenant", "atlantis", "--role", "admin"],
                 []):
        bad = runner.invoke(main, ["token", *args], env=env)
        assert bad.exit_code == 2, args
        assert "Traceback" not in bad.output
