"""The language server: `budsjett-lint server` speaks the Language Server Protocol on stdio.

Built on pygls, which owns the protocol, the open documents and the position
encoding agreed with the client. Diagnostics come from `engine.check_parsed`
with the configuration the command line would find for the file; they are
computed on open and save at once, and on change after a short pause, in a
worker thread: the newest text wins, and a result for a text that has changed
meanwhile is dropped. One analysis is kept per document version and serves
every request about it; requests that arrive while it is computed wait for
that one computation. What the features say comes from `checker/editor/editor.py`;
this module only converts between its positions and the protocol's.

Documents are synchronised by increments (`TextDocumentSyncKind.Incremental`):
each change replaces a range, in lines and code units of the agreed position
encoding. They are applied here, by the protocol's lines (`_Protocol`):
pygls would apply them by `str.splitlines`, which also breaks lines at form
feeds and U+2028, where the protocol and the parser do not.

A check after a change reads again only the statements the change touched
(`dsl.incremental.reparse`, from the document's last parse), with the same
result as reading the whole text; the rules run on the whole new model.

An analysis is dropped as soon as its text changes, and each is frozen out of
the cycle collector's way as it is made (`analyse`): a check of a large file
makes hundreds of thousands of objects, and the collector's passes during
the next check would otherwise walk the previous one's as well. The
collector is paused while a check runs (`collector_paused`), as the command
line pauses it. Both are sound because a check makes no garbage cycle and an
analysis holds none (a test checks): reference counting frees an analysis
when it is dropped, frozen or not.

The input is read through `lsp_frames.Frames`, which bounds a frame's size
and gets back in step after a malformed one. An error of the server's own (a
bug) is logged and, for a document, published as its one diagnostic in place
of the old ones; a request answers with a one-line error, never a traceback.
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import functools
import gc
import itertools
import logging
import re
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import BinaryIO, cast
from urllib.parse import unquote

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.workspace import TextDocument
from pygls.workspace.position_codec import PositionCodec, Utf8, Utf32

from ...dsl import ParseResult, parse
from ...dsl.incremental import reparse
from ...dsl.model import Span
from ...rules import BY_CODE, ENGINE_RULES, unused_suppression
from ...rules.base import Edit
from ...rules.catalogue import entries
from . import editor
from ..config import Config, ConfigError, find_config, load_config
from ..diagnostics import Diagnostic
from ..engine import CheckResult, check_parsed
from ..diagnostics import PER_YEAR, year_of
from ..fixes import fix_text
from .lsp_frames import Frames
from ..suppressions import suppression_at

log = logging.getLogger("budsjett-lint.server")

DEBOUNCE_SECONDS = 0.15
#: Seconds without a change after which the server collects the garbage frozen with its analyses
#: (`tidy`), and the number of checks after which it does so even while the typing goes on.
TIDY_SECONDS = 5.0
TIDY_CHECKS = 200
SOURCE = "budsjett-lint"
_SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning,
             "info": lsp.DiagnosticSeverity.Information}
_UNSUPPRESSIBLE = {m.CODE for m in ENGINE_RULES}  # reported after suppressions are applied
_SYMBOL_KIND = {"budget": lsp.SymbolKind.File, "area": lsp.SymbolKind.EnumMember, "fund": lsp.SymbolKind.Variable,
                "pot": lsp.SymbolKind.Variable, "section": lsp.SymbolKind.Namespace,
                "directive": lsp.SymbolKind.String, "sum": lsp.SymbolKind.Number,
                **{k: lsp.SymbolKind.Field for k in editor.KIND_WORDS},
                **{k: lsp.SymbolKind.Event for k in editor.LINK_KEYWORDS.values()}}
_COMPLETION_KIND = {"keyword": lsp.CompletionItemKind.Keyword, "attribute": lsp.CompletionItemKind.Property,
                    "value": lsp.CompletionItemKind.Value, "area": lsp.CompletionItemKind.EnumMember,
                    "name": lsp.CompletionItemKind.Reference}


class LineIndex:
    """Where the lines of a text start, and conversion to the protocol's positions.

    Our spans count lines from 1 and columns from 1 in characters; the protocol
    counts both from 0, with columns in the code units of the agreed encoding
    (UTF-16 unless the client asks otherwise: `ø` is one unit, an emoji two).
    """

    def __init__(self, text: str, codec: PositionCodec):
        self.text = text
        self.codec = codec
        self.units = _units(codec)
        if "\r" in text:
            self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
        else:  # the common case, in C: a line starts one past the end of the one before
            self.starts = list(itertools.accumulate(map((1).__add__, map(len, text.split("\n")[:-1])), initial=0))

    def _line_end(self, line0: int) -> int:
        if line0 + 1 >= len(self.starts):
            return len(self.text)
        end = self.starts[line0 + 1]
        while end > self.starts[line0] and self.text[end - 1] in "\r\n":
            end -= 1
        return end

    def position(self, offset: int) -> lsp.Position:
        offset = max(0, min(offset, len(self.text)))
        line0 = bisect.bisect_right(self.starts, offset) - 1
        start = self.starts[line0]
        offset = min(offset, self._line_end(line0))
        return lsp.Position(line0, self.units(self.text[start:offset]))

    def position_at(self, line: int, column: int) -> lsp.Position:
        """The protocol's position of a 1-based line and column, kept within the text."""
        if line < 1:
            return lsp.Position(0, 0)
        if line > len(self.starts):
            return self.position(len(self.text))
        start = self.starts[line - 1]
        return self.position(min(start + max(column - 1, 0), self._line_end(line - 1)))

    def range(self, span: Span) -> lsp.Range:
        return lsp.Range(self.position_at(span.line, span.column), self.position_at(span.end_line, span.end_column))

    def edit_range(self, edit: Edit) -> lsp.Range:
        return lsp.Range(self.position(edit.start), self.position(edit.end))

    def offset(self, position: lsp.Position) -> int:
        if position.line < 0:
            return 0
        if position.line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[position.line], self._line_end(position.line)
        units = 0
        for i in range(start, end):
            if units >= position.character:
                return i
            units += self.units(self.text[i])
        return end

    def line_column(self, position: lsp.Position) -> tuple[int, int]:
        """The 1-based line and column of a protocol position."""
        offset = self.offset(position)
        line0 = bisect.bisect_right(self.starts, offset) - 1
        return line0 + 1, offset - self.starts[line0] + 1


