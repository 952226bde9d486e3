"""The place a definite kind word points back to: "the town", "the city", "the village".

News introduces its scene once with its kind ("the town of X", "the border city of Y",
"Z village") and then calls it by that kind alone: "arrested four suspects on the outskirts
of the town", "shot down two missiles over the city". An event whose own clause names no
place but holds such a definite kind word happened in the place the article introduced
with that word, not in whatever place the sentences just before it happen to name (a
neighbouring town, the province, the dateline's capital). The mention returned is the
introducing one, where the article says what kind of place it is.

The other way round, a lead often tells its act in "a village" of a province and names the
village only in the next sentences ("Gunmen attacked a village in X state ... residents of Y
village said"): the event's own place is the settlement named there, not the province.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

from dateline.records import Place
from dateline.tokens import tokens_of

__all__ = ["area_anaphor", "introduced_place", "kind_anaphor", "named_next", "unnamed_settlement"]

# the kinds of settlement a definite noun phrase can point back to; a bare "the area" or
# "the region" may be the province as well as the town, so it points at no introduction
# (a follow-up's "the area" is the main event's scene: ``area_anaphor``)
_KINDS = frozenset({"town", "city", "village"})
_KIND_BEFORE = re.compile(r"\b(town|city|village)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_KIND_AFTER = re.compile(r"^[\s'’]*(?:s\s+)?(town|city|village)\b", re.IGNORECASE)


def kind_anaphor(trigger: Token, clause: Token) -> str | None:
    """The kind word of a definite "the town / the city / the village" in the event's clause
    (the trigger's subtree, its clause root's, or that of the verb it is coordinated with),
    or None. "The town of X" introduces X and is no anaphor; "the town's main square" and
    "the city centre" still point back."""
    return _definite(trigger, clause, _KINDS)


def area_anaphor(trigger: Token, clause: Token) -> bool:
    """Whether the event's clause says only "the area" ("troops were sent to the area"): in
    a follow-up (a deployment, a search, arrests) that is the scene of the article's main
    event, not the last place a quote happened to name."""
    return _definite(trigger, clause, _AREA) is not None


_AREA = frozenset({"area"})


def _holds_word(head: Token, words: frozenset[str]) -> bool:
    """Whether a word of ``words`` lies between the edges of ``head``'s subtree: a cheap
    test on the token table (no ``Token`` wrappers) that rules a subtree out; the words of
    the subtree all lie between its edges, so a subtree it rules out holds none of them."""
    lower = tokens_of(head.doc).lower
    return not words.isdisjoint(lower[head.left_edge.i : head.right_edge.i + 1])


def _definite(trigger: Token, clause: Token, kinds: frozenset[str]) -> str | None:
    heads = [trigger, clause]
    if clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX"):
        # "reached the village and exchanged fire": coordinated acts of one subject share
        # the scene the first of them names
        heads.append(clause.head)
    for head in heads:
        if not _holds_word(head, kinds):
            continue
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


def unnamed_settlement(trigger: Token, clause: Token) -> str | None:
    """The kind word of an indefinite "a village / a town / a city" that the event's clause
    names without a name of its own ("attacked a farming village in X state"), or None.
    "a town of 5,000" and "the village of X" are not such words."""
    for head in (trigger, clause):
        if not _holds_word(head, _KINDS):
            continue
        for tok in head.subtree:
            if tok.lower_ not in _KINDS or tok.dep_ == "compound":
                continue
            if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
                continue
            if any(
                (c.dep_ == "prep" and c.lower_ == "of") or (c.dep_ in ("appos", "compound") and c.ent_type_)
                for c in tok.children
            ):
                continue
            return tok.lower_
    return None


def named_next(
    kind: str, places: list[Place], text: str, after: int, until: int, grain_of: Callable[[Place], int]
) -> Place | None:
    """The settlement the sentences from char ``after`` to ``until`` name for an unnamed
    ``kind`` of the event's clause: the first place there the article calls a ``kind``
    ("Y village", "the village of Y"), else the first one as fine as a town or finer that
    no kind word calls otherwise. ``places`` is in text order."""
    told = [p for p in places if after <= p.span[0] < until]
    same = next((p for p in told if _kind_of(p, text) == kind), None)
    if same is not None:
        return same
    return next(
        (
            p
            for p in told
            if _kind_of(p, text) is None
            and grain_of(p) <= 3
            and p.feature not in ("street", "district", "admin")
        ),
        None,
    )
