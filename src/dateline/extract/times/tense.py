"""Past or future: the tense of the clause that governs a time expression.

"reclaimed the city on Saturday" is the Saturday before publication; "will meet on
Friday" the Friday after. The governing verb is found by walking up the dependency tree
from the expression; its morphology and auxiliaries ("will", "is expected to", "plans
to") decide. Unknown stays ``None`` and the caller picks the news default (the past).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.extract.times.lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_VERBAL = {"VERB", "AUX"}


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` (the token itself when it is one), within 6 hops."""
    current = token
    for _ in range(6):
        if current.pos_ in _VERBAL or current.tag_ in ("VBD", "VBN", "VBZ", "VBP", "VBG", "VB", "MD"):
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def _is_past(verb: Token) -> bool:
    """Past tense, on the word or its auxiliaries; a predicative adjective ("had been due")
    takes the tense of its copula."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass", "cop")]
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return True
    if verb.dep_ in ("acomp", "attr", "oprd") and verb.head is not verb:
        return _is_past(verb.head)
    return False


def verb_direction(verb: Token, depth: int = 0) -> str | None:
    """'future', 'past', 'present' or None from one verb's auxiliaries and morphology."""
    lex = lexicon()
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in lex.future_aux or a.lemma_ in ("will", "shall") for a in auxes):
        if verb.tag_ == "VBN" and any(a.lower_ == "have" for a in auxes):
            return "past"  # a modal perfect looks back: "may have been", "would have done"
        return "future"
    infinitive = any(a.lower_ == "to" for a in auxes)
    head = verb.head
    if (infinitive or verb.dep_ == "xcomp") and head is not verb and depth < 3:
        # "plans to meet", "is expected to sign", "is to resume": ahead of the head's time
        if head.lemma_.lower() in lex.future_heads or head.lemma_ == "be":
            return None if _is_past(head) else "future"
        return verb_direction(head, depth + 1)
    if _is_past(verb):
        return "past"
    if any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "past"  # present perfect: "have claimed"
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"  # "is meeting on Friday"
    if verb.tag_ == "VBN":
        if verb.lemma_.lower() in lex.future_heads and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "future"  # "is scheduled", "is expected"
        return "past" if verb.dep_ in ("acl", "amod") or not auxes else None
    if verb.tag_ in ("VBZ", "VBP", "JJ") and verb.lemma_.lower() in lex.future_heads:
        return "future"
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in lex.reporting_verbs:
        return "present"
    return None


_TARGET_PREPS = {"for", "until", "till", "to"}


def direction_at(doc: Doc, start: int, end: int) -> str | None:
    """The tense direction for the expression at characters ``[start, end)`` of ``doc``.

    Besides the governing verb's tense and modality (``verb_direction``), two words near
    the expression point ahead whatever the tense: a planning adjective on the noun the
    date belongs to ("the planned vote on Friday", "Friday's scheduled talks") unless the
    clause is plainly past, and a target of putting off or fixing ("adjourned until
    Monday", "has been set for April")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    root = span.root
    if root.dep_ in ("compound", "nmod", "amod") and root.head.pos_ in ("NOUN", "PROPN"):
        return None  # "a June agreement": the clause's tense is not the noun's time
    verb = governing_verb(root.head if root.head is not root else root)
    if verb is None:
        return None
    if _deferred_to(root, verb):
        return "future"
    direction = verb_direction(verb)
    if direction != "future" and _planned_noun(root, verb) and not _simple_past(verb):
        return "future"
    if direction == "present" and not _on_verb(root, verb):
        return None  # a present verb far up the tree says nothing of a date on a noun
    return direction


def _deferred_to(token: Token, verb: Token) -> bool:
    """ "adjourned until Monday", "has been scheduled for Wednesday": the expression is the
    target ("for", "until", "to") of a verb of putting off or fixing a time."""
    head = token.head
    if head.dep_ != "prep" or head.lower_ not in _TARGET_PREPS or head.head.i != verb.i:
        return False
    if verb.lemma_.lower() not in lexicon().deferral_verbs:
        return False
    # "was scheduled for Friday" and "had set for April" tell a past plan; "postponed
    # until" always points past the postponing
    deferral = verb.lemma_.lower() in (
        "postpone",
        "delay",
        "defer",
        "adjourn",
        "reschedule",
        "suspend",
        "extend",
    )
    return deferral or not _is_past(verb)


def _planned_noun(token: Token, verb: Token) -> bool:
    """Whether a noun between the expression and its verb is planned: "the planned vote on
    Friday", "Friday's scheduled vote", "the upcoming election in May"."""
    lex = lexicon()
    current = token
    for _ in range(4):
        head = current.head
        if head.i == current.i or head.i == verb.i:
            return False
        if head.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "amod" and c.lower_ in lex.future_modifiers for c in head.children
        ):
            return True
        current = head
    return False


def _simple_past(verb: Token) -> bool:
    """A plain past tense ("was cancelled", "met"), not a present perfect."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes)


def _on_verb(token: Token, verb: Token) -> bool:
    """Whether the expression hangs on the verb itself ("resume Monday", "meet on Monday")."""
    head = token.head  # spaCy makes a new Token object per access: compare positions
    return head.i == verb.i or (head.dep_ == "prep" and head.head.i == verb.i)
