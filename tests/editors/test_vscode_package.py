"""The VS Code extension packages cleanly, as a publisher would make it: `npm ci`, then
`vsce package`, with the sources bundled by esbuild (no node_modules/ in the package), the
licence in it, and no warning. Needs Node.js and the npm registry; skipped, saying which is
missing, where either is not there. About 30 s, most of it `npm ci`."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

VSCODE = ROOT / "editors" / "vscode"
NPM = shutil.which("npm")
NODE = shutil.which("node")


def test_the_extension_carries_the_project_licence():
    assert (VSCODE / "LICENSE").read_text(encoding="utf-8") == (ROOT / "LICENSE").read_text(encoding="utf-8")


@pytest.mark.skipif(NPM is None or NODE is None, reason="no Node.js/npm on the PATH to package the extension with")
def test_vsce_packages_a_small_bundled_extension(tmp_path: Path) -> None:
    work = tmp_path / "vscode"
    shutil.copytree(VSCODE, work, ignore=shutil.ignore_patterns("node_modules", "dist", "*.vsix"))
    installed = subprocess.run([NPM, "ci", "--no-audit", "--no-fund"], cwd=work, capture_output=True, text=True,
                               timeout=600)
    if installed.returncode and ("ENOTFOUND" in installed.stderr or "EAI_AGAIN" in installed.stderr):
        pytest.skip(f"the npm registry cannot be reached: {installed.stderr.strip().splitlines()[-1:]}")
    assert installed.returncode == 0, installed.stderr[-3000:]
    packaged = subprocess.run([NPM, "run", "package"], cwd=work, capture_output=True, text=True, timeout=300)
    assert packaged.returncode == 0, packaged.stdout[-3000:] + packaged.stderr[-3000:]
    assert "WARNING" not in packaged.stdout + packaged.stderr
    [vsix] = work.glob("*.vsix")
    names = zipfile.ZipFile(vsix).namelist()
    assert "extension/dist/extension.js" in names and "extension/LICENSE.txt" in names
    assert not [n for n in names if "node_modules" in n or n.endswith("extension/extension.js")]
    assert len(names) <= 10, names

    # The bundle loads and exports what VS Code calls, with every module it needs inside it
    # (VS Code's own `vscode` module stood in for by a stub that answers anything).
    stub = tmp_path / "stub" / "vscode"
    stub.mkdir(parents=True)
    (stub / "index.js").write_text(
        'const stub = () => new Proxy(function () {}, {get: (t, k) => (k === "prototype" ? {} : stub()),'
        " construct: () => stub()});\nmodule.exports = stub();\n", encoding="utf-8")
    shutil.rmtree(work / "node_modules")
    loaded = subprocess.run([NODE, "-e", "const e = require('./dist/extension.js');"
                             " console.log(typeof e.activate, typeof e.deactivate)"],
                            cwd=work, capture_output=True, text=True, timeout=60,
                            env={"NODE_PATH": str(stub.parent), "PATH": str(Path(NODE).parent)})
    assert loaded.stdout.split() == ["function", "function"], loaded.stderr[-2000:]