def _units(codec: PositionCodec) -> Callable[[str], int]:
    """How many code units of the agreed encoding a text takes, as pygls counts them (a lone
    surrogate as one UTF-16 unit, three UTF-8 bytes), counted in C: pygls adds them up a
    character at a time, a tenth of a keystroke's check of the proposal."""
    if isinstance(codec.impl, Utf32):
        return len
    if isinstance(codec.impl, Utf8):
        return lambda s: len(s.encode("utf-8", "surrogatepass"))
    return lambda s: len(s.encode("utf-16-le", "surrogatepass")) // 2


@dataclass(frozen=True)
class Analysis:
    """Everything known about one version of a document."""

    uri: str
    version: int | None
    text: str
    result: CheckResult
    index: LineIndex
    diagnostics: tuple[lsp.Diagnostic, ...]
    parsed: ParseResult  # what the next version's check reads again from (`dsl.incremental.reparse`)

    @property
    def budget(self):
        return self.result.budget


class _Protocol(LanguageServerProtocol):
    @lsp_method(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params: lsp.DidChangeTextDocumentParams):
        """pygls's handling of a change, with each increment applied by the protocol's lines (CRLF, CR, LF)
        rather than pygls's `str.splitlines`, in turn, each on the text the one before left."""
        doc = self.workspace.text_documents.get(unquote(params.text_document.uri))
        for change in params.content_changes:
            if isinstance(change, lsp.TextDocumentContentChangePartial) and doc is not None:
                change = lsp.TextDocumentContentChangeWholeDocument(
                    text=apply_increment(doc.source, change, PositionCodec(self.workspace.position_encoding)))
            self.workspace.update_text_document(params.text_document, change)
        if (handler := self.fm.features.get(lsp.TEXT_DOCUMENT_DID_CHANGE)) is not None:
            yield handler, (params,), None

    def _handle_notification(self, method_name: str, params):
        """pygls's handling of a notification, without keeping its future once it is done.

        pygls 2.1 files the future of a notification whose handler is a generator (its own
        `didOpen`, `didChange`, `didClose`, and the one above) or runs in a thread under a
        made-up id in `_request_futures`, which only a response or a cancel empties: a
        notification gets neither, so every keystroke kept one future for the life of the
        server (found with tracemalloc, and counted: one future a keystroke, never freed)."""
        before = set(self._request_futures)
        try:
            super()._handle_notification(method_name, params)
        finally:
            for msg_id in set(self._request_futures) - before:
                future = self._request_futures[msg_id]
                if future.done():
                    del self._request_futures[msg_id]
                else:
                    future.add_done_callback(functools.partial(self._forget_future, msg_id))

    def _forget_future(self, msg_id, future) -> None:
        if self._request_futures.get(msg_id) is future:
            del self._request_futures[msg_id]

    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if isinstance(data, dict) and "id" in data and "method" in data:
                # pygls logs a request it cannot read and drops it; answer it, so the client does not wait forever.
                error = lsp.ResponseError(exc.code, f"cannot read the parameters of {data['method']}")
                self._send_response(data["id"], error=error)
            raise


