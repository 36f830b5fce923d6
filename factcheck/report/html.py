"""--format html: one self-contained page (no network) for editors.

A summary, filters by severity, kind, entity and article, and per group of
claims a small chart of the values over time (targets drawn apart from
actuals, figures a finding involves ringed) above its findings, each figure
quoted in its sentence with the number highlighted. Every piece of article
text is escaped: a corpus can hold hostile HTML.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from datetime import date
from html import escape
from typing import Any

from ..models import Claim, Evidence, Finding, Report
from ..numfmt import amount
from .text import summary_line

CSS = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d232a;background:#f6f7f9}
header{background:#1d3557;color:#fff;padding:18px 28px}header h1{margin:0 0 4px;font-size:22px}
main{padding:18px 28px;max-width:1100px}
.summary{display:flex;gap:12px;flex-wrap:wrap;align-items:flex-start;margin:10px 0 16px}
.card{background:#fff;border-radius:8px;padding:10px 14px;box-shadow:0 1px 2px #0002;min-width:110px}
.card b{display:block;font-size:22px}
.filters{background:#fff;border-radius:8px;padding:10px 14px;margin-bottom:16px;box-shadow:0 1px 2px #0002}
.filters label{margin-right:14px;font-size:13px}
section.group{background:#fff;border-radius:8px;padding:12px 16px;margin-bottom:16px;box-shadow:0 1px 2px #0002}
section.group h2{font-size:17px;margin:0 0 8px}
.finding{border-left:4px solid #999;padding:6px 10px;margin:10px 0;background:#fafbfc}
.finding.error{border-color:#c1121f}.finding.warning{border-color:#e09f3e}.finding.info{border-color:#457b9d}
.badge{display:inline-block;font-size:12px;padding:1px 7px;border-radius:10px;color:#fff;margin-right:6px}
.badge.error{background:#c1121f}.badge.warning{background:#b7791f}.badge.info{background:#457b9d}
.rule{font-family:ui-monospace,monospace;font-size:13px;margin-right:6px}
.evidence{margin:6px 0 0 8px;font-size:14px}.where{color:#555;font-size:12px}
blockquote{margin:2px 0 6px;padding-left:10px;border-left:2px solid #ddd;color:#333}
mark{background:#ffe066;padding:0 2px;border-radius:2px;font-weight:600}
svg.chart{background:#fbfcfd;border:1px solid #e3e6ea;border-radius:6px}
.legend{font-size:12px;color:#555}.skipped{color:#9a3412}
"""

SCRIPT = """
(function(){
  var selects = document.querySelectorAll('select[data-filter]');
  function apply(){
    var wanted = {};
    selects.forEach(function(s){ wanted[s.dataset.filter] = s.value; });
    document.querySelectorAll('.finding').forEach(function(f){
      var articles = JSON.parse(f.dataset.articles);
      var show = (!wanted.severity || f.dataset.severity === wanted.severity) &&
                 (!wanted.kind || f.dataset.kind === wanted.kind) &&
                 (!wanted.entity || f.dataset.entity === wanted.entity) &&
                 (!wanted.article || articles.indexOf(wanted.article) >= 0);
      f.hidden = !show;
    });
    document.querySelectorAll('section.group').forEach(function(g){
      g.hidden = g.querySelectorAll('.finding:not([hidden])').length === 0;
    });
    var shown = document.querySelectorAll('.finding:not([hidden])').length;
    document.getElementById('shown').textContent = shown;
  }
  selects.forEach(function(s){ s.addEventListener('change', apply); });
  apply();
})();
"""


def _highlight(evidence: Evidence) -> str:
    sentence = " ".join(evidence.sentence.split())
    figure = " ".join(evidence.text.split())
    at = sentence.find(figure)
    if at < 0:
        return escape(sentence)
    return escape(sentence[:at]) + "<mark>" + escape(figure) + "</mark>" + escape(sentence[at + len(figure) :])


def _entity(finding: Finding) -> str:
    return finding.group.split(" · ")[0] if finding.group else ""


def _chart(claims: list[Claim], involved: set[tuple[str, int]], unit: str) -> str:
    points = [c for c in claims if c.period is not None and c.modality in ("actual", "target", "projection")]
    if not points:
        return ""
    width, height, pad = 620, 220, 46
    days = [c.period.end.toordinal() for c in points if c.period]
    low_day, high_day = min(days), max(days)
    values = [c.value for c in points]
    top = max(values) * 1.1 or 1.0
    bottom = min(0.0, min(values))

    def x(day: int) -> float:
        return (
            pad + (day - low_day) / ((high_day - low_day) or 1) * (width - 2 * pad) if high_day > low_day else width / 2
        )

    def y(value: float) -> float:
        return height - pad + (bottom - value) / ((top - bottom) or 1) * (height - 2 * pad)

    parts = [
        f'<svg class="chart" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="values over time">',
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#999"/>',
        f'<line x1="{pad}" y1="{pad / 2}" x2="{pad}" y2="{height - pad}" stroke="#999"/>',
        f'<text x="{pad}" y="{height - pad + 16}" font-size="11">'
        f"{escape(date.fromordinal(low_day).isoformat())}</text>",
        f'<text x="{width - pad}" y="{height - pad + 16}" font-size="11" text-anchor="end">'
        f"{escape(date.fromordinal(high_day).isoformat())}</text>",
        f'<text x="{pad + 4}" y="{y(top / 1.1) - 8:.1f}" font-size="11">{escape(amount(top / 1.1, unit))}</text>',
    ]
    for claim in sorted(points, key=lambda c: (c.period.end if c.period else date.min, c.article_id, c.start)):
        assert claim.period is not None
        cx, cy = x(claim.period.end.toordinal()), y(claim.value)
        flagged = (claim.article_id, claim.start) in involved
        tip = escape(
            f"{' '.join(claim.text.split())} · {claim.period.text.strip()} · {claim.article_id} · {claim.modality}"
        )
        ring = ' stroke="#c1121f" stroke-width="3"' if flagged else ' stroke="#1d3557" stroke-width="1"'
        css = "point flagged" if flagged else "point"
        if claim.modality == "actual":
            parts.append(
                f'<circle class="{css} actual" cx="{cx:.1f}" cy="{cy:.1f}" r="{6 if flagged else 4.5}" '
                f'fill="#457b9d"{ring}><title>{tip}</title></circle>'
            )
        else:
            size = 7 if flagged else 5.5
            parts.append(
                f'<rect class="{css} target" x="{cx - size:.1f}" y="{cy - size:.1f}" width="{2 * size}" '
                f'height="{2 * size}" transform="rotate(45 {cx:.1f} {cy:.1f})" fill="none"{ring}>'
                f"<title>{tip}</title></rect>"
            )
    parts.append("</svg>")
    return "".join(parts)


