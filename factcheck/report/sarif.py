"""--format sarif: SARIF 2.1.0, with the rules and their docs, and each figure's file, line and column."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from ..i18n import DEFAULT
from ..models import Article, Evidence, Report
from . import message_with_omitted

LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


def _location(evidence: Evidence, articles: dict[str, Article]) -> dict[str, Any]:
    path = evidence.path.split(".jsonl:")[0] + (".jsonl" if ".jsonl:" in evidence.path else "")
    # A URI reference: a space, "#", "%" or a newline in a file name is percent-encoded, not left to break it.
    physical: dict[str, Any] = {"artifactLocation": {"uri": quote(path, safe="/")}}
    article = articles.get(evidence.article)
    if article is not None and evidence.start is not None and evidence.end is not None:
        line, column = article.line_col(evidence.start)
        end_line, end_column = article.line_col(evidence.end)
        physical["region"] = {
            "startLine": line,
            "startColumn": column,
            "endLine": end_line,
            "endColumn": end_column,
            "snippet": {"text": evidence.text},
        }
    return {"physicalLocation": physical, "message": {"text": evidence.sentence[:500]}}


def render(
    report: Report, rules: list[Any] | None = None, lang: str = DEFAULT, docs_url: str | None = None, **_: Any
) -> str:
    from ..checks import Rule
    from ..lexicon import load_lexicon
    from ..ruledocs import help_uri, packaged_rules

    rule_list: list[Rule] = rules or [Rule.from_dict(r) for r in load_lexicon().rules]
    documented = {rule.id for rule in packaged_rules()}
    articles = {a.id: a for a in report.articles}
    driver_rules = [
        {
            "id": rule.id,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.why or rule.summary},
            "help": {
                "text": f"{rule.summary}\n\nBad:\n{rule.bad}\n\nGood:\n{rule.good}",
                "markdown": f"{rule.summary}\n\n**Bad**\n\n```\n{rule.bad}\n```\n\n**Good**\n\n```\n{rule.good}\n```",
            },
            "defaultConfiguration": {"level": LEVEL[rule.severity]},
            "properties": {"kind": rule.kind},
            # the rule's page in docs/rules (a rule of the user's own --rules folder has none)
            **({"helpUri": help_uri(rule.id, docs_url)} if rule.id in documented else {}),
        }
        for rule in rule_list
    ]
    index = {rule.id: position for position, rule in enumerate(rule_list)}
    results = []
    for finding in report.findings:
        locations = [_location(e, articles) for e in finding.evidence]
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "level": LEVEL.get(finding.severity, "warning"),
            "message": {"text": message_with_omitted(finding, lang)},
            "locations": locations[:1],
            "partialFingerprints": {"factcheckFigures/v1": finding.fingerprint},
        }
        if finding.rule in index:
            result["ruleIndex"] = index[finding.rule]
        if len(locations) > 1:
            result["relatedLocations"] = [{**loc, "id": i} for i, loc in enumerate(locations[1:], 1)]
        results.append(result)
    sarif = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": report.version,
                        "informationUri": "https://example.invalid/factcheck",
                        "rules": driver_rules,
                    }
                },
                "results": results,
            }
        ],
    }
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"
