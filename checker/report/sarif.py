"""SARIF 2.1.0, as GitHub code scanning reads it.

The driver lists every rule with its summary, its description (the rule page's
"What it does"), the whole page as help, a link to the page and its default
level. Results carry the level they were given by the configuration, a path
relative to the repository root (`%SRCROOT%`), the region (1-based, end column
exclusive, counted in code points), the related places with their notes, and
a fingerprint that survives lines moving.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Sequence
from urllib.parse import quote

from ...dsl.model import Span
from ...rules.catalogue import doc_of, entries, render_page
from .. import __version__
from ..diagnostics import Diagnostic
from ..engine import CheckResult
from ..amend.fingerprint import fingerprints, numbered
from . import Context, relative

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "budsjettLint/v1"
ROOT_ID = "%SRCROOT%"


def render(results: Sequence[CheckResult], context: Context) -> str:
    rules = [_rule(e, context.docs_url(e["code"])) for e in entries()]
    index = {r["id"]: i for i, r in enumerate(rules)}
    sarif_results = []
    for r in results:
        artifact = _artifact(r.file, context.root)
        for d, fp in zip(r.diagnostics, numbered(fingerprints(r.budget, r.diagnostics))):
            sarif_results.append(_result(d, artifact, index, fp))
    run = {
        "tool": {"driver": {
            "name": "budsjett-lint",
            "version": __version__,
            "rules": rules,
        }},
        "originalUriBaseIds": {ROOT_ID: {"uri": context.root.resolve().as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": sarif_results,
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2) + "\n"


def _rule(entry: dict, url: str | None) -> dict:
    """A rule's descriptor: its page in `help`, and `helpUri` only where `docs-url` says where the pages are
    (the project has no public address to invent one from)."""
    page = render_page(entry["code"])
    rule = {
        "id": entry["code"],
        "name": entry["name"],
        "shortDescription": {"text": entry["summary"]},
        "fullDescription": {"text": _what_it_does(entry["code"]) or entry["summary"]},
        "help": {"text": page, "markdown": page},
        "defaultConfiguration": {"level": LEVEL[entry["severity"]]},
    }
    if url:
        rule["helpUri"] = url
    return rule


def _what_it_does(code: str) -> str:
    doc = doc_of(code)
    if "## What it does" not in doc:
        return ""
    section = doc.split("## What it does", 1)[1].split("\n## ", 1)[0]
    return " ".join(section.split())


def _artifact(file: str, root: Path) -> dict:
    shown = relative(file, root)
    if Path(shown).is_absolute():  # a file outside the repository
        return {"uri": Path(shown).as_uri()}
    return {"uri": quote(shown), "uriBaseId": ROOT_ID}


def _region(span: Span) -> dict:
    line = max(span.line, 1)
    column = max(span.column, 1)
    end_line = max(span.end_line, line)
    # An empty span (a place between two characters, or just past the end of a line) stays
    # empty: widened, it would reach past the end of the line.
    end_column = max(span.end_column, column) if end_line == line else max(span.end_column, 1)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(d: Diagnostic, artifact: dict, index: dict[str, int], fp: str) -> dict:
    text = d.message if not d.hint else f"{d.message}\nhelp: {d.hint}"
    result = {
        "ruleId": d.code,
        "ruleIndex": index[d.code],
        "level": LEVEL[d.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": _region(d.span)}}],
        "partialFingerprints": {FINGERPRINT_KEY: fp},
    }
    if d.related:
        result["relatedLocations"] = [
            {"id": i, "message": {"text": rel.note},
             "physicalLocation": {"artifactLocation": artifact, "region": _region(rel.span)}}
            for i, rel in enumerate(d.related)
        ]
    return result
