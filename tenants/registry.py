"""Load and validate tenant definitions; a bad file is an error naming the file and the field.

This package imports nothing of the project: it is the lowest layer.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tenants import recognition
from tenants.recognition import BadgeRule, CertificateStyle, Level, RecognitionError

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
LOCALE_RE = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2}|-[0-9]{3})?$")
REQUIRED_NAME_LOCALES = ("ar", "en", "fr")
KNOWN_KEYS = {
    "slug", "kind", "country", "parent", "default_locale", "locales", "digits",
    "time_zone", "hijri_dates", "names", "badge_rules", "sharing", "terms_version",
    "levels", "certificates", "public_statistics",
}
# What a tenant may publish of its statistics to anyone (anonymous callers, widgets).
PUBLIC_METRICS = ("VERIFIED_HOURS", "ACTIVE_VOLUNTEERS", "APPLICATIONS", "COMPLETED_PARTICIPATIONS")
TERMS_VERSION_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]{0,31}$")


class TenantKind(StrEnum):
    FEDERATION = "FEDERATION"
    NATIONAL_SOCIETY = "NATIONAL_SOCIETY"
    REGIONAL_ASSOCIATION = "REGIONAL_ASSOCIATION"


class TenantFileError(ValueError):
    """A tenant file is missing, unreadable or invalid."""

    def __init__(self, path: Path, field_name: str | None, problem: str) -> None:
        where = f"{path}: field '{field_name}'" if field_name else str(path)
        super().__init__(f"{where}: {problem}")
        self.path = path
        self.field_name = field_name
        self.problem = problem


@dataclass(frozen=True, slots=True)
class TenantDefinition:
    slug: str
    kind: TenantKind
    country: str | None
    parent: str | None
    default_locale: str
    locales: tuple[str, ...]
    digits: str | None  # "latn" | "arab"; None = the locale's CLDR default
    time_zone: str
    hijri_dates: bool
    names: dict[str, str]
    badge_rules: tuple[BadgeRule, ...] = ()
    sharing: dict[str, bool] = field(default_factory=dict)
    # The version of the society's terms a volunteer accepts when joining (recorded with
    # the consent); raise it when the terms change.
    terms_version: str = "1"
    levels: tuple[Level, ...] = ()
    certificates: CertificateStyle = field(default_factory=CertificateStyle)
    # The statistics anyone may see for this tenant (its totals: PUBLIC_METRICS), none by default.
    public_statistics: tuple[str, ...] = ()
    source: Path | None = None

    def badge_rule(self, code: str) -> BadgeRule | None:
        return next((r for r in self.badge_rules if r.code == code), None)


def packaged_dir() -> Path:
    """The folder of the tenant files shipped with the hub."""
    return Path(__file__).resolve().parent


def load_registry(directory: Path | None = None) -> dict[str, TenantDefinition]:
    """Read every `*.toml` in `directory`, validate each and the links between them."""
    directory = directory or packaged_dir()
    if not directory.is_dir():
        raise TenantFileError(directory, None, "is not a folder of tenant files")
    definitions: dict[str, TenantDefinition] = {}
    for path in sorted(directory.glob("*.toml")):
        definition = parse_file(path)
        if definition.slug in definitions:
            other = definitions[definition.slug].source
            raise TenantFileError(path, "slug", f"{definition.slug!r} is also used by {other}")
        definitions[definition.slug] = definition
    if not definitions:
        raise TenantFileError(directory, None, "holds no tenant file (*.toml)")
    for definition in definitions.values():
        _check_parent(definition, definitions)
    return definitions


def parse_file(path: Path) -> TenantDefinition:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise TenantFileError(path, None, f"is not valid TOML ({exc})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TenantFileError(path, None, f"cannot be read ({exc})") from None
    return parse_definition(data, path)


def parse_definition(data: dict[str, Any], path: Path) -> TenantDefinition:
    unknown = sorted(set(data) - KNOWN_KEYS)
    if unknown:
        raise TenantFileError(path, unknown[0], "is not a known field")
    slug = _text(data, "slug", path)
    if not SLUG_RE.match(slug):
        raise TenantFileError(path, "slug", f"{slug!r} must be lower-case letters, digits, '-'")
    if path.stem != slug:
        raise TenantFileError(path, "slug", f"{slug!r} must match the file name {path.stem!r}")
    kind_text = _text(data, "kind", path)
    try:
        kind = TenantKind(kind_text)
    except ValueError:
        allowed = ", ".join(k.value for k in TenantKind)
        raise TenantFileError(path, "kind", f"{kind_text!r} is not one of {allowed}") from None
    country = _optional_text(data, "country", path)
    if country is not None and not COUNTRY_RE.match(country):
        raise TenantFileError(path, "country", f"{country!r} is not an ISO 3166-1 alpha-2 code")
    locales = data.get("locales")
    if not isinstance(locales, list) or not locales or not all(isinstance(x, str) for x in locales):
        raise TenantFileError(path, "locales", "must be a non-empty list of locale tags")
    for tag in locales:
        _check_locale(tag, "locales", path)
    default_locale = _text(data, "default_locale", path)
    _check_locale(default_locale, "default_locale", path)
    if default_locale.split("-")[0] not in {t.split("-")[0] for t in locales}:
        raise TenantFileError(path, "default_locale", "its language is not among 'locales'")
    digits = _optional_text(data, "digits", path)
    if digits is not None and digits not in ("latn", "arab"):
        raise TenantFileError(path, "digits", f"{digits!r} must be 'latn' or 'arab'")
    time_zone = _text(data, "time_zone", path)
    try:
        ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        problem = f"{time_zone!r} is not a known time zone"
        raise TenantFileError(path, "time_zone", problem) from None
    hijri = data.get("hijri_dates", False)
    if not isinstance(hijri, bool):
        raise TenantFileError(path, "hijri_dates", "must be true or false")
    names = _names(data.get("names"), "names", path)
    terms_version = _optional_text(data, "terms_version", path) or "1"
    if not TERMS_VERSION_RE.match(terms_version):
        raise TenantFileError(path, "terms_version",
                              f"{terms_version!r} must be a short version label such as '2' "
                              "or '2026.1'")
    try:
        rules = recognition.badge_rules(data.get("badge_rules", []),
                                        lambda v, key: _names(v, key, path))
        steps = recognition.levels(data.get("levels", []),
                                   lambda v, key: _names(v, key, path), rules)
        style = recognition.certificate_style(
            data.get("certificates", {}), path.parent,
            lambda tag, key: _check_locale(tag, key, path))
    except RecognitionError as exc:
        raise TenantFileError(path, exc.field, exc.problem) from None
    public = data.get("public_statistics", [])
    if not isinstance(public, list) or any(p not in PUBLIC_METRICS for p in public):
        raise TenantFileError(path, "public_statistics",
                              f"must be a list of {', '.join(PUBLIC_METRICS)}")
    return TenantDefinition(
        slug=slug,
        kind=kind,
        country=country,
        parent=_optional_text(data, "parent", path),
        default_locale=default_locale,
        locales=tuple(locales),
        digits=digits,
        time_zone=time_zone,
        hijri_dates=hijri,
        names=names,
        badge_rules=rules,
        levels=steps,
        certificates=style,
        public_statistics=tuple(dict.fromkeys(public)),
        sharing=_sharing(data.get("sharing", {}), path),
        terms_version=terms_version,
        source=path,
    )


def _check_parent(definition: TenantDefinition, all_: dict[str, TenantDefinition]) -> None:
    path = definition.source or Path(definition.slug)
    if definition.parent is None:
        return
    if definition.parent not in all_:
        raise TenantFileError(path, "parent", f"{definition.parent!r} is not a known tenant")
    seen = {definition.slug}
    current: str | None = definition.parent
    while current is not None:
        if current in seen:
            raise TenantFileError(path, "parent", "makes a cycle of parents")
        seen.add(current)
        current = all_[current].parent


def _text(data: dict[str, Any], key: str, path: Path) -> str:
    value = data.get(key)
    if value is None:
        raise TenantFileError(path, key, "is required")
    if not isinstance(value, str) or not value.strip():
        raise TenantFileError(path, key, "must be a non-empty string")
    return value.strip()


def _optional_text(data: dict[str, Any], key: str, path: Path) -> str | None:
    return _text(data, key, path) if data.get(key) is not None else None


def _check_locale(tag: str, key: str, path: Path) -> None:
    if not LOCALE_RE.match(tag):
        raise TenantFileError(path, key, f"{tag!r} is not a locale tag like 'ar' or 'ar-DZ'")


def _names(value: Any, key: str, path: Path) -> dict[str, str]:
    if not isinstance(value, dict):
        raise TenantFileError(path, key, "must be a table of names by locale")
    names: dict[str, str] = {}
    for tag, name in value.items():
        _check_locale(tag, f"{key}.{tag}", path)
        if not isinstance(name, str) or not name.strip():
            raise TenantFileError(path, f"{key}.{tag}", "must be a non-empty string")
        names[tag] = name.strip()
    missing = [t for t in REQUIRED_NAME_LOCALES if t not in names]
    if missing:
        raise TenantFileError(path, f"{key}.{missing[0]}", "is required (names in ar, en, fr)")
    return names


def _sharing(value: Any, path: Path) -> dict[str, bool]:
    if not isinstance(value, dict) or not all(isinstance(v, bool) for v in value.values()):
        raise TenantFileError(path, "sharing", "must be a table of true/false settings")
    return dict(value)
