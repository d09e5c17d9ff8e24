"""A GitLab Code Quality report: a JSON list of issues, shown on merge requests.

Each issue has a description, the check's name, a fingerprint that survives
lines moving (unique within the report), a severity, and the path (relative
to the repository root) and lines.
"""

from __future__ import annotations

import hashlib
import json
from typing import Sequence

from ..engine import CheckResult
from ..amend.fingerprint import fingerprints, numbered
from . import Context, relative

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(results: Sequence[CheckResult], context: Context) -> str:
    issues = []
    for r in results:
        path = relative(r.file, context.root)
        for d, fp in zip(r.diagnostics, numbered(fingerprints(r.budget, r.diagnostics))):
            issues.append({
                "type": "issue",
                "description": f"{d.code} {d.message}",
                "check_name": f"{d.code} {d.name}",
                "fingerprint": hashlib.sha256(f"{path}\0{fp}".encode("utf-8")).hexdigest(),
                "severity": SEVERITY[d.severity],
                "categories": ["Bug Risk"],
                "location": {"path": path, "lines": {"begin": max(d.span.line, 1),
                                                            "end": max(d.span.end_line, d.span.line, 1)}},
            })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
