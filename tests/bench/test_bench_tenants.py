"""The benchmark's large tenant registry (`python -m bench --tenants 50`): valid tenant files
that the hub's own loader accepts, the repository's tenants among them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.proc import BenchError
from bench.tenants import PACKAGED, write_registry
from tenants.registry import load_registry


def test_fifty_tenants_load_with_the_hubs_registry(tmp_path: Path) -> None:
    registry = load_registry(write_registry(tmp_path / "tenants", 50))
    assert len(registry) == 50
    assert set(load_registry(PACKAGED)) < set(registry)
    generated = [t for slug, t in registry.items() if slug.startswith("region-")]
    assert len(generated) == 50 - len(load_registry(PACKAGED))
    assert all(t.parent == "arco" and {"ar", "en", "fr"} <= set(t.names) for t in generated)
    assert len({t.country for t in generated}) > 10


def test_fewer_tenants_than_the_repository_has_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BenchError, match="at least"):
        write_registry(tmp_path / "tenants", 3)


def test_a_database_with_tenants_the_registry_lacks_is_refused(tmp_path: Path) -> None:
    from bench.dataset import _check_registry
    from bench.targets import Context

    folder = write_registry(tmp_path / "tenants", 10)
    ctx = Context("python", tmp_path, "sqlite+aiosqlite:///x", tmp_path, folder)
    slugs = sorted(load_registry(folder))
    _check_registry(ctx, slugs)  # the same tenants: fine
    with pytest.raises(BenchError, match="--tenants 11"):
        _check_registry(ctx, [*slugs, "region-42-jo"])
    plain = Context("python", tmp_path, "sqlite+aiosqlite:///x", tmp_path)  # the repository's
    with pytest.raises(BenchError, match="--tenants 10"):
        _check_registry(plain, slugs)
