"""Trigger candidates of one sentence, and the words that belong to one event.

A light verb and its event noun are one event ("carried out 40 air-strikes"); a verb in
the complement of another trigger is that trigger's content ("threatened to ban"); a
participle modifying an event noun adds to it ("air-strikes hitting 158 targets");
undoing an event is an event of its own ("lifted the curfew").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.extract.events import attributes, roles
from dateline.extract.events.patterns import (
    TRIGGER_POS,
    Pattern,
    lexicon_words,
    match_token,
    may_trigger,
    token_classes,
)
from dateline.resolve.actors import load_event_data
from dateline.tokens import tokens_of

__all__ = ["LIGHT_VERBS", "PERSON_TRIGGERS", "SPEECH_ACTS", "Candidate", "find_candidates", "in_clause"]


LIGHT_VERBS = frozenset(
    {
        "carry",
        "launch",
        "conduct",
        "stage",
        "mount",
        "hold",
        "make",
        "unleash",
        "begin",
        "start",
        "continue",
        "resume",
        "impose",
        "issue",
        "lodge",
        "file",
        "open",
        "wage",
        "commit",
        "perpetrate",
        "undertake",
        "organize",
        "organise",
        "lead",
        "step",
        "intensify",
        "escalate",
        "execute",
        "initiate",
        "order",
        "call",
        "announce",
        "sign",
        "reach",
        "strike",
        "pay",
        "deliver",
        "send",
        "provide",
        "give",
        "offer",
        "sit",
    }
)


_BLOCK_ENTS = frozenset(
    {"ORG", "PERSON", "WORK_OF_ART", "LAW", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "DATE", "TIME"}
)


SPEECH_ACTS = frozenset({"AGREE", "THREATEN", "REQUEST", "REJECT", "ACCUSE"})


PERSON_TRIGGERS = frozenset({"protester", "protestor", "demonstrator", "rioter", "bomber", "mob", "striker"})


_ARG_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "agent")
# modes of the complement a THREATEN / REQUEST / REJECT carries ("threatened to ban")


@dataclass
class Candidate:
    tok: Token
    pat: Pattern
    light: Token | None = None
    complement: Candidate | None = None
    extra_tokens: list[Token] = field(default_factory=list)
    absorbed: bool = False
    undo: Token | None = None


def _light_verb(tok: Token) -> Token | None:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return None
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in LIGHT_VERBS and 0 < tok.i - head.i <= 7:
        return head
    return None


def _find(sent: SpacySpan) -> list[Candidate]:
    zone = roles.supporter_zone(sent)
    out: list[Candidate] = []
    doc, t = sent.doc, tokens_of(sent.doc)  # the token table: list reads, not Token wrappers
    for i in range(sent.start, sent.end):
        pos, dep = t.pos[i], t.dep[i]
        if pos not in TRIGGER_POS:  # what ``match_token`` accepts (``_demanded`` wants a VERB)
            continue  # what match_token and _demanded would refuse first
        if i in zone or t.ent_type[i] in _BLOCK_ENTS or t.punct[i]:
            continue
        if dep == "amod" and pos in ("VERB", "ADJ"):
            continue  # "wounded soldiers", "armed men": a description, not an event
        if dep == "pobj" and t.lower[t.head[i]] in ("by", "through") and t.lower[i].endswith("ing"):
            continue  # "by fighting against terrorism": a means, not an event told
        if not (pos == "VERB" and dep == "ccomp") and not may_trigger(t.lemma[i], t.lower[i]):
            continue  # neither a demand (_demanded) nor a word with patterns (match_token)
        tok = doc[i]
        pat = match_token(tok)
        if pat is not None and _names_kind(tok):
            continue  # "riot police", "aid groups", "protest leaders": a kind of thing, not an event
        if pat is not None and pat.spec.type == "THREATEN" and _forecast(tok):
            continue  # "analysts warned the group could strike": a forecast, not a threat
        if pat is not None and pat.spec.mode == "withdraw" and _getaway(tok):
            continue  # "the gunmen withdrew into the hills": the way out of an act, no ground handed over
        if pat is not None and _movement(tok, pat) and _displaced(tok):
            continue  # "civilians leaving the area", "families arrived in the city": displacement
        if pat is not None and pat.spec.type in _RESOURCE_TYPES and _bare_in_phrase(tok):
            continue  # "in solidarity with", "dependent on aid": a stance or a resource, no act
        if pat is not None and pat.spec.id == "clash" and _whole_war(tok):
            continue  # "fought a war in 2024", "fought alongside the army in the 1990s war"
        if pat is not None and _names_group(tok):
            continue  # "an alliance of rebel groups": the group itself, not an act of allying
        if pat is not None and pat.spec.type == "REQUEST" and _court_motion(tok):
            continue  # "his lawyer asked for more time": a motion in a trial, court procedure
        if pat is not None and _newsgathering(tok):
            continue  # "told a news conference", "a request for comment": how the news was got
        if _demanded(tok):
            # "X said Y must hand over ...": a demand on Y, whatever Y is asked to do
            demand = Candidate(tok, _demand_pattern())
            if pat is not None:
                demand.complement = Candidate(tok, pat)
            out.append(demand)
        elif pat is not None:
            out.append(Candidate(tok, pat, light=_light_verb(tok)))
    return out


def _names_kind(tok: Token) -> bool:
    """An event noun compounded onto a noun that is no event says what kind of thing that is.

    "riot police", "aid groups", "relief committee", "battle zones": the head noun is the
    referent; "bomb attack", "ceasefire agreement" keep theirs (the head is an event too),
    and so do "shooting incidents", "a bombing campaign" (``coreference.event_heads``)."""
    head = tok.head
    return (
        tok.dep_ == "compound"
        and tok.pos_ in ("NOUN", "PROPN")
        and head.i != tok.i
        and head.pos_ in ("NOUN", "PROPN")
        and match_token(head) is None
        and head.lemma_.lower() not in _event_heads()
        and not _is_weapon(tok)  # "chemical weapons use": weapons are gated where they are used or found
    )


def _forecast(tok: Token) -> bool:
    """A warning verb whose complement clause only says what may happen is a forecast.

    PLOVER's THREATEN is an actor's stated intent to act coercively ("warned that police
    will no longer tolerate rallies"); "analysts warned that the militants could attack
    again" states a possibility, with no act of the warner's own, so it is no event. The
    possibility is read from a modal of ``hypothetical_modals`` on the complement's verb.
    """
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in lexicon_words("forecast_verbs"):
        return False
    modals = lexicon_words("hypothetical_modals")
    return any(
        ch.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in modals for a in ch.children)
        for ch in tok.children
    )


def _getaway(tok: Token) -> bool:
    """A withdrawal verb told only with where the movers went ("withdrew into the mountains",
    "retreated towards the forest") is tactical movement, the end of the act before it.

    PLOVER's RETREAT withdraw and ACLED's non-violent transfer of territory code ground or a
    position given up ("withdrew from the town", "pulled out of the base"); a goal that only
    says in which direction the movers went (``getaway_preps`` in lexicons.json), with no
    place left and nothing withdrawn, hands over nothing.
    """
    if tok.pos_ != "VERB":
        return False
    kids = list(tok.children)
    if any(c.dep_ == "dobj" or (c.dep_ == "prt" and c.lower_ != "back") for c in kids):
        return False  # "withdrew its troops", "pulled out of": what or where was left is told
    goals = lexicon_words("getaway_preps")
    preps = {c.lower_ for c in kids if c.dep_ == "prep"}
    return bool(preps & goals) and not preps & {"from", "of"}


def _movement(tok: Token, pat: Pattern) -> bool:
    """A verb of moving away or arriving: a withdrawal or handover, or an arrival."""
    return tok.pos_ == "VERB" and (pat.spec.mode == "withdraw" or tok.lemma_.lower() == "arrive")


def _displaced(tok: Token) -> bool:
    """Civilians on the move are displaced, not a party withdrawing or visiting.

    The conventions (EVENTS.md, the story sets) code no displacement: "civilians leaving the
    area", "families had arrived in the city", "the bus was pulling out of the terminal",
    "rescuers pulled a child out of the rubble". The movers are the verb's subject (or the
    noun a participle describes), or what is pulled out; they are displaced when they are of
    the ``civilian`` object class (people, residents, families, vehicles) and not a place.
    """
    movers = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if tok.dep_ in ("acl", "relcl") and tok.head.i != tok.i:
        movers.append(tok.head)
    if any(c.dep_ == "prt" for c in tok.children):
        movers.extend(c for c in tok.children if c.dep_ == "dobj")  # "pulled a child out"
    return any("civilian" in (cls := token_classes(m)) and "place" not in cls for m in movers)


_RESOURCE_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE"})
_AMOUNTS = frozenset({"MONEY", "QUANTITY", "CARDINAL"})


def _bare_in_phrase(tok: Token) -> bool:
    """A cooperative noun with nothing that anchors an occurrence (no determiner, possessive,
    number or adjective, no date) inside a prepositional phrase names a stance or a resource
    ("marched in solidarity with", "dependent on aid", "a cut in aid funding"), not an act:
    "sent aid on Monday", "the aid that arrived", "his support for" keep theirs."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return False
    noun = tok.head if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" else tok
    if noun.dep_ != "pobj" or noun.head.head.ent_type_ in _AMOUNTS or noun.head.head.tag_ == "CD":
        return False  # "$5 million in aid", "tons of aid": an amount given
    return not any(
        c.dep_ in ("det", "poss", "nummod", "amod", "quantmod") or c.ent_type_ in ("DATE", "TIME")
        for n in (tok, noun)
        for c in n.children
    )


