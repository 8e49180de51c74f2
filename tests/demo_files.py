"""A small valid demo data folder for the loader tests, and how to break it.

Each test writes the folder into tmp_path with one thing broken and expects exactly the
problem that names it (file, record, field).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.demo.loader import DemoDataError, load_demo
from tenants import load_registry

SETIF = "opportunities/setif-youth.toml"
NEWS = "news/dz-crescent.toml"
VOL = "volunteers.toml"
TENANTS = load_registry()

VALID: dict[str, str] = {
    "order.toml": 'tenants = ["setif-youth", "dz-crescent", "sa-crescent"]\n',
    "taxonomy.toml": """
[[categories]]
code = "FIRST_AID"
labels = { ar = "الإسعافات الأولية", en = "First aid", fr = "Premiers secours" }

[[categories]]
code = "BLOOD_DONATION"
labels = { ar = "التبرع بالدم", en = "Blood donation", fr = "Don de sang" }

[[skills]]
code = "TEACHING"
labels = { ar = "التدريس", en = "Teaching", fr = "Enseignement" }
""",
    "organizations.toml": """
[[organizations]]
key = "setif-apc"
tenant = "setif-youth"
name = "بلدية سطيف"
kind = "MUNICIPALITY"
city = "Sétif"

[[organizations]]
key = "dz-oran-branch"
tenant = "dz-crescent"
name = "فرع وهران"
kind = "BRANCH"
city = "Oran"
""",
    "campaigns.toml": """
[[campaigns]]
key = "setif-volunteer-day"
tenant = "setif-youth"
starts_day = 14
ends_day = 40
titles = { ar = "اليوم العالمي للتطوع", fr = "Journée internationale des volontaires" }
""",
    "opportunities/setif-youth.toml": """
[[opportunities]]
key = "setif-tutoring"
format = "ONSITE"
category = "FIRST_AID"
skills = ["TEACHING"]
organization = "setif-apc"
campaign = "setif-volunteer-day"
city = "Sétif"
region = "Sétif"
latitude = 36.19
longitude = 5.41
starts_day = -3
capacity = 2
credited_hours = 10
published_day = -20

[opportunities.texts.ar]
title = "دروس دعم لتلاميذ البكالوريا"
summary = "ساعد التلاميذ على التحضير للامتحان."
description = \"\"\"
دروس دعم في الرياضيات والفيزياء كل سبت \\
في دار الشباب.\"\"\"

[opportunities.texts.fr]
title = "Soutien scolaire pour le bac"
summary = "Aidez les élèves à préparer l’examen."
description = "Cours de soutien en mathématiques et en physique chaque samedi."

[[opportunities]]
key = "setif-later"
format = "ONSITE"
category = "FIRST_AID"
skills = []
city = "Sétif"
region = "Sétif"
latitude = 36.19
longitude = 5.41
starts_day = 20

[opportunities.texts.ar]
title = "يوم تطوعي"
summary = "يوم تطوعي في الحي."
description = "تنظيف الحي وغرس الأشجار."

[[opportunities]]
key = "setif-draft"
format = "REMOTE"
category = "FIRST_AID"
skills = []
is_ongoing = true
status = "DRAFT"

[opportunities.texts.ar]
title = "مسودة"
summary = "فرصة لم تنشر بعد."
description = "نص الفرصة."
""",
    "opportunities/dz-crescent.toml": """
[[opportunities]]
key = "dz-blood-drive"
format = "ONSITE"
category = "BLOOD_DONATION"
skills = []
organization = "dz-oran-branch"
city = "Oran"
region = "Oran"
latitude = 35.7
longitude = -0.63
starts_day = -1

[opportunities.texts.ar]
title = "حملة تبرع بالدم"
summary = "حملة تبرع بالدم في وهران."
description = "استقبال المتبرعين وتنظيم الطوابير."
""",
    "events/setif-youth.toml": """
[[events]]
key = "setif-study-day"
kind = "SEMINAR"
starts_day = 5
city = "Sétif"

[events.texts.ar]
title = "يوم دراسي حول التطوع"
description = "يوم دراسي في الجامعة."

[[events]]
key = "setif-webinar"
kind = "TRAINING"
starts_day = 8
online_url = "https://meet.example.org/setif"

[events.texts.fr]
title = "Formation en ligne"
description = "Une formation en ligne pour les nouveaux volontaires."
""",
    "news/dz-crescent.toml": """
[[news]]
key = "dz-blood-call"
published_day = -2
tags = ["blood"]

[news.texts.ar]
title = "نداء للتبرع بالدم"
summary = "المستشفى يحتاج إلى متبرعين."
body = "يدعو الهلال الأحمر الجزائري المواطنين إلى التبرع بالدم."

[news.texts.fr]
title = "Appel au don de sang"
summary = "L’hôpital a besoin de donneurs."
body = "Le Croissant-Rouge algérien appelle les citoyens à donner leur sang."
""",
    "news/sa-crescent.toml": """
[[news]]
key = "sa-rain-alert"
published_day = -1
tags = ["emergency"]

[news.texts.ar]
title = "تنبيه بشأن الأمطار"
summary = "الفرق جاهزة."
body = "فرق الهلال الأحمر في حالة تأهب."

[news.texts.en]
title = "Rain alert"
summary = "Teams are ready."
body = "Red Crescent teams are on alert."
""",
    "volunteers.toml": """
[[volunteers]]
key = "amina"
first_name = "Amina"
last_name = "Benali"
group = "UNIVERSITY_STUDENT"
birth_year = 2002
country = "DZ"
city = "Sétif"
tenants = ["setif-youth"]
languages = ["ar", "fr"]
skills = ["TEACHING"]
email = "amina@mail.example.dz"
phone = "+213 661 47 20 93"
applications = [
    { opportunity = "setif-tutoring", status = "ACCEPTED", logged_hours = 4, verified_hours = 2 },
]
saved = ["setif-later"]

[[volunteers]]
key = "younes"
first_name = "Younes"
last_name = "Ferhati"
group = "PUPIL"
birth_year = 2008
country = "DZ"
city = "El Eulma"
tenants = ["setif-youth", "dz-crescent"]
languages = ["ar"]
skills = []
email = "younes@mail.example.dz"
phone = "+213 558 14 96 02"
applications = [
    { opportunity = "setif-later", status = "APPLIED" },
    { opportunity = "dz-blood-drive", status = "COMPLETED", logged_hours = 3, verified_hours = 3 },
]
""",
}


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def problems_after(tmp_path: Path, name: str, old: str, new: str) -> list[str]:
    """Write the valid folder with `old` replaced by `new` in file `name`; the problems."""
    assert VALID[name].count(old) >= 1, f"{old!r} is not in {name}"
    write(tmp_path, {**VALID, name: VALID[name].replace(old, new, 1)})
    with pytest.raises(DemoDataError) as raised:
        load_demo(tmp_path, TENANTS)
    assert str(raised.value).startswith(f"demo data in {tmp_path}: ")
    return [str(p) for p in raised.value.problems]
