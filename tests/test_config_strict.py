"""Configuration is strict (one schema, "did you mean") and found where users expect it (as ruff finds its own)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
# An FC101 error across the two, an FC701 warning and an FC201 warning ("Saat ini ... per Juni 2022").
PAIR = ("2024-01-25-jurnal-sosial-akhir-2023.md", "2024-02-08-warta-nusantara-informal.md")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository with the articles two folders down: repo/news/2024/."""
    (tmp_path / "repo" / ".git").mkdir(parents=True)
    articles = tmp_path / "repo" / "news" / "2024"
    articles.mkdir(parents=True)
    for name in PAIR:
        shutil.copy(ROOT / "corpus" / name, articles / name)
    return tmp_path / "repo"


def check(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def rules_of(result) -> set[str]:
    return {f["rule"] for f in json.loads(result.stdout)["findings"]}


def one_line_error(result, *fragments: str) -> str:
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)  # no traceback
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


@pytest.mark.parametrize(
    ("name", "content", "fragments"),
    [
        (
            "setup.cfg",
            "[factcheck]\noptions =\n    FC201.max_age_monthz = 9\n",
            ("setup.cfg [factcheck]", "unknown option 'max_age_monthz' in 'options.FC201'", "'max_age_months'?"),
        ),
        (
            "setup.cfg",
            "[factcheck]\noptions =\n    FC201.max_age_months = nine\n",
            ("'options.FC201.max_age_months' must be an integer, not str",),
        ),
        ("setup.cfg", "[factcheck]\nlanguages = fr\n", ("unknown language 'fr' in 'languages'", "(allowed: en, id)")),
        ("setup.cfg", "[factcheck]\ndisable = name-varaint\n", ("unknown rule 'name-varaint'", "'name-variant'?")),
        ("setup.cfg", "[factcheck]\nseverity =\n    FC2O1 = info\n", ("unknown rule 'FC2O1' in 'severity'", "FC201'?")),
        (
            "pyproject.toml",
            '[tool.factcheck]\noptions = {FC201 = {max_age_months = "24"}}\n',
            ("pyproject.toml [tool.factcheck]", "must be an integer, not str"),
        ),
        ("pyproject.toml", '[tool.factcheck]\nenable = "FC901"\n', ("'enable' must be an array, not str",)),
        (".factcheck.toml", "fail-on = 3\n", (".factcheck.toml", "'fail-on' must be one of")),
        (".factcheck.toml", "exclude = [\n", (".factcheck.toml", "not valid TOML")),
        ("setup.cfg", "[factcheck\n", ("setup.cfg", "not a valid INI file")),
    ],
)
def test_a_bad_setting_is_one_line_naming_file_key_and_what_is_allowed(repo: Path, name, content, fragments):
    (repo / name).write_text(content, encoding="utf-8")
    one_line_error(check(str(repo / "news"), "-q"), *fragments)


def test_a_misspelt_rule_on_the_command_line_gets_a_hint(repo: Path):
    one_line_error(check(str(repo), "--enable", "FC9O1"), "--enable", "unknown rule 'FC9O1'", "'FC901'?")


def test_a_wrong_type_in_a_user_rule_pack_is_an_error(repo: Path, tmp_path: Path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "rules.yml").write_text(
        "rules:\n  - id: NEWS1\n    name: stale-quarter\n    kind: stale\n    severity: info\n"
        "    summary: Old figures.\n    enabled: 'no'\n    bad: old\n    good: new\n",
        encoding="utf-8",
    )
    one_line_error(check(str(repo), "--rules", str(pack)), "rules.yml", "'rules.0.enabled' must be a boolean, not str")


def test_a_misspelt_factcheck_ignore_id_is_an_error_naming_the_article(repo: Path):
    article = repo / "news" / "2024" / PAIR[1]
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("published: 2024-02-08", "published: 2024-02-08\nfactcheck-ignore: [FC2O1]"))
    one_line_error(check(str(repo)), f"{PAIR[1]} front matter", "unknown rule 'FC2O1'", "'FC201'?")
    article.write_text(text.replace('"Saat ini', '<!-- factcheck-ignore: stale-curent-figure -->\n"Saat ini'))
    one_line_error(check(str(repo)), f"{PAIR[1]}:9 comment", "'stale-current-figure'?")


def test_the_nearest_config_above_the_path_is_used_and_v_names_it(repo: Path):
    (repo / "setup.cfg").write_text("[factcheck]\ndisable = FC701\n", encoding="utf-8")
    (repo / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")  # no [tool.factcheck]: skipped
    result = check(str(repo / "news" / "2024"), "--format", "json", "-v")
    assert "FC701" not in rules_of(result) and "FC101" in rules_of(result)
    assert f"factcheck: config: {repo / 'setup.cfg'} [factcheck]" in result.stderr
    # a nearer folder's file wins, and .factcheck.toml comes before pyproject.toml and setup.cfg
    (repo / "news" / "setup.cfg").write_text("[factcheck]\ndisable = FC101\n", encoding="utf-8")
    (repo / "news" / ".factcheck.toml").write_text('disable = ["FC201"]\n', encoding="utf-8")
    result = check(str(repo / "news" / "2024"), "--format", "json", "-v")
    assert rules_of(result) == {"FC101", "FC701"}
    assert f"factcheck: config: {repo / 'news' / '.factcheck.toml'}" in result.stderr


def test_no_config_ignores_them_and_the_search_stops_at_the_repository_root(repo: Path):
    (repo / "setup.cfg").write_text("[factcheck]\ndisable = FC101, FC701, FC201\n", encoding="utf-8")
    result = check(str(repo / "news"), "--format", "json", "-v", "--no-config")
    assert {"FC101", "FC701", "FC201"} <= rules_of(result)
    assert "factcheck: config: none (--no-config)" in result.stderr
    (repo / "setup.cfg").unlink()
    (repo.parent / "setup.cfg").write_text("[factcheck]\ndisable = FC101\n", encoding="utf-8")  # above the root
    result = check(str(repo / "news"), "--format", "json", "-v")
    assert "FC101" in rules_of(result) and "factcheck: config: none found" in result.stderr


def test_a_corpus_config_never_lowers_the_gate_the_command_line_set(repo: Path):
    (repo / "news" / "setup.cfg").write_text("[factcheck]\nfail-on = never\ndisable = FC101\n", encoding="utf-8")
    assert check(str(repo / "news"), "-q").exit_code == 0  # the corpus's own choice, when nothing else was asked
    assert check(str(repo / "news"), "-q", "--fail-on", "warning").exit_code == 1  # only warnings remain
    from factcheck.check import Options

    assert Options.resolve([str(repo / "news")], fail_on="error").fail_on == "error"


def test_explain_with_a_bad_rule_folder_is_one_line(tmp_path: Path):
    (tmp_path / "rules.yml").write_text("rules:\n  - id: X1\n    kind: nonsense\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", "FC101", "--rules", str(tmp_path)])
    one_line_error(result, "rules.yml", "missing key 'name'")


def test_select_in_a_file_or_a_flag_is_checked_and_used(repo: Path):
    one_line_error(check(str(repo), "--select", "FC1O1"), "--select", "unknown rule 'FC1O1'", "'FC101'?")
    (repo / "setup.cfg").write_text("[factcheck]\nselect = FC101\n", encoding="utf-8")
    assert rules_of(check(str(repo), "--format", "json")) == {"FC101"}
