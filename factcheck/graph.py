"""Graph stage: articles, entities, metrics and claims as a networkx graph.

Findings become edges between the claims (or articles) they involve, so that
Gephi and the like can show where a corpus disagrees with itself.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import networkx as nx

from .cluster import Cluster
from .models import Article, Claim, Finding


def build_graph(
    articles: list[Article], claims: list[Claim], clusters: list[Cluster], findings: list[Finding]
) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for article in articles:
        graph.add_node(
            f"article:{article.id}",
            kind="article",
            label=article.title or article.id,
            path=article.path,
            published=article.published.isoformat() if article.published else "",
        )
    for cluster in clusters:
        entity_node = f"entity:{cluster.entity}|{cluster.scope}"
        metric_node = f"metric:{cluster.metric}"
        graph.add_node(
            entity_node, kind="entity", label=cluster.entity + (f" ({cluster.scope})" if cluster.scope else "")
        )
        graph.add_node(metric_node, kind="metric", label=cluster.metric)
        for claim in cluster.claims:
            node = f"claim:{claim.uid}"
            graph.add_node(
                node,
                kind="claim",
                label=" ".join(claim.text.split()),
                value=float(claim.value),
                unit=claim.unit,
                period=claim.period.label if claim.period else "",
                modality=claim.modality,
            )
            graph.add_edge(f"article:{claim.article_id}", node, kind="states")
            graph.add_edge(node, entity_node, kind="about")
            graph.add_edge(node, metric_node, kind="measures")
    for finding in findings:
        nodes = []
        for evidence in finding.evidence:
            node = f"claim:{evidence.article}:{evidence.start}"
            nodes.append(node if node in graph else f"article:{evidence.article}")
        for source, target in zip(nodes, nodes[1:]):
            graph.add_edge(
                source, target, kind="finding", rule=finding.rule, severity=finding.severity, message=finding.message
            )
        if len(nodes) == 1:
            graph.add_edge(
                nodes[0],
                nodes[0],
                kind="finding",
                rule=finding.rule,
                severity=finding.severity,
                message=finding.message,
            )
    return graph


# XML 1.0 cannot carry these characters at all, not even escaped: a title with
# one made the whole .graphml unreadable, so each becomes U+FFFD.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_safe(value: Any) -> Any:
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def graphml_text(graph: nx.MultiDiGraph) -> str:
    """The graph as GraphML that any XML parser reads, whatever the articles contain."""
    clean = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        clean.add_node(_xml_safe(node), **{key: _xml_safe(value) for key, value in data.items()})
    for source, target, data in graph.edges(data=True):
        clean.add_edge(_xml_safe(source), _xml_safe(target), **{key: _xml_safe(value) for key, value in data.items()})
    return "\n".join(nx.generate_graphml(clean)) + "\n"


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """Write atomically: a failed or killed run leaves the previous graph file as it was."""
    from .output import write_file

    write_file(str(path), graphml_text(graph), "--graph")
