"""Rule docs: docs/rules/<id>.md generated from the rule pack, and SARIF's helpUri pointing at them."""

from __future__ import annotations

import configparser
import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

from click.testing import CliRunner

from factcheck.cli import main
from factcheck.ruledocs import DOCS_URL, packaged_rules, pages

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "rules"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_rule_pages_are_up_to_date_with_the_rule_pack():
    wanted = pages(packaged_rules())
    on_disk = {path.name: path.read_text(encoding="utf-8") for path in DOCS.glob("*.md")}
    assert set(on_disk) == set(wanted), "run: python scripts/rule_docs.py"
    for name, text in wanted.items():
        assert on_disk[name] == text, f"docs/rules/{name} is out of date: run python scripts/rule_docs.py"


def test_a_rule_page_says_why_and_shows_both_examples():
    page = (DOCS / "FC101.md").read_text(encoding="utf-8")
    assert page.splitlines()[2] == "# FC101 conflicting-figures"
    assert "## Why it matters" in page and "## Flagged" in page and "## Clean" in page
    assert "38,6 juta" in page  # the flagged example from rules.yml
    assert "[FC903](FC903.md)" in (DOCS / "README.md").read_text(encoding="utf-8")


def test_explain_prints_the_page_as_markdown():
    result = invoke("explain", "fc101", "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout == (DOCS / "FC101.md").read_text(encoding="utf-8")


def test_the_documentation_url_is_the_one_setup_cfg_declares():
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    declared = dict(
        line.split("=", 1) for line in config["metadata"]["project_urls"].strip().splitlines() if "=" in line
    )
    assert {k.strip(): v.strip() for k, v in declared.items()}["Documentation"] == DOCS_URL


def _help_uris(*args: str) -> dict[str, str]:
    sarif = json.loads(invoke("check", str(ROOT / "corpus"), "--format", "sarif", *args).stdout)
    return {rule["id"]: rule.get("helpUri", "") for rule in sarif["runs"][0]["tool"]["driver"]["rules"]}


def test_every_sarif_rule_has_an_absolute_help_uri_to_its_page():
    uris = _help_uris()
    assert set(uris) == {rule.id for rule in packaged_rules()}
    for rule_id, uri in uris.items():
        parts = urlsplit(uri)
        assert parts.scheme == "https" and parts.netloc, uri
        assert uri == f"{DOCS_URL}rules/{rule_id}.md"


def test_docs_url_points_help_uri_at_real_pages(tmp_path: Path):
    base = (ROOT / "docs").as_uri()  # file:///.../docs, without the trailing slash: one is added
    uris = _help_uris("--docs-url", base)
    for rule_id, uri in uris.items():
        assert uri.startswith("file://")
        page = Path(unquote(urlsplit(uri).path))
        assert page.is_file() and page.name == f"{rule_id}.md"


def test_a_docs_url_that_is_not_absolute_is_a_usage_error():
    result = CliRunner().invoke(main, ["check", str(ROOT / "corpus"), "--format", "sarif", "--docs-url", "docs/"])
    assert result.exit_code == 2
    assert "--docs-url 'docs/' is not an absolute URL" in result.output
