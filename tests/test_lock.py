"""The lock (requirements/*.txt, compiled by `make lock`) agrees with pyproject.toml.

Checked offline, from the files themselves: every dependency pyproject.toml declares for a
set is pinned there at a version its specifier admits, with hashes; nothing is pinned as a
direct dependency that pyproject.toml no longer declares; and each pinned package's own
requirements (from its installed metadata) are pinned too. When this fails, run `make lock`.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import metadata

import pytest
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.paths import ROOT

LOCKS = {"runtime": (), "dev": ("dev",), "bench": ("dev", "bench"), "otel": ("otel",)}
OUR_SOURCES = ("tatawwu-hub (pyproject.toml)", "-r requirements/build.in")
_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


@dataclass(frozen=True)
class Pin:
    version: Version
    hashes: int
    direct: bool  # "via" names pyproject.toml or build.in


def parse_lock(text: str) -> dict[str, Pin]:
    """Pinned packages of a `uv pip compile --generate-hashes` file, by canonical name."""
    pins: dict[str, Pin] = {}
    name: str | None = None
    version: Version | None = None
    hashes = 0
    via: list[str] = []

    def close() -> None:
        if name is not None and version is not None:
            pins[name] = Pin(version, hashes, any(src in line for line in via
                                                  for src in OUR_SOURCES))

    for line in text.splitlines():
        match = _PIN.match(line)
        if match:
            close()
            name, version = canonicalize_name(match[1]), Version(match[2])
            hashes, via = 0, []
        elif "--hash=sha256:" in line:
            hashes += 1
        elif line.lstrip().startswith("#") and name is not None:
            via.append(line)
    close()
    return pins


def declared(pyproject: dict[str, object], extras: tuple[str, ...],
             build_in: str) -> list[Requirement]:
    project = pyproject["project"]
    assert isinstance(project, dict)
    found = [Requirement(r) for r in project["dependencies"]]
    for extra in extras:
        found += [Requirement(r) for r in project["optional-dependencies"][extra]]
    found += [Requirement(line) for line in build_in.splitlines()
              if line.strip() and not line.startswith("#")]
    return found


def lock_problems(pyproject_text: str, lock_text: str, extras: tuple[str, ...],
                  build_in: str) -> list[str]:
    """What is out of date between pyproject.toml's dependencies and one lock file."""
    pyproject = tomllib.loads(pyproject_text)
    pins = parse_lock(lock_text)
    problems = []
    wanted = declared(pyproject, extras, build_in)
    wanted_names = set()
    for req in wanted:
        if req.marker is not None and not req.marker.evaluate():
            continue
        name = canonicalize_name(req.name)
        wanted_names.add(name)
        pin = pins.get(name)
        if pin is None:
            problems.append(f"{req} is declared but not locked")
        elif not req.specifier.contains(pin.version, prereleases=True):
            problems.append(f"{req} is declared but {name}=={pin.version} is locked")
    for name, pin in pins.items():
        if pin.direct and name not in wanted_names:
            problems.append(f"{name} is locked as a direct dependency but no longer declared")
        if pin.hashes == 0:
            problems.append(f"{name} is locked without a hash")
    build_requires = set(pyproject["build-system"]["requires"])  # type: ignore[index]
    if {line.strip() for line in build_in.splitlines() if line.strip()} != build_requires:
        problems.append("requirements/build.in differs from [build-system] requires")
    return problems


def _read(path: str) -> str:
    return (ROOT / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("lock", sorted(LOCKS))
def test_lock_agrees_with_pyproject(lock: str) -> None:
    problems = lock_problems(_read("pyproject.toml"), _read(f"requirements/{lock}.txt"),
                             LOCKS[lock], _read("requirements/build.in"))
    assert problems == [], f"run `make lock`: {problems}"


def test_the_check_catches_a_lock_out_of_date() -> None:
    pyproject, lock, build_in = (_read("pyproject.toml"), _read("requirements/runtime.txt"),
                                 _read("requirements/build.in"))
    added = pyproject.replace('dependencies = [\n', 'dependencies = [\n    "tablib>=3.0",\n', 1)
    assert lock_problems(added, lock, (), build_in) == [
        "tablib>=3.0 is declared but not locked"]
    raised = re.sub(r'"babel>=[^"]+"', '"babel>=99"', pyproject)
    assert any("babel>=99" in p for p in lock_problems(raised, lock, (), build_in))
    removed = re.sub(r'\s*"orjson[^"]*",', "", pyproject)
    assert lock_problems(removed, lock, (), build_in) == [
        "orjson is locked as a direct dependency but no longer declared"]


def test_installed_packages_are_the_locked_ones() -> None:
    """The suite runs on what the dev lock pins, and every requirement of a pinned package
    (with the extras we ask for) is pinned too: the lock is closed."""
    pins = parse_lock(_read("requirements/dev.txt"))
    env = default_environment()
    extras_asked: dict[str, set[str]] = {}
    pyproject = tomllib.loads(_read("pyproject.toml"))
    for req in declared(pyproject, LOCKS["dev"], _read("requirements/build.in")):
        extras_asked.setdefault(canonicalize_name(req.name), set()).update(req.extras)
    problems = []
    for name, pin in pins.items():
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # pinned for another platform (its marker is false here)
        if Version(dist.version) != pin.version:
            problems.append(f"{name} {dist.version} installed, {pin.version} locked")
        for line in dist.requires or ():
            req = Requirement(line)
            extras = extras_asked.get(name, set()) | {""}
            if req.marker is not None and not any(
                    req.marker.evaluate({**env, "extra": extra}) for extra in extras):
                continue
            dep = canonicalize_name(req.name)
            if dep not in pins:
                problems.append(f"{name} needs {req}, which is not locked")
            elif not req.specifier.contains(pins[dep].version, prereleases=True):
                problems.append(f"{name} needs {req}, {dep}=={pins[dep].version} is locked")
    assert problems == [], f"run `make lock` and `make install-dev`: {problems}"
