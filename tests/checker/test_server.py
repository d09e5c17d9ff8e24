"""End to end: pytest-lsp drives `budsjett-lint server` over stdio, as an editor would.

One server serves the whole module; each test opens its own document.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import itertools
import json
import random
import re
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from budsjett_lint.checker.editor.editor import TOKEN_MODIFIERS, TOKEN_TYPES
from budsjett_lint.checker.engine import check_text

pytestmark = pytest.mark.asyncio(loop_scope="module")

SERVER = [str(Path(sys.executable).with_name("budsjett-lint")), "server"]

DOC = '''\
budget "Eksempel" period 2020..2021
section "Oppvekst" oppvekst
item "Toppet bemanning" oppvekst 2020=3.5 2021=7.0 halfyear
  text """
    Vi setter av 3,5 millioner.
  """
cover "Redusert vikarinnleie" oppvekst 2020=1 2021=2
offset "Toppet bemanning" <-> "Redusert vikarinnleie"
section "Finans"
fund "Disposisjonsfondet"
draw "Bruk av fond" 2020=2.5 2021=5 from "Disposisjonsfondet"
directive "Bostøtte" arbeid cost none funded-by "Redusert vikarinnleie"
'''


class Published:
    """Every publishDiagnostics the client receives, with its version, in order."""

    def __init__(self, client: LanguageClient):
        self.client = client
        self.seen: list[lsp.PublishDiagnosticsParams] = []
        self._arm()

    def _arm(self) -> None:
        # The callback runs while the notification is handled, so no notification slips past.
        self.client.protocol.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, callback=self._got)

    def _got(self, params: lsp.PublishDiagnosticsParams) -> None:
        self.seen.append(params)
        self._arm()

    def stop(self) -> None:
        # Before the server exits: pytest-lsp fails a notification still awaited then, and logs it.
        self.client.protocol._notification_futures.pop(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS, None)

    def latest(self, uri: str) -> lsp.PublishDiagnosticsParams | None:
        return next((p for p in reversed(self.seen) if p.uri == uri), None)

    async def wait(self, uri: str, version: int | None) -> list[lsp.Diagnostic]:
        async def arrived() -> list[lsp.Diagnostic]:
            while True:
                found = next((p for p in self.seen if p.uri == uri and p.version == version), None)
                if found is not None:
                    return list(found.diagnostics)
                await asyncio.sleep(0.01)

        return await asyncio.wait_for(arrived(), timeout=30)


async def start(lsp_client: LanguageClient, tmp_path_factory, editor: str):
    root = tmp_path_factory.mktemp("workspace")
    lsp_client.initialized_with = await lsp_client.initialize_session(lsp.InitializeParams(
        capabilities=client_capabilities(editor), root_uri=root.as_uri()))
    lsp_client.root = root
    lsp_client.published = Published(lsp_client)


async def stop(lsp_client: LanguageClient):
    lsp_client.published.stop()
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient, tmp_path_factory):
    await start(lsp_client, tmp_path_factory, "visual-studio-code")
    yield
    await stop(lsp_client)


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER))
async def neovim(lsp_client: LanguageClient, tmp_path_factory):
    await start(lsp_client, tmp_path_factory, "neovim")
    yield
    await stop(lsp_client)


_numbers = itertools.count()


class Doc:
    """An open document: its text and version, kept in step with the server's."""

    def __init__(self, client: LanguageClient, text: str, folder: Path | None = None):
        self.client = client
        self.path = (folder or client.root) / f"doc{next(_numbers)}.budsjett"
        self.uri = self.path.as_uri()
        self.text = text
        self.version = 1
        client.text_document_did_open(lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=self.uri, language_id="budsjett", version=1, text=text)))

    def change(self, text: str) -> None:
        self.text = text
        self.version += 1
        self.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(version=self.version, uri=self.uri),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)]))

    async def diagnostics(self) -> list[lsp.Diagnostic]:
        return await self.client.published.wait(self.uri, self.version)

    def at(self, needle: str, delta: int = 1) -> lsp.Position:
        """The position `delta` characters into the first `needle` (UTF-16 units, as VS Code counts)."""
        offset = self.text.index(needle) + delta
        line = self.text.count("\n", 0, offset)
        start = self.text.rfind("\n", 0, offset) + 1
        return lsp.Position(line, utf16(self.text[start:offset]))

    def apply(self, edits: list[lsp.TextEdit]) -> str:
        """The text with the edits applied (from the last to the first)."""
        text = self.text
        for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
            text = text[: offset_of(text, e.range.start)] + e.new_text + text[offset_of(text, e.range.end):]
        return text

    def ident(self) -> lsp.TextDocumentIdentifier:
        return lsp.TextDocumentIdentifier(uri=self.uri)


async def hover(client: LanguageClient, document: lsp.TextDocumentIdentifier, position: lsp.Position):
    return await client.text_document_hover_async(lsp.HoverParams(text_document=document, position=position))


def utf16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def offset_of(text: str, p: lsp.Position) -> int:
    start = 0
    for _ in range(p.line):
        start = text.index("\n", start) + 1
    units = 0
    i = start
    while units < p.character:
        units += utf16(text[i])
        i += 1
    return i


def expected(text: str, path: Path | None = None) -> list[tuple[str, int, int, str]]:
    """What `check_text` finds, as (code, 0-based line, UTF-16 character, message) of the protocol."""
    result = []
    for d in check_text(text, str(path) if path else "-").diagnostics:
        line_start = sum(len(ln) + 1 for ln in text.split("\n")[: d.span.line - 1])
        result.append((d.code, d.span.line - 1, utf16(text[line_start: line_start + d.span.column - 1]), d.message))
    return result


