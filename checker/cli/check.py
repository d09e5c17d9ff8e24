"""`budsjett-lint check PATH...`: lint files and folders."""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config, ConfigError, load_config
from ..diagnostics import SEVERITY_RANK
from ..engine import CheckResult, check_text, decode
from ..files import ReadError, collect, read_bytes, rewrite
from ..report import FORMATS, Context, NotShown, render
from ..escaping import visible
from ..report.full import RELATED_SHOWN
from . import HUMAN, format_name
from ._output import config_for, emit, error, note, use_color

if TYPE_CHECKING:
    from ...dsl.model import Statement
    from ..amend.repo import WorkTree


def add_arguments(p: argparse.ArgumentParser, name: str) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files, folders (every *.budsjett below) or - for standard input (default: .)")
    p.add_argument("--format", type=format_name, choices=list(FORMATS), default=HUMAN, help="output format (default: full)")
    p.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of standard output")
    p.add_argument("--config", metavar="FILE", help="use this configuration file instead of searching for one")
    p.add_argument("--select", metavar="CODES", help="comma-separated codes or prefixes to check, e.g. BAL,FUN001")
    p.add_argument("--ignore", metavar="CODES", help="comma-separated codes or prefixes to leave out")
    p.add_argument("--fail-on", choices=["error", "warning", "info"],
                   help="the lowest severity that makes the run fail (default: error)")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings fail the run")
    p.add_argument("--stdin-filename", metavar="NAME", help="the name of standard input, for reports and configuration")
    p.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="colour in the full format")
    p.add_argument("--baseline", metavar="FILE", help="report only findings that this baseline does not hold")
    p.add_argument("--write-baseline", metavar="FILE", help="write every current finding to FILE as a baseline")
    p.add_argument("--fix", action="store_true", help="apply the safe fixes, write the files, report what remains")
    p.add_argument("--unsafe-fixes", action="store_true",
                   help="with --fix or --diff, apply the unsafe fixes too: they change figures")
    p.add_argument("--diff", action="store_true", help="print the fixes as a unified diff instead of writing them")
    p.add_argument("--force", action="store_true",
                   help="with --fix, rewrite read-only files and files with several hard links too")
    # Amendment mode (checker/amend/amendment.py): judge each file against its base too.
    p.add_argument("--diff-base", metavar="REF",
                   help="judge each file as an amendment of its version in this git revision (BAL013, BAL014); "
                        "default: the merge base with main (or master) where the file is tracked there; "
                        "none: turn amendment mode off")
    # What the report shows (never what fails the run: that is --fail-on).
    shown = p.add_argument_group("what the report shows")
    shown.add_argument("--severity", choices=["error", "warning", "info"],
                       help="show only findings of this severity or higher; the exit code still counts every "
                            "finding (see --fail-on)")
    shown.add_argument("--show-all", action="store_true",
                       help="full format: every finding with its source and every related place (by default "
                            "the first finding of each rule is shown with its source and "
                            f"{RELATED_SHOWN} related place{'s' * (RELATED_SHOWN != 1)}, the others one line each)")
    shown.add_argument("--statistics", action="store_true",
                       help="instead of the findings, the number of findings per rule code")


