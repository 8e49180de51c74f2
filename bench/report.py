"""The run's results: a table on standard output and JSON in bench/results/<timestamp>.json."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson

COLUMNS = (("target", 6), ("req/s", 9), ("p50 ms", 8), ("p99 ms", 8), ("CPU ms/req", 10),
           ("DB CPU ms", 9), ("SQL/req", 7), ("wire/req", 8), ("rows", 5), ("RSS MiB", 8))


def _num(value: Any, digits: int = 1) -> str:
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "NO"
    if isinstance(value, int):
        return str(value)
    return f"{value:,.{digits}f}"


def _row(cells: list[str]) -> str:
    return "  ".join(c.rjust(w) if i else c.ljust(w)
                     for i, (c, (_, w)) in enumerate(zip(cells, COLUMNS, strict=True)))


def table(report: dict[str, Any]) -> str:
    lines: list[str] = []
    s, m = report["settings"], report["machine"]
    lines.append(f"Tatawwu Hub benchmark, {report['mode']} mode, {report['started_at'][:19]}: "
                 f"{report['dataset'].get('backend')} scale {_num(s['scale'])}, "
                 f"driver {s['driver']}, "
                 f"{s['rounds']} round(s) x {s['duration_s']} s, {s['connections']} connections,"
                 f" Accept-Language {s['locale']}, {s.get('hub_workers', 1)} hub process(es)"
                 f"{', documents by id' if s.get('trusted_documents') else ''}; "
                 f"{m['nproc']} CPU {m['cpu_model']}, "
                 f"{m['memory_gib']} GiB")
    rows = report["dataset"].get("rows") or {}
    if rows:
        lines.append("data: " + ", ".join(f"{n:,} {name}" for name, n in rows.items()))
    for key, entry in report["queries"].items():
        lines.append("")
        lines.append(f"{key}  {entry['title']}")
        if not entry["available"]:
            lines.append(f"    {entry['reason']}")
            continue
        lines.append("    " + _row([name for name, _ in COLUMNS]))
        for target, r in entry["results"].items():
            if r.get("failed"):
                lines.append(f"    {target:<6}  FAILED: {r['failed'][:90]}")
                continue
            lines.append("    " + _row([
                target, _num(r.get("rps")), _num(r.get("p50_ms"), 2), _num(r.get("p99_ms"), 2),
                _num(r.get("cpu_ms_per_req"), 2), _num(r.get("db_cpu_ms_per_req"), 2),
                _num(r.get("sql_per_req")),
                _num(r.get("wire_sql_per_req")), _num(r.get("rows")),
                _num(r.get("peak_rss_mib"), 0)]))
        for name, ratio in entry["ratios"].items():
            if ratio:
                lines.append(f"    {name}: req/s x{_num(ratio['rps'], 3)}, p50 "
                             f"x{_num(ratio['p50_ms'], 2)}, CPU/req "
                             f"x{_num(ratio['cpu_ms_per_req'], 2)}, CPU/req with PostgreSQL's "
                             f"x{_num(ratio['total_cpu_ms_per_req'], 2)}")
    for name, info in report["targets"].items():
        if info.get("available") is False:
            lines.append(f"\n{name}: not run: {info['reason']}")
    if report.get("profile"):
        for key, prof in report["profile"].items():
            lines.append(f"\nprofile of {key} on the hub ({prof['samples']} samples), "
                         "by component (innermost non-stdlib frame):")
            lines.extend(f"    {pct:5.1f}%  {name}" for name, pct in prof["components"][:12])
    if report["problems"]:
        lines.append("\nproblems:")
        lines.extend(f"  - {p}" for p in report["problems"])
    if report["notes"] or report["dataset"].get("notes"):
        lines.append("\nnotes:")
        lines.extend(f"  - {n}" for n in [*report["dataset"].get("notes", []), *report["notes"]])
    return "\n".join(lines)


def write(report: dict[str, Any], folder: Path, stamp: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{stamp}.json"
    path.write_bytes(orjson.dumps(report, option=orjson.OPT_INDENT_2))
    return path
