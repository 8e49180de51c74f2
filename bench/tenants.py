"""A larger tenant registry for the benchmark's large set (`--tenants 50`): the repository's
tenant files, plus generated regional volunteer associations across the Arab League's
countries, written as ordinary tenant files that `tatawwu tenants sync` reads
(`HUB_TENANTS_DIR`). The scale seed then spreads its records over all of them."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.proc import BenchError
from bench.targets import REPO_DIR

PACKAGED = REPO_DIR / "tenants"

# country, time zone, default locale, its name in Arabic, English and French
COUNTRIES: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("JO", "Asia/Amman", "ar", "الأردن", "Jordan", "Jordanie"),
    ("IQ", "Asia/Baghdad", "ar", "العراق", "Iraq", "Irak"),
    ("SY", "Asia/Damascus", "ar", "سوريا", "Syria", "Syrie"),
    ("YE", "Asia/Aden", "ar", "اليمن", "Yemen", "Yémen"),
    ("SD", "Africa/Khartoum", "ar", "السودان", "Sudan", "Soudan"),
    ("LY", "Africa/Tripoli", "ar", "ليبيا", "Libya", "Libye"),
    ("OM", "Asia/Muscat", "ar", "عُمان", "Oman", "Oman"),
    ("QA", "Asia/Qatar", "ar", "قطر", "Qatar", "Qatar"),
    ("KW", "Asia/Kuwait", "ar", "الكويت", "Kuwait", "Koweït"),
    ("BH", "Asia/Bahrain", "ar", "البحرين", "Bahrain", "Bahreïn"),
    ("AE", "Asia/Dubai", "ar", "الإمارات", "United Arab Emirates", "Émirats arabes unis"),
    ("PS", "Asia/Hebron", "ar", "فلسطين", "Palestine", "Palestine"),
    ("MR", "Africa/Nouakchott", "ar", "موريتانيا", "Mauritania", "Mauritanie"),
    ("DZ", "Africa/Algiers", "ar-DZ", "الجزائر", "Algeria", "Algérie"),
    ("MA", "Africa/Casablanca", "ar", "المغرب", "Morocco", "Maroc"),
    ("TN", "Africa/Tunis", "ar", "تونس", "Tunisia", "Tunisie"),
    ("EG", "Africa/Cairo", "ar-EG", "مصر", "Egypt", "Égypte"),
    ("LB", "Asia/Beirut", "ar", "لبنان", "Lebanon", "Liban"),
)

TEMPLATE = """slug = "{slug}"
kind = "REGIONAL_ASSOCIATION"
country = "{country}"
parent = "arco"
default_locale = "{locale}"
locales = ["ar", "fr", "en"]
digits = "latn"
time_zone = "{zone}"
hijri_dates = false

[names]
ar = "جمعية المتطوعين الإقليمية {n} - {ar}"
en = "Regional Volunteer Association {n} - {en}"
fr = "Association régionale de volontaires {n} - {fr}"

[sharing]
network_volunteer_pool = true
"""


def write_registry(folder: Path, total: int) -> Path:
    """`folder` holding the repository's tenant files and generated ones, `total` in all."""
    packaged = sorted(PACKAGED.glob("*.toml"))
    if total < len(packaged):
        raise BenchError(f"--tenants {total}: the repository already has {len(packaged)} "
                         "tenants; ask for at least that many")
    folder.mkdir(parents=True, exist_ok=True)
    for path in packaged:
        shutil.copyfile(path, folder / path.name)
    shutil.copytree(PACKAGED / "logos", folder / "logos", dirs_exist_ok=True)
    for i in range(total - len(packaged)):
        country, zone, locale, ar, en, fr = COUNTRIES[i % len(COUNTRIES)]
        n = i + 1
        slug = f"region-{n:02d}-{country.lower()}"
        (folder / f"{slug}.toml").write_text(TEMPLATE.format(
            slug=slug, country=country, zone=zone, locale=locale, n=n, ar=ar, en=en, fr=fr),
            encoding="utf-8")
    return folder
