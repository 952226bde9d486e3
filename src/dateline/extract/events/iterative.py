"""Repeated acts told as one: "the town has been shelled almost daily", "rebels have fought for
15 years", "has been hit by several strikes this year", "smugglers regularly abduct migrants".

ACLED and PLOVER code single occurrences, each with its own date and place. A verb in the
present perfect (the aspect English uses for a span reaching up to now) together with a
frequency adverb, a duration ("for 15 years"), an open past ("in the past", "in recent
years") or a plural series of acts as its doer or object ("several strikes", "waves of
raids") sums up many acts and names none of them; the event words inside that summary are
not events either. A present perfect alone ("the army has recaptured the town") is still one
act, and a past tense with the same words ("jets struck twice on Monday") is left alone.

Two more forms say what usually happens rather than what happened (Quirk et al. 4.6-4.8, the
habitual and generic uses of the present): a dynamic verb in the simple present of a news
body with a frequency adverb ("smugglers regularly abduct migrants"), and a statement in the
present perfect by a generic plural of advocates or commentators (a bare plural, no
determiner, number or possessive: "rights groups have criticised the army's conduct"), a
kind of speaker's standing position that no one stated on a day. The title lines and the
lead sentence are left alone, where the present tells the news ("Gunmen kill 17 in
Nigeria"), and so is a clause that carries a date.
"""

from __future__ import annotations

from spacy.tokens import Token

from dateline.extract.events.attributes import is_speech_frame
from dateline.extract.events.candidates import PERSON_TRIGGERS
from dateline.extract.events.patterns import lexicon_words, match_token, token_classes
from dateline.tokens import head_steps, tokens_of

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
# the adjectives of the frequency adverbs: "near-daily strikes", "on-and-off talks"
_FREQUENT = frozenset(
    {
        "daily",
        "weekly",
        "monthly",
        "nightly",
        "yearly",
        "annual",
        "constant",
        "continual",
        "continuous",
        "periodic",
        "sporadic",
        "intermittent",
        "persistent",
        "occasional",
        "routine",
        "on-and-off",
        "off-and-on",
        "recurrent",
        "recurring",
    }
)
_SERIES = frozenset({"wave", "cycle", "series", "spate", "string", "round", "succession", "campaign"})
_PERFECT_TAGS = frozenset({"VBZ", "VBP"})
_PRESENT_TAGS = _PERFECT_TAGS
# the links from an event noun up to the verb whose doer, object or adjunct it is
_UP = frozenset({"pobj", "prep", "agent", "dobj", "conj", "compound", "nsubjpass", "nsubj", "pcomp"})
# what the noun of a relative clause must be for the clause to characterise an actor
_ACTOR_ENTS = frozenset({"ORG", "NORP", "PERSON"})
_ACTOR_CLASSES = frozenset({"group", "armed", "person"})
# dependents that open a clause of its own: a date inside one is that clause's
_CLAUSES = frozenset({"ccomp", "advcl", "relcl", "acl", "xcomp", "csubj", "parataxis"})


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
        and (
            any(c.dep_ in ("amod", "det") and c.lower_ in _QUANTIFIERS for c in noun.children)
            or _frequent(noun)
        )
    )


def _frequent(noun: Token) -> bool:
    """A frequency adjective before the noun: "near-daily strikes", "on-and-off talks"."""
    if noun.left_edge.i >= noun.i:
        return False
    words = noun.doc[noun.left_edge.i : noun.i]
    joined = "".join(t.lower_ for t in words)  # "on-and-off" is parsed as five tokens
    return any(t.lower_ in _FREQUENT for t in words) or any(f in joined for f in _FREQUENT if "-" in f)


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


def _generic_plural(noun: Token) -> bool:
    """A bare plural naming a kind ("rights groups", "smugglers"), not a counted or named set."""
    return (
        noun.tag_ == "NNS"
        and noun.ent_type_ == ""
        and not any(c.dep_ in ("det", "nummod", "poss", "quantmod") for c in noun.children)
    )


def _subject(verb: Token) -> Token | None:
    """The subject of ``verb`` or of the verb it is coordinated with ("gangs fight and kill")."""
    for v in _chain(verb):
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
    return None