def seen(diagnostics: list[lsp.Diagnostic]) -> list[tuple[str, int, int, str]]:
    return [(d.code, d.range.start.line, d.range.start.character, d.message.split("\nhelp: ")[0])
            for d in diagnostics]


def edits_of(edit: lsp.WorkspaceEdit, uri: str) -> list[lsp.TextEdit]:
    if edit.document_changes:
        return [e for change in edit.document_changes if change.text_document.uri == uri for e in change.edits]
    return list(edit.changes[uri])


# -- diagnostics -------------------------------------------------------------------------------


async def test_the_server_says_what_it_does(client: LanguageClient):
    capabilities = client.initialized_with.capabilities
    assert capabilities.text_document_sync.change == lsp.TextDocumentSyncKind.Incremental
    assert capabilities.text_document_sync.open_close and capabilities.text_document_sync.save
    assert capabilities.hover_provider and capabilities.definition_provider and capabilities.references_provider
    assert capabilities.rename_provider.prepare_provider
    assert capabilities.document_symbol_provider
    assert list(capabilities.completion_provider.trigger_characters) == ['"']
    assert list(capabilities.code_action_provider.code_action_kinds) == [lsp.CodeActionKind.QuickFix,
                                                                         "source.fixAll.budsjett"]
    tokens = capabilities.semantic_tokens_provider
    assert list(tokens.legend.token_types) == list(TOKEN_TYPES) and tokens.full.delta
    assert capabilities.position_encoding == lsp.PositionEncodingKind.Utf16
    assert client.initialized_with.server_info.name == "budsjett-lint"


async def test_diagnostics_on_open(client: LanguageClient):
    text = DOC + 'item "Toppet bemanning" kultur 2020=1\nitem "C" oppvekst 2020 = 3\n'
    doc = Doc(client, text)
    found = await doc.diagnostics()
    assert seen(found) == expected(text, doc.path)
    by_code = {d.code: d for d in found}
    syntax = by_code["SYN001"]
    assert (syntax.range.start.line, syntax.range.start.character, syntax.range.end.character) == (13, 18, 22)
    assert syntax.severity == lsp.DiagnosticSeverity.Error
    assert syntax.source == "budsjett-lint"
    assert syntax.code_description is None  # no `docs-url` set: no link to a page that may not exist
    assert "help: write amounts without spaces around `=`" in syntax.message
    duplicate = by_code["STR001"]
    assert duplicate.range.start == lsp.Position(12, 5)
    [related] = duplicate.related_information
    assert related.location == lsp.Location(doc.uri, lsp.Range(lsp.Position(2, 5), lsp.Position(2, 23)))
    assert related.message == "first used here"


async def test_diagnostics_follow_edits(client: LanguageClient):
    broken = DOC.replace("2021=5 from", "2021=4 from")
    doc = Doc(client, broken)
    assert "BAL001" in [d.code for d in await doc.diagnostics()]
    doc.change(DOC)
    assert seen(await doc.diagnostics()) == expected(DOC, doc.path)
    assert "BAL001" not in [d.code for d in client.published.latest(doc.uri).diagnostics]


async def test_diagnostics_again_on_save(client: LanguageClient):
    doc = Doc(client, DOC.replace("2021=5 from", "2021=4 from"))
    first = await doc.diagnostics()
    count = len(client.published.seen)
    client.text_document_did_save(lsp.DidSaveTextDocumentParams(text_document=doc.ident()))
    while len(client.published.seen) == count:
        await asyncio.sleep(0.01)
    assert client.published.seen[-1].uri == doc.uri
    assert list(client.published.seen[-1].diagnostics) == first


async def test_the_configuration_of_the_folder_applies(client: LanguageClient):
    folder = client.root / "configured"
    folder.mkdir()
    (folder / ".budsjett-lint.yaml").write_text("ignore: [BAL001]\n", encoding="utf-8")
    unbalanced = DOC.replace("2021=5 from", "2021=4 from")
    elsewhere, configured = Doc(client, unbalanced), Doc(client, unbalanced, folder)
    assert "BAL001" in [d.code for d in await elsewhere.diagnostics()]
    assert "BAL001" not in [d.code for d in await configured.diagnostics()]


async def test_a_broken_configuration_is_shown_and_the_defaults_apply(client: LanguageClient):
    folder = client.root / "broken"
    folder.mkdir()
    (folder / ".budsjett-lint.yaml").write_text("ignore: [NOPE01]\n", encoding="utf-8")
    doc = Doc(client, DOC.replace("2021=5 from", "2021=4 from"), folder)
    assert "BAL001" in [d.code for d in await doc.diagnostics()]
    [shown] = [m for m in client.messages if "NOPE01" in m.message]
    assert shown.type == lsp.MessageType.Error
    assert "unknown rule code or prefix 'NOPE01'" in shown.message


async def test_a_file_over_the_size_limit_is_not_checked(client: LanguageClient):
    folder = client.root / "small"
    folder.mkdir()
    (folder / ".budsjett-lint.yaml").write_text("max-file-size: 100\n", encoding="utf-8")
    doc = Doc(client, DOC.replace("2021=5 from", "2021=4 from"), folder)
    assert await doc.diagnostics() == []
    [shown] = [m for m in client.messages if doc.path.name in m.message]
    assert "larger than max-file-size (100 bytes)" in shown.message
    doc.change('budget "E" period 2020..2021\nitem "X" 2020=1\n')
    assert "BAL001" in [d.code for d in await doc.diagnostics()]


