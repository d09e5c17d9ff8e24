"""The SYN codes: problems the parser finds before any rule runs.

These are not rules with a `check()`: the parser reports them while reading
(`dsl/parser.py`). They are listed here so that the catalogue, `budsjett-lint
rule SYN001` and the documentation know them like every other code.
"""

from __future__ import annotations

from typing import NamedTuple

from .base import Severity


class ParserCode(NamedTuple):
    code: str
    name: str
    summary: str
    doc: str
    severity: Severity = "error"


CODES: tuple[ParserCode, ...] = (
    ParserCode("SYN001", "unexpected-input", "Text the grammar does not allow at that place", """\
## What it does
Reports the first token of a statement that the grammar does not allow where
it stands, says what was expected instead, and goes on with the next line
that starts a statement.

## Why
A statement the parser cannot read is left out of every other check: the
balance of a year could look right only because a broken line was skipped.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020 = 1
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020=1
```
"""),
    ParserCode("SYN002", "unterminated-string", "A quoted name or a text block that is never closed", """\
## What it does
Reports a `"` that is not closed on the same line, or a `\"\"\"` text block
that is never closed. The rest of the file is read from the next statement.

## Why
An open quote swallows what follows it; the parser stops the damage at the
next statement, but the statement with the open quote is lost.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen oppvekst 2020=1
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020=1
```
"""),
    ParserCode("SYN003", "invalid-amount", "An amount that is not a number in the language's notation", """\
## What it does
Reports an amount that is missing (`2020=`), written with a decimal comma
(`3,5`), in exponent notation (`1e3`), with leading zeros (`00.5`), or not a
number at all (`nan`), and an amount larger or finer than any budget's: more
than 15 digits before the point or 8 after it (`1000000000000000`,
`0.000000001`). Amounts are millions with a decimal point, or kroner written as
`400 000 kr`; `?` marks a year the document names without a figure.

## Why
A figure the tool cannot read cannot be added up; guessing what `3,5` or
`1e3` means would put a figure in the budget that nobody wrote. Within the
limits every amount, and every sum of them, is exact.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020=3,5
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020=3.5
```
"""),
    ParserCode("SYN004", "invalid-year", "A year, range or date that is not one", """\
## What it does
Reports years that do not have four digits (`0`, `99999`, `-2020`), ranges
that run backwards (`2023..2020`) and months outside 1 to 12.

## Why
Amounts are placed by year; a year that is not one places an amount nowhere.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2021..2020=1
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020..2021=1
```
"""),
    ParserCode("SYN005", "invalid-unit", "A unit other than mill, tusen or kr", """\
## What it does
Reports a `unit` in the header that is not `mill` (millions of NOK, the
default), `tusen` (thousands of NOK) or `kr`.

## Why
Every amount is read in the unit of the header; an unknown unit would make
every figure of the file uncertain.

## Example
```budsjett
budget "Eksempel" period 2020..2021 unit euro
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021 unit mill
```
"""),
    ParserCode("SYN006", "repeated-attribute", "An attribute given twice on one line", """\
## What it does
Reports an attribute such as `heading`, `halfyear` or `text` that a line
gives more than once.

## Why
Two headings or two texts on one line leave it open which one is meant.

## Example
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020=1 heading 1 heading 2
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2021
item "Kulturskolen" oppvekst 2020=1 heading 1
```
"""),
    ParserCode("SYN007", "invalid-encoding", "A file that is not valid UTF-8", """\
## What it does
Reports the byte offset of the first byte sequence that is not UTF-8. The
file is not checked further.

## Why
Budget files are UTF-8, so that æ, ø and å are the same letters on every
machine. A file saved in another encoding would change names silently.

## Example
A file saved as Latin-1, where `ø` is the single byte 0xF8.

## Use instead
Save the file as UTF-8 (with or without a BOM).
"""),
    ParserCode("SYN008", "period-too-long", "A period of more than 100 years", """\
## What it does
Reports a `period` in the header that spans more than 100 years. The header
is not read, so the file is checked as one without a header (STR006).

## Why
An economic plan runs over a few years, and every balance rule checks each
year of it: `period 1000..9999` is a typing error, and would make each run
check 9 000 years.

## Example
```budsjett
budget "Eksempel" period 2020..9999
```

## Use instead
```budsjett
budget "Eksempel" period 2020..2023
```
"""),
)
