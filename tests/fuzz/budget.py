"""How hard the fuzz tests try: a bounded, repeatable default in the suite (derandomized:
the same documents on every run, so CI never flakes), more by hand with a seed of one's own:

    FUZZ_EXAMPLES=500 FUZZ_SEED=7 .venv/bin/pytest tests/fuzz

A failure prints the document to replay (tests/fuzz/answers.py)."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TypeVar

from hypothesis import HealthCheck, seed, settings

T = TypeVar("T")


def bounded(default: int) -> Callable[[T], T]:
    """Hypothesis settings for a fuzz test: `default` examples (FUZZ_EXAMPLES when set),
    no deadline (a request's time is not the property), no example database (nothing
    written under the checkout), derandomized unless FUZZ_SEED names a seed."""
    examples = int(os.environ.get("FUZZ_EXAMPLES") or default)
    chosen = os.environ.get("FUZZ_SEED")
    configured = settings(max_examples=max(1, examples), deadline=None,
                          derandomize=chosen is None, database=None, print_blob=False,
                          suppress_health_check=[HealthCheck.too_slow,
                                                 HealthCheck.data_too_large,
                                                 HealthCheck.filter_too_much])

    def apply(test: T) -> T:
        test = configured(test)
        return seed(int(chosen))(test) if chosen is not None else test

    return apply
