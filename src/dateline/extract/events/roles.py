"""Who did it, to whom, with whose help: roles read off the dependency parse.

Verbs: the subject is the actor, the object (or passive subject) the target, "by X" the
actor of a passive. A verb without a subject takes its controller's ("the army would be
able to launch", "ISIS drove ... and destroyed"). Nouns: "X's attack", "Russian air
raids", "attack by X", "attack on Y", "clashes between X and Y", or the subject of the
light verb they are the object of ("jets carried out 40 air-strikes"). Supporters: "backed
by X", "with the support of X", "X-backed".
"""

from __future__ import annotations

import functools

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.resolve.actors import load_event_data
from dateline.tokens import span_of, tokens_of

__all__ = ["actor_token", "phrase", "supporter_tokens", "supporter_zone", "target_token"]

_CLIMB = ("xcomp", "conj", "advcl", "acomp", "pcomp", "ccomp")
_NOUNISH = ("NOUN", "PROPN", "PRON", "NUM", "ADJ")
_TARGET_PREPS = ("on", "against", "at", "targeting", "upon", "with")
_FIRE = frozenset({"fire", "gunfire", "shot", "round", "volley", "salvo"})
_DROP_LEFT = ("det", "punct", "cc", "predet", "case", "prep")


@functools.cache
def _supporter_verbs() -> frozenset[str]:
    return frozenset(load_event_data("lexicons.json")["supporter_verbs"])


def _lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def phrase(tok: Token) -> SpacySpan:
    """The words of a participant: its left modifiers, itself, and an "of"/"in" complement.

    Participial modifiers ("backed by ...") and relative clauses are left out: they say
    something about the actor, they are not its name.
    """
    doc = tok.doc
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in _DROP_LEFT and child.i == tok.left_edge.i and child.dep_ != "case":
            continue
        start = min(start, child.left_edge.i)
    end = tok.i + 1
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "in", "from") and child.i == end:
            stop = child.right_edge.i + 1
            for k in range(child.i + 1, stop):
                if doc[k].text in (",", ";", "(", ")", "—") or doc[k].dep_ in ("relcl", "acl"):
                    stop = k
                    break
            end = stop
        elif child.dep_ in ("compound", "flat", "appos") and child.i == end and child.dep_ != "appos":
            end = child.right_edge.i + 1
    # a misparsed modifier left of the head: "Syrian, opposition" (two subjects), "IS fighters"
    sent_start = tokens_of(doc).sent_start(tok.i)  # ``tok.sent`` walks the sentence on every call
    while start > sent_start:
        prev = doc[start - 1]
        if (
            (
                prev.dep_ == tok.dep_
                and prev.head.i == tok.head.i
                and prev.pos_ in ("ADJ", "PROPN")
                and tok.dep_.startswith("nsubj")
            )
            or (
                prev.is_punct
                and start - 2 >= sent_start
                and doc[start - 2].dep_ == tok.dep_
                and doc[start - 2].head.i == tok.head.i
            )
            or (
                prev.text.isupper()
                and len(prev.text) >= 2
                and prev.dep_ in ("dep", "compound", "nmod", "amod")
            )
        ):
            start -= 1
        else:
            break
    while start < end - 1 and (
        doc[start].is_punct
        or doc[start].dep_ in ("det", "cc")
        or doc[start].tag_ == "POS"
        or doc[start].ent_type_ in ("DATE", "TIME")
    ):
        start += 1
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return span_of(doc, start, end)