def run(args: argparse.Namespace) -> int:
    status = 0
    fixed = Fixed()  # what --diff and --fix on standard input give instead of writing files
    paths = args.paths or (["-"] if args.stdin_filename else ["."])
    files, errors = collect(paths)
    for e in errors:
        error(e)
        status = 2
    if not files and not errors:
        note(f"warning: no .budsjett files in {', '.join(paths)}")
    # Only these need paths relative to the repository, and asking git costs a process.
    wants_root = (args.format in ("sarif", "github", "gitlab", "junit") or args.baseline or args.write_baseline
                  or _amendment_wanted(args, files))
    root = Path.cwd()
    tree: WorkTree | None = None
    if wants_root:
        from ..amend.repo import work_tree

        tree = work_tree()
        root = tree.root
    held = None
    if args.baseline and not args.write_baseline:
        from ..amend import baseline

        try:
            held = baseline.load(args.baseline)
        except baseline.BaselineError as exc:
            error(str(exc))
            return 2
    try:
        ref = _amendment_base(args, files, tree)
    except ReadError as exc:
        error(str(exc))
        return 2

    held_back = [0]  # the findings the baseline holds, not shown

    def finish(result: CheckResult, config: Config) -> CheckResult:
        """A file's result judged as an amendment and against the baseline, while its whole model is
        still there; what the reports need of it is kept, and the model let go."""
        if not args.diff:
            result = _amended(result, config, args, root, held, ref)
        if held is not None:
            from ..amend import baseline

            before = len(result.diagnostics)
            result = baseline.without_baseline([result], held, root, config.balance_tolerance)[0]
            held_back[0] += before - len(result.diagnostics)
        if args.write_baseline:  # the baseline records each year's state: it needs the model
            return result
        return reported(result, whole_text=args.format == "full" and use_color(args))

    try:
        override = load_config(Path(args.config)) if args.config else None
        checked, failed_io = _check_files(files, args, override, finish, fixed)
    except ConfigError as exc:
        error(str(exc))
        return 2
    status = 2 if failed_io else status
    if status and not checked:
        return status
    if args.write_baseline:
        from ..amend import baseline

        try:
            count = baseline.write(args.write_baseline, [r for r, _ in checked], root,
                                   (checked[0][1] if checked else Config()).balance_tolerance)
        except baseline.BaselineError as exc:
            error(str(exc))
            return 2
        note(f"wrote {count} finding{'s' * (count != 1)} to {args.write_baseline}")
        return status
    if args.diff:  # the diff instead of the report
        sys.stdout.write("".join(fixed.diffs))
        return status or int(any(fixed.diffs))
    results = [r for r, _ in checked]
    below = 0
    if args.severity:
        least = SEVERITY_RANK[args.severity]
        everything = sum(len(r.diagnostics) for r in results)
        results = [r._replace(diagnostics=tuple(d for d in r.diagnostics if SEVERITY_RANK[d.severity] >= least))
                   for r in results]
        below = everything - sum(len(r.diagnostics) for r in results)
    first = checked[0][1] if checked else (override or Config())
    not_shown = NotShown(below, args.severity, held_back[0])
    context = Context(color=use_color(args), root=root, fail_on=first.fail_on, docs_url=first.rule_url,
                      show_all=args.show_all, not_shown=not_shown)
    report = statistics(results, not_shown) if args.statistics else render(args.format, results, context)
    if fixed.stdin is not None:
        sys.stdout.write(fixed.stdin)
    if fixed.stdin is not None and not args.output:  # the fixed text goes to standard output
        sys.stderr.write(report)
    elif not emit(report, args.output):
        return 2
    if status:
        return status
    failing = any(SEVERITY_RANK[d.severity] >= SEVERITY_RANK[config.fail_on]
                  for r, config in checked for d in r.diagnostics)
    return 1 if failing and not args.exit_zero else 0


# --- amendment mode: each file judged against its base (a git revision, or the baseline's years) ---

def _amendment_wanted(args: argparse.Namespace, files: list[str]) -> bool:
    """Whether amendment mode may apply: a base named, or files that git may know (not standard input alone)."""
    if args.write_baseline or args.diff:
        return False
    if (args.diff_base or "").lower() == "none":
        return bool(args.baseline)
    return bool(args.diff_base) or bool(args.baseline) or any(f != "-" for f in files)


def _amendment_base(args: argparse.Namespace, files: list[str], tree: WorkTree | None) -> str | None:
    """The git revision that amendment mode judges files against, or None."""
    if tree is None or not _amendment_wanted(args, files) or (args.diff_base or "").lower() == "none":
        return None
    from ..amend import repo

    root = tree.root
    ref, refused = (args.diff_base, None) if args.diff_base else repo.default_base(tree)
    if refused:
        # an amendment would pass unjudged: say so (a CI container's checkout is often another user's)
        note(f"warning: amendment mode is off, {refused}")
    if args.diff_base and not repo.is_commit(args.diff_base, root):
        why = repo.refusal(root) or "not a revision that git knows here (a branch, tag or commit)"
        raise ReadError(f"--diff-base {ref}: {why}")
    return ref


