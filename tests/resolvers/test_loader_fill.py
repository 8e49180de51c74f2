"""`KeyedLoader.fill`, a page's prefetch without a future per key: the fills of one tick go
in one batch (as the loads of one tick do), their values are ready without a future, a load
of a filled key needs no batch, a load of a key on its way waits for that batch, a failed
batch leaves its keys to be loaded again, and `clear` forgets a filled value."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from resolvers.core.loaders import KeyedLoader


class Squares(KeyedLoader):
    def __init__(self, fail: bool = False) -> None:
        super().__init__()
        self.batches: list[list[int]] = []
        self.fail = fail

    async def batch_load_fn(self, keys: list[int]) -> list[Any]:
        self.batches.append(list(keys))
        await asyncio.sleep(0)
        if self.fail:
            self.fail = False
            raise RuntimeError("the database went away")
        return [key * key for key in keys]


def test_the_fills_of_one_tick_are_one_batch_without_futures() -> None:
    async def scenario() -> Squares:
        loader = Squares()
        first, second = loader.fill([1, 2, 3]), loader.fill([3, 4])
        assert first is not None and first is second
        await first
        assert loader._futures == {}  # no future per key
        assert [loader.ready(k) for k in (1, 4)] == [(True, 1), (True, 16)]
        assert loader.ready(5) == (False, None)
        assert loader.fill([1, 4]) is None  # all known: nothing to wait for
        assert await loader.load(3) == 9  # from the fill, no batch
        return loader

    loader = asyncio.run(scenario())
    assert loader.batches == [[1, 2, 3, 4]]


def test_a_load_of_a_key_on_its_way_waits_for_its_batch() -> None:
    async def scenario() -> tuple[Squares, Any]:
        loader = Squares()
        filling = loader.fill([7, 8])
        assert filling is not None
        await asyncio.sleep(0)  # the batch is dispatched, not finished
        found = await asyncio.gather(loader.load(7), filling, loader.load(9))
        return loader, found

    loader, found = asyncio.run(scenario())
    assert found[0] == 49 and found[2] == 81
    assert sorted(map(sorted, loader.batches)) == [[7, 8], [9]]


def test_a_failed_fill_leaves_its_keys_to_be_loaded_again() -> None:
    async def scenario() -> tuple[Squares, int]:
        loader = Squares(fail=True)
        filling = loader.fill([2, 3])
        assert filling is not None
        await filling
        assert loader.ready(2) == (False, None)
        return loader, await loader.load(2)

    loader, value = asyncio.run(scenario())
    assert value == 4
    assert loader.batches == [[2, 3], [2]]


@pytest.mark.parametrize("how", ["clear", "clear_all"])
def test_clear_forgets_a_filled_value(how: str) -> None:
    async def scenario() -> Squares:
        loader = Squares()
        filling = loader.fill([5])
        assert filling is not None
        await filling
        await loader.load(5)  # a future for it too
        loader.clear(5) if how == "clear" else loader.clear_all()
        assert loader.ready(5) == (False, None)
        assert await loader.load(5) == 25
        return loader

    assert asyncio.run(scenario()).batches == [[5], [5]]
