"""Who sees what, on SQLite and PostgreSQL: staff get their own tenant's exact figures
(compared with sums over the records themselves), grouped by every dimension and filtered,
labelled in the served language; anonymous callers, API clients and volunteers get only
what a tenant publishes; bad questions get coded errors."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import func, select

from hub.authentication import create_api_client
from hub.db import models as m
from hub.db.engine import make_engine, make_sessionmaker
from hub.db.types import UTCDateTime
from tests.statistics.world import (
    MONTHS,
    P,
    StatsWorld,
    T,
    U,
    cells_by,
    value,
)

E, A, OPP = m.HoursEntry, m.Application, m.Opportunity
ALL = ["VERIFIED_HOURS", "ACTIVE_VOLUNTEERS", "APPLICATIONS", "COMPLETED_PARTICIPATIONS"]


def in_month(column: Any, month: date) -> Any:
    end = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    if isinstance(column.type, UTCDateTime):
        return (column >= datetime.combine(month, time(), UTC)) & \
            (column < datetime.combine(end, time(), UTC))
    return (column >= month) & (column < end)


def applications(world: StatsWorld, *where: Any) -> int:
    return int(world.fetch(select(func.count()).select_from(A)
                     .join(OPP, OPP.id == A.opportunity_id).where(*where))[0][0])


def test_staff_see_their_tenants_exact_figures(world: StatsWorld) -> None:
    t = world.tenants[T]
    result = world.stats(world.staff(T), ALL, ["MONTH"])
    assert result["protected"] is False and result["minimumCell"] is None
    assert result["suppressedCells"] == 0
    assert (result["from"], result["to"]) == ("2026-07-01", "2026-10-31")
    cells = cells_by(result)
    assert list(cells) == [(f"{d:%Y-%m}",) for d in MONTHS]
    for month in MONTHS:
        cell = cells[(f"{month:%Y-%m}",)]
        assert cell["VERIFIED_HOURS"] == world.true_hours(E.tenant_id == t,
                                                          in_month(E.date, month))
        assert cell["ACTIVE_VOLUNTEERS"] == world.true_volunteers(E.tenant_id == t,
                                                                  in_month(E.date, month))
        assert cell["APPLICATIONS"] == applications(world, A.tenant_id == t,
                                                    in_month(A.applied_at, month))
    totals = {v["metric"]: v["value"] for v in result["totals"]}
    assert totals["VERIFIED_HOURS"] == world.true_hours(E.tenant_id == t) == 295.0
    assert totals["ACTIVE_VOLUNTEERS"] == 13  # distinct over the period, not a sum of months
    assert totals["APPLICATIONS"] == 16  # 13 with hours, 3 turned down
    assert totals["COMPLETED_PARTICIPATIONS"] == 7
    # Pending and rejected entries never count; the lone relief volunteer is shown as is.
    relief = world.stats(world.staff(T), ["VERIFIED_HOURS", "ACTIVE_VOLUNTEERS"],
                         ["CATEGORY"], categories=["relief"])
    lone = cells_by(relief)[("relief",)]
    assert lone["VERIFIED_HOURS"] == world.true_hours(E.volunteer_id == world.survey.lone)
    assert lone["ACTIVE_VOLUNTEERS"] == 1 and relief["suppressedCells"] == 0


def test_every_dimension_groups_and_is_labelled(world: StatsWorld) -> None:
    staff = world.staff(T)
    weeks = world.stats(staff, ["VERIFIED_HOURS"], ["MONTH", "WEEK"])
    by_month: dict[str, float] = {}
    for cell in weeks["cells"]:
        month, week = cell["key"]
        assert week["value"].startswith(month["value"])  # weeks are cut at month ends
        by_month[month["value"]] = by_month.get(month["value"], 0) + cell["values"][0]["value"]
    months = cells_by(world.stats(staff, ["VERIFIED_HOURS"], ["MONTH"]))
    assert by_month == {k[0]: v["VERIFIED_HOURS"] for k, v in months.items()}
    labels = {c["key"][1]["value"]: c["key"][1]["label"] for c in weeks["cells"]}
    assert labels["2026-07-20"] == "Jul 20\u2009–\u200926, 2026"
    assert labels["2026-08-01"] == "Aug 1\u2009–\u20092, 2026"  # the week began in July
    assert weeks["cells"][0]["key"][0]["label"] == "July 2026"

    regions = world.stats(staff, ["VERIFIED_HOURS"], ["REGION"])
    assert [(c["key"][0]["value"], c["key"][0]["label"]) for c in regions["cells"]] == [
        ("", "No region (remote)"), ("DZ:Oran", "Oran (Algeria)")]
    groups = world.stats(staff, ["ACTIVE_VOLUNTEERS"], ["GROUP"])
    assert {c["key"][0]["value"]: c["key"][0]["label"] for c in groups["cells"]} == {
        "": "Not stated", "EMPLOYED": "Employed", "RETIREE": "Retiree",
        "UNIVERSITY_STUDENT": "University student", "PUPIL": "School pupil"}
    # The pupils only applied (turned down): their cell exists, with no active volunteer.
    assert cells_by(groups)[("PUPIL",)]["ACTIVE_VOLUNTEERS"] == 0
    assert sum(c["values"][0]["value"] for c in groups["cells"]) == 13

    french = {**staff, "Accept-Language": "fr"}
    categories = world.stats(french, ["VERIFIED_HOURS"], ["CATEGORY", "MONTH"])
    first = categories["cells"][0]
    assert [k["label"] for k in first["key"]] == ["Santé", "juillet 2026"]
    assert first["values"][0]["display"] == "72"
    tenants = world.stats(world.analyst(), ["VERIFIED_HOURS"], ["TENANT"])
    assert [(c["key"][0]["value"], c["key"][0]["label"]) for c in tenants["cells"]
            if not c["isOther"]] == [("dz-crescent", "Algerian Red Crescent"),
                                     ("eg-crescent", "Egyptian Red Crescent"),
                                     ("setif-youth",
                                      "Sétif Wilaya Association of Young Volunteers")]


def test_numbers_are_written_the_tenants_way(world: StatsWorld) -> None:
    egypt = {**world.staff(U), "Accept-Language": "ar-EG"}
    result = world.stats(egypt, ["VERIFIED_HOURS"], ["MONTH"])
    total = result["totals"][0]
    assert total["value"] == world.true_hours(E.tenant_id == world.tenants[U])
    assert total["value"] == 150 and total["display"] == "١٥٠"
    assert result["cells"][0]["key"][0]["label"] == "أغسطس ٢٠٢٦"


def test_filters_narrow_the_records(world: StatsWorld) -> None:
    staff, t = world.staff(T), world.tenants[T]
    cases: list[tuple[dict[str, Any], Any]] = [
        ({"categories": ["relief"]}, OPP.category_code == "relief"),
        ({"emergency": False}, OPP.is_emergency.is_(False)),
        ({"formats": ["REMOTE"]}, OPP.format == "REMOTE"),
        ({"countries": ["dz"]}, OPP.country == "DZ"),
        ({"regions": ["Oran"]}, OPP.region == "Oran"),
        ({"categories": ["health"], "groups": ["EMPLOYED"]},
         (OPP.category_code == "health") & E.volunteer_id.in_(
             select(m.Volunteer.id).where(m.Volunteer.group == "EMPLOYED"))),
        ({"from": "2026-09-14", "to": "2026-09-15"}, in_month(E.date, date(2026, 9, 1))),
    ]
    for given, where in cases:
        result = world.stats(staff, ["VERIFIED_HOURS", "ACTIVE_VOLUNTEERS"], **given)
        assert value(result["totals"], "VERIFIED_HOURS") == \
            world.true_hours(E.tenant_id == t, where), given
        assert value(result["totals"], "ACTIVE_VOLUNTEERS") == \
            world.true_volunteers(E.tenant_id == t, where), given
    narrow = world.stats(staff, ["VERIFIED_HOURS"], **{"from": "2026-09-14", "to": "2026-09-15"})
    assert (narrow["from"], narrow["to"]) == ("2026-09-01", "2026-09-30")  # whole months


def test_bad_questions_get_coded_errors(world: StatsWorld) -> None:
    staff = world.staff(T)
    for metrics, given, argument in (
            ([], {}, "metrics"),
            (["VERIFIED_HOURS"], {"from": "2026-10-01", "to": "2026-09-30"}, "filter.to"),
            (["VERIFIED_HOURS"], {"from": "2001-01-01", "to": "2026-09-30"}, "filter.from"),
            (["VERIFIED_HOURS"], {"tenants": ["atlantis"]}, "filter.tenants"),
            (["VERIFIED_HOURS"], {"categories": [f"c{i}" for i in range(101)]},
             "filter.categories")):
        body = world.ask(staff, metrics, **given)
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", given
        assert body["errors"][0]["extensions"]["argument"] == argument, given


def test_staff_naming_other_tenants_get_the_protected_view(world: StatsWorld) -> None:
    result = world.stats(world.staff(T), ["VERIFIED_HOURS"], ["TENANT"], tenants=[T, U])
    assert result["protected"] is True and result["minimumCell"] == 5
    exact = world.true_hours(E.tenant_id == world.tenants[T])
    published = cells_by(result)[(T,)]["VERIFIED_HOURS"]
    assert published != exact and abs(published - exact) <= 0.25 * exact


def test_anonymous_callers_get_public_totals_only(world: StatsWorld) -> None:
    anonymous = {"Accept-Language": "en"}
    result = world.stats(anonymous, ["VERIFIED_HOURS", "ACTIVE_VOLUNTEERS"])
    assert result["protected"] is True and result["minimumCell"] == 5
    exact = world.true_hours(E.tenant_id == world.tenants[P])
    hours = value(result["totals"], "VERIFIED_HOURS")
    assert hours != exact and abs(hours - exact) <= 0.25 * exact  # P alone: the default
    assert abs(value(result["totals"], "ACTIVE_VOLUNTEERS") - 6) <= 2
    named = world.stats(anonymous, ["VERIFIED_HOURS"], ["MONTH"], tenants=[P])
    assert len(named["cells"]) == 2 and named["totals"] == result["totals"][:1]

    closed = world.ask(anonymous, ["APPLICATIONS"])
    assert closed["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    assert closed["data"] is None
    other = world.ask(anonymous, ["VERIFIED_HOURS"], tenants=[P, T])
    assert other["errors"][0]["extensions"] == {"code": "FORBIDDEN", "argument": "filter.tenants"}
    assert "Algerian Red Crescent" in other["errors"][0]["message"]
    metric = world.ask(anonymous, ["VERIFIED_HOURS", "COMPLETED_PARTICIPATIONS"], tenants=[P])
    assert "Completed participations" in metric["errors"][0]["message"]

    volunteer = world.stats(world.volunteer(world.survey.lone), ["VERIFIED_HOURS"])
    assert volunteer["totals"] == result["totals"][:1]  # a volunteer sees the public view
    client = {"X-Api-Key": api_key(world), "Accept-Language": "en"}
    assert world.stats(client, ["VERIFIED_HOURS"])["totals"] == result["totals"][:1]
    assert world.ask(client, ["VERIFIED_HOURS"], tenants=[T])["errors"][0]["extensions"][
        "code"] == "FORBIDDEN"


def api_key(world: StatsWorld) -> str:
    async def create() -> str:
        engine = make_engine(world.settings.database_url)
        try:
            async with make_sessionmaker(engine)() as session, session.begin():
                _, key = await create_api_client(session, tenant_id=world.tenants[T],
                                                 name="widget", scopes=["read"], origins=[])
                return key
        finally:
            await engine.dispose()

    return asyncio.run(create())
