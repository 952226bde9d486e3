"""Trigger patterns as data: ``resources/events/triggers.json`` compiled once, matched per token.

A pattern is a head lemma plus the words it must govern (verbs: "take over", "open fire",
"drive from") or carry as modifiers (nouns: "air strike", "suicide bombing"). When several
patterns fit a token, the one with the most words wins ("general strike" over "strike").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Token

from dateline.resolve.actors import load_event_data
from dateline.tokens import TokenTable, tokens_of

__all__ = [
    "Pattern",
    "TriggerSpec",
    "match_token",
    "object_class",
    "object_tokens",
    "patterns_by_lemma",
    "token_classes",
]

_VERB_TAGS = ("VERB",)
_NOUN_TAGS = ("NOUN", "PROPN")
_SUBJECT_DEPS = ("nsubj", "csubj", "agent", "expl")
# nouns whose "of" phrase names what was affected ("the capture of the city")
_OF_DEPS = ("prep",)


@dataclass(frozen=True, slots=True)
class TriggerSpec:
    """One entry of triggers.json: what a matching word means."""

    id: str
    type: str
    mode: str | None
    acled: str | None
    rank: int
    acled_needs: str | None = None
    territory: bool = False
    territory_reverse: bool = False
    needs_obj: str | None = None
    needs_context: str | None = None
    cases: tuple[dict[str, Any], ...] = field(default_factory=tuple)


@dataclass(frozen=True, slots=True)
class Pattern:
    head: str
    extra: tuple[str, ...]
    pos: str  # "VERB" or "NOUN"
    head_first: bool
    spec: TriggerSpec
    order: int


def _spec(entry: dict[str, Any]) -> TriggerSpec:
    return TriggerSpec(
        id=entry["id"],
        type=entry["type"],
        mode=entry.get("mode"),
        acled=entry.get("acled"),
        rank=int(entry.get("rank", 1)),
        acled_needs=entry.get("acled_needs"),
        territory=bool(entry.get("territory", False)),
        territory_reverse=bool(entry.get("territory_reverse", False)),
        needs_obj=entry.get("needs_obj"),
        needs_context=entry.get("needs_context"),
        cases=tuple(entry.get("cases", [])),
    )


@functools.cache
def patterns_by_lemma() -> dict[str, tuple[Pattern, ...]]:
    """Head lemma -> its patterns, most specific first (compiled once per process)."""
    index: dict[str, list[Pattern]] = {}
    order = 0
    for entry in load_event_data("triggers.json")["triggers"]:
        spec = _spec(entry)
        for phrase in entry.get("verbs", []):
            words = phrase.lower().split()
            index.setdefault(words[0], []).append(
                Pattern(words[0], tuple(words[1:]), "VERB", True, spec, order)
            )
            order += 1
        for phrase in entry.get("nouns", []):
            words = phrase.lower().split()
            if "of" in words[1:]:
                pat = Pattern(words[0], tuple(w for w in words[1:] if w != "of"), "NOUN", True, spec, order)
            else:
                pat = Pattern(words[-1], tuple(words[:-1]), "NOUN", False, spec, order)
            index.setdefault(pat.head, []).append(pat)
            order += 1
    return {k: tuple(sorted(v, key=lambda p: (-len(p.extra), p.order))) for k, v in index.items()}


@functools.cache
def _classes() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in load_event_data("lexicons.json")["object_classes"].items()}


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()


def _verb_context(tok: Token) -> set[str]:
    """Words a verb pattern's extra words may match: its non-subject dependents, one level down.

    A quantity object is looked through ("a total of 56 observation points").
    """
    t = tokens_of(tok.doc)  # the token table: indices and list reads, no Token per word
    dep, lower, kids = t.dep, t.lower, t.children
    out: set[str] = set()
    for c in kids[tok.i]:
        if dep[c] in _SUBJECT_DEPS:
            continue
        out.update(_forms_at(t, c))
        if dep[c] in (
            "prep",
            "prt",
            "dobj",
            "nsubjpass",
            "advmod",
            "xcomp",
            "acomp",
            "dative",
            "attr",
            "oprd",
        ):
            for g in kids[c]:
                out.update(_forms_at(t, g))
                if dep[g] == "prep" and lower[g] == "of" and dep[c] in ("dobj", "nsubjpass"):
                    for p in kids[g]:
                        if dep[p] == "pobj":
                            out.update(_forms_at(t, p))
    return out


def _forms_at(t: TokenTable, i: int) -> tuple[str, ...]:
    """Lemma and plain forms of token ``i`` ("bases" may lemmatise to "basis")."""
    low = t.lower[i]
    return (t.lemma[i], low, low[:-1] if low.endswith("s") else low)


def _noun_context(tok: Token, before: bool) -> set[str]:
    t = tokens_of(tok.doc)  # the token table: ``tok.sent`` walks the sentence on every call
    out: set[str] = {
        t.lemma[c] for c in t.children[tok.i] if t.dep[c] in ("compound", "amod", "nmod", "npadvmod")
    }
    if before:
        out.update(t.lemma[max(t.sent_start(tok.i), tok.i - 4) : tok.i])
    else:
        out.update(t.lemma[tok.i + 1 : min(t.sent_end(tok.i), tok.i + 5)])
    return out


def object_tokens(tok: Token, strict: bool = False) -> list[Token]:
    """What a trigger acts on: direct object, passive subject, "of"/"on"/"against" objects.

    ``strict`` keeps only what the trigger itself takes ("took part in the town" takes
    "part", not "the town"), for patterns gated on their object.
    """
    doc, t = tok.doc, tokens_of(tok.doc)  # the token table: a Token only for what is kept
    dep, lower, kids = t.dep, t.lower, t.children
    objs: list[Token] = []
    for c in kids[tok.i]:
        if dep[c] in ("dobj", "nsubjpass", "attr", "oprd"):
            objs.append(doc[c])
            # "seized control of the highway": the "of" object is the thing taken
            for g in kids[c]:
                if dep[g] == "prep" and lower[g] in ("of", "over"):
                    objs.extend(doc[p] for p in kids[g] if dep[p] == "pobj")
        elif dep[c] == "prep" and lower[c] in (
            "of",
            "over",
            "on",
            "against",
            "from",
            "into",
            "at",
            "in",
        ):
            objs.extend(doc[p] for p in kids[c] if dep[p] == "pobj")
        elif t.pos[tok.i] in _NOUN_TAGS and dep[c] in ("compound", "poss") and c < tok.i:
            objs.append(doc[c])
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in _NOUN_TAGS:
        objs.append(tok.head)  # "weapons seized in the raid"
    return objs


def token_classes(tok: Token) -> frozenset[str]:
    """The object classes of a word (weapon, place, person...): asked once per token and doc."""
    memo = tokens_of(tok.doc).cache("token_classes")
    i = tok.i
    if i not in memo:
        memo[i] = frozenset(_token_classes(tok))
    return memo[i]


def _token_classes(tok: Token) -> set[str]:
    classes = _classes()
    t = tokens_of(tok.doc)
    words = {t.lemma[tok.i], t.lower[tok.i]}
    words.update(t.lemma[c] for c in t.children[tok.i] if t.dep[c] in ("compound", "amod"))
    found = {name for name, vocab in classes.items() if words & vocab}
    ent = tok.ent_type_
    if ent in ("GPE", "LOC", "FAC"):
        found.add("place")
    elif ent == "PERSON":
        found.add("person")
    if tok.pos_ == "PROPN" and not ent and tok.dep_ in ("dobj", "pobj") and tok.text[:1].isupper():
        found.add("place")  # an unknown proper name taken or entered is most often a place
    return found


def object_class(tok: Token, wanted: str, strict: bool = False) -> bool:
    """True when one of the trigger's objects (or their conjuncts) is of class ``wanted``
    (asked once per token, class and doc: the trigger passes ask again)."""
    memo = tokens_of(tok.doc).cache("object_class")
    key = (tok.i, wanted, strict)
    if key not in memo:
        memo[key] = _object_class(tok, wanted, strict)
    return memo[key]


def _object_class(tok: Token, wanted: str, strict: bool) -> bool:
    for obj in object_tokens(tok, strict):
        appos = [c for c in obj.children if c.dep_ == "appos"]
        for cand in (obj, *obj.conjuncts, *appos):
            if wanted in token_classes(cand):
                return True
            # "some of the monuments", "a number of towns": look through the quantifier
            for grand in cand.children:
                if grand.dep_ == "prep" and grand.lower_ == "of":
                    for pobj in grand.children:
                        if pobj.dep_ == "pobj" and wanted in token_classes(pobj):
                            return True
    return False


@functools.lru_cache(maxsize=65536)
def _by_surface(word: str) -> tuple[Pattern, ...] | None:
    """The lemmatiser slips on some inflections ("raped" -> "rap", "retook"): try the word's own stem."""
    index = patterns_by_lemma()
    for stem in (_irregular().get(word, ""), *_stems(word)):
        pats = index.get(stem)
        if pats:
            return pats
    return None


