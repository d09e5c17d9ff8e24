"""Text that came from a file or a file name, as a report may show it: the one escaping function.

A budget file, a comment in it, or the name of a file on a branch is written by whoever
wrote the branch. Printed raw, a control character drives the terminal (`ESC [2J` clears
it), a line break starts a new line of a one-line format (and, in GitHub's log, a new
workflow command), and a bidi control (U+202E) makes a line read other than it is. Every
report and message shows such characters as `<U+XXXX>`: the control characters (but the
tab), the format characters (bidi controls, zero-width characters, the byte-order mark),
the line and paragraph separators, surrogates (a file name that is not UTF-8), and
private-use and unassigned code points. Spaces, including the no-break space, stay.
"""

from __future__ import annotations

import unicodedata


def visible(text: str) -> str:
    """`text` with every character that is not visible, or that moves the terminal, as `<U+XXXX>`."""
    if text.isprintable():  # the common case: nothing to do
        return text
    return "".join(ch if ch.isprintable() or ch == "\t" or unicodedata.category(ch) == "Zs"
                   else f"<U+{ord(ch):04X}>" for ch in text)
