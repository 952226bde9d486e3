"""GraphML for Gephi and networkx: actors as nodes, one dated, typed edge per event.

Nodes are actors as the article's entity clusters name them ("He", "Trump" and
"Mr. Trump" in an article are its "Donald Trump"); across articles, titles are dropped
("Mr.", "President") and a bare surname joins the one full name that ends with it. Actors
known by country and sector are named by both ("Syrian government forces" -> "Syria
military"), and an unnamed common noun ("the army", "both sides") stays a node of its
own article, so that Gephi's most connected actors are actors. An actor that is only a
pronoun or a determiner with no cluster behind it is no node: it says nothing about who
acted (``actor_node`` gives the order of these rules).

Each event is an edge (a multigraph, so parallel events stay apart for Gephi's timeline)
carrying ``type`` (PLOVER), ``mode``, ``acled_type``, ``date`` (the TIMEX value),
``start`` and ``end`` (ISO days, from which Gephi's Data Laboratory makes its time interval
for the timeline), ``weight`` 1, and the
event and article ids. Supporters get a ``supports`` edge to the actor they back.
Countries are ISO alpha-3 with a ``country_name``. All text is cleaned of the control
characters XML cannot hold.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from dateline.country_codes import acled_country, country
from dateline.export.common import event_dates, iso, xml_text
from dateline.records import Actor, Article, Entity

_PRONOUNS = frozenset([
    "i", "me", "we", "us", "you", "he", "him", "she", "her", "it", "they", "them", "this", "that",
    "these", "those", "who", "whom", "someone", "somebody", "anyone", "one", "others", "other",
    "everyone", "nobody", "all", "both", "some", "many",
])  # fmt: skip
_DETERMINERS = frozenset([
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those",
])  # fmt: skip
_TITLES = frozenset([
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "prime",
    "minister", "premier", "chancellor", "king", "queen", "prince", "princess", "general", "gen", "col",
    "colonel", "maj", "major", "capt", "captain", "lt", "sgt", "rev", "father", "sheikh", "senator",
    "sen", "rep", "governor", "gov", "mayor", "secretary",
])  # fmt: skip
#: PLOVER sector codes as words, for actors known by country and sector ("Syria military").
_SECTOR_WORDS = {
    "GOV": "government", "MIL": "military", "COP": "police", "JUD": "judiciary", "LEG": "legislature",
    "PRM": "paramilitary", "SPY": "intelligence", "REB": "rebels", "INS": "insurgents",
    "OPP": "opposition", "PTY": "party", "CVL": "civilians", "MED": "media", "BUS": "business",
}  # fmt: skip
#: Sectors of the state: an uncountried mention of them acts for the country it acts in.
_STATE_SECTORS = frozenset(["GOV", "MIL", "COP", "JUD", "LEG", "PRM", "SPY"])
_WORD = re.compile(r"[\w'’-]+")


@dataclass
class _Node:
    label: str
    kind: str = ""
    country: str = ""
    sector: str = ""
    mentions: int = 0
    aliases: set[str] = field(default_factory=set)


def _words(text: str) -> list[str]:
    return [w.lower().strip("'’") for w in _WORD.findall(text)]


def name_key(name: str) -> str:
    """A name without titles, case or punctuation: "Mr. Trump" and "trump" share one key."""
    words = _words(name)
    while len(words) > 1 and words[0].rstrip(".") in _TITLES:
        words = words[1:]
    return " ".join(words)


def _is_empty_mention(text: str) -> bool:
    words = [w for w in _words(text) if w not in _DETERMINERS]
    return not words or all(w in _PRONOUNS for w in words)


def _is_proper_name(text: str) -> bool:
    """Every content word capitalised ("Islamic State", "Frente Libertad Andina")."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _DETERMINERS and not w[0].isdigit()]
    small = {"of", "the", "and", "for", "de", "del", "al", "el", "la"}
    return bool(words) and all(w[0].isupper() for w in words if w.lower() not in small)