def _whole_war(tok: Token) -> bool:
    """Fighting (a ``clash`` verb) whose object or frame is a war as a whole ("the two
    countries fought a war in 1998", "a militia that fought alongside the army in the 1990s
    war") tells a campaign of months or years, which ACLED and PLOVER code as its single
    occurrences, not as one event. An act of its own framed by a war stays one ("Israel
    captured the land in the 1967 war": eventloc codes the capture). The war words are
    ``war_nouns`` in lexicons.json."""
    if tok.pos_ != "VERB":
        return False
    wars = lexicon_words("war_nouns")
    for c in tok.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in wars:
            return True
        if (
            c.dep_ == "prep"
            and c.lower_ in ("in", "during", "throughout")
            and any(o.dep_ == "pobj" and o.lemma_.lower() in wars for o in c.children)
        ):
            return True
    return False


def _names_group(tok: Token) -> bool:
    """An event noun that is also a kind of group ("alliance", "coalition": the ``group``
    object class) names that group when its members are given ("an alliance of rebel
    groups", "a coalition of parties") or it stands in apposition to a name ("the FLA, an
    alliance of ..."); "the alliance struck on Monday" or "signed an alliance" stay acts."""
    if tok.pos_ != "NOUN" or "group" not in token_classes(tok):
        return False
    if tok.dep_ == "appos":
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ == "of"
        and any(o.dep_ == "pobj" and o.tag_ in ("NNS", "NNPS") for o in c.children)
        for c in tok.children
    )


