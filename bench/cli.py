"""`python -m bench`: run, print the table, write the JSON; exit 1 if the hub or the raw
baseline could not be measured, 0 otherwise (a missing peer or wrk is reported, not fatal)."""

from __future__ import annotations

import signal
import sys
from types import FrameType

from bench import report as rp
from bench.options import parse
from bench.proc import BenchError
from bench.runner import Run
from bench.summary import hub_git


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # so that servers are stopped and the database dropped


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGTERM, _interrupt)
    opts = parse(argv)
    run = Run(opts)
    failure: str | None = None
    try:
        run.execute()
    except BenchError as exc:
        failure = str(exc)
        run.problem(f"run stopped: {exc}")
    except KeyboardInterrupt:
        failure = "interrupted"
        run.problem("run interrupted")
    result = run.report(hub_git(opts.hub_source))
    path = rp.write(result, opts.results_dir, run.stamp)
    print(rp.table(result))
    print(f"\nJSON: {path}")
    measured = [r for q in result["queries"].values() if q["available"]
                for t, r in q["results"].items() if t in ("hub", "raw")]
    broken = failure or not measured or any(r.get("failed") or not r.get("rps")
                                            for r in measured)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
