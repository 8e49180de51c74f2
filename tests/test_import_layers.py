"""The layers of ARCHITECTURE.md, checked on the source: each package imports only from below.

tenants < hub (core) < resolvers < schema < entry points (hub.app, hub.cli, hub.__main__).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY_POINTS = {"hub.app", "hub.cli", "hub.__main__"}
RANK = {"tenants": 0, "hub": 1, "resolvers": 2, "schema": 3, "entry": 4}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str | None:
    if module in ENTRY_POINTS:
        return "entry"
    top = module.split(".")[0]
    return top if top in RANK else None


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def violations() -> list[str]:
    bad: list[str] = []
    for package in ("tenants", "hub", "resolvers", "schema"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            source = module_name(path)
            source_rank = RANK[layer(source) or package]
            for target in imports_of(path):
                target_layer = layer(target)
                if target_layer is None or target_layer == layer(source):
                    continue
                if RANK[target_layer] > source_rank:
                    bad.append(f"{source} imports {target}")
    return bad


def test_packages_import_only_from_lower_layers() -> None:
    assert violations() == []


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    # The rule itself: a resolver importing schema must be reported.
    fake = ROOT / "resolvers" / "_layer_probe.py"
    fake.write_text("from schema.build import build_schema\n", encoding="utf-8")
    try:
        assert "resolvers._layer_probe imports schema.build" in violations()
    finally:
        fake.unlink()


def test_entry_points_are_the_only_hub_modules_importing_schema() -> None:
    for path in sorted((ROOT / "hub").rglob("*.py")):
        name = module_name(path)
        if name in ENTRY_POINTS or "migrations" in path.parts:
            continue
        assert not any(t.startswith("schema") for t in imports_of(path)), name