class BudsjettServer(LanguageServer):
    def __init__(self) -> None:
        from .. import __version__

        super().__init__(SOURCE, __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
                         protocol_cls=_Protocol)
        self.analyses: dict[str, Analysis] = {}
        self.parses: dict[str, ParseResult] = {}  # per document: the last parse, which the next check reads from
        self.running: dict[str, tuple[int | None, str, asyncio.Future]] = {}  # per document: the check under way
        self.pending: dict[str, asyncio.Task] = {}
        self.configs: dict[Path, tuple[int, Config]] = {}
        self.reported_config_errors: set[str] = set()
        self.reported_too_large: set[str] = set()
        self.tokens: dict[str, tuple[str, list[int]]] = {}  # per document: the last semantic tokens sent
        self.token_results = 0
        self.tidying: asyncio.TimerHandle | None = None
        self.untidy_checks = 0

    def remember_tokens(self, uri: str, data: list[int]) -> lsp.SemanticTokens:
        """Semantic tokens to send, kept (the last per document) for the client's next delta."""
        self.token_results += 1
        result_id = str(self.token_results)
        self.tokens[uri] = (result_id, data)
        return lsp.SemanticTokens(data=data, result_id=result_id)

    def report_server_error(self, error: Exception, source) -> None:
        log.error("%s: %s", getattr(source, "__name__", source), error)

    # -- documents and their analyses ---------------------------------------------------

    def document(self, uri: str) -> TextDocument | None:
        """An open document; None for one the client has not opened."""
        return self.workspace.text_documents.get(unquote(uri))

    def config_for(self, doc: TextDocument) -> Config:
        """The configuration the command line would use for this file."""
        path = Path(doc.path) if doc.uri.startswith("file:") else Path.cwd()
        found = find_config(path)
        if found is None:
            return Config()
        try:
            mtime = found.stat().st_mtime_ns
            cached = self.configs.get(found)
            if cached is None or cached[0] != mtime:
                self.configs[found] = (mtime, load_config(found))
            self.reported_config_errors.discard(str(found))
            return self.configs[found][1]
        except (ConfigError, OSError) as exc:
            if str(found) not in self.reported_config_errors:
                self.reported_config_errors.add(str(found))
                self.window_show_message(lsp.ShowMessageParams(
                    type=lsp.MessageType.Error,
                    message=f"budsjett-lint: {exc}; checking with the default configuration"))
            log.error("%s", exc)
            return Config()

    async def current(self, uri: str) -> Analysis | None:
        """The analysis of the document as it is now, computed in a worker thread if it is not yet.

        One check at a time per document: a request for the text under check waits for that
        check, and a check of a newer text starts when the one before it has finished (two
        at once would only share the processor, and hold two analyses)."""
        while True:
            doc = self.document(uri)
            if doc is None:
                return None
            version, text = doc.version, doc.source
            cached = self.analyses.get(uri)
            if cached is not None and cached.version == version and cached.text == text:
                return cached
            running = self.running.get(uri)
            if running is None:
                break
            result = await asyncio.shield(running[2])
            if running[0] == version and running[1] == text:
                return result
        config = self.config_for(doc)
        if self.too_large(doc, text, config):
            return None
        loop = asyncio.get_running_loop()
        codec = PositionCodec(self.workspace.position_encoding)
        future = loop.run_in_executor(self.thread_pool, analyse, uri, version, text, doc.path, config, codec,
                                      self.parses.get(uri))
        self.running[uri] = (version, text, future)

        def finished(done: asyncio.Future) -> None:  # when the thread ends, not when a waiter gives up
            if self.running.get(uri, (None, None, None))[2] is done:
                del self.running[uri]
            if not done.cancelled() and done.exception() is None and self.document(uri) is not None:
                self.parses[uri] = done.result().parsed

        future.add_done_callback(finished)
        analysis = await asyncio.shield(future)
        now = self.document(uri)
        if now is not None and now.version == version and now.source == text:
            self.analyses[uri] = analysis
        return analysis

    def too_large(self, doc: TextDocument, text: str, config: Config) -> bool:
        """Whether the text is over `max-file-size`, as the command line would refuse it; said once."""
        if len(text.encode("utf-8", "surrogatepass")) <= config.max_file_size:
            self.reported_too_large.discard(doc.uri)
            return False
        if doc.uri not in self.reported_too_large:
            self.reported_too_large.add(doc.uri)
            self.window_show_message(lsp.ShowMessageParams(
                type=lsp.MessageType.Warning,
                message=f"budsjett-lint: {doc.filename} is larger than max-file-size "
                        f"({config.max_file_size} bytes) and is not checked"))
        return True

    def schedule(self, uri: str, delay: float) -> None:
        """Check the document after `delay` seconds, instead of any check still waiting."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.ensure_future(self._check_later(uri, delay))

    async def _check_later(self, uri: str, delay: float) -> None:
        try:
            await asyncio.sleep(delay)
            doc = self.document(uri)
            if doc is None:
                return
            version = doc.version
            analysis = await self.current(uri)
            now = self.document(uri)
            if now is None or now.version != version or (analysis is not None and analysis.text != now.source):
                return  # the text changed while it was checked: a newer check is on its way
            self.publish(uri, version, list(analysis.diagnostics) if analysis is not None else [])
            self.tidy_later()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("checking %s failed", uri)
        finally:
            if self.pending.get(uri) is asyncio.current_task():
                del self.pending[uri]

    def tidy_later(self) -> None:
        """After a check: `tidy` once no document has changed for `TIDY_SECONDS` and no check is
        under way, or now, where `TIDY_CHECKS` checks have passed since the last time. (A timer,
        not a task: a task cancelled at every keystroke would leave a cycle of its own each time.)"""
        if self.tidying is not None:
            self.tidying.cancel()
            self.tidying = None
        self.untidy_checks += 1
        if self.untidy_checks >= TIDY_CHECKS and not self.running:
            self.tidy()
        else:
            self.tidying = asyncio.get_running_loop().call_later(TIDY_SECONDS, self._tidy_if_idle)

    def _tidy_if_idle(self) -> None:
        self.tidying = None
        if not (self.running or self.pending):  # else the check under way or waiting asks again
            self.tidy()

    def tidy(self) -> None:
        self.untidy_checks = 0
        tidy()

    def publish(self, uri: str, version: int | None, diagnostics: list[lsp.Diagnostic]) -> None:
        params = lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version)
        self.text_document_publish_diagnostics(params)

    def close(self, uri: str) -> None:
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.analyses.pop(uri, None)
        self.parses.pop(uri, None)
        self.tokens.pop(uri, None)
        self.publish(uri, None, [])

    def workspace_edit(self, analysis: Analysis, edits: list[Edit]) -> lsp.WorkspaceEdit:
        text_edits = [lsp.TextEdit(analysis.index.edit_range(e), e.replacement) for e in edits]
        capabilities = self.client_capabilities.workspace
        versioned = bool(capabilities and capabilities.workspace_edit and capabilities.workspace_edit.document_changes)
        if versioned and analysis.version is not None:
            document = lsp.OptionalVersionedTextDocumentIdentifier(uri=analysis.uri, version=analysis.version)
            return lsp.WorkspaceEdit(document_changes=[lsp.TextDocumentEdit(text_document=document, edits=text_edits)])
        return lsp.WorkspaceEdit(changes={analysis.uri: text_edits})


def analyse(uri: str, version: int | None, text: str, path: str, config: Config, codec: PositionCodec,
            before: ParseResult | None = None) -> Analysis:
    """The same text and configuration give the same analysis, whatever `before` is: the parse of
    an earlier version of the document, from which only the statements an edit touched are read
    again. Runs in a worker thread.

    A check that fails (a bug) gives an analysis of an empty budget whose one diagnostic says so."""
    index = LineIndex(text, codec)
    gc.collect(1)  # the protocol's young garbage cycles, before the check's objects join them
    try:
        with collector_paused():
            parsed = parse(text) if before is None else reparse(before, text)
            result = check_parsed(parsed, path, config)
            diagnostics = tuple(to_lsp(d, uri, index, config.rule_url) for d in result.diagnostics)
            gc.freeze()  # out of the collector's way for as long as it lives
    except Exception as exc:  # noqa: BLE001 - the last resort: the editor says it, and the old findings go
        log.exception("checking %s failed", uri)
        parsed = parse("")
        result = CheckResult(path, parsed.budget, ())
        diagnostics = (lsp.Diagnostic(range=lsp.Range(lsp.Position(0, 0), lsp.Position(0, 0)),
                                      message=internal_error(exc), severity=lsp.DiagnosticSeverity.Error,
                                      source=SOURCE),)
    return Analysis(uri, version, text, result, index, diagnostics, parsed)


_paused = 0
_pausing = threading.Lock()


@contextlib.contextmanager
def collector_paused():
    """The cycle collector paused while a check runs, as the command line pauses it: a check makes
    no garbage cycle (a test checks), so the collector's passes over what it makes find nothing.
    Checks in other threads may overlap; the collector runs again when the last one ends."""
    global _paused
    with _pausing:
        _paused += 1
        gc.disable()
    try:
        yield
    finally:
        with _pausing:
            _paused -= 1
            if not _paused:
                gc.enable()


def tidy() -> None:
    """Collect the garbage cycles frozen with the analyses. `analyse` freezes all that exists when
    its check ends, so that the collector's passes do not walk the analysis again and again; but the
    protocol's thread goes on reading messages while a check runs, and the few reference cycles
    it makes meanwhile are frozen too, where no pass would ever free them (438 objects over 120
    keystrokes, counted with the collector's own `collect` after `unfreeze`). A full pass with
    them unfrozen walks the analysis held (about 150 ms at 10 000 entries, a tenth of that
    entry's check), so it waits until the editor is idle, or for so many checks
    (`BudsjettServer.tidy_later`). Not while a check runs."""
    with _pausing:
        if _paused:
            return
        gc.unfreeze()
        gc.collect()
        gc.freeze()


def apply_increment(text: str, change: lsp.TextDocumentContentChangePartial, codec: PositionCodec) -> str:
    """The text with one increment applied, its range read as the protocol counts lines (CRLF, CR, LF)."""
    index = LineIndex(text, codec)
    start, end = index.offset(change.range.start), index.offset(change.range.end)
    start, end = min(start, end), max(start, end)
    return text[:start] + change.text + text[end:]


def internal_error(exc: BaseException) -> str:
    """What the editor shows for a bug: one line, no traceback."""
    from ..cli import internal_error as message

    return message(exc).replace("budsjett-lint: ", "", 1)


def _guarded(feature):
    """A request that fails (a bug) answers with a one-line error and logs the traceback."""

    @functools.wraps(feature)
    async def guarded(ls: BudsjettServer, params):
        try:
            return await feature(ls, params)
        except JsonRpcException:
            raise
        except Exception as exc:  # noqa: BLE001 - the last resort
            log.exception("%s failed", feature.__name__)
            raise JsonRpcException(internal_error(exc).splitlines()[0], int(lsp.LSPErrorCodes.RequestFailed)) from None

    return guarded


def to_lsp(d: Diagnostic, uri: str, index: LineIndex, rule_url=lambda code: None) -> lsp.Diagnostic:
    """A diagnostic as the protocol has it: its code, a link to the rule's page, and the related places."""
    href = rule_url(d.code)
    related = [lsp.DiagnosticRelatedInformation(location=lsp.Location(uri, index.range(r.span)), message=r.note)
               for r in d.related]
    return lsp.Diagnostic(
        range=index.range(d.span),
        message=d.message + (f"\nhelp: {d.hint}" if d.hint else ""),
        severity=_SEVERITY[d.severity],
        code=d.code,
        code_description=lsp.CodeDescription(href=href) if href else None,
        source=SOURCE,
        related_information=related or None,
        tags=[lsp.DiagnosticTag.Unnecessary] if d.code == unused_suppression.CODE else None,
    )


@cache
def _summaries() -> dict[str, dict]:
    return {e["code"]: e for e in entries()}


server = BudsjettServer()


# -- document synchronisation ----------------------------------------------------------


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: BudsjettServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.analyses.pop(params.text_document.uri, None)
    ls.schedule(params.text_document.uri, 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: BudsjettServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.analyses.pop(params.text_document.uri, None)  # it serves no request on the new text
    ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: BudsjettServer, params: lsp.DidSaveTextDocumentParams) -> None:
    ls.analyses.pop(params.text_document.uri, None)  # the configuration may have changed too
    ls.schedule(params.text_document.uri, 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: BudsjettServer, params: lsp.DidCloseTextDocumentParams) -> None:
    ls.close(params.text_document.uri)


# -- reading the document ----------------------------------------------------------------


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
@_guarded
async def hover(ls: BudsjettServer, params: lsp.HoverParams) -> lsp.Hover | None:
    a = await ls.current(params.text_document.uri)
    if a is None:
        return None
    line, column = a.index.line_column(params.position)
    suppressed = suppression_at(a.budget, line, column)
    if suppressed is not None:
        code, span = suppressed
        rule = _summaries().get(code)
        if rule is None:
            value = f"`{code}` is not a budsjett-lint rule code; `budsjett-lint rules` lists them."
        else:
            doc = ls.document(params.text_document.uri)
            url = ls.config_for(doc).rule_url(code) if doc is not None else None
            value = (f"**{code}** {rule['name']} ({rule['severity']})\n\n{rule['summary']}."
                     + (f"\n\n[The rule's page]({url})" if url else ""))
        return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, value), a.index.range(span))
    found = editor.occurrence_at(a.budget, line, column)
    if found is None:
        keyword = editor.keyword_hover(a.text, a.index.offset(params.position))
        if keyword is None:
            return None
        start, end, value = keyword
        return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, value),
                         lsp.Range(a.index.position(start), a.index.position(end)))
    return lsp.Hover(lsp.MarkupContent(lsp.MarkupKind.Markdown, editor.hover(a.budget, found.name.text)),
                     a.index.range(found.name.span))


