"""The attribution lexicon (reporting verbs, message nouns), loaded once per process."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class CueLexicon:
    speech: frozenset[str]
    belief: frozenset[str]
    evidence: frozenset[str]
    intent: frozenset[str]
    speech_nouns: frozenset[str]
    chain_verbs: frozenset[str]
    light_verbs: frozenset[str]
    stance: frozenset[str]
    stance_prepositions: frozenset[str]
    voicing_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    stance_adjectives: frozenset[str]
    to_topic_verbs: frozenset[str]
    as_it_verbs: frozenset[str]
    message_nouns: frozenset[str]
    message_prepositions: frozenset[str]
    complementizers: frozenset[str]
    headline_verbs: frozenset[str] = frozenset()

    def is_cue_verb(self, lemma: str) -> bool:
        return (
            lemma in self.speech
            or lemma in self.belief
            or lemma in self.evidence
            or lemma in self.intent
            or lemma in self.stance
        )


@cache
def cue_lexicon() -> CueLexicon:
    """The lexicon shipped in ``dateline/resources/quotes/cues.json``."""
    path = resources.files("dateline.resources").joinpath("quotes/cues.json")
    data = json.loads(path.read_text(encoding="utf-8"))

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in data.get(key, []))

    return CueLexicon(
        speech=words("speech"),
        belief=words("belief"),
        evidence=words("evidence"),
        intent=words("intent"),
        speech_nouns=words("speech_nouns"),
        chain_verbs=words("chain_verbs"),
        light_verbs=words("light_verbs"),
        stance=words("stance"),
        stance_prepositions=words("stance_prepositions"),
        voicing_verbs=words("voicing_verbs"),
        addressee_verbs=words("addressee_verbs"),
        stance_adjectives=words("stance_adjectives"),
        to_topic_verbs=words("to_topic_verbs"),
        as_it_verbs=words("as_it_verbs"),
        message_nouns=words("message_nouns"),
        message_prepositions=words("message_prepositions"),
        complementizers=words("complementizers"),
        headline_verbs=words("headline_verbs"),
    )
