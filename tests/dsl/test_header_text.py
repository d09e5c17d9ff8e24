"""The `budget` header's `text`: parsed, exported, formatted, and the sections' texts exported."""

from __future__ import annotations

import json
import subprocess
import sys

from budsjett_lint.checker.editor.formatter import format_text
from budsjett_lint.dsl.parser import parse

TEXT = '''\
budget "Eksempel" period 2020..2021 text """
  De rødgrønne omprioriterer totalt 10 millioner.
"""
section "Oppvekst" oppvekst text "Om oppvekst."
item "A" oppvekst 2020..2021=5
'''


def test_the_header_keeps_its_text():
    header = parse(TEXT).budget.header
    assert header.prose is not None and header.prose.text == "De rødgrønne omprioriterer totalt 10 millioner."
    assert header.prose.figures[0].change == "total"


def test_a_header_without_text_has_none():
    assert parse('budget "Eksempel" period 2020..2021\n').budget.header.prose is None


def test_export_keeps_the_header_and_section_texts(tmp_path):
    path = tmp_path / "a.budsjett"
    path.write_text(TEXT, encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", "from budsjett_lint.checker.cli import main; main()", "export", str(path)],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    assert data["text"] == "De rødgrønne omprioriterer totalt 10 millioner."
    assert [s["text"] for s in data["sections"]] == ["Om oppvekst."]


def test_format_keeps_the_header_text():
    formatted = format_text(TEXT)
    assert "De rødgrønne omprioriterer totalt 10 millioner." in formatted
    assert parse(formatted).budget.header.prose.text == parse(TEXT).budget.header.prose.text
