"""Time the phases of checking one file in-process, so that the slow one shows.

    python bench/phases.py FILE [--repeat 5]

prints JSON: for every repetition, the wall and CPU seconds spent reading
and splitting the file into lines (the floor), parsing, resolving the
model's indexes (the lookups by name and kind that rules share), each rule
module, suppressions and sorting, and rendering the JSON report; and the
whole of `check_text` measured on its own, so that a step the engine gains
later and this script does not know shows as the difference. With
`--baseline`, also lark's own LALR parser of the same grammar building a tree
with positions, the way lark is most often used. Importing the package and making the
parser ready are timed once, before the first repetition. What the prose reader and the
marker rules keep between readings (for the editor's re-checks) is let go before every
repetition and before the whole check, so that each reads the prose as a new process does.
The cycle collector is paused within a repetition, as the command line pauses it.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import time
from contextlib import contextmanager
from pathlib import Path


class Clock:
    """Wall and CPU seconds of named phases."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    @contextmanager
    def __call__(self, phase: str):
        wall, cpu = time.perf_counter(), time.process_time()
        yield
        self.wall[phase] = time.perf_counter() - wall
        self.cpu[phase] = time.process_time() - cpu


def measure(path: Path, repeat: int, baseline: bool = False) -> dict:
    once = Clock()
    with once("imports"):
        from budsjett_lint.checker.config import Config
        from budsjett_lint.checker.diagnostics import Diagnostic
        from budsjett_lint.checker.engine import CheckResult, check_text, stamp
        from budsjett_lint.checker.report import Context, render
        from budsjett_lint.checker.suppressions import apply_suppressions
        from budsjett_lint.dsl import parse
        from budsjett_lint.dsl.prose import forget as forget_prose
        from budsjett_lint.rules import RULES
        from budsjett_lint.rules._markers import forget as forget_markers

    def forget() -> None:
        forget_prose()
        forget_markers()

    gc.disable()  # as `budsjett-lint check` runs (checker/cli.py)
    with once("parser ready"):
        parse("")  # makes the parser from the shipped tables
    config = Config()
    context = Context()
    file = str(path)
    tree_parser = _lark_tree() if baseline else None
    runs = []
    for _ in range(repeat):
        forget()  # each repetition reads the prose as a new process does
        clock = Clock()
        with clock("read and split into lines"):
            text = path.read_text(encoding="utf-8")
            lines = len(text.splitlines())

        with clock("parse"):
            budget = parse(text).budget

        with clock("resolve"):
            for index in ("entries", "links", "directives", "funds", "pots", "sections", "named", "entry_by_name",
                          "sectors", "header"):
                getattr(budget, index)

        found: list[Diagnostic] = []
        for module in RULES:
            with clock(f"rule {module.CODE} {module.NAME}"):
                options = config.options_for(module)
                found.extend(stamp(module, module.SEVERITY, file, f) for f in module.check(budget, options))

        with clock("suppressions and sorting"):
            kept = sorted(apply_suppressions(found, budget, file, config), key=lambda d: d.sort_key)

        with clock("report (json)"):
            render("json", [CheckResult(file, budget, tuple(kept))], context)

        del budget, found, kept
        forget()
        with clock("check_text, whole"):
            check_text(text, file, config)
        gc.collect()  # between repetitions, not within them

        if tree_parser is not None:
            with clock("lark LALR, tree with positions (baseline)"):
                tree_parser.parse(text)
            gc.collect()
        runs.append({"wall": clock.wall, "cpu": clock.cpu})
    return {"file": file, "lines": lines, "bytes": path.stat().st_size,
            "once": {"wall": once.wall, "cpu": once.cpu}, "runs": runs}


def _lark_tree():
    """lark's LALR parser of the same grammar as most users of lark run it: building a tree with positions."""
    from budsjett_lint.dsl.generate import grammar
    from lark import Lark

    return Lark(grammar(), parser="lalr", lexer="contextual", propagate_positions=True)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("file", type=Path)
    p.add_argument("--repeat", type=int, default=5)
    p.add_argument("--baseline", action="store_true", help="also time lark's own LALR parser building a tree")
    args = p.parse_args(argv)
    json.dump(measure(args.file, args.repeat, args.baseline), sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
