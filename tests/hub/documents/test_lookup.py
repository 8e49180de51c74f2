"""The lookup cache of trusted documents: bounded by count and bytes, answers (misses too)
kept for a short time, so a push or removal in another process shows within it."""

from __future__ import annotations

from hub.documents import DocumentCache, StoredDocument


def doc(document_id: str, size: int = 10) -> StoredDocument:
    return StoredDocument(document_id, None, "0" * 64, "x" * size, None, "query")


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_least_recently_used_go_first_past_the_count() -> None:
    cache = DocumentCache(max_entries=2)
    cache.put((None, "a"), doc("a"))
    cache.put((None, "b"), doc("b"))
    assert cache.get((None, "a"))[0]  # a is now the most recent
    cache.put((None, "c"), doc("c"))
    assert [cache.get((None, k))[0] for k in "abc"] == [True, False, True]


def test_bytes_are_bounded_and_a_huge_document_is_not_kept() -> None:
    cache = DocumentCache(max_entries=100, max_bytes=5_000)
    for n in range(10):
        cache.put((None, str(n)), doc(str(n), size=1_000))
    assert cache.bytes <= 5_000 and len(cache) < 10
    cache.put((None, "huge"), doc("huge", size=10_000))
    assert cache.get((None, "huge")) == (False, None)


def test_answers_and_misses_expire() -> None:
    clock = Clock()
    cache = DocumentCache(max_entries=10, ttl=10, clock=clock)
    cache.put((None, "a"), doc("a"))
    cache.put((7, "missing"), None)
    assert cache.get((7, "missing")) == (True, None)
    clock.now = 9.9
    assert cache.get((None, "a"))[0]
    clock.now = 10.0
    assert cache.get((None, "a")) == (False, None)
    assert cache.get((7, "missing")) == (False, None)
    assert cache.bytes == 0
