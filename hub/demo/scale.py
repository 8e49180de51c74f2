"""Generate large, realistic volumes on top of the hand-written demo (`seed demo --scale N`).

Each unit of scale adds 1,000 opportunities, 10,000 volunteers, about 8,000 applications
(some on waiting lists of full opportunities), 50,000 hours entries and a few threads with
the staff per tenant, spread over the tenants (scale 100: the benchmark's large set of
100k opportunities, 1M volunteers and 5M hours entries). Rows are written in one transaction:
with COPY on PostgreSQL, with multi-row INSERTs on SQLite. Text is reused from the
hand-written records (in their languages), so the large set reads like the small one.
"""

from __future__ import annotations

import random
import time as clock
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import orjson
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy import func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from hub.config import Settings
from hub.db import models as m
from hub.db.engine import make_engine
from hub.demo.records import DemoContent
from hub.i18n.digest import text_digest

OPPORTUNITIES_PER_UNIT = 1_000
INQUIRIES_PER_TENANT_AND_UNIT = 5
TAKES_A_SPOT = ("ACCEPTED", "COMPLETED")
# (subject, the volunteer's question, the staff's answer): reused, as the texts are
QUESTIONS = (
    ("مواعيد النشاط", "هل يمكنني الحضور بعد الظهر فقط؟", "نعم، فرقة المساء تبدأ الساعة الرابعة."),
    ("Matériel", "Faut-il apporter son propre matériel ?", "Non, tout est fourni sur place."),
    ("Transport", "Is there transport from the city centre?", "Yes, a minibus leaves at 8:00."),
    ("الوثائق المطلوبة", "ما الوثائق التي يجب أن أحضرها؟", "تكفي بطاقة الهوية."),
)
VOLUNTEERS_PER_UNIT = 10_000
BATCH = 5_000
GROUPS = ("PUPIL", "UNIVERSITY_STUDENT", "VOCATIONAL_TRAINEE", "EMPLOYED", "SELF_EMPLOYED",
          "UNEMPLOYED", "RETIREE", "OTHER")
GROUP_WEIGHTS = (14, 30, 12, 18, 6, 8, 8, 4)
BIRTH_YEARS = {"PUPIL": (2008, 2012), "UNIVERSITY_STUDENT": (1999, 2007),
               "VOCATIONAL_TRAINEE": (1998, 2008), "EMPLOYED": (1970, 2000),
               "SELF_EMPLOYED": (1965, 2000), "UNEMPLOYED": (1975, 2005),
               "RETIREE": (1948, 1963), "OTHER": (1960, 2006)}
FIRST_NAMES = ("Amina", "Yacine", "Sara", "Mohamed", "Lina", "Karim", "Nour", "Walid", "Imane",
               "Sofiane", "Rania", "Omar", "Meriem", "Anis", "Hiba", "Youssef", "Salma", "Khaled",
               "Asma", "Bilal", "Fatima", "Hamza", "Dounia", "Ali", "Layla", "Ayoub", "Nada",
               "Fares", "Ikram", "Tarek")
LAST_NAMES = ("Benali", "Haddad", "Mansour", "Boukhari", "El Amrani", "Saadi", "Khelifi",
              "Azzouz", "Rahmani", "Chaabane", "Nasser", "Farouk", "Abdallah", "Belkacem",
              "Zeroual", "Mekki", "Hamdan", "Ouali", "Tazi", "Bennani", "Gharbi", "Jaziri",
              "Daoud", "Sleiman", "Khoury", "Otaibi", "Qahtani", "Shehata", "Fahmy", "Laaroussi")


@dataclass(slots=True)
class ScaleReport:
    rows: dict[str, int]
    seconds: float
    database_bytes: int | None

    def summary(self) -> str:
        parts = ", ".join(f"{n:,} {name}" for name, n in self.rows.items())
        size = f"; database size {self.database_bytes / 2**20:,.0f} MiB" \
            if self.database_bytes else ""
        return f"scale: wrote {parts} in {self.seconds:,.1f} s{size}"


