"""The cached parser: keyed, written whole, and never a reason for a run to fail."""

from __future__ import annotations

import lark
import pytest

from budsjett_lint.dsl import parser_cache
from budsjett_lint.dsl.parser import _GRAMMAR, _OPTIONS, _Builder
from budsjett_lint.dsl.parser_cache import cache_key, load_parser
from tests.conftest import PROPOSAL


@pytest.fixture(autouse=True)
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv("BUDSJETT_LINT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def load():
    builder = _Builder()
    parser, cached = load_parser(_GRAMMAR, _OPTIONS, transformer=builder, lexer_callbacks={})
    return parser, cached


def statements(parser) -> list:
    return parser.parse(PROPOSAL.read_text(encoding="utf-8"))


def test_the_first_run_builds_and_the_next_loads_the_same_parser(cache_in):
    built, cached = load()
    assert not cached
    assert [p.name for p in cache_in.iterdir()] == [f"parser-{cache_key(_GRAMMAR, _OPTIONS)}.pickle"]
    loaded, cached = load()
    assert cached
    assert statements(loaded) == statements(built)


@pytest.mark.parametrize("damage", [b"", b"garbage\n", b"not a key\n" + b"\x80\x05junk", None])
def test_a_broken_cache_is_built_again_and_replaced(cache_in, damage):
    load()
    (path,) = cache_in.iterdir()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2] if damage is None else damage)
    parser, cached = load()
    assert not cached
    assert statements(parser)
    assert load()[1], "the broken file was replaced by a whole one"


def test_a_file_for_another_grammar_is_not_read(cache_in):
    load()
    (path,) = cache_in.iterdir()
    key = cache_key(_GRAMMAR, _OPTIONS)
    other = cache_key(_GRAMMAR + "\n// changed", _OPTIONS)
    path.rename(path.with_name(f"parser-{other}.pickle"))
    assert other != key
    _, cached = load_parser(_GRAMMAR + "\n// changed", _OPTIONS)
    assert not cached, "the file starts with the key it was written for"


def test_the_key_follows_grammar_options_and_versions(monkeypatch):
    key = cache_key(_GRAMMAR, _OPTIONS)
    assert cache_key(_GRAMMAR, dict(_OPTIONS)) == key
    assert cache_key(_GRAMMAR + " ", _OPTIONS) != key
    assert cache_key(_GRAMMAR, {**_OPTIONS, "keep_all_tokens": False}) != key
    monkeypatch.setattr(lark, "__version__", "0.0.1")
    assert cache_key(_GRAMMAR, _OPTIONS) != key


def test_an_unwritable_cache_folder_only_costs_the_build(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BUDSJETT_LINT_CACHE_DIR", str(blocker / "cache"))
    parser, cached = load()
    assert not cached and statements(parser)


def test_writing_leaves_no_temporary_files(cache_in):
    load()
    load()
    assert len(list(cache_in.iterdir())) == 1


def test_the_default_folder_is_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("BUDSJETT_LINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert parser_cache.cache_dir() == tmp_path / "budsjett-lint"