def _left_noun(verb: Token) -> Token | None:
    """The noun right before a finite verb that the parser left without a subject."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    i = verb.i - 1
    t = tokens_of(verb.doc)
    sent_start = t.sent_start(verb.i)
    while i >= sent_start and t.pos[i] in ("ADV", "AUX", "PART"):
        i -= 1
    if i < sent_start:
        return None
    prev = verb.doc[i]
    if prev.pos_ in ("NOUN", "PROPN") and prev.ent_type_ not in ("DATE", "TIME", "CARDINAL"):
        return prev
    return None


def _subject(tok: Token) -> tuple[Token | None, bool]:
    """(subject token, passive?) of a verb, climbing to a controller when it has none."""
    doc, t = tok.doc, tokens_of(tok.doc)  # the token table: indices, a Token for the answer
    dep, pos, head, kids = t.dep, t.pos, t.head, t.children
    cur = tok.i
    for _ in range(4):
        passive = False
        subjects = [c for c in kids[cur] if dep[c] in ("nsubj", "csubj")]
        if subjects:
            nouns = [c for c in subjects if pos[c] in ("NOUN", "PROPN", "PRON")]
            return doc[nouns[-1] if nouns else subjects[0]], False
        for c in kids[cur]:
            if dep[c] in ("nsubj", "csubj"):
                return doc[c], False
            if dep[c] == "nsubjpass":
                passive = True
                subj = c
        for c in kids[cur]:
            if dep[c] == "agent":
                pobj = next((g for g in kids[c] if dep[g] == "pobj"), None)
                if pobj is not None:
                    return doc[pobj], False
        if passive:
            return doc[subj], True
        up = head[cur]
        if dep[cur] == "acl" and pos[up] in _NOUNISH and t.tag[cur] == "VBG":
            return doc[up], False  # "jets hitting targets"
        if dep[cur] == "pcomp" and dep[up] == "prep" and head[up] != up:
            cur = head[up]  # "after seizing the town": the subject of what it is after
            continue
        if dep[cur] in _CLIMB and up != cur:
            if dep[cur] == "ccomp":
                return None, False  # a reported clause does not share the reporter's subject
            cur = up
            continue
        break
    return _left_noun(tok), False


def actor_token(tok: Token, light: Token | None = None) -> Token | None:
    """The token heading the actor of a trigger (verb or noun)."""
    if tok.pos_ in ("NOUN", "PROPN"):
        for child in tok.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ in ("by", "from") and child.i > tok.i:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and child.lower_ == "by":
                    return pobj
            if child.dep_ == "prep" and child.lower_ == "between":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
        for child in tok.lefts:
            if child.dep_ in ("amod", "compound", "nmod") and child.ent_type_ in ("NORP", "ORG", "GPE"):
                return child
        if light is not None:
            subj, passive = _subject(light)
            return None if passive else subj
        if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
            return None
        return None
    if _passive_modifier(tok):
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        return next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    subj, passive = _subject(tok)
    if passive:
        for child in tok.children:
            if child.dep_ == "agent":
                return next((g for g in child.children if g.dep_ == "pobj"), None)
        return None
    return subj


def _passive_modifier(tok: Token) -> bool:
    """ "protesters killed last month": a participle modifying its patient, not its doer."""
    return tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and tok.head.pos_ in ("NOUN", "PROPN", "PRON")


def target_token(tok: Token, light: Token | None = None) -> Token | None:
    """The token heading the recipient: object, passive subject, or "on/against X"."""
    if tok.pos_ in ("NOUN", "PROPN"):
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
            if child.dep_ == "prep" and child.lower_ == "between":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None and pobj.conjuncts:
                    return pobj.conjuncts[0]
        for child in tok.children:
            if child.dep_ == "acl" and _lemma(child) in ("target", "hit", "kill"):
                obj = next((g for g in child.children if g.dep_ == "dobj"), None)
                if obj is not None:
                    return obj
        if light is not None:
            for child in light.children:
                if child.dep_ == "prep" and child.lower_ in _TARGET_PREPS:
                    return next((g for g in child.children if g.dep_ == "pobj"), None)
        return None
    if _passive_modifier(tok):
        return tok.head
    subj, passive = _subject(tok)
    if passive and subj is not None:
        return subj
    doc, t = tok.doc, tokens_of(tok.doc)
    dep, kids = t.dep, t.children
    for c in kids[tok.i]:
        # "opened fire", "exchanged shots": the fire is the act, its recipient is "on/at X"
        if dep[c] in ("dobj", "dative") and t.lemma[c] not in _FIRE:
            return doc[c]
    for c in kids[tok.i]:
        if dep[c] == "prep" and t.lower[c] in _TARGET_PREPS:
            pobj = next((g for g in kids[c] if dep[g] == "pobj"), None)
            return doc[pobj] if pobj is not None else None
    return None


def supporter_zone(sent: SpacySpan) -> set[int]:
    """Token indices inside "backed by X" modifiers: supporters, never triggers of their own."""
    zone: set[int] = set()
    verbs = _supporter_verbs()
    doc, t = sent.doc, tokens_of(sent.doc)  # the token table: list reads, not Token wrappers
    for i in range(sent.start, sent.end):
        dep = t.dep[i]
        if dep in ("acl", "amod", "advcl") and t.lemma[i] in verbs and t.tag[i] == "VBN":
            tok = doc[i]
            zone.update(range(tok.left_edge.i, tok.right_edge.i + 1))
        elif t.lower[i] == "support" and dep == "pobj" and t.lower[t.head[i]] == "with":
            zone.update(range(t.head[i], doc[i].right_edge.i + 1))
    return zone


def supporter_tokens(actor: Token | None, trigger: Token) -> list[Token]:
    """Heads of the supporters of an actor: "X, backed by Y and Z" or "with the support of Y"."""
    out: list[Token] = []
    verbs = _supporter_verbs()
    holders = [t for t in (actor, trigger) if t is not None]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("acl", "advcl", "amod") and _lemma(child) in verbs and child.tag_ == "VBN":
                for agent in child.children:
                    if agent.dep_ == "agent":
                        for pobj in agent.children:
                            if pobj.dep_ == "pobj":
                                out.append(pobj)
                                out.extend(pobj.conjuncts)
            if child.dep_ == "prep" and child.lower_ == "with":
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lower_ in (
                        "support",
                        "backing",
                        "help",
                        "assistance",
                        "cover",
                    ):
                        for of in pobj.children:
                            if of.dep_ == "prep" and of.lower_ in ("of", "from"):
                                out.extend(g for g in of.children if g.dep_ == "pobj")
    if actor is not None:
        # "Turkey-backed rebels", "Saudi-led coalition"
        doc = actor.doc
        for i in range(actor.left_edge.i, actor.i):
            if (
                doc[i].lower_ in ("backed", "led", "supported", "sponsored")
                and i >= 2
                and doc[i - 1].text == "-"
            ):
                out.append(doc[i - 2])
    return out
