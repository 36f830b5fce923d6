"""English copy at parity with Indonesian: the same figures meet, and messages write numbers back in English."""

from __future__ import annotations

from factcheck.check import Options, run_check

WIRE = """---
published: 2024-07-02
language: en
outlet: Jakarta Daily
---
JAKARTA — The number of poor people in Indonesia fell to 25.22 million in March 2024, """ + (
    "down 0.68 million from March 2023, Statistics Indonesia (BPS) said on Monday.\n"
)
DAILY = """---
published: 2024-07-05
language: en
outlet: Asia Wire
---
The number of poor people reached 25.9 million in March 2024, according to BPS.
"""
REVIEW = """---
published: 2024-07-09
language: en
outlet: Market Review
---
Poor people in Indonesia numbered 25.22 million in March 2024, according to BPS, """ + (
    "a fall of 4.5 percent from 25.90 million a year earlier.\n"
)


def test_english_articles_disagreeing_on_one_figure_are_flagged(write):
    report = run_check([str(write({"a.md": WIRE, "b.md": DAILY}))], Options())
    (conflict,) = [f for f in report.findings if f.rule == "FC101"]
    assert {" ".join(e.text.split()) for e in conflict.evidence} == {"25.22 million", "25.9 million"}


def test_a_computed_change_is_written_the_english_way(write):
    report = run_check([str(write({"c.md": REVIEW}))], Options())
    (change,) = [f for f in report.findings if f.rule == "FC501"]
    assert change.message.endswith("the values give -2.6%")  # not "-2,6 persen"
