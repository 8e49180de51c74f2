"""A tenant's recognition, as data in its file: badge rules, levels and how its certificates
look. Validated like the rest of the file (a bad value is an error naming the field)."""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CODE_RE = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
# Category codes as the shared taxonomy writes them (FIRST_AID), or in lower case.
CATEGORY_RE = re.compile(r"^[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*$")
GROUPS = ("PUPIL", "UNIVERSITY_STUDENT", "VOCATIONAL_TRAINEE", "EMPLOYED", "SELF_EMPLOYED",
          "UNEMPLOYED", "RETIREE", "OTHER")  # hub.db.models.VolunteerGroup


class RecognitionError(ValueError):
    """A field of the recognition part is invalid: `field` names it, `problem` says why."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Benefit:
    """What a badge opens (a discount, a training place...): a code staff filter by, and
    its text per locale."""

    code: str
    texts: dict[str, str]


@dataclass(frozen=True, slots=True)
class BadgeRule:
    """A badge earned by verified hours: all of them, or only within a category, the last
    `period_months`, or while in a volunteer group."""

    code: str
    threshold_hours: float
    names: dict[str, str]
    descriptions: dict[str, str] = None  # type: ignore[assignment]  # set in __post_init__
    category: str | None = None
    period_months: int | None = None
    group: str | None = None
    benefits: tuple[Benefit, ...] = ()

    def __post_init__(self) -> None:
        if self.descriptions is None:
            object.__setattr__(self, "descriptions", {})


@dataclass(frozen=True, slots=True)
class Level:
    """A step toward a professional level: what it takes (verified hours, badges, at least
    one completed opportunity in each of `categories`), in the order of the file."""

    code: str
    names: dict[str, str]
    hours: float = 0.0
    badges: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CertificateStyle:
    """How the tenant's certificates look: in the volunteer's language, or in several at
    once (`locales`, e.g. Arabic with French); the logo file beside the tenant files."""

    locales: tuple[str, ...] = ()
    logo: Path | None = None


def badge_rules(value: Any, names: Any) -> tuple[BadgeRule, ...]:
    """`names(value, key)` validates a table of texts by locale (the registry's own)."""
    if not isinstance(value, list):
        raise RecognitionError("badge_rules", "must be a list of tables")
    rules: list[BadgeRule] = []
    for i, item in enumerate(value):
        key = f"badge_rules[{i}]"
        if not isinstance(item, dict):
            raise RecognitionError(key, "must be a table")
        _known(item, key, {"code", "threshold_hours", "names", "descriptions", "category",
                           "period_months", "group", "benefits"})
        code = _code(item.get("code"), f"{key}.code")
        if code in {r.code for r in rules}:
            raise RecognitionError(f"{key}.code", f"{code!r} is used twice")
        period = item.get("period_months")
        if period is not None and (isinstance(period, bool) or not isinstance(period, int)
                                   or not 1 <= period <= 120):
            raise RecognitionError(f"{key}.period_months", "must be a whole number of months, "
                                   "1 to 120")
        group = item.get("group")
        if group is not None and group not in GROUPS:
            raise RecognitionError(f"{key}.group", f"must be one of {', '.join(GROUPS)}")
        category = item.get("category")
        if category is not None:
            category = _code(category, f"{key}.category", CATEGORY_RE)
        rules.append(BadgeRule(
            code=code,
            threshold_hours=_hours(item.get("threshold_hours"), f"{key}.threshold_hours",
                                   positive=True),
            names=names(item.get("names"), f"{key}.names"),
            descriptions=names(item["descriptions"], f"{key}.descriptions")
            if "descriptions" in item else {},
            category=category, period_months=period, group=group,
            benefits=_benefits(item.get("benefits", []), f"{key}.benefits", names),
        ))
    return tuple(rules)


def levels(value: Any, names: Any, rules: tuple[BadgeRule, ...]) -> tuple[Level, ...]:
    if not isinstance(value, list):
        raise RecognitionError("levels", "must be a list of tables")
    found: list[Level] = []
    badge_codes = {r.code for r in rules}
    for i, item in enumerate(value):
        key = f"levels[{i}]"
        if not isinstance(item, dict):
            raise RecognitionError(key, "must be a table")
        _known(item, key, {"code", "names", "hours", "badges", "categories"})
        code = _code(item.get("code"), f"{key}.code")
        badges = _codes(item.get("badges", []), f"{key}.badges")
        unknown = [b for b in badges if b not in badge_codes]
        if unknown:
            raise RecognitionError(f"{key}.badges", f"{unknown[0]!r} is not a badge rule here")
        found.append(Level(code=code, names=names(item.get("names"), f"{key}.names"),
                           hours=_hours(item.get("hours", 0), f"{key}.hours"),
                           badges=badges,
                           categories=_codes(item.get("categories", []), f"{key}.categories",
                                             CATEGORY_RE)))
    return tuple(found)


def certificate_style(value: Any, base: Path, locale_ok: Any) -> CertificateStyle:
    if not isinstance(value, dict):
        raise RecognitionError("certificates", "must be a table")
    _known(value, "certificates", {"locales", "logo"})
    tags = value.get("locales", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags) or len(tags) > 3:
        raise RecognitionError("certificates.locales", "must be a list of up to 3 locale tags")
    for tag in tags:
        locale_ok(tag, "certificates.locales")
    logo = value.get("logo")
    if logo is not None:
        if not isinstance(logo, str) or not logo.endswith((".svg", ".png")):
            raise RecognitionError("certificates.logo", "must name an .svg or .png file")
        logo_path = (base / logo).resolve()
        if not logo_path.is_file():
            raise RecognitionError("certificates.logo", f"{logo!r} is not a file beside the "
                                   "tenant files")
        return CertificateStyle(tuple(tags), logo_path)
    return CertificateStyle(tuple(tags))


def _known(item: dict[str, Any], key: str, known: set[str]) -> None:
    unknown = sorted(set(item) - known)
    if unknown:
        raise RecognitionError(f"{key}.{unknown[0]}", "is not a known field")


def _code(value: Any, key: str, shape: re.Pattern[str] = CODE_RE) -> str:
    if not isinstance(value, str) or not shape.match(value):
        raise RecognitionError(key, "must be a lower-case code" if shape is CODE_RE
                               else "must be a category code such as FIRST_AID")
    return value


def _codes(value: Any, key: str, shape: re.Pattern[str] = CODE_RE) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise RecognitionError(key, "must be a list of codes")
    return tuple(_code(v, key, shape) for v in value)


def _hours(value: Any, key: str, *, positive: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0 \
            or (positive and value == 0):
        raise RecognitionError(key, "must be a positive number" if positive
                               else "must be a number of hours, 0 or more")
    return float(value)


def _benefits(value: Any, key: str, names: Any) -> tuple[Benefit, ...]:
    if not isinstance(value, list):
        raise RecognitionError(key, "must be a list of tables")
    found: list[Benefit] = []
    for i, item in enumerate(value):
        where = f"{key}[{i}]"
        if not isinstance(item, dict):
            raise RecognitionError(where, "must be a table")
        _known(item, where, {"code", "texts"})
        found.append(Benefit(_code(item.get("code"), f"{where}.code"),
                             names(item.get("texts"), f"{where}.texts")))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class Recognition:
    """A tenant's recognition as the running hub reads it, from the tenant row's settings
    (written by the tenant sync from the file): `Recognition.of(tenant.settings)`."""

    badge_rules: tuple[BadgeRule, ...] = ()
    levels: tuple[Level, ...] = ()
    certificate_locales: tuple[str, ...] = ()
    logo: str | None = None  # a data: URI of the logo file, or None

    def badge_rule(self, code: str) -> BadgeRule | None:
        return next((r for r in self.badge_rules if r.code == code), None)

    @classmethod
    def of(cls, settings: dict[str, Any] | None) -> Recognition:
        settings = settings or {}
        rules = tuple(BadgeRule(
            code=r["code"], threshold_hours=float(r["threshold_hours"]), names=r["names"],
            descriptions=r.get("descriptions") or {}, category=r.get("category"),
            period_months=r.get("period_months"), group=r.get("group"),
            benefits=tuple(Benefit(b["code"], b["texts"]) for b in r.get("benefits", ())),
        ) for r in settings.get("badge_rules", ()))
        steps = tuple(Level(code=v["code"], names=v["names"], hours=float(v.get("hours", 0)),
                            badges=tuple(v.get("badges", ())),
                            categories=tuple(v.get("categories", ())))
                      for v in settings.get("levels", ()))
        certificates = settings.get("certificates") or {}
        return cls(rules, steps, tuple(certificates.get("locales", ())),
                   certificates.get("logo"))


def as_settings(rules: tuple[BadgeRule, ...], steps: tuple[Level, ...],
                style: CertificateStyle) -> dict[str, Any]:
    """What the tenant sync stores in the tenant row (read back by `Recognition.of`)."""
    logo = None
    if style.logo is not None:
        kind = "image/svg+xml" if style.logo.suffix == ".svg" else "image/png"
        logo = f"data:{kind};base64," + base64.b64encode(style.logo.read_bytes()).decode()
    return {
        "badge_rules": [{
            "code": r.code, "threshold_hours": r.threshold_hours, "names": r.names,
            "descriptions": r.descriptions, "category": r.category,
            "period_months": r.period_months, "group": r.group,
            "benefits": [{"code": b.code, "texts": b.texts} for b in r.benefits],
        } for r in rules],
        "levels": [{"code": v.code, "names": v.names, "hours": v.hours,
                    "badges": list(v.badges), "categories": list(v.categories)}
                   for v in steps],
        "certificates": {"locales": list(style.locales), "logo": logo},
    }