async def test_columns_are_counted_in_utf16_units(client: LanguageClient):
    text = 'budget "E" period 2020..2021\nitem "😀 Fest på Øya" kultur 2020 = 1\n'
    doc = Doc(client, text)
    [syntax] = [d for d in await doc.diagnostics() if d.code == "SYN001"]
    prefix = 'item "😀 Fest på Øya" kultur '
    assert syntax.range.start == lsp.Position(1, len(prefix) + 1)  # the emoji is two units, ø and Ø one
    assert syntax.range.end == lsp.Position(1, len(prefix) + 5)


async def test_columns_are_counted_in_the_encoding_the_client_prefers(neovim: LanguageClient):
    assert neovim.initialized_with.capabilities.position_encoding == lsp.PositionEncodingKind.Utf8
    text = 'budget "E" period 2020..2021\nitem "😀 Fest på Øya" kultur 2020 = 1\ncover "😀" 2020=1\n'
    doc = Doc(neovim, text)
    [syntax] = [d for d in await doc.diagnostics() if d.code == "SYN001"]
    prefix = 'item "😀 Fest på Øya" kultur '.encode()
    assert syntax.range.start == lsp.Position(1, len(prefix))  # the emoji is four bytes, ø and Ø two
    shown = await hover(neovim, doc.ident(), lsp.Position(2, 11))  # the closing quote, after 4 bytes of emoji
    assert shown.contents.value.startswith('**cover** "😀"')
    assert shown.range == lsp.Range(lsp.Position(2, 6), lsp.Position(2, 12))


async def test_a_burst_of_edits_ends_with_the_diagnostics_of_the_last_text(client: LanguageClient):
    doc = Doc(client, DOC)
    for i in range(50):
        doc.change(DOC.replace("2021=5 from", f"2021={i % 7} from") + f"# edit {i}\n" + "item x\n" * (i % 3))
    final = await doc.diagnostics()
    assert seen(final) == expected(doc.text, doc.path)
    await hover(client, doc.ident(), lsp.Position(0, 0))  # a round trip
    assert client.published.latest(doc.uri).version == doc.version


async def test_a_thousand_random_edits_end_with_what_the_command_line_says(client: LanguageClient):
    """Random deletions, insertions of junk and swaps of lines, one after another, as a
    hurried typist makes them: the server keeps up, and its last word is the checker's."""
    rnd = random.Random(20201)
    junk = ['"', '"""', "#", "?", "=", "2020=", "item ", "\n", " heading ", "<->", "æøå", "\t", "-"]
    doc = Doc(client, DOC)
    text = DOC
    for _ in range(1000):
        at = rnd.randrange(len(text) + 1)
        kind = rnd.randrange(3)
        if kind == 0 and text:
            text = text[:at] + text[at + rnd.randint(1, 12):]
        elif kind == 1:
            text = text[:at] + rnd.choice(junk) + text[at:]
        else:
            lines = text.split("\n")
            i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        doc.change(text)
    final = await doc.diagnostics()
    assert seen(final) == expected(doc.text, doc.path)
    assert client.published.latest(doc.uri).version == doc.version


# -- reading ----------------------------------------------------------------------------------------


async def test_hover_on_a_name_in_a_link_shows_the_entry(client: LanguageClient):
    doc = Doc(client, DOC)
    await doc.diagnostics()
    result = await hover(client, doc.ident(), doc.at('offset "Toppet', 9))
    text = result.contents.value
    assert '**item** "Toppet bemanning"' in text
    assert "Oppvekst (`oppvekst`)" in text
    assert "| 2020 | 2021 |" in text and "| 3.5 | 7.0 |" in text
    assert "`halfyear`" in text
    assert 'causes the saving "Redusert vikarinnleie"' in text
    assert "Vi setter av 3,5 millioner." in text
    start = doc.at('offset "Toppet', 7)
    assert result.range == lsp.Range(start, lsp.Position(start.line, start.character + 18))


async def test_hover_on_a_suppressed_code_shows_the_rule(client: LanguageClient):
    doc = Doc(client, DOC.replace("period 2020..2021", "period 2020..2021  # budsjett-lint: ignore[BAL001]"))
    result = await hover(client, doc.ident(), doc.at("BAL001", 2))
    assert "**BAL001** unbalanced-year" in result.contents.value
    assert "A plan year whose operating spending and coverage differ." in result.contents.value
    assert result.range == lsp.Range(doc.at("BAL001", 0), doc.at("BAL001", 6))


async def test_no_hover_away_from_names(client: LanguageClient):
    doc = Doc(client, DOC)
    assert await hover(client, doc.ident(), doc.at("2020=3.5")) is None


async def test_definition_of_a_name_in_a_link(client: LanguageClient):
    doc = Doc(client, DOC)
    [location] = await client.text_document_definition_async(
        lsp.DefinitionParams(text_document=doc.ident(), position=doc.at('funded-by "Redusert', 12)))
    assert location.range.start == doc.at('cover "Redusert', 6)


async def test_references_of_an_entry(client: LanguageClient):
    doc = Doc(client, DOC)
    params = lsp.ReferenceParams(text_document=doc.ident(), position=doc.at('cover "Redusert', 8),
                                context=lsp.ReferenceContext(include_declaration=True))
    found = await client.text_document_references_async(params)
    assert [(r.range.start.line, r.range.start.character) for r in found] == [(6, 6), (7, 30), (11, 48)]
    params.context.include_declaration = False
    assert len(await client.text_document_references_async(params)) == 2


