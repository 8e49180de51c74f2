"""The dashboard's HTML: the frame of the page in its language, which its script fills with
the `statistics` query's figures (hub/entry/dashboard.py says what is served where).

Written here: the title, the period, the societies to choose from, the language links, the
sign-in form, and per section its heading, its table's column headings and a canvas. Each
section says what to ask in data attributes (`data-metrics`, `data-group-by`) and how to
draw it (`data-chart`: `tiles`, `columns`, `bars` or `table`). The script's settings (the
document, the filter, the words it shows) travel in a JSON block, not in a script: the page
runs no inline code, which its Content-Security-Policy forbids.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from string import Template
from typing import Final
from urllib.parse import urlencode

from hub.dashboard import messages as msg
from hub.db.models import Tenant
from hub.i18n import LocaleChain, direction, gettext, locale_info, message
from hub.i18n.digits import write_digits
from hub.i18n.markers import Plural

VH, AV = "VERIFIED_HOURS", "ACTIVE_VOLUNTEERS"
METRIC_NAMES: Final = {VH: msg.VERIFIED_HOURS, AV: msg.ACTIVE_VOLUNTEERS}
PATH: Final = "/dashboard"
ENDPOINT: Final = "/graphql"


@dataclass(frozen=True, slots=True)
class Section:
    """One part of the page: one `statistics` question and how to show its answer."""

    id: str
    title: str  # msgid
    metrics: tuple[str, ...]
    group_by: tuple[str, ...]
    chart: str  # tiles | columns | bars | table
    key_heading: str | None = None  # msgid of the first column
    network_only: bool = False  # left out when one society is chosen


SECTIONS: Final = (
    Section("totals", msg.TOTALS, (VH, AV), (), "tiles"),
    Section("hours-per-month", msg.HOURS_PER_MONTH, (VH,), ("MONTH",), "columns", msg.MONTH),
    Section("hours-per-category", msg.HOURS_PER_CATEGORY, (VH,), ("CATEGORY",), "bars",
            msg.CATEGORY),
    Section("hours-per-society", msg.HOURS_PER_SOCIETY, (VH,), ("TENANT",), "bars",
            msg.SOCIETY, network_only=True),
    Section("volunteers-per-group", msg.VOLUNTEERS_PER_GROUP, (AV,), ("GROUP",), "bars",
            msg.GROUP),
    Section("by-region", msg.BY_REGION, (VH, AV), ("REGION",), "table", msg.REGION),
)


@dataclass(frozen=True, slots=True)
class View:
    """What the page shows: in which language, about which society (None: every society the
    caller may aggregate), over which days (None: the statistics' default period)."""

    lang: str
    tenant: Tenant | None = None
    start: date | None = None
    end: date | None = None

    def address(self, **changes: str) -> str:
        """This page's address with `changes` (lang=...): `tenant`, `from`, `to` kept."""
        params = {"lang": self.lang, "tenant": self.tenant.slug if self.tenant else "",
                  "from": self.start.isoformat() if self.start else "",
                  "to": self.end.isoformat() if self.end else "", **changes}
        return f"{PATH}?{urlencode({k: v for k, v in params.items() if v})}"

    def statistics_filter(self) -> dict[str, object]:
        """The `filter` argument every section sends."""
        given: dict[str, object] = {}
        if self.tenant is not None:
            given["tenants"] = [self.tenant.slug]
        if self.start is not None:
            given["from"] = self.start.isoformat()
        if self.end is not None:
            given["to"] = self.end.isoformat()
        return given


@dataclass(frozen=True, slots=True)
class Frame:
    """What the page needs beside its view: the hub's societies and languages, the period as
    written, the fewest volunteers a published figure counts, the document, the assets."""

    view: View
    tenants: Sequence[Tenant]
    languages: Sequence[str]
    period: str | None  # None: the period is not valid (`problem` says why)
    minimum_cell: int
    digits: str  # the numbering system the note's number is written in
    document: tuple[str, str]  # id, text
    styles: Sequence[str]
    scripts: Sequence[str]
    charts: bool  # the chart library is installed
    problem: str | None = None  # a refusal of the page's own parameters, in its language
    names: Mapping[int, str] = field(default_factory=dict)  # tenant id -> name in the page


PAGE: Final = Template("""<!doctype html>
<html lang="$lang" dir="$dir">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$title</title>
<link rel="icon" href="data:,">
$styles
<script type="application/json" id="dashboard-settings">$settings</script>
$scripts
</head>
<body>
<header class="top">
<div class="heading">
<h1>$title</h1>
<p class="scope">$scope</p>
$period
</div>
<nav class="languages" aria-label="$languages_label">
$languages
</nav>
</header>
<div class="controls">
$choice
<div class="access">
<p id="view" class="view" role="status"></p>
<details id="sign-in">
<summary>$sign_in</summary>
<form id="token-form" autocomplete="off">
<label>$token_label <input type="password" name="token" required autocomplete="off"
spellcheck="false"></label>
<button type="submit">$sign_in_button</button>
</form>
</details>
<button type="button" id="sign-out" hidden>$sign_out</button>
</div>
</div>
$notes
<main class="sections">
$sections
</main>
</body>
</html>
""")


def e(text: str) -> str:
    return html.escape(text, quote=True)


def write_page(frame: Frame) -> str:
    view = frame.view
    lang = view.lang

    def t(msgid: str) -> str:
        return gettext(lang, msgid)

    scope = frame.names.get(view.tenant.id, view.tenant.slug) if view.tenant \
        else t(msg.ALL_SOCIETIES)
    notes = [f'<p class="problem" role="alert">{e(frame.problem)}</p>'] if frame.problem else []
    if not frame.charts:
        notes.append(f'<p class="charts-missing">{e(t(msg.CHARTS_MISSING))}</p>')
    sections = [] if frame.problem else [
        _section(s, lang) for s in SECTIONS if not (s.network_only and view.tenant)]
    return PAGE.substitute(
        lang=e(lang), dir=direction(lang).lower(), title=e(t(msg.TITLE)), scope=e(scope),
        period=(f'<p class="period">{e(message(lang, msg.PERIOD, period=frame.period))}</p>'
                if frame.period else ""),
        styles="\n".join(f'<link rel="stylesheet" href="{e(href)}">' for href in frame.styles),
        scripts="\n".join(f'<script src="{e(src)}" defer></script>' for src in frame.scripts),
        settings=_settings(frame), languages_label=e(t(msg.LANGUAGES)),
        languages="\n".join(_language_link(view, other) for other in frame.languages),
        choice=_choice(frame, t), sign_in=e(t(msg.SIGN_IN)), token_label=e(t(msg.TOKEN)),
        sign_in_button=e(t(msg.SIGN_IN_BUTTON)), sign_out=e(t(msg.SIGN_OUT)),
        notes="\n".join(notes), sections="\n".join(sections))


def tenant_names(tenants: Sequence[Tenant], lang: str) -> dict[int, str]:
    """Each society's name in the page's language (else its default language's)."""
    chain = LocaleChain.from_request(explicit=lang, accept_language=None)
    names = {}
    for tenant in tenants:
        picked = chain.pick(tenant.names, tenant.default_locale)
        names[tenant.id] = picked[1] if picked is not None else tenant.slug
    return names


def _language_link(view: View, other: str) -> str:
    info = locale_info(other)
    current = ' aria-current="page"' if other == view.lang.split("-")[0] else ""
    return (f'<a href="{e(view.address(lang=other))}" hreflang="{e(other)}" lang="{e(other)}" '
            f'dir="{info.direction.lower()}"{current}>{e(info.native_name)}</a>')


def _choice(frame: Frame, t: Callable[[str], str]) -> str:
    """The society to show: a plain GET form (it works without the script)."""
    view = frame.view
    chosen = view.tenant.slug if view.tenant else ""
    ordered = sorted(frame.tenants, key=lambda x: frame.names.get(x.id, x.slug).casefold())
    options = [f'<option value=""{" selected" if not chosen else ""}>'
               f"{e(t(msg.ALL_SOCIETIES))}</option>"]
    options += [f'<option value="{e(x.slug)}"{" selected" if x.slug == chosen else ""}>'
                f"{e(frame.names.get(x.id, x.slug))}</option>" for x in ordered]
    hidden = [f'<input type="hidden" name="{name}" value="{e(value)}">' for name, value in (
        ("lang", view.lang), ("from", view.start.isoformat() if view.start else ""),
        ("to", view.end.isoformat() if view.end else "")) if value]
    return (f'<form class="choice" method="get" action="{PATH}">{"".join(hidden)}'
            f'<label>{e(t(msg.SOCIETY))} <select name="tenant">{"".join(options)}</select>'
            f'</label> <button type="submit">{e(t(msg.SHOW))}</button></form>')


def _section(section: Section, lang: str) -> str:
    title = e(gettext(lang, section.title))
    metrics = [(m, e(gettext(lang, METRIC_NAMES[m]))) for m in section.metrics]
    head = (f'<section class="panel {section.chart}" id="{section.id}" '
            f'data-chart="{section.chart}" data-metrics="{" ".join(section.metrics)}" '
            f'data-group-by="{" ".join(section.group_by)}" aria-labelledby="{section.id}-title" '
            f'aria-busy="true">\n<h2 id="{section.id}-title">{title}</h2>\n')
    status = f'<p class="status" role="status">{e(gettext(lang, msg.LOADING))}</p>\n'
    if section.chart == "tiles":
        tiles = "".join(f'<div class="tile"><dt>{name}</dt><dd data-metric="{m}"></dd></div>'
                        for m, name in metrics)
        return f'{head}<dl class="tiles" hidden>{tiles}</dl>\n{status}</section>'
    key = e(gettext(lang, section.key_heading or msg.TOTAL))
    columns = "".join(f'<th scope="col" data-metric="{m}">{name}</th>' for m, name in metrics)
    chart = ("" if section.chart == "table" else
             f'<div class="chart" hidden><canvas role="img" aria-label="{title}"></canvas>'
             "</div>\n")
    return (f"{head}{chart}<table hidden>\n<caption>{title}</caption>\n"
            f'<thead><tr><th scope="col">{key}</th>{columns}</tr></thead>\n'
            "<tbody></tbody>\n<tfoot></tfoot>\n</table>\n"
            f'<p class="note" hidden></p>\n{status}</section>')


def _settings(frame: Frame) -> str:
    """The script's settings as JSON that is safe inside a <script> element."""
    lang = frame.view.lang

    def t(msgid: str) -> str:
        return gettext(lang, msgid)

    document_id, document = frame.document
    settings = {
        "endpoint": f"{ENDPOINT}?{urlencode({'lang': lang})}",
        "lang": lang,
        "documentId": document_id,
        "document": document,
        "filter": frame.view.statistics_filter(),
        "words": {
            "public": t(msg.PUBLIC_VIEW), "signedIn": t(msg.SIGNED_IN),
            "exact": t(msg.EXACT_VIEW), "protected": t(msg.PROTECTED_VIEW),
            "loading": t(msg.LOADING), "noFigures": t(msg.NO_FIGURES),
            "failed": t(msg.LOAD_FAILED),
            "total": t(msg.TOTAL),
            "suppressed": _note(lang, msg.SUPPRESSED_NOTE, frame.minimum_cell, frame.digits),
        },
    }
    return json.dumps(settings, ensure_ascii=False).replace("<", "\\u003c")


def _note(lang: str, plural: Plural, count: int, digits: str) -> str:
    return write_digits(message(lang, plural, count=count), digits)
