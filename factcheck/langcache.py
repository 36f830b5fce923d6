"""A cache of the compiled language data: what `load_lexicon` builds from rules/, pickled, read back next time.

Parsing and validating the rule files and the gazetteer (YAML, JSON Schema, pycountry's countries) costs
a few tenths of a second of every process, the same work each time; a draft checked against an archive
(`check DRAFT --against`) spends a tenth of its whole run there. A process that reads the same rule files
with the same code loads the result instead.

An entry is named by a digest of everything its value is made from: factcheck's version, Python's, the
code that builds it (`sources`) and the bytes and paths of every rule file read (`files`). An edited rule
file or a new release is another name, so a stale entry is never read; one that cannot be read (cut short,
corrupt, from another pickle protocol) is built again and written over. The cache can only make a run
faster: whatever goes wrong with it (no home folder, a read-only disk) the value is built as without it.

Where: `$FACTCHECK_CACHE_DIR`, else `$XDG_CACHE_HOME/factcheck`, else `~/.cache/factcheck`.
`FACTCHECK_CACHE_DIR=` (empty) or `FACTCHECK_NO_CACHE=1` turns it off. The entries are pickles, read only
from that folder, which is the user's own (made readable by the user alone).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable
from contextlib import suppress
from pathlib import Path
from typing import TypeVar

from . import __version__

T = TypeVar("T")

# a change to how an entry is laid out or named (not to what it holds: that is in the digest)
LAYOUT = 1


def cache_dir() -> Path | None:
    """The cache folder, or None when caching is turned off."""
    if os.environ.get("FACTCHECK_NO_CACHE", "") not in ("", "0"):
        return None
    configured = os.environ.get("FACTCHECK_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or ""
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except RuntimeError:  # no home folder to be found: no cache
            return None
    return Path(base) / "factcheck"


def digest(sources: Iterable[Path], files: Iterable[Path], extra: Iterable[str] = ()) -> str:
    """A digest of the versions, the code in `sources`, the paths and bytes of `files` and the `extra` strings."""
    hashed = hashlib.sha256(f"layout {LAYOUT} factcheck {__version__} python {sys.version}".encode())
    for word in extra:
        hashed.update(b"\0extra\0" + word.encode())
    for path in sources:
        hashed.update(b"\0source\0" + path.name.encode() + b"\0" + path.read_bytes())
    for path in files:
        # the path too: a rule's `source` is its file's path, and reports name it
        hashed.update(b"\0file\0" + str(path).encode() + b"\0" + _bytes(path))
    return hashed.hexdigest()[:24]


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b"\0unreadable"  # the build says why, with its own error; nothing of this is stored


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The value stored under `name` and `key`, else `build()`, stored for the next process."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    with suppress(Exception):  # not there, cut short, corrupt, unreadable: built again below
        with path.open("rb") as handle:
            value: T = pickle.load(handle)
        return value
    value = build()
    _store(folder, path, value)
    return value


def _store(folder: Path, path: Path, value: object) -> None:
    """Write `value` to `path` whole or not at all: a temporary file renamed over it."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return
    temporary = ""
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)  # atomic: a process reading meanwhile sees the old entry or the new one
    except OSError:
        if temporary:
            with suppress(OSError):
                os.unlink(temporary)
        return
    _drop_stale(folder, path)


def _drop_stale(folder: Path, current: Path) -> None:
    """Entries of the same name under other keys: made from rule files or code since changed."""
    prefix = current.name.rsplit("-", 1)[0] + "-"
    with suppress(OSError):
        for other in folder.iterdir():
            if other != current and other.name.startswith(prefix) and other.suffix == ".pickle":
                with suppress(OSError):
                    other.unlink()
