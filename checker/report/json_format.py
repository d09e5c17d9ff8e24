"""A JSON list of diagnostics, 1-based lines and columns."""

from __future__ import annotations

import json
from typing import Sequence

from ..engine import CheckResult
from . import Context


def render(results: Sequence[CheckResult], context: Context) -> str:
    items = [d.to_json() for r in results for d in r.diagnostics]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
