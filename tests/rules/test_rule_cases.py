"""Every rule runs its own small articles: `fail` cases must flag exactly the figures listed, `pass` cases nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from factcheck.check import Options, run_check
from factcheck.lexicon import load_lexicon

CASES = Path(__file__).parent / "cases"
RULE_IDS = [rule["id"] for rule in load_lexicon().rules]


def _cases() -> list[tuple[str, str, dict]]:
    found = []
    for path in sorted(CASES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for outcome in ("fail", "pass"):
            for case in data.get(outcome, []):
                found.append((path.stem, outcome, case))
    return found


@pytest.mark.parametrize(
    ("rule_id", "outcome", "case"), _cases(), ids=lambda v: v["name"] if isinstance(v, dict) else v
)
def test_rule_case(rule_id: str, outcome: str, case: dict, tmp_path: Path) -> None:
    for name, text in case["articles"].items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = run_check([str(tmp_path)], Options())
    mine = [f for f in report.findings if f.rule == rule_id]
    if outcome == "pass":
        assert mine == [], [f.message for f in mine]
        return
    assert len(mine) == 1, [f.message for f in report.findings]
    figures = {" ".join(e.text.split()) for e in mine[0].evidence}
    assert set(case["expect"]) <= figures, figures
    # the message an editor reads, in each report language (`message: {en: ..., id: ...}`)
    for lang, expected in (case.get("message") or {}).items():
        assert mine[0].text(lang) == expected, lang


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_rule_has_cases_and_documentation(rule_id: str) -> None:
    path = CASES / f"{rule_id}.yml"
    assert path.exists(), f"rule {rule_id} has no tests/rules/cases/{rule_id}.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data.get("fail") and data.get("pass"), f"{rule_id} needs both fail and pass cases"
    assert set(data["fail"][0].get("message") or {}) == {"en", "id"}, f"{rule_id}: its first fail case needs message"
    rule = next(r for r in load_lexicon().rules if r["id"] == rule_id)
    assert rule["bad"].strip() and rule["good"].strip() and rule["summary"].strip()