async def _named_at(ls: BudsjettServer, uri: str, position: lsp.Position) -> tuple[Analysis, editor.Occurrence] | None:
    """The document's analysis and the name at `position` in it (for definition, references and
    rename); None where there is no analysis or no name there."""
    a = await ls.current(uri)
    found = editor.occurrence_at(a.budget, *a.index.line_column(position)) if a is not None else None
    return (a, found) if a is not None and found is not None else None


@server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
@_guarded
async def definition(ls: BudsjettServer, params: lsp.DefinitionParams) -> list[lsp.Location] | None:
    named = await _named_at(ls, params.text_document.uri, params.position)
    if named is None:
        return None
    a, found = named
    return [lsp.Location(a.uri, a.index.range(o.name.span))
            for o in editor.occurrences_of(a.budget, found.name.text) if o.declaration] or None


@server.feature(lsp.TEXT_DOCUMENT_REFERENCES)
@_guarded
async def references(ls: BudsjettServer, params: lsp.ReferenceParams) -> list[lsp.Location] | None:
    named = await _named_at(ls, params.text_document.uri, params.position)
    if named is None:
        return None
    a, found = named
    return [lsp.Location(a.uri, a.index.range(o.name.span)) for o in editor.occurrences_of(a.budget, found.name.text)
            if params.context.include_declaration or not o.declaration]


