"""Figures counted over a period (revenue, sales, spending) that the lexicon does not list by name.

"hingga akhir Juni 2024", "semester I/2024" and "sampai dengan 30 Juni 2024" are one stretch for a
flow, the year so far; a realisation stated as a share of its target is checked against that target.
"""

from __future__ import annotations

from factcheck.check import Options, run_check

HEAD = "---\npublished: {date}\n---\n"


def _report(write, texts: dict[str, str]):
    files = {name: HEAD.format(date=f"2024-07-{8 + i:02d}") + text for i, (name, text) in enumerate(texts.items())}
    return run_check([str(write(files))], Options())


def test_the_year_so_far_told_three_ways_is_one_figure_of_a_flow(write):
    report = _report(
        write,
        {
            "a.md": "Penerimaan pajak pada semester I/2024 tercatat sebesar Rp 893,8 triliun.\n",
            "b.md": "Sampai dengan 30 Juni 2024, penerimaan pajak sudah terkumpul Rp 839,8 triliun.\n",
        },
    )
    (conflict,) = [f for f in report.findings if f.rule == "FC101"]
    assert {" ".join(e.text.split()) for e in conflict.evidence} == {"Rp 893,8 triliun", "Rp 839,8 triliun"}


def test_a_stock_as_of_a_day_is_not_a_half_year(write):
    report = _report(
        write,
        {
            "a.md": "Jumlah koperasi aktif pada semester I/2024 tercatat sebanyak 130.000 unit.\n",
            "b.md": "Sampai dengan 30 Juni 2024, jumlah koperasi aktif tercatat 127.000 unit.\n",
        },
    )
    assert not [f for f in report.findings if f.rule == "FC101"]


def test_a_share_of_the_target_named_after_it_is_checked_against_that_target(write):
    wrong = (
        "Penerimaan pajak semester I/2024 sebesar Rp 893,8 triliun atau 44,5 persen dari target Rp 1.988,9 triliun.\n"
    )
    right = wrong.replace("44,5 persen", "44,9 persen")
    report = _report(write, {"a.md": wrong, "b.md": right.replace("semester I/2024", "semester I 2024")})
    (share,) = [f for f in report.findings if f.rule == "FC601"]
    assert {e.article for e in share.evidence} == {"a.md"}


def test_a_flow_named_again_with_a_demonstrative_points_back(claims_of):
    found = claims_of(
        "Penerimaan pajak hingga akhir Juni 2024 mencapai Rp 893,8 triliun.\n\n"
        "Menurut Menteri Keuangan, realisasi tersebut turun 7,9 persen dibandingkan periode yang sama tahun lalu."
    )
    assert [c.metric for c in found] == ["penerimaan pajak", "penerimaan pajak"]