def _news_lead(verb: Token) -> bool:
    """In the title lines or the sentence after them, where the present tells the news."""
    from dateline.extract.events.cluster import title_end  # cluster imports build, which imports us

    t = tokens_of(verb.doc)
    memo = t.cache("news_lead")  # once per doc: Doc.text and Doc.sents are rebuilt on every read
    if not memo:
        text = t.doc_text
        title = title_end(text)
        # the table's sentences are the doc's; a sentence's text is its slice of the doc's text
        lead = next(
            (s for s in t.sents if s.end_char > title and text[s.start_char : s.end_char].strip()), None
        )
        memo["title"], memo["lead_end"] = title, (lead.end if lead is not None else None)
    if verb.idx < memo["title"]:
        return True
    return memo["lead_end"] is not None and verb.i < memo["lead_end"]


def _dated(verb: Token) -> bool:
    """A date or time among the verb's own words, outside the clauses it governs."""
    return any(
        t.ent_type_ in ("DATE", "TIME") for c in verb.children if c.dep_ not in _CLAUSES for t in c.subtree
    )


def habitual(verb: Token) -> bool:
    """A dynamic verb in the simple present of a news body with a frequency adverb: what
    usually happens ("smugglers regularly abduct migrants").

    A generic plural doer alone ("militias fight over the mines") is not enough: news
    writes "police say", "police fire tear gas" of the one force at the scene, and a test
    with it dropped a real WikiEvents event on the dev half that was not looked at."""
    if verb.tag_ not in _PRESENT_TAGS or verb.pos_ != "VERB":
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children) or _news_lead(verb) or _dated(verb):
        return False
    return any(
        c.dep_ == "advmod" and c.lemma_.lower() in _FREQUENCY for v in _chain(verb) for c in v.children
    )


def _kind_position(verb: Token) -> bool:
    """A statement in the present perfect by a generic plural of advocates or commentators
    (``generic_speakers`` in lexicons.json), with no date: "rights groups have criticised the
    army's conduct" (a kind of speaker's standing position). "Police have urged people to
    stay away" is the local force that spoke, not a kind."""
    subj = _subject(verb)
    return (
        subj is not None
        and _generic_plural(subj)
        and subj.lemma_.lower() in lexicon_words("generic_speakers")
        and not _dated(verb)
        and not _news_lead(verb)
    )


def _record_of(verb: Token) -> bool:
    """A present perfect in a relative clause of an actor says what that actor has done up to
    now, a record that characterises it, with no act told on a day: "a militia that has
    fought the army for control of the mines", "the gang, which police say has been fighting
    a rival group". The clause may sit under a speech verb of the relative ("which he
    said has ..."). The actor is a named group or person, or a noun of the group, armed and
    person classes or the nonstate and government words; not a place or civilians ("the
    town, which rebels have taken": an act told about it) nor a content noun ("the fact
    that they have withdrawn"), and not a clause that carries a date."""
    rel = verb
    if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl" and is_speech_frame(verb.head):
        rel = verb.head
    if rel.dep_ != "relcl" or _dated(verb):
        return False
    noun = rel.head
    if noun.pos_ not in ("NOUN", "PROPN") or match_token(noun) is not None:
        return False
    lemma = noun.lemma_.lower()
    if token_classes(noun) & {"place", "civilian"}:
        return False  # "the residents, who have fled twice", "the town, which rebels have taken"
    return (
        noun.ent_type_ in _ACTOR_ENTS
        or bool(token_classes(noun) & _ACTOR_CLASSES)
        or lemma in lexicon_words("nonstate_words")
        or lemma in lexicon_words("government_words")
    )


def iterative(verb: Token, statement: bool = False) -> bool:
    """``verb`` sums up repeated acts: a present perfect with a frequency, a span or a series,
    or a habitual present (``habitual``).

    A ``statement`` (a denial, an accusation) told with a frequency adverb is a standing
    position the article reports again ("a charge Kigali has repeatedly denied": it denies
    it), so only an open past or a span sums statements up ("have in the past accused"),
    or a generic plural speaker (``_kind_position``)."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if not _perfect(verb):
        return not statement and habitual(verb)
    if not statement and _record_of(verb):
        return True
    if statement and _kind_position(verb):
        return True
    for v in _chain(verb):
        for c in v.children:
            if c.dep_ == "advmod" and c.lemma_.lower() in _FREQUENCY and not statement:
                return True
            if c.dep_ == "prep" and _span_cue(c):
                return True
            if c.dep_ == "agent" and any(_series(o) for o in c.children if o.dep_ == "pobj"):
                return True
            if c.dep_ in ("dobj", "nsubj", "nsubjpass") and _series(c):
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
