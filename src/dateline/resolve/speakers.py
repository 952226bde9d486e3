"""Speakers: from the source words next to a cue to the fullest name in the article.

- a named mention -> its entity's name ("Abdelkarim" -> "Maamoun Abdelkarim");
- a proper name NER missed -> the PERSON entity whose surname it is;
- he/she -> the last person *fitting the pronoun* named as a subject just before (else the
  last quoted person who fits); the fit is the person's gender as the text or the first
  name tells it (``dateline.resolve.gender``); it/they -> the last quoted body;
- a message noun -> its issuer ("a statement from the army general command" -> "army
  general command"), remembered, so that "the statement" later resolves to it (``title``);
- a title ("the minister") -> the person whose role carries that title, written any way
  the office is ("the congressman" for "Rep."; ``dateline.resolve.titles``) and of the
  title's gender where it has one (``title``).
Resolved pronouns, short forms and titles are added as mentions of their entity.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dateline.context import Context
from dateline.extract.entities import apposition_of, title_before
from dateline.records import Entity, Span
from dateline.resolve.gender import Genders, name_gender, pronoun_gender, title_gender
from dateline.resolve.titles import office
from dateline.tokens import span_of, tokens_of

_PERSON_PRONOUNS = {"he", "she", "him", "her"}
_GROUP_PRONOUNS = {"they", "it", "them"}
_DROP_CHILDREN = {"appos", "relcl", "acl", "punct", "advcl", "cc", "conj", "parataxis", "prep"}
_KEEP_PREPS = {"of", "for", "in", "at", "from", "on"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those"}
_LOOK_BACK = 64  # mentions looked at for a pronoun's antecedent


@dataclass(slots=True)
class Speaker:
    name: str | None
    span: Span | None
    entity: Entity | None = None
    role: str | None = None
    via: str = "explicit"


class SpeakerResolver:
    """Resolves cue sources for one article; remembers bodies and speakers as it goes."""

    def __init__(
        self,
        ctx: Context,
        message_nouns: frozenset[str],
        message_preps: frozenset[str],
        quoted: Callable[[int], bool] | None = None,
    ) -> None:
        self.ctx = ctx
        self.quoted = quoted or (lambda char: False)  # inside a closed quotation
        self.doc: Doc = ctx.doc
        self.message_nouns = message_nouns
        self.message_preps = message_preps
        self.bodies: dict[str, Speaker] = {}  # message noun lemma -> its issuer
        self.history: list[tuple[int, Speaker]] = []  # (char, speaker) of quotes so far
        self.genders = Genders(ctx.text)
        mentions = sorted(((m[0], m[1], e) for e in ctx.entities for m in e.mentions), key=lambda x: x[:2])
        self._mentions = mentions
        self._starts = [m[0] for m in mentions]
        # people by surname and by the words of their roles, so each look-up is a dict hit
        self._by_surname: dict[str, list[Entity]] = {}
        self._by_role_word: dict[str, list[Entity]] = {}
        for ent in ctx.entities:
            if ent.type != "PERSON" or not ent.name.split():
                continue
            self._by_surname.setdefault(ent.name.split()[-1], []).append(ent)
            for word in {office(w) for r in ent.roles for w in r.split()}:
                self._by_role_word.setdefault(word, []).append(ent)

    # -- public ---------------------------------------------------------------------
    def resolve(self, source: Token | None, cue: Token, written: Token | None = None) -> Speaker:
        """``written``: the word standing for the source next to the cue ("which", "who")."""
        if source is None:
            return Speaker(None, None)
        speaker = self._resolve(source, cue)
        if written is not None:
            speaker.span = _tok_span(written)
        if speaker.name:
            self.history.append((cue.idx, speaker))
        self._remember_statement(cue, speaker)
        return speaker

    def name_of(self, tok: Token) -> str:
        """The fullest name for a reporting source ("Russian media", "Reuters")."""
        ent = self._entity_of(tok)
        return ent.name if ent else _np_text(tok)

    # -- the rules ------------------------------------------------------------------
    def _resolve(self, tok: Token, cue: Token) -> Speaker:
        lower = tok.lower_
        if tok.pos_ == "PRON" and (lower in _PERSON_PRONOUNS or lower in _GROUP_PRONOUNS):
            return self._pronoun(tok, cue)
        ent = self._entity_of(tok)
        named = self._apposed_person(tok) if ent is None or ent.type in ("GPE", "LOC") else None
        if ent is not None and named is None:
            return self._named(tok, ent)
        if named is not None:
            speaker = self._named(named, self._entity_of(named))
            speaker.role = speaker.role or _np_text(tok)
            return speaker
        issuer = self._issuer(tok)
        if issuer is not None:
            found = self._resolve(issuer, cue)
            self.bodies[tok.lemma_.lower()] = found
            return found
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and lemma in self.message_nouns and lemma in self.bodies and _definite(tok):
            body = self.bodies[lemma]
            return Speaker(body.name, _tok_span(tok), body.entity, body.role, "title")
        if tok.pos_ == "PROPN":
            ent = self._surname(tok)
            if ent is not None:
                self._add_mention(ent, _tok_span(tok))
                return Speaker(ent.name, _tok_span(tok), ent, ent.roles[0] if ent.roles else None)
        if tok.pos_ == "NOUN" and _definite(tok):
            ent = self._titled(tok, cue)
            if ent is not None:
                self._add_mention(ent, _np_span(tok))
                return Speaker(ent.name, _np_span(tok), ent, ent.roles[0] if ent.roles else None, "title")
        role = _appos(tok)
        return Speaker(_np_text(tok), _np_span(tok), None, role)

    def _named(self, tok: Token, ent: Entity) -> Speaker:
        mention = self._mention_at(tok)
        span = mention or _tok_span(tok)
        role = None
        sp = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        if sp is not None and ent.type == "PERSON":
            role = title_before(sp) or apposition_of(sp)
        if role is None and ent.roles:
            role = ent.roles[0]
        return Speaker(ent.name, span, ent, role)

    def _apposed_person(self, tok: Token) -> Token | None:
        """'the mayor of Lund, Petra Olsen, said': the named person in apposition to a title."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return None
        # the subtree's words after it all lie up to its right edge: most subtrees hold no apposition
        if "appos" not in tokens_of(tok.doc).dep[tok.i + 1 : tok.right_edge.i + 1]:
            return None
        for t in tok.subtree:
            if t.dep_ == "appos" and t.i > tok.i:
                ent = self._entity_of(t)
                if ent is not None and ent.type == "PERSON":
                    return t
        return None

    def _pronoun(self, tok: Token, cue: Token) -> Speaker:
        person = tok.lower_ in _PERSON_PRONOUNS
        found = self._antecedent(tok, person)
        if found is None and tok.lower_ == "it":
            found = self._issued(tok)
        span = _tok_span(tok)
        if found is None:
            return Speaker(tok.text, span, None, None, "pronoun")
        if isinstance(found, Speaker):  # an earlier speaker NER did not name
            return Speaker(found.name, span, found.entity, found.role, "pronoun")
        self._add_mention(found, span)
        return Speaker(found.name, span, found, found.roles[0] if found.roles else None, "pronoun")

    def _antecedent(self, tok: Token, person: bool) -> Entity | Speaker | None:
        """The nearest fitting subject or earlier speaker in this or the two sentences before.

        Subjects are the usual antecedents of a reporting pronoun ("Khalil said ... He
        added"); an earlier speaker counts too, since NER misses some names."""
        sent_index = self.ctx.sentence_of(tok.idx)
        window_start = self.ctx.sents[max(0, sent_index - 2)].start_char
        gender = pronoun_gender(tok.lower_) if person else None
        subject: tuple[int, Entity] | None = None
        fallback = None
        k = bisect.bisect_left(self._starts, tok.idx) - 1
        floor = k - _LOOK_BACK  # a bounded look-back: one endless sentence stays linear
        while k > floor and k >= 0 and self._mentions[k][0] >= window_start:
            s, e, ent = self._mentions[k]
            k -= 1
            if self.quoted(s):
                continue  # a name in someone's quoted words is not who speaks next
            if (ent.type == "PERSON") != person or (
                not person and ent.type not in ("ORG", "GROUP", "GPE", "NORP")
            ):
                continue
            if not self.genders.fits(ent, gender):
                continue  # "Petra Olsen met Jonas Berg. She said": not Berg
            sp = self.doc.char_span(s, e, alignment_mode="expand")
            if sp is not None and sp.root.dep_ in ("nsubj", "nsubjpass"):
                subject = (s, ent)
                break
            if fallback is None and person:
                fallback = ent
        for at, speaker in reversed(self.history[-4:]):
            if subject is not None and at < subject[0]:
                break
            if speaker.entity is not None and (speaker.entity.type == "PERSON") == person:
                if not self.genders.fits(speaker.entity, gender):
                    continue
                if at >= window_start or subject is None:
                    return speaker.entity
            elif speaker.entity is None and at >= window_start and _name_like(speaker.name) and person:
                if gender is not None and name_gender(speaker.name) not in (None, gender):
                    continue
                return speaker
        if subject is not None:
            return subject[1]
        return fallback

    def _issued(self, tok: Token) -> Entity | None:
        """'X issued a statement. "...," it read.': "it" is the message the sentences just
        before had someone issue, and so its issuer (the last such in this sentence or the
        two before; the message is remembered, so "the statement" later is X too)."""
        sent_index = self.ctx.sentence_of(tok.idx)
        start = self.doc.char_span(
            self.ctx.sents[max(0, sent_index - 2)].start_char, tok.idx, alignment_mode="expand"
        )
        found = None
        for t in start or ():
            if t.dep_ != "dobj" or t.lemma_.lower() not in self.message_nouns or self.quoted(t.idx):
                continue
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
            if subj is None:
                continue
            named = self._apposed_person(subj)  # 'the mayor, Petra Olsen, issued ...'
            ent = self._entity_of(named if named is not None else subj)
            if ent is not None:
                found = ent
                self.bodies[t.lemma_.lower()] = Speaker(ent.name, _tok_span(subj), ent, None, "title")
        return found

    def _issuer(self, tok: Token) -> Token | None:
        """'a statement from X' / 'X's statement' / 'a Pentagon statement' -> X."""
        if tok.lemma_.lower() not in self.message_nouns:
            return None
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in self.message_preps:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj
            if child.dep_ == "poss" and child.pos_ != "PRON":
                return child
            if child.dep_ == "compound" and self._entity_of(child) is not None:
                return child
        return None

    def _surname(self, tok: Token) -> Entity | None:
        """The person of that surname named before; else the only one the article names
        (a headline comes before the story that gives the full name)."""
        people = self._by_surname.get(tok.text, ())
        for ent in people:
            if ent.span[0] < tok.idx:
                return ent
        return people[0] if len(people) == 1 else None

    def _titled(self, tok: Token, cue: Token) -> Entity | None:
        """'the minister' -> the last person before whose role holds the word 'minister';
        'the congresswoman' -> the last one whose role names that office ('Rep.') and who
        can be called by the title's gender."""
        best: tuple[int, Entity] | None = None
        gender = title_gender(tok.lower_)
        for ent in self._by_role_word.get(office(tok.text), ()):
            if not self.genders.fits(ent, gender):
                continue
            k = bisect.bisect_left(ent.mentions, (cue.idx,)) - 1  # mentions are sorted
            if ent.span[0] >= cue.idx or k < 0:
                continue
            last = ent.mentions[k][0]
            if best is None or last > best[0]:
                best = (last, ent)
        return best[1] if best else None

    def _remember_statement(self, cue: Token, speaker: Speaker) -> None:
        """'X said in a statement' -> a later 'the statement' is X."""
        if not speaker.name:
            return
        for child in cue.children:
            if child.dep_ == "prep" and child.lower_ in ("in", "through", "via"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in self.message_nouns:
                        self.bodies[pobj.lemma_.lower()] = speaker

    # -- entities -------------------------------------------------------------------
    def _entity_of(self, tok: Token) -> Entity | None:
        hit = self._mention_hit(tok.idx, tok.idx + len(tok.text))
        return hit[2] if hit else None

    def _mention_at(self, tok: Token) -> Span | None:
        hit = self._mention_hit(tok.idx, tok.idx + len(tok.text))
        return (hit[0], hit[1]) if hit else None

    def _mention_hit(self, start: int, end: int) -> tuple[int, int, Entity] | None:
        """The mention overlapping ``[start, end)``; mentions are short, so a few look-backs do."""
        top = bisect.bisect_left(self._starts, end) - 1
        for k in range(top, max(-1, top - 4), -1):
            s, e, _ent = self._mentions[k]
            if s < end and start < e:
                return self._mentions[k]
        return None

    def _add_mention(self, ent: Entity, span: Span) -> None:
        if span in ent.mentions:
            return
        bisect.insort(ent.mentions, span)
        k = bisect.bisect_left(self._starts, span[0])
        self._mentions.insert(k, (span[0], span[1], ent))
        self._starts.insert(k, span[0])


def _name_like(name: str | None) -> bool:
    """'Sediq Sediqqi': capitalised words, the shape of a person's name NER did not tag."""
    words = (name or "").split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _definite(tok: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)


def _tok_span(tok: Token) -> Span:
    return (tok.idx, tok.idx + len(tok.text))


def _np_tokens(tok: Token) -> tuple[int, int]:
    """The noun phrase of a source head: modifiers and of/for/in phrases, no clauses."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ not in _DROP_CHILDREN:
            start = min(start, child.left_edge.i)
    end = tok.i
    for child in tok.rights:
        if (child.dep_ == "prep" and child.lower_ in _KEEP_PREPS and child.i == end + 1) or (
            child.dep_ in ("compound", "flat", "nummod") and child.i == end + 1
        ):
            end = child.right_edge.i
            comma = next((t.i for t in tok.doc[child.i : end + 1] if t.text == ","), None)
            if comma is not None:
                end = comma - 1
                break
        else:
            break
    doc = tok.doc
    while start < tok.i and (doc[start].lower_ in _DETERMINERS or doc[start].is_punct):
        start += 1
    while end > tok.i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return start, end


def _np_span(tok: Token) -> Span:
    s, e = _np_tokens(tok)
    doc = tok.doc
    return (doc[s].idx, doc[e].idx + len(doc[e].text))


def _np_text(tok: Token) -> str:
    a, b = _np_tokens(tok)
    return " ".join(span_of(tok.doc, a, b + 1).text.split())


def _appos(tok: Token) -> str | None:
    for child in tok.rights:
        if child.dep_ == "appos":
            return " ".join(tok.doc[child.left_edge.i : child.right_edge.i + 1].text.strip(" ,").split())
    return None
