"""One sentence's events: code each candidate with its roles, place, date, counts and ACLED type.

Candidates come from :mod:`candidates`, PLOVER conventions from :mod:`plover`; the
article-level passes (inheritance, repeats, order) live in the package ``__init__``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.context import Context
from dateline.extract.events import acled, attributes, conflict, roles
from dateline.extract.events.candidates import PERSON_TRIGGERS, Candidate, find_candidates, in_clause
from dateline.extract.events.iterative import in_iterative, iterative
from dateline.extract.events.patterns import (
    lexicon_words,
    match_token,
    object_class,
    patterns_by_lemma,
    token_classes,
)
from dateline.extract.events.plover import (
    ASK_MODE,
    COOPERATIVE,
    UNDOABLE_CONFLICT,
    Coding,
    anonymity,
    by_roles,
    mode_from_complement,
    promise_or_threat,
    refusal,
    valid_modes,
)
from dateline.records import Actor, Event, Number, Place, Timex
from dateline.resolve.actors import acled_actor_type, load_event_data, normalise_actor
from dateline.resolve.countries import country_by_iso2
from dateline.tokens import TokenTable, head_steps, tokens_of

__all__ = ["CodedEvent", "code_sentence", "previous_subject"]

_CASUALTY = frozenset({"kill", "die", "wound", "injure", "hurt"})
# what a crime without political or organised participants would otherwise be coded as
_CRIME_SUBTYPES = frozenset({"Attack", "Armed clash", "Sexual violence", "Abduction/forced disappearance"})


@dataclass
class CodedEvent:
    """An event and what the article-level passes need to know about it."""

    event: Event
    rank: int
    frame_chars: set[int] = field(default_factory=set)
    past: bool = False
    back_reference: bool = False
    frame_place: str | None = None
    # what the clustering pass reads (cluster.py): the trigger's lemma and pattern, whether a
    # determiner points back to an event told before, whether a modifier says it is another
    lemma: str = ""
    pattern: str = ""
    anaphoric: bool = False
    another: bool = False
    # the doer is itself an event or a weapon ("the blast damaged shops"): a result of that event
    caused: bool = False
    # told as background: a cause, a description, a past scene ("angry over a police shooting")
    background: bool = False
    # the object of a time preposition ("after the blast"): an event told to date another one
    anchor: bool = False
    # the place the event's own clause names (before the article-level passes lend it one)
    own_place: str | None = None
    # a participle of result ("bombed a village, ... destroying a monastery"): where its verb starts
    result_of: int | None = None
    # an infinitive of purpose ("fired tear gas to disperse the crowd"): where its verb starts
    purpose_of: int | None = None
    # the event's own clause names its date (before the article-level passes lend it one)
    own_date: bool = False
    # its place is the scene of a background clause of its sentence, a guess for want of another
    aside_place: bool = False


def _span(c: Candidate) -> tuple[int, int]:
    toks = [c.tok, *(t for t in c.extra_tokens if t.dep_ in ("dobj", "nsubjpass"))]
    if c.light is not None:
        toks.append(c.light)
    # a particle right after the word ("blew up"): only the next token can be one; the table
    # says whether it hangs off the word (as ``Token.children`` would list it) without walking them
    table, nxt = tokens_of(c.tok.doc), c.tok.i + 1
    if nxt < len(table.head) and table.head[nxt] == c.tok.i and table.dep[nxt] == "prt":
        toks.append(c.tok.doc[nxt])
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


def previous_subject(ctx: Context, si: int) -> Actor | None:
    """The subject of the main clause of the sentence before ``si``: the doer a violent
    event without its own may take over (``_inherit``, which asks for it only then)."""
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
    cands = find_candidates(sent)
    if not cands:
        return []
    cues = acled.SentenceCues(sent)
    asides = _background_clauses(sent)
    cue_views: dict[frozenset[int], acled.SentenceCues] = {}  # one per set of words left out
    # "farmers blocked roads to protest": the protesters' own obstruction is no intervention
    obstruction = frozenset(i for c in cands if c.pat.spec.mode == "obstruct" for i in _words_of(c))
    # "seized weapons and explosives in a raid": weapons found or stopped are not the ones used
    disarmed = frozenset(i for c in cands if c.pat.spec.id == "seize_weapons" for i in _disarmed_words(c))
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
            mode = mode_from_complement(kind, c.complement) or mode
        if c.undo is not None:
            # lifting a restriction concedes; ending talks or aid sanctions
            if kind in UNDOABLE_CONFLICT:
                kind, mode, base, territory = "CONCEDE", None, None, False
            else:
                kind, mode, base, territory = "SANCTION", "discontinue", None, False
        a_tok = roles.actor_token(tok, c.light)
        t_tok = roles.target_token(tok, c.light)
        if t_tok is not None and a_tok is not None and t_tok.i == a_tok.i:
            t_tok = None
        if kind == "REQUEST" and c.complement is None and anonymity(tok):
            continue  # "a resident who asked not to be named": a source's condition, not a demand
        if kind == "ASSAULT" and _generic(t_tok):
            continue  # "fighting against terrorism": a policy, not an event
        verb = c.light or tok
        if (verb.dep_ in _CLAUSE_DEPS and _habitual(verb)) or (kind in _STANCES and _adjectival(tok)):
            continue  # "armed groups that fight alongside the army": who they are, not an event
        if iterative(verb, statement=kind in _STANCES) or in_iterative(tok):
            continue  # "has been shelled almost daily": many acts summed up, none of them told
        actor = _actor(ctx, a_tok)
        # the ground taken is the place of a capture, not its recipient
        taken_ground = spec.territory and t_tok is not None and "place" in _classes_of(t_tok)
        target = None if t_tok is None or taken_ground else _actor(ctx, t_tok)
        supporters = [s for s in (_actor(ctx, t) for t in roles.supporter_tokens(a_tok, c.light or tok)) if s]
        kind, mode, base, territory = by_roles(
            c, Coding(kind, mode, base, territory), a_tok, actor.sector if actor else None, cues
        )
        span = _span(c)
        root = attributes.clause_root(c.light or tok)
        frame = attributes.frame_tokens(c.light or tok)
        actor_toks: set[int] = set()
        if t_tok is not None and t_tok.lemma_.lower() in _STRUCTURES:
            # "the temples of Bel": a name inside what was destroyed is not where it happened
            for child in t_tok.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    actor_toks.update(t.i for t in child.subtree if not in_clause(t, child))
        # a background clause's place is its own event's: this one's only when it names no other
        skip = frozenset(i for lo, hi, _ in asides if not lo <= tok.i <= hi for i in range(lo, hi + 1))
        scenes = frozenset(
            i for lo, hi, scene in asides if scene and not lo <= tok.i <= hi for i in range(lo, hi + 1)
        )
        place = attributes.event_place(
            c.light or tok, root, places, actor_toks, frame, ctx.text, ctx.datelines, scenes
        )
        aside_place = place is not None and any(p is place and ti in scenes for p, ti in places)
        date = attributes.event_date(c.light or tok, root, times, frame)
        counts = attributes.event_counts(c.light or tok, root, numbers, frame)
        modality = attributes.modality_of(tok, c.light)
        # only a planned act can be scheduled: the clause walk is for those alone
        scheduled = modality == "planned" and _scheduled(verb, times)
        kind, mode, base = promise_or_threat(c, kind, mode, base, modality, scheduled)
        if modality == "negated" and kind in COOPERATIVE | {"AGREE"} and refusal(c.light or tok):
            # "will not accept refugees", "failed to reach agreement": PLOVER codes a refusal
            kind, mode, base, territory, modality = (
                "REJECT",
                ASK_MODE.get(kind, "change"),
                None,
                False,
                "asserted",
            )
        quote = ctx.quote_at(*span)
        table = tokens_of(tok.doc)
        speech_above = any(
            attributes.is_speech_frame_at(table, a) for a in table.ancestors((c.light or tok).i)
        )
        if modality == "asserted" and (quote is not None or speech_above):
            speaker = (quote.speaker or "") if quote is not None else ""
            if lexicon_words("media_words").isdisjoint(speaker.lower().split()):
                modality = "claimed"
        if spec.acled_needs == "place_or_armed" and not (
            object_class(tok, "place") or (actor is not None and actor.sector in ("MIL", "REB", "INS", "COP"))
        ):
            base, territory = None, False
        if (
            base in ("Looting/property destruction", "Disrupted weapons use")
            and spec.id != "seize_weapons"
            and a_tok is not None
            and ("weapon" in _classes_of(a_tok) or acled.is_aircraft(a_tok))
        ):
            # "the missile destroyed the warship", "jets destroyed a weapons depot": a strike;
            # "jets intercepted a drone" stops a weapon in use, whoever does it
            kind, base, mode = "ASSAULT", "violence", None
        if spec.id == "explosive" and a_tok is not None and conflict.is_firearm(a_tok.lemma_):
            base, mode = "violence", "firearms"  # "the handgun went off": a shot, not a blast
        protesters = object_class(tok, "protester")
        if kind == "PROTEST":
            skip |= obstruction
        if tok.i not in disarmed:
            skip |= disarmed
        own_cues = cue_views.setdefault(skip, acled.SentenceCues(sent, skip)) if skip else cues
        where = _iso3(place.country) if place is not None else None
        subtype, mode = acled.resolve_subtype(
            base,
            mode,
            tok,
            actor,
            t_tok,
            own_cues,
            protesters,
            target_actor=target,
            where=where,
            forces_on_crowd=kind == "PROTEST" and _forces_act_on(ctx, tok, where),
        )
        context = None
        if (
            acled.acled_type_of(subtype) == "Explosions/Remote violence"
            and _disrupted(own_cues)
            and not any(cn.unit in ("killed", "injured") for cn in counts)
        ):
            # "engineers safely detonated an unexploded shell": a weapon made harmless, not
            # used; one that killed or wounded was used ("a bomb killed two, and sappers
            # defused a second")
            kind, mode, subtype = "COERCE", "seize", "Disrupted weapons use"
        if kind == "ASSAULT":
            if conflict.figure_of_speech(own_cues.lemmas, own_cues.text):
                continue  # "the Lakers beat the Celtics 110-102": no conflict, no event
            why = conflict.non_political(own_cues.lemmas, own_cues.text, actor, target)
            if why in ("accident", "suicide") or (why == "crime" and subtype in _CRIME_SUBTYPES):
                subtype, territory = None, False
                context = "crime" if why == "crime" else None
        if mode is not None and mode not in valid_modes().get(kind, frozenset()):
            mode = spec.mode if spec.mode in valid_modes().get(kind, frozenset()) else None
        change = None
        if territory and subtype is not None:
            gainer = actor.name or actor.country or actor.text if actor else None
            loser = target.name or target.country or target.text if target else None
            # "recaptured the village of Kitaf from government forces": the "from" may hang off the object
            froms = [
                t for t in tok.subtree if t.dep_ == "prep" and t.lower_ == "from" and not in_clause(t, tok)
            ]
            pobj = next((g for g in froms[0].children if g.dep_ == "pobj"), None) if froms else None
            if pobj is not None and "place" not in _classes_of(pobj):
                src = _actor(ctx, pobj)
                loser = (src.name or src.country or src.text) if src else loser
            if spec.territory_reverse:
                gainer, loser = loser if loser != gainer else None, gainer
            change = {"from": loser, "to": gainer, "place": place.id if place else None}
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
            context=context,
        )
        out.append(
            CodedEvent(
                event=event,
                rank=(acled.SUBTYPE_RANK.get(subtype or "", 0) if subtype else rank - 10)
                - (2 if tok.lemma_.lower() in _CASUALTY and actor is None else 0),
                frame_chars={ctx.doc[i].idx for i in frame},
                past=_is_past(c.light or tok),
                frame_place=next((p.id for p, ti in places if ti in frame), None),
                own_place=place.id if place and not aside_place else None,
                aside_place=aside_place,
                result_of=_result_of(verb) if verb.tag_ == "VBG" else None,
                purpose_of=_purpose_of(verb) if verb.tag_ == "VB" else None,
                own_date=date is not None,
                back_reference=tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "pobj"),
                lemma=tok.lemma_.lower(),
                pattern=c.pat.spec.id,
                anaphoric=_anaphoric(tok),
                another=_another(tok),
                caused=_caused(a_tok),
                background=_background(c.light or tok),
                anchor=_time_anchor(tok),
            )
        )
    return out


@functools.cache
def _coreference(name: str) -> frozenset[str]:
    return frozenset(load_event_data("lexicons.json")["coreference"][name])


def _anaphoric(tok: Token) -> bool:
    """ "the blast", "this attack", "Saturday's bombing": a noun pointing back to a told event."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    for child in tok.children:
        if child.dep_ in ("det", "poss") and child.lower_ in _coreference("anaphors"):
            return True
        if child.dep_ == "poss" and child.ent_type_ in ("DATE", "TIME"):
            return True  # "Saturday's attack"
    return False


