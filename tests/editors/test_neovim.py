"""A real editor against the server: headless Neovim with its own LSP client.

Neovim opens a small proposal, waits for the server's diagnostics, applies the
rule's quick fix (not the suppression) and sees the diagnostic go (the script: `nvim_quickfix.lua`).
`.ci/run` installs Neovim (Debian's package); elsewhere the test is skipped,
saying so, when there is no `nvim` on the PATH.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("nvim_quickfix.lua")
SERVER = str(Path(sys.executable).with_name("budsjett-lint"))

# LNK001 at the offset: a misspelt name, with the did-you-mean as its fix.
TEXT = '''\
budget "Eksempel" period 2020..2021
section "Oppvekst" oppvekst
item "Toppet bemanning" oppvekst 2020=1 2021=1
cover "Redusert vikarinnleie" oppvekst 2020=1 2021=1
offset "Toppet bemanning" <-> "Redusert vikarinleie"
'''
# FUN001 at the directive: no fix of the rule's, the first of its remedies is `cost none`.
UNFUNDED = '''\
budget "Eksempel" period 2020..2021
item "Toppet bemanning" oppvekst 2020=1 2021=1
cover "Redusert vikarinnleie" oppvekst 2020=1 2021=1
directive "Tegnspråkklubb" kultur cost ?
'''

NVIM = shutil.which("nvim")


@pytest.mark.skipif(NVIM is None, reason="no Neovim (nvim) on the PATH: `apt-get install neovim` to run this test")
@pytest.mark.parametrize(("text", "code", "fixed"), [
    (TEXT, "LNK001", '"Redusert vikarinnleie"'),
    (UNFUNDED, "FUN001", 'directive "Tegnspråkklubb" kultur cost none'),
])
def test_neovim_applies_a_quick_fix_and_the_diagnostic_goes(tmp_path: Path, text: str, code: str, fixed: str) -> None:
    source = tmp_path / "eksempel.budsjett"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "nvim.jsonl"
    env = {**os.environ, "BUDSJETT_NVIM_OUT": str(out), "BUDSJETT_SERVER": SERVER, "HOME": str(tmp_path)}
    done = subprocess.run([NVIM, "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", f"luafile {SCRIPT}",
                           str(source)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    seen = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    assert done.returncode == 0, (seen, done.stderr[-2000:])
    before, fixing, after = seen
    assert code in before["before"]
    assert fixing["fixing"] == code
    assert code not in after["after"]
    assert fixed in after["text"]