def _amended(result: CheckResult, config: Config, args: argparse.Namespace, root: Path,
             held, ref: str | None) -> CheckResult:
    """The result with BAL013 and BAL014 added where the file's base is known, and per-year findings
    anchored at the lines the amendment changed. A file is plain `check`ed where no base is known:
    outside git, untracked at the base, or with `--diff-base none`."""
    if not _amendment_wanted(args, [result.file]):
        return result
    from ...dsl import parse
    from ..amend import repo
    from ..report import relative

    before = lines = base = None
    from_stdin = result.file == "-" or (args.stdin_filename is not None and result.file == args.stdin_filename)
    if ref and (not from_stdin or (args.diff_base and args.stdin_filename)):
        text = repo.file_at(ref, relative(result.file, root), root, config.max_file_size)
        if text is not None:
            # a file the branch did not change is its own base: no second parse (most files, most runs)
            if text == result.budget.text:
                return result  # the file is its own base (most files, most runs): the amendment changed nothing in it
            base = parse(text).budget
    tolerance = config.balance_tolerance
    if base is not None:
        from ..amend import amendment

        before, lines = amendment.snapshot(base, tolerance), amendment.changed_lines(base, result.budget)
    elif held is not None:
        from ..amend.baseline import states

        before = states(held, result.file, root)
    if before is None:
        return result
    from ..amend import amendment

    return amendment.judged(result, config, before, lines)


def statistics(results: list[CheckResult], not_shown=None) -> str:
    """`--statistics`: how many findings each rule code gave, most first (as ruff prints them)."""
    from collections import Counter

    from ...rules import RULES
    from ..report.full import closing_line

    counts = Counter(d.code for r in results for d in r.diagnostics)
    severity = {d.code: d.severity for r in results for d in r.diagnostics}
    width = len(str(max(counts.values(), default=0)))
    rows = [f"{n:>{width}}  {code:<7} {f'[{severity[code]}]':<10} {_rule_name(RULES, code)}"
            for code, n in sorted(counts.items(), key=lambda cn: (-cn[1], cn[0]))]
    closing = closing_line(results) if not_shown is None else closing_line(results, not_shown)
    return "".join(row.rstrip() + "\n" for row in rows) + closing + "\n"


def _rule_name(rules: tuple, code: str) -> str:
    return next((rule.NAME for rule in rules if rule.CODE == code), "")


@dataclass
class Fixed:
    """What `--fix` and `--diff` give besides the report, gathered as the files are checked."""

    diffs: list[str] = field(default_factory=list)  # --diff: one unified diff a file
    stdin: str | None = None  # --fix on standard input: the fixed text, written to standard output


def _check_files(files: list[str], args: argparse.Namespace, override: Config | None,
                 finish: Callable[[CheckResult, Config], CheckResult],
                 fixed: Fixed) -> tuple[list[tuple[CheckResult, Config]], bool]:
    results: list[tuple[CheckResult, Config]] = []
    failed = False
    for file in files:
        config = config_for(file, args, override)
        if file not in args.paths and config.excludes(file):  # found in a folder, and excluded there
            continue
        shown = args.stdin_filename if file == "-" and args.stdin_filename else file
        try:
            data = read_bytes(file, config.max_file_size)
        except ReadError as exc:
            error(str(exc))
            failed = True
            continue
        text, problem = decode(data, shown)
        if text is None:
            from ...dsl.model import Budget

            assert problem is not None  # what could not be decoded is said
            results.append((CheckResult(shown, Budget(text=data.decode("utf-8", "replace")), (problem,)), config))
            continue
        del data  # the text holds the file now: a large file's bytes need not stay while it is checked
        if args.fix or args.diff:
            result, written = _fix(file, shown, text, config, args, fixed)
            failed |= not written
        else:
            result = check_text(text, shown, config)
        results.append((finish(result, config), config))
    return results, failed


