"""The package as users install it: a wheel in a --target folder, and that folder zipped, find their rules.

pip builds the wheel as a user's pip would, from the indexes it is set up
with (here a local mirror, so offline); where it cannot get the build
requirements (setuptools, wheel) the install tests skip.
"""

from __future__ import annotations

import configparser
import email
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("factcheck", "rules", "setup.cfg", "pyproject.toml", "README.md", "LICENSE")
RULE_COUNT = sum(
    1 for line in (ROOT / "rules" / "rules.yml").read_text(encoding="utf-8").splitlines() if "- id: " in line
)


def test_setup_cfg_lists_every_subpackage():
    """The rules/ mapping means setup.cfg names its packages; a new subpackage must be added there."""
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    listed = set(config["options"]["packages"].split())
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "factcheck").rglob("__init__.py")}
    assert found | {"factcheck.rules"} == listed
    assert config["metadata"]["name"] != "factcheck"  # taken on the public index by another project
    assert {"dev", "test"} <= set(config["options.extras_require"])


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """`pip install --target` of a copy of the sources (so the checkout gets no build/ or egg-info)."""
    work = tmp_path_factory.mktemp("install")
    source = work / "source"
    source.mkdir()
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(path, source / name)
    target = work / "target"
    command = [sys.executable, "-m", "pip", "install", "--no-deps", "--target", str(target), str(source)]
    built = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    if built.returncode != 0:
        log = built.stdout + built.stderr
        if "No matching distribution found" in log or "Could not find a version" in log:
            pytest.skip("pip cannot build offline here (no local setuptools/wheel)")
        raise AssertionError(log)
    return target


def run(python_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(python_path)}
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, cwd=python_path.parent, timeout=600
    )


def test_the_wheel_carries_rules_license_and_py_typed(installed: Path):
    package = installed / "factcheck"
    assert (package / "py.typed").is_file()
    assert (package / "rules" / "rules.yml").is_file() and (package / "rules" / "lexicon" / "id.yml").is_file()
    assert (package / "report" / "templates" / "report.html.j2").is_file()  # the HTML report's templates
    assert list(package.glob("locale/*/LC_MESSAGES/factcheck.mo"))  # the report's words in Indonesian
    (info,) = installed.glob("factcheck_figures-*.dist-info")
    assert "MIT License" in next(info.rglob("LICENSE")).read_text(encoding="utf-8")
    assert email.message_from_string((info / "METADATA").read_text(encoding="utf-8"))["Name"] == "factcheck-figures"
    assert not (installed / "share").exists()  # nothing under a prefix that --target does not have


def test_a_target_install_checks_the_corpus_with_its_own_rules(installed: Path):
    found = run(installed, "-c", "import factcheck.lexicon as l; print(l.default_rules_dir())")
    assert found.stdout.strip() == str(installed / "factcheck" / "rules"), found.stderr
    page = installed.parent / "report.html"
    checked = run(installed, "-m", "factcheck", "check", str(ROOT / "corpus"), "-o", f"html:{page}")
    assert checked.returncode == 1, checked.stderr
    assert "<html" in page.read_text(encoding="utf-8")
    reference = subprocess.run(
        [sys.executable, "-m", "factcheck", "check", str(ROOT / "corpus")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=600,
    )
    assert checked.stdout.splitlines()[-1] == reference.stdout.splitlines()[-1]


def test_a_zipped_install_reads_its_rules_from_the_zip(installed: Path, tmp_path: Path):
    archive = tmp_path / "factcheck.zip"
    with zipfile.ZipFile(archive, "w") as bundle:
        for path in sorted((installed / "factcheck").rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                bundle.write(path, path.relative_to(installed).as_posix())
    listed = run(archive, "-m", "factcheck", "rules")
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == RULE_COUNT
    assert "FC101  conflicting-figures" in listed.stdout
