"""Named entities, clustered within the article, with the roles the text gives them.

NER mentions are grouped when they name the same thing: the same words, or a short form
of a longer name of the same kind ("Abdelkarim" -> "Maamoun Abdelkarim", "the Pentagon"
-> "Pentagon"). Pronoun mentions are added later by the speaker resolver; countries by
the place stage, which owns the country tables.
"""

from __future__ import annotations

import functools
import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.context import Context
from dateline.records import Entity
from dateline.tokens import span_of, tokens_of

NER_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "NORP": "NORP", "FAC": "FAC"}
# dependency labels that attach a title or description to the left of a name
_TITLE_DEPS = {"compound", "amod", "nmod", "nn", "poss"}
_LEADING = re.compile(r"^(the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@functools.lru_cache(maxsize=65536)  # asked of every mention, and again when sorting and matching
def normalise_name(text: str) -> str:
    """The comparable form of a name: no article, no possessive, single spaces."""
    text = _LEADING.sub("", " ".join(text.split()))
    return _POSSESSIVE.sub("", text).strip()


def _trim(span: SpacySpan) -> SpacySpan:
    start, end = span.start, span.end
    doc = span.doc
    t = tokens_of(doc)  # the token table: list reads, no Token per word
    while start < end and (t.lower[start] in ("the", "a", "an") or t.punct[start]):
        start += 1
    while end > start and (t.punct[end - 1] or t.tag[end - 1] == "POS" or t.space[end - 1]):
        end -= 1
    return span_of(doc, start, end) if end > start else span


def title_before(span: SpacySpan) -> str | None:
    """Title words that modify a name from the left ("Syrian Culture Minister Issam Khalil")."""
    root = span.root
    lefts = [t for t in root.lefts if t.i < span.start and t.dep_ in _TITLE_DEPS]
    if not lefts:
        return None
    first = min(t.left_edge.i for t in lefts)
    words = span.doc[first : span.start]
    while len(words) and (words[0].lower_ in ("the", "a", "an") or words[0].is_punct):
        words = words[1:]
    text = words.text.strip(" ,")
    return text or None


def apposition_of(span: SpacySpan) -> str | None:
    """An apposition describing a name ("Khaled Nasser, a member of the opposition coalition")."""
    root = span.root
    for child in root.rights:
        if child.dep_ == "appos" and child.i >= span.end:
            sub = span.doc[child.left_edge.i : child.right_edge.i + 1]
            return sub.text.strip(" ,")
    if root.dep_ == "appos" and root.head.i < span.start and root.head.pos_ in ("NOUN", "PROPN"):
        head = root.head
        if head.ent_type_ == "":
            sub = span.doc[head.left_edge.i : head.i + 1]
            return sub.text.strip(" ,")
    return None


def _same_referent(short: str, long: str, label: str) -> bool:
    if short == long:
        return True
    s_words, l_words = short.split(), long.split()
    if len(s_words) >= len(l_words):
        return False
    if label == "PERSON":
        # a surname (or a first name used alone) stands for the full name
        return s_words == l_words[-len(s_words) :] or (len(s_words) == 1 and s_words[0] == l_words[0])
    return s_words == l_words[-len(s_words) :] or s_words == l_words[: len(s_words)]


def _compatible(label: str, cluster_type: str, name: str, cluster_name: str) -> bool:
    """May a mention of this NER label join a cluster of that type?"""
    if label == cluster_type or (label in ("GPE", "LOC") and cluster_type in ("GPE", "LOC")):
        return True
    # the NER often calls a lone surname an ORG: it is the person named in full
    words = cluster_name.split()
    return label == "ORG" and cluster_type == "PERSON" and len(words) >= 2 and name == words[-1]


def _acronym(text: str) -> str:
    return "".join(w[0] for w in text.split() if w[:1].isupper())


def extract_entities(ctx: Context) -> None:
    mentions: list[tuple[SpacySpan, str]] = []
    names: list[str] = []  # each mention's normalised name (``Span.text`` joins its tokens anew)
    for ent in ctx.doc.ents:
        label = NER_TYPES.get(ent.label_)
        if label is None:
            continue
        span = _trim(ent)
        text = span.text
        if not text.strip():
            continue
        mentions.append((span, label))
        names.append(normalise_name(text))

    clusters: list[dict] = []
    # longest names first so short forms find the full name wherever it stands
    order = sorted(range(len(mentions)), key=lambda i: -len(names[i]))
    for i in order:
        label = mentions[i][1]
        name = names[i]
        # a short form of a cluster's name lies inside that name (names are single-spaced):
        # a cluster whose name does not hold this one can only be joined as its acronym
        maybe_acronym = label == "ORG" and len(name) >= 2 and name.isupper()
        target = None
        for ci, cl in enumerate(clusters):
            if name not in cl["name"] and not maybe_acronym:
                continue
            if not _compatible(label, cl["type"], name, cl["name"]):
                continue
            if _same_referent(name, cl["name"], cl["type"]) or (
                label == "ORG" and len(name) >= 2 and name.isupper() and name == _acronym(cl["name"])
            ):
                target = ci
                break
        if target is None:
            clusters.append({"name": name, "type": label, "members": []})
            target = len(clusters) - 1
        clusters[target]["members"].append(i)

    entities: list[Entity] = []
    for ci, cl in enumerate(sorted(clusters, key=lambda c: min(mentions[m][0].start for m in c["members"]))):
        members = sorted(cl["members"], key=lambda m: mentions[m][0].start)
        spans = [mentions[m][0] for m in members]
        first = spans[0]
        roles: list[str] = []
        if cl["type"] == "PERSON":
            for sp in spans:
                for role in (title_before(sp), apposition_of(sp)):
                    if role and role not in roles:
                        roles.append(role)
        entities.append(
            Entity(
                id=f"e{ci + 1}",
                name=cl["name"],
                type=cl["type"],
                span=(first.start_char, first.end_char),
                sentence=ctx.sentence_of(first.start_char),
                mentions=[(s.start_char, s.end_char) for s in spans],
                roles=roles,
            )
        )
    mark_groups(entities)
    ctx.entities = entities


# sectors of named actors that are armed or political groups rather than plain organisations
_GROUP_SECTORS = {"INS", "REB", "OPP", "PTY", "MIL"}


def mark_groups(entities: list[Entity]) -> None:
    """ORG entities that the actor dictionary knows as an armed or political group become
    GROUP ("ISIS", "Hezbollah"), with the group's country where it has one."""
    from dateline.resolve.actors import named_actor, without_alias

    for ent in entities:
        if ent.type != "ORG":
            continue
        actor = named_actor(ent.name)
        if actor is not None and actor.sector in _GROUP_SECTORS and not without_alias(ent.name):
            ent.type = "GROUP"
            ent.country = ent.country or actor.country


def token_entity(ctx: Context, token: Token) -> Entity | None:
    """The entity a token belongs to, through any of its mentions."""
    return ctx.entity_at(token.idx, token.idx + len(token.text))
