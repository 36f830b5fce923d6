"""Archived articles whose text stays in the archive: what keeps `check --db` small at 100k articles.

Once an article's claims are extracted, the check reads its text only here and
there (56 MB of text in the generated archive of 100k articles, more with longer
articles, all held for the whole run before): a rule's look at a clause, a list or the datelines of
one article at a time, and a report's line and column of each figure it quotes.
So an article loaded from an archive keeps none of its text: it reads it from
the archive's `articles` table when something asks for it, and where its lines
start (for `line_col`, the reports' `path:line:col`) once first asked; the few texts
read last are kept, since a rule reads one article's text many times in a row.
What the text is does not change: the table holds the same text as the article's
blob (`Archive._store` writes both), so every report stays byte-identical.
"""

from __future__ import annotations

import sqlite3
from array import array
from bisect import bisect_right
from collections import OrderedDict
from pathlib import Path
from typing import Any

from .models import Article, Span

RECENT = 64  # texts kept after being read: a rule walks the claims of one article, then the next


class ArchivedTexts:
    """The texts of one archive's articles, read from its `articles` table on demand."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._recent: OrderedDict[tuple[str, int], str] = OrderedDict()

    def text(self, file: str, position: int) -> str:
        key = (file, position)
        found = self._recent.get(key)
        if found is not None:
            self._recent.move_to_end(key)
            return found
        if self._db is None:
            # read-only: the check never writes, and another process may be indexing the same archive
            # (as a URI, with the path percent-encoded: "arsip #1.sqlite" is a file name, not a fragment)
            uri = Path(self.path).absolute().as_uri() + "?mode=ro"
            self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        row = self._db.execute("SELECT text FROM articles WHERE file = ? AND position = ?", key).fetchone()
        text = str(row[0]) if row is not None and row[0] is not None else ""
        self._recent[key] = text
        if len(self._recent) > RECENT:
            self._recent.popitem(last=False)
        return text

    def __getstate__(self) -> dict[str, Any]:
        # a connection cannot be pickled (a worker process or a dask task gets the path and opens its own)
        return {"path": self.path, "_db": None, "_recent": OrderedDict()}


class ArchivedArticle(Article):
    """An Article whose `text` is read from its archive when used; its line starts are kept once `line_col` needs them.

    Made from an unpickled Article by `detach_text`; it compares, prints and
    serialises as the Article it was, text included.
    """

    _texts: ArchivedTexts
    _file: str
    _position: int
    _line_starts: array[int] | None

    @property  # a field of Article, here read from the archive
    def text(self) -> str:
        return self._texts.text(self._file, self._position)

    @text.setter
    def text(self, value: str) -> None:
        raise AttributeError("an archived article's text is read from its archive")

    def _spans(self) -> tuple[list[int], list[int], list[Span]]:
        # not kept: 100k archived articles would hold an index of their boilerplate each for one lookup
        # (the weekday rule's, for a dateline); a few spans sort in no time
        found = Article._spans(self)
        self._span_index = None
        return found

    def line_col(self, offset: int) -> tuple[int, int]:
        record_line = self.metadata.get("jsonl_line")
        if isinstance(record_line, int):
            return record_line, 1
        starts = self._line_starts
        if starts is None:
            # found when first asked for (a report's figures, a suppression comment), then kept: a check that
            # prints only counts asks for none, and 100k articles' line starts were 14 MiB of its peak
            starts = self._line_starts = line_starts(self.text)
        # the lines that start at or before the offset: an offset on a line break belongs to the line it ends
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1


def line_starts(text: str) -> array[int]:
    """The offset of every line's first character (0 first): `Article.line_col` by bisection.

    Four bytes an offset ("I"): a text read in pieces of 20,000 characters is far below 4 GiB.
    """
    starts = array("I", [0])
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


def detach_text(article: Article, texts: ArchivedTexts, file: str, position: int) -> None:
    """Turn an article just loaded from an archive into an ArchivedArticle (in place), dropping its text."""
    state = article.__dict__
    del state["text"]
    state["_line_starts"] = None
    state["_texts"], state["_file"], state["_position"] = texts, file, position
    article.__class__ = ArchivedArticle