@functools.cache
def _irregular() -> dict[str, str]:
    return dict(load_event_data("lexicons.json").get("irregular_verbs", {}))


# English inflectional endings and what they replace: a past or participle ("-ed", "-ied"),
# a gerund ("-ing"), a plural or third person ("-s", "-es", "-ies"). A bare "-d" is no ending
# of its own: "raped" is "rap" + "ed" -> "rape" below, while "band", "shield" or "raid" end
# in a "d" that is the word's own (it read "band" as the trigger "ban").
_INFLECTIONS = (
    ("ied", "y"),
    ("ies", "y"),
    ("ed", ""),
    ("ed", "e"),
    ("es", ""),
    ("s", ""),
    ("ing", ""),
    ("ing", "e"),
)
# an "s" after these is the word's own ("press", "bus", "crisis"), not a plural
_OWN_S = ("ss", "us", "is")


def _stems(word: str) -> tuple[str, ...]:
    """The word and the stems its inflectional endings leave (at least three letters)."""
    out = [word]
    for suffix, repl in _INFLECTIONS:
        if not word.endswith(suffix) or len(word) - len(suffix) < 3:
            continue
        if suffix == "s" and word.endswith(_OWN_S):
            continue
        out.append(word[: -len(suffix)] + repl)
    return tuple(out)


