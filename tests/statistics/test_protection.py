"""Re-identification protection for federation analysts and every cross-tenant view, on
SQLite and PostgreSQL: small cells suppressed and folded into "other" (with secondary
suppression), honest sums, the difference attacks of the issue, the same answer by both
roads, and a small, constant number of statements that never read the records."""

from __future__ import annotations

from typing import Any

from hub.db import models as m
from tests.statistics.world import P, StatsWorld, T, U, cells_by, value

E, OPP = m.HoursEntry, m.Opportunity
COUNTS = ("ACTIVE_VOLUNTEERS", "APPLICATIONS", "COMPLETED_PARTICIPATIONS")


def test_small_cells_are_suppressed_and_folded_into_other(world: StatsWorld) -> None:
    metrics = ["VERIFIED_HOURS", "ACTIVE_VOLUNTEERS"]
    result = world.stats(world.analyst(), metrics, ["TENANT", "CATEGORY"])
    assert result["protected"] is True and result["minimumCell"] == 5
    cells = cells_by(result)
    assert list(cells) == [(T, "health"), (T, "relief"), (U, "education"), (U, "health"),
                           (P, "health"), ("*",)]
    # T relief (1 volunteer) and U education (2) are under k: suppressed. Together they
    # count 3 people, still under k: the smallest visible cell (P health, 6) goes too.
    for key in ((T, "relief"), (U, "education"), (P, "health")):
        assert cells[key] == {"VERIFIED_HOURS": None, "ACTIVE_VOLUNTEERS": None}, key
    assert result["suppressedCells"] == 3
    assert result["cells"][-1]["isOther"] and result["cells"][-1]["suppressed"] is False
    assert [k["label"] for k in result["cells"][-1]["key"]] == ["Other (small cells together)"] * 2
    assert abs(cells[("*",)]["ACTIVE_VOLUNTEERS"] - 9) <= 2
    assert cells[("*",)]["ACTIVE_VOLUNTEERS"] >= 5
    # Published figures are near the truth, never the truth itself.
    for key, where in (((T, "health"), (E.tenant_id == world.tenants[T])
                        & (OPP.category_code == "health")),
                       ((U, "health"), (E.tenant_id == world.tenants[U])
                        & (OPP.category_code == "health"))):
        exact = world.true_hours(where)
        assert cells[key]["VERIFIED_HOURS"] != exact
        assert 0.75 * exact <= cells[key]["VERIFIED_HOURS"] <= 1.25 * exact
        assert abs(cells[key]["ACTIVE_VOLUNTEERS"] - world.true_volunteers(where)) <= 2


def test_sums_stay_honest(world: StatsWorld) -> None:
    metrics = ["VERIFIED_HOURS", *COUNTS]
    for group_by in (["TENANT", "CATEGORY"], ["TENANT", "MONTH"], ["REGION"], ["GROUP"]):
        result = world.stats(world.analyst(), metrics, group_by)
        published = [c for c in result["cells"] if not all(
            v["value"] is None for v in c["values"])]
        for metric in metrics:
            total = value(result["totals"], metric)
            shown = [value(c["values"], metric) for c in published]
            visible = sum(v for v in shown if v is not None)
            if metric == "VERIFIED_HOURS":  # perturbed per person: sums are exact
                assert round(visible, 2) == total, (group_by, metric)
            elif metric != "ACTIVE_VOLUNTEERS":  # a person counts once in a total
                assert abs(visible - total) <= 2 * (len(shown) + 1), (group_by, metric)


def test_a_difference_attack_never_reveals_a_suppressed_cell(world: StatsWorld) -> None:
    analyst, hours = world.analyst(), ["VERIFIED_HOURS"]
    lone = world.true_hours(E.volunteer_id == world.survey.lone)
    assert lone > 0
    # The lone volunteer of T's relief, included (A) and left out by a filter (B).
    a = value(world.stats(analyst, hours, tenants=[T])["totals"], "VERIFIED_HOURS")
    b = value(world.stats(analyst, hours, tenants=[T], categories=["health"])["totals"],
              "VERIFIED_HOURS")
    assert a - b != lone
    assert abs((a - b) - lone) >= 0.10 * lone - 0.01  # an unknown factor 10-25% from 1
    # Another road to B: the same records, the same figure (nothing to average away).
    again = world.stats(analyst, hours, tenants=[T], emergency=False)
    assert value(again["totals"], "VERIFIED_HOURS") == b
    # With or without a category, every tenant or all but one: the same protection.
    both = world.stats(analyst, hours, ["TENANT"], tenants=[T, U])
    assert cells_by(both)[(T,)]["VERIFIED_HOURS"] == a  # the same records, the same figure
    # U's education: two volunteers, left out by a filter.
    pair = world.true_hours(E.tenant_id == world.tenants[U], OPP.category_code == "education")
    a = value(world.stats(analyst, hours, tenants=[U])["totals"], "VERIFIED_HOURS")
    b = value(world.stats(analyst, hours, tenants=[U], categories=["health"])["totals"],
              "VERIFIED_HOURS")
    assert round(a - b, 2) != pair
    # A period shortened by a day asks the same question.
    shorter = world.stats(analyst, hours, tenants=[U], **{"to": "2026-10-30"})
    assert value(shorter["totals"], "VERIFIED_HOURS") == a
    # The tenant's own staff see the exact figure the protection hides from others.
    own = world.stats(world.staff(T), hours, categories=["relief"])
    assert value(own["totals"], "VERIFIED_HOURS") == lone


