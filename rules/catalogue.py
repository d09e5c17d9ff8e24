"""The rule catalogue: built from the rule modules, written to YAML and Markdown.

`python -m budsjett_lint.rules.catalogue ROOT` rewrites `ROOT/rules/catalogue.yaml`
and `ROOT/docs/rules/*.md` from the modules; the tests fail when they are out
of step. The `rules` and `rule` commands read what this module renders.
"""

from __future__ import annotations

import dataclasses
import sys
from decimal import Decimal
from pathlib import Path
from types import ModuleType

from . import ENGINE_RULES, RULES
from .syntax import CODES as PARSER_CODES


def option_defaults(module: ModuleType) -> dict[str, object]:
    out: dict[str, object] = {}
    for f in dataclasses.fields(module.Options):
        value = f.default
        out[f.name] = float(value) if isinstance(value, Decimal) else value
    return out


def option_types(module: ModuleType) -> dict[str, str]:
    return {f.name: (f.type if isinstance(f.type, str) else f.type.__name__) for f in dataclasses.fields(module.Options)}


def summary_of(module: ModuleType) -> str:
    return module.SUMMARY


def entries() -> list[dict]:
    """Every code, parser codes first, as plain data."""
    result: list[dict] = []
    for p in PARSER_CODES:
        result.append({"code": p.code, "name": p.name, "severity": p.severity, "summary": p.summary,
                       "source": "parser", "fix": "none", "options": {}})
    for m in sorted(RULES + ENGINE_RULES, key=lambda m: m.CODE):
        result.append({
            "code": m.CODE,
            "name": m.NAME,
            "severity": m.SEVERITY,
            "summary": m.SUMMARY,
            "source": "rule",
            "fix": getattr(m, "FIX", "none"),
            "options": {name: {"type": option_types(m)[name], "default": default}
                        for name, default in option_defaults(m).items()},
        })
    return result


def render_yaml() -> str:
    """The catalogue as `rules/catalogue.yaml` keeps it: every entry, and its page (`render_page`)
    as a block, so that `budsjett-lint rules` and `rule CODE` read this file and nothing else."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def block(dumper: yaml.SafeDumper, text: str) -> yaml.Node:
        return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)

    Dumper.add_representer(str, block)
    header = "# Generated from the rule modules by `python -m budsjett_lint.rules.catalogue .`; do not edit.\n"
    rules = [{**e, "page": render_page(e["code"])} for e in entries()]
    return header + yaml.dump({"rules": rules}, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=100)


def doc_of(code: str) -> str:
    for p in PARSER_CODES:
        if p.code == code:
            return p.doc
    module = next(m for m in RULES + ENGINE_RULES if m.CODE == code)
    doc = module.__doc__ or ""
    return doc.split("\n", 1)[1].strip() + "\n" if "\n" in doc else ""


def render_page(code: str) -> str:
    """The rule's page: what it checks, why, a failing and a passing example."""
    entry = next((e for e in entries() if e["code"] == code), None)
    if entry is None:
        raise KeyError(code)
    fix = {"none": "No automatic fix.", "safe": "Has a safe fix (`--fix`).",
           "unsafe": "Has an unsafe fix (`--fix --unsafe-fixes`)."}[entry["fix"]]
    lines = [f"# {entry['code']} {entry['name']}", "", f"{entry['summary']}.", "",
             f"Default severity: **{entry['severity']}**. {fix}", "", doc_of(code).rstrip(), ""]
    return "\n".join(lines)


def write(root: Path) -> None:
    (root / "rules" / "catalogue.yaml").write_text(render_yaml(), encoding="utf-8")
    docs = root / "docs" / "rules"
    docs.mkdir(parents=True, exist_ok=True)
    for entry in entries():
        (docs / f"{entry['code']}.md").write_text(render_page(entry["code"]), encoding="utf-8")
    index = ["# Rules", "", "| Code | Name | Severity | Summary |", "| --- | --- | --- | --- |"]
    index += [f"| [{e['code']}]({e['code']}.md) | {e['name']} | {e['severity']} | {e['summary']} |" for e in entries()]
    (docs / "README.md").write_text("\n".join(index) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write(Path(sys.argv[1] if len(sys.argv) > 1 else "."))
