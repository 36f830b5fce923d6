"""The HTML report in a real browser (Debian's chromium driven by Playwright).

Skips with a clear message where no Chromium or Playwright exists; in CI
(CI=true) their absence is a failure, since .ci/run installs both. Each test
writes a screenshot, into its tmp_path or, to look at them, into the folder
FACTCHECK_SCREENSHOTS names.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from factcheck.check import Options, run_check
from factcheck.report import render

from .conftest import ROOT, SEEDS

PAYLOAD = '<script>window.__pwned = 1; document.title = "pwned"</script><img src=x onerror="window.__pwned = 2">'
HOSTILE = (
    "---\ntitle: 'Peserta Aktif Akhir 2023 Capai 39,4 Juta <img src=x onerror=\"window.__pwned = 3\">'\n"
    "outlet: '<script>window.__pwned = 4</script>Warta'\nurl: 'javascript:window.__pwned = 5'\n"
    "published: 2024-02-20\n---\n"
    "JAKARTA — Hingga Desember 2023, jumlah peserta aktif BPJS Ketenagakerjaan mencapai 39,4 juta pekerja "
    f"{PAYLOAD}.\n"
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        path = None
    if path is None:
        message = "no Chromium with Playwright here: apt-get install chromium; pip install playwright"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must have them: .ci/run installs them)")
        pytest.skip(message)
    return path


@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield launched
        launched.close()


def _screenshot(page, tmp_path: Path, name: str, full_page: bool = True) -> Path:
    folder = Path(os.environ.get("FACTCHECK_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    page.screenshot(path=str(path), full_page=full_page)
    assert path.stat().st_size > 10_000  # a page with text and charts, not a blank one
    return path


def _open(browser, html_path: Path, width: int = 1280, fragment: str = ""):
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(html_path.as_uri() + fragment)
    page.wait_for_load_state("load")
    return page, errors


def test_corpus_report_renders_filters_and_escapes(browser, tmp_path: Path):
    (tmp_path / "draft.md").write_text(HOSTILE, encoding="utf-8")
    report = run_check([str(tmp_path / "draft.md")], Options(against=[str(ROOT / "corpus")]))
    full = run_check([str(ROOT / "corpus"), str(tmp_path / "draft.md")], Options())
    assert report.findings and full.findings
    html_path = tmp_path / "report.html"
    html_path.write_text(render(full, "html"), encoding="utf-8")
    page, errors = _open(browser, html_path)

    assert errors == []
    charts = page.locator("svg.chart")
    assert charts.count() >= 5
    box = charts.first.bounding_box()
    assert box is not None and box["width"] > 100 and box["height"] > 100
    assert page.locator("svg.chart circle.point").count() > 10
    assert page.locator("svg.chart .flagged").count() >= 2
    for chart in charts.all():  # each value axis: at least three ticks, each labelled, no two alike
        labels = chart.locator(".tick text").all_text_contents()
        assert len(labels) >= 3 and all(label.strip() for label in labels)
        assert len(set(labels)) == len(labels), labels
    quote = page.locator("mark", has_text="38,6 juta").first
    assert quote.is_visible()

    total = page.locator(".finding").count()
    page.select_option("select[data-filter=severity]", "error")
    visible = page.locator(".finding:visible")
    assert 0 < visible.count() < total
    assert set(visible.evaluate_all("els => els.map(e => e.dataset.severity)")) == {"error"}
    assert not page.locator("mark", has_text="7,2 juta").first.is_visible()  # a stale warning is hidden
    # charts follow the filters: a chart shows only while a finding it draws is shown
    shown_charts = page.locator(".chart-box:visible")
    assert 0 < shown_charts.count() < page.locator(".chart-box").count()
    for box in shown_charts.all():
        drawn = box.get_attribute("data-findings").split()
        assert any(page.locator(f"#{anchor}").is_visible() for anchor in drawn)
    page.select_option("select[data-filter=severity]", "")
    page.select_option("select[data-filter=article]", "draft.md")
    kept = page.locator(".finding:visible").evaluate_all("els => els.map(e => JSON.parse(e.dataset.articles))")
    assert kept and all("draft.md" in articles for articles in kept)
    # and in the charts left, the draft's figures stand out while the others fade
    points = page.locator(".chart-box:visible svg.chart .point")
    states = points.evaluate_all("ps => ps.map(p => [JSON.parse(p.dataset.articles), p.classList.contains('dim')])")
    assert states and all(dim == ("draft.md" not in articles) for articles, dim in states)
    assert not all(dim for _, dim in states)
    page.select_option("select[data-filter=article]", "")

    assert page.evaluate("window.__pwned") is None
    assert page.title() == "factcheck report"
    assert page.locator("a[href^='javascript']").count() == 0
    page.select_option("select[data-filter=article]", "draft.md")  # its headline and outlet, shown as text
    assert "<script>window.__pwned = 4</script>Warta" in page.locator("section.article-view:visible").inner_text()
    assert page.evaluate("window.__pwned") is None
    page.select_option("select[data-filter=article]", "")
    assert page.locator("blockquote", has_text="<script>window.__pwned").first.is_visible()
    _screenshot(page, tmp_path, "corpus-report.png")


def test_seeds_report_shows_findings_with_charts(browser, tmp_path: Path):
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    report = run_check([str(SEEDS)], Options())
    html_path = tmp_path / "seeds.html"
    html_path.write_text(render(report, "html"), encoding="utf-8")
    page, errors = _open(browser, html_path)
    assert errors == []
    assert page.locator(".finding:visible").count() == len(report.findings)
    assert page.locator("svg.chart").count() >= 1
    _screenshot(page, tmp_path, "seeds-report.png")


# A series of monthly actuals over two years, and two outlets 2 % apart for March 2024.
SERIES = [
    ("2023-02-10", "Kabar Pagi", "Desember 2022", "34,2"),
    ("2023-05-12", "Warta Kota", "Maret 2023", "35,1"),
    ("2023-08-09", "Suara Pesisir", "Juni 2023", "36,0"),
    ("2023-11-08", "Harian Timur", "September 2023", "37,3"),
    ("2024-02-07", "Kabar Pagi", "Desember 2023", "38,4"),
    ("2024-07-10", "Warta Kota", "Juni 2024", "41,2"),
    ("2024-10-09", "Suara Pesisir", "September 2024", "42,0"),
]
CONFLICT = {
    "2024-04-15-kabar-pagi.md": (
        "Kabar Pagi",
        "Kepesertaan Terus Tumbuh",
        "2024-04-15",
        "Hingga Maret 2024, jumlah peserta aktif BPJS Ketenagakerjaan tercatat 40,0 juta pekerja.",
    ),
    "2024-04-22-harian-timur.md": (
        "Harian Timur",
        "Jaminan Sosial Menjangkau Lebih Banyak Pekerja",
        "2024-04-22",
        "BPJS Ketenagakerjaan menyebut jumlah peserta aktif hingga Maret 2024 sebanyak 40,8 juta pekerja.",
    ),
}


@pytest.fixture
def two_percent(tmp_path: Path) -> Path:
    folder = tmp_path / "series"
    folder.mkdir()
    articles = {
        f"{published}-{outlet.lower().replace(' ', '-')}.md": (
            outlet,
            f"Peserta Aktif BPJS Ketenagakerjaan {value} Juta",
            published,
            f"Hingga {period}, jumlah peserta aktif BPJS Ketenagakerjaan tercatat {value} juta pekerja.",
        )
        for published, outlet, period, value in SERIES
    } | CONFLICT
    for name, (outlet, title, published, body) in articles.items():
        text = f"---\ntitle: {title}\noutlet: {outlet}\npublished: {published}\n---\nJAKARTA, {outlet} — {body}\n"
        (folder / name).write_text(text, encoding="utf-8")
    report = run_check([str(folder)], Options())
    assert [f.rule for f in report.findings] == ["FC101"]
    html_path = tmp_path / "two-percent.html"
    html_path.write_text(render(report, "html"), encoding="utf-8")
    return html_path


def _centre_y(locator) -> float:
    box = locator.bounding_box()
    assert box is not None
    return box["y"] + box["height"] / 2


def test_a_two_percent_conflict_is_visibly_apart(browser, two_percent: Path):
    page, errors = _open(browser, two_percent)
    assert errors == []
    for chart in page.locator("svg.chart").all():
        labels = [t.strip() for t in chart.locator(".tick text").all_text_contents()]
        assert len(labels) >= 3 and all(labels), labels  # at least three labelled value ticks
        assert len(set(labels)) == len(labels)
    series = page.locator("figure.series svg.chart").first
    assert series.locator(".period-tick text").all_text_contents() == [
        "Dec 2022", "Mar 2023", "Jun 2023", "Sep 2023", "Dec 2023", "Mar 2024", "Jun 2024", "Sep 2024"
    ]  # fmt: skip
    close_up = page.locator("figure.zoom svg.chart")
    assert close_up.count() == 1
    low = close_up.locator(".point.flagged", has=page.locator("title", has_text="40,0 juta"))
    high = close_up.locator(".point.flagged", has=page.locator("title", has_text="40,8 juta"))
    assert _centre_y(low) - _centre_y(high) >= 20  # the higher value stands higher, clearly apart
    labels = close_up.locator(".point-label").all_text_contents()
    assert sorted(labels) == ["40,0 juta · Kabar Pagi", "40,8 juta · Harian Timur"]
    # on the two-year axis the same 2 % is about a tenth of the span: the chart grows tall enough to keep it apart
    in_series = series.locator(".point.flagged")
    assert in_series.count() == 2
    assert abs(_centre_y(in_series.nth(0)) - _centre_y(in_series.nth(1))) >= 20
    _screenshot(page, two_percent.parent, "two-percent.png")


def test_search_anchor_and_article_view(browser, tmp_path: Path):
    from playwright.sync_api import expect

    html_path = tmp_path / "corpus.html"
    full = run_check([str(ROOT / "corpus")], Options())
    html_path.write_text(render(full, "html"), encoding="utf-8")
    page, errors = _open(browser, html_path)

    # errors first: groups by their worst finding, and inside each group
    rank = {"error": 0, "warning": 1, "info": 2}
    groups = page.locator("section.group").evaluate_all(
        "gs => gs.map(g => Array.from(g.querySelectorAll('.finding')).map(f => f.dataset.severity))"
    )
    assert groups[0][0] == "error"
    assert [rank[g[0]] for g in groups] == sorted(rank[g[0]] for g in groups)
    assert all([rank[s] for s in g] == sorted(rank[s] for s in g) for g in groups)
    severities = [s for g in groups for s in g]

    # the search box keeps findings that carry all its words, and its state goes into the URL
    page.fill("#search", "38,6 juta")
    kept = page.locator(".finding:visible")
    assert 0 < kept.count() < len(severities)
    assert all("38,6 juta" in text for text in kept.all_inner_texts())
    assert "q=38%2C6+juta" in page.url
    page.fill("#search", "")

    # a finding's link carries the filters; opening it restores them and shows that finding
    page.select_option("select[data-filter=severity]", "error")
    link = page.locator(".finding:visible .permalink").first
    anchor = link.evaluate("a => a.closest('.finding').id")
    href = link.get_attribute("href")
    assert href is not None and f"finding={anchor}" in href and "severity=error" in href
    again, errors_again = _open(browser, html_path, fragment=href)
    assert again.locator("select[data-filter=severity]").input_value() == "error"
    target = again.locator(f"#{anchor}")
    assert "current" in (target.get_attribute("class") or "") and target.is_visible()
    assert target.evaluate("e => e.getBoundingClientRect().top < window.innerHeight")
    assert set(again.locator(".finding:visible").evaluate_all("els => els.map(e => e.dataset.severity)")) == {"error"}
    assert errors_again == []
    page.select_option("select[data-filter=severity]", "")

    # the article filter names outlet and headline; choosing one opens its view of every figure
    option = page.locator("select[data-filter=article] option[value='2024-01-25-jurnal-sosial-akhir-2023.md']")
    assert option.inner_text().startswith("Jurnal Sosial — Kepesertaan Aktif BPJS Ketenagakerjaan Akhir 2023")
    page.select_option("select[data-filter=article]", "2024-01-25-jurnal-sosial-akhir-2023.md")
    view = page.locator("section.article-view:visible")
    assert view.count() == 1
    claims = [c for c in full.claims if c.article_id == "2024-01-25-jurnal-sosial-akhir-2023.md"]
    assert view.locator("tbody tr").count() == len(claims)
    row = view.locator("tr", has=page.locator("td.figure", has_text=re.compile("^37,9 juta$"))).first
    assert "38,6 juta (Warta Nusantara)" in row.inner_text()  # what it conflicts with
    row.locator("a.badge", has_text="FC101").click()
    assert page.locator(".finding.current").is_visible()
    page.select_option("select[data-filter=article]", "")
    assert page.locator("section.article-view:visible").count() == 0

    # an outlet link under a quote opens that article's view
    page.locator(".finding .evidence a.outlet", has_text="Warta Nusantara").first.click()
    # the view opens after the click's handler runs: wait for it (a loaded machine once read the value before)
    expect(page.locator("select[data-filter=article]")).to_have_value(re.compile(r"warta-nusantara-informal\.md$"))
    expect(page.locator("section.article-view:visible h2")).to_have_text(
        "Pekerja Informal Jadi Fokus BPJS Ketenagakerjaan"
    )

    # each finding explains its rule: why it matters, a flagged and a clean example
    finding = page.locator(".finding:visible", has=page.locator(".rule", has_text="FC101")).first
    finding.locator("details.rule-doc summary").click()
    doc = finding.locator("details.rule-doc").inner_text()
    assert "Why it matters: Two articles that report different numbers" in doc
    assert "Flagged" in doc and "Not flagged" in doc and "sekitar 38 juta" in doc
    # written once per rule at the foot of the page, for every rule the report uses
    entries = page.locator("section.rules .rule-entry").evaluate_all("els => els.map(e => e.id)")
    assert entries == [f"rule-{rule}" for rule in sorted({f.rule for f in full.findings})]

    # every figure links to its source: the url when the article has one, else its file; shown as path:line:column
    sources = page.locator(".evidence a.source")
    shown = sorted(sources.evaluate_all("els => els.map(e => [e.getAttribute('href'), e.textContent])"))
    articles = {a.id: a for a in full.articles}
    expected = []
    for finding in full.findings:
        for evidence in finding.evidence:
            article = articles[evidence.article]
            where = article.file
            if evidence.start is not None:
                where += ":{}:{}".format(*article.line_col(evidence.start))
            expected.append([article.url or quote(article.file), where])
    assert shown == sorted(expected)
    assert ["https://wartanusantara.example/ekonomi/bpjs-ketenagakerjaan-catat-peserta-aktif"] in [
        [href] for href, _ in shown
    ]


def test_narrow_screen_does_not_scroll_sideways(browser, tmp_path: Path):
    html_path = tmp_path / "corpus.html"
    html_path.write_text(render(run_check([str(ROOT / "corpus")], Options()), "html"), encoding="utf-8")
    page, errors = _open(browser, html_path, width=390)
    assert errors == []
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    chart = page.locator("svg.chart").first.bounding_box()
    assert chart is not None and chart["width"] <= 390
    _screenshot(page, tmp_path, "narrow.png", full_page=False)
