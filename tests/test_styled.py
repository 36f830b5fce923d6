"""The text report off a terminal is what rich printed there, byte for byte, without importing rich."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from factcheck.check import Options, run_check
from factcheck.report import text
from factcheck.report.styled import Printer

ROOT = Path(__file__).resolve().parent.parent
STUNTING = "2024-06-03-kabar-ekonomi-stunting.txt"
# what rich would read as markup, emoji codes or control codes in a Text, and wide and combining characters
ODD = "[bold]BPJS[/bold] :smile: \t naik\r 5,2 persen \x1b[31m 数字 e\u0301 🙂 \\[x]"


def _both(report, lang: str = "en") -> tuple[str, str]:
    return text.render(report, lang=lang), text._render(report, Printer(False, 120, rich=True), lang)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_corpus_report_is_the_one_rich_prints(lang: str) -> None:
    plain, through_rich = _both(run_check([str(ROOT / "corpus")]), lang)
    assert "FC" in plain and plain.count("\n") > 50
    assert plain == through_rich


def test_a_draft_s_report_and_odd_characters_are_the_ones_rich_prints(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    draft = tmp_path / "draft.txt"
    body = (ROOT / "corpus" / STUNTING).read_text(encoding="utf-8")
    draft.write_text(body.replace("21,5 persen", "23,5 persen", 1) + f"\n{ODD} 21,5 persen.\n", encoding="utf-8")
    options = Options(against=[str(tmp_path / "corpus")], draft_published=date(2024, 6, 1))
    plain, through_rich = _both(run_check([str(draft)], options), "id")
    assert "bertentangan" in plain or "sesuai" in plain
    assert plain == through_rich


def test_a_report_off_a_terminal_does_not_import_rich() -> None:
    code = (
        "import sys\nfrom factcheck.cli import main\n"
        "try:\n    main(['check', 'corpus/', '--lang', 'en'])\nexcept SystemExit:\n    pass\n"
        "print('RICH', any(m.startswith('rich') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert "findings" in out and out.strip().splitlines()[-1] == "RICH False"
