"""Lines of the text report with styled pieces: printed by rich on a terminal, as plain text off one.

Off a terminal (a pipe, a file, `--format text` in CI) rich prints a report's lines as their plain
text: no colour, no wrapping (soft wrap), no markup read from a Text. Importing rich and running
its renderer for that cost about 0.05 s of CPU, a few percent of a draft's whole check
(`check DRAFT --against`), so rich is imported only when colour is asked for. A `Styled` line
records what rich's `Text` is told (pieces and styles) and replays it into one for a terminal;
tests/test_styled.py compares the plain output with rich's on every report the tests render.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any, Union

Piece = tuple[Union[str, "Styled"], str]


@dataclass
class Styled:
    """Text with a style of its own and styled pieces appended (rich's `Text(text, style=...)`)."""

    text: str = ""
    style: str = ""
    pieces: list[Piece] = field(default_factory=list)

    def append(self, text: str, style: str = "") -> Styled:
        self.pieces.append((text, style))
        return self

    def append_text(self, other: Styled) -> Styled:
        self.pieces.append((other, ""))
        return self

    @property
    def plain(self) -> str:
        return self.text + "".join(p.plain if isinstance(p, Styled) else p for p, _ in self.pieces)

    def rich(self) -> Any:
        """The same as a rich `Text`."""
        from rich.text import Text

        text = Text(self.text, style=self.style)
        for piece, style in self.pieces:
            if isinstance(piece, Styled):
                text.append_text(piece.rich())
            else:
                text.append(piece, style=style)
        return text


class Printer:
    """Prints lines as rich's Console did for the report: with colour, or plain (one line per item)."""

    def __init__(self, color: bool, width: int, rich: bool | None = None) -> None:
        self.is_terminal = color
        self.buffer = io.StringIO()
        self.console: Any = None
        if color if rich is None else rich:
            from rich.console import Console

            self.console = Console(
                file=self.buffer,
                force_terminal=color,
                no_color=not color,
                width=width,
                color_system="standard" if color else None,
                highlight=False,
                soft_wrap=not color,  # piped text keeps one line per item, for grep and diffs
            )

    def print(self, line: Styled | None = None) -> None:
        if self.console is not None:
            self.console.print(*([line.rich()] if line is not None else []))
        else:
            self.buffer.write((line.plain if line is not None else "") + "\n")

    def getvalue(self) -> str:
        return self.buffer.getvalue()
