"""Re-identification protection of the cross-tenant and public views (docs/statistics.md).

1. Threshold: a metric's cell counting fewer than k distinct people (volunteers with
   verified hours for hours and active volunteers; applicants; completers) but more than
   none is suppressed (null). Its figures go into one "other" cell, so that the visible
   cells and "other" still add up to the total. If the folded cells together still count
   fewer than k people, the visible cell with the fewest people is folded too (secondary
   suppression: with it "other" counts at least k, and the total minus the visible cells
   reveals nothing smaller). A total under k suppresses the metric everywhere.
2. Perturbation, the same for the same records whatever the question (so two overlapping
   questions cannot be subtracted to an exact small figure):
   - hours: each volunteer's hours with a tenant are multiplied by the volunteer's own
     factor 1 ± 10-25% (never closer to 1), kept in the rollups (`noisy_cents`): a sum
     of perturbed contributions, so visible cells + other = total exactly, and the
     difference of two answers that differ by one person is that person's hours times an
     unknown factor, never their hours;
   - counts (active volunteers, applications, completions): the cell key method: the cell
     key is the sum of the records' keys mod 256, and the p-table below maps (count, key)
     to noise of -2, -1, +1 or +2 (zero mean, never 0): the same records always get the
     same noise; a perturbed count never falls under k. Sums of perturbed counts differ
     from the perturbed total by at most 2 per figure.
Empty cells (no person at all) show an exact 0.
"""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Final

from resolvers.statistics.metrics import FAMILY, Family, StatisticsMetric
from resolvers.statistics.reading import SUMS, Fold, Key, Reading, Tally, merged

M = StatisticsMetric
NOISE_SPAN: Final = 2  # the largest noise of a count


def _ptable() -> tuple[int, ...]:
    """256 noises: -2 and +2 51 times each, -1 and +1 77 times each (zero mean, variance
    about 2), in a fixed shuffled order."""
    values = [-2] * 51 + [-1] * 77 + [1] * 77 + [2] * 51
    random.Random(20261208).shuffle(values)
    return tuple(values)


PTABLE: Final = _ptable()


def count_noise(count: int, cell_key: int, k: int) -> int:
    """The published count: `count` plus the p-table's noise for (count, cell key), never
    under k (a negative noise that would take it there is taken as positive)."""
    if count <= 0:
        return 0
    noise = PTABLE[(cell_key + 97 * count) % 256]
    published = count + noise
    return published if published >= k else count + abs(noise)


@dataclass
class Published:
    key: Key | None  # None: the "other" cell
    values: dict[StatisticsMetric, float | None]
    suppressed: bool = False  # some value is withheld

    def __post_init__(self) -> None:
        self.suppressed = None in self.values.values()


def exact(metric: StatisticsMetric, tally: Tally) -> float:
    if metric == M.VERIFIED_HOURS:
        return tally.hours_cents / 100
    if metric == M.ACTIVE_VOLUNTEERS:
        return float(tally.volunteers)
    if metric == M.APPLICATIONS:
        return float(tally.applications)
    return float(tally.completions)


def perturbed(metric: StatisticsMetric, tally: Tally, k: int) -> float:
    if metric == M.VERIFIED_HOURS:
        return tally.noisy_cents / 100
    if metric == M.ACTIVE_VOLUNTEERS:
        return float(count_noise(tally.volunteers, tally.volunteer_key, k))
    if metric == M.APPLICATIONS:
        return float(count_noise(tally.applications, tally.application_key, k))
    return float(count_noise(tally.completions, tally.completion_key, k))


Union = Callable[[dict[Family, Fold]], Awaitable[dict[Family, tuple[Tally, Tally]]]]


@dataclass
class Protected:
    cells: list[Published]  # sorted as the reading's keys are; "other" last, if any
    totals: dict[StatisticsMetric, float | None]
    suppressed_cells: int


def unprotected(reading: Reading, metrics: tuple[StatisticsMetric, ...],
                order: list[Key]) -> Protected:
    cells = [Published(key, {m: exact(m, reading.cells[key]) for m in metrics})
             for key in order]
    return Protected(cells, {m: exact(m, reading.total) for m in metrics}, 0)


async def protect(reading: Reading, metrics: tuple[StatisticsMetric, ...], k: int,
                  order: list[Key], union: Union) -> Protected:
    """Suppress, fold and perturb (see the module's docstring). `order` lists the cells'
    keys in the answer's order; `union` counts the distinct people of folded cells."""
    families = sorted({FAMILY[m] for m in metrics})
    total_ok = {f: reading.total.people(f) >= k for f in families}
    folds: dict[Family, Fold] = {}
    for family in families:
        if not total_ok[family]:
            continue
        small = tuple(key for key in order if 0 < reading.cells[key].people(family) < k)
        if not small:
            continue
        visible = [(reading.cells[key].people(family), i, key)
                   for i, key in enumerate(order) if reading.cells[key].people(family) >= k]
        folds[family] = Fold(small, min(visible)[2] if visible else None)
    other_people: dict[Family, Tally] = {}
    folded: dict[Family, tuple[Key, ...]] = {}
    if folds:
        unions = await union(folds)
        for family, fold in folds.items():
            alone, with_candidate = unions[family]
            if alone.people(family) >= k or fold.candidate is None:
                folded[family], other_people[family] = fold.cells, alone
            else:
                folded[family] = (*fold.cells, fold.candidate)
                other_people[family] = with_candidate
    hidden_keys = {family: frozenset(keys) for family, keys in folded.items()}
    cells: list[Published] = []
    for key in order:
        tally = reading.cells[key]
        values: dict[StatisticsMetric, float | None] = {}
        for metric in metrics:
            family = FAMILY[metric]
            hidden = not total_ok[family] or key in hidden_keys.get(family, ())
            values[metric] = None if hidden else perturbed(metric, tally, k)
        cells.append(Published(key, values))
    suppressed_cells = sum(1 for cell in cells if cell.suppressed)
    if folded:
        values = {}
        for metric in metrics:
            family = FAMILY[metric]
            if not total_ok[family]:
                values[metric] = None
            elif family not in folded:
                values[metric] = 0.0
            else:
                other = merged(reading.cells[key] for key in folded[family])
                other.add(other_people[family], ("volunteers", "volunteer_key", "applicants",
                                                 "completers"))
                values[metric] = perturbed(metric, other, k) \
                    if other.people(family) >= k else None
        cells.append(Published(None, values))
    totals = {m: perturbed(m, reading.total, k) if total_ok[FAMILY[m]] else None
              for m in metrics}
    return Protected(cells, totals, suppressed_cells)


__all__ = ["SUMS", "Protected", "Published", "count_noise", "protect", "unprotected"]
