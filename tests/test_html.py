"""The HTML report without a browser: chart geometry, escaping, determinism, packaged templates."""

from __future__ import annotations

import configparser
from datetime import date
from importlib import resources
from pathlib import Path

import pytest

from factcheck.check import Options, run_check
from factcheck.models import Claim, Period
from factcheck.report import render
from factcheck.report.chart import build_chart, nice_ticks, period_name, tick_label

from .conftest import ROOT


def _period(year: int, month: int | None = None) -> Period:
    if month is None:
        return Period(date(year, 1, 1), date(year, 12, 31), "year", str(year), str(year))
    end = date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
    return Period(date(year, month, 1), date.fromordinal(end), "month", f"{month}/{year}", f"{year}-{month:02d}")


def _claim(article: str, value: float, period: Period, modality: str = "actual", text: str = "") -> Claim:
    written = text or f"{value / 1e6:.1f} juta".replace(".", ",")
    return Claim(
        article_id=article,
        path=f"{article}.md",
        start=10,
        end=10 + len(written),
        text=written,
        sentence=f"Jumlah peserta {written}.",
        sentence_start=0,
        value=value,
        unit="count",
        low=value,
        high=value,
        significant=3,
        period=period,
        modality=modality,
    )


@pytest.mark.parametrize(
    ("low", "high"),
    [(37.9e6, 38.6e6), (100.0, 102.0), (5.32, 5.45), (752e12, 812e12), (0.1, 0.13), (4.2, 4.2), (-3.0, 2.0)],
)
def test_value_axis_spans_the_data_with_nice_ticks(low: float, high: float):
    ticks, step = nice_ticks(low, high)
    assert len(ticks) >= 3
    assert ticks[0] <= low and ticks[-1] >= high
    assert ticks[-1] - ticks[0] <= max(4 * (high - low), 0.2 * abs(high))  # over the data, not from zero
    assert f"{step:.6e}"[0:3] in {"1.0", "2.0", "2.5", "5.0"}  # 1, 2, 2.5 or 5 times a power of ten
    gaps = {round(b - a, 9) for a, b in zip(ticks, ticks[1:])}
    assert gaps == {round(step, 9)}


def test_tick_labels_carry_the_decimals_the_step_needs():
    ticks, step = nice_ticks(37.9e6, 38.6e6)
    assert [tick_label(t, step, "count", "id") for t in ticks] == [
        "37,75 juta",
        "38,00 juta",
        "38,25 juta",
        "38,50 juta",
        "38,75 juta",
    ]
    assert tick_label(5.25, 0.25, "percent", "id") == "5,25%"
    assert tick_label(750e12, 25e12, "IDR", "id") == "Rp 750 T"
    assert tick_label(38.5e6, 0.5e6, "count", "en") == "38.5 m"


def test_periods_are_named_not_dated():
    assert period_name(_period(2023)) == "2023"  # not 31 December
    assert period_name(_period(2023, 12)) == "Dec 2023"


def test_a_lone_figure_gets_no_chart():
    march = _period(2024, 3)
    assert build_chart([_claim("a", 40e6, march)], set(), "count", {}) is None
    # one figure stated by three outlets is still one point
    same = [_claim(name, 40e6, march) for name in ("a", "b", "c")]
    assert build_chart(same, set(), "count", {}) is None
    assert build_chart([*same, _claim("d", 40.8e6, march)], set(), "count", {}) is not None


def test_conflicting_figures_are_labelled_with_value_and_outlet():
    march = _period(2024, 3)
    claims = [_claim("a", 40.0e6, march), _claim("b", 40.8e6, march), _claim("c", 40.8e6, march)]
    flagged = {("a", 10), ("b", 10)}
    outlets = {"a": "Kabar Pagi", "b": "Harian Timur", "c": "Warta Kota"}
    chart = build_chart(claims, flagged, "count", outlets)
    assert chart is not None
    assert sorted(m.label for m in chart.markers) == ["40,0 juta · Kabar Pagi", "40,8 juta · Harian Timur, Warta Kota"]
    low, high = sorted(chart.markers, key=lambda m: m.claims[0].value)
    assert low.y - high.y > 100  # a 2 % gap over this axis fills most of its height
    assert abs(low.label_y - high.label_y) >= 13  # the two labels do not overprint


def test_targets_stand_apart_from_actuals_and_far_ones_are_named():
    year = _period(2024)
    claims = [
        _claim("a", 40e6, _period(2023)),
        _claim("b", 41e6, year),
        _claim("c", 42e6, year, "target", "42 juta"),
        _claim("d", 70e6, _period(2026), "target", "70 juta"),
    ]
    chart = build_chart(claims, set(), "count", {"d": "Warta Kota"})
    assert chart is not None
    actual = next(m for m in chart.markers if m.claims[0].article_id == "b")
    target = next(m for m in chart.markers if m.claims[0].article_id == "c")
    assert target.modality == "target" and actual.x < target.x  # same period, side by side
    assert chart.omitted == ["70 juta (2026, target, Warta Kota)"]  # a far goal would flatten the series
    assert chart.value_ticks[-1].label == "42,0 juta"


HOSTILE = (
    "---\ntitle: 'Dana <script>alert(1)</script> Rp 9 Triliun'\noutlet: '<b onmouseover=x>Warta</b>'\n"
    "published: 2024-02-20\n---\n"
    "Hingga Desember 2023, jumlah peserta aktif BPJS Ketenagakerjaan mencapai 39,4 juta pekerja "
    "<script>window.x = 1</script>.\n"
)


def test_article_text_is_escaped_and_output_is_byte_identical(tmp_path: Path):
    (tmp_path / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    report = run_check([str(ROOT / "corpus"), str(tmp_path / "hostile.md")], Options())
    page = render(report, "html")
    assert page.count("<script") == 1  # the page's own script; the planted ones are text
    assert "&lt;script&gt;window.x = 1&lt;/script&gt;" in page
    assert "<b onmouseover" not in page and "&lt;b onmouseover=x&gt;Warta&lt;/b&gt;" in page
    again = run_check([str(ROOT / "corpus"), str(tmp_path / "hostile.md")], Options())
    assert render(again, "html") == page


def test_templates_ship_with_the_package():
    templates = resources.files("factcheck.report") / "templates"
    assert (templates / "report.html.j2").is_file()
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg", encoding="utf-8")
    assert "templates/*" in config["options.package_data"]["factcheck.report"]
    assert any(line.strip().startswith("jinja2") for line in config["options"]["install_requires"].splitlines())


@pytest.mark.parametrize(("low", "high"), [(35e6, 45e6), (1e-7, 3e-7), (5.32, 5.45), (0.0, 1.0)])
def test_no_two_value_ticks_read_alike(low: float, high: float):
    ticks, step = nice_ticks(low, high)
    labels = [tick_label(t, step, "count", "id") for t in ticks]
    assert len(set(labels)) == len(labels), labels
