"""Graph stage: articles, entities, metrics and claims as a networkx graph.

Findings become edges between the claims (or articles) they involve, so that
Gephi and the like can show where a corpus disagrees with itself.
"""

from __future__ import annotations

import re
from pathlib import Path

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


# Characters XML 1.0 cannot hold at all; lxml refuses them and left an empty file behind.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(value: object) -> object:
    return NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> None:
    """GraphML for any input: a control character in a title or an id becomes U+FFFD."""
    clean: nx.MultiDiGraph = nx.MultiDiGraph()
    clean.graph.update({k: _xml_safe(v) for k, v in graph.graph.items()})
    for node, data in graph.nodes(data=True):
        clean.add_node(_xml_safe(node), **{k: _xml_safe(v) for k, v in data.items()})
    for source, target, key, data in graph.edges(keys=True, data=True):
        clean.add_edge(_xml_safe(source), _xml_safe(target), key=key, **{k: _xml_safe(v) for k, v in data.items()})
    nx.write_graphml(clean, str(path))
