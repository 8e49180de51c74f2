"""`tatawwu notify` (a pass, --status) and `tatawwu serve --notify`'s loop in the app's
lifespan, in dev mode's print delivery, on SQLite and PostgreSQL."""

from __future__ import annotations

import time

from click.testing import CliRunner
from starlette.testclient import TestClient

from hub.config import Settings
from hub.entry.app import create_app
from hub.entry.cli import main
from tests.notifications.world import World


def env(world: World) -> dict[str, str]:
    settings = world.database.settings
    return {"HUB_DATABASE_URL": settings.database_url, "HUB_MODE": "dev",
            "HUB_DEV_KEY_FILE": str(settings.dev_key_file), "HUB_SMTP_URL": "",
            "HUB_MAIL_DELIVERY": ""}


def test_notify_command_delivers_and_reports(world: World) -> None:
    nid = world.accepted("sara")
    world.accepted("nomail")
    result = CliRunner().invoke(main, ["notify"], env=env(world))
    assert result.exit_code == 0, result.output
    assert "Subject: Your application was accepted" in result.stdout, "printed, not sent"
    assert "notifications: 2 due: 1 sent, 0 to retry, 0 failed, 1 skipped" in result.stderr
    assert world.rows()[nid].sent_at is not None
    status = CliRunner().invoke(main, ["notify", "--status"], env=env(world))
    assert status.exit_code == 0, status.output
    assert status.stdout.strip() == "pending 0, sent 1, failed 0, skipped 1"
    again = CliRunner().invoke(main, ["notify"], env=env(world))
    assert "notifications: 0 due" in again.stderr and "Subject" not in again.stdout


def test_notify_needs_a_server_to_send(world: World) -> None:
    result = CliRunner().invoke(main, ["notify"], env={**env(world), "HUB_MAIL_DELIVERY": "smtp"})
    assert result.exit_code == 2 and "set HUB_SMTP_URL" in result.stderr


def test_serve_notify_runs_the_loop_in_the_lifespan(world: World) -> None:
    nid = world.accepted("sara")
    settings = Settings.from_env(env(world))
    with TestClient(create_app(settings, notify=True)) as http:
        assert http.get("/healthz").status_code == 200
        deadline = time.monotonic() + 20
        while world.rows()[nid].sent_at is None:
            assert time.monotonic() < deadline, "the loop did not deliver"
            time.sleep(0.2)
    # Stopped with the app: a new notification stays unsent.
    later = world.accepted("sara")
    time.sleep(0.5)
    assert world.rows()[later].sent_at is None
