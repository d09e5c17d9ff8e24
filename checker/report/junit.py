"""JUnit XML: a test suite per file and a test case per rule that ran on it.

A rule with findings at or above the failing severity (`--fail-on`, errors by
default) is a failed test case whose failure lists them, one a line as
`file:line:col: CODE message`; a rule whose findings are all below it passes,
with its findings in the test case's output, as the run itself does not fail
on them. The rules that found nothing pass, so that CI shows what was
checked and not only what failed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import Sequence

from ...rules.catalogue import entries
from ..diagnostics import SEVERITY_RANK, Diagnostic
from ..diagnostics import one_line
from ..engine import CheckResult
from ..escaping import visible
from . import Context, relative

# Characters that XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NAMES = {e["code"]: e["name"] for e in entries()}


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def render(results: Sequence[CheckResult], context: Context) -> str:
    suites = ET.Element("testsuites", name="budsjett-lint")
    total_tests = total_failures = 0
    for r in results:
        path = _clean(visible(relative(r.file, context.root)))
        by_code: dict[str, list[Diagnostic]] = defaultdict(list)
        for d in r.diagnostics:
            by_code[d.code].append(d)
        codes = sorted(set(r.codes) | set(by_code))
        fails = {c for c, found in by_code.items()
                 if any(SEVERITY_RANK[d.severity] >= SEVERITY_RANK[context.fail_on] for d in found)}
        failures = len(fails)
        suite = ET.SubElement(suites, "testsuite", name=path, tests=str(len(codes)), failures=str(failures),
                              errors="0", skipped="0")
        for code in codes:
            case = ET.SubElement(suite, "testcase", classname=path, name=f"{code} {_NAMES.get(code, code)}")
            found = by_code.get(code)
            if not found:
                continue
            listed = _clean("".join(one_line(path, d.span, d.code, d.message) + "\n" for d in found))
            if code in fails:
                failure = ET.SubElement(case, "failure", type=code,
                                        message=_clean(f"{len(found)} finding{'s' * (len(found) != 1)}: "
                                                       f"{found[0].message}"))
                failure.text = listed
            else:  # below --fail-on: shown, not failed
                ET.SubElement(case, "system-out").text = listed
        total_tests += len(codes)
        total_failures += failures
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