def _time_anchor(tok: Token) -> bool:
    """ "after the blast", "since the 2017 attack", "ahead of the vote": the event dates another."""
    return _time_anchor_at(tokens_of(tok.doc), tok.i)


def _time_anchor_at(t: TokenTable, i: int) -> bool:
    """``_time_anchor`` of token ``i``, read from the table (no ``Token`` wrappers)."""
    if t.dep[i] != "pobj":
        return False
    prep = t.head[i]
    word = t.lower[t.head[prep]] if t.lower[prep] == "of" else t.lower[prep]  # "ahead of"
    return word in _coreference("time_anchors")


def _another(tok: Token) -> bool:
    """ "another attack", "a separate blast", "an earlier bombing": a different event."""
    words = _coreference("new_event")
    t = tokens_of(tok.doc)  # a verb's children span its clause: the table's lists, not Tokens
    return any(t.dep[k] in ("det", "amod", "advmod") and t.lower[k] in words for k in t.children[tok.i])


@functools.cache
def _disruption() -> re.Pattern[str]:
    words = load_event_data("lexicons.json")["weapon_disruption"]["cues"]
    return re.compile(" (?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ") ")


def _disrupted(cues: acled.SentenceCues) -> bool:
    return bool(_disruption().search(cues.lemmas) or _disruption().search(cues.text))


