"""`budsjett-lint check PATH...`: lint files and folders."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..config import Config, ConfigError, find_config, load_config
from ..diagnostics import SEVERITY_RANK
from ..engine import CheckResult, check_text, decode
from ..files import ReadError, collect, read_bytes, write_atomic
from ..report import FORMATS, Context, render
from ..report.full import FRAMED_PER_RULE, RELATED_SHOWN
from ._output import emit, error, use_color


def add_arguments(p: argparse.ArgumentParser, name: str) -> None:
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="files, folders (every *.budsjett below) or - for standard input (default: .)")
    p.add_argument("--format", choices=list(FORMATS), default="full", help="output format (default: full)")
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
    # What the report shows (never what fails the run: that is --fail-on).
    shown = p.add_argument_group("what the report shows")
    shown.add_argument("--severity", choices=["error", "warning", "info"],
                       help="show only findings of this severity or higher; the exit code still counts every "
                            "finding (see --fail-on)")
    shown.add_argument("--show-all", action="store_true",
                       help="full format: every finding with its source and every related place (by default the "
                            f"the first finding of each rule is shown with its source and "
                            f"{RELATED_SHOWN} related places each, the others one line each)")
    shown.add_argument("--statistics", action="store_true",
                       help="instead of the findings, the number of findings per rule code")


def run(args: argparse.Namespace) -> int:
    status = 0
    args.diffs, args.fixed_stdin = [], None  # filled by --diff, and by --fix on standard input
    paths = args.paths or (["-"] if args.stdin_filename else ["."])
    files, errors = collect(paths)
    for e in errors:
        error(e)
        status = 2
    if not files and not errors:
        print(f"budsjett-lint: warning: no .budsjett files in {', '.join(paths)}", file=sys.stderr)
    try:
        override = load_config(Path(args.config)) if args.config else None
        checked, failed_io = _check_files(files, args, override)
    except ConfigError as exc:
        error(str(exc))
        return 2
    status = 2 if failed_io else status
    if status and not checked:
        return status
    # Only these need paths relative to the repository, and asking git costs a process.
    wants_root = args.format in ("sarif", "github", "gitlab", "junit") or args.baseline or args.write_baseline
    root = Path.cwd()
    if wants_root:
        from ..repo import repository_root

        root = repository_root()
    if args.write_baseline or args.baseline:
        from .. import baseline

        try:
            if args.write_baseline:
                count = baseline.write(args.write_baseline, [r for r, _ in checked], root)
                print(f"budsjett-lint: wrote {count} finding{'s' * (count != 1)} to {args.write_baseline}",
                      file=sys.stderr)
                return status
            kept = baseline.without_baseline([r for r, _ in checked], baseline.load(args.baseline), root)
            checked = [(r, config) for r, (_, config) in zip(kept, checked)]
        except baseline.BaselineError as exc:
            error(str(exc))
            return 2
    if args.diff:  # the diff instead of the report
        sys.stdout.write("".join(args.diffs))
        return status or int(any(args.diffs))
    results = [r for r, _ in checked]
    if args.severity:
        least = SEVERITY_RANK[args.severity]
        results = [r._replace(diagnostics=tuple(d for d in r.diagnostics if SEVERITY_RANK[d.severity] >= least))
                   for r in results]
    context = Context(color=use_color(args), root=root, show_all=args.show_all)
    report = statistics(results) if args.statistics else render(args.format, results, context)
    if args.fixed_stdin is not None:
        sys.stdout.write(args.fixed_stdin)
    if args.fixed_stdin is not None and not args.output:  # the fixed text goes to standard output
        sys.stderr.write(report)
    elif not emit(report, args.output):
        return 2
    if status:
        return status
    failing = any(SEVERITY_RANK[d.severity] >= SEVERITY_RANK[config.fail_on]
                  for r, config in checked for d in r.diagnostics)
    return 1 if failing and not args.exit_zero else 0


def statistics(results: list[CheckResult]) -> str:
    """`--statistics`: how many findings each rule code gave, most first (as ruff prints them)."""
    from collections import Counter

    from ...rules import RULES
    from ..report.full import closing_line

    counts = Counter(d.code for r in results for d in r.diagnostics)
    severity = {d.code: d.severity for r in results for d in r.diagnostics}
    width = len(str(max(counts.values(), default=0)))
    rows = [f"{n:>{width}}  {code:<7} {f'[{severity[code]}]':<10} {_rule_name(RULES, code)}"
            for code, n in sorted(counts.items(), key=lambda cn: (-cn[1], cn[0]))]
    return "".join(row.rstrip() + "\n" for row in rows) + closing_line(results) + "\n"


def _rule_name(rules: tuple, code: str) -> str:
    return next((rule.NAME for rule in rules if rule.CODE == code), "")


_config_cache: dict[Path, Config] = {}


def config_for(file: str, args: argparse.Namespace, override: Config | None) -> Config:
    if override is not None:
        base = override
    else:
        where = Path(args.stdin_filename) if file == "-" and args.stdin_filename else Path(file if file != "-" else ".")
        found = find_config(where)  # a --stdin-filename need not exist: its folder still has a configuration
        if found not in _config_cache:
            _config_cache[found] = load_config(found)
        base = _config_cache[found]
    split = lambda s: [c.strip() for c in s.split(",") if c.strip()] if s is not None else None  # noqa: E731
    return base.with_overrides(select=split(args.select), ignore=split(args.ignore), fail_on=args.fail_on)


def _check_files(files: list[str], args: argparse.Namespace,
                 override: Config | None) -> tuple[list[tuple[CheckResult, Config]], bool]:
    results: list[tuple[CheckResult, Config]] = []
    failed = False
    for file in files:
        config = config_for(file, args, override)
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

            results.append((CheckResult(shown, Budget(text=data.decode("utf-8", "replace")), (problem,)), config))
            continue
        del data  # the text holds the file now: a large file's bytes need not stay while it is checked
        if args.fix or args.diff:
            result, written = _fix(file, shown, text, config, args)
            failed |= not written
        else:
            result = check_text(text, shown, config)
        results.append((result, config))
    return results, failed


def _fix(file: str, shown: str, text: str, config: Config, args: argparse.Namespace) -> tuple[CheckResult, bool]:
    """Apply the fixes to one file, or keep them for --diff; the check of what remains, and
    False where the file could not be written."""
    from ..fixes import fix_text
    from ..textdiff import unified_diff

    outcome = fix_text(text, shown, config, unsafe=args.unsafe_fixes)
    if outcome.syntax_errors:  # then the text is as it was
        print(f"budsjett-lint: {shown}: not fixed: the file has syntax errors", file=sys.stderr)
    if args.diff:
        args.diffs.append(unified_diff(text, outcome.text, shown))
    elif file == "-":
        args.fixed_stdin = outcome.text
    elif outcome.text != text:
        try:
            write_atomic(file, outcome.text.encode("utf-8"))
        except OSError as exc:
            error(f"{file}: cannot write the fixes: {exc.strerror or exc}; the file is left as it was")
            return check_text(text, shown, config), False
        print(f"Fixed {outcome.fixed} finding{'s' * (outcome.fixed != 1)} in {shown}.", file=sys.stderr)
    return outcome.result, True


