"""The engine: parse, run the enabled rules, apply suppressions, sort.

Pure: text and configuration in, diagnostics out. Reading files, writing
output and exit codes belong to the command line and the editor server.
"""

from __future__ import annotations

from types import ModuleType
from typing import NamedTuple

from ..dsl import ParseResult, parse
from ..dsl.model import Budget, Span
from ..dsl.parser import normalize_newlines
from ..rules import RULES
from ..rules.base import Finding, Related, Severity
from ..rules.syntax import CODES as PARSER_CODES
from .config import ALL_CODES, Config
from .diagnostics import Diagnostic
from .escaping import visible
from .suppressions import apply_suppressions

_PARSER_NAMES = {p.code: (p.name, p.severity) for p in PARSER_CODES}

#: The related places a finding shows. A rule may name thousands (every line of a large
#: budget without a figure for a year): nobody reads past the first few, and every report,
#: the editor's included, would carry them all. The rest are counted in a last note.
MAX_RELATED = 20


class CheckResult(NamedTuple):
    file: str
    budget: Budget
    diagnostics: tuple[Diagnostic, ...]
    codes: tuple[str, ...] = ()  # the codes that were checked, for reports that list passing checks
    #: The operating balance per plan year (`rules.totals.operating_balance`), kept by `check` when it
    #: lets the model go, so that the report's verdict still has it; empty where it is not kept.
    balance: tuple = ()


def check_text(text: str, file: str = "-", config: Config | None = None) -> CheckResult:
    """Every finding for one file's text, sorted by position."""
    return check_parsed(parse(text), file, config)


def check_parsed(parsed: ParseResult, file: str = "-", config: Config | None = None) -> CheckResult:
    """`check_text` of a text already parsed (`summary` has parsed it for its tables)."""
    config = config or Config()
    found: list[Diagnostic] = []
    for p in parsed.problems:
        if config.enabled(p.code):
            name, severity = _PARSER_NAMES[p.code]
            found.append(Diagnostic(p.code, name, config.severity_of(p.code, severity), p.message, p.span,
                                    file, p.hint))
    budget = parsed.budget
    for module in RULES:
        if not config.enabled(module.CODE):
            continue
        severity = config.severity_of(module.CODE, module.SEVERITY)
        configured = module.CODE in config.severity
        found.extend(stamp(module, severity if configured or f.severity is None else f.severity, file, f)
                     for f in module.check(budget, config.options_for(module)))
    kept = [_visible(d) for d in apply_suppressions(found, budget, file, config)]
    return CheckResult(file, budget, tuple(sorted(kept, key=lambda d: d.sort_key)),
                       tuple(c for c in ALL_CODES if config.enabled(c)))


def stamp(module: ModuleType, severity: Severity, file: str, f: Finding) -> Diagnostic:
    """A rule's finding as a diagnostic: its code, name, severity and file, and at most
    `MAX_RELATED` related places."""
    related = f.related if len(f.related) <= MAX_RELATED else _capped(f.related, f.span)
    return Diagnostic(module.CODE, module.NAME, severity, f.message, f.span, file, f.hint, related, f.fix)


def _capped(related: tuple[Related, ...], span: Span) -> tuple[Related, ...]:
    more = len(related) - MAX_RELATED
    return related[:MAX_RELATED] + (Related(span, f"and {more} more place{'s' * (more != 1)} like these, not shown"),)


def _visible(d: Diagnostic) -> Diagnostic:
    """The diagnostic with the characters of its words that are not visible shown as
    `<U+XXXX>` (`escaping.visible`): a message, hint, note or fix description that quotes
    a comment or a text could otherwise carry them to a terminal, or break a one-line format."""
    texts = [d.message, d.hint or "", d.fix.description if d.fix else ""] + [r.note for r in d.related]
    if all(t.isprintable() for t in texts):
        return d
    fix = d.fix and d.fix._replace(description=visible(d.fix.description))
    return d._replace(message=visible(d.message), hint=d.hint and visible(d.hint), fix=fix,
                      related=tuple(r._replace(note=visible(r.note)) for r in d.related))


def decode(data: bytes, file: str) -> tuple[str | None, Diagnostic | None]:
    """Decode UTF-8 (a BOM is allowed); a file that is not is a SYN007 finding."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = normalize_newlines(data[: exc.start].decode("utf-8", errors="replace"))  # a lone CR ends a line
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        span = Span(line, column, line, column + 1, len(before), len(before) + 1)
        name, severity = _PARSER_NAMES["SYN007"]
        return None, Diagnostic(
            "SYN007", name, severity,
            f"the file is not valid UTF-8: byte 0x{data[exc.start]:02X} at offset {exc.start} cannot be decoded",
            span, file, "save the file as UTF-8")
    return text, None
