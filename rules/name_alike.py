"""Two names that differ only by invisible characters, surrounding spaces, Unicode form or case.

## What it does
Reports an entry, directive, fund or pot whose name is written differently
from an earlier one's but reads the same: the same after Unicode NFC
normalisation (`å` as one character or as `a` and a ring), with zero-width
characters, bidi controls and spaces at the ends taken away; or the same but
for upper and lower case. It points at the first, and says what differs.
Names written exactly alike are STR001.

## Why
A reader cannot see a zero-width space, a trailing space or a decomposed
`å`, and hardly sees a capital letter: two such lines look like one line
written twice, and a link means one of them by chance. Links find the line
by its name compared this way, so a link names the first; the second is
either the same line given twice or needs a name of its own.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020=1
item "Kulturskolen " kultur 2021=1
item "kulturskolen" kultur 2021=1
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020=1 2021=1
```
"""

from __future__ import annotations

from collections.abc import Iterator

from ..dsl.model import INVISIBLE, Budget, Directive, Entry, Fund, Pot, name_key
from ._names import shown
from .base import Finding, NoOptions, Related

CODE = "STR012"
NAME = "name-alike"
SEVERITY = "error"
SUMMARY = "A name that reads as an earlier one but for invisible characters, spaces, Unicode form or case"
Options = NoOptions


def _difference(first: str, second: str) -> str:
    """What makes two names that compare alike differ, in words."""
    parts = []
    if name_key(first) != name_key(second):
        parts.append("case")
    hidden = sorted({f"U+{ord(ch):04X}" for ch in INVISIBLE.findall(first + second)})
    if hidden:
        parts.append("the invisible character" + "s" * (len(hidden) > 1) + " " + ", ".join(hidden))
    if first.strip() != first or second.strip() != second:
        parts.append("spaces at the ends")
    if not parts:
        parts.append("their Unicode form (NFC and NFD)")
    return "only by " + " and ".join(parts)


def check(budget: Budget, options: NoOptions) -> Iterator[Finding]:
    first = budget.named
    by_case: dict[str, Entry | Directive | Fund | Pot] = {}
    for stmt in budget.statements:
        if not isinstance(stmt, (Entry, Directive, Fund, Pot)):
            continue
        text = stmt.name.text
        key = name_key(text)
        original = first[text]
        if original is stmt:
            other = by_case.setdefault(key.casefold(), stmt)
            if other is stmt:
                continue
            original = other
        elif original.name.text == text:
            continue  # written exactly alike: STR001
        yield Finding(
            # The two names by name, and the first one's place as the related note: the message is
            # the same whichever of them comes first, so moving statements keeps the finding's identity.
            "`{}` and `{}` differ ".format(*(shown(n) for n in sorted((text, original.name.text),
                                                                        key=lambda n: (n.casefold(), n))))
            + _difference(original.name.text, text),
            stmt.name.span,
            "write the name as the first one is written if it is the same line (and merge the two), "
            "else give it a name of its own",
            (Related(original.name.span, "first used here"),),
        )
