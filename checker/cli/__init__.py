"""The command line (argument parsing and one module a command): `budsjett-lint [COMMAND] ...`.

Each command lives in `checker/cli/<name>.py` with `add_arguments(parser)`
and `run(args) -> int`, and is imported only when it runs. A first argument
that is not a command is a path: `budsjett-lint FILE` means `check FILE`.

Exit codes: 0 nothing at or above the failing severity, 1 findings that fail
the run, 2 usage, configuration or I/O errors.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys

COMMANDS: dict[str, str] = {
    "check": "Check files and folders of .budsjett files (the default command)",
    "rules": "List every rule with its code, name, severity and summary",
    "rule": "Show the page of one rule: what, why, a failing and a passing example",
    "export": "Print the model of a file as JSON",
    "summary": "Print the tables of a budget: spend, coverage, funds and the balance per year",
    "diff": "Compare two versions of a budget: what an amendment changes, per year, and whether it balances",
    "format": "Rewrite files in the canonical layout, keeping every comment",
    "server": "Run the language server for editors (Language Server Protocol on stdio)",
    "import": "Write a first draft of a .budsjett file from the proposal document (text, Markdown or .docx)",
}
_MODULE = {"rule": "rules", "import": "import_"}
#: Commands that read, check and exit. What they build lives to the end of the run, so the
#: cycle collector would only walk the model again and again (seconds on a large file).
_BATCH = {"check", "export"}


#: The human format has one name in every command (as in ruff); the names it had before in
#: `summary` (`table`) and in `diff` and `rules` (`text`) are still accepted.
HUMAN = "full"
_FORMER_NAMES = {"table": HUMAN, "text": HUMAN}


def format_name(value: str) -> str:
    """`--format`'s value as argparse checks it against the choices: a former name of the human format
    read as `full`."""
    return _FORMER_NAMES.get(value, value)


def build_parser(command: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="budsjett-lint",
        description="Check Norwegian municipal budget proposals the way code is checked.",
        epilog="Run `budsjett-lint COMMAND --help` for a command's options. "
               "`budsjett-lint FILE` is short for `budsjett-lint check FILE`.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if name == command:
            module = importlib.import_module(f"{__name__}.{_MODULE.get(name, name)}")
            module.add_arguments(p, name)
            p.set_defaults(run=module.run, parser=p)
    return parser


class _Version(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):
        from .. import __version__

        print(f"budsjett-lint {__version__}")
        parser.exit()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        argv.insert(0, "check")
    elif argv and argv[0] not in COMMANDS and argv[0] not in ("-h", "--help", "--version"):
        argv.insert(0, "check")  # `budsjett-lint --format json FILE`, `budsjett-lint -`
    command = argv[0] if argv and argv[0] in COMMANDS else None
    collecting = gc.isenabled()
    if command in _BATCH:
        gc.disable()  # before the imports too: they only add objects that live to the end
    try:
        parser = build_parser(command)
        args, unknown = parser.parse_known_args(argv)
        if unknown:  # told with the usage of the command it was given to, not the top level's
            (getattr(args, "parser", None) or parser).error(f"unrecognized arguments: {' '.join(unknown)}")
        if not getattr(args, "run", None):
            parser.print_help()
            return 2
        return args.run(args)
    except KeyboardInterrupt:
        print("budsjett-lint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away: nothing left to report to
        return 1
    except Exception as exc:  # noqa: BLE001 - the last resort: a bug is exit 2, never a traceback read as findings
        print(internal_error(exc), file=sys.stderr)
        return 2
    finally:
        if collecting:
            gc.enable()


def internal_error(exc: BaseException) -> str:
    """The message for an exception nothing else caught: a bug of budsjett-lint, said as one,
    with where it was raised; control characters (from a file, perhaps) shown escaped."""
    import re
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    where = f" (in {_short(frames[-1].filename)}:{frames[-1].lineno}, {frames[-1].name})" if frames else ""
    detail = re.sub(r"[\x00-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m.group()):02x}", str(exc)[:200])
    kind = type(exc).__qualname__
    if type(exc).__module__ != "builtins":
        kind = f"{type(exc).__module__}.{kind}"
    return (f"budsjett-lint: internal error: {kind}"
            f"{': ' + detail if detail else ''}{where}\n"
            "  = this is a bug in budsjett-lint, not in the budget; please report it with the input that caused it")


def _short(filename: str) -> str:
    parts = filename.replace("\\", "/").split("/")
    return "/".join(parts[-2:])
