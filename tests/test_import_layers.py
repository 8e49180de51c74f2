"""The layers of ARCHITECTURE.md, checked on the source: each module imports only from its
own rank or below.

A module's rank is that of the longest package prefix in `RANK` that names it:

    tenants < hub.db < hub (the rest of the core) < resolvers < schema < hub.entry

`hub.db` (engine, models, migrations) is below the rest of the core, which builds on it
(`hub.access` writes its clauses over the models; `hub.row_security` turns a `ReadScope`
into PostgreSQL settings).
`hub.__main__` must stay in `hub/` for `python -m hub`: it is part of the entry layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import ROOT

PACKAGES = ("tenants", "hub", "resolvers", "schema")
RANK = {
    "tenants": 0,
    "hub.db": 1,
    "hub": 2,
    "resolvers": 3,
    "schema": 4,
    "hub.entry": 5,
    "hub.__main__": 5,
}
ENTRY = RANK["hub.entry"]
CORE = RANK["hub"]


def rank(module: str) -> int | None:
    """The rank of the longest prefix of `module` in RANK; None for other packages."""
    parts = module.split(".")
    for size in range(len(parts), 0, -1):
        found = RANK.get(".".join(parts[:size]))
        if found is not None:
            return found
    return None


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path, module: str) -> set[str]:
    """Every module `path` imports (`from a import b` counts as `a` and `a.b`); relative
    imports are resolved against `module`."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[:len(package) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def sources(root: Path = ROOT) -> list[tuple[str, int, Path]]:
    """Every module of our packages with its rank (migrations excepted: each is a frozen
    snapshot)."""
    found: list[tuple[str, int, Path]] = []
    for package in PACKAGES:
        for path in sorted((root / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            module = module_name(path, root)
            module_rank = rank(module)
            assert module_rank is not None, module
            found.append((module, module_rank, path))
    return found


def violations(root: Path = ROOT) -> list[str]:
    bad: list[str] = []
    for source, source_rank, path in sources(root):
        for target in sorted(imports_of(path, source)):
            target_rank = rank(target)
            if target_rank is not None and target_rank > source_rank:
                bad.append(f"{source} imports {target}")
    return bad


def test_packages_import_only_from_lower_layers() -> None:
    assert violations() == []


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    # The rule itself, on a small tree: each of these must be reported.
    probes = {
        "tenants/probe.py": "import hub.config\n",
        "hub/db/probe.py": "from hub.access import read_scope\n",
        "hub/db/models/probe.py": "from ...access import read_scope\n",
        "hub/probe.py": "from .entry import app\n",
        "resolvers/probe.py": "from schema.build import build_schema\n",
        "schema/core/probe.py": "import hub.entry.app\n",
        "hub/entry/probe.py": "from schema import build_schema\nfrom tenants import load\n",
    }
    for name, text in probes.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert set(violations(tmp_path)) == {
        "tenants.probe imports hub.config",
        "hub.db.probe imports hub.access",
        "hub.db.probe imports hub.access.read_scope",
        "hub.db.models.probe imports hub.access",
        "hub.db.models.probe imports hub.access.read_scope",
        "hub.probe imports hub.entry",
        "hub.probe imports hub.entry.app",
        "resolvers.probe imports schema.build",
        "resolvers.probe imports schema.build.build_schema",
        "schema.core.probe imports hub.entry.app",
    }


def test_only_the_entry_layer_imports_hub_entry() -> None:
    importers = {source for source, _, path in sources()
                 if any(rank(t) == ENTRY for t in imports_of(path, source))}
    assert {s for s in importers if not s.startswith("hub.entry")} == {"hub.__main__"}


def test_the_core_imports_no_resolvers_or_schema() -> None:
    for source, source_rank, path in sources():
        if source_rank <= CORE:
            found = [t for t in imports_of(path, source)
                     if t.split(".")[0] in ("resolvers", "schema")]
            assert found == [], source