@server.feature(lsp.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
@_guarded
async def document_symbols(ls: BudsjettServer, params: lsp.DocumentSymbolParams) -> list[lsp.DocumentSymbol] | None:
    a = await ls.current(params.text_document.uri)
    if a is None:
        return None

    def convert(s: editor.Symbol) -> lsp.DocumentSymbol:
        return lsp.DocumentSymbol(name=s.name, kind=_SYMBOL_KIND[s.kind], range=a.index.range(s.span),
                                  selection_range=a.index.range(s.selection), detail=s.detail or None,
                                  children=[convert(c) for c in s.children] or None)

    return [convert(s) for s in editor.outline(a.budget)]


@server.feature(lsp.TEXT_DOCUMENT_COMPLETION, lsp.CompletionOptions(trigger_characters=['"']))
@_guarded
async def completion(ls: BudsjettServer, params: lsp.CompletionParams) -> lsp.CompletionList | None:
    a = await ls.current(params.text_document.uri)
    if a is None:
        return None
    items = [
        lsp.CompletionItem(label=c.label, kind=_COMPLETION_KIND[c.kind], detail=c.detail,
                           text_edit=lsp.TextEdit(a.index.edit_range(Edit(c.start, c.end, "")), c.insert))
        for c in editor.completions(a.budget, a.index.offset(params.position))
    ]
    return lsp.CompletionList(is_incomplete=False, items=items)


# -- colour ------------------------------------------------------------------------------------

_LEGEND = lsp.SemanticTokensLegend(token_types=list(editor.TOKEN_TYPES), token_modifiers=list(editor.TOKEN_MODIFIERS))
_TYPE_INDEX = {t: i for i, t in enumerate(editor.TOKEN_TYPES)}
_MODIFIER_BIT = {m: 1 << i for i, m in enumerate(editor.TOKEN_MODIFIERS)}


def encode_tokens(a: Analysis) -> list[int]:
    """The document's semantic tokens in the protocol's relative form: for each token the line
    and start as deltas from the one before, its length, type and modifiers (in the agreed
    position encoding)."""
    data: list[int] = []
    line = character = 0
    for t in editor.semantic_tokens(a.text):
        start, end = a.index.position(t.start), a.index.position(t.end)
        data += [start.line - line, start.character - (character if start.line == line else 0),
                 end.character - start.character, _TYPE_INDEX[t.type],
                 sum(_MODIFIER_BIT[m] for m in t.modifiers)]
        line, character = start.line, start.character
    return data


def tokens_delta(old: list[int], new: list[int]) -> list[lsp.SemanticTokensEdit]:
    """One edit that turns `old` into `new`: what lies between their common start and end."""
    if old == new:
        return []
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return [lsp.SemanticTokensEdit(start=head, delete_count=len(old) - head - tail, data=new[head:len(new) - tail])]


@server.feature(lsp.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL,
                lsp.SemanticTokensRegistrationOptions(legend=_LEGEND, full=lsp.SemanticTokensFullDelta(delta=True),
                                                      document_selector=[lsp.TextDocumentFilterLanguage(language="budsjett")]))
@_guarded
async def semantic_tokens_full(ls: BudsjettServer, params: lsp.SemanticTokensParams) -> lsp.SemanticTokens | None:
    a = await ls.current(params.text_document.uri)
    if a is None:
        return None
    return ls.remember_tokens(a.uri, encode_tokens(a))


@server.feature(lsp.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL_DELTA)
@_guarded
async def semantic_tokens_delta(ls: BudsjettServer, params: lsp.SemanticTokensDeltaParams
                                ) -> lsp.SemanticTokens | lsp.SemanticTokensDelta | None:
    a = await ls.current(params.text_document.uri)
    if a is None:
        return None
    previous = ls.tokens.get(a.uri)
    data = encode_tokens(a)
    if previous is None or previous[0] != params.previous_result_id:
        return ls.remember_tokens(a.uri, data)  # a result the server no longer has: the whole set
    sent = ls.remember_tokens(a.uri, data)
    return lsp.SemanticTokensDelta(edits=tokens_delta(previous[1], data), result_id=sent.result_id)


# -- changing the document -----------------------------------------------------------------


#: The kind of "fix all": what editors run on save (`"editor.codeActionsOnSave": {"source.fixAll": ...}`).
FIX_ALL = f"{lsp.CodeActionKind.SourceFixAll.value}.budsjett"


def _asked(only: Sequence[str] | None, kind: str) -> bool:
    """Whether a request limited to the kinds `only` (None: any) wants actions of `kind`."""
    return not only or any(kind == k or kind.startswith(k + ".") for k in only)


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix, FIX_ALL]))
@_guarded
async def code_actions(ls: BudsjettServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction] | None:
    a = await ls.current(params.text_document.uri)
    if a is None:
        return None
    only = params.context.only
    actions = _quick_fixes(ls, a, params.range) if _asked(only, lsp.CodeActionKind.QuickFix.value) else []
    doc = ls.document(params.text_document.uri)
    # Asked for by kind (on save), or beside a quick fix where a finding in range has a safe fix:
    # not on every move of the cursor, since it checks the text again after each pass.
    fixable = [shown for d, shown in zip(a.result.diagnostics, a.diagnostics, strict=True) if d.fix and d.fix.safe]
    if doc is not None and _asked(only, FIX_ALL) and fixable and (
            only or any(_overlaps(shown.range, params.range) for shown in fixable)):
        fixed = await asyncio.to_thread(fix_text, a.text, a.result.file, ls.config_for(doc))
        if fixed.fixed and fixed.text != a.text:
            noun = "fix" if fixed.fixed == 1 else "fixes"
            actions.append(lsp.CodeAction(f"Apply every safe fix ({fixed.fixed} {noun}), as `check --fix` does",
                                          kind=FIX_ALL, edit=ls.workspace_edit(a, [Edit(0, len(a.text), fixed.text)])))
    return actions if actions or not only else None


