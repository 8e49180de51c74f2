"""The fixture contract: PostgreSQL tests fail under CI when the server is missing, and are
skipped with the reason elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import conftest


@pytest.fixture
def unreachable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(conftest, "POSTGRES_URL",
                        "postgresql+asyncpg://postgres@127.0.0.1:1/postgres")


@pytest.mark.usefixtures("unreachable")
def test_missing_postgres_fails_under_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(conftest, "IN_CI", True)
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        conftest.make_database("postgresql", tmp_path)


@pytest.mark.usefixtures("unreachable")
def test_missing_postgres_skips_with_reason_elsewhere(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(conftest, "IN_CI", False)
    with pytest.raises(pytest.skip.Exception, match="unreachable"):
        conftest.make_database("postgresql", tmp_path)