def _forces_act_on(ctx: Context, crowd: Token, where: str | None) -> bool:
    """State forces do something to the crowd ("riot police chased the demonstrators",
    "protesters were pushed back by police"): who acts on whom makes it an intervention,
    whatever the verb, unless the act is speech or protection ("police escorted the march")."""
    if crowd.dep_ == "dobj" or crowd.dep_ == "nsubjpass":
        verb = crowd.head
    elif crowd.dep_ == "pobj" and crowd.head.dep_ == "prep" and crowd.head.lower_ != "by":
        verb = crowd.head.head
    else:
        return False
    if (
        verb.pos_ != "VERB"
        or verb.lemma_.lower() in lexicon_words("non_coercive_verbs")
        or attributes.is_speech_frame(verb)
    ):
        return False
    doer = _actor(ctx, roles.actor_token(verb))
    return acled_actor_type(doer, where) == "State forces"


def _scheduled(verb: Token, times: list[tuple[Timex, int]]) -> bool:
    """ "will rally again on Saturday": a date or time set in the planned act's own clause
    (the clause of the verb whose object a noun trigger is: "will hold a strike on Friday")."""
    scope = verb.head if verb.pos_ == "NOUN" and verb.dep_ == "dobj" else verb
    words = {t.i for t in scope.subtree}
    return any(ti in words for timex, ti in times if timex.type in ("DATE", "TIME"))