def _court_motion(tok: Token) -> bool:
    """A request made by a party to a trial ("his lawyer asked for more time", "prosecutors
    will ask that he be held") is a motion in court procedure, which the conventions do not
    code as an event; the parties are ``court_parties`` in lexicons.json."""
    parties = lexicon_words("court_parties")
    subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None and tok.dep_ in ("xcomp", "conj"):
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in parties


def _newsgathering(tok: Token) -> bool:
    """An event word that tells how the report was gathered reports nothing that happened.

    The one told is an audience ("told a news conference", "told a briefing"), a meeting
    named for the press that frames a statement is where it was told ("said at a news
    conference"; "held a news conference" is an act), and a word
    whose complement is the press or a comment ("did not respond to a request for comment",
    "not authorised to talk to the media") is the reporter's own exchange with a source:
    the article's sourcing, which the quotes layer records, not an event in the story. The
    press words are ``news_audience`` in lexicons.json.
    """
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() == "tell":
        return True
    audience = lexicon_words("news_audience")
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ in ("at", "during")
        and any(c.dep_ == "compound" and c.lemma_.lower() in audience for c in tok.children)
    ):
        return True  # "said at a news conference": where the press was told ("held a news conference" stays)
    return any(
        ch.dep_ == "prep"
        and ch.lower_ in ("for", "to", "with")
        and any(
            o.dep_ == "pobj" and (o.lemma_.lower() in audience or o.lower_ in audience) for o in ch.children
        )
        for ch in tok.children
    )


