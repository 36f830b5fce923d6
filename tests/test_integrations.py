"""The pre-commit hook and the composite GitHub Action, run as their files say, against corpus/."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
CONCISE = re.compile(r"^corpus/\S+:\d+:\d+: FC\d{3} .+$")


def _console_scripts() -> dict[str, str]:
    import configparser

    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    entries = config["options.entry_points"]["console_scripts"].strip().splitlines()
    return dict(tuple(part.strip() for part in line.split("=", 1)) for line in entries)  # type: ignore[misc]


def test_pre_commit_hook_entry_checks_the_corpus():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "factcheck" and hook["entry"] == "factcheck" and hook["language"] == "python"
    assert _console_scripts()["factcheck"] == "factcheck.cli:main"  # what `pip install` puts on PATH
    # As `pre-commit run --all-files` would: the entry, its args, then every tracked file `files` matches.
    files = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "corpus").rglob("*")
        if path.is_file()
        and re.search(hook["files"], str(path.relative_to(ROOT)))
        and not re.search(hook["exclude"], str(path.relative_to(ROOT)))
    )
    assert len(files) == 27
    command = [sys.executable, "-m", "factcheck", *hook["args"], *files]  # the console script, this checkout
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 1, result.stderr  # the corpus carries discrepancies on purpose: the hook fails
    lines = result.stdout.splitlines()
    assert len(lines) == 24 and all(CONCISE.match(line) for line in lines), result.stdout
    assert "24 temuan" in result.stderr


def test_github_action_runs_factcheck_with_options_it_knows(tmp_path: Path, monkeypatch):
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    (step,) = [s for s in action["runs"]["steps"] if "factcheck check" in s.get("run", "")]
    defaults = {name: spec["default"] for name, spec in action["inputs"].items()}
    line = re.sub(r"\$\{\{ inputs\.([\w-]+) \}\}", lambda m: defaults[m.group(1)], step["run"])
    words = shlex.split(line)
    assert words[:2] == ["factcheck", "check"] and words[2] == "."
    words[2] = str(ROOT / "corpus")
    monkeypatch.chdir(tmp_path)  # the SARIF file lands in the workspace, here a temporary folder
    result = CliRunner().invoke(main, words[1:], catch_exceptions=False)
    assert result.exit_code == 1 and result.stdout.startswith("::")
    assert len(json.loads((tmp_path / "factcheck.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]) == 24