def reported(result: CheckResult, whole_text: bool = False) -> CheckResult:
    """What the reports need of a file's result, and no more: files are independent, so a run
    over a tree holds one file's analysis at a time, not the whole model of every file
    (2 000 files of the proposal's size took 1 GB).

    A report needs the diagnostics, the codes, the lines they point at (for excerpts and
    fingerprints; the others are kept empty, so that lines keep their numbers), and the
    statements a fingerprint anchors a diagnostic in (`fingerprint.Anchors`: the last
    statement that starts at or before the diagnostic), and the header. A file without findings
    keeps none.
    With `whole_text` (the full report in colour, which lexes the whole text) the text stays.
    """
    from ...dsl.model import Budget
    from ..report.full import balance_of

    result = result._replace(balance=balance_of(result))
    if not result.diagnostics:
        return result._replace(budget=Budget())
    places = {(d.span.line, d.span.column) for d in result.diagnostics}
    header = result.budget.header  # the full report knows a place at its `period` by it
    if header is not None and header.span is not None:
        places.add((header.span.line, header.span.column))
    kept = anchored(result.budget.statements, sorted(places))
    text = result.budget.text
    if not whole_text:
        shown = {n for d in result.diagnostics for n in (d.span.line, d.span.end_line, *(r.span.line for r in d.related))}
        text = only_lines(text, shown)
    return result._replace(budget=Budget(statements=kept, text=text))


def anchored(statements: Sequence[Statement], places: list[tuple[int, int]]) -> tuple[Statement, ...]:
    """The last statement that starts at or before each of the (sorted) places, each once, in
    order; walked in one pass, as the parser gives the statements in the order written."""
    def start(s: Statement) -> tuple[int, int]:
        return (s.span.line, s.span.column) if s.span is not None else (0, 0)

    placed = [s for s in statements if s.span is not None]
    if any(start(a) > start(b) for a, b in itertools.pairwise(placed)):
        placed.sort(key=start)
    kept: list[Statement] = []
    i = -1
    for place in places:
        while i + 1 < len(placed) and start(placed[i + 1]) <= place:
            i += 1
        if i >= 0 and (not kept or kept[-1] is not placed[i]):
            kept.append(placed[i])
    return tuple(kept)


def only_lines(text: str, shown: set[int]) -> str:
    """The text with every line but the shown ones left empty, so that lines keep their
    numbers; only the shown lines are copied (the text is not split: 400 000 lines of a
    large file would be as many strings)."""
    pieces: list[str] = []
    line, start = 1, 0  # the line at `start`
    last = 1  # the line the pieces end on
    for n in sorted(k for k in shown if k >= 1):
        while line < n:
            newline = text.find("\n", start)
            if newline < 0:
                break
            line, start = line + 1, newline + 1
        if line != n:
            break  # past the last line
        end = text.find("\n", start)
        pieces += ("\n" * (n - last), text[start : end if end >= 0 else len(text)])
        last = n
    pieces.append("\n" * (text.count("\n") - (last - 1)))
    return "".join(pieces)


def _fix(file: str, shown: str, text: str, config: Config, args: argparse.Namespace,
         fixed: Fixed) -> tuple[CheckResult, bool]:
    """Apply the fixes to one file, or keep them for --diff; the check of what remains, and
    False where the file could not be written."""
    from ..fixes import fix_text
    from ..report.textdiff import unified_diff

    outcome = fix_text(text, shown, config, unsafe=args.unsafe_fixes)
    if outcome.syntax_errors:  # then the text is as it was
        note(f"{shown}: not fixed: the file has syntax errors")
    if args.diff:
        fixed.diffs.append(unified_diff(text, outcome.text, shown))
    elif file == "-":
        fixed.stdin = outcome.text
    elif outcome.text != text:
        try:
            rewrite(file, outcome.text.encode("utf-8"), force=getattr(args, "force", False))
        except OSError as exc:
            error(f"{file}: cannot write the fixes: {exc.strerror or exc}; the file is left as it was")
            return check_text(text, shown, config), False
        print(f"Fixed {outcome.fixed} finding{'s' * (outcome.fixed != 1)} in {visible(shown)}.", file=sys.stderr)
    return outcome.result, True