@functools.cache
def _event_heads() -> frozenset[str]:
    return frozenset(load_event_data("lexicons.json")["coreference"]["event_heads"])


def _demanded(tok: Token) -> bool:
    if tok.pos_ != "VERB" or tok.dep_ != "ccomp" or not attributes.is_speech_frame(tok.head):
        return False
    return any(ch.dep_ == "aux" and ch.lower_ in ("must", "should") for ch in tok.children)


@functools.cache
def _demand_pattern() -> Pattern:
    from dateline.extract.events.patterns import TriggerSpec

    spec = TriggerSpec(id="demand_must", type="REQUEST", mode="change", acled=None, rank=2)
    return Pattern(head="must", extra=(), pos="VERB", head_first=True, spec=spec, order=-1)


def _merge(cands: list[Candidate]) -> list[Candidate]:
    """Fold the words of one event into one candidate (see the module docstring)."""
    by_token = {c.tok.i: c for c in cands}
    undo_verbs = lexicon_words("undo_verbs")
    for c in cands:
        tok, head = c.tok, c.tok.head
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and _undo_phrase(head) in undo_verbs:
            # "lifted the curfew", "called off the strike": undoing an event is an event of its own
            c.undo = c.light = head
            if head.i in by_token:
                by_token[head.i].absorbed = True
            gov = by_token.get(head.head.i) if head.dep_ == "xcomp" else None
            if gov is not None and gov.pat.spec.type in SPEECH_ACTS:
                gov.complement = c  # "refusing to lift the curfew"
                c.absorbed = True
            continue
        owner = by_token.get(head.i) if head.i != tok.i else None
        if owner is None and tok.dep_ in ("pobj", "pcomp") and head.dep_ == "prep":
            owner = by_token.get(head.head.i)  # "accused them of violating", "agreed to a ceasefire"
        if owner is None and c.light is not None and c.light.dep_ == "xcomp":
            gov = by_token.get(c.light.head.i)  # "threatened to hold a general strike"
            if gov is not None and gov.pat.spec.type in SPEECH_ACTS:
                gov.complement = c
                c.absorbed = True
                continue
        if owner is None or owner is c:
            # "staged a protest" where "stage protest" matched the verb: the noun is the same event
            continue
        if (tok.dep_ == "xcomp" and tok.pos_ == "VERB") or (
            tok.dep_ == "ccomp" and owner.pat.spec.type in SPEECH_ACTS
        ):
            owner.complement = c  # "threatened to ban", "agreed that they should cooperate"
            c.absorbed = True
        elif (
            tok.dep_ in ("dobj", "nsubjpass")
            and tok.pos_ in ("NOUN", "PROPN")
            and owner.pat.spec.type == c.pat.spec.type
        ) or (
            tok.dep_ == "acl"
            and owner.tok.pos_ in ("NOUN", "PROPN")
            and owner.pat.spec.type == c.pat.spec.type
        ):
            owner.extra_tokens.append(tok)
            c.absorbed = True
        elif (
            owner.pat.spec.type in SPEECH_ACTS
            and ((tok.dep_ in ("pobj", "dobj") and tok.pos_ == "NOUN") or tok.dep_ == "pcomp")
            and owner.pat.spec.type != c.pat.spec.type
        ):
            owner.complement = c  # "agreed to a ceasefire", "demanded the release of"
            c.absorbed = True
        elif tok.lemma_.lower() in PERSON_TRIGGERS and tok.dep_ in _ARG_DEPS:
            c.absorbed = True
        elif (
            tok.dep_ in ("dobj", "nsubjpass", "conj") and _is_weapon(tok) and owner.pat.spec.type != "ASSAULT"
        ):
            c.absorbed = True  # "seized two landmines": the weapon is what was seized, not a blast
    # "IEDs, mortars and guns were found": a list of weapons is what was found, each item included
    for c in cands:
        if c.absorbed or not _is_weapon(c.tok):
            continue
        first = c.tok
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        gov = by_token.get(first.head.i) if first.dep_ in ("dobj", "nsubjpass") else None
        if gov is not None and gov is not c and gov.pat.spec.type != "ASSAULT":
            c.absorbed = True
    # what a protest demands or denounces is its content, not a second event
    for c in cands:
        if c.absorbed or c.pat.spec.type not in SPEECH_ACTS:
            continue
        cur = c.tok
        for _ in range(3):
            if cur.dep_ not in ("advcl", "xcomp", "pobj", "prep", "acl", "pcomp") or cur.head.i == cur.i:
                break
            cur = cur.head
            gov = by_token.get(cur.i)
            if gov is None:
                # "demonstrators gathered to demand ...": the protesters' own verb carries the demand
                gov = _crowd_subject(cur, by_token)
            if gov is not None and gov is not c and gov.pat.spec.type == "PROTEST" and not gov.absorbed:
                gov.complement = c
                c.absorbed = True
                break
    # a person noun ("protesters") as the argument of another trigger is that trigger's participant
    for c in cands:
        if c.tok.lemma_.lower() in PERSON_TRIGGERS and not c.absorbed:
            gov = c.tok.head.head if c.tok.dep_ == "pobj" else c.tok.head
            if gov.i in by_token and by_token[gov.i] is not c and c.tok.dep_ in _ARG_DEPS:
                c.absorbed = True
    return [c for c in cands if not c.absorbed]


