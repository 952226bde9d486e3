"""PLOVER conventions that turn on what an event is about, not on its trigger word.

A stated intention is coded by what is intended (conflict -> THREATEN, cooperation ->
AGREE); a negated will to cooperate is a REJECT; a speech act takes its mode from its
complement ("threatened to ban" -> THREATEN ban).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from spacy.tokens import Token

from dateline.resolve.actors import load_event_data

if TYPE_CHECKING:
    from dateline.extract.events.candidates import Candidate

__all__ = [
    "ASK_MODE",
    "COOPERATIVE",
    "UNDOABLE_CONFLICT",
    "anonymity",
    "mode_from_complement",
    "promise_or_threat",
    "refusal",
    "valid_modes",
]


_CONFLICT = frozenset({"ASSAULT", "COERCE", "PROTEST", "SANCTION", "MOBILIZE"})


COOPERATIVE = frozenset({"CONSULT", "AID", "RETREAT", "COOPERATE", "CONCEDE", "SUPPORT"})


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


def promise_or_threat(
    c: Candidate, kind: str, mode: str | None, base: str | None, modality: str
) -> tuple[str, str | None, str | None]:
    """PLOVER codes a stated intention by what is intended: conflict -> THREATEN, cooperation -> AGREE."""
    if modality != "planned" or not _promised(c.light or c.tok):
        return kind, mode, base
    if kind in _CONFLICT:
        return "THREATEN", mode_from_complement("THREATEN", c), None
    if kind in COOPERATIVE:
        return "AGREE", None, None
    return kind, mode, base