def _quick_fixes(ls: BudsjettServer, a: Analysis, wanted: lsp.Range) -> list[lsp.CodeAction]:
    """The fixes of the findings in range and the remedies their rules offer to choose among
    (`remedies(budget, span)` in a rule's module), then, last, suppressing each of them on its line."""
    actions: list[lsp.CodeAction] = []
    suppressions: dict[tuple[int, str], lsp.CodeAction] = {}
    shown_at: dict[tuple[int, str], list[lsp.Diagnostic]] = {}  # the findings each suppression silences
    for d, shown in zip(a.result.diagnostics, a.diagnostics, strict=True):
        if not _overlaps(shown.range, wanted):
            continue
        if d.fix is not None:
            title = _title(d.fix.description) + ("" if d.fix.safe else " (unsafe)")
            actions.append(lsp.CodeAction(title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[shown],
                                          is_preferred=d.fix.safe, edit=ls.workspace_edit(a, list(d.fix.edits))))
        remedies = getattr(BY_CODE.get(d.code), "remedies", None)  # choices the rule offers a person
        for fix in remedies(a.budget, d.span) if remedies is not None else ():
            actions.append(lsp.CodeAction(_title(fix.description), kind=lsp.CodeActionKind.QuickFix,
                                          diagnostics=[shown], edit=ls.workspace_edit(a, list(fix.edits))))
        key = (d.span.line, d.code)
        if d.code.startswith("SYN") or d.code in _UNSUPPRESSIBLE:
            continue  # a syntax error is to be fixed, not silenced
        if key in suppressions:
            shown_at[key].append(shown)
            continue
        edit = editor.suppression_edit(a.budget, d.span.line, d.code)
        if edit is not None:
            shown_at[key] = [shown]
            suppressions[key] = lsp.CodeAction(f"Suppress {d.code} on this line", kind=lsp.CodeActionKind.QuickFix,
                                               diagnostics=shown_at[key], edit=ls.workspace_edit(a, [edit]))
        year = year_of(d) if d.code in PER_YEAR else None
        one_year = year and editor.suppression_edit(a.budget, d.span.line, f"{d.code}:{year}")
        if one_year:
            suppressions[(d.span.line, f"{d.code}:{year}")] = lsp.CodeAction(
                f"Suppress {d.code} for {year} only", kind=lsp.CodeActionKind.QuickFix, diagnostics=[shown],
                edit=ls.workspace_edit(a, [one_year]))
    return actions + list(suppressions.values())


