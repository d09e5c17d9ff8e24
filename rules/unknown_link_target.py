"""A link whose end names no entry, directive, fund or pot.

## What it does
Checks both ends of every `offset`, `funds` and `reallocate` link against the
names the file declares (entries, directives, funds and pots), and reports an
end that names none of them, with the closest declared name as a suggestion.

## Why
A link is how the file says that a saving is caused by a measure, that a
coverage line pays for a use, or that money moves from a pot to a new use. A
link whose end names nothing says none of that: the saving is tied to no
measure, the use is funded by nothing, and every check that follows links
passes it by without a word. One letter wrong in a heading is enough.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
cover "Redusert vikarinnleie barnehage" oppvekst 2020..2021=?
offset "Toppet bemaning i barnehage" <-> "Redusert vikarinnleie barnehage"
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Toppet bemanning i barnehage" oppvekst 2020=3.5 2021=7
cover "Redusert vikarinnleie barnehage" oppvekst 2020..2021=?
offset "Toppet bemanning i barnehage" <-> "Redusert vikarinnleie barnehage"
```

## Fix
Unsafe: replaces the name with the closest declared name, where one is close
enough. Check that it is the line you meant.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import Budget, Link, Name
from ._names import Guesser
from .base import Edit, Finding, Fix, NoOptions, Related

CODE = "LNK001"
NAME = "unknown-link-target"
SEVERITY = "error"
SUMMARY = "A link whose end names no entry, directive, fund or pot"
FIX = "unsafe"
Options = NoOptions

_ENDS = {
    "offset": ("measure", "saving"),
    "funds": ("coverage", "use"),
    "reallocates": ("source", "target"),
}


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    declared = budget.named
    guesser = Guesser(declared)
    for link in budget.links:
        for end, role in zip((link.source, link.target), _ENDS[link.kind]):
            if end.text in declared:
                continue
            yield _finding(link, end, role, guesser.guess(end.text), budget)


def _finding(link: Link, end: Name, role: str, suggestion: str | None, budget: Budget) -> Finding:
    message = f"the {role} of this `{_keyword(link)}` link, `{end.text}`, names no entry, directive, fund or pot"
    if suggestion is None:
        return Finding(message, end.span, "declare a line of that name, or name one that the file declares")
    target = budget.named[suggestion]
    edit = Edit(end.span.start + 1, end.span.end - 1, suggestion)  # inside the quotes
    return Finding(
        message,
        end.span,
        f"did you mean `{suggestion}`?",
        (Related(target.name.span, "declared here"),),
        Fix(f"link `{suggestion}` instead", (edit,), safe=False),
    )


def _keyword(link: Link) -> str:
    return "reallocate" if link.kind == "reallocates" else link.kind
