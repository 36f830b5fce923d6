"""Rule documentation pages: `docs/rules/<id>.md`, `factcheck explain ID --format markdown`, and their URL.

The pages are generated from the rule pack (`rules/rules.yml`: summary, why, bad,
good, options) and each check kind's docstring, so they cannot drift from the
rules; `python scripts/rule_docs.py` writes them and a test fails when one is
out of date. SARIF points each rule's `helpUri` at its page: the base URL is
the package's `Documentation` project URL (setup.cfg `project_urls`) unless
`--docs-url` names another (a fork's docs, a file:// URL to a checkout).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .checks import Rule

# The Documentation URL setup.cfg declares; used when the installed metadata lacks it (an old
# editable install). tests/test_rule_docs.py keeps the two equal.
DOCS_URL = "https://github.com/OWNER/factcheck/blob/main/docs/"
DISTRIBUTION = "factcheck-figures"


def docs_url(override: str | None = None) -> str:
    """The base URL of the docs folder, ending in "/" (the flag, else the package metadata, else DOCS_URL)."""
    url = override or _metadata_url() or DOCS_URL
    return url if url.endswith("/") else url + "/"


def _metadata_url() -> str:
    from importlib import metadata

    try:
        urls = metadata.metadata(DISTRIBUTION).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return ""
    for entry in urls:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return url.strip()
    return ""


def page(rule_id: str) -> str:
    """A rule's page inside the docs folder."""
    return f"rules/{rule_id}.md"


def help_uri(rule_id: str, base: str | None = None) -> str:
    return docs_url(base) + page(rule_id)


def how_it_works(rule: Rule) -> str:
    """The check kind's module docstring: what the kind looks for and its options."""
    from .checks import kind_function

    module = sys.modules.get(kind_function(rule.kind).__module__)
    return ((module.__doc__ if module else "") or "").strip()


def markdown(rule: Rule) -> str:
    """A rule's page: what it flags, why it matters, a flagged and a clean example, options, how the check works."""
    lines = [
        "<!-- generated from rules/rules.yml by scripts/rule_docs.py: edit those, not this page -->",
        "",
        f"# {rule.id} {rule.name}",
        "",
        f"Kind `{rule.kind}`, default severity `{rule.severity}`.",
        "",
        rule.summary,
        "",
    ]
    if rule.why:
        lines += ["## Why it matters", "", rule.why, ""]
    lines += ["## Flagged", "", "```text", rule.bad, "```", "", "## Clean", "", "```text", rule.good, "```", ""]
    if rule.options:
        lines += ["## Options", "", "| option | default |", "|---|---|"]
        lines += [f"| `{key}` | `{value}` |" for key, value in rule.options.items()]
        key, value = next(iter(rule.options.items()))
        lines += ["", f"Set one under `options` in a config file (see the README): `{rule.id}.{key} = {value}`.", ""]
    how = how_it_works(rule)
    if how:
        lines += ["## How the check works", "", "```text", how, "```", ""]
    lines += [f"Run `factcheck explain {rule.id}` for this page in a terminal.", ""]
    return "\n".join(lines)


def index(rules: Iterable[Rule]) -> str:
    """docs/rules/README.md: every rule with a link to its page."""
    lines = [
        "# Rules",
        "",
        "Generated from `rules/rules.yml` by `python scripts/rule_docs.py`; do not edit by hand.",
        "",
        "| id | name | kind | default | what it flags |",
        "|---|---|---|---|---|",
    ]
    lines += [
        f"| [{r.id}]({r.id}.md) | {r.name} | {r.kind} | {r.severity} | {r.summary.replace('|', '/')} |" for r in rules
    ]
    return "\n".join(lines) + "\n"


def pages(rules: list[Rule]) -> dict[str, str]:
    """Every file of docs/rules, by name, as it should read."""
    found = {f"{rule.id}.md": markdown(rule) for rule in rules}
    found["README.md"] = index(rules)
    return found


def packaged_rules() -> list[Rule]:
    from .checks import Rule
    from .lexicon import load_rules

    return [Rule.from_dict(data) for data in load_rules(())]
