"""The parser shipped in the package: lark's stand-alone module, fresh against the grammar, and free of side effects."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from lark import Lark

from budsjett_lint.dsl import _lark_runtime, generate
from tests.conftest import PROPOSAL, ROOT


def test_the_shipped_parser_is_fresh_against_the_grammar_and_the_installed_lark():
    """Regenerated here, in another process than the one that wrote the file: the same text."""
    assert generate.TARGET.read_text(encoding="utf-8") == generate.source(), (
        "dsl/_lark_runtime.py is stale: run `python -m budsjett_lint.dsl.generate`")


def test_the_check_option_tells_a_stale_file(tmp_path, monkeypatch):
    assert generate.main(["--check"]) == 0
    stale = tmp_path / "_lark_runtime.py"
    stale.write_text(generate.TARGET.read_text(encoding="utf-8").replace("Lark", "Lurk", 1), encoding="utf-8")
    monkeypatch.setattr(generate, "TARGET", stale)
    assert generate.main(["--check"]) == 1


def test_the_renumbered_table_parses_as_lark_itself():
    text = PROPOSAL.read_text(encoding="utf-8")
    shipped = _lark_runtime.Lark_StandAlone().parse(text).pretty()
    assert shipped == Lark(generate.grammar(), **generate.OPTIONS).parse(text).pretty()
    with pytest.raises(_lark_runtime.UnexpectedInput):
        _lark_runtime.Lark_StandAlone().parse('item "x" = 3')


def test_the_order_of_the_table_does_not_depend_on_the_process():
    program = "from budsjett_lint.dsl import generate; import hashlib; print(hashlib.sha256(generate.source().encode()).hexdigest())"
    digests = {
        subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True, cwd=ROOT,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1


PROGRAM = ("import sys; from budsjett_lint.dsl import parse; "
           "r = parse(open(sys.argv[1], encoding='utf-8').read()); "
           "print(len(r.budget.statements), sorted(m for m in sys.modules if m.split('.')[0] == 'lark'))")


def test_a_run_imports_no_lark_and_writes_nothing_to_the_users_cache(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    runs = [subprocess.run([sys.executable, "-c", PROGRAM, str(PROPOSAL)], capture_output=True, text=True,
                           cwd=ROOT, env=env, check=True).stdout for _ in range(2)]
    assert runs[0] == runs[1], "the first run is the same as the next"
    assert runs[0].endswith(" []\n"), runs[0]
    assert not list(home.iterdir())


def test_no_home_and_no_user_name_is_no_problem():
    """With HOME unset, Python asks the password database for a home folder; a uid it does not know has none."""
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME", "BUDSJETT_LINT_CACHE_DIR")}
    unknown_uid = "import pwd\ndef getpwuid(uid): raise KeyError(f'getpwuid(): uid not found: {uid}')\npwd.getpwuid = getpwuid\n"
    result = subprocess.run([sys.executable, "-c", unknown_uid + PROGRAM, str(PROPOSAL)], capture_output=True,
                            text=True, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith(" []\n")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("setpriv"),
                    reason="only root can run as a uid without a passwd entry (with util-linux's setpriv)")
@pytest.mark.parametrize("args", [["check", "--format", "concise"], ["summary"], ["format", "--check"], ["rules"]],
                         ids=" ".join)
def test_the_command_as_a_uid_without_a_passwd_entry_and_without_home(args):
    """The real thing, not a simulated password database: a CI container's arbitrary uid with HOME unset."""
    import pwd
    uid = "54321"
    with pytest.raises(KeyError):
        pwd.getpwuid(int(uid))
    folder = Path(tempfile.mkdtemp(prefix="budsjett-no-home-"))  # pytest's tmp_path is closed to other users
    try:
        folder.chmod(0o755)
        budget = folder / "b.budsjett"
        budget.write_text('budget "B" period 2020..2021\nitem "x" kultur 2020=1\n', encoding="utf-8")
        (folder / ".budsjett-lint.yaml").write_text("", encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME")}
        command = Path(sys.executable).parent / "budsjett-lint"
        done = subprocess.run(["setpriv", "--reuid", uid, "--regid", uid, "--clear-groups", str(command), *args,
                               *([] if args == ["rules"] else [str(budget)])],
                              capture_output=True, text=True, cwd=folder, env=env, timeout=120)
    finally:
        shutil.rmtree(folder)
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    assert done.returncode == (1 if args[0] in ("check", "format") else 0), done.stderr  # format: needs formatting
    assert "BAL001" in done.stdout if args[0] == "check" else done.stdout or done.stderr


def test_a_corrupt_or_hostile_cache_folder_changes_nothing(tmp_path):
    """Issue 24: the old parser cache executed the marshalled code it found (SIGSEGV on bit flips, and code
    from whoever could write a CI cache). Fill every cache folder the tool ever used with junk and a payload."""
    cache = tmp_path / "cache"
    marker = tmp_path / "ran"
    payload = f"import pathlib; pathlib.Path({str(marker)!r}).write_text('pwned')\n"
    for folder in (cache / "budsjett-lint", tmp_path / "explicit", tmp_path / "home" / ".cache" / "budsjett-lint"):
        folder.mkdir(parents=True)
        (folder / "parser.cache").write_bytes(bytes(range(256)) * 64)
        (folder / "lark.pickle").write_bytes(b"cos\nsystem\n(S'touch " + str(marker).encode() + b"'\ntR.")
        (folder / "payload.py").write_text(payload, encoding="utf-8")
    env = {**os.environ, "HOME": str(tmp_path / "home"), "XDG_CACHE_HOME": str(cache),
           "BUDSJETT_LINT_CACHE_DIR": str(tmp_path / "explicit")}
    command = Path(sys.executable).parent / "budsjett-lint"
    clean = subprocess.run([str(command), "check", "--format", "json", str(PROPOSAL)], capture_output=True, text=True,
                           cwd=ROOT, timeout=120)
    hostile = subprocess.run([str(command), "check", "--format", "json", str(PROPOSAL)], capture_output=True,
                             text=True, cwd=ROOT, env=env, timeout=120)
    assert (hostile.returncode, hostile.stdout, hostile.stderr) == (clean.returncode, clean.stdout, clean.stderr)
    assert not marker.exists()


def test_the_shipped_parser_does_not_import_regex():
    """lark's stand-alone module imports the `regex` package where it is installed (11 ms a run);
    the grammar's patterns are `re`'s, so the shipped module does not."""
    import ast

    import budsjett_lint.dsl._lark_runtime as runtime

    tree = ast.parse(Path(runtime.__file__).read_text(encoding="utf-8"))
    top = [n for n in tree.body if isinstance(n, (ast.Import, ast.Try))]
    imported = {a.name for n in top for i in ([n] if isinstance(n, ast.Import) else n.body)
                if isinstance(i, ast.Import) for a in i.names}
    assert "re" in imported and "regex" not in imported