def _in_context(tok: Token, name: str) -> bool:
    """True when the trigger's sentence has a word of lexicon list ``name`` ("died" in an attack)."""
    words = lexicon_words(name)
    t = tokens_of(tok.doc)
    lemmas = t.lemma
    return any(lemmas[i] in words for i in range(t.sent_start(tok.i), t.sent_end(tok.i)) if i != tok.i)


@functools.cache
def lexicon_words(name: str) -> frozenset[str]:
    """One word list of ``resources/events/lexicons.json``, as a set (loaded once)."""
    return frozenset(load_event_data("lexicons.json")[name])


def may_trigger(lemma_lower: str, lower: str) -> bool:
    """Whether a word with this lemma and form has any pattern (``match_token``'s first test)."""
    return bool(patterns_by_lemma().get(lemma_lower) or _by_surface(lower))


def match_token(tok: Token) -> Pattern | None:
    """The most specific pattern this token triggers, or None (asked once per token and doc:
    several passes ask about the same token)."""
    memo = tokens_of(tok.doc).cache("match_token")
    i = tok.i
    if i in memo:
        return memo[i]
    found = memo[i] = _match_token(tok)
    return found


#: the parts of speech a trigger can have (``candidates`` skips every other word early)
TRIGGER_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})


def _match_token(tok: Token) -> Pattern | None:
    t, i = tokens_of(tok.doc), tok.i  # the token table: list reads
    pos = t.pos[i]
    if pos not in TRIGGER_POS:
        return None
    pats = patterns_by_lemma().get(t.lemma[i]) or _by_surface(t.lower[i])
    if not pats:
        return None
    is_verb = pos in _VERB_TAGS or (pos == "ADJ" and t.tag[i] in ("VBN", "VBD"))
    is_noun = pos == "NOUN" or (pos == "PROPN" and tok.is_lower)
    if not (is_verb or is_noun):
        return None
    verb_ctx: set[str] | None = None
    for pat in pats:
        if (pat.pos == "VERB" and not is_verb) or (pat.pos == "NOUN" and not is_noun):
            continue
        if pat.extra:
            if pat.pos == "VERB":
                verb_ctx = verb_ctx if verb_ctx is not None else _verb_context(tok)
                ctx = verb_ctx
            else:
                ctx = _noun_context(tok, before=not pat.head_first)
            if not all(w in ctx for w in pat.extra):
                continue
        if pat.spec.needs_obj and not object_class(tok, pat.spec.needs_obj, strict=True):
            continue
        if pat.spec.needs_context and not _in_context(tok, pat.spec.needs_context):
            continue
        return pat
    return None
