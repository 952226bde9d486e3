"""ACLED event and sub-event types: from the trigger's class, its sentence and its actors.

Trigger data gives a sub-type or a class to decide: ``territory`` (who gained ground),
``violence`` (armed target -> Armed clash, civilian -> Attack) and ``protest`` (what happened
at it). Generic violence is refined by the weapon its sentence names ("killed ... in a
suicide bombing" -> Suicide bomb), with cue lists from ``acled_cues.json``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.records import Actor
from dateline.resolve.actors import ARMED_ACTOR_TYPES, acled_actor_type, is_government, load_event_data
from dateline.tokens import TokenTable, tokens_of

__all__ = ["ACLED_TYPE", "SUBTYPE_RANK", "SentenceCues", "acled_type_of", "is_aircraft", "resolve_subtype"]

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
    "Government regains territory": 8.5,
    "Non-state actor overtakes territory": 8.5,
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
_UNNAMED_ATTACKERS = frozenset(
    {"gunmen", "gunman", "attackers", "attacker", "assailants", "assailant", "men"}
)
_WITHDRAWAL = (
    " withdraw ",
    " withdrawal ",
    " pull out ",
    " pullout ",
    " hand over ",
    " evacuate ",
    " evacuation ",
)
_NO_FIGHT = (
    " without resistance ",
    " without fight ",
    " without a fight ",
    " without fighting ",
    " unopposed ",
)
_FIGHT = (
    " fight ",
    " fighting ",
    " clash ",
    " battle ",
    " attack ",
    " bombardment ",
    " shelling ",
    " airstrike ",
    " offensive ",
    " assault ",
    " bombing ",
)
_PROTEST_FAMILY = {
    "violence",
    "Armed clash",
    "protest",
    "Protest with intervention",
    "Looting/property destruction",
    "Arrests",
    "Excessive force against protesters",
    "Violent demonstration",
}
# violent acts a crowd itself may commit
_CROWD_ACTS = frozenset({"violence", "Armed clash", "Attack", "Looting/property destruction"})
_PROTEST_DEFAULT = {
    "violence": "Excessive force against protesters",
    "Excessive force against protesters": "Excessive force against protesters",
    "Arrests": "Protest with intervention",
    "Protest with intervention": "Protest with intervention",
    "Armed clash": "Violent demonstration",
    "Looting/property destruction": "Violent demonstration",
    "Violent demonstration": "Violent demonstration",
}
_EXPLOSIVE_OK = {
    "Suicide bomb",
    "Grenade",
    "Chemical weapon",
    "Shelling/artillery/missile attack",
    "Air/drone strike",
}
_ANY = frozenset(ACLED_TYPE)
# which weapon words may make a sub-type more specific (a chemical shell is a chemical attack)
_REFINES = {
    "Remote explosive/landmine/IED": frozenset(_EXPLOSIVE_OK),
    "Armed clash": frozenset({"Suicide bomb", "Chemical weapon"}),
    "Shelling/artillery/missile attack": frozenset({"Chemical weapon", "Air/drone strike"}),
    "Air/drone strike": frozenset({"Chemical weapon"}),
}
_REFINABLE = {
    "Shelling/artillery/missile attack",
    "Air/drone strike",
    "violence",
    "Armed clash",
    "Attack",
    "Remote explosive/landmine/IED",
}


def acled_type_of(subtype: str | None) -> str | None:
    return ACLED_TYPE.get(subtype) if subtype else None


@functools.lru_cache(maxsize=64)
def _alternation(words: tuple[str, ...] | list[str]) -> re.Pattern[str] | None:
    """One compiled search for whole-word cues in a space-padded lemma string."""
    if not words:
        return None
    alts = "|".join(re.escape(w.lower()) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(f" (?:{alts}) ")


@dataclass(frozen=True, slots=True)
class _CueList:
    acled: str
    mode: str | None
    cues: tuple[str, ...]
    agent_cues: tuple[str, ...] = ()
    main_clause_only: bool = False
    pattern: re.Pattern[str] | None = None
    agent_pattern: re.Pattern[str] | None = None


@functools.cache
def _cue_lists() -> dict[str, tuple[_CueList, ...]]:
    data = load_event_data("acled_cues.json")
    out: dict[str, tuple[_CueList, ...]] = {}
    for key in ("instrument", "protest"):
        out[key] = tuple(
            _CueList(
                e["acled"],
                e.get("mode"),
                tuple(f" {c.lower()} " for c in e["cues"]),
                tuple(f" {c.lower()} " for c in e.get("agent_cues", [])),
                bool(e.get("main_clause_only", False)),
                _alternation(tuple(e["cues"])),
                _alternation(tuple(e.get("agent_cues", []))),
            )
            for e in data[key]
        )
    return out


@functools.cache
def _lexicon(name: str) -> frozenset[str]:
    data = load_event_data("lexicons.json")
    if name in data.get("object_classes", {}):
        return frozenset(data["object_classes"][name])
    return frozenset(data[name])


_ATTACK_VERBS = frozenset(
    {
        "attack",
        "strike",
        "bomb",
        "hit",
        "target",
        "pound",
        "raid",
        "fire",
        "launch",
        "carry",
        "conduct",
        "drop",
        "kill",
        "shell",
        "destroy",
        "shoot",
        "fly",
        "bombard",
        "wound",
        "injure",
        "down",
    }
)


def _in_modifier_clause(t: TokenTable, i: int) -> bool:
    """True inside a relative or participial clause ("students killed in an accident")."""
    dep, head = t.dep, t.head
    cur = i
    for _ in range(6):
        if dep[cur] in ("relcl", "acl"):
            return True
        if dep[cur] == "pobj" and t.lemma[head[head[cur]]] in (
            "death",
            "killing",
            "memory",
            "anniversary",
        ):
            return True
        if head[cur] == cur:
            return False
        cur = head[cur]
    return False


def _agent_position(t: TokenTable, i: int) -> bool:
    """A weapon-bearer named as the doer of an attack ("jets struck", "raids by drones")."""
    dep, head = t.dep, t.head
    cur = i
    while dep[cur] in ("compound", "amod", "conj") and head[cur] != cur:
        cur = head[cur]
    up = head[cur]
    if dep[cur] == "nsubj" and t.lemma[up] in _ATTACK_VERBS:
        return True
    if dep[cur] == "pobj" and t.lower[up] in ("by", "from") and t.pos[head[up]] in ("NOUN", "VERB"):
        return True
    return dep[cur] in ("compound", "amod", "nmod") and t.lemma[up] in (
        "strike",
        "attack",
        "raid",
    )


_RIOT_GEAR = (
    " riot police ",
    " riot policeman ",
    " riot gear ",
    " riot control ",
    " anti - riot ",
    " riot squad ",
)


class SentenceCues:
    """The lemmas and words of one sentence, padded for whole-word cue search (built on first use)."""

    __slots__ = ("_agents", "_found", "_lemmas", "_main", "_text", "sent", "skip")

    def __init__(self, sent: SpacySpan, skip: frozenset[int] = frozenset()) -> None:
        self.sent = sent
        # tokens of background clauses that are not the event's own ("the scene of a chemical
        # attack"): their weapons and participants do not colour the event
        self.skip = skip
        self._lemmas: str | None = None
        self._text: str | None = None
        self._main: str | None = None
        self._agents: str | None = None
        # the answers of first() and has_any(): the sentence's candidates ask the same
        self._found: dict[object, object] = {}

    def _words(self) -> range | list[int]:
        """The indices of the sentence's tokens, less those of ``skip``."""
        words = range(self.sent.start, self.sent.end)
        return [i for i in words if i not in self.skip] if self.skip else words

    @property
    def lemmas(self) -> str:
        if self._lemmas is None:
            # dates are not cues ("March 2018" is no march)
            t = tokens_of(self.sent.doc)  # the token table: list reads, no Token wrappers
            lemma, ent = t.lemma, t.ent_type
            words = (lemma[i] for i in self._words() if ent[i] not in ("DATE", "TIME"))
            lemmas = " " + " ".join(words) + " "
            for gear in _RIOT_GEAR:  # "riot police" are no riot
                lemmas = lemmas.replace(gear, " police ")
            self._lemmas = lemmas
        return self._lemmas

    @property
    def text(self) -> str:
        if self._text is None:
            lower = tokens_of(self.sent.doc).lower
            text = " " + " ".join(lower[i] for i in self._words()) + " "
            for gear in _RIOT_GEAR:
                text = text.replace(gear, " police ")
            self._text = text
        return self._text

    @property
    def main(self) -> str:
        if self._main is None:
            t = tokens_of(self.sent.doc)
            self._main = (
                " " + " ".join(t.lemma[i] for i in self._words() if not _in_modifier_clause(t, i)) + " "
            )
        return self._main

    @property
    def agents(self) -> str:
        if self._agents is None:
            t = tokens_of(self.sent.doc)
            self._agents = " " + " ".join(t.lemma[i] for i in self._words() if _agent_position(t, i)) + " "
        return self._agents

    def first(self, key: str) -> _CueList | None:
        if key not in self._found:
            self._found[key] = self._first(key)
        return self._found[key]  # type: ignore[return-value]

    def _first(self, key: str) -> _CueList | None:
        for entry in _cue_lists()[key]:
            where = (self.main,) if entry.main_clause_only else (self.lemmas, self.text)
            if entry.pattern is not None and any(entry.pattern.search(w) for w in where):
                return entry
            if entry.agent_pattern is not None and entry.agent_pattern.search(self.agents):
                return entry
        return None

    def has_any(self, words: frozenset[str]) -> bool:
        if words not in self._found:
            pattern = _alternation(tuple(sorted(words)))
            self._found[words] = pattern is not None and pattern.search(self.lemmas) is not None
        return self._found[words]  # type: ignore[return-value]


