"""The cached parser: lark's stand-alone module, keyed, written whole, and never a reason for a run to fail."""

from __future__ import annotations

import marshal
import subprocess
import sys

import pytest

from budsjett_lint.dsl import parser_cache
from budsjett_lint.dsl.parser import _GRAMMAR, _OPTIONS
from budsjett_lint.dsl.parser_cache import cache_header, cache_key, load_runtime
from tests.conftest import PROPOSAL, ROOT


@pytest.fixture(autouse=True)
def cache_in(tmp_path, monkeypatch):
    monkeypatch.setenv("BUDSJETT_LINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setitem(sys.modules, parser_cache.MODULE, sys.modules[parser_cache.MODULE])  # the parser's, after
    return tmp_path / "cache"


def load(grammar: str = _GRAMMAR):
    return load_runtime(grammar, _OPTIONS)


def tree(runtime) -> str:
    """The proposal as the module's parser reads it (a tree: no transformer)."""
    return runtime.Lark_StandAlone().parse(PROPOSAL.read_text(encoding="utf-8")).pretty()


def test_the_first_run_builds_and_the_next_loads_the_same_parser(cache_in):
    built, cached = load()
    assert not cached
    assert [p.name for p in cache_in.iterdir()] == [f"parser-{cache_key(cache_header(_GRAMMAR, _OPTIONS))}.bin"]
    loaded, cached = load()
    assert cached
    assert tree(loaded) == tree(built)
    assert "Entry" not in tree(loaded) and "entry" in tree(loaded)


@pytest.mark.parametrize("damage", ["empty", "garbage", "header only", "cut short", "not code"])
def test_a_broken_cache_is_built_again_and_replaced(cache_in, damage):
    load()
    (path,) = cache_in.iterdir()
    data = path.read_bytes()
    header = cache_header(_GRAMMAR, _OPTIONS)
    path.write_bytes({
        "empty": b"",
        "garbage": b"garbage\n",
        "header only": header,
        "cut short": data[: len(data) // 2],
        "not code": header + b"\x80\x05junk",
    }[damage])
    runtime, cached = load()
    assert not cached
    assert tree(runtime)
    assert load()[1], "the broken file was replaced by a whole one"


def test_a_module_that_fails_to_run_is_built_again(cache_in):
    load()
    (path,) = cache_in.iterdir()
    header = cache_header(_GRAMMAR, _OPTIONS)
    path.write_bytes(header + marshal.dumps(compile("raise RuntimeError('stale')", "<test>", "exec")))
    runtime, cached = load()
    assert not cached and tree(runtime)
    assert sys.modules[parser_cache.MODULE] is runtime


def test_a_file_for_another_grammar_is_not_run(cache_in):
    load()
    (path,) = cache_in.iterdir()
    changed = _GRAMMAR + "\n// changed"
    path.rename(path.with_name(f"parser-{cache_key(cache_header(changed, _OPTIONS))}.bin"))
    _, cached = load(changed)
    assert not cached, "the file starts with all it was made for, compared before it runs"


def test_the_header_follows_grammar_options_lark_and_python(monkeypatch):
    header = cache_header(_GRAMMAR, _OPTIONS)
    assert cache_header(_GRAMMAR, dict(_OPTIONS)) == header
    assert cache_header(_GRAMMAR + " ", _OPTIONS) != header
    assert cache_header(_GRAMMAR, {**_OPTIONS, "keep_all_tokens": False}) != header
    monkeypatch.setattr(parser_cache, "lark_stamp", lambda: "another lark")
    assert cache_header(_GRAMMAR, _OPTIONS) != header
    monkeypatch.undo()
    monkeypatch.setattr(sys.implementation, "cache_tag", "another-python")
    assert cache_header(_GRAMMAR, _OPTIONS) != header
    assert cache_key(header) != cache_key(header + b" ")


def test_the_lark_stamp_changes_when_lark_is_installed_again(tmp_path, monkeypatch):
    package = tmp_path / "site" / "lark"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('__version__ = "1.0.0"\n')
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.delitem(sys.modules, "lark", raising=False)
    before = parser_cache.lark_stamp()
    (package / "__init__.py").write_text('__version__ = "1.0.10"\n')
    assert parser_cache.lark_stamp() != before


def test_an_unwritable_cache_folder_only_costs_the_build(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BUDSJETT_LINT_CACHE_DIR", str(blocker / "cache"))
    runtime, cached = load()
    assert not cached and tree(runtime)


def test_writing_leaves_no_temporary_files(cache_in):
    load()
    load()
    assert len(list(cache_in.iterdir())) == 1


def test_the_default_folder_is_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("BUDSJETT_LINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert parser_cache.cache_dir() == tmp_path / "budsjett-lint"


def test_a_check_with_a_cached_parser_does_not_import_lark(cache_in):
    """The point of the stand-alone module: a run imports neither lark's grammar compiler nor lark."""
    program = ("import sys; from budsjett_lint.dsl import parse; "
               "r = parse(open(sys.argv[1], encoding='utf-8').read()); "
               "print(len(r.budget.statements), len(r.problems), sorted(m for m in sys.modules if m.split('.')[0] == 'lark'))")
    env_run = [sys.executable, "-c", program, str(PROPOSAL)]
    first = subprocess.run(env_run, capture_output=True, text=True, cwd=ROOT, check=True)
    second = subprocess.run(env_run, capture_output=True, text=True, cwd=ROOT, check=True)
    assert first.stdout.split()[:2] == second.stdout.split()[:2]
    assert "'lark'" in first.stdout, "the first run builds the parser with lark"
    assert second.stdout.endswith("[]\n"), second.stdout


#: What the parser takes from the module (`dsl/parser.py`).
NAMES = ("Token", "Transformer", "UnexpectedCharacters", "UnexpectedEOF", "UnexpectedInput", "UnexpectedToken",
         "VisitError", "Lark_StandAlone")


def test_where_lark_cannot_make_its_module_lark_itself_parses(cache_in, monkeypatch):
    def cannot(grammar, options):
        raise OSError("lark's sources are not on disk")

    standalone, _ = load()
    monkeypatch.setattr(parser_cache, "generate", cannot)
    (cache_in / next(cache_in.iterdir()).name).unlink()
    runtime, cached = load()
    assert not cached and not list(cache_in.iterdir())
    assert all(hasattr(runtime, name) and hasattr(standalone, name) for name in NAMES)
    assert tree(runtime) == tree(standalone)
    with pytest.raises(runtime.UnexpectedInput):
        runtime.Lark_StandAlone().parse('item "x" = 3')