def render(report: Report, **_: Any) -> str:
    counts = report.counts()
    kinds = Counter(f.kind for f in report.findings)
    by_uid = {(c.article_id, c.start): c for c in report.claims}
    cluster_of: dict[tuple[str, int], Any] = {}
    for cluster in report.clusters:
        for claim in cluster.claims:
            cluster_of[(claim.article_id, claim.start)] = cluster
    groups: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        groups[finding.group or "other"].append(finding)
    entities = sorted({_entity(f) for f in report.findings if _entity(f)})
    article_ids = sorted({e.article for f in report.findings for e in f.evidence})
    urls = {a.id: a.url for a in report.articles}
    articles_by_id = {a.id: a for a in report.articles}

    def options(name: str, values: list[str]) -> str:
        items = "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in values)
        return f'<label>{name} <select data-filter="{name}"><option value="">all</option>{items}</select></label>'

    html = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>factcheck report</title>",
        f"<style>{CSS}</style></head><body>",
        f"<header><h1>factcheck report</h1><div>{escape(summary_line(report))}</div></header><main>",
        '<div class="summary">',
        f'<div class="card"><b>{len(report.articles)}</b>articles</div>',
        f'<div class="card"><b>{len(report.claims)}</b>claims</div>',
        f'<div class="card"><b><span id="shown">{len(report.findings)}</span>/{len(report.findings)}</b>'
        "findings shown</div>",
    ]
    for severity in ("error", "warning", "info"):
        html.append(f'<div class="card"><b>{counts[severity]}</b>{severity}</div>')
    html.append(f'<div class="card">{"<br>".join(escape(f"{k}: {n}") for k, n in sorted(kinds.items()))}</div>')
    html.append("</div>")
    html.append('<div class="filters">')
    html.append(options("severity", ["error", "warning", "info"]))
    html.append(options("kind", sorted(kinds)))
    html.append(options("entity", entities))
    html.append(options("article", article_ids))
    html.append("</div>")
    for group in sorted(groups):
        findings = groups[group]
        html.append(f'<section class="group"><h2>{escape(group)}</h2>')
        involved = {(e.article, e.start) for f in findings for e in f.evidence if e.start is not None}
        clusters = []
        for key in sorted(involved, key=lambda k: (k[0], k[1] or 0)):
            cluster = cluster_of.get(key)
            if cluster is not None and cluster not in clusters:
                clusters.append(cluster)
        for cluster in clusters[:3]:
            chart = _chart(cluster.claims, involved, cluster.unit)
            if chart:
                what = f"{escape(cluster.metric)} ({escape(cluster.unit)})"
                html.append(
                    f'<div class="legend">{what} over time: ● actual ◇ target, '
                    f'<span style="color:#c1121f">ringed</span> = in a finding</div>{chart}'
                )
        for finding in findings:
            articles = sorted({e.article for e in finding.evidence})
            html.append(
                f'<div class="finding {escape(finding.severity)}" data-severity="{escape(finding.severity)}" '
                f'data-kind="{escape(finding.kind)}" data-entity="{escape(_entity(finding))}" '
                f"data-articles='{escape(json.dumps(articles))}'>"
                f'<span class="badge {escape(finding.severity)}">{escape(finding.severity)}</span>'
                f'<span class="rule">{escape(finding.rule)}</span>{escape(finding.message)}'
            )
            for evidence in finding.evidence:
                claim = by_uid.get((evidence.article, evidence.start or -1))
                where = escape(evidence.path)
                url = urls.get(evidence.article)
                if url and url.startswith(("http://", "https://")):
                    where = f'<a href="{escape(url)}" rel="noopener noreferrer">{where}</a>'
                article = articles_by_id.get(evidence.article)
                published = article.published_text if article is not None else (evidence.published or "unknown")
                details = [f"published {published}"]
                if evidence.period:
                    details.append(f"period {evidence.period}")
                if claim is not None and claim.modality != "actual":
                    details.append(claim.modality)
                html.append(
                    f'<div class="evidence"><div class="where">{where} · {escape(", ".join(details))}</div>'
                    f"<blockquote>{_highlight(evidence)}</blockquote></div>"
                )
            html.append("</div>")
        html.append("</section>")
    for skipped in report.skipped:
        html.append(f'<p class="skipped">skipped {escape(skipped.path)}: {escape(skipped.reason)}</p>')
    html.append(f"</main><script>{SCRIPT}</script></body></html>")
    return "\n".join(html) + "\n"