_INTERCEPTIONS = frozenset({"intercept", "interception", "shoot", "down"})


def _disarmed_words(c: Candidate) -> set[int]:
    """The words of what a disruption took or made safe: "a cache of rifles and explosives",
    "seized two bombs". Weapons intercepted in flight ("shot down six of the missiles") are
    the attack's own: they still say what it was made with."""
    if c.tok.lemma_.lower() in _INTERCEPTIONS:
        return set()
    if c.tok.pos_ in ("NOUN", "PROPN"):
        return {t.i for t in c.tok.subtree}
    objs = [ch for ch in c.tok.children if ch.dep_ in ("dobj", "nsubjpass")]
    return {t.i for o in objs for t in o.subtree}


def _words_of(c: Candidate) -> set[int]:
    return {c.tok.i} | ({c.light.i} if c.light is not None else set())


def _iso3(code: str | None) -> str | None:
    """A place's country (ISO alpha-2) as actors carry it (alpha-3)."""
    if not code:
        return None
    if len(code) == 3:
        return code.upper()
    country = country_by_iso2(code)
    return country.iso3 if country is not None else None


def _caused(a_tok: Token | None) -> bool:
    if a_tok is None or a_tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if "weapon" in _classes_of(a_tok):
        return True
    pat = match_token(a_tok)
    return pat is not None and pat.spec.type == "ASSAULT"


_CAUSE_PREPS = frozenset({"over", "about", "against", "at", "for", "of"})


# the relations _background_clauses tests (relcl: _aside; dobj, prep: _demanded; prep, acl, pobj)
_BACKGROUND_DEPS = frozenset({"relcl", "advcl", "dobj", "prep", "acl", "pobj"})


