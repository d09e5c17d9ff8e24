"""The long fuzz run: broken text through the public API and the command, for a while.

    .venv/bin/python bench/fuzz.py --minutes 15 [--proposal FILE] [--out DIR]

Checks what `bench/robustness.py` says must hold, for the API, `check` in every
format and every other command (`import` included), on mutations of generated
documents (`bench/generate.py`), of the project's examples and bad-input corpus,
of the inputs that broke it before (`REGRESSIONS`, each also run as it is at the
start), and of the proposal if there is one, in batches with fresh random seeds
until the time is up. It imports nothing from tests/. A failure does not
stop the run: each distinct one (exception and the line that raised it) is
shrunk by hypothesis, and its smallest input saved to DIR. At the end it
prints how many inputs it tried and what failed; exit 1 if anything did.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from bench.generate import generate  # noqa: E402
from bench.robustness import (  # noqa: E402
    REGRESSIONS, check_api, check_command, check_commands, mutated, mutated_bytes, seed_texts,
)

#: Generated valid documents of up to 30 entries, the examples and corpus, the regressions.
BASES = (st.builds(generate, st.integers(1, 30), st.integers(0, 2**32))
         | st.sampled_from(seed_texts() + list(REGRESSIONS.values())))


def properties(proposal: Path | None) -> dict:
    """Name -> (strategy, check, inputs a batch); batches of a few seconds, so that every check has its turn in a short run."""
    found = {
        "api on mutated documents and examples": (mutated(BASES), check_api, 200),
        "check, every format, on mutated bytes": (mutated_bytes(BASES), check_command, 100),
        "every other command on mutated bytes": (mutated_bytes(BASES), check_commands, 10),
    }
    if proposal is not None:
        text = proposal.read_text(encoding="utf-8")
        found["api on the mutated proposal"] = (mutated(st.just(text)), check_api, 20)
        found["command on the mutated proposal"] = (mutated_bytes(st.just(text)), check_command, 5)
    return found


def failure_key(name: str, exc: BaseException) -> str:
    """What makes two failures the same: the check, the exception, where it was raised."""
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    where = f"{Path(frame.filename).name}:{frame.lineno}"
    detail = ""
    if isinstance(exc, AssertionError):  # one line raises them all: tell them apart by what they say
        detail = " " + re.sub(r"0x[0-9A-F]+|\d+", "N", str(exc).split("\n", 1)[0])[:100]
    return f"{name}: {type(exc).__name__} at {where}{detail}"


def run_batch(name: str, strategy, check, batch: int, tried: Counter, last: dict) -> None:
    @settings(max_examples=batch, deadline=None, database=None, report_multiple_bugs=False,
              suppress_health_check=list(HealthCheck), print_blob=False)
    @given(strategy)
    def body(value):
        tried[name] += 1
        try:
            check(value)
        except Exception:
            last[name] = value  # after shrinking, the last failure is the smallest
            raise

    body()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=15.0, help="how long to run (default 15)")
    parser.add_argument("--proposal", type=Path, default=ROOT / "proposal.budsjett",
                        help="a large valid file to mutate as well (default: proposal.budsjett, if present)")
    parser.add_argument("--out", type=Path, help="where to save failing inputs (default: a new temporary folder)")
    args = parser.parse_args(argv)
    proposal = args.proposal if args.proposal.is_file() else None
    out = args.out or Path(tempfile.mkdtemp(prefix="budsjett-fuzz-"))
    out.mkdir(parents=True, exist_ok=True)

    checks = properties(proposal)
    tried: Counter[str] = Counter()
    last: dict[str, object] = {}
    failures: dict[str, Path] = {}
    for name, text in REGRESSIONS.items():  # what broke it before, as it is, first
        for check in (check_api, lambda t: check_command(t.encode("utf-8")), lambda t: check_commands(t.encode("utf-8"))):
            tried["regressions, as they are"] += 1
            try:
                check(text)
            except Exception as exc:
                key = failure_key(f"regression {name!r}", exc)
                if key not in failures:
                    path = out / f"failure-{len(failures) + 1}.budsjett"
                    path.write_bytes(text.encode("utf-8", "surrogatepass"))
                    failures[key] = path
                    print(f"FAILED {key}\n  input: {path}", file=sys.stderr, flush=True)
    started = time.monotonic()
    deadline = started + args.minutes * 60
    next_report = started + 60
    while time.monotonic() < deadline:
        for name, (strategy, check, batch) in checks.items():
            try:
                run_batch(name, strategy, check, batch, tried, last)
            except Exception as exc:  # a failure: record it and go on
                key = failure_key(name, exc)
                if key not in failures:
                    value = last.get(name)
                    data = value if isinstance(value, bytes) else str(value).encode("utf-8", "surrogatepass")
                    path = out / f"failure-{len(failures) + 1}.budsjett"
                    path.write_bytes(data)
                    (out / f"failure-{len(failures) + 1}.txt").write_text(
                        key + "\n\n" + "".join(traceback.format_exception(exc)), encoding="utf-8")
                    failures[key] = path
                    print(f"FAILED {key}\n  input: {path}", file=sys.stderr, flush=True)
            if time.monotonic() >= deadline:
                break
        if time.monotonic() >= next_report:
            minutes = (time.monotonic() - started) / 60
            print(f"... {minutes:.0f} min, {sum(tried.values())} inputs, {len(failures)} failures",
                  file=sys.stderr, flush=True)
            next_report += 60

    minutes = (time.monotonic() - started) / 60
    print(f"budsjett-lint fuzz run: {minutes:.1f} minutes"
          + (f", with {proposal.name}" if proposal else ", without a proposal file"))
    width = max(len(n) for n in [*checks, "regressions, as they are"])
    for name in ["regressions, as they are", *checks]:
        print(f"  {name:<{width}}  {tried[name]:>9} inputs")
    print(f"  {'total':<{width}}  {sum(tried.values()):>9} inputs")
    print(f"failures: {len(failures)}" + (f" (inputs in {out})" if failures else ""))
    for key, path in failures.items():
        print(f"  {key}\n    {path}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
