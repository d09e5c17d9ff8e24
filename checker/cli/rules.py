"""`budsjett-lint rules` lists the catalogue; `budsjett-lint rule CODE` prints a rule's page."""

from __future__ import annotations

import argparse
import json
import sys

from . import HUMAN, format_name


def add_arguments(p: argparse.ArgumentParser, name: str) -> None:
    if name == "rule":
        p.add_argument("code", metavar="CODE", help="a rule code such as BAL001, or its name")
    else:
        p.add_argument("--format", type=format_name, choices=[HUMAN, "json"], default=HUMAN,
                       help="full: one rule a line (default); json: every rule with its fields, for tools")


def catalogue() -> list[dict]:
    """The entries of `rules/catalogue.yaml`, each with its `page`: read as a file of the package,
    which is found without importing it (importing it loads every rule and the parser), and with
    libyaml's loader where PyYAML has it (the pure-Python one takes longer than the rest of the run)."""
    import os
    from importlib.util import find_spec

    import yaml

    spec = find_spec("budsjett_lint.rules")
    folder = list(spec.submodule_search_locations or [])[0] if spec else ""
    with open(os.path.join(folder, "catalogue.yaml"), encoding="utf-8") as f:
        text = f.read()
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))["rules"]


def run(args: argparse.Namespace) -> int:
    rules = catalogue()
    if args.command == "rules":
        if args.format == "json":
            fields = [{k: v for k, v in r.items() if k != "page"} for r in rules]
            print(json.dumps(fields, ensure_ascii=False, indent=2))
            return 0
        width = max(len(r["name"]) for r in rules)
        for r in rules:
            print(f"{r['code']}  {r['name']:<{width}}  {r['severity']:<7}  {r['summary']}")
        return 0
    wanted = args.code.strip()
    match = next((r for r in rules if wanted.upper() == r["code"] or wanted == r["name"]), None)
    if match is None:
        import difflib

        names = [r["code"] for r in rules] + [r["name"] for r in rules]
        close = difflib.get_close_matches(wanted, names, n=1) or difflib.get_close_matches(wanted.upper(), names, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        print(f"budsjett-lint: error: no rule {wanted!r}{hint}; `budsjett-lint rules` lists them", file=sys.stderr)
        return 2
    sys.stdout.write(match["page"])
    return 0