async def test_rename_updates_the_declaration_and_every_reference(client: LanguageClient):
    doc = Doc(client, DOC)
    where = doc.at('<-> "Redusert', 8)
    prepared = await client.text_document_prepare_rename_async(
        lsp.PrepareRenameParams(text_document=doc.ident(), position=where))
    assert prepared.placeholder == "Redusert vikarinnleie"
    edit = await client.text_document_rename_async(
        lsp.RenameParams(text_document=doc.ident(), position=where, new_name="Færre vikarer 🙂"))
    renamed = doc.apply(edits_of(edit, doc.uri))
    assert renamed == DOC.replace('"Redusert vikarinnleie"', '"Færre vikarer 🙂"')
    with pytest.raises(JsonRpcException, match='"Toppet bemanning" is already the name of line 3'):
        await client.text_document_rename_async(
            lsp.RenameParams(text_document=doc.ident(), position=where, new_name="Toppet bemanning"))


async def test_symbols_outline_sections_and_their_statements(client: LanguageClient):
    doc = Doc(client, DOC)
    symbols = await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(text_document=doc.ident()))
    outline = [(s.name, s.kind, [(c.name, c.kind) for c in s.children or ()]) for s in symbols]
    assert outline == [
        ("Eksempel", lsp.SymbolKind.File, []),
        ("Oppvekst", lsp.SymbolKind.Namespace, [
            ("Toppet bemanning", lsp.SymbolKind.Field), ("Redusert vikarinnleie", lsp.SymbolKind.Field),
            ("Toppet bemanning ↔ Redusert vikarinnleie", lsp.SymbolKind.Event)]),
        ("Finans", lsp.SymbolKind.Namespace, [
            ("Disposisjonsfondet", lsp.SymbolKind.Variable), ("Bruk av fond", lsp.SymbolKind.Field),
            ("Bostøtte", lsp.SymbolKind.String)]),
    ]
    assert symbols[1].detail == "Oppvekst"
    assert symbols[1].range.start.line == 1 and symbols[1].range.end.line == 7
    assert symbols[1].children[0].detail == "item · Oppvekst · 2020=3.5 2021=7.0"


async def completion_labels(client: LanguageClient, doc: Doc, position: lsp.Position) -> dict[str, lsp.CompletionItem]:
    result = await client.text_document_completion_async(
        lsp.CompletionParams(text_document=doc.ident(), position=position))
    return {item.label: item for item in result.items}


async def test_completion_of_names_in_links(client: LanguageClient):
    doc = Doc(client, DOC + 'funds "Bruk av fond" -> "Top')
    items = await completion_labels(client, doc, doc.at('-> "Top', 7))
    assert {"Toppet bemanning", "Redusert vikarinnleie", "Bostøtte", "Disposisjonsfondet"} <= set(items)
    item = items["Toppet bemanning"]
    assert item.text_edit.new_text == 'Toppet bemanning"'
    assert doc.apply([item.text_edit]).endswith('-> "Toppet bemanning"')
    # Inside a name that is already closed, the whole name is replaced.
    items = await completion_labels(client, doc, doc.at('<-> "Red', 6))
    assert doc.apply([items["Bostøtte"].text_edit]) == doc.text.replace('<-> "Redusert vikarinnleie"', '<-> "Bostøtte"')


async def test_completion_of_funds_after_from(client: LanguageClient):
    doc = Doc(client, DOC + 'draw "Mer fra fond" 2020=1 from "D"\n')
    items = await completion_labels(client, doc, doc.at('2020=1 from "D', 14))
    assert set(items) == {"Disposisjonsfondet"}
    assert doc.apply([items["Disposisjonsfondet"].text_edit]).endswith('from "Disposisjonsfondet"\n')


async def test_completion_of_areas_keywords_and_attributes(client: LanguageClient):
    doc = Doc(client, DOC + 'item "Ny linje" \nite\nitem "Annen" kultur 2020=1 h\n')
    after_name = await completion_labels(client, doc, doc.at('"Ny linje" ', 11))
    assert {"oppvekst", "helse", "miljø", "halfyear", "heading"} <= set(after_name)
    assert after_name["helse"].detail == "Helse og eldre"
    at_start = await completion_labels(client, doc, doc.at("ite\n", 3))
    assert {"item", "cover", "directive", "section"} <= set(at_start) and "heading" not in at_start
    after_amounts = await completion_labels(client, doc, doc.at("2020=1 h\n", 8))
    assert {"heading", "halfyear", "ramp", "permanent"} <= set(after_amounts) and "item" not in after_amounts
    assert "oppvekst" not in after_amounts


# -- changing -----------------------------------------------------------------------------------------


async def code_actions(client: LanguageClient, doc: Doc, d: lsp.Diagnostic) -> dict[str, lsp.CodeAction]:
    actions = await client.text_document_code_action_async(
        lsp.CodeActionParams(text_document=doc.ident(), range=d.range,
                              context=lsp.CodeActionContext(diagnostics=[d])))
    return {a.title: a for a in actions}


async def test_a_fix_applied_removes_the_finding(client: LanguageClient):
    doc = Doc(client, DOC.replace('funded-by "Redusert vikarinnleie"\n',
                                  'funded-by "Redusert vikarinnleie"  # budsjett-lint: ignore[BAL001]\n'))
    [unused] = [d for d in await doc.diagnostics() if d.code == "STR009"]
    assert list(unused.tags) == [lsp.DiagnosticTag.Unnecessary]
    action = (await code_actions(client, doc, unused))["Remove the unused suppression"]
    assert action.is_preferred
    doc.change(doc.apply(edits_of(action.edit, doc.uri)))
    assert doc.text == DOC
    assert "STR009" not in [d.code for d in await doc.diagnostics()]


