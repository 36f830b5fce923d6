"""The code style gate CI holds us to: ruff (lint and format) and mypy, clean on the package."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.skipif(shutil.which("ruff") is None, reason="ruff is not installed (pip install -e '.[test]')")
def test_ruff_lint_and_format_are_clean():
    lint = _run("ruff", "check", "factcheck", "scripts", "tests", "benchmarks")
    assert lint.returncode == 0, lint.stdout
    form = _run("ruff", "format", "--check", "factcheck", "scripts", "tests")
    assert form.returncode == 0, form.stdout


def test_mypy_is_clean():
    pytest.importorskip("mypy")
    typed = _run(sys.executable, "-m", "mypy", "factcheck", "scripts", "benchmarks")
    assert typed.returncode == 0, typed.stdout