def _crowd_subject(verb: Token, by_token: dict[int, Candidate]) -> Candidate | None:
    """The protest candidate that is the verb's subject: "demonstrators", "hundreds of protesters"."""
    for subj in verb.children:
        if subj.dep_ != "nsubj":
            continue
        nouns = [
            subj,
            *(g for p in subj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children),
        ]
        for noun in nouns:
            cand = by_token.get(noun.i)
            if cand is not None and noun.lemma_.lower() in PERSON_TRIGGERS:
                return cand
    return None


def _undo_phrase(verb: Token) -> str:
    """ "call off" for "called off", else the lemma."""
    prt = next((c for c in verb.children if c.dep_ == "prt"), None)
    lem = verb.lemma_.lower()
    return (
        f"{lem} {prt.lower_}"
        if prt is not None and f"{lem} {prt.lower_}" in lexicon_words("undo_verbs")
        else lem
    )


def _is_weapon(tok: Token) -> bool:
    return "weapon" in token_classes(tok)


def in_clause(tok: Token, top: Token) -> bool:
    """True when ``tok`` sits in a relative or participial clause below ``top``."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ in ("relcl", "acl", "advcl"):
            return True
        cur = cur.head
    return False


def find_candidates(sent: SpacySpan) -> list[Candidate]:
    """The events of a sentence as candidates, the words of one event folded together."""
    return _merge(_find(sent))
