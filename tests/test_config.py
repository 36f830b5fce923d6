"""Configuration files, flags over files, baselines and in-article suppression, through click's runner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    target = tmp_path / "corpus"
    shutil.copytree(ROOT / "corpus", target)
    return target


def check(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def rules_of(result, article: str = "") -> list[str]:
    """The rules reported, or only those with evidence in `article`."""
    found = json.loads(result.stdout)["findings"]
    return [f["rule"] for f in found if not article or any(e["article"] == article for e in f["evidence"])]


PLANTED = yaml.safe_load((ROOT / "gold" / "corpus-findings.yml").read_text(encoding="utf-8"))["expected"]
STALE_ARTICLE = "2024-02-08-warta-nusantara-informal.md"  # "Saat ini ... 7,2 juta per Juni 2022"


def planted(rule: str = "") -> int:
    return sum(1 for p in PLANTED if not rule or p["rule"] == rule)


def test_setup_cfg_section_disables_rules_and_changes_severity(corpus: Path):
    (corpus / "setup.cfg").write_text(
        "[factcheck]\ndisable = FC901, weekday-mismatch\nseverity =\n    FC201 = info\nfail-on = error\n",
        encoding="utf-8",
    )
    result = check(str(corpus), "--format", "json")
    found = json.loads(result.stdout)["findings"]
    assert "FC901" not in rules_of(result) and "FC902" not in rules_of(result)
    assert next(f for f in found if f["rule"] == "FC201")["severity"] == "info"
    assert result.exit_code == 1  # errors remain
    assert check(str(corpus), "--format", "json", "--enable", "FC901").stdout.count('"FC901"') == planted("FC901")


def test_pyproject_tool_section_with_rule_options(corpus: Path):
    (corpus / "pyproject.toml").write_text(
        "[tool.factcheck]\n"
        "options = {FC201 = {max_age_months = 24, newer_available_months = 24}}\n"
        'exclude = ["*.jsonl"]\n',
        encoding="utf-8",
    )
    result = check(str(corpus), "--format", "json")
    assert "FC201" not in rules_of(result, STALE_ARTICLE)  # 19 months is within 24
    assert "FC601" not in rules_of(result, "arsip-daerah/2025-01-15-jabar")  # the JSON Lines archive is excluded
    records = sum(1 for line in (corpus / "2025-01-15-arsip-daerah.jsonl").read_text().splitlines() if line.strip())
    every = json.loads(check(str(ROOT / "corpus"), "--format", "json").stdout)["articles"]
    assert len(json.loads(result.stdout)["articles"]) == len(every) - records


def test_flags_win_over_the_config_file(corpus: Path):
    (corpus / "setup.cfg").write_text("[factcheck]\nfail-on = never\n", encoding="utf-8")
    assert check(str(corpus)).exit_code == 0
    assert check(str(corpus), "--fail-on", "error").exit_code == 1


def test_explicit_config_file_and_languages(corpus: Path, tmp_path: Path):
    config = tmp_path / "team.cfg"
    config.write_text("[factcheck]\nlanguages = en\n", encoding="utf-8")
    result = check(str(corpus), "--config", str(config), "--format", "json")
    data = json.loads(result.stdout)
    assert [a["language"] for a in data["articles"]] == ["en"]
    assert any("language 'id' is not in languages" in s["reason"] for s in data["skipped"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[factcheck]\nfail_on = error\n", "unknown key 'fail_on'; did you mean 'fail-on'? (allowed: baseline,"),
        ("[factcheck]\nfail-on = sometimes\n", "'fail-on' must be one of info, warning, error, never, not 'sometimes'"),
        ("[factcheck]\nseverity =\n    FC201 = loud\n", "'severity.FC201' must be one of info, warning, error"),
    ],
)
def test_bad_config_is_a_one_line_error_naming_file_and_key(corpus: Path, content: str, message: str):
    (corpus / "setup.cfg").write_text(content, encoding="utf-8")
    result = check(str(corpus))
    assert result.exit_code == 2
    assert "setup.cfg [factcheck]" in result.output and message in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_baseline_reports_only_new_findings(corpus: Path, tmp_path: Path):
    baseline = tmp_path / ".factcheck-baseline.json"
    written = check(str(corpus), "--write-baseline", str(baseline))
    assert written.exit_code == 0 and len(json.loads(baseline.read_text())["findings"]) == planted()
    assert check(str(corpus), "--baseline", str(baseline)).exit_code == 0

    # An edit elsewhere moves every offset but revives nothing.
    article = corpus / "2024-01-25-jurnal-sosial-akhir-2023.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("JAKARTA, Jurnal Sosial —", "JAKARTA, Jurnal Sosial (Senin) —")
    )
    assert check(str(corpus), "--baseline", str(baseline)).exit_code == 0

    # A new discrepancy fails; a fixed one is counted.
    (corpus / "new.md").write_text(
        "---\npublished: 2024-02-01\n---\nKantor cabang dibuka kembali, kata juru "
        "bicara di Bogor, Senin (31/1/2024).\n",
        encoding="utf-8",
    )
    stale = corpus / "2024-02-08-warta-nusantara-informal.md"
    stale.write_text(stale.read_text(encoding="utf-8").replace("Saat ini jumlah", "Jumlah"), encoding="utf-8")
    result = check(str(corpus), "--baseline", str(baseline), "--lang", "en")
    assert result.exit_code == 1
    assert "Senin (31/1/2024)" in result.stdout and "1 finding (0 errors, 1 warning, " in result.stdout
    assert "1 baseline finding no longer found" in result.stdout


def test_suppression_in_front_matter_and_by_comment(corpus: Path):
    stale = corpus / STALE_ARTICLE
    text = stale.read_text(encoding="utf-8")
    stale.write_text(
        text.replace("published: 2024-02-08", "published: 2024-02-08\nfactcheck-ignore: [FC201]"), encoding="utf-8"
    )
    assert "FC201" not in rules_of(check(str(corpus), "--format", "json"), STALE_ARTICLE)
    stale.write_text(
        text.replace('"Saat ini', '<!-- factcheck-ignore: stale-current-figure -->\n"Saat ini'), encoding="utf-8"
    )
    assert "FC201" not in rules_of(check(str(corpus), "--format", "json"), STALE_ARTICLE)
    stale.write_text(text.replace('"Saat ini', '<!-- factcheck-ignore: FC101 -->\n"Saat ini'), encoding="utf-8")
    # another rule's comment changes nothing
    assert "FC201" in rules_of(check(str(corpus), "--format", "json"), STALE_ARTICLE)


def test_python_api():
    from factcheck import check as run

    report = run([str(ROOT / "corpus")], disable=["FC901"])
    assert len(report.findings) == planted() - planted("FC901")
    assert json.loads(report.to_json())["claims"] == len(report.claims)


def test_version_and_help_with_examples():
    runner = CliRunner()
    assert runner.invoke(main, ["--version"]).output.startswith("factcheck, version ")
    for command in ("check", "claims", "explain"):
        assert "Example" in runner.invoke(main, [command, "--help"]).output