async def test_suppress_a_finding_on_its_line(client: LanguageClient):
    doc = Doc(client, DOC.replace("2021=5 from", "2021=4 from"))
    [unbalanced] = [d for d in await doc.diagnostics() if d.code == "BAL001"]
    action = (await code_actions(client, doc, unbalanced))["Suppress BAL001 on this line"]
    doc.change(doc.apply(edits_of(action.edit, doc.uri)))
    assert doc.text.startswith('budget "Eksempel" period 2020..2021  # budsjett-lint: ignore[BAL001]\n')
    codes = [d.code for d in await doc.diagnostics()]
    assert "BAL001" not in codes and "STR009" not in codes


async def test_formatting_gives_what_the_format_command_writes(client: LanguageClient):
    from budsjett_lint.checker.editor.formatter import format_text

    doc = Doc(client, 'budget "Eksempel"   period 2020..2021\nitem "A"  oppvekst 2021=7.0   2020=3.5 # merk\n')
    edits = await client.text_document_formatting_async(lsp.DocumentFormattingParams(
        text_document=doc.ident(), options=lsp.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert doc.apply(edits) == format_text(doc.text) != doc.text
    broken = Doc(client, 'budget "Eksempel" period 2020..2021\nitem "A" oppvekst 2020=\n')
    await broken.diagnostics()
    assert await client.text_document_formatting_async(lsp.DocumentFormattingParams(
        text_document=broken.ident(), options=lsp.FormattingOptions(tab_size=2, insert_spaces=True))) is None


# -- robustness ---------------------------------------------------------------------------------------


def send_raw(client: LanguageClient, body: bytes) -> None:
    """Bytes to the server as they are: the typed client would refuse to send bad parameters."""
    client._server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)


async def raw_request(client: LanguageClient, method: str, params) -> object:
    msg_id = f"raw-{next(_numbers)}"
    answer: concurrent.futures.Future = concurrent.futures.Future()
    client.protocol._request_futures[msg_id] = answer  # where the client puts the answer to `msg_id`
    send_raw(client, json.dumps({"jsonrpc": "2.0", "id": msg_id, "method": method, "params": params}).encode())
    return await asyncio.wait_for(asyncio.wrap_future(answer), timeout=30)


async def test_bad_requests_and_notifications_do_not_stop_the_server(client: LanguageClient):
    with pytest.raises(JsonRpcException):
        await raw_request(client, lsp.TEXT_DOCUMENT_HOVER, {"textDocument": 42})
    with pytest.raises(JsonRpcException):
        await raw_request(client, "budsjett/noSuchMethod", {})
    send_raw(client, b"{this is not json")
    send_raw(client, b'{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": []}}')
    unknown = lsp.TextDocumentIdentifier(uri=(client.root / "never-opened.budsjett").as_uri())
    assert await hover(client, unknown, lsp.Position(0, 0)) is None
    client.text_document_did_close(lsp.DidCloseTextDocumentParams(text_document=unknown))
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(version=2, uri=unknown.uri),
        content_changes=[lsp.TextDocumentContentChangeWholeDocument(text="item")]))
    doc = Doc(client, DOC)
    await doc.diagnostics()
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(  # opened a second time
        text_document=lsp.TextDocumentItem(uri=doc.uri, language_id="budsjett", version=1, text="\x00 \ufeff\"")))
    far = lsp.Position(999, 999)
    assert await hover(client, doc.ident(), far) is None
    assert await client.text_document_completion_async(lsp.CompletionParams(text_document=doc.ident(), position=far))
    doc.change(DOC)
    assert seen(await doc.diagnostics()) == expected(DOC, doc.path)


# -- increments and names that cannot be ----------------------------------------------------------


def increment(doc: Doc, changes: list[tuple[lsp.Position, lsp.Position, str]]) -> None:
    """Changes by range, as the server asks for (the Incremental sync kind)."""
    def clamped(p: lsp.Position) -> lsp.Position:  # past a line's end is its end, as the protocol says
        line = re.split(r"\r\n|\r|\n", doc.text)[p.line]
        return lsp.Position(p.line, min(p.character, utf16(line)))

    for start, end, text in changes:
        doc.text = (doc.text[:offset_of(doc.text, clamped(start))] + text
                    + doc.text[offset_of(doc.text, clamped(end)):])
    doc.version += 1
    doc.client.text_document_did_change(lsp.DidChangeTextDocumentParams(
        text_document=lsp.VersionedTextDocumentIdentifier(version=doc.version, uri=doc.uri),
        content_changes=[lsp.TextDocumentContentChangePartial(range=lsp.Range(s, e), text=t)
                         for s, e, t in changes]))


async def test_an_incremental_change_is_applied_to_its_range(client: LanguageClient):
    doc = Doc(client, DOC)
    await doc.diagnostics()
    at = doc.at("2020=1 2021=2", 5)
    increment(doc, [(at, lsp.Position(at.line, at.character + 1), "9")])  # cover 2020=9
    assert "2020=9 2021=2" in doc.text and doc.text.startswith('budget "Eksempel"')
    assert seen(await doc.diagnostics()) == expected(doc.text, doc.path)
    # several in one notification, each on the text the one before left; one across lines, one past a line's end
    first = doc.at('section "Finans"', 0)
    increment(doc, [(lsp.Position(first.line, 0), lsp.Position(first.line + 1, 0), ""),
                    (lsp.Position(0, 0), lsp.Position(0, 0), "# først 🙂\n"),
                    (lsp.Position(1, 999), lsp.Position(1, 999), "  # slutt")])
    assert '# først 🙂\nbudget "Eksempel" period 2020..2021  # slutt\n' in doc.text
    assert 'section "Finans"' not in doc.text
    assert seen(await doc.diagnostics()) == expected(doc.text, doc.path)
    doc.change(DOC)  # and whole texts still replace it
    assert seen(await doc.diagnostics()) == expected(DOC, doc.path)


