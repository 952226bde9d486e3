"""The place a definite kind word points back to: "the town", "the city", "the village".

News introduces its scene once with its kind ("the town of X", "the border city of Y",
"Z village") and then calls it by that kind alone: "arrested four suspects on the outskirts
of the town", "shot down two missiles over the city". An event whose own clause names no
place but holds such a definite kind word happened in the place the article introduced
with that word, not in whatever place the sentences just before it happen to name (a
neighbouring town, the province, the dateline's capital). The mention returned is the
introducing one, where the article says what kind of place it is.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from dateline.records import Place

__all__ = ["introduced_place", "kind_anaphor"]

# the kinds of settlement a definite noun phrase can point back to; a bare "the area" or
# "the region" may be the province as well as the town, so it points at no introduction
_KINDS = frozenset({"town", "city", "village"})
_KIND_BEFORE = re.compile(r"\b(town|city|village)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_KIND_AFTER = re.compile(r"^[\s'’]*(?:s\s+)?(town|city|village)\b", re.IGNORECASE)


def kind_anaphor(trigger: Token, clause: Token) -> str | None:
    """The kind word of a definite "the town / the city / the village" in the event's clause
    (the trigger's subtree, its clause root's, or that of the verb it is coordinated with),
    or None. "The town of X" introduces X and is no anaphor; "the town's main square" and
    "the city centre" still point back."""
    return _definite(trigger, clause, _KINDS)


def _definite(trigger: Token, clause: Token, kinds: frozenset[str]) -> str | None:
    heads = [trigger, clause]
    if clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        # "reached the village and exchanged fire": coordinated acts of one subject share
        # the scene the first of them names
        heads.append(clause.head)
    for head in heads:
        for tok in head.subtree:
            word = tok.lower_
            if word not in kinds:
                continue
            # "the city centre": the kind word modifies the noun that takes the article
            owner = tok.head if tok.dep_ == "compound" else tok
            if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in owner.children):
                continue
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                continue  # "the town of X": an introduction, X is the clause's own place
            if any(c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "LOC") for c in tok.children):
                continue  # "the Odesa city council"
            return word
    return None


def _kind_of(place: Place, text: str) -> str | None:
    """The settlement kind the article gives a place at this mention, if any."""
    own = place.text.lower().split()
    if len(own) > 1 and own[-1] in _KINDS:
        return own[-1]
    if m := _KIND_BEFORE.search(text[max(0, place.span[0] - 40) : place.span[0]]):
        return m.group(1).lower()
    if m := _KIND_AFTER.match(text[place.span[1] : place.span[1] + 20]):
        return m.group(1).lower()
    return None


def introduced_place(kind: str, places: list[Place], text: str, before: int, body: int) -> Place | None:
    """The mention that introduced the latest place the article called a ``kind`` before
    char ``before``: that place's first mention with the kind word, the body's (from char
    ``body``) when the body gives one. ``places`` is in text order."""
    latest = None
    for place in places:
        if place.span[0] >= before:
            break
        if _kind_of(place, text) == kind:
            latest = place
    if latest is None:
        return None
    key = latest.geonames_id or latest.text.lower()
    same = [
        p
        for p in places
        if p.span[0] < before and (p.geonames_id or p.text.lower()) == key and _kind_of(p, text) == kind
    ]
    in_body = [p for p in same if p.span[0] >= body]
    return (in_body or same)[0]