def is_aircraft(tok: Token) -> bool:
    """Jets, drones, helicopters: the doers of an air strike (its cue list's agent words)."""
    air = next((e for e in _cue_lists()["instrument"] if e.acled == "Air/drone strike"), None)
    words = {f" {tok.lemma_.lower()} ", f" {tok.lower_} "}
    return air is not None and any(w in air.agent_cues for w in words)


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
    for tok in tokens_of(trigger.doc).sent_of(trigger.i):  # ``Token.sent`` walks the sentence anew
        if tok.lemma_.lower() in ("kill", "injure", "wound", "hurt", "die", "shoot", "massacre", "murder"):
            for child in tok.children:
                if child.dep_ in ("nsubjpass", "dobj") or (
                    child.dep_ == "nsubj" and tok.lemma_.lower() == "die"
                ):
                    out.append(child)
                    # "scores of security forces", "at least 12 people"
                    for grand in child.children:
                        if grand.dep_ == "prep" and grand.lower_ == "of":
                            out.extend(g for g in grand.children if g.dep_ == "pobj")
    return out


def _violence_kind(
    actor: Actor | None,
    target: Token | None,
    trigger: Token,
    cues: SentenceCues,
    target_actor: Actor | None = None,
    where: str | None = None,
) -> str:
    """Who did it to whom, as ACLED types it (``acled_actor_type``).

    Rioters' violence is mob violence, protesters' a violent demonstration; an armed side
    on an armed side (state forces, rebels, militias, external forces) an armed clash; an
    armed side on civilians an attack. Where the participants' words do not say, the
    victims named in the sentence and the doer's sector decide.
    """
    doer = acled_actor_type(actor, where) if trigger.lemma_.lower() not in _SUFFERED else None
    if doer in ("Rioters", "Protesters"):
        return "Mob violence" if _mob(actor) else "Violent demonstration"
    victim = acled_actor_type(target_actor, where)
    if doer in ARMED_ACTOR_TYPES and victim in ARMED_ACTOR_TYPES:
        return "Armed clash"
    if doer in ARMED_ACTOR_TYPES and victim in ("Civilians", "Protesters"):
        return "Attack"
    for tok in [target, *_victims(trigger)]:
        if tok is None:
            continue
        if _token_class(tok, "armed") or (tok.ent_type_ in ("ORG", "NORP") and tok.dep_ != "nsubjpass"):
            return "Armed clash"
        if _token_class(tok, "civilian") or tok.ent_type_ == "PERSON":
            return "Attack"
    if actor is not None and actor.sector in ("MIL", "COP", "REB", "INS"):
        last = actor.text.lower().split()[-1:]
        if last and last[0] in _UNNAMED_ATTACKERS and actor.name is None:
            return "Attack"  # unidentified gunmen: ACLED codes violence against civilians
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
    target_actor: Actor | None = None,
    where: str | None = None,
    forces_on_crowd: bool = False,
) -> tuple[str | None, str | None]:
    """(ACLED sub-event type, PLOVER mode) for an event, refined by its sentence.

    ``forces_on_crowd``: state forces act on the demonstrators themselves, so a protest with
    no sharper cue is one with intervention rather than a peaceful one.
    """
    if base is None:
        return None, mode
    if base == "territory":
        if any(w in cues.lemmas for w in _NO_FIGHT) or (
            any(w in cues.lemmas for w in _WITHDRAWAL) and not any(w in cues.lemmas for w in _FIGHT)
        ):
            return "Non-violent transfer of territory", mode
        gov = is_government(actor)
        kind = "Non-state actor overtakes territory" if gov is False else "Government regains territory"
        return kind, mode
    doer = acled_actor_type(actor, where) if trigger.lemma_.lower() not in _SUFFERED else None
    if base in _CROWD_ACTS and (doer in ("Protesters", "Rioters") or _mob(actor)):
        # the crowd is the one acting: its violence is a riot, not force used against it; a
        # mob's or vigilantes' (the "Mob violence" cue words) is mob violence
        return ("Mob violence" if _mob(actor) else "Violent demonstration"), "riot"
    peaceful = "Protest with intervention" if forces_on_crowd else "Peaceful protest"
    if base in _PROTEST_FAMILY and (target_protesters or cues.has_any(_lexicon("protest_context"))):
        # one scene, one kind: every protest-related event of the sentence gets the same verdict
        return _protest_kind(cues, default=_PROTEST_DEFAULT.get(base, peaceful))
    if base == "protest":
        return _protest_kind(cues, default=peaceful)
    if base in _REFINABLE:
        inst = cues.first("instrument")
        if inst is not None and inst.acled in _REFINES.get(base, _ANY):
            return inst.acled, inst.mode
        if base == "violence":
            return _violence_kind(actor, target, trigger, cues, target_actor, where), mode
        return base, mode
    return base, mode


_SUFFERED = frozenset({"die", "perish", "injure", "wound", "hurt"})  # their subject is the victim


def _mob(actor: Actor | None) -> bool:
    if actor is None:
        return False
    words = re.findall(r"[\w-]+", actor.text.lower())
    padded = " " + " ".join(words) + " "
    singular = " " + " ".join(w[:-1] if w.endswith("s") else w for w in words) + " "  # the cues are lemmas
    mob = next((e for e in _cue_lists()["protest"] if e.acled == "Mob violence"), None)
    return (
        mob is not None and mob.pattern is not None and any(mob.pattern.search(p) for p in (padded, singular))
    )


def _protest_kind(cues: SentenceCues, default: str) -> tuple[str, str | None]:
    found = cues.first("protest")
    if found is None:
        return default, "demo"
    return found.acled, found.mode
