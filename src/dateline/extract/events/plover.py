"""PLOVER conventions that turn on what an event is about, not on its trigger word.

A stated intention is coded by what is intended (conflict -> THREATEN, cooperation ->
AGREE); a negated will to cooperate is a REJECT; a speech act takes its mode from its
complement ("threatened to ban" -> THREATEN ban). ``by_roles`` codes the act from who
does it to whom rather than from the trigger word (see its docstring).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, NamedTuple

from spacy.tokens import Token

from dateline.extract.events.patterns import token_classes
from dateline.resolve.actors import load_event_data

if TYPE_CHECKING:
    from dateline.extract.events.acled import SentenceCues
    from dateline.extract.events.candidates import Candidate

__all__ = [
    "ASK_MODE",
    "COOPERATIVE",
    "UNDOABLE_CONFLICT",
    "Coding",
    "anonymity",
    "by_roles",
    "mode_from_complement",
    "promise_or_threat",
    "refusal",
    "valid_modes",
]


_CONFLICT = frozenset({"ASSAULT", "COERCE", "PROTEST", "SANCTION", "MOBILIZE"})


COOPERATIVE = frozenset({"CONSULT", "AID", "RETREAT", "COOPERATE", "CONCEDE", "SUPPORT"})


# acts that coerce no one: announcing one is the act, planned (CAMEO 133 "threaten to
# protest" is a threat made with a condition: "will march unless the law is withdrawn")
_ANNOUNCED = frozenset(
    {
        ("PROTEST", "demo"),
        ("PROTEST", "strike"),
        ("PROTEST", "hunger"),
        ("MOBILIZE", "troops"),
        ("MOBILIZE", "police"),
    }
)


_PROMISE_GOVERNORS = frozenset(
    {"willing", "ready", "prepared", "plan", "intend", "decide", "vow", "pledge", "promise", "set"}
)


UNDOABLE_CONFLICT = frozenset({"COERCE", "SANCTION", "PROTEST", "ASSAULT", "THREATEN", "MOBILIZE"})


_THREATEN_MODE = {"ASSAULT": "violence", "SANCTION": "relations", "RETREAT": "territory"}


_THREATEN_COERCE = {
    "arrest": "arrest",
    "ban": "ban",
    "restrict": "restrict",
    "deport": "expel",
    "seize": "territory",
}


ASK_MODE = {"AID": "assist", "CONSULT": "meet", "RETREAT": "yield", "CONCEDE": "yield"}


@functools.cache
def valid_modes() -> dict[str, frozenset[str]]:
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


def mode_from_complement(kind: str, comp: Candidate) -> str | None:
    """The PLOVER mode a speech act takes from what it is about ("threatened to ban" -> ban)."""
    spec = comp.pat.spec
    if kind == "THREATEN":
        if spec.type == "COERCE":
            return _THREATEN_COERCE.get(spec.mode or "", "restrict")
        return _THREATEN_MODE.get(spec.type)
    if kind in ("REQUEST", "REJECT"):
        return ASK_MODE.get(spec.type, "change")
    return None


def refusal(tok: Token) -> bool:
    """A negated will or ability ("will not accept", "failed to reach"), not a plain past negation."""
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") else tok
    if any(
        ch.dep_ == "aux" and ch.lower_ in ("will", "would", "wo", "can", "ca", "could", "shall")
        for ch in verb.children
    ):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("fail", "refuse", "decline")


def anonymity(tok: Token) -> bool:
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


def _conditional(tok: Token) -> bool:
    """ "will strike unless wages rise", "would march if the law passes": a condition set."""
    verb = tok.head if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") else tok
    return any(
        ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in ch.children)
        for ch in verb.children
    )


def promise_or_threat(
    c: Candidate, kind: str, mode: str | None, base: str | None, modality: str, scheduled: bool = False
) -> tuple[str, str | None, str | None]:
    """PLOVER codes a stated intention by what is intended: conflict -> THREATEN, cooperation -> AGREE.

    A threat is a stated intent to act coercively on someone, and PLOVER's THREATEN modes
    say which acts those are (violence, restrict, arrest, ban, expel, relations, territory:
    the ASSAULT, COERCE and SANCTION it can threaten). A demonstration, a strike or a deployment
    announced for a day ("said they would rally again on Saturday", "will send more troops
    next week": ``scheduled``) is that act, told as planned: PROTEST or MOBILIZE with
    modality planned and no ACLED type (ACLED codes only what happened). Undated, or with a
    condition set ("will march unless the law is withdrawn"), it stays a threat: CAMEO 133,
    "threaten to protest", which PLOVER's THREATEN took over."""
    if modality != "planned" or not _promised(c.light or c.tok):
        return kind, mode, base
    if kind in _CONFLICT:
        if (kind, mode) in _ANNOUNCED and scheduled and not _conditional(c.light or c.tok):
            return kind, mode, None
        return "THREATEN", mode_from_complement("THREATEN", c), None
    if kind in COOPERATIVE:
        return "AGREE", None, None
    return kind, mode, base


class Coding(NamedTuple):
    """A candidate's PLOVER type and mode, its ACLED base and whether it changes territory."""

    kind: str
    mode: str | None
    base: str | None
    territory: bool


_VERBAL_CONFLICT = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN"})
# verbs of rebuke that are also verbs of impact ("slammed the plan" / "slammed into the house")
_IMPACT_VERBS = frozenset({"slam", "blast", "hammer", "lash", "batter", "rock"})
# who complains officially rather than takes to the street: CAMEO 114 "complain officially"
# (a DISAPPROVE code, PLOVER ACCUSE disapprove) against CAMEO 14 "protest" (demonstrate)
_INSTITUTIONS = frozenset({"GOV", "LEG", "JUD", "IGO", "NGO"})
_OFFICIAL_LIGHT = frozenset({"lodge", "file", "register", "issue", "submit", "deliver", "send"})
_CROWDS = frozenset({"CVL", "OPP"})
# a pledge to act against someone is a threat (CAMEO 13 THREATEN, 138 "threaten with
# military force"; PLOVER THREATEN violence), a pledge to build or give is a promise
_HOSTILE_INTENT = frozenset(
    {
        "crush",
        "hunt",
        "punish",
        "avenge",
        "retaliate",
        "eliminate",
        "destroy",
        "defeat",
        "fight",
        "wipe",
        "annihilate",
        "eradicate",
        "attack",
        "strike",
        "pursue",
        "kill",
        "smash",
        "revenge",
    }
)
# people set free: freeing them is a release (PLOVER RETREAT release), freeing a town a capture
_FREE = frozenset({"free", "liberate", "rescue"})
_PEOPLE = frozenset({"person", "civilian", "prisoner", "diplomat", "evacuee"})
_PLEDGES = frozenset({"vow", "pledge", "swear", "promise"})
# an agreed truce is an agreement between the sides (PLOVER AGREE), a declared one a retreat
_AGREED = frozenset({"agree", "sign", "reach", "broker", "negotiate", "mediate", "conclude", "strike"})
# a strike is held or staged by workers; one is launched or carried out by armed forces
_HELD = frozenset({"hold", "stage", "call", "organise", "organize", "begin", "start", "end"})
_RAIDS = frozenset({"raid", "storm", "swoop", "search"})
_ARRESTS = (" arrest ", " detain ", " apprehend ", " round up ", " take into custody ", " nab ")
_SEIZURES = (" confiscate ", " seize ", " impound ", " carry away ", " cart away ")
_HARM = (" kill ", " shoot ", " wound ", " injure ", " die ", " dead ", " clash ", " fire ", " death ")


def by_roles(
    c: Candidate,
    coding: Coding,
    a_tok: Token | None,
    actor_sector: str | None,
    cues: SentenceCues,
) -> Coding:
    """The act, not the word: recode a candidate from who does it to whom.

    - a weapon does not speak: "rockets slammed into the market" is an ASSAULT, not an ACCUSE
      (nor is a rebuke word moving "into" something with no speaker found);
    - an institution's protest (a ministry, a court, a rights group, or any "lodged a
      protest") is an official complaint (ACCUSE disapprove); a crowd's "protested against"
      is a demonstration (PROTEST demo);
    - "freed the officer": people set free are released (RETREAT release), a town freed is taken;
    - "seized X from the army": taking a place from an armed side is a capture (territory);
    - a pledge to act against someone is a THREATEN, not a promise;
    - a truce the sides agreed or a third party brokered is an AGREE;
    - a strike that is held or staged is a walkout (PROTEST strike), not an air strike;
    - a raid in which the only thing told is arrests is an arrest operation (COERCE arrest),
      one in which it is things taken a seizure (COERCE seize);
    - police who charge a crowd rush at it (ASSAULT), a prosecutor's charge is an accusation.
    """
    kind, _, base, territory = coding
    tok, spec = c.tok, c.pat.spec
    lemma = tok.lemma_.lower()
    light = c.light.lemma_.lower() if c.light is not None else None
    held = (tok.dep_ in ("dobj", "nsubjpass") and _held(tok.head)) or (
        # "went on strike", "are on strike": bare, for "comment on the strike" names one told
        tok.dep_ == "pobj"
        and tok.head.lower_ == "on"
        and not any(ch.dep_ in ("det", "poss") for ch in tok.children)
    )
    if kind == "ASSAULT" and lemma == "strike" and tok.pos_ == "NOUN" and held:
        return Coding("PROTEST", "strike", "Peaceful protest", False)  # "held a strike": a walkout
    if kind in _VERBAL_CONFLICT and (
        (a_tok is not None and "weapon" in token_classes(a_tok)) or (a_tok is None and _impact(tok))
    ):
        return Coding("ASSAULT", None, "violence", False)
    if (
        spec.id == "protest"
        and lemma == "protest"
        and (actor_sector in _INSTITUTIONS or light in _OFFICIAL_LIGHT)
    ):
        return Coding("ACCUSE", "disapprove", None, False)
    if kind == "ACCUSE" and lemma == "protest" and actor_sector in _CROWDS:
        return Coding("PROTEST", "demo", "protest", False)
    if territory and lemma in _FREE and _freed_people(tok):
        return Coding("RETREAT", "release", None, False)  # "freed the hostages": a release
    if spec.id == "capture_person" and _taken_from_armed(tok):
        return Coding("ASSAULT", None, "territory", True)
    if kind == "ACCUSE" and lemma == "charge" and _charged_at(tok):
        return Coding(
            "ASSAULT", None, "violence", False
        )  # "police charged the crowd": a rush, no charge sheet
    if kind == "AGREE" and lemma in _PLEDGES and _hostile_intent(tok):
        return Coding("THREATEN", "violence", None, False)
    if spec.id == "ceasefire" and _agreed(tok):
        return Coding("AGREE", None, base, False)
    if (
        kind == "ASSAULT"
        and lemma in _RAIDS
        and any(w in cues.lemmas for w in _ARRESTS)
        and not any(w in cues.lemmas for w in _HARM)
    ):
        return Coding("COERCE", "arrest", "Arrests", False)
    if (
        kind == "ASSAULT"
        and lemma in _RAIDS
        and any(w in cues.lemmas for w in _SEIZURES)
        and not any(w in cues.lemmas for w in _HARM)
    ):
        return Coding("COERCE", "seize", None, False)  # "raided the offices and confiscated computers"
    return coding


# who is rushed at: a crowd or an armed side ("charged the protesters", "charged enemy lines")
_RUSHED = frozenset({"protester", "armed"})


def _charged_at(tok: Token) -> bool:
    """ "riot police charged the crowd", "cavalry charged at the demonstrators": a physical
    rush on a crowd or an armed side. A charge sheet names its offence ("charged 20
    protesters with rioting") or a count of the charged, and stays an accusation."""
    if tok.pos_ != "VERB" or any(ch.dep_ == "prep" and ch.lower_ == "with" for ch in tok.children):
        return False
    objs = [ch for ch in tok.children if ch.dep_ == "dobj"]
    objs += [
        g
        for ch in tok.children
        if ch.dep_ == "prep" and ch.lower_ in ("at", "into", "on")
        for g in ch.children
        if g.dep_ == "pobj"
    ]
    return any(token_classes(o) & _RUSHED and not any(ch.dep_ == "nummod" for ch in o.children) for o in objs)


def _impact(tok: Token) -> bool:
    """ "slammed into the district": a rebuke that is also an impact verb, moving into something."""
    return tok.lemma_.lower() in _IMPACT_VERBS and any(
        ch.dep_ == "prep" and ch.lower_ in ("into", "onto") for ch in tok.children
    )


def _held(verb: Token) -> bool:
    """The verb holds or stages something (its own form too: the lemmatiser reads "staged" as "stag")."""
    low = verb.lower_
    forms = (verb.lemma_.lower(), low, low.removesuffix("d"), low.removesuffix("ed"), low.removesuffix("ing"))
    return any(f in _HELD for f in forms)


def _freed_people(tok: Token) -> bool:
    """ "freed the officer", "liberated two hostages": the ones set free are people, not a place."""
    for obj in (ch for ch in tok.children if ch.dep_ == "dobj"):
        classes = token_classes(obj)
        if "place" not in classes and classes & _PEOPLE:
            return True
    return False


def _taken_from_armed(tok: Token) -> bool:
    """ "seized the town from the army": a proper-named object taken from an armed side."""
    objs = [ch for ch in tok.children if ch.dep_ == "dobj"]
    if not objs or objs[0].pos_ != "PROPN":
        return False
    froms = [ch for ch in tok.children if ch.dep_ == "prep" and ch.lower_ == "from"]
    froms += [g for g in objs[0].children if g.dep_ == "prep" and g.lower_ == "from"]
    return any("armed" in token_classes(p) for f in froms for p in f.children if p.dep_ == "pobj")


def _hostile_intent(tok: Token) -> bool:
    """ "vowed to crush the rebels", "pledged to intensify operations against them"."""
    for act in (ch for ch in tok.children if ch.dep_ == "xcomp"):
        if act.lemma_.lower() in _HOSTILE_INTENT:
            return True
        for ch in act.children:
            if ch.dep_ == "prep" and ch.lower_ == "against":
                return True
            if ch.dep_ == "dobj" and any(g.dep_ == "prep" and g.lower_ == "against" for g in ch.children):
                return True
    return False


def _agreed(tok: Token) -> bool:
    """ "agreed to a ceasefire", "a ceasefire brokered by Qatar", "a U.S.-brokered truce"."""
    if tok.pos_ == "VERB":
        return tok.lemma_.lower() in _AGREED
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.lemma_.lower() in _AGREED:
        return True
    return any(
        ch.dep_ in ("acl", "amod", "compound")
        and ch.lower_.rsplit("-", 1)[-1].removesuffix("ed")
        in {"agre", "sign", "broker", "negotiat", "mediat"}
        for ch in tok.children
    )