async def test_increments_count_lines_as_the_protocol_does(client: LanguageClient):
    text = DOC.replace("\n", "\r\n").replace("Vi setter", "Vi\u2028setter")
    doc = Doc(client, text)
    await doc.diagnostics()
    line = text.split("\r\n").index('cover "Redusert vikarinnleie" oppvekst 2020=1 2021=2')
    increment(doc, [(lsp.Position(line, 0), lsp.Position(line, 6), "item ")])
    assert "\r\nitem \"Redusert vikarinnleie\" oppvekst 2020=1 2021=2\r\n" in doc.text
    assert seen(await doc.diagnostics()) == expected(doc.text, doc.path)


@pytest.mark.parametrize("name", ["Med\x00nul", 'Med "sitat"', "To\nlinjer", "Escape\x1b[2J"])
async def test_rename_refuses_a_name_that_would_break_the_file(client: LanguageClient, name: str):
    doc = Doc(client, DOC)
    with pytest.raises(JsonRpcException, match="cannot rename"):
        await client.text_document_rename_async(
            lsp.RenameParams(text_document=doc.ident(), position=doc.at('<-> "Redusert', 8), new_name=name))


# -- colour, fix all, the reference on a keyword -----------------------------------------------------


def decoded(doc: Doc, data: list[int]) -> list[tuple[str, str, set[str]]]:
    """Semantic tokens as (the text they cover, type, modifiers), read back from the relative form."""
    lines = doc.text.split("\n")
    out, line, start = [], 0, 0
    for i in range(0, len(data), 5):
        dl, ds, length, kind, mods = data[i:i + 5]
        line, start = line + dl, (start + ds if dl == 0 else ds)
        text = lines[line].encode("utf-16-le")[2 * start: 2 * (start + length)].decode("utf-16-le")
        out.append((text, TOKEN_TYPES[kind], {m for b, m in enumerate(TOKEN_MODIFIERS) if mods >> b & 1}))
    return out


async def semantic(client: LanguageClient, doc: Doc) -> lsp.SemanticTokens:
    await doc.diagnostics()
    return await client.text_document_semantic_tokens_full_async(lsp.SemanticTokensParams(text_document=doc.ident()))


async def test_semantic_tokens_colour_what_the_grammar_colours(client: LanguageClient):
    doc = Doc(client, DOC.replace('"Bostøtte" arbeid', '"Bostøtte ø😀" arbeid') + "# merk\n")
    tokens = decoded(doc, (await semantic(client, doc)).data)
    assert ("item", "keyword", set()) in tokens and ("halfyear", "decorator", set()) in tokens
    assert ('"Toppet bemanning"', "string", set()) in tokens
    assert ("oppvekst", "namespace", {"defaultLibrary"}) in tokens
    assert ("2020", "number", {"year"}) in tokens and ("3.5", "number", set()) in tokens
    assert ("none", "enumMember", set()) in tokens and ("# merk", "comment", set()) in tokens
    assert ("Vi setter av 3,5 millioner.", "string", {"documentation"}) in tokens  # a prose line, not indented
    assert ('"Bostøtte ø😀"', "string", set()) in tokens  # lengths in UTF-16 units, as VS Code counts
    assert all(text.strip() == text and text for text, _, _ in tokens)


async def test_semantic_tokens_delta_gives_the_new_tokens(client: LanguageClient):
    doc = Doc(client, DOC)
    first = await semantic(client, doc)
    doc.change(DOC.replace("2020=3.5 2021=7.0 halfyear", "2020=3.5 2021=7.0 2022=7 halfyear permanent"))
    await doc.diagnostics()
    delta = await client.text_document_semantic_tokens_full_delta_async(lsp.SemanticTokensDeltaParams(
        text_document=doc.ident(), previous_result_id=first.result_id))
    data = list(first.data)
    for edit in sorted(delta.edits, key=lambda e: e.start, reverse=True):
        data[edit.start: edit.start + edit.delete_count] = edit.data or []
    full = await client.text_document_semantic_tokens_full_async(lsp.SemanticTokensParams(text_document=doc.ident()))
    assert data == list(full.data) and ("permanent", "decorator", set()) in decoded(doc, data)
    assert len(delta.edits) == 1 and len(delta.edits[0].data) < len(full.data)  # only what changed is sent


