"""docs/editors.md: each editor's configuration is well formed and names the server and the language's words."""

from __future__ import annotations

import json
import re
import tomllib

from budsjett_lint.checker.editor.lexer import KEYWORDS, STATEMENT_KEYWORDS, VALUE_WORDS
from tests.conftest import ROOT

PAGE = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")


def blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", PAGE, flags=re.S)


def test_helix_configuration_is_toml_that_starts_the_server():
    [block] = blocks("toml")
    config = tomllib.loads(block)
    assert config["language"][0]["file-types"] == ["budsjett"]
    assert config["language-server"]["budsjett-lint"] == {"command": "budsjett-lint", "args": ["server"]}


def test_vscode_settings_are_json():
    for block in blocks("json"):
        assert "budsjett-lint.path" in json.loads(block)


def test_neovim_starts_the_server_for_budsjett_files():
    lua = blocks("lua")
    assert len(lua) == 2
    for block in lua:
        assert 'cmd = { "budsjett-lint", "server" }' in block
        assert block.count("(") == block.count(")") and block.count("{") == block.count("}")


def test_emacs_mode_knows_every_keyword():
    [block] = blocks("elisp")
    assert block.count("(") == block.count(")")
    lists = [set(re.findall(r'"([^"]+)"', m)) for m in re.findall(r"regexp-opt '\((.*?)\)", block, flags=re.S)]
    assert lists == [set(STATEMENT_KEYWORDS), KEYWORDS - STATEMENT_KEYWORDS, set(VALUE_WORDS)]
    assert '(budsjett-mode "budsjett-lint" "server")' in block
