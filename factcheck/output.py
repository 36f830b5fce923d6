"""Writing report files: each target is checked before the run, then replaced atomically after it.

A report, graph or baseline is written to a temporary file in the target's own
folder and renamed over the target only once it is complete and on disk, so a
failure or a kill at any moment leaves either the previous file or the new
one, never a truncated mix. The checks run before any analysis, so that a
missing folder, a read-only target or a full disk costs the user no time.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from .errors import OutputError


@dataclass(frozen=True)
class Target:
    """A file the run will write, after its checks passed."""

    given: str  # as the user wrote it, for messages
    flag: str  # the option that named it: -o, --graph, --write-baseline
    path: Path  # where the bytes go: a symlinked report is replaced at the link's target, the link stays
    direct: bool  # a device or FIFO such as /dev/stdout: written in place, there is no file to protect


def check_target(given: str, flag: str) -> Target:
    """Raise OutputError (one line, exit 2) when `given` cannot be written; called before the run."""
    where = f"{flag} {given}"
    named = Path(given)
    # A device, FIFO or pipe (stat follows /dev/stdout to it), or any /dev or
    # /proc name (/dev/stdout redirected to a file): written through as named.
    special = named.exists() and not named.is_file() and not named.is_dir()
    if special or named.is_absolute() and named.parts[1:2] in (("dev",), ("proc",)):
        if not os.access(named, os.W_OK):
            raise OutputError(where, "cannot be written (permission denied)")
        return Target(given, flag, named, direct=True)
    path = Path(os.path.realpath(given))
    if path.is_dir():
        raise OutputError(where, "is a folder, not a file")
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(where, f"{folder} is not a folder" if folder.exists() else f"folder {folder} does not exist")
    # Mode bits first: root passes every permission test, but a file or folder
    # the user made read-only is still one they did not want overwritten.
    if path.exists() and not path.stat().st_mode & 0o222:
        raise OutputError(where, "is read-only")
    if not folder.stat().st_mode & 0o222:
        raise OutputError(where, f"folder {folder} is read-only")
    try:
        handle, probe = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        os.close(handle)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(where, f"cannot write in {folder} ({exc.strerror})") from exc
    if shutil.disk_usage(folder).free == 0:
        raise OutputError(where, f"no space left on the device of {folder}")
    return Target(given, flag, path, direct=False)


def encode(text: str) -> bytes:
    """UTF-8 that never fails: a lone surrogate (from an undecodable file name) becomes a visible `\\udcxx`.

    Inside a JSON or SARIF string that escape is itself valid JSON.
    """
    return text.encode("utf-8", errors="backslashreplace")


def write_target(target: Target, text: str) -> None:
    """Write `text` to `target`: complete and renamed into place, or not at all."""
    data = encode(text)
    where = f"{target.flag} {target.given}"
    if target.direct:
        try:
            with open(target.path, "wb") as handle:
                handle.write(data)
        except OSError as exc:
            raise OutputError(where, f"cannot be written ({exc.strerror})") from exc
        return
    folder = target.path.parent
    temporary = ""
    try:
        handle_no, temporary = tempfile.mkstemp(prefix=f".{target.path.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle_no, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode_for(target.path))
        os.replace(temporary, target.path)
    except BaseException as exc:  # a KeyboardInterrupt too: the previous file stays and no temporary is left
        if temporary:
            with suppress(OSError):
                os.unlink(temporary)
        if isinstance(exc, OSError):
            raise OutputError(where, f"cannot be written ({exc.strerror}); the previous file is intact") from exc
        raise
    _sync_folder(folder)


def write_file(given: str, text: str, flag: str = "-o") -> None:
    """Check and write in one step, for callers (the Python API) that have no earlier moment to check."""
    write_target(check_target(given, flag), text)


def _mode_for(path: Path) -> int:
    """The previous file's permissions, or those a plain open() would give a new file."""
    with suppress(OSError):
        return stat.S_IMODE(path.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable; some systems (and some file systems) cannot, which is harmless."""
    with suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
