"""ACLED event and sub-event types: from the trigger's class, its sentence and its actors.

Trigger data gives a sub-type or a class to decide: ``territory`` (who gained ground),
``violence`` (armed target -> Armed clash, civilian -> Attack) and ``protest`` (what happened
at it). Generic violence is refined by the weapon its sentence names ("killed ... in a
suicide bombing" -> Suicide bomb), with cue lists from ``acled_cues.json``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.records import Actor
from dateline.resolve.actors import is_government, load_event_data

__all__ = ["ACLED_TYPE", "SUBTYPE_RANK", "SentenceCues", "acled_type_of", "resolve_subtype"]

ACLED_TYPE = {
    "Government regains territory": "Battles",
    "Non-state actor overtakes territory": "Battles",
    "Armed clash": "Battles",
    "Excessive force against protesters": "Protests",
    "Protest with intervention": "Protests",
    "Peaceful protest": "Protests",
    "Violent demonstration": "Riots",
    "Mob violence": "Riots",
    "Chemical weapon": "Explosions/Remote violence",
    "Air/drone strike": "Explosions/Remote violence",
    "Suicide bomb": "Explosions/Remote violence",
    "Shelling/artillery/missile attack": "Explosions/Remote violence",
    "Remote explosive/landmine/IED": "Explosions/Remote violence",
    "Grenade": "Explosions/Remote violence",
    "Sexual violence": "Violence against civilians",
    "Attack": "Violence against civilians",
    "Abduction/forced disappearance": "Violence against civilians",
    "Agreement": "Strategic developments",
    "Arrests": "Strategic developments",
    "Change to group/activity": "Strategic developments",
    "Disrupted weapons use": "Strategic developments",
    "Headquarters or base established": "Strategic developments",
    "Looting/property destruction": "Strategic developments",
    "Non-violent transfer of territory": "Strategic developments",
    "Other": "Strategic developments",
}
# how specific a sub-type is: the headline event of a sentence is its most specific one
SUBTYPE_RANK = {
    "Suicide bomb": 10,
    "Chemical weapon": 10,
    "Grenade": 9,
    "Sexual violence": 9,
    "Abduction/forced disappearance": 9,
    "Air/drone strike": 8,
    "Shelling/artillery/missile attack": 8,
    "Remote explosive/landmine/IED": 8,
    "Excessive force against protesters": 8,
    "Protest with intervention": 8,
    "Violent demonstration": 8,
    "Mob violence": 8,
    "Government regains territory": 7,
    "Non-state actor overtakes territory": 7,
    "Headquarters or base established": 7,
    "Disrupted weapons use": 7,
    "Non-violent transfer of territory": 6,
    "Peaceful protest": 6,
    "Arrests": 6,
    "Agreement": 6,
    "Change to group/activity": 5,
    "Looting/property destruction": 5,
    "Armed clash": 4,
    "Attack": 4,
    "Other": 1,
}
# generic violence that the sentence's weapon words may make more specific
_REFINABLE = {"violence", "Armed clash", "Attack", "Remote explosive/landmine/IED"}
_EXPLOSIVE_OK = {
    "Suicide bomb",
    "Grenade",
    "Chemical weapon",
    "Shelling/artillery/missile attack",
    "Air/drone strike",
}


def acled_type_of(subtype: str | None) -> str | None:
    return ACLED_TYPE.get(subtype) if subtype else None


@dataclass(frozen=True, slots=True)
class _CueList:
    acled: str
    mode: str | None
    cues: tuple[str, ...]


@functools.cache
def _cue_lists() -> dict[str, tuple[_CueList, ...]]:
    data = load_event_data("acled_cues.json")
    out: dict[str, tuple[_CueList, ...]] = {}
    for key in ("instrument", "protest"):
        out[key] = tuple(
            _CueList(e["acled"], e.get("mode"), tuple(f" {c.lower()} " for c in e["cues"])) for e in data[key]
        )
    return out


@functools.cache
def _lexicon(name: str) -> frozenset[str]:
    data = load_event_data("lexicons.json")
    if name in data.get("object_classes", {}):
        return frozenset(data["object_classes"][name])
    return frozenset(data[name])


class SentenceCues:
    """The lemmas and words of one sentence, padded for whole-word cue search (built once)."""

    __slots__ = ("lemmas", "text")

    def __init__(self, sent: SpacySpan) -> None:
        self.lemmas = " " + " ".join(t.lemma_.lower() for t in sent) + " "
        self.text = " " + " ".join(t.lower_ for t in sent) + " "

    def first(self, key: str) -> _CueList | None:
        for entry in _cue_lists()[key]:
            if any(c in self.lemmas or c in self.text for c in entry.cues):
                return entry
        return None

    def has_any(self, words: frozenset[str]) -> bool:
        return any(f" {w} " in self.lemmas for w in words)


def _token_class(tok: Token | None, name: str) -> bool:
    if tok is None:
        return False
    vocab = _lexicon(name)
    words = {tok.lemma_.lower(), tok.lower_}
    words.update(c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod"))
    return bool(words & vocab)


def _victims(trigger: Token) -> list[Token]:
    """Who was killed or hurt in the trigger's sentence (passive subjects and objects of harm verbs)."""
    out = []
    for tok in trigger.sent:
        if tok.lemma_.lower() in ("kill", "injure", "wound", "hurt", "die", "shoot", "massacre", "murder"):
            for child in tok.children:
                if child.dep_ in ("nsubjpass", "dobj") or (
                    child.dep_ == "nsubj" and tok.lemma_.lower() == "die"
                ):
                    out.append(child)
    return out


