"""The HTML report in a real browser (Debian's chromium driven by Playwright).

Skips with a clear message where no Chromium or Playwright exists; in CI
(CI=true) their absence is a failure, since .ci/run installs both.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from factcheck.check import Options, run_check
from factcheck.report import render

from .conftest import ROOT, SEEDS

PAYLOAD = '<script>window.__pwned = 1; document.title = "pwned"</script><img src=x onerror="window.__pwned = 2">'
HOSTILE = (
    "---\ntitle: Peserta Aktif Akhir 2023 Capai 39,4 Juta\npublished: 2024-02-20\n---\n"
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


def _open(browser, html_path: Path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(html_path.as_uri())
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
    quote = page.locator("mark", has_text="38,6 juta").first
    assert quote.is_visible()

    total = page.locator(".finding").count()
    page.select_option("select[data-filter=severity]", "error")
    visible = page.locator(".finding:visible")
    assert 0 < visible.count() < total
    assert set(visible.evaluate_all("els => els.map(e => e.dataset.severity)")) == {"error"}
    assert not page.locator("mark", has_text="7,2 juta").first.is_visible()  # a stale warning is hidden
    page.select_option("select[data-filter=severity]", "")
    page.select_option("select[data-filter=article]", "draft.md")
    kept = page.locator(".finding:visible").evaluate_all("els => els.map(e => JSON.parse(e.dataset.articles))")
    assert kept and all("draft.md" in articles for articles in kept)
    page.select_option("select[data-filter=article]", "")

    assert page.evaluate("window.__pwned") is None
    assert page.title() == "factcheck report"
    assert page.locator("blockquote", has_text="<script>window.__pwned").first.is_visible()
    page.screenshot(path=str(tmp_path / "corpus-report.png"), full_page=True)
    assert (tmp_path / "corpus-report.png").stat().st_size > 10_000


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
    page.screenshot(path=str(tmp_path / "seeds-report.png"), full_page=True)
