"""Print extraction precision and recall on corpus/ against gold/corpus-claims.yml.

    python scripts/score_extraction.py [--corpus corpus] [--gold gold/corpus-claims.yml]

A figure counts as found when an extracted claim has the same article, the
same text and the same occurrence number; each gold field (value, unit,
metric, modality, period, scope) is then scored on the found figures.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.api import claims as extract_claims  # noqa: E402
from factcheck.models import Claim  # noqa: E402

FIELDS = ("value", "unit", "metric", "modality", "period", "scope")


def _key(article: str, text: str, seen: Counter[tuple[str, str]]) -> tuple[str, str, int]:
    normal = " ".join(str(text).split())
    seen[(article, normal)] += 1
    return article, normal, seen[(article, normal)]


def _field(claim: Claim, name: str) -> object:
    if name == "period":
        return claim.period.label if claim.period else None
    if name == "scope":
        return claim.scope.rstrip("?") or None  # an inferred region is scored as the region
    return getattr(claim, name)


def _same(found: object, wanted: object) -> bool:
    if isinstance(found, (int, float)) and isinstance(wanted, (int, float)):
        return abs(found - wanted) <= 1e-9 * max(1.0, abs(wanted))
    return str(found) == str(wanted)


def score(corpus: str, gold_path: str) -> dict[str, float]:
    gold = yaml.safe_load(Path(gold_path).read_text(encoding="utf-8"))
    seen: Counter[tuple[str, str]] = Counter()
    expected = {_key(a, item["text"], seen): item for a, items in gold.items() for item in items}
    found, _ = extract_claims([corpus])
    seen = Counter()
    extracted = {_key(c.article_id, c.text, seen): c for c in found}
    matched = set(expected) & set(extracted)
    result = {
        "gold": len(expected),
        "extracted": len(extracted),
        "matched": len(matched),
        "precision": len(matched) / len(extracted) if extracted else 0.0,
        "recall": len(matched) / len(expected) if expected else 0.0,
    }
    wrong = []
    for name in FIELDS:
        scored = [k for k in matched if name in expected[k]]
        right = [k for k in scored if _same(_field(extracted[k], name), expected[k][name])]
        result[f"{name}_accuracy"] = len(right) / len(scored) if scored else 1.0
        for k in sorted(set(scored) - set(right)):
            wrong.append(f"{k[0]}: {k[1]}: {name} {_field(extracted[k], name)!r}, gold {expected[k][name]!r}")
    result["wrong"] = sorted(wrong)  # type: ignore[assignment]
    result["missed"] = sorted(f"{a}: {t}" for a, t, _ in set(expected) - matched)  # type: ignore[assignment]
    result["spurious"] = sorted(f"{a}: {t}" for a, t, _ in set(extracted) - matched)  # type: ignore[assignment]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--gold", default="gold/corpus-claims.yml")
    args = parser.parse_args()
    result = score(args.corpus, args.gold)
    print(f"figures: {result['matched']} of {result['gold']} gold found, {result['extracted']} extracted")
    print(f"precision {result['precision']:.3f}  recall {result['recall']:.3f}")
    for name in FIELDS:
        print(f"  {name:<9} accuracy {result[name + '_accuracy']:.3f}")
    for label in ("missed", "spurious", "wrong"):
        for item in result[label]:  # type: ignore[attr-defined]
            print(f"  {label}: {item}")


if __name__ == "__main__":
    main()
