"""The VS Code extension: valid manifests, a TextMate grammar that knows the language and agrees with the lexer."""

from __future__ import annotations

import json
import re

import pytest
from pygments.token import Comment, Keyword, Name, Number, Operator, String

from budsjett_lint.checker.editor.lexer import KEYWORDS, STATEMENT_KEYWORDS, VALUE_WORDS, BudsjettLexer
from budsjett_lint.dsl.model import BUILTIN_SECTORS
from tests.checker.test_lexer import BLOCKS
from tests.conftest import PROPOSAL, ROOT

VSCODE = ROOT / "editors" / "vscode"


def load(name: str) -> dict:
    return json.loads((VSCODE / name).read_text(encoding="utf-8"))


GRAMMAR = load("syntaxes/budsjett.tmLanguage.json")


def rules(patterns: list[dict]) -> list[dict]:
    """The grammar's patterns in order, includes resolved."""
    out = []
    for p in patterns:
        if "include" in p:
            out.extend(rules([GRAMMAR["repository"][p["include"].lstrip("#")]]))
        elif "patterns" in p and "match" not in p and "begin" not in p:
            out.extend(rules(p["patterns"]))
        else:
            out.append(p)
    return out


RULES = rules(GRAMMAR["patterns"])


def compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.MULTILINE)  # TextMate matches line by line: `$` ends a line


def words(scope: str) -> set[str]:
    """The alternatives of the word list whose rule has this scope."""
    [rule] = [r for r in RULES if r.get("name") == scope and "(?:" in r.get("match", "")]
    return set(re.search(r"\(\?:([^()]*)\)", rule["match"]).group(1).split("|"))


def test_manifests_are_valid_json():
    package = load("package.json")
    assert package["main"] == "./dist/extension.js" and "extension.js" in package["scripts"]["bundle"]
    assert package["contributes"]["languages"][0]["extensions"] == [".budsjett"]
    assert package["contributes"]["grammars"][0]["scopeName"] == GRAMMAR["scopeName"]
    assert "vscode-languageclient" in package["dependencies"]
    configuration = load("language-configuration.json")
    assert configuration["comments"]["lineComment"] == "#"
    assert (VSCODE / package["contributes"]["grammars"][0]["path"]).is_file()


def test_every_regex_compiles():
    assert len(RULES) >= 10
    for rule in RULES:
        for key in ("match", "begin", "end"):
            if key in rule:
                compiled(rule[key])


def test_keyword_lists_match_the_language():
    assert words("keyword.control.statement.budsjett") == STATEMENT_KEYWORDS
    assert words("keyword.other.attribute.budsjett") == KEYWORDS - STATEMENT_KEYWORDS
    assert words("constant.language.budsjett") == set(VALUE_WORDS)
    assert words("support.constant.area.budsjett") == {s.id for s in BUILTIN_SECTORS}


def textmate_scopes(text: str) -> list[str | None]:
    """A small TextMate engine: at each point the rule whose match starts first wins, ties by order."""
    scopes: list[str | None] = [None] * len(text)
    pos = 0
    while pos < len(text):
        found = [(m.start(), i, m) for i, r in enumerate(RULES)
                 if (m := compiled(r.get("match") or r["begin"]).search(text, pos))]
        if not found:
            break
        _, i, m = min(found, key=lambda f: (f[0], f[1]))
        rule = RULES[i]
        end = m.end()
        if "begin" in rule:
            close = compiled(rule["end"]).search(text, m.end())
            end = close.end() if close else len(text)
        for k in range(m.start(), end):
            scopes[k] = rule.get("name")
        for group, capture in rule.get("captures", {}).items():
            for k in range(m.start(int(group)), m.end(int(group))):
                scopes[k] = capture["name"]
        pos = max(end, pos + 1)
    return scopes


PYGMENTS_TO_TEXTMATE = {
    Keyword: "keyword.control.statement", Name.Attribute: "keyword.other.attribute",
    Keyword.Constant: "constant.language", Name.Builtin: "support.constant.area", Name: "variable.other.area",
    String: "string.quoted.double", String.Doc: "string.quoted.triple", Comment.Single: "comment.line.number-sign",
    Comment.Special: "comment.line.suppression", Number.Integer: "constant.numeric.year", Number: "constant.numeric",
    Operator: "keyword.operator",
}


def lexer_scopes(text: str) -> list[str | None]:
    scopes: list[str | None] = [None] * len(text)
    for index, token, value in BudsjettLexer().get_tokens_unprocessed(text):
        for k in range(index, index + len(value)):
            scopes[k] = PYGMENTS_TO_TEXTMATE.get(token)
    return scopes


TRICKY = (
    'item "Navn # med kryss" oppvekst 2020=400 000 kr 2021..2022=? heading 0.4  # merknad\n'
    '  text """\n    item "ikke en linje" # ikke en kommentar\n  """\n'
    '# budsjett-lint: ignore[BAL001]\n'
    'cover "Innkjøp" 2020=3,5 exempt oppvekst byutvikling-2 total -365 from "Fond\n'
    'funds "A" -> "B" 2020=1\noffset "A" <-> "B"\nbudget "X" period 2020..2023 unit kr\n'
)


SAMPLES = BLOCKS + [("tricky", TRICKY)] + ([("proposal", PROPOSAL.read_text(encoding="utf-8"))]
                                           if PROPOSAL.exists() else [])


@pytest.mark.parametrize("block", [b for _, b in SAMPLES], ids=[name for name, _ in SAMPLES])
def test_the_grammar_highlights_as_the_lexer_does(block):
    textmate = [s.removesuffix(".budsjett") if s else None for s in textmate_scopes(block)]
    lexer = lexer_scopes(block)
    differ = [(k, block[k], t, p) for k, (t, p) in enumerate(zip(textmate, lexer, strict=True))
              if t != p and not block[k].isspace()]
    assert differ == []
