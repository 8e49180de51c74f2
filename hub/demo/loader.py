"""Read the demo records from the TOML files of `hub/demo/data/`, validated on load.

The folder holds (see its README.md):

    order.toml                  the order the per-tenant files are read (the seeding order)
    taxonomy.toml               [[categories]] and [[skills]]
    organizations.toml          [[organizations]], each naming its tenant
    campaigns.toml              [[campaigns]], each naming its tenant
    opportunities/<tenant>.toml [[opportunities]] of that tenant
    events/<tenant>.toml        [[events]] of that tenant
    news/<tenant>.toml          [[news]] of that tenant
    volunteers.toml             [[volunteers]]
    inquiries.toml              [[inquiries]] (optional: threads between volunteers and staff)

Each record is checked against its shape in `hub.demo.records` (pydantic, strict: no "25"
for 25, unknown keys are errors), then against `hub.demo.rules` (known codes, texts in the
tenant's languages, references within one tenant) once every record has its shape. The
problems of a stage are reported together, each naming the file, the record and the field:

    news/dz-crescent.toml: news[0].texts.ar.title: field required (record "dz-chlef-floods")
"""

from __future__ import annotations

import functools
import json
import sys
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import fields
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from hub.demo.records import (
    CampaignSeed,
    CategorySeed,
    DemoContent,
    EventSeed,
    InquirySeed,
    NewsSeed,
    OpportunitySeed,
    OrganizationSeed,
    SkillSeed,
    VolunteerSeed,
)
from hub.demo.rules import Placed, PlacedContent, Problem, check
from tenants import TenantDefinition, load_registry

DATA_DIR = Path(__file__).resolve().parent / "data"
ORDER_FILE = "order.toml"
# file -> the tables it may hold; the per-tenant folders hold one table named as the folder
SHARED_FILES: dict[str, tuple[str, ...]] = {
    "taxonomy.toml": ("categories", "skills"),
    "organizations.toml": ("organizations",),
    "campaigns.toml": ("campaigns",),
    "volunteers.toml": ("volunteers",),
    "inquiries.toml": ("inquiries",),
}
OPTIONAL_FILES = ("inquiries.toml",)  # a folder without threads is still a demo
PER_TENANT = ("opportunities", "events", "news")
# For every shape and the shapes inside it: no type coercion, no NaN or infinity, and a key
# the shape does not name is an error.
STRICT = ConfigDict(strict=True, extra="forbid", allow_inf_nan=False)
# table -> its records' shape, validated one record at a time as a one-record list (a list
# takes a config, and the records in it and the shapes inside them inherit it)
SHAPES: dict[str, Any] = {
    "categories": list[CategorySeed], "skills": list[SkillSeed],
    "organizations": list[OrganizationSeed], "campaigns": list[CampaignSeed],
    "opportunities": list[OpportunitySeed], "events": list[EventSeed],
    "news": list[NewsSeed], "volunteers": list[VolunteerSeed],
    "inquiries": list[InquirySeed],
}
# pydantic's words for JSON, said in TOML's
MESSAGES = {
    "missing": "field required",
    "extra_forbidden": "unknown key",
    "unexpected_keyword_argument": "unknown key",
    "dict_type": "must be a table",
    "tuple_type": "must be an array",
    "list_type": "must be an array",
    "string_type": "must be a string",
    "int_type": "must be a whole number",
    "float_type": "must be a number",
    "finite_number": "must be a finite number",
    "bool_type": "must be true or false",
}


class DemoDataError(ValueError):
    """The demo data files are unreadable or invalid; `problems` lists every fault found."""

    def __init__(self, directory: Path, problems: list[Problem]) -> None:
        lines = "\n".join(f"  {p}" for p in problems)
        count = f"{len(problems)} problem" + ("s" if len(problems) > 1 else "")
        super().__init__(f"demo data in {directory}: {count}\n{lines}")
        self.directory = directory
        self.problems = problems


@functools.cache
def demo_content() -> DemoContent:
    """The packaged demo, checked against the packaged tenant registry; loaded once."""
    return load_demo()


def load_demo(directory: Path | None = None,
              tenants: Mapping[str, TenantDefinition] | None = None,
              today: date | None = None) -> DemoContent:
    """Read and validate every data file of `directory`; raises `DemoDataError`. Ages
    (minors need a guardian, minimum ages) are counted on `today` (default: the clock's)."""
    directory = directory or DATA_DIR
    today = today or date.today()
    tenants = load_registry() if tenants is None else tenants
    problems: list[Problem] = []
    placed = PlacedContent()
    order = _read_order(directory, tenants, problems)
    for name, tables in SHARED_FILES.items():
        if name in OPTIONAL_FILES and not (directory / name).is_file():
            continue
        _read_file(directory, name, tables, None, placed, problems)
    for kind in PER_TENANT:
        for slug in order:
            if (directory / kind / f"{slug}.toml").is_file():
                _read_file(directory, f"{kind}/{slug}.toml", (kind,), slug, placed, problems)
    problems += _stray_files(directory, order)
    if not problems:
        problems = check(placed, tenants, today)
    if problems:
        raise DemoDataError(directory, problems)
    return placed.content()


