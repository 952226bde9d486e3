"""GraphML for Gephi and networkx: actors as nodes, actor -> target edges per event type.

One edge per (actor, target) pair carries ``weight`` (how many events) and the event
types and ids joined with ``;`` (GraphML attributes are scalars, so lists are joined).
Supporters get a ``supports`` edge to the actor they back.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO

from dateline.export.common import actor_label
from dateline.records import Actor, Article


def _node_id(actor: Actor) -> str:
    return (actor.country + ":" if actor.country and not actor.name else "") + actor_label(
        actor
    ).strip().lower()


def build_graph(articles: Iterable[Article]) -> Any:
    import networkx as nx

    graph = nx.DiGraph()

    def node(actor: Actor) -> str:
        key = _node_id(actor)
        if key not in graph:
            graph.add_node(
                key, label=actor_label(actor), country=actor.country or "", sector=actor.sector or ""
            )
        graph.nodes[key]["mentions"] = graph.nodes[key].get("mentions", 0) + 1
        return key

    def edge(src: str, dst: str, kind: str, ref: str) -> None:
        if graph.has_edge(src, dst):
            data = graph.edges[src, dst]
            data["weight"] += 1
            if kind not in data["types"].split(";"):
                data["types"] += ";" + kind
            data["events"] += ";" + ref
        else:
            graph.add_edge(src, dst, weight=1, types=kind, events=ref)

    for article in articles:
        for event in article.events:
            if not event.actor or not actor_label(event.actor):
                continue
            src = node(event.actor)
            ref = f"{article.id}-{event.id}"
            if event.target and actor_label(event.target):
                edge(src, node(event.target), event.type or "EVENT", ref)
            for sup in event.supporters:
                if actor_label(sup):
                    edge(node(sup), src, "supports", ref)
    return graph


def write_graphml(articles: Iterable[Article], out: BinaryIO) -> int:
    import networkx as nx

    graph = build_graph(articles)
    nx.write_graphml(graph, out)
    return graph.number_of_edges()
