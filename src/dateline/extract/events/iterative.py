"""Repeated acts told as one: "the town has been shelled almost daily", "rebels have fought for
15 years", "has been hit by several strikes this year".

ACLED and PLOVER code single occurrences, each with its own date and place. A verb in the
present perfect (the aspect English uses for a span reaching up to now) together with a
frequency adverb, a duration ("for 15 years"), an open past ("in the past", "in recent
years") or a plural series of acts as its doer or object ("several strikes", "waves of
raids") sums up many acts and names none of them; the event words inside that summary are
not events either. A present perfect alone ("the army has recaptured the town") is still one
act, and a past tense with the same words ("jets struck twice on Monday") is left alone.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.extract.events.candidates import PERSON_TRIGGERS
from dateline.extract.events.patterns import match_token
from dateline.tokens import head_steps

__all__ = ["in_iterative", "iterative"]

# adverbs of frequency and repetition (Quirk et al. 8.64, "frequency adjuncts")
_FREQUENCY = frozenset(
    {
        "daily",
        "weekly",
        "monthly",
        "nightly",
        "yearly",
        "annually",
        "repeatedly",
        "regularly",
        "frequently",
        "often",
        "routinely",
        "constantly",
        "continually",
        "continuously",
        "periodically",
        "sporadically",
        "intermittently",
        "persistently",
        "habitually",
    }
)
# units of a span long enough to hold many acts ("for 15 years", "in recent months")
_DURATION = frozenset({"week", "month", "year", "decade", "century", "generation"})
# what counts acts in a series: "several strikes", "waves of raids"
_QUANTIFIERS = frozenset(
    {"several", "many", "numerous", "repeated", "multiple", "countless", "frequent", "regular"}
)
_SERIES = frozenset({"wave", "cycle", "series", "spate", "string", "round", "succession", "campaign"})
_PERFECT_TAGS = frozenset({"VBZ", "VBP"})
# the links from an event noun up to the verb whose doer, object or adjunct it is
_UP = frozenset({"pobj", "prep", "agent", "dobj", "conj", "compound", "nsubjpass", "pcomp"})


def _perfect(verb: Token) -> bool:
    """Present perfect: "has"/"have" as the verb's auxiliary (a conjunct shares its head's)."""
    for v in _chain(verb):
        if any(c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in _PERFECT_TAGS for c in v.children):
            return True
    return False


def _chain(verb: Token) -> list[Token]:
    """The verb and the verbs it is coordinated with ("shelled and bombed almost daily")."""
    out = [verb]
    head = verb
    while head.dep_ == "conj" and head.head.i != head.i and head.head.pos_ in ("VERB", "AUX"):
        head = head.head
        out.append(head)
    out.extend(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")
    return out


def _series(noun: Token) -> bool:
    """A plural count of acts: "several strikes", "waves of raids" (not "several soldiers")."""
    if noun.lemma_.lower() in _SERIES:
        return any(
            c.dep_ == "prep" and c.lower_ == "of" and any(_act(o) for o in c.children if o.dep_ == "pobj")
            for c in noun.children
        )
    return (
        noun.tag_ == "NNS"
        and _act(noun)
        and any(c.dep_ in ("amod", "det") and c.lower_ in _QUANTIFIERS for c in noun.children)
    )


def _act(noun: Token) -> bool:
    """A noun that names an act ("strikes"), not its participants ("fighters")."""
    return match_token(noun) is not None and noun.lemma_.lower() not in PERSON_TRIGGERS


def _span_cue(prep: Token) -> bool:
    """ "for 15 years", "for decades", "in the past", "in recent years", "over the years"."""
    word = prep.lower_
    for obj in (c for c in prep.children if c.dep_ == "pobj"):
        lemma = obj.lemma_.lower()
        if word == "for" and lemma in _DURATION:
            return True
        if word in ("in", "over", "during") and (
            lemma == "past" or (lemma in _DURATION and obj.tag_ == "NNS")
        ):
            return True
    return False


def iterative(verb: Token, statement: bool = False) -> bool:
    """``verb`` sums up repeated acts: a present perfect with a frequency, a span or a series.

    A ``statement`` (a denial, an accusation) told with a frequency adverb is a standing
    position the article reports again ("a charge Kigali has repeatedly denied": it denies
    it), so only an open past or a span sums statements up ("have in the past accused")."""
    if verb.pos_ not in ("VERB", "AUX") or not _perfect(verb):
        return False
    for v in _chain(verb):
        for c in v.children:
            if c.dep_ == "advmod" and c.lemma_.lower() in _FREQUENCY and not statement:
                return True
            if c.dep_ == "prep" and _span_cue(c):
                return True
            if c.dep_ == "agent" and any(_series(o) for o in c.children if o.dep_ == "pobj"):
                return True
            if c.dep_ == "dobj" and _series(c):
                return True
    return False


def in_iterative(tok: Token) -> bool:
    """An event word inside such a summary: "hit by several strikes", "waves of raids",
    "have in the past accused farmers of stealing and killing cattle"."""
    for cur, head in head_steps(tok):  # a short path up: a noun phrase, a preposition or two
        if cur.dep_ not in _UP:
            return False
        if head.pos_ in ("VERB", "AUX"):
            if iterative(head):
                return True
            if head.dep_ not in ("pcomp", "conj"):  # a finite clause of its own: its own act
                return False
    return False
