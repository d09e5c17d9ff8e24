"""A bug in a check or a feature: the editor is told in one line, the old findings go, and the server goes on."""

from __future__ import annotations

import sys

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pytest_lsp import ClientServerConfig, LanguageClient

from tests.checker.test_server import DOC, Doc, hover, seen, start, stop, expected

pytestmark = pytest.mark.asyncio(loop_scope="module")

#: The server, with a rule that crashes on a text holding BOOM and a hover that crashes on a name holding ZAP.
BROKEN = """
from decimal import InvalidOperation
from budsjett_lint.checker.editor import editor
from budsjett_lint.rules import RULES
rule, check, hover = RULES[0], RULES[0].check, editor.hover
def crash(budget, options):
    if "BOOM" in budget.text:
        raise InvalidOperation([InvalidOperation])
    return check(budget, options)
def crash_hover(budget, name):
    if "ZAP" in name:
        raise KeyError(name)
    return hover(budget, name)
rule.check, editor.hover = crash, crash_hover
from budsjett_lint.checker.editor.server import main
main()
"""


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=[sys.executable, "-c", BROKEN]))
async def client(lsp_client: LanguageClient, tmp_path_factory):
    await start(lsp_client, tmp_path_factory, "visual-studio-code")
    yield
    await stop(lsp_client)


async def test_a_check_that_fails_replaces_the_old_diagnostics_with_one_that_says_so(client: LanguageClient):
    doc = Doc(client, DOC)
    assert await doc.diagnostics()
    doc.change(DOC + "# BOOM\n")
    (only,) = await doc.diagnostics()
    assert only.message.startswith("internal error: decimal.InvalidOperation")
    assert "bug in budsjett-lint" in only.message and "Traceback" not in only.message
    assert only.severity == lsp.DiagnosticSeverity.Error
    assert await hover(client, doc.ident(), doc.at("Toppet")) is None
    doc.change(DOC)
    assert seen(await doc.diagnostics()) == expected(DOC, doc.path)


async def test_a_request_that_fails_answers_in_one_line(client: LanguageClient):
    text = DOC.replace("Toppet bemanning", "Toppet ZAP")
    doc = Doc(client, text)
    await doc.diagnostics()
    with pytest.raises(JsonRpcException) as failed:
        await hover(client, doc.ident(), doc.at("Toppet ZAP"))
    assert "internal error: KeyError" in str(failed.value) and "Traceback" not in str(failed.value)
    assert await hover(client, doc.ident(), doc.at("Redusert")) is not None
