"""No conflict event without a conflict: what ACLED would not code gets no ACLED type.

ACLED codes political violence and protest. An accidental shooting, a suicide, or a
crime with no political or organised participant is still something that happened (a
PLOVER ASSAULT, with context ``crime`` where it is one) but not an ACLED event. And a
violence word among sports, market or election words with no conflict word near it is a
figure of speech ("beat the Celtics 110-102", "captured 40 seats"): no event at all.

The word lists are ``conflict_gate`` in ``resources/events/lexicons.json``; the cues are
searched as whole lemmas (or lemma sequences) in the event's sentence, participants by
their sector and words.
"""

from __future__ import annotations

import functools
import re

from dateline.records import Actor
from dateline.resolve.actors import GOVERNMENT_SECTORS, NONSTATE_SECTORS, load_event_data

__all__ = ["figure_of_speech", "is_firearm", "non_political"]

# sectors that make a participant political or organised
_ORGANISED_SECTORS = GOVERNMENT_SECTORS | NONSTATE_SECTORS | {"PTY", "IGO"}
_SCORE = re.compile(r"(?<![\d-])\d{1,3}\s?-\s?\d{1,3}(?![\d-])")


@functools.cache
def _words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in load_event_data("lexicons.json")["conflict_gate"][name])


@functools.cache
def _pattern(name: str) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(_words(name), key=len, reverse=True))
    return re.compile(f" (?:{alts}) ")


@functools.lru_cache(maxsize=4096)  # a sentence's candidates ask about the same strings
def _has(name: str, padded: str) -> bool:
    return _pattern(name).search(padded) is not None


def is_firearm(lemma: str) -> bool:
    """A weapon that is fired, not exploded ("the handgun went off")."""
    return lemma.lower() in _words("firearms")


def _organised(actor: Actor | None) -> bool:
    if actor is None:
        return False
    if actor.name or actor.sector in _ORGANISED_SECTORS:
        return True
    padded = " " + " ".join(re.findall(r"[\w-]+", actor.text.lower())) + " "
    return _has("organised", padded) or _has("organised", padded.replace("s ", " "))


def non_political(lemmas: str, text: str, actor: Actor | None, target: Actor | None) -> str | None:
    """``accident``, ``suicide`` or ``crime`` when ACLED would not code the violent event, else None.

    ``lemmas`` and ``text`` are the sentence's lemmas and words, space-padded. Only
    events whose participants are no state organ, armed or political group or crowd
    qualify (an army's accidental strike is still coded); among them an accident or a
    suicide is never political, and a crime is one when the sentence reads as crime
    reporting.
    """
    if _organised(actor) or _organised(target):
        return None  # an armed or state actor's mistake is still theirs ("jets accidentally hit")
    if _has("accident", lemmas) or _has("accident", text):
        return "accident"
    if _has("suicide", lemmas) or _has("suicide", text):
        return "suicide"
    if _has("crime", lemmas) or _has("crime", text):
        return "crime"
    return None


@functools.lru_cache(maxsize=1024)  # a sentence's candidates ask about the same strings
def figure_of_speech(lemmas: str, text: str) -> bool:
    """Sports, markets or elections (two of their words, or a score), and nothing of a conflict:
    the violence word is a metaphor."""
    found = {m.group(0) for m in _pattern("domains").finditer(lemmas.replace(" ", "  "))}
    domain = len(found) >= 2 or _SCORE.search(text) is not None
    return domain and not (_has("conflict", lemmas) or _has("conflict", text))
