"""The small valid demo folder of tests/demo_files.py, as the rules of the volunteer journey
want it: its pupil joined with a guardian's consent, and one thread with the staff.

Each test writes the folder into tmp_path with one thing broken and expects exactly the
problem that names it (file, record, field).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from hub.demo.loader import DemoDataError, load_demo
from tests import demo_files as base

NEWS, SETIF, TENANTS, VOL, write = base.NEWS, base.SETIF, base.TENANTS, base.VOL, base.write
INQ = "inquiries.toml"
DAY = date(2026, 11, 1)  # ages are counted on this day in the rules' tests
YOUNES_PHONE = 'phone = "+213 558 14 96 02"\n'
GUARDIAN = 'guardian = { name = "Salima Ferhati", contact = "+213 661 14 96 00" }\n'

VALID: dict[str, str] = {
    **base.VALID,
    VOL: base.VALID[VOL].replace(YOUNES_PHONE, YOUNES_PHONE + GUARDIAN),
    INQ: """
[[inquiries]]
key = "amina-asks"
opportunity = "setif-later"
volunteer = "amina"
subject = "Horaires des cours"
status = "ANSWERED"
messages = [
    { author = "VOLUNTEER", day = -5, hour = 18, body = "Les cours ont-ils lieu le matin ?" },
    { author = "STAFF", day = -4, body = "Oui, de 9 h à 12 h, chaque samedi." },
]
""",
}
assert VALID[VOL].count(GUARDIAN) == 1


def problems_after(tmp_path: Path, name: str, old: str, new: str,
                   files: dict[str, str] | None = None) -> list[str]:
    """Write the valid folder (or `files`) with `old` replaced by `new` in file `name`; the
    problems, ages counted on DAY."""
    files = VALID if files is None else files
    assert files[name].count(old) >= 1, f"{old!r} is not in {name}"
    write(tmp_path, {**files, name: files[name].replace(old, new, 1)})
    with pytest.raises(DemoDataError) as raised:
        load_demo(tmp_path, TENANTS, DAY)
    assert str(raised.value).startswith(f"demo data in {tmp_path}: ")
    return [str(p) for p in raised.value.problems]