def actor_node(
    actor: Actor, entities: dict[str, Entity], article_id: str, place_country: str | None = None
) -> tuple[str, str, str, str | None] | None:
    """(key, label, entity type, alpha-3) of an actor's node; None for a bare pronoun.

    In order: the article's entity cluster (unless it only names a nationality); a
    country and a sector ("Syria military": the event-data convention for actors known by
    both; a state organ without a country acts for the country of the event's place); the
    events stage's normalised name; a proper name as written. What is left ("the army",
    "both sides") is a node of its own article only: a common noun names no one across
    articles.
    """
    cluster = entities.get(actor.entity or "")
    code = actor.country or (cluster.country if cluster else None)
    if cluster is not None and cluster.type != "NORP":
        return (name_key(cluster.name), cluster.name, cluster.type, code)
    sector = (actor.sector or "").upper()
    if not code and sector in _STATE_SECTORS:
        code = place_country
    where = country(code)
    if where is not None and sector in _SECTOR_WORDS and not actor.name:
        label = f"{acled_country(where.alpha3)[0] or where.name} {_SECTOR_WORDS[sector]}"
        return (name_key(label), label, "GROUP", where.alpha3)
    if actor.name:
        return (name_key(actor.name), actor.name, "", code)
    text = actor.text or ""
    if not text.strip() or _is_empty_mention(text):
        return None
    if _is_proper_name(text):
        return (name_key(text), text, "", code)
    return (f"{name_key(text)} @{article_id}", text, "", code)


def build_graph(articles: Iterable[Article]) -> Any:
    import networkx as nx

    nodes: dict[str, _Node] = {}
    edges: list[tuple[str, str, dict[str, Any]]] = []

    def node(actor: Actor, entities: dict[str, Entity], article_id: str, place_cc: str | None) -> str | None:
        found = actor_node(actor, entities, article_id, place_cc)
        if found is None:
            return None
        key, label, kind, code = found
        item = nodes.setdefault(key, _Node(label=label))
        if len(label) > len(item.label):
            item.label = label
        item.kind = item.kind or kind
        item.country = item.country or code or ""
        item.sector = item.sector or actor.sector or ""
        item.mentions += 1
        item.aliases.add(actor.text)
        return key

    for article in articles:
        entities = {e.id: e for e in article.entities}
        places = {p.id: p for p in article.places}
        for event in article.events:
            if not event.actor:
                continue
            place = places.get(event.place or "")
            place_cc = place.country if place else None
            src = node(event.actor, entities, article.id, place_cc)
            if src is None:
                continue
            start, end, precision = event_dates(event, article)
            data = {
                "type": event.type or "EVENT",
                "mode": event.mode or "",
                "acled_type": event.acled_type or "",
                "date": event.date.value if event.date else (article.published or "")[:10],
                "start": iso(start) or "",
                "end": iso(end) or "",
                "date_precision": precision or "",
                "modality": event.modality,
                "event": f"{article.id}-{event.id}",
                "article": article.id,
                "weight": 1,
            }
            if event.target:
                dst = node(event.target, entities, article.id, place_cc)
                if dst is not None and dst != src:
                    edges.append((src, dst, data))
            for sup in event.supporters:
                helper = node(sup, entities, article.id, place_cc)
                if helper is not None and helper != src:
                    edges.append((helper, src, {**data, "type": "supports", "mode": "", "acled_type": ""}))

    merged = _merge_surnames(nodes)
    graph = nx.MultiDiGraph()
    for key, item in nodes.items():
        if merged.get(key, key) != key:
            continue
        found = country(item.country)
        graph.add_node(
            xml_text(key),
            label=xml_text(item.label),
            kind=item.kind,
            country=found.alpha3 if found else "",
            country_name=found.name if found else "",
            sector=xml_text(item.sector),
            mentions=item.mentions,
            aliases=xml_text("; ".join(sorted(a for a in item.aliases if a))),
        )
    for key, item in nodes.items():
        target = merged.get(key, key)
        if target != key:
            graph.nodes[xml_text(target)]["mentions"] += item.mentions
    for src, dst, data in edges:
        a, b = xml_text(merged.get(src, src)), xml_text(merged.get(dst, dst))
        if a != b:
            graph.add_edge(a, b, **{k: xml_text(v) if isinstance(v, str) else v for k, v in data.items()})
    return graph


def _merge_surnames(nodes: dict[str, _Node]) -> dict[str, str]:
    """A one-word person key ("trump") -> the one longer person key ending with it."""
    by_last: dict[str, list[str]] = defaultdict(list)
    for key, item in nodes.items():
        words = key.split()
        if len(words) > 1 and item.kind in ("PERSON", ""):
            by_last[words[-1]].append(key)
    out: dict[str, str] = {}
    for key, item in nodes.items():
        if " " in key or item.kind not in ("PERSON", ""):
            continue
        full = by_last.get(key, [])
        if len(full) == 1 and nodes[full[0]].kind == "PERSON":
            out[key] = full[0]
    return out


def write_graphml(articles: Iterable[Article], out: BinaryIO) -> int:
    import networkx as nx

    graph = build_graph(articles)
    nx.write_graphml(graph, out)
    return graph.number_of_edges()