def _background_clauses(sent: SpacySpan) -> list[tuple[int, int, bool]]:
    """Token ranges told as background: relative clauses, causes hanging off an adjective, an
    event named to date the news ("after the blast"), the scene of a date that bounds it
    ("the deadliest since 2023, when jets bombed X"). The flag marks a clause with a scene
    of its own (a relative clause told at another time, the bounding date's scene): its
    place is that scene's, not the news' (an event named to date the news, "captured after
    a gun battle in X", most often shares its place)."""
    out = []
    doc, t = sent.doc, tokens_of(sent.doc)  # the token table: a Token only where a test applies
    for i in range(sent.start, sent.end):
        dep = t.dep[i]  # one test per token: most tokens hold none of these
        if dep not in _BACKGROUND_DEPS:
            continue
        # the objects and prepositions are many: the table rules most out before a Token is
        # built (no demand word above, no cause preposition on an adjective, no time anchor)
        if dep in ("dobj", "prep") and not (_under_request_word(t, i) or _cause_on_adjective_at(t, i)):
            continue
        if dep == "pobj" and not _time_anchor_at(t, i):
            continue
        tok = doc[i]
        scene = dep in ("relcl", "advcl")
        if dep == "relcl":
            hit = _aside(tok) or _bounding_date_scene(tok)
        elif dep == "advcl":
            hit = _bounding_date_scene(tok)  # "the deadliest since 2023, when jets bombed X"
        elif dep == "dobj":
            hit = _demanded(tok)
        elif dep == "prep":
            hit = _demanded(tok) or _cause_on_adjective_at(t, i)
        elif dep == "acl":
            hit = not _event_noun(tok.head) and _own_date(tok)
        else:  # pobj
            hit = _event_noun(tok)  # "after the blast" (a time anchor: tested above)
        if hit:
            out.append((tok.left_edge.i, tok.right_edge.i, scene))
    return out


def _background(tok: Token) -> bool:
    """A trigger told as background rather than as the news.

    Three constructions: inside a relative or participial clause of a non-event noun ("the
    town that was the scene of a chemical attack"); in the complement of an adjective
    ("angry over a police shooting"); or the object of a cause preposition hanging off
    another event ("protests over the killing of", "outrage at the attack").
    """
    if _bounding_date_scene(tok):
        return True
    for cur, head in head_steps(tok):
        if _aside(cur) or _demanded(cur):
            return True
        if cur.dep_ == "acl" and not _event_noun(head) and _own_date(cur):
            return True  # "demonstrators killed last month": a past event told about them
        if _cause_on_adjective_at(tokens_of(tok.doc), cur.i):
            return True
        if (
            cur.dep_ == "pobj"
            and head.lower_ in _CAUSE_PREPS - {"of", "against", "at"}
            and head.head.i != head.i
            and match_token(head.head) is not None
        ):
            return True
        if cur.dep_ in ("ccomp", "xcomp", "advcl", "ROOT"):
            return False
        # going on up: a conjunct shares its head's standing ("who organise or participate in")
    return False