async def test_fix_all_applies_every_safe_fix(client: LanguageClient):
    text = DOC.replace('funded-by "Redusert vikarinnleie"\n',
                       'funded-by "Redusert vikarinnleie"  # budsjett-lint: ignore[BAL001]\n')
    text = text.replace("section \"Finans\"\n", "section \"Finans\"  # budsjett-lint: ignore[STR001]\n")
    doc = Doc(client, text)
    unused = [d for d in await doc.diagnostics() if d.code == "STR009"]
    assert len(unused) == 2

    async def asked(only: list[str] | None, at: lsp.Range) -> list[lsp.CodeAction]:
        return await client.text_document_code_action_async(lsp.CodeActionParams(
            text_document=doc.ident(), range=at, context=lsp.CodeActionContext(diagnostics=[], only=only))) or []

    nowhere = lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0))
    [fix_all] = await asked(["source.fixAll"], nowhere)  # as an editor asks on save
    assert fix_all.kind == "source.fixAll.budsjett" and "2 fixes" in fix_all.title
    assert all(a.kind == lsp.CodeActionKind.QuickFix for a in await asked([lsp.CodeActionKind.QuickFix], unused[0].range))
    assert [a.kind for a in await asked(None, nowhere)] == []  # not offered on every move of the cursor
    assert "source.fixAll.budsjett" in [a.kind for a in await asked(None, unused[0].range)]  # beside a quick fix
    doc.change(doc.apply(edits_of(fix_all.edit, doc.uri)))
    assert doc.text == DOC
    assert "STR009" not in [d.code for d in await doc.diagnostics()]
    assert await asked(["source.fixAll"], nowhere) == []  # nothing left to fix


async def test_hover_on_a_keyword_gives_the_language_reference(client: LanguageClient):
    doc = Doc(client, DOC)
    await doc.diagnostics()
    found = await hover(client, doc.ident(), doc.at("halfyear", 3))
    assert "half-year effect" in found.contents.value and "Attributes" in found.contents.value
    assert found.range.start == doc.at("halfyear", 0) and found.range.end == doc.at("halfyear", len("halfyear"))
    assert "operating spend" in (await hover(client, doc.ident(), doc.at("item ", 1))).contents.value
    assert "costs nothing" in (await hover(client, doc.ident(), doc.at("cost none", 6))).contents.value
    assert await hover(client, doc.ident(), doc.at("Vi setter", 1)) is None  # prose is no keyword


async def test_a_per_year_finding_can_be_suppressed_for_its_year_only(client: LanguageClient):
    doc = Doc(client, 'budget "E" period 2020..2022\nitem "A" oppvekst 2020=1 2021=? 2022=?\n'
                      'cover "B" oppvekst 2020=1 2021=1 2022=1\n')
    first = next(d for d in await doc.diagnostics() if d.code == "BAL002" and d.message.startswith("2021"))
    action = (await code_actions(client, doc, first))["Suppress BAL002 for 2021 only"]
    doc.change(doc.apply(edits_of(action.edit, doc.uri)))
    assert "# budsjett-lint: ignore[BAL002:2021]" in doc.text
    left = [d.message.split()[0] for d in await doc.diagnostics() if d.code == "BAL002"]
    assert left == ["2022"]


# -- quick fixes that write the remedy ---------------------------------------------------------------


async def remedy(client: LanguageClient, text: str, code: str, title: str) -> tuple[Doc, lsp.CodeAction, list[str]]:
    """Open `text`, take the action `title` at its one `code` finding and apply it: the document,
    the action, and the titles of every action offered there (in order)."""
    doc = Doc(client, text)
    [finding] = [d for d in await doc.diagnostics() if d.code == code]
    offered = await code_actions(client, doc, finding)
    action = offered[title]
    assert finding in action.diagnostics
    doc.change(doc.apply(edits_of(action.edit, doc.uri)))
    return doc, action, list(offered)


UNFUNDED = '''\
budget "Eksempel" period 2020..2021
pot "Tilbudet som ble avviklet på Rosten" kultur
cover "Redusert vikarinnleie" oppvekst 2020..2021=1
item "Toppet bemanning" oppvekst 2020..2021=1
directive "Tegnspråkklubb" kultur cost ?
  text "De rødgrønne ber om at tegnspråkklubben videreføres."
'''


async def test_an_unfunded_directive_can_be_marked_as_costing_nothing(client: LanguageClient):
    doc, action, offered = await remedy(client, UNFUNDED, "FUN001", "Mark it as costing nothing (`cost none`)")
    assert not action.is_preferred  # whether it costs nothing is for the author to say
    assert 'directive "Tegnspråkklubb" kultur cost none\n' in doc.text
    assert offered[-1] == "Suppress FUN001 on this line"  # suppressing stays the last choice
    assert "FUN001" not in [d.code for d in await doc.diagnostics()]


async def test_an_unfunded_directive_can_be_funded_from_a_pot_of_its_area(client: LanguageClient):
    doc, _, offered = await remedy(client, UNFUNDED, "FUN001", 'Fund it from "Tilbudet som ble avviklet på Rosten"')
    assert 'Fund it from "Redusert vikarinnleie"' not in offered  # another area's coverage is not offered
    assert 'cost ? funded-by "Tilbudet som ble avviklet på Rosten"\n' in doc.text
    codes = [d.code for d in await doc.diagnostics()]
    assert "FUN001" not in codes and "FUN003" not in codes


async def test_an_unfunded_directive_gets_an_empty_funded_by_to_fill_in(client: LanguageClient):
    doc, _, _ = await remedy(client, UNFUNDED.replace(" kultur cost", " cost"), "FUN001",
                             'Fund it from a line: `funded-by ""`, its name to fill in')
    assert 'directive "Tegnspråkklubb" cost ? funded-by ""\n' in doc.text
    codes = [d.code for d in await doc.diagnostics()]
    assert "FUN001" not in codes and "FUN003" in codes  # which now asks for the name
    at = doc.at('funded-by ""', len('funded-by "'))
    names = await client.text_document_completion_async(lsp.CompletionParams(text_document=doc.ident(), position=at))
    assert "Tilbudet som ble avviklet på Rosten" in [i.label for i in names.items]


