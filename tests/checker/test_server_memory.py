"""What the editor server keeps between keystrokes: nothing that grows with their number.

Driven in-process, through the protocol's own message handling, so that what pygls files away
for each message can be counted (a server over pipes would show it only as slowly rising memory).
"""

from __future__ import annotations

import asyncio
import gc
import weakref

from budsjett_lint.checker.editor import server as server_module
from budsjett_lint.checker.editor.server import BudsjettServer

URI = "file:///tmp/budsjett-memory/plan.budsjett"


def _notify(protocol, method: str, params: dict) -> None:
    protocol.handle_message(protocol.structure_message({"jsonrpc": "2.0", "method": method, "params": params}))


def _started() -> tuple[BudsjettServer, object]:
    """The server that `budsjett-lint server` runs, its features registered, without a client."""
    server = server_module.server
    protocol = server.protocol
    protocol._send_data = lambda data: None  # no client: what the server says is let go
    protocol.handle_message(protocol.structure_message({
        "jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"processId": None, "rootUri": None, "capabilities": {}}}))
    return server, protocol


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_notifications_leave_no_futures_behind():
    async def run() -> tuple[int, int]:
        server, protocol = _started()
        await asyncio.sleep(0.05)
        _notify(protocol, "textDocument/didOpen", {"textDocument": {
            "uri": URI, "languageId": "budsjett", "version": 1, "text": 'item "A" oppvekst 2020=1\n'}})
        for version in range(2, 202):
            _notify(protocol, "textDocument/didChange", {
                "textDocument": {"uri": URI, "version": version},
                "contentChanges": [{"range": {"start": {"line": 0, "character": 23},
                                              "end": {"line": 0, "character": 23}}, "text": "0"}]})
        await asyncio.sleep(0.3)  # the last check, after the debounce
        document = server.workspace.get_text_document(URI)
        kept = len(protocol._request_futures)
        _notify(protocol, "textDocument/didClose", {"textDocument": {"uri": URI}})
        await asyncio.sleep(0.05)
        return kept + len(protocol._request_futures), len(document.source)

    kept, length = asyncio.run(run())
    assert length == len('item "A" oppvekst 2020=1\n') + 200  # every keystroke arrived
    assert kept == 0  # pygls 2.1 kept one future a notification (201 here) for the life of the server


def test_garbage_frozen_with_an_analysis_is_collected_once_the_editor_is_idle(monkeypatch):
    """A cycle that became garbage while a check ran is frozen with the analysis (`gc.freeze`), out of
    every collection's reach: the server collects such garbage when no document has changed for a
    while. The cycle here is frozen by hand, as a check freezes what the protocol's thread made."""
    monkeypatch.setattr(server_module, "TIDY_SECONDS", 0.2)

    async def run() -> tuple[bool, bool]:
        server, protocol = _started()
        await asyncio.sleep(0.05)
        _notify(protocol, "textDocument/didOpen", {"textDocument": {
            "uri": URI, "languageId": "budsjett", "version": 1, "text": 'item "A" oppvekst 2020=1\n'}})
        cycle = _Cycle()
        ref = weakref.ref(cycle)
        del cycle
        gc.freeze()
        gc.collect()
        frozen = ref() is not None  # the collector does not see it
        for version in range(2, 5):  # typing: the server collects only once it stops
            _notify(protocol, "textDocument/didChange", {
                "textDocument": {"uri": URI, "version": version},
                "contentChanges": [{"text": f'item "A" oppvekst 2020={version}\n'}]})
            await asyncio.sleep(0.1)
        while_typing = ref() is not None
        await asyncio.sleep(0.6)  # the debounce, the check, and the idle time
        _notify(protocol, "textDocument/didClose", {"textDocument": {"uri": URI}})
        return frozen and while_typing, ref() is None

    try:
        kept_while_busy, collected = asyncio.run(run())
    finally:
        gc.unfreeze()
    assert kept_while_busy
    assert collected


def test_garbage_frozen_with_the_analyses_is_collected_while_the_typing_goes_on(monkeypatch):
    """Typing that never pauses long enough: the server collects after so many checks all the same."""
    monkeypatch.setattr(server_module, "TIDY_SECONDS", 60.0)
    monkeypatch.setattr(server_module, "TIDY_CHECKS", 3)

    async def run() -> tuple[list[bool], int]:
        server, protocol = _started()
        server.untidy_checks = 0
        await asyncio.sleep(0.05)
        _notify(protocol, "textDocument/didOpen", {"textDocument": {
            "uri": URI, "languageId": "budsjett", "version": 1, "text": 'item "A" oppvekst 2020=1\n'}})
        await asyncio.sleep(0.2)  # the first check
        cycle = _Cycle()
        ref = weakref.ref(cycle)
        del cycle
        gc.freeze()
        alive = []
        for version in range(2, 5):  # each change checked and published before the next
            _notify(protocol, "textDocument/didChange", {
                "textDocument": {"uri": URI, "version": version},
                "contentChanges": [{"text": f'item "A" oppvekst 2020={version}\n'}]})
            await asyncio.sleep(0.4)
            alive.append(ref() is not None)
        _notify(protocol, "textDocument/didClose", {"textDocument": {"uri": URI}})
        return alive, server.untidy_checks

    try:
        alive, since = asyncio.run(run())
    finally:
        gc.unfreeze()
    assert alive == [True, False, False]  # collected with the third check since the last collection
    assert since == 1
