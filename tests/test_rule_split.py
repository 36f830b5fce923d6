"""The rules on several cores (rule_split.py): the same findings in the same order, and a rule's error is the run's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck.check import Options, run_check
from factcheck.models import Evidence, Finding
from factcheck.rule_split import order, run_rules

CORPUS = str(Path(__file__).resolve().parent.parent / "corpus")
KINDS = ["count", "conflict", "share", "weekday", "conflict", "sum", "trend", "name-variant"]


def findings_of(rule: str) -> list[Finding]:
    """A few findings that say which rule made them, so that any mix-up of rules shows."""
    evidence = [Evidence(f"{rule}.md", f"{rule}.md", start=n, end=n + 1, text="1", sentence="") for n in range(3)]
    return [Finding(rule, "conflict", "warning", f"{rule} {n}", evidence[: n + 1]) for n in range(3)]


@pytest.mark.parametrize("processes", [1, 2, 3, 20])
def test_findings_come_back_in_the_rules_order_however_many_processes_run_them(processes: int) -> None:
    rules = [f"FC{n}" for n in range(len(KINDS))]
    found = list(run_rules(rules, KINDS, findings_of, processes))
    assert found == [findings_of(rule) for rule in rules]


def test_an_error_in_a_rule_is_raised_by_the_run_whichever_process_ran_it() -> None:
    def run_one(rule: str) -> list[Finding]:
        if rule == "FC3":
            raise ValueError(f"broken rule {rule}")
        return findings_of(rule)

    rules = [f"FC{n}" for n in range(len(KINDS))]
    before = _children()
    with pytest.raises(ValueError, match="broken rule FC3"):
        list(run_rules(rules, KINDS, run_one, 2))
    assert _children() <= before, "no process left behind"


def _children() -> set[int]:
    """The live children of this process (Linux: /proc); none where there is no /proc."""
    if not os.path.isdir("/proc"):
        return set()
    return {int(p) for p in os.listdir("/proc") if p.isdigit() and _is_child(int(p))}


def _is_child(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return False
    return int(fields[1]) == os.getpid() and fields[0] != "Z"


def test_the_heavy_kinds_are_taken_first_and_the_others_as_listed() -> None:
    assert [KINDS[i] for i in order(KINDS)] == [
        "conflict",
        "conflict",
        "sum",
        "weekday",
        "trend",
        "count",
        "share",
        "name-variant",
    ]


def test_a_check_with_the_rules_on_two_cores_reports_what_one_core_does() -> None:
    one = run_check([CORPUS], Options(jobs=1))
    two = run_check([CORPUS], Options(jobs=2))
    assert len(one.findings) > 20
    assert two.to_json("en") == one.to_json("en")
