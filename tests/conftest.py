"""Shared fixtures: a session-wide lexicon, article writers, the seeds folder."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# The language-data cache (factcheck/langcache.py) of the tests and of every process they start: a folder of
# the session's own, never the user's home
CACHE = tempfile.mkdtemp(prefix="factcheck-test-cache-")
os.environ["FACTCHECK_CACHE_DIR"] = CACHE
os.environ.pop("FACTCHECK_NO_CACHE", None)
atexit.register(shutil.rmtree, CACHE, True)
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def lexicon():
    from factcheck.lexicon import load_lexicon

    return load_lexicon()


@pytest.fixture
def write(tmp_path: Path):
    """Write files under tmp_path: write({"a.md": "..."}) -> tmp_path."""

    def _write(files: dict[str, str | bytes]) -> Path:
        for name, content in files.items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return tmp_path

    return _write


@pytest.fixture
def claims_of(write):
    """Claims of one Indonesian snippet: claims_of("...", published="2024-01-01")."""
    from factcheck.api import claims

    def _claims(text: str, published: str = "2024-01-15", language: str = "id", title: str | None = None):
        head = f"---\npublished: {published}\nlanguage: {language}\n"
        if title:
            head += f"title: {title}\n"
        folder = write({"article.md": head + "---\n" + text + "\n"})
        found, _ = claims([str(folder)])
        return found

    return _claims


def seeds_or_skip() -> Path:
    if not SEEDS.is_dir() or not any(SEEDS.iterdir()):
        if os.environ.get("CI"):
            pytest.skip("../shared/seeds is absent on this machine")
        pytest.skip("../shared/seeds is absent")
    return SEEDS
