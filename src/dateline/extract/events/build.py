"""One sentence's events: match triggers, merge the words of one event, read its roles.

A light verb and its event noun are one event ("carried out 40 air-strikes"); a verb in
the complement of another trigger is that trigger's content ("threatened to ban"); a
participle modifying an event noun adds to it ("air-strikes hitting 158 targets").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.context import Context
from dateline.extract.events import acled, attributes, roles
from dateline.extract.events.patterns import Pattern, match_token, object_class
from dateline.records import Actor, Event, Number, Place, Timex
from dateline.resolve.actors import load_event_data, normalise_actor

__all__ = ["CodedEvent", "code_sentence"]

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
_SPEECH_ACTS = frozenset({"AGREE", "THREATEN", "REQUEST", "REJECT", "ACCUSE"})
_CONFLICT = frozenset({"ASSAULT", "COERCE", "PROTEST", "SANCTION", "MOBILIZE"})
_COOPERATIVE = frozenset({"CONSULT", "AID", "RETREAT", "COOPERATE", "CONCEDE", "SUPPORT"})
_PROMISE_GOVERNORS = frozenset(
    {"willing", "ready", "prepared", "plan", "intend", "decide", "vow", "pledge", "promise", "set"}
)
_CASUALTY = frozenset({"kill", "die", "wound", "injure", "hurt"})
_PERSON_TRIGGERS = frozenset({"protester", "protestor", "demonstrator", "rioter", "bomber", "mob", "striker"})
_ARG_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "agent")
# modes of the complement a THREATEN / REQUEST / REJECT carries ("threatened to ban")
_THREATEN_MODE = {"ASSAULT": "violence", "SANCTION": "relations", "RETREAT": "territory"}
_THREATEN_COERCE = {
    "arrest": "arrest",
    "ban": "ban",
    "restrict": "restrict",
    "deport": "expel",
    "seize": "territory",
}
_ASK_MODE = {"AID": "assist", "CONSULT": "meet", "RETREAT": "yield", "CONCEDE": "yield"}


@functools.cache
def _valid_modes() -> dict[str, frozenset[str]]:
    return {
        "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
        "RETREAT": frozenset({"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"}),
        "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
        "REJECT": frozenset({"assist", "change", "yield", "meet"}),
        "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
        "THREATEN": frozenset(
            {"restrict", "arrest", "relations", "expel", "territory", "violence", "ban", "rights"}
        ),
        "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
        "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"}),
        "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
        "COERCE": frozenset(
            {
                "seize",
                "restrict",
                "censor",
                "curfew",
                "martial-law",
                "arrest",
                "deport",
                "withhold",
                "misinformation",
                "cyber",
                "ban",
            }
        ),
        "ASSAULT": frozenset(
            {
                "abduct",
                "beat",
                "torture",
                "sexual",
                "targeted",
                "destroy",
                "primitive",
                "firearms",
                "explosives",
                "suicide-attack",
                "aerial",
                "drone",
                "heavy-weapons",
                "crowd-control",
                "unconventional",
                "execute",
                "assassinate",
                "massacre",
            }
        ),
    }


@functools.cache
def _media_words() -> frozenset[str]:
    return frozenset(load_event_data("lexicons.json")["media_words"])


@dataclass
class CodedEvent:
    """An event and what the article-level passes need to know about it."""

    event: Event
    rank: int
    previous_subject: Actor | None = None
    frame_chars: set[int] = field(default_factory=set)
    past: bool = False
    back_reference: bool = False
    frame_place: str | None = None


@dataclass
class _Candidate:
    tok: Token
    pat: Pattern
    light: Token | None = None
    complement: _Candidate | None = None
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


def _candidates(sent: SpacySpan) -> list[_Candidate]:
    zone = roles.supporter_zone(sent)
    out: list[_Candidate] = []
    for tok in sent:
        if tok.i in zone or tok.ent_type_ in _BLOCK_ENTS or tok.is_punct:
            continue
        if tok.dep_ == "amod" and tok.pos_ in ("VERB", "ADJ"):
            continue  # "wounded soldiers", "armed men": a description, not an event
        if tok.dep_ == "pobj" and tok.head.lower_ in ("by", "through") and tok.lower_.endswith("ing"):
            continue  # "by fighting against terrorism": a means, not an event told
        pat = match_token(tok)
        if _demanded(tok):
            # "X said Y must hand over ...": a demand on Y, whatever Y is asked to do
            demand = _Candidate(tok, _demand_pattern())
            if pat is not None:
                demand.complement = _Candidate(tok, pat)
            out.append(demand)
        elif pat is not None:
            out.append(_Candidate(tok, pat, light=_light_verb(tok)))
    return out


def _demanded(tok: Token) -> bool:
    if tok.pos_ != "VERB" or tok.dep_ != "ccomp" or not attributes.is_speech_frame(tok.head):
        return False
    return any(ch.dep_ == "aux" and ch.lower_ in ("must", "should") for ch in tok.children)


@functools.cache
def _demand_pattern() -> Pattern:
    from dateline.extract.events.patterns import TriggerSpec

    spec = TriggerSpec(id="demand_must", type="REQUEST", mode="change", acled=None, rank=2)
    return Pattern(head="must", extra=(), pos="VERB", head_first=True, spec=spec, order=-1)


def _merge(cands: list[_Candidate]) -> list[_Candidate]:
    """Fold the words of one event into one candidate (see the module docstring)."""
    by_token = {c.tok.i: c for c in cands}
    undo_verbs = _undo_verbs()
    for c in cands:
        tok, head = c.tok, c.tok.head
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and _undo_phrase(head) in undo_verbs:
            # "lifted the curfew", "called off the strike": undoing an event is an event of its own
            c.undo = c.light = head
            if head.i in by_token:
                by_token[head.i].absorbed = True
            gov = by_token.get(head.head.i) if head.dep_ == "xcomp" else None
            if gov is not None and gov.pat.spec.type in _SPEECH_ACTS:
                gov.complement = c  # "refusing to lift the curfew"
                c.absorbed = True
            continue
        owner = by_token.get(head.i) if head.i != tok.i else None
        if owner is None and tok.dep_ in ("pobj", "pcomp") and head.dep_ == "prep":
            owner = by_token.get(head.head.i)  # "accused them of violating", "agreed to a ceasefire"
        if owner is None and c.light is not None and c.light.dep_ == "xcomp":
            gov = by_token.get(c.light.head.i)  # "threatened to hold a general strike"
            if gov is not None and gov.pat.spec.type in _SPEECH_ACTS:
                gov.complement = c
                c.absorbed = True
                continue
        if owner is None or owner is c:
            # "staged a protest" where "stage protest" matched the verb: the noun is the same event
            continue
        if (tok.dep_ == "xcomp" and tok.pos_ == "VERB") or (
            tok.dep_ == "ccomp" and owner.pat.spec.type in _SPEECH_ACTS
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
            owner.pat.spec.type in _SPEECH_ACTS
            and ((tok.dep_ in ("pobj", "dobj") and tok.pos_ == "NOUN") or tok.dep_ == "pcomp")
            and owner.pat.spec.type != c.pat.spec.type
        ):
            owner.complement = c  # "agreed to a ceasefire", "demanded the release of"
            c.absorbed = True
        elif tok.lemma_.lower() in _PERSON_TRIGGERS and tok.dep_ in _ARG_DEPS:
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
        if c.absorbed or c.pat.spec.type not in _SPEECH_ACTS:
            continue
        cur = c.tok
        for _ in range(3):
            if cur.dep_ not in ("advcl", "xcomp", "pobj", "prep", "acl", "pcomp") or cur.head.i == cur.i:
                break
            cur = cur.head
            gov = by_token.get(cur.i)
            if gov is not None and gov is not c and gov.pat.spec.type == "PROTEST" and not gov.absorbed:
                gov.complement = c
                c.absorbed = True
                break
    # a person noun ("protesters") as the argument of another trigger is that trigger's participant
    for c in cands:
        if c.tok.lemma_.lower() in _PERSON_TRIGGERS and not c.absorbed:
            gov = c.tok.head.head if c.tok.dep_ == "pobj" else c.tok.head
            if gov.i in by_token and by_token[gov.i] is not c and c.tok.dep_ in _ARG_DEPS:
                c.absorbed = True
    return [c for c in cands if not c.absorbed]


@functools.cache
def _undo_verbs() -> frozenset[str]:
    return frozenset(load_event_data("lexicons.json")["undo_verbs"])


def _undo_phrase(verb: Token) -> str:
    """ "call off" for "called off", else the lemma."""
    prt = next((c for c in verb.children if c.dep_ == "prt"), None)
    lem = verb.lemma_.lower()
    return f"{lem} {prt.lower_}" if prt is not None and f"{lem} {prt.lower_}" in _undo_verbs() else lem


_UNDOABLE_CONFLICT = frozenset({"COERCE", "SANCTION", "PROTEST", "ASSAULT", "THREATEN", "MOBILIZE"})


def _is_weapon(tok: Token) -> bool:
    from dateline.extract.events.patterns import _token_classes

    return "weapon" in _token_classes(tok)


def _span(c: _Candidate) -> tuple[int, int]:
    toks = [c.tok, *(t for t in c.extra_tokens if t.dep_ in ("dobj", "nsubjpass"))]
    if c.light is not None:
        toks.append(c.light)
    for child in c.tok.children:
        if child.dep_ == "prt" and child.i == c.tok.i + 1:
            toks.append(child)
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    if end <= start:
        end = c.tok.idx + len(c.tok.text)
    return start, end


def _actor(ctx: Context, tok: Token | None) -> Actor | None:
    if (
        tok is None
        or tok.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "NUM")
        or tok.ent_type_ in ("DATE", "TIME")
    ):
        return None
    if tok.lower_ in ("who", "which", "that") and tok.head.dep_ == "relcl":
        tok = tok.head.head  # "fighters who ambushed": the relative pronoun stands for its noun
    words = roles.phrase(tok)
    span = (words.start_char, words.end_char)
    ent = ctx.entity_at(*span)
    text = words.text
    text_for_norm = ent.name if tok.pos_ == "PRON" and ent is not None else text
    actor = normalise_actor(
        text_for_norm,
        span=span,
        head_lemma=tok.lemma_.lower(),
        entity=ent.id if ent else None,
        entity_country=ent.country if ent else None,
    )
    actor.text = text
    return actor


def _mode_from_complement(kind: str, comp: _Candidate) -> str | None:
    """The PLOVER mode a speech act takes from what it is about ("threatened to ban" -> ban)."""
    spec = comp.pat.spec
    if kind == "THREATEN":
        if spec.type == "COERCE":
            return _THREATEN_COERCE.get(spec.mode or "", "restrict")
        return _THREATEN_MODE.get(spec.type)
    if kind in ("REQUEST", "REJECT"):
        return _ASK_MODE.get(spec.type, "change")
    return None


def _refusal(tok: Token) -> bool:
    """A negated will or ability ("will not accept", "failed to reach"), not a plain past negation."""
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") else tok
    if any(
        ch.dep_ == "aux" and ch.lower_ in ("will", "would", "wo", "can", "ca", "could", "shall")
        for ch in verb.children
    ):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("fail", "refuse", "decline")


def _anonymity(tok: Token) -> bool:
    words = frozenset(load_event_data("lexicons.json")["anonymity_verbs"])
    return any(ch.dep_ == "xcomp" and ch.lemma_.lower() in words for ch in tok.children)


def _promised(tok: Token) -> bool:
    """ "will release", "is willing to withdraw", "plans to impose": the actor binds itself to act."""
    if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass"):
        tok = tok.head  # "would tighten the blockade"
    if any(ch.dep_ == "aux" and ch.lower_ in ("will", "would", "'ll", "shall", "wo") for ch in tok.children):
        return True
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("xcomp", "acomp") or cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.lemma_.lower() in _PROMISE_GOVERNORS:
            return True
    return False


def _promise_or_threat(
    c: _Candidate, kind: str, mode: str | None, base: str | None, modality: str
) -> tuple[str, str | None, str | None]:
    """PLOVER codes a stated intention by what is intended: conflict -> THREATEN, cooperation -> AGREE."""
    if modality != "planned" or not _promised(c.light or c.tok):
        return kind, mode, base
    if kind in _CONFLICT:
        return "THREATEN", _mode_from_complement("THREATEN", c), None
    if kind in _COOPERATIVE:
        return "AGREE", None, None
    return kind, mode, base


def _previous_subject(ctx: Context, si: int) -> Actor | None:
    if si == 0:
        return None
    root = ctx.sents[si - 1].root
    subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return _actor(ctx, subj)


def code_sentence(
    ctx: Context,
    si: int,
    sent: SpacySpan,
    places: list[tuple[Place, int]],
    times: list[tuple[Timex, int]],
    numbers: list[tuple[Number, int]],
) -> list[CodedEvent]:
    """The events of sentence ``si`` (ids are given later, in article order)."""
    cands = _merge(_candidates(sent))
    if not cands:
        return []
    cues = acled.SentenceCues(sent)
    prev_subject: Actor | None = None
    prev_done = False
    out: list[CodedEvent] = []
    for c in cands:
        tok, spec = c.tok, c.pat.spec
        kind, mode, base, rank = spec.type, spec.mode, spec.acled, spec.rank
        territory = spec.territory
        for case in spec.cases:
            if object_class(tok, case["obj"]) or (c.light is not None and object_class(c.light, case["obj"])):
                kind = case.get("type", kind)
                mode = case.get("mode", mode)
                base = case.get("acled", base)
                rank = case.get("rank", rank)
                territory = case.get("territory", territory)
                break
        if c.complement is not None:
            mode = _mode_from_complement(kind, c.complement) or mode
        if c.undo is not None:
            # lifting a restriction concedes; ending talks or aid sanctions
            if kind in _UNDOABLE_CONFLICT:
                kind, mode, base, territory = "CONCEDE", None, None, False
            else:
                kind, mode, base, territory = "SANCTION", "discontinue", None, False
        a_tok = roles.actor_token(tok, c.light)
        t_tok = roles.target_token(tok, c.light)
        if t_tok is not None and a_tok is not None and t_tok.i == a_tok.i:
            t_tok = None
        if kind == "REQUEST" and c.complement is None and _anonymity(tok):
            continue  # "a resident who asked not to be named": a source's condition, not a demand
        if kind == "ASSAULT" and _generic(t_tok):
            continue  # "fighting against terrorism": a policy, not an event
        actor = _actor(ctx, a_tok)
        # the ground taken is the place of a capture, not its recipient
        taken_ground = spec.territory and t_tok is not None and "place" in _classes_of(t_tok)
        target = None if t_tok is None or taken_ground else _actor(ctx, t_tok)
        supporters = [s for s in (_actor(ctx, t) for t in roles.supporter_tokens(a_tok, c.light or tok)) if s]
        span = _span(c)
        root = attributes.clause_root(c.light or tok)
        frame = attributes.frame_tokens(c.light or tok)
        actor_toks: set[int] = set()
        if t_tok is not None and t_tok.lemma_.lower() in _STRUCTURES:
            # "the temples of Bel": a name inside what was destroyed is not where it happened
            for child in t_tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    actor_toks.update(t.i for t in child.subtree if not _in_clause(t, child))
        place = attributes.event_place(c.light or tok, root, places, actor_toks, frame)
        date = attributes.event_date(c.light or tok, root, times, frame)
        counts = attributes.event_counts(c.light or tok, root, numbers, frame)
        modality = attributes.modality_of(tok, c.light)
        kind, mode, base = _promise_or_threat(c, kind, mode, base, modality)
        if modality == "negated" and kind in _COOPERATIVE | {"AGREE"} and _refusal(c.light or tok):
            # "will not accept refugees", "failed to reach agreement": PLOVER codes a refusal
            kind, mode, base, territory, modality = (
                "REJECT",
                _ASK_MODE.get(kind, "change"),
                None,
                False,
                "asserted",
            )
        quote = attributes.quote_of(span, ctx.quotes)
        speech_above = any(attributes.is_speech_frame(a) for a in (c.light or tok).ancestors)
        if modality == "asserted" and (quote is not None or speech_above):
            speaker = (quote.speaker or "") if quote is not None else ""
            if not any(w in speaker.lower().split() for w in _media_words()):
                modality = "claimed"
        if spec.acled_needs == "place_or_armed" and not (
            object_class(tok, "place") or (actor is not None and actor.sector in ("MIL", "REB", "INS", "COP"))
        ):
            base, territory = None, False
        if base == "Looting/property destruction" and a_tok is not None and "weapon" in _classes_of(a_tok):
            base = "violence"  # "the missile destroyed the warship": a strike, not looting
        protesters = object_class(tok, "protester")
        subtype, mode = acled.resolve_subtype(base, mode, tok, actor, t_tok, cues, protesters)
        if mode is not None and mode not in _valid_modes().get(kind, frozenset()):
            mode = spec.mode if spec.mode in _valid_modes().get(kind, frozenset()) else None
        change = None
        if territory and subtype is not None:
            gainer = actor.name or actor.country or actor.text if actor else None
            loser = target.name or target.country or target.text if target else None
            # "recaptured the village of Kitaf from government forces": the "from" may hang off the object
            froms = [
                t for t in tok.subtree if t.dep_ == "prep" and t.lower_ == "from" and not _in_clause(t, tok)
            ]
            pobj = next((g for g in froms[0].children if g.dep_ == "pobj"), None) if froms else None
            if pobj is not None and "place" not in _classes_of(pobj):
                src = _actor(ctx, pobj)
                loser = (src.name or src.country or src.text) if src else loser
            if spec.territory_reverse:
                gainer, loser = loser if loser != gainer else None, gainer
            change = {"from": loser, "to": gainer, "place": place.id if place else None}
        if not prev_done:
            prev_subject, prev_done = _previous_subject(ctx, si), True
        event = Event(
            id="",
            type=kind,
            trigger=ctx.text[span[0] : span[1]],
            span=span,
            sentence=si,
            mode=mode,
            acled_type=acled.acled_type_of(subtype),
            acled_subtype=subtype,
            actor=actor,
            target=target,
            supporters=supporters,
            place=place.id if place else None,
            date=date,
            counts=counts,
            territory_change=change,
            modality=modality,
            attributed_to=quote.id if quote is not None else None,
            confidence=0.5 + 0.05 * min(rank, 8),
        )
        out.append(
            CodedEvent(
                event=event,
                rank=(acled.SUBTYPE_RANK.get(subtype or "", 0) if subtype else rank - 10)
                - (2 if tok.lemma_.lower() in _CASUALTY and actor is None else 0),
                previous_subject=prev_subject,
                frame_chars={ctx.doc[i].idx for i in frame},
                past=_is_past(c.light or tok),
                frame_place=next((p.id for p, ti in places if ti in frame), None),
                back_reference=tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "pobj"),
            )
        )
    return out


_ABSTRACT = frozenset(
    {
        "crime",
        "corruption",
        "poverty",
        "trafficking",
        "impunity",
        "disease",
        "virus",
        "pandemic",
        "inflation",
        "drug",
        "smuggling",
        "piracy",
        "racism",
        "hunger",
        "climate",
        "change",
        "injustice",
        "discrimination",
    }
)


def _generic(tok: Token | None) -> bool:
    """An abstract recipient ("terrorism", "corruption") makes a policy statement of a trigger."""
    if tok is None or tok.pos_ != "NOUN" or any(c.dep_ == "det" for c in tok.children):
        return False
    low = tok.lemma_.lower()
    return low.endswith("ism") or low in _ABSTRACT


_STRUCTURES = frozenset(
    {
        "temple",
        "church",
        "mosque",
        "monument",
        "shrine",
        "tomb",
        "statue",
        "building",
        "house",
        "home",
        "palace",
        "museum",
        "school",
        "hospital",
        "office",
        "embassy",
        "consulate",
        "synagogue",
        "cathedral",
        "library",
    }
)


def _in_clause(tok: Token, top: Token) -> bool:
    """True when ``tok`` sits in a relative or participial clause below ``top``."""
    cur = tok
    while cur.i != top.i and cur.head.i != cur.i:
        if cur.dep_ in ("relcl", "acl", "advcl"):
            return True
        cur = cur.head
    return False


def _classes_of(tok: Token) -> set[str]:
    from dateline.extract.events.patterns import _token_classes

    return _token_classes(tok)


def _is_past(tok: Token) -> bool:
    verb = tok
    if tok.pos_ in ("NOUN", "PROPN"):
        verb = tok.head
    if any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ == "VBD" for c in verb.children):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)