async def generate(settings: Settings, units: int, today: date,
                   seed: int = 20261205) -> ScaleReport:
    from hub.demo.loader import demo_content  # pydantic is imported only to seed

    content = demo_content()
    engine = make_engine(settings.database_url)
    started = clock.perf_counter()
    try:
        async with engine.begin() as conn:
            rows = await _generate(conn, content, units, today, random.Random(seed))
            if conn.dialect.name == "postgresql":
                await _reset_sequences(conn)
        async with engine.connect() as conn:
            size = await _database_bytes(conn)
    finally:
        await engine.dispose()
    return ScaleReport(rows, clock.perf_counter() - started, size)


async def _generate(conn: AsyncConnection, content: DemoContent, units: int, today: date,
                    rnd: random.Random) -> dict[str, int]:
    tenants = list((await conn.execute(select(m.Tenant.id, m.Tenant.country, m.Tenant.slug)
                                       .where(m.Tenant.active))).all())
    if not tenants:
        raise RuntimeError("no tenants: run `tatawwu tenants sync` first")
    categories = [c.code for c in content.categories]
    skills = [s.code for s in content.skills]
    templates = [o for o in content.opportunities if o.status == "PUBLISHED"]
    now = datetime.combine(today, time(8), tzinfo=UTC)
    next_id: dict[str, int] = {}
    for model in (m.Organization, m.Opportunity, m.Volunteer, m.Application, m.HoursEntry,
                  m.Inquiry, m.InquiryMessage):
        top = await conn.scalar(select(func.coalesce(func.max(model.id), 0)))
        next_id[model.__tablename__] = int(top or 0) + 1
    counts: dict[str, int] = {}
    n_opps, n_vols = units * OPPORTUNITIES_PER_UNIT, units * VOLUNTEERS_PER_UNIT

    with Progress(TextColumn("{task.description:<22}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), transient=False) as progress:
        # Organizations: 20 per unit, spread over tenants.
        org_ids: dict[int, list[int]] = {t.id: [] for t in tenants}
        orgs = []
        for i in range(units * 20):
            tenant = tenants[i % len(tenants)]
            oid = next_id["organization"] + i
            org_ids[tenant.id].append(oid)
            orgs.append({"id": oid, "tenant_id": tenant.id,
                         "name": f"{tenant.slug} local unit {i + 1}",
                         "kind": rnd.choice(("BRANCH", "SCHOOL", "UNIVERSITY", "MUNICIPALITY")),
                         "city": None, "created_at": now, "updated_at": now})
        counts["organizations"] = await _write(conn, m.Organization.__table__, orgs, progress)

        opp_rows, tr_rows, skill_rows, opp_tenant = [], [], [], {}
        for i in range(n_opps):
            tenant = tenants[i % len(tenants)]
            template = templates[i % len(templates)]
            oid = next_id["opportunity"] + i
            opp_tenant[oid] = tenant.id
            starts = None if template.is_ongoing else now + timedelta(days=rnd.randint(-10, 120),
                                                                     hours=rnd.randint(0, 10))
            opp_rows.append({
                "id": oid, "tenant_id": tenant.id, "external_id": f"scale:{oid}",
                "sync_digest": None,
                "organization_id": rnd.choice(org_ids[tenant.id]) if org_ids[tenant.id] else None,
                "campaign_id": None, "format": template.format,
                "category_code": rnd.choice(categories),
                "country": None if template.format == "REMOTE" else tenant.country,
                "region": template.region, "city": template.city, "latitude": template.latitude,
                "longitude": template.longitude, "starts_at": starts,
                "ends_at": starts + timedelta(hours=4) if starts else None,
                "is_ongoing": template.is_ongoing, "capacity": rnd.choice((None, 10, 20, 50, 100)),
                "filled_spots": 0, "credited_hours": template.credited_hours,
                "is_emergency": rnd.random() < 0.05,
                "visibility": "PUBLIC" if rnd.random() < 0.9 else rnd.choice(("NETWORK", "TENANT")),
                "status": "PUBLISHED" if rnd.random() < 0.93 else rnd.choice(("DRAFT", "CLOSED")),
                "published_at": now - timedelta(days=rnd.randint(1, 365)),
                "contact_name": template.contact_name, "contact_email": template.contact_email,
                "contact_phone": template.contact_phone, "created_at": now, "updated_at": now,
                "min_age": None,
                "acceptance": "AUTOMATIC" if template.is_ongoing else "REVIEW",
            })
            source = next(iter(template.texts))
            digest = text_digest(getattr(template.texts[source], f)
                                 for f in m.OpportunityTranslation.text_fields)
            for locale, texts in template.texts.items():
                tr_rows.append({
                    "opportunity_id": oid, "tenant_id": tenant.id, "locale": locale,
                    "is_source": locale == source, "updated_at": now,
                    "source_digest": None if locale == source else digest,
                    "title": f"{texts.title} #{i + 1}", "summary": texts.summary,
                    "description": texts.description,
                })
            for code in rnd.sample(skills, 2):
                skill_rows.append({"opportunity_id": oid, "skill_code": code,
                                   "tenant_id": tenant.id})
        counts["opportunities"] = await _write(conn, m.Opportunity.__table__, opp_rows, progress)
        counts["opportunity translations"] = await _write(
            conn, m.OpportunityTranslation.__table__, tr_rows, progress)
        counts["opportunity skills"] = await _write(
            conn, m.OpportunitySkill.__table__, skill_rows, progress)
        del tr_rows, skill_rows

        by_tenant: dict[int, list[int]] = {t.id: [] for t in tenants}
        public: dict[int, list[int]] = {t.id: [] for t in tenants}
        for r in opp_rows:
            if r["status"] == "PUBLISHED":
                by_tenant[r["tenant_id"]].append(r["id"])
                if r["visibility"] == "PUBLIC":
                    public[r["tenant_id"]].append(r["id"])
        places = {r["id"]: (r["capacity"], r["acceptance"]) for r in opp_rows}
        del opp_rows
        members: dict[int, list[int]] = {t.id: [] for t in tenants}
        counts.update(await _people(conn, progress, rnd, tenants, by_tenant, places, members,
                                    n_vols, next_id, skills, now, today))
        counts.update(await _inquiries(conn, rnd, tenants, public, members, units, next_id,
                                       now))
    return counts


async def _people(conn: AsyncConnection, progress: Progress, rnd: random.Random,
                  tenants: list[Any], by_tenant: dict[int, list[int]],
                  places: dict[int, tuple[int | None, str]], members: dict[int, list[int]],
                  n_vols: int, next_id: dict[str, int], skills: list[str], now: datetime,
                  today: date) -> dict[str, int]:
    """Volunteers, memberships, skills, one application each (mostly) and its hours. An
    application that would take a place on a full opportunity waits on its list instead
    (applied in the last days, after the places were taken); an AUTOMATIC opportunity
    accepts at once. `members` collects the first volunteers of each tenant."""
    taken: dict[int, int] = {}
    counts = dict.fromkeys(("volunteers", "memberships", "volunteer skills", "applications",
                            "hours entries"), 0)
    task = progress.add_task("volunteers & hours", total=n_vols)
    app_id, hours_id = next_id["application"], next_id["hours_entry"]
    for start in range(0, n_vols, BATCH):
        vols, member_rows, vskills, apps, hours = [], [], [], [], []
        for i in range(start, min(start + BATCH, n_vols)):
            vid = next_id["volunteer"] + i
            group = rnd.choices(GROUPS, GROUP_WEIGHTS)[0]
            low, high = BIRTH_YEARS[group]
            home = tenants[rnd.randrange(len(tenants))]
            vols.append({
                "id": vid, "subject": None, "first_name": rnd.choice(FIRST_NAMES),
                "last_name": rnd.choice(LAST_NAMES), "email": f"v{vid}@mail.example.org",
                "phone": f"+000 {vid:09d}", "birth_year": rnd.randint(low, high),
                "group": group, "country": home.country, "city": None,
                "languages": ["ar", rnd.choice(("fr", "en"))],
                "shares_with_network": rnd.random() < 0.3, "verified_hours": 0.0,
                "created_at": now, "updated_at": now, "birth_date": None, "locale": "ar",
                "erased_at": None,
            })
            joined = [home]
            if rnd.random() < 0.15:
                joined.append(tenants[rnd.randrange(len(tenants))])
            for t in {t.id: t for t in joined}.values():
                if len(members[t.id]) < 100:
                    members[t.id].append(vid)
                member_rows.append({"tenant_id": t.id, "volunteer_id": vid,
                                "joined_at": now - timedelta(days=rnd.randint(10, 900)),
                                "status": "ACTIVE"})
            for code in rnd.sample(skills, rnd.randint(0, 3)):
                vskills.append({"volunteer_id": vid, "skill_code": code})
            candidates = by_tenant.get(home.id) or []
            if candidates and rnd.random() < 0.8:
                oid = rnd.choice(candidates)
                status = rnd.choices(("APPLIED", "ACCEPTED", "COMPLETED", "REJECTED"),
                                     (2, 3, 4, 1))[0]
                capacity, acceptance = places[oid]
                if status == "APPLIED" and acceptance == "AUTOMATIC":
                    status = "ACCEPTED"
                applied = now - timedelta(days=rnd.randint(5, 300))
                if status in TAKES_A_SPOT:
                    if capacity is not None and taken.get(oid, 0) >= capacity:
                        status = "WAITLISTED"
                        applied = now - timedelta(days=rnd.randint(1, 4), hours=rnd.randint(0, 9))
                    else:
                        taken[oid] = taken.get(oid, 0) + 1
                apps.append({"id": app_id, "tenant_id": home.id, "opportunity_id": oid,
                             "volunteer_id": vid, "status": status,
                             "applied_at": applied,
                             "decided_at": None, "decision_reason": None,
                             "decision_note": None, "updated_at": now,
                             "completed_at": now if status == "COMPLETED" else None})
                if status in ("ACCEPTED", "COMPLETED"):
                    for k in range(rnd.randint(5, 13)):  # ~9 entries, ~2 a week
                        verified = status == "COMPLETED" or rnd.random() < 0.5
                        hours.append({"id": hours_id, "tenant_id": home.id,
                                      "application_id": app_id, "volunteer_id": vid,
                                      "date": today - timedelta(days=2 * k + 1),
                                      "hours": float(rnd.choice((1, 2, 2.5, 3, 4))),
                                      "verified": verified,
                                      "verified_at": now if verified else None,
                                      "status": "APPROVED" if verified else "PENDING",
                                      "note": None, "review_note": None,
                                      "reviewed_by": None, "created_at": now})
                        hours_id += 1
                app_id += 1
        counts["volunteers"] += await _write(conn, m.Volunteer.__table__, vols, None)
        counts["memberships"] += await _write(conn, m.Membership.__table__, member_rows, None)
        counts["volunteer skills"] += await _write(conn, m.VolunteerSkill.__table__, vskills, None)
        counts["applications"] += await _write(conn, m.Application.__table__, apps, None)
        counts["hours entries"] += await _write(conn, m.HoursEntry.__table__, hours, None)
        progress.update(task, advance=len(vols))
    await conn.execute(text(
        "UPDATE volunteer SET verified_hours = s.total FROM (SELECT volunteer_id, sum(hours) "
        "AS total FROM hours_entry WHERE verified GROUP BY volunteer_id) AS s "
        "WHERE volunteer.id = s.volunteer_id"
    ))
    await conn.execute(text(
        "UPDATE opportunity SET filled_spots = (SELECT count(*) FROM application a "
        "WHERE a.opportunity_id = opportunity.id AND a.status IN ('ACCEPTED', 'COMPLETED'))"
    ))
    return counts


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start:start + BATCH]


async def _write(conn: AsyncConnection, table: Any, rows: list[dict[str, Any]],
                 progress: Progress | None) -> int:
    if not rows:
        return 0
    task = progress.add_task(table.name, total=len(rows)) if progress else None
    columns = [c.name for c in table.columns]
    json_columns = {c.name for c in table.columns if c.type.__class__.__name__ == "JSON"}
    for batch in _batches(rows):
        if conn.dialect.name == "postgresql":
            raw = await conn.get_raw_connection()
            records = [tuple(orjson.dumps(r[c]).decode() if c in json_columns else r[c]
                             for c in columns) for r in batch]
            await raw.driver_connection.copy_records_to_table(  # type: ignore[union-attr]
                table.name, records=records, columns=columns)
        else:
            await conn.execute(insert(table), batch)
        if progress is not None and task is not None:
            progress.update(task, advance=len(batch))
    return len(rows)


async def _inquiries(conn: AsyncConnection, rnd: random.Random, tenants: list[Any],
                     public: dict[int, list[int]], members: dict[int, list[int]], units: int,
                     next_id: dict[str, int], now: datetime) -> dict[str, int]:
    """A few threads per tenant: a member's question on a public opportunity, answered by
    the staff in half of them (ANSWERED), else waiting (OPEN)."""
    threads, messages = [], []
    inquiry_id, message_id = next_id["inquiry"], next_id["inquiry_message"]
    for tenant in tenants:
        if not public[tenant.id] or not members[tenant.id]:
            continue
        for _ in range(units * INQUIRIES_PER_TENANT_AND_UNIT):
            subject, question, answer = rnd.choice(QUESTIONS)
            vid = rnd.choice(members[tenant.id])
            asked = now - timedelta(days=rnd.randint(1, 20), hours=rnd.randint(0, 12))
            answered = rnd.random() < 0.5
            said: list[tuple[str, str | None, str, datetime]] = [
                ("VOLUNTEER", None, question, asked)]
            if answered:
                said.append(("STAFF", f"scale|staff-{tenant.slug}", answer,
                             asked + timedelta(hours=rnd.randint(1, 20))))
            threads.append({"id": inquiry_id, "tenant_id": tenant.id,
                            "opportunity_id": rnd.choice(public[tenant.id]),
                            "volunteer_id": vid, "subject": subject,
                            "status": "ANSWERED" if answered else "OPEN", "opened_at": asked,
                            "updated_at": said[-1][3], "closed_at": None})
            for author, subject_of, body, at in said:
                messages.append({"id": message_id, "tenant_id": tenant.id,
                                 "inquiry_id": inquiry_id, "volunteer_id": vid,
                                 "author": author, "author_subject": subject_of, "body": body,
                                 "sent_at": at})
                message_id += 1
            inquiry_id += 1
    return {"inquiries": await _write(conn, m.Inquiry.__table__, threads, None),
            "inquiry messages": await _write(conn, m.InquiryMessage.__table__, messages, None)}


async def _reset_sequences(conn: AsyncConnection) -> None:
    for table in ("organization", "opportunity", "volunteer", "application", "hours_entry",
                  "inquiry", "inquiry_message"):
        await conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT coalesce(max(id), 1) FROM {table}))"
        ))


async def _database_bytes(conn: AsyncConnection) -> int | None:
    if conn.dialect.name == "postgresql":
        return int(await conn.scalar(text("SELECT pg_database_size(current_database())")) or 0)
    page_size = await conn.scalar(text("PRAGMA page_size"))
    pages = await conn.scalar(text("PRAGMA page_count"))
    return int(page_size or 0) * int(pages or 0) or None