def _read_order(directory: Path, tenants: Mapping[str, TenantDefinition],
                problems: list[Problem]) -> list[str]:
    data = _read_toml(directory, ORDER_FILE, problems)
    if data is None:
        return []
    problems += [Problem(ORDER_FILE, "unknown key", field=k) for k in data if k != "tenants"]
    slugs = data.get("tenants")
    if not isinstance(slugs, list) or not all(isinstance(s, str) for s in slugs):
        problems.append(Problem(ORDER_FILE, "must be an array of tenant slugs", field="tenants"))
        return []
    order: list[str] = []
    for i, slug in enumerate(slugs):
        if slug not in tenants:
            problems.append(Problem(ORDER_FILE, f"{slug!r} is not a known tenant",
                                    field=f"tenants[{i}]"))
        elif slug in order:
            problems.append(Problem(ORDER_FILE, f"{slug!r} is listed twice",
                                    field=f"tenants[{i}]"))
        else:
            order.append(slug)
    return order


def _stray_files(directory: Path, order: list[str]) -> list[Problem]:
    """A `.toml` file the loader would not read is a mistake: say so rather than skip it."""
    expected = {ORDER_FILE, *SHARED_FILES}
    expected |= {f"{kind}/{slug}.toml" for kind in PER_TENANT for slug in order}
    problems = []
    for path in sorted(directory.rglob("*.toml")):
        name = path.relative_to(directory).as_posix()
        if name in expected:
            continue
        folder = name.split("/")[0]
        if folder in PER_TENANT and name.count("/") == 1:
            problem = f"{path.stem!r} is not a tenant listed in {ORDER_FILE}"
        else:
            problem = ("is not a demo data file (expected order.toml, taxonomy.toml, "
                       "organizations.toml, campaigns.toml, volunteers.toml, inquiries.toml or "
                       "opportunities/, events/, news/<tenant>.toml)")
        problems.append(Problem(name, problem))
    return problems


def _read_toml(directory: Path, name: str, problems: list[Problem]) -> dict[str, Any] | None:
    path = directory / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(Problem(name, "is missing"))
    except tomllib.TOMLDecodeError as exc:
        problems.append(Problem(name, f"is not valid TOML ({exc})"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(name, f"cannot be read ({exc})"))
    return None


def _read_file(directory: Path, name: str, tables: tuple[str, ...], tenant: str | None,
               placed: PlacedContent, problems: list[Problem]) -> None:
    """Validate each record of each table of one file into `placed`."""
    data = _read_toml(directory, name, problems)
    if data is None:
        return
    for key in data:
        if key not in tables:
            expected = " or ".join(f"[[{t}]]" for t in tables)
            problems.append(Problem(name, f"unknown key (this file holds {expected})", field=key))
    for table in tables:
        records = data.get(table, [])
        if not isinstance(records, list):
            problems.append(Problem(name, f"must be an array of tables ([[{table}]])",
                                    field=table))
            continue
        into: list[Placed[Any]] = getattr(placed, table)
        for index, raw in enumerate(records):
            record = _validate(name, table, index, raw, tenant, problems)
            if record is not None:
                into.append(Placed(record, name, table, index))


def _validate(name: str, table: str, index: int, raw: object, tenant: str | None,
              problems: list[Problem]) -> object | None:
    where = f"{table}[{index}]"
    if not isinstance(raw, dict):
        problems.append(Problem(name, "must be a table", where))
        return None
    key = raw.get("key", raw.get("code"))
    key = key if isinstance(key, str) else None
    found = [Problem(name, "is a TOML date or time; demo dates are day offsets from the "
                           "seeding day, like -14", where, field, key) for field in _dates(raw)]
    if tenant is not None:
        if "tenant" in raw:
            found.append(Problem(name, f"unknown key (the tenant is the file's name: {tenant})",
                                 where, "tenant", key))
        raw = {**raw, "tenant": tenant}
    if found:
        problems += found
        return None
    try:
        record: object = _adapter(table).validate_json(json.dumps([raw]))[0]
    except ValidationError as exc:
        problems += [Problem(name, _message(e), where, _field(e), key) for e in exc.errors()]
        return None
    return record


@functools.cache
def _adapter(table: str) -> TypeAdapter[list[Any]]:
    # From JSON: strict Python-mode validation takes only instances of the dataclasses and
    # tuples; strict JSON mode takes TOML's tables and arrays for them, yet still refuses
    # "25" for 25 or 1 for true.
    return TypeAdapter(SHAPES[table], config=STRICT)


def _dates(value: object, path: str = "") -> Iterator[str]:
    """Where a TOML date or time stands (JSON has none; no field of a record is one)."""
    if isinstance(value, date | datetime | time):
        yield path
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _dates(v, f"{path}.{k}" if path else str(k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _dates(v, f"{path}[{i}]")


def _field(error: ErrorDetails) -> str | None:
    path = ""
    for part in error["loc"][1:]:  # after the index in the one-record list
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or None


def _message(error: ErrorDetails) -> str:
    message = MESSAGES.get(error["type"])
    if message is None:
        text = error["msg"]
        message = text[:1].lower() + text[1:]
    if error["type"] not in ("missing", "extra_forbidden", "unexpected_keyword_argument"):
        message += f", not {_toml(error['input'])}"
    return message


def _toml(value: object) -> str:
    """A value as it was written in the file, for error messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def main(argv: list[str] | None = None) -> int:
    """`python -m hub.demo.loader [folder]`: check the data files, print every problem."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else DATA_DIR
    try:
        content = load_demo(folder)
    except DemoDataError as exc:
        print(exc, file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(getattr(content, f.name))} {f.name}" for f in fields(content))
    print(f"{folder}: valid ({counts})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
