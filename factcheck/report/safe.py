"""Article text made harmless for the place it is shown: a terminal, a spreadsheet, a Markdown comment.

Article text, titles and file names come from whoever wrote the corpus. Shown
raw, an escape sequence recolours or retitles the reader's terminal, a newline
in a file name forges GitHub workflow commands in a CI log, a cell that starts
with "=" runs as a formula in a spreadsheet, and "@name" pings a stranger from
a pull-request comment. Each renderer passes such text through one of these.
"""

from __future__ import annotations

import html
import re
from typing import Any

# C0 controls (newline and tab included), DEL, C1 controls (a lone 0x9b is a
# CSI on some terminals), line and paragraph separators, and the bidirectional
# overrides and isolates that make text display in another order than it reads.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text: str) -> str:
    """One line with every control character written out (`\\x1b`, `\\n`), so nothing reaches the terminal raw."""
    return _CONTROL.sub(_visible, text)


# OWASP's list for CSV injection: a spreadsheet reads these first characters as a formula.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula gets a leading `'`; numbers stay numbers."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_row(row: dict[str, Any]) -> dict[str, Any]:
    return {key: csv_cell(value) for key, value in row.items()}


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def markdown(text: str) -> str:
    """Text for a Markdown table cell: one line, no HTML, no links or emphasis, no @mentions."""
    text = html.escape(" ".join(terminal(text).split()), quote=False)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    # A zero-width space after "@" keeps the text readable and stops the mention.
    return text.replace("@", "@&#8203;")


def markdown_code(text: str) -> str:
    """A code span (inside which HTML and mentions are inert) whose fence no backtick in `text` can close."""
    text = " ".join(terminal(text).split()).replace("|", "\\|")
    longest = max((len(run) for run in re.findall("`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if longest or text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"
