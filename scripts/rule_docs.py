"""Write docs/rules/<id>.md and docs/rules/README.md from the packaged rule pack.

Run after editing rules/rules.yml or a check kind's docstring; tests/test_rule_docs.py
fails while the pages are out of date.

    python scripts/rule_docs.py
"""

from __future__ import annotations

from pathlib import Path

from factcheck.ruledocs import packaged_rules, pages

DOCS = Path(__file__).resolve().parent.parent / "docs" / "rules"


def main() -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    wanted = pages(packaged_rules())
    for stale in sorted(DOCS.glob("*.md")):
        if stale.name not in wanted:
            stale.unlink()  # a rule that is gone takes its page with it
    for name, text in wanted.items():
        (DOCS / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(wanted)} files to {DOCS}")


if __name__ == "__main__":
    main()
