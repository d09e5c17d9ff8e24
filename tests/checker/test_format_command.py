"""`budsjett-lint format` through the installed command: rewriting, --check, --diff,
standard input, configuration, the refusal on syntax errors, and atomic writes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from budsjett_lint.checker.editor.formatter import format_text

COMMAND = str(Path(sys.executable).with_name("budsjett-lint"))
MESSY = 'budget "E"   period 2020..2021\nitem "A" oppvekst 2021=7.0 2020=3.50  # c\n'
TIDY = 'budget "E"\n  period 2020..2021\nitem "A" oppvekst 2020=3.5 2021=7  # c\n'
BROKEN = 'budget "E" period 2020..2021\nitem "A" oppvekst 2020 = 1\n  heading   1\n'


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None):
    return subprocess.run([COMMAND, *args], input=stdin, capture_output=True, cwd=cwd, timeout=120,
                          env={**os.environ, **(env or {})})


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = tmp_path / "proposal.budsjett"
    path.write_bytes(MESSY.encode())
    return path


def test_format_rewrites_the_file(messy):
    r = run("format", str(messy))
    assert r.returncode == 0, r.stderr
    assert messy.read_text() == TIDY
    assert b"1 file reformatted" in r.stderr
    r = run("format", str(messy))
    assert r.returncode == 0 and messy.read_text() == TIDY and b"1 file left unchanged" in r.stderr


def test_format_keeps_the_files_permissions(messy):
    messy.chmod(0o640)
    assert run("format", str(messy)).returncode == 0
    assert (messy.stat().st_mode & 0o777) == 0o640


def test_check_lists_what_would_change_and_writes_nothing(messy, tmp_path):
    tidy = tmp_path / "tidy.budsjett"
    tidy.write_text(TIDY)
    r = run("format", "--check", str(tmp_path))
    assert r.returncode == 1
    assert r.stdout.decode() == f"would reformat {messy}\n"
    assert messy.read_bytes() == MESSY.encode()
    assert run("format", "--check", str(tidy)).returncode == 0


def test_diff_prints_a_unified_diff_and_writes_nothing(messy):
    r = run("format", "--diff", str(messy))
    assert r.returncode == 1
    assert r.stdout.decode() == textwrap.dedent(f'''\
        --- {messy}
        +++ {messy}
        @@ -1,2 +1,3 @@
        -budget "E"   period 2020..2021
        -item "A" oppvekst 2021=7.0 2020=3.50  # c
        +budget "E"
        +  period 2020..2021
        +item "A" oppvekst 2020=3.5 2021=7  # c
    ''')
    assert messy.read_bytes() == MESSY.encode()
    messy.write_text(TIDY)
    r = run("format", "--diff", str(messy))
    assert (r.returncode, r.stdout) == (0, b"")


def test_standard_input_to_standard_output():
    r = run("format", "-", stdin=MESSY.encode())
    assert (r.returncode, r.stdout.decode()) == (0, TIDY)
    r = run("format", "-", stdin=TIDY.encode())
    assert (r.returncode, r.stdout.decode()) == (0, TIDY)
    r = run("format", "--check", "-", stdin=MESSY.encode())
    assert (r.returncode, r.stdout) == (1, b"would reformat -\n")


def test_crlf_and_byte_order_mark_survive_the_command(tmp_path):
    path = tmp_path / "windows.budsjett"
    path.write_bytes(("\ufeff" + MESSY.replace("\n", "\r\n")).encode())
    assert run("format", str(path)).returncode == 0
    assert path.read_bytes() == ("\ufeff" + TIDY.replace("\n", "\r\n")).encode()


def test_a_file_with_syntax_errors_is_reported_and_left_byte_for_byte(tmp_path):
    path = tmp_path / "broken.budsjett"
    path.write_bytes(BROKEN.encode())
    before = path.stat()
    for args in ([], ["--check"], ["--diff"]):
        r = run("format", *args, str(path))
        assert r.returncode == 1
        assert f"{path}:2:19: SYN001 unexpected `2020`".encode() in r.stderr
        assert b"not formatted: it has syntax errors; the file is left as it was" in r.stderr
        assert r.stdout == b""
    assert path.read_bytes() == BROKEN.encode()
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    r = run("format", "-", stdin=BROKEN.encode())
    assert (r.returncode, r.stdout) == (1, b"")


def test_a_file_that_is_not_utf8_is_reported_and_left(tmp_path):
    path = tmp_path / "latin1.budsjett"
    data = 'item "Miljø" 2020=1\n'.encode("latin-1")
    path.write_bytes(data)
    r = run("format", str(path))
    assert r.returncode == 1 and b"SYN007" in r.stderr and path.read_bytes() == data


def test_configuration_is_found_as_check_finds_it(tmp_path, messy):
    (tmp_path / "pyproject.toml").write_text("[tool.budsjett-lint.format]\nindent = 4\nalign = false\n")
    assert run("format", str(messy)).returncode == 0
    assert messy.read_text() == TIDY.replace("  period", "    period")
    (tmp_path / "pyproject.toml").write_text("[tool.budsjett-lint.format]\nindent = 0\n")
    r = run("format", str(messy))
    assert r.returncode == 2 and b"format.indent: expected a whole number from 1 to 8, got 0" in r.stderr


def test_a_missing_file_is_an_error():
    r = run("format", "/nonexistent/x.budsjett")
    assert r.returncode == 2 and b"no such file or folder" in r.stderr


# -- atomic writes: a run that dies or fails while writing leaves the old file ----------

SITECUSTOMIZE = {
    # The process dies after the new text is written to the temporary file, before the rename.
    "killed": "import os, signal\n"
              "def replace(*a, **k):\n    os.kill(os.getpid(), signal.SIGKILL)\n"
              "os.replace = replace\n",
    # The disk is full.
    "full": "import errno, os\n"
            "def fsync(fd):\n    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))\n"
            "os.fsync = fsync\n",
}


@pytest.mark.parametrize("failure", sorted(SITECUSTOMIZE))
def test_a_write_that_fails_midway_leaves_the_old_content(tmp_path, failure):
    folder = tmp_path / "work"
    folder.mkdir()
    path = folder / "proposal.budsjett"
    path.write_bytes(MESSY.encode())
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(SITECUSTOMIZE[failure])
    r = run("format", str(path), env={"PYTHONPATH": str(hooks)})
    assert path.read_bytes() == MESSY.encode()
    if failure == "killed":
        assert r.returncode < 0  # killed by the signal
    else:
        assert r.returncode == 2
        assert f"{path}: cannot write: No space left on device; the file is left as it was".encode() in r.stderr
        assert sorted(p.name for p in folder.iterdir()) == ["proposal.budsjett"]  # no temporary file left


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_leaves_the_file(tmp_path, messy):
    tmp_path.chmod(0o555)
    try:
        r = run("format", str(messy))
    finally:
        tmp_path.chmod(0o755)
    assert r.returncode == 2 and b"cannot write" in r.stderr
    assert messy.read_bytes() == MESSY.encode()


def test_the_formatted_file_is_what_format_text_gives(messy):
    assert run("format", str(messy)).returncode == 0
    assert messy.read_text() == format_text(MESSY)


def test_a_formatter_bug_is_reported_and_nothing_is_written(monkeypatch, messy, capsys):
    from budsjett_lint.checker import cli
    from budsjett_lint.checker.editor import formatter

    monkeypatch.setattr(formatter, "spell_in_unit", lambda value, unit: "1")  # a bug that changes figures
    assert cli.main(["format", str(messy)]) == 2
    assert "not formatted: the formatted text would mean something else. This is a bug" in capsys.readouterr().err
    assert messy.read_bytes() == MESSY.encode()