async def test_a_negative_draw_is_rewritten_as_an_allocation(client: LanguageClient):
    text = ('budget "E" period 2020..2021\nfund "Disposisjonsfondet"\nitem "A" oppvekst 2020..2021=1\n'
            'cover "B" oppvekst 2020..2021=3\ndraw "Tilbake til fondet" 2020..2021=-2 from "Disposisjonsfondet"\n')
    title = ("Write it as an allocation to the fund, with the amounts positive (the balance stays the same)")
    doc, action, _ = await remedy(client, text, "BAL007", title)
    assert action.is_preferred
    assert 'allocate "Tilbake til fondet" 2020..2021=2 to "Disposisjonsfondet"\n' in doc.text
    assert "BAL007" not in [d.code for d in await doc.diagnostics()]


async def test_a_negative_coverage_line_is_written_positive(client: LanguageClient):
    text = 'budget "E" period 2020..2021\nitem "A" oppvekst 2020..2021=15\ncover "Kutt i innkjøp" 2020..2021=-15\n'
    doc, action, _ = await remedy(client, text, "BAL007",
                                  "Write the amounts positive (a saving or income that pays) (unsafe)")
    assert not action.is_preferred
    assert 'cover "Kutt i innkjøp" 2020..2021=15\n' in doc.text
    assert [d.code for d in await doc.diagnostics()] == []


async def test_a_fund_draw_written_as_coverage_gets_its_kind(client: LanguageClient):
    text = ('budget "Eksempel" period 2020..2021\nfund "Disposisjonsfondet"\n'
            'item "Kompetanseløft fastleger" helse 2020..2021=10\ncover "Bruk av disposisjonsfondet" 2020..2021=10\n')
    doc = Doc(client, text)
    [finding] = [d for d in await doc.diagnostics() if d.code == "BAL008"]
    [action] = [a for a in (await code_actions(client, doc, finding)).values() if "(unsafe)" in a.title]
    assert not action.is_preferred
    doc.change(doc.apply(edits_of(action.edit, doc.uri)))
    assert 'draw "Bruk av disposisjonsfondet" 2020..2021=10 from "Disposisjonsfondet"\n' in doc.text
    codes = [d.code for d in await doc.diagnostics()]
    assert "BAL008" not in codes and "BAL006" in codes  # now seen: the years balance only by the fund


@pytest.mark.parametrize(("words", "attribute", "preferred"), [
    ("(halvårseffekt)", "halfyear", True),
    ("varig", "permanent", False),
    ("et prøveprosjekt", "trial", False),
])
async def test_the_attribute_the_text_implies_is_added(client: LanguageClient, words: str, attribute: str,
                                                       preferred: bool):
    text = ('budget "E" period 2020..2021\nitem "Toppet bemanning" oppvekst 2020=3.5 2021=7\n'
            f'  text "Vi setter av 3,5 millioner {words} i 2020."\ncover "B" oppvekst 2020=3.5 2021=7\n')
    doc = Doc(client, text)
    [finding] = [d for d in await doc.diagnostics() if attribute in d.message]
    title = f"Add `{attribute}`" + ("" if preferred else " (unsafe)")
    action = (await code_actions(client, doc, finding))[title]
    assert action.is_preferred is preferred
    doc.change(doc.apply(edits_of(action.edit, doc.uri)))
    assert f'item "Toppet bemanning" oppvekst 2020=3.5 2021=7 {attribute}\n' in doc.text
    assert finding.code not in [d.code for d in await doc.diagnostics()]


async def test_a_ramp_that_stops_early_is_continued_or_ended(client: LanguageClient):
    text = ('budget "E" period 2020..2023\nitem "Opptrapping av grunnbemanning" helse 2020=20 2021=40 ramp\n'
            'cover "Kutt" helse 2020=20 2021=40 2022..2023=40\n')
    doc, action, offered = await remedy(client, text, "RMP008", "Continue at the last figure: `2022..2023=40`")
    assert offered.index("End the ramp: `until 2021`") < offered.index("Suppress RMP008 on this line")
    assert 'helse 2020=20 2021=40 2022..2023=40 ramp\n' in doc.text
    assert [d.code for d in await doc.diagnostics()] == []
    doc, _, _ = await remedy(client, text, "RMP008", "End the ramp: `until 2021`")
    assert 'helse 2020=20 2021=40 ramp until 2021\n' in doc.text
    assert "RMP008" not in [d.code for d in await doc.diagnostics()]


async def test_a_file_without_a_header_is_checked_and_served_like_any_other(client: LanguageClient):
    from budsjett_lint.checker.editor.formatter import format_text

    doc = Doc(client, 'item "Toppet bemanning" oppvekst 2020=3.5 2021=7.0\n')
    found = await doc.diagnostics()
    assert seen(found) == expected(doc.text, doc.path)
    assert [d.code for d in found] == ["BAL001", "BAL001", "STR015"]
    assert found[2].severity == lsp.DiagnosticSeverity.Information
    shown = await hover(client, doc.ident(), doc.at("Toppet"))
    assert "| 2020 | 2021 |" in shown.contents.value
    symbols = await client.text_document_document_symbol_async(lsp.DocumentSymbolParams(text_document=doc.ident()))
    assert [s.name for s in symbols] == ["Toppet bemanning"]
    edits = await client.text_document_formatting_async(lsp.DocumentFormattingParams(
        text_document=doc.ident(), options=lsp.FormattingOptions(tab_size=2, insert_spaces=True)))
    assert doc.apply(edits) == format_text(doc.text)
    assert "Suppress BAL001 on this line" in await code_actions(client, doc, found[0])
