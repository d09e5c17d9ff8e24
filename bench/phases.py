"""Time the phases of checking one file in-process, so that the slow one shows.

    python bench/phases.py FILE [--repeat 5]

prints JSON: for every repetition, seconds spent reading and splitting the
file into lines (the floor), parsing, resolving the model's indexes (the
lookups by name and kind that rules share), each rule module, suppressions
and sorting, and rendering the JSON report; and the whole of `check_text`
measured on its own, so that a step the engine gains later and this script
does not know shows as the difference. Importing the package and making the
parser ready are timed once, before the first repetition. The cycle collector
is paused within a repetition, as the command line pauses it.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from pathlib import Path


def measure(path: Path, repeat: int) -> dict:
    t0 = time.perf_counter()
    from budsjett_lint.checker.config import Config
    from budsjett_lint.checker.diagnostics import Diagnostic
    from budsjett_lint.checker.engine import CheckResult, check_text
    from budsjett_lint.checker.report import Context, render
    from budsjett_lint.checker.suppressions import apply_suppressions
    from budsjett_lint.dsl import parse
    from budsjett_lint.rules import RULES

    imported = time.perf_counter() - t0
    gc.disable()  # as `budsjett-lint check` runs (checker/cli.py)
    t0 = time.perf_counter()
    parse("")  # builds the parser, or loads it from its cache
    parser_ready = time.perf_counter() - t0
    config = Config()
    context = Context()
    file = str(path)
    runs = []
    for _ in range(repeat):
        times: dict[str, float] = {}
        t = time.perf_counter()
        text = path.read_text(encoding="utf-8")
        lines = len(text.split("\n"))
        times["read and split into lines"] = time.perf_counter() - t

        t = time.perf_counter()
        budget = parse(text).budget
        times["parse"] = time.perf_counter() - t

        t = time.perf_counter()
        for index in ("entries", "links", "directives", "funds", "pots", "sections", "named", "entry_by_name",
                      "sectors", "header"):
            getattr(budget, index)
        times["resolve"] = time.perf_counter() - t

        found: list[Diagnostic] = []
        for module in RULES:
            t = time.perf_counter()
            options = config.options_for(module)
            for f in module.check(budget, options):
                found.append(Diagnostic(module.CODE, module.NAME, module.SEVERITY, f.message, f.span, file,
                                        f.hint, f.related, f.fix))
            times[f"rule {module.__name__.rsplit('.', 1)[-1]}"] = time.perf_counter() - t

        t = time.perf_counter()
        kept = sorted(apply_suppressions(found, budget, file, config), key=lambda d: d.sort_key)
        times["suppressions and sorting"] = time.perf_counter() - t

        t = time.perf_counter()
        render("json", [CheckResult(file, budget, tuple(kept))], context)
        times["report (json)"] = time.perf_counter() - t

        del budget, found, kept
        t = time.perf_counter()
        check_text(text, file, config)
        times["check_text, whole"] = time.perf_counter() - t
        gc.collect()  # between repetitions, not within them
        runs.append(times)
    return {"file": file, "lines": lines, "bytes": path.stat().st_size, "imports": imported,
            "parser_ready": parser_ready, "runs": runs}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("file", type=Path)
    p.add_argument("--repeat", type=int, default=5)
    args = p.parse_args(argv)
    json.dump(measure(args.file, args.repeat), sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