def test_a_total_under_k_suppresses_everything(world: StatsWorld) -> None:
    result = world.stats(world.analyst(), ["VERIFIED_HOURS", "APPLICATIONS"], ["MONTH"],
                         tenants=[T], categories=["relief"])
    assert result["totals"] == [
        {"metric": "VERIFIED_HOURS", "value": None, "display": None},
        {"metric": "APPLICATIONS", "value": None, "display": None}]
    assert all(c["suppressed"] for c in result["cells"])
    assert all(v["value"] is None for c in result["cells"] for v in c["values"])


def test_both_roads_give_the_same_answer(world: StatsWorld) -> None:
    metrics = ["VERIFIED_HOURS", *COUNTS]
    for name, who in (("analyst", world.analyst()), ("staff", world.staff(T))):
        for group_by in (["TENANT", "MONTH"], ["MONTH", "WEEK"], ["TENANT"], []):
            short = world.stats(who, metrics, group_by)
            # A filter that keeps every record sends the question down the long road.
            long = world.stats(who, metrics, group_by,
                               formats=["ONSITE", "REMOTE", "HYBRID"])
            assert short == long, (group_by, name)
            assert world.stats(who, metrics, group_by) == short  # and asked again


EVERY_FORMAT = {"formats": ["ONSITE", "REMOTE", "HYBRID"]}
EVERY_CATEGORY = {"categories": ["education", "health", "relief"]}
SLICES: tuple[tuple[list[str], dict[str, Any], dict[str, Any]], ...] = (
    # groupBy, filter, a second filter that keeps every record (the long road)
    (["MONTH", "CATEGORY"], {}, EVERY_FORMAT),
    (["CATEGORY"], {}, EVERY_FORMAT),
    (["TENANT", "GROUP"], {}, EVERY_FORMAT),
    (["REGION"], {}, EVERY_CATEGORY),
    (["MONTH"], {"categories": ["relief"]}, EVERY_FORMAT),
    (["MONTH", "TENANT"], {"emergency": False}, EVERY_CATEGORY),
    (["TENANT"], {"groups": ["EMPLOYED", "RETIREE"]}, EVERY_FORMAT),
    ([], {"formats": ["ONSITE"]}, EVERY_CATEGORY),
    (["MONTH", "REGION"], {"countries": ["EG"]}, EVERY_FORMAT),
)


def test_one_dimension_takes_the_slices_to_the_same_answer(world: StatsWorld) -> None:
    metrics = ["VERIFIED_HOURS", *COUNTS]
    for name, who in (("analyst", world.analyst()), ("staff", world.staff(T))):
        for group_by, given, everything in SLICES:
            short = world.stats(who, metrics, group_by, **given)
            assert short == world.stats(who, metrics, group_by, **given, **everything), (
                name, group_by, given)
    # The exact view of one category by month reads the slices, never the facts.
    asked = statements(world, world.staff(T), metrics, ["MONTH", "CATEGORY"])
    assert any("statistics_recurrence" in s for s in asked)
    assert not any("statistics_fact" in s for s in asked), asked


def statements(world: StatsWorld, headers: dict[str, str], metrics: list[str],
               group_by: list[str], **given: Any) -> list[str]:
    world.client.counter.statements.clear()
    world.stats(headers, metrics, group_by, **given)
    return list(world.client.counter.statements)


def test_statements_are_few_and_never_read_the_records(world: StatsWorld) -> None:
    metrics = ["VERIFIED_HOURS", "ACTIVE_VOLUNTEERS"]
    september = {"from": "2026-09-01", "to": "2026-09-30"}
    every_format = {"formats": ["ONSITE", "REMOTE", "HYBRID"]}
    for who, group_by, roads in (
            (world.analyst(), ["TENANT", "MONTH"], {}),  # the short road
            (world.analyst(), ["TENANT", "CATEGORY"], {}),  # the long road, small cells
            (world.staff(T), ["MONTH", "WEEK"], every_format),  # the long road, exact
            (world.staff(T), ["MONTH", "WEEK"], {})):  # the short road, exact
        small = statements(world, who, metrics, group_by, **september, **roads)
        large = statements(world, who, metrics, group_by, **roads)
        assert len(small) == len(large), (group_by, small, large)  # whatever the cells
        ours = [s for s in large if "statistics_" in s]
        assert 1 <= len(ours) <= 3, large
        for statement in large:
            lowered = statement.lower()
            assert "hours_entry" not in lowered and "from application" not in lowered
