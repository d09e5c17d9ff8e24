"""`budsjett-lint rules` lists the catalogue; `budsjett-lint rule CODE` prints a rule's page."""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources


def add_arguments(p: argparse.ArgumentParser, name: str) -> None:
    if name == "rule":
        p.add_argument("code", metavar="CODE", help="a rule code such as BAL001, or its name")
    else:
        p.add_argument("--format", choices=["text", "json"], default="text",
                       help="text: one rule a line (default); json: every rule with its fields, for tools")


def catalogue() -> list[dict]:
    import yaml

    text = resources.files("budsjett_lint.rules").joinpath("catalogue.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["rules"]


def run(args: argparse.Namespace) -> int:
    rules = catalogue()
    if args.command == "rules":
        if args.format == "json":
            print(json.dumps(rules, ensure_ascii=False, indent=2))
            return 0
        width = max(len(r["name"]) for r in rules)
        for r in rules:
            print(f"{r['code']}  {r['name']:<{width}}  {r['severity']:<7}  {r['summary']}")
        return 0
    from ...rules.catalogue import render_page

    wanted = args.code.strip()
    match = next((r for r in rules if wanted.upper() == r["code"] or wanted == r["name"]), None)
    if match is None:
        import difflib

        names = [r["code"] for r in rules] + [r["name"] for r in rules]
        close = difflib.get_close_matches(wanted, names, n=1) or difflib.get_close_matches(wanted.upper(), names, n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        print(f"budsjett-lint: error: no rule {wanted!r}{hint}; `budsjett-lint rules` lists them", file=sys.stderr)
        return 2
    sys.stdout.write(render_page(match["code"]))
    return 0
