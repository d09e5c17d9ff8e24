"""Incremental synchronisation, as a property: random edits sent to `budsjett-lint server` as
ranges (`TextDocumentSyncKind.Incremental`), in UTF-16 code units, several to a notification,
end in the diagnostics that the command line's check gives for the final text.

The positions are computed here on their own, from the protocol's definition (lines end at CRLF,
CR or LF; a character is counted in UTF-16 code units; a position past a line's end is its end),
not with the server's `LineIndex`. The client is the few lines of JSON-RPC of `bench/editor.py`,
so that Hypothesis drives a synchronous test.
"""

from __future__ import annotations

import gc
import os
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.editor import Client
from budsjett_lint.checker.engine import check_text
from tests.strategies import documents

SERVER = [str(Path(sys.executable).with_name("budsjett-lint")), "server"]
_BREAK = re.compile(r"\r\n|\r|\n")

# What a typist, a paste or an editor's own edits put in: pieces of the language, line ends of
# every kind, letters outside ASCII and outside the Basic Multilingual Plane (two UTF-16 units),
# and the characters `str.splitlines` would take for line ends.
PIECES = ['"', '"""', "#", "?", "=", "2020=", "2021=-1", "item ", "cover ", "\n", "\r\n", "\r", " heading 3 ",
          "<->", "æøå", "🙂", "𝄞", "\t", "-", " halfyear", 'cover "X" 2020=1\n', "\u2028", "\x0c", "  ", "..",
          'directive "D" kultur cost ?\n', "# budsjett-lint: ignore[BAL001]"]
inserts = st.lists(st.sampled_from(PIECES), max_size=3).map("".join)
edits = st.tuples(st.floats(0, 1), st.floats(0, 1), inserts, st.booleans())
notifications = st.lists(st.lists(edits, min_size=1, max_size=3), min_size=1, max_size=8)
texts = st.one_of(documents(max_entries=6), documents(max_entries=6).map(lambda t: t.replace("\n", "\r\n")))


def utf16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def lines(text: str) -> list[tuple[int, int]]:
    """Where each line starts and ends (its line end left out), by the protocol's line ends."""
    found, start = [], 0
    for m in _BREAK.finditer(text):
        found.append((start, m.start()))
        start = m.end()
    return [*found, (start, len(text))]


def position(text: str, offset: int) -> dict:
    line = next(i for i, (s, e) in reversed(list(enumerate(lines(text)))) if s <= offset)
    start, end = lines(text)[line]
    return {"line": line, "character": utf16(text[start:min(offset, end)])}


def choose(text: str, fraction: float) -> int:
    """An offset the protocol can name: none between the CR and the LF of a CRLF."""
    offset = round(fraction * len(text))
    return offset - 1 if 0 < offset < len(text) and text[offset - 1:offset + 1] == "\r\n" else offset


def change(text: str, edit) -> tuple[str, dict]:
    """The text after one edit, and the change as the protocol says it."""
    a, b, insert, past_end = edit
    start, end = sorted((choose(text, a), choose(text, b)))
    first, last = position(text, start), position(text, end)
    if past_end:  # from the end of the start's line, written as a character far past it
        start = lines(text)[first["line"]][1]
        end = max(end, start)
        first = {"line": first["line"], "character": first["character"] + 999}
        last = position(text, end)
    return text[:start] + insert + text[end:], {"range": {"start": first, "end": last}, "text": insert}


def expected(text: str, path: str) -> list[tuple]:
    found = []
    for d in check_text(text, path).diagnostics:
        message = d.message + (f"\nhelp: {d.hint}" if d.hint else "")
        found.append((d.code, position(text, d.span.start), position(text, d.span.end), message))
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("increments")
    client = Client(SERVER)
    reply = client.request("initialize", {"processId": os.getpid(), "rootUri": root.as_uri(), "capabilities": {}})
    assert reply["result"]["capabilities"]["textDocumentSync"]["change"] == 2  # Incremental
    client.send({"method": "initialized", "params": {}})
    client.root = root
    client.documents = 0
    yield client
    client.close()


def published(client: Client, uri: str, version: int) -> list[dict]:
    _, message = client.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                             and m["params"]["uri"] == uri and m["params"].get("version") == version)
    return message["params"]["diagnostics"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(text=texts, sent=notifications)
def test_random_increments_end_in_what_the_command_line_finds(server: Client, text: str, sent) -> None:
    server.documents += 1
    path = server.root / f"doc{server.documents}.budsjett"
    uri = path.as_uri()
    server.send({"method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "budsjett", "version": 1, "text": text}}})
    version = 1
    for group in sent:
        changes = []
        for edit in group:
            text, one = change(text, edit)
            changes.append(one)
        version += 1
        server.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": changes}})
    diagnostics = published(server, uri, version)
    server.send({"method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}})
    got = [(d["code"], d["range"]["start"], d["range"]["end"], d["message"]) for d in diagnostics]
    assert got == expected(text, str(path))


def test_the_reference_positions_count_as_the_protocol_does():
    """The test's own positions, on the cases that matter: CRLF, CR, UTF-16 pairs, U+2028."""
    text = "æ🙂b\r\nc\rd\u2028e\n"
    assert position(text, 3) == {"line": 0, "character": 4}  # 🙂 is two units
    assert position(text, 5) == {"line": 1, "character": 0}
    assert position(text, 7) == {"line": 2, "character": 0}  # a lone CR ends a line
    assert position(text, 10) == {"line": 2, "character": 3}  # U+2028 does not
    assert choose(text, 4 / len(text)) == 3  # not between CR and LF
    assert change("ab\ncd", (0.2, 0.2, "X", True)) == ("abX\ncd", {
        "range": {"start": {"line": 0, "character": 1000}, "end": {"line": 0, "character": 2}}, "text": "X"})


def test_an_analysis_holds_no_reference_cycle_so_freezing_it_leaks_nothing(monkeypatch):
    """The server freezes each analysis out of the cycle collector's way and pauses the collector
    while it checks (`analyse`), counting on reference counting to free an analysis once its text
    changes: that holds only while a check makes no garbage cycle and an analysis holds none."""
    from pygls.workspace.position_codec import PositionCodec

    from budsjett_lint.checker.config import Config
    from budsjett_lint.checker.editor.server import analyse

    text = (Path(__file__).parents[2] / "proposal.budsjett").read_text(encoding="utf-8")
    codec = PositionCodec("utf-16")
    analyse("file:///p.budsjett", 1, text, "p.budsjett", Config(), codec)  # the caches filled first
    assert gc.isenabled()  # the collector runs again after a check
    monkeypatch.setattr(gc, "freeze", lambda: None)  # what is frozen the collector would not count
    gc.collect()
    gc.disable()
    try:
        for changed in (text + "# endret\n", text.replace("2020=", "2020=x", 20), text[:9000] + '"""'):
            analysis = analyse("file:///p.budsjett", 2, changed, "p.budsjett", Config(), codec)
            assert analysis.diagnostics and analysis.budget.statements
            assert gc.collect() == 0  # the check made no garbage cycle
            del analysis
            assert gc.collect() == 0  # and the analysis, dropped, is freed whole by reference counting
    finally:
        gc.enable()