# a habit is told in a relative clause, or in the infinitive one governs ("who continue to ambush")
_CLAUSE_DEPS = frozenset({"relcl", "xcomp"})
# verbal types: told as a participle of a noun they say where it stands, not what it did
_STANCES = frozenset({"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "CONSULT"})


def _adjectival(tok: Token) -> bool:
    """A past participle describing a non-event noun, with no doer, date or auxiliary of its own
    ("an armed group opposed to military rule"): a stance, not a statement made."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or _event_noun(tok.head):
        return False
    return not any(c.dep_ in ("agent", "aux", "auxpass") for c in tok.children) and not _own_date(tok)


def _result_of(tok: Token) -> int | None:
    """ "jets bombed the village, killing nine and destroying a school": a present participle
    hanging off a verb (or a conjunct of one) tells what that verb's act did; the verb's start."""
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i and first.head.tag_ == "VBG":
        first = first.head
    if first.tag_ != "VBG" or first.dep_ != "advcl" or first.head.pos_ != "VERB":
        return None
    return first.head.idx


def _purpose_of(tok: Token) -> int | None:
    """ "police fired tear gas to disperse the crowd", "set fire to a bus to block the road": an
    infinitive hanging off a verb says what that verb's act was for, not a second act; the
    verb's start."""
    if tok.dep_ not in ("advcl", "xcomp") or tok.head.pos_ != "VERB":
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    return tok.head.idx


def _habitual(tok: Token) -> bool:
    """A relative clause in the simple present of a non-event noun says what its noun does
    ("armed groups that fight alongside the army", "insurgents who continue to ambush
    convoys"), not that something happened."""
    verb = tok.head if tok.dep_ == "xcomp" and tok.head.pos_ == "VERB" else tok
    if verb.dep_ != "relcl" or verb.tag_ not in ("VBZ", "VBP") or _event_noun(verb.head):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and not _own_date(verb)


def _bounding_date_scene(tok: Token) -> bool:
    """ "the deadliest since April 2023, when aircraft bombed ...": the scene of a date that
    bounds or anchors the news in time, told to measure it, not as the news."""
    date = attributes.when_date(tok)
    for _ in range(3):
        if date is None:
            return False
        if date.dep_ == "pobj":
            return _time_anchor(date)
        date = date.head if date.head.i != date.i and date.head.ent_type_ == "DATE" else None
    return False


def _aside(clause: Token) -> bool:
    """A relative clause of a non-event noun told at another time than the news.

    "the town that was the scene of a chemical attack in 2017", "rebels who had shelled the
    city", "people who organise protests" (a habit), "people who joined the protests" (who
    they are: ``membership_verbs``) are background; "protesters who threw
    stones" is the same scene told in the same simple past, and its acts are the event's.
    """
    if clause.dep_ != "relcl" or match_token(clause.head) is not None:
        return False
    return _membership(clause) or not _same_scene(clause)


def _membership(verb: Token) -> bool:
    """ "people who organised or joined the protests": a clause saying who they are, not what they did then."""
    verbs = lexicon_words("membership_verbs")
    for v in (verb, *(c for c in verb.children if c.dep_ == "conj")):
        prt = next((c.lower_ for c in v.children if c.dep_ in ("prt", "prep")), None)
        if v.lemma_.lower() in verbs or (prt and f"{v.lemma_.lower()} {prt}" in verbs):
            return True
    return False


@functools.cache
def _request_lemmas() -> frozenset[str]:
    return frozenset(
        w for w, pats in patterns_by_lemma().items() if any(p.spec.type == "REQUEST" for p in pats)
    )


def _demanded(tok: Token) -> bool:
    """What a demand asks for ("demanded the release of protesters detained at the rally",
    "calling for justice for those killed"): the events it names are its reasons, not the news."""
    if not _under_request_word(tokens_of(tok.doc), tok.i):
        return False  # the cheap test first: most objects hang off no demand word
    pat = match_token(tok.head)
    return pat is not None and pat.spec.type == "REQUEST"


def _under_request_word(t: TokenTable, i: int) -> bool:
    """Token ``i`` is an object (or a "for" phrase) of a word some REQUEST pattern has as its
    lemma: what ``_demanded`` needs before it matches the head's patterns."""
    dep = t.dep[i]
    if dep != "dobj" and not (dep == "prep" and t.lower[i] == "for"):
        return False
    return t.lemma[t.head[i]] in _request_lemmas()


def _cause_on_adjective_at(t: TokenTable, i: int) -> bool:
    """ "angry over the shooting": a cause preposition hanging off an adjective."""
    return t.dep[i] == "prep" and t.lower[i] in _CAUSE_PREPS and t.pos[t.head[i]] == "ADJ"


def _same_scene(verb: Token) -> bool:
    """A clause in the simple past (active or passive) with no date or perfect of its own."""
    if _own_date(verb) or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children)


def _event_noun(tok: Token) -> bool:
    """A noun that names an event ("the attack"), not a participant ("protesters")."""
    return match_token(tok) is not None and tok.lemma_.lower() not in PERSON_TRIGGERS


def _own_date(clause: Token) -> bool:
    return any(t.ent_type_ == "DATE" for t in clause.subtree)


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


def _classes_of(tok: Token) -> frozenset[str]:

    return token_classes(tok)


def _is_past(tok: Token) -> bool:
    t = tokens_of(tok.doc)  # the token table: the children's tags without Token wrappers
    dep, tag = t.dep, t.tag
    verb = t.head[tok.i] if t.pos[tok.i] in ("NOUN", "PROPN") else tok.i
    kids = t.children[verb]
    if any(dep[c] == "aux" and tag[c] == "VBD" and tok.doc[c].lemma_ == "have" for c in kids):
        return False
    if tag[verb] == "VBD":
        return True
    return tag[verb] == "VBN" and any(dep[c] == "auxpass" and tag[c] == "VBD" for c in kids)
