"""Score extracted claims against a claim-level gold file of real pages (gold/devset-claims.yml).

    python scripts/score_claims.py [--corpus ../shared/devset/articles] [--gold gold/devset-claims.yml] [-v]

A gold figure is found when an extracted claim of the same article overlaps
its offsets. Each found figure is then scored on seven attributes: value,
unit, metric, scope, period, modality and entity. Metrics are compared the
way clusters compare them (normalized by the same stemmer and synonyms), an
inferred region ("Jambi?") counts as the region, and a year's edge ("2026-end")
as the year.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.api import claims as extract_claims  # noqa: E402
from factcheck.cluster import metric_identity  # noqa: E402
from factcheck.extract.metric import normalize_metric  # noqa: E402
from factcheck.lexicon import load_lexicon  # noqa: E402
from factcheck.models import Claim  # noqa: E402

ATTRIBUTES = ("value", "unit", "metric", "scope", "period", "modality", "entity")


def _period(label: str | None) -> str | None:
    if label is None:
        return None
    label = str(label).replace("..", "/")
    for suffix in ("-end", "-start", "-mid"):
        label = label.replace(suffix, "")
    return label


def _scope(scope: str | None) -> str:
    return "/".join(part.rstrip("?").strip().lower() for part in (scope or "").split("/")).strip("/")


def compare(claim: Claim, gold: dict[str, Any]) -> dict[str, bool]:
    lexicon = load_lexicon()
    language = lexicon.language("id")
    wanted_value = float(gold["value"])
    system_period = None
    if claim.period is not None:
        system_period = "current" if claim.period.granularity == "current" else _period(claim.period.label)
    modality = claim.modality == gold.get("modality", "actual")
    if modality and claim.modality == "change" and gold.get("direction"):
        modality = claim.direction == gold["direction"]
    return {
        "value": abs(claim.value - wanted_value) <= 0.005 * max(1.0, abs(wanted_value)),
        "unit": claim.unit.split("/")[0] == str(gold.get("unit", "count")).split("/")[0],
        "metric": metric_identity(claim.metric, "id")
        == metric_identity(normalize_metric(str(gold.get("metric", "")), lexicon, language), "id"),
        "scope": _scope(claim.scope) == _scope(gold.get("scope")),
        "period": system_period == _period(gold.get("period")),
        "modality": modality,
        "entity": claim.entity == (gold.get("entity") or ""),
    }


def score(corpus: str, gold_path: str) -> dict[str, Any]:
    gold = yaml.safe_load(Path(gold_path).read_text(encoding="utf-8"))
    pages = {page["id"]: page["claims"] for page in gold["articles"]}
    paths = [str(Path(corpus) / f"{page}.txt") for page in pages]
    found, _ = extract_claims(paths)
    by_article: dict[str, list[Claim]] = {}
    for claim in found:
        by_article.setdefault(Path(claim.article_id).stem, []).append(claim)
    right: Counter[str] = Counter()
    complete = 0
    matched = 0
    with_metric_and_period = 0
    misses: list[str] = []
    wrong: list[str] = []
    used: set[int] = set()
    total = 0
    for page, claims in pages.items():
        for item in claims:
            total += 1
            overlapping = [
                c
                for c in by_article.get(page, [])
                if c.start < item["end"] and item["start"] < c.end and id(c) not in used
            ]
            if not overlapping:
                misses.append(f"{page[:3]} {item['text']}")
                continue
            claim = max(overlapping, key=lambda c: min(c.end, item["end"]) - max(c.start, item["start"]))
            used.add(id(claim))
            matched += 1
            verdict = compare(claim, item)
            for name, ok in verdict.items():
                right[name] += ok
            complete += all(verdict.values())
            with_metric_and_period += bool(claim.metric and claim.period is not None)
            bad = [n for n, ok in verdict.items() if not ok]
            if bad:
                shown = {
                    "metric": f"{claim.metric!r} want {item.get('metric')!r}",
                    "period": f"{claim.period.label if claim.period else None} want {item.get('period')}",
                    "scope": f"{claim.scope!r} want {item.get('scope')!r}",
                    "modality": (
                        f"{claim.modality}/{claim.direction} want {item.get('modality')}/{item.get('direction', '')}"
                    ),
                    "entity": f"{claim.entity!r} want {item.get('entity')!r}",
                    "unit": f"{claim.unit} want {item.get('unit')}",
                    "value": f"{claim.value} want {item.get('value')}",
                }
                wrong.append(f"{page[:3]} {item['text']!r}: " + "; ".join(f"{n} {shown[n]}" for n in bad))
    spurious = [
        f"{Path(c.article_id).stem[:3]} {c.text}" for cs in by_article.values() for c in cs if id(c) not in used
    ]
    result: dict[str, Any] = {
        "gold": total,
        "found": matched,
        "recall": matched / total if total else 0.0,
        "spurious": spurious,
        "complete": complete / matched if matched else 0.0,
        "with_metric_and_period": with_metric_and_period / matched if matched else 0.0,
        "misses": misses,
        "wrong": wrong,
    }
    for name in ATTRIBUTES:
        result[name] = right[name] / matched if matched else 0.0
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="../shared/devset/articles")
    parser.add_argument("--gold", default="gold/devset-claims.yml")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    result = score(args.corpus, args.gold)
    if args.verbose:
        for line in result["wrong"]:
            print("WRONG", line)
        for line in result["misses"]:
            print("MISS ", line)
        for line in result["spurious"]:
            print("EXTRA", line)
    print(
        f"figures: {result['found']} of {result['gold']} found (recall {result['recall']:.2f}), "
        f"{len(result['spurious'])} not in the gold"
    )
    print("  " + "  ".join(f"{name} {result[name]:.2f}" for name in ATTRIBUTES))
    print(f"  all seven right {result['complete']:.2f}; with metric and period {result['with_metric_and_period']:.2f}")


if __name__ == "__main__":
    main()