def _violence_kind(actor: Actor | None, target: Token | None, trigger: Token, cues: SentenceCues) -> str:
    """Armed clash when both sides are armed, Attack when the victims are civilians."""
    for tok in [target, *_victims(trigger)]:
        if tok is None:
            continue
        if _token_class(tok, "armed") or (tok.ent_type_ in ("ORG", "NORP") and tok.dep_ != "nsubjpass"):
            return "Armed clash"
        if _token_class(tok, "civilian") or tok.ent_type_ == "PERSON":
            return "Attack"
    if (
        actor is not None
        and actor.sector in ("MIL", "COP", "REB", "INS")
        and actor.text.lower().split()[-1:] != ["gunmen"]
    ):
        return "Armed clash"
    return "Attack"


def resolve_subtype(
    base: str | None,
    mode: str | None,
    trigger: Token,
    actor: Actor | None,
    target: Token | None,
    cues: SentenceCues,
    target_protesters: bool = False,
) -> tuple[str | None, str | None]:
    """(ACLED sub-event type, PLOVER mode) for an event, refined by its sentence."""
    if base is None:
        return None, mode
    if base == "territory":
        gov = is_government(actor)
        return (
            "Non-state actor overtakes territory" if gov is False else "Government regains territory"
        ), mode
    if base in _REFINABLE:
        in_protest = cues.has_any(_lexicon("protest_context"))
        if base == "violence" and (
            target_protesters or (in_protest and actor is not None and actor.sector in ("COP", "MIL"))
        ):
            return _protest_kind(cues, default="Excessive force against protesters")
        inst = cues.first("instrument")
        if inst is not None and (base != "Remote explosive/landmine/IED" or inst.acled in _EXPLOSIVE_OK):
            if base != "Armed clash" or inst.acled in (
                "Air/drone strike",
                "Shelling/artillery/missile attack",
                "Suicide bomb",
                "Chemical weapon",
            ):
                return inst.acled, inst.mode
        if base == "violence":
            return _violence_kind(actor, target, trigger, cues), mode
        return base, mode
    if base == "protest":
        return _protest_kind(cues, default="Peaceful protest")
    return base, mode


def _protest_kind(cues: SentenceCues, default: str) -> tuple[str, str | None]:
    found = cues.first("protest")
    if found is None:
        return default, "demo"
    if found.acled == "Excessive force against protesters" and default == "Peaceful protest":
        return found.acled, "demo"
    return found.acled, found.mode