def _title(description: str) -> str:
    return description[:1].upper() + description[1:]


def _overlaps(a: lsp.Range, b: lsp.Range) -> bool:
    def key(p: lsp.Position) -> tuple[int, int]:
        return p.line, p.character

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)


@server.feature(lsp.TEXT_DOCUMENT_FORMATTING)
@_guarded
async def formatting(ls: BudsjettServer, params: lsp.DocumentFormattingParams) -> list[lsp.TextEdit] | None:
    """The whole document in the canonical layout, as `budsjett-lint format` writes it; nothing
    for a document with syntax errors, which the formatter does not rewrite."""
    a = await ls.current(params.text_document.uri)
    doc = ls.document(params.text_document.uri)
    if a is None or doc is None or any(d.code.startswith("SYN") for d in a.result.diagnostics):
        return None
    from .formatter import FormatterError, format_text

    try:
        formatted = format_text(a.text, ls.config_for(doc).format)
    except FormatterError as exc:
        log.error("not formatted: %s", exc)
        return None
    if formatted == a.text:
        return []
    return [lsp.TextEdit(lsp.Range(a.index.position(0), a.index.position(len(a.text))), formatted)]


@server.feature(lsp.TEXT_DOCUMENT_PREPARE_RENAME)
@_guarded
async def prepare_rename(ls: BudsjettServer, params: lsp.PrepareRenameParams) -> lsp.PrepareRenamePlaceholder | None:
    named = await _named_at(ls, params.text_document.uri, params.position)
    if named is None:
        return None
    a, found = named
    start, end = found.inner
    return lsp.PrepareRenamePlaceholder(range=lsp.Range(a.index.position(start), a.index.position(end)),
                                        placeholder=found.name.text)


@server.feature(lsp.TEXT_DOCUMENT_RENAME)
@_guarded
async def rename(ls: BudsjettServer, params: lsp.RenameParams) -> lsp.WorkspaceEdit | None:
    named = await _named_at(ls, params.text_document.uri, params.position)
    if named is None:
        return None
    a, found = named
    try:
        edits = editor.rename_edits(a.budget, found.name.text, params.new_name)
    except editor.RenameError as exc:
        message = f'cannot rename "{found.name.text}": {exc}'
        raise JsonRpcException(message, int(lsp.LSPErrorCodes.RequestFailed)) from None
    return ls.workspace_edit(a, edits)


def main() -> None:
    """Serve on stdio until the client says exit."""
    # What is loaded by now (the modules, the rules, pygls) lives as long as the server: out of
    # the cycle collector's way, so that its passes walk only what each check makes.
    gc.collect()
    gc.freeze()
    server.start_io(stdin=cast(BinaryIO, Frames(sys.stdin.buffer)))  # a reader of whole frames, as pygls reads
