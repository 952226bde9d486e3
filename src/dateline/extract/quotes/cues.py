"""Attribution cues over the dependency parse: the reporting word, its source, its content.

A cue is a reporting verb (or "according to") with the words it attributes. The parse
gives the shapes news uses:
- complement: ``X said (that) ...`` — the verb's ``ccomp``;
- inverted: ``..., X said.`` / ``..., said X`` / ``..., reported Reuters`` — the content is
  the clause the cue hangs from (``parataxis``) or the clause left of a final cue;
- chain: ``Reuters quoted X as saying ...`` / ``Russian media quoted X saying ...``;
- according: ``according to X, ...``;
- object: a quoted object (``called them "deplorables"``, ``chanted "What curfew?"``);
- infinitive: intentions and directives (``X wants to ...``, ``X urged Y to ...``);
- stance: a position taken toward an object (``X criticized the plan to ...``,
  ``X accused Y of ...``, ``X warned against ...``) -- short bare targets are left out;
- noun: a speech noun with its holder (``Trump's claim that ...``, ``X raised questions
  about ...``);
- bare: a cue with a source but no content of its own (``"...." she said.``), which the
  quotation marks around it complete.
Content is kept as a token range, without complementizer, dateline or a trailing comment
clause; quotation marks decide direct / mixed / indirect later. Lemma lists are data:
``dateline/resources/quotes/cues.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.extract.quotes.lexicon import CueLexicon
from dateline.extract.quotes.marks import MARK_CHARS
from dateline.extract.quotes.positions import Sentences
from dateline.tokens import tokens_of

_WORD = re.compile(r"\S+")
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CLIMB = ("conj", "xcomp", "advcl", "pcomp", "acl")
_FINITE = ("VBD", "VBZ", "VBP", "MD")
_CUE_POS = ("VERB", "NOUN", "ADJ")  # besides verb tags and "according"
_VERB_TAGS = ("VB", "VBD", "VBG", "VBN", "VBP", "VBZ")
_AMOUNTS = ("DATE", "TIME", "CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL")
# a stance object shorter than this (determiners aside) is a bare target ("criticized the
# council"); two words are a position ("criticized the council's budget", "mocked the
# debate moderators"). Counting "the" made two-word targets count as three and left out
# the two-word positions: at 3 with determiners, all-quote F1 was 0.7848 even / 0.7619 odd
_STANCE_MIN_WORDS = 2


# dependents that carry what a verb does with words (its object and how it is qualified)
_CARRIERS = ("dobj", "dative", "oprd", "xcomp", "prep", "attr", "acomp")


@dataclass(slots=True)
class Cue:
    """One attribution found in the parse (content as an inclusive token range)."""

    token: Token
    text: str
    span: tuple[int, int]
    shape: str  # complement, inverted, chain, according, object, bare
    content: tuple[int, int] | None = None
    source: Token | None = None
    reported_by: list[Token] = field(default_factory=list)
    missing_source: bool = False
    colon: int | None = None  # end char of the colon that closes the cue's clause
    tier: str = "speech"
    relative: Token | None = None  # "which"/"who" written for the source


def _candidates(doc: Doc) -> list[int]:
    """The tokens that can be a cue (a verb tag, a verb, noun or adjective, "according"),
    picked from the doc's token table at once: most tokens of an article are none, and
    reading each token's attributes one by one was the stage's largest cost."""
    t = tokens_of(doc)
    pos, tag, lower = t.pos, t.tag, t.lower
    return [
        i for i in range(len(pos)) if pos[i] in _CUE_POS or tag[i] in _VERB_TAGS or lower[i] == "according"
    ]


def _next_token(tok: Token) -> Token | None:
    doc = tok.doc
    space = tokens_of(doc).space
    i = tok.i + 1
    while i < len(doc) and space[i]:
        i += 1
    return doc[i] if i < len(doc) else None


def _prev_token(tok: Token) -> Token | None:
    space = tokens_of(tok.doc).space
    i = tok.i - 1
    while i >= 0 and space[i]:
        i -= 1
    return tok.doc[i] if i >= 0 else None


def trim_content(doc: Doc, start: int, end: int, lex: CueLexicon) -> tuple[int, int] | None:
    """Drop what is not the attributed words: complementizer, discourse openers, punctuation."""
    t = tokens_of(doc)  # the token table: list reads, no Token per word
    text, punct, space, dep = t.text, t.punct, t.space, t.dep
    while start <= end:
        if (
            space[start]
            or (punct[start] and not _is_quote_char(text[start]))
            or dep[start] == "cc"
            or (dep[start] == "mark" and t.lower[start] == "that")
        ):
            start += 1
        elif dep[start] in ("advmod", "prep", "npadvmod") and start + 1 <= end and text[start + 1] == ",":
            start += 2
        else:
            break
    start = _skip_dateline(doc, start, end)
    end = _cut_trailing_comment(doc, start, end)
    while end >= start and (space[end] or (punct[end] and not _is_quote_char(text[end]))):
        end -= 1
    if end < start:
        return None
    words = sum(1 for i in range(start, min(end + 1, len(text))) if not punct[i] and not space[i])
    return (start, end) if words >= 2 else None


def _skip_dateline(doc: Doc, start: int, end: int) -> int:
    """'BEIRUT (AFP) - Air strikes ...': the wire dateline is not part of what is reported."""
    t = tokens_of(doc)
    text, punct, space = t.text, t.punct, t.space
    for i in range(max(start, 0), min(end, start + 8, len(text))):
        if text[i] in ("-", "—", "–", "--"):
            head = [x for x in range(start, i) if not punct[x] and not space[x]]
            if head and all(text[x][:1].isupper() for x in head):
                return i + 1
            break
    return start


# the relations of a participle or relative clause that _cut_trailing_comment cuts off
_COMMENT_DEPS = frozenset({"advcl", "acl", "xcomp", "relcl"})


def _cut_trailing_comment(doc: Doc, start: int, end: int) -> int:
    """'..., contradicting the police' / '..., which he denied': a clause set off by a comma
    at the end of the content is the writer's comment, not the attributed words.
    Only a clause's head can open one: the other words are passed over on the token
    table's relation, without a ``Token`` and its edges for each."""
    dep = tokens_of(doc).dep
    for i in range(start + 2, end + 1):
        if dep[i] not in _COMMENT_DEPS:
            continue
        tok = doc[i]
        if tok.right_edge.i < end or tok.left_edge.i <= start + 1:
            continue
        before = doc[tok.left_edge.i - 1]
        if before.text != ",":
            continue
        participle = tok.dep_ in ("advcl", "acl", "xcomp") and tok.tag_ == "VBG" and tok.left_edge.i == i
        relative = tok.dep_ == "relcl" and tok.left_edge.lower_ in ("which", "who", "whom", "whose")
        if participle or relative:
            return tok.left_edge.i - 2
    return end


def _is_quote_char(text: str) -> bool:
    return not MARK_CHARS.isdisjoint(text)


def _subject(tok: Token) -> Token | None:
    t = tokens_of(tok.doc)  # the token table: a Token only for the subject found
    dep = t.dep
    for c in t.children[tok.i]:
        if dep[c] in _SUBJECTS:
            return tok.doc[c]
    return None


def _climb_subject(tok: Token) -> Token | None:
    """The subject a cue shares with the verb it hangs from ("hailed ... and said")."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in _CLIMB or cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.dep_ == "prep":  # "as saying": prep -> verb
            cur = cur.head
        subj = _subject(cur)
        if subj is not None and subj.dep_ != "csubj":
            return subj
    return None


def _subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i


def _range_without(doc: Doc, outer: Token, inner: Token) -> tuple[int, int] | None:
    """The covering range of ``outer``'s subtree once ``inner``'s subtree is cut off its edge."""
    o0, o1 = _subtree_range(outer)
    i0, i1 = _subtree_range(inner)
    if i0 <= o0 and i1 >= o1:
        return None
    if i1 >= o1:  # cue clause at the end
        return (o0, i0 - 1)
    if i0 <= o0:  # cue clause at the start
        return (i1 + 1, o1)
    if outer.i < i0:
        tail = [c for c in outer.rights if c.i > i1]
        if all(c.dep_ in ("prep", "npadvmod", "advmod", "punct") for c in tail):
            return (o0, i0 - 1)  # "X happened, officials said, in a blow to Y": Y is the writer's
    return (o0, o1)  # cue clause in the middle: the covering span


class CueFinder:
    """Finds cues in a parsed doc.

    ``quoted(char)``: the character lies inside a closed quotation (cues there are the
    quoted person's words, not the article's); ``has_quotation(start, end)``: the
    quotations overlapping the range; ``sents``: the doc's sentence index.
    """

    def __init__(
        self,
        lex: CueLexicon,
        quoted: Callable[[int], bool],
        has_quotation: Callable[[int, int], list[tuple[int, int]]],
        sents: Sentences,
    ) -> None:
        self.lex = lex
        self.quoted = quoted
        self.has_quotation = has_quotation
        self.sents = sents
        self._shapes: dict[tuple[int, int], tuple[int, bool, bool] | None] = {}
        self._nears: dict[tuple[int, int], frozenset[int]] = {}
        self._text = ""
        # cue token -> the clauses handed over to it and the cue that handed them
        self._relay: dict[int, tuple[list[Token], Token]] = {}

    def find(self, doc: Doc, text: str | None = None) -> list[Cue]:
        """The cues of ``doc``; ``text`` is ``doc.text`` when the caller has it (``doc.text``
        joins the tokens anew on every read)."""
        self._text = doc.text if text is None else text
        cues: list[Cue] = []
        consumed: set[int] = set()
        lex = self.lex
        t = tokens_of(doc)  # the token table: list reads, a Token only for a likely cue
        for i in _candidates(doc):
            pos, verbal, lower = t.pos[i], t.tag[i].startswith("VB"), t.lower[i]
            if i in consumed or self.quoted(t.idx[i]):
                continue
            cue = None
            lemma = t.lemma[i]
            if lower == "according":
                cue = self._according(doc[i])
            elif verbal and lex.is_cue_verb(lemma):
                tok = doc[i]
                cue = self._as_stated(tok) or self._verb(tok, consumed)
            elif lemma in lex.as_it_verbs and (cue := self._as_put_it(doc[i])) is not None:
                pass
            elif pos == "VERB" and lemma not in lex.light_verbs:
                tok = doc[i]
                cue = self._characterisation(tok) or self._free_verb(tok)
            elif pos == "NOUN" and lemma in lex.speech_nouns:
                cue = self._noun(doc[i])
            elif pos == "ADJ" and lower in lex.stance_adjectives:
                cue = self._adjective(doc[i])
            if cue is not None:
                cues.append(cue)
        return cues

    def _as_put_it(self, tok: Token) -> Cue | None:
        """'As Olsen put it, the bridge is "a disaster"' / '..., as a memo put it': the idiom
        gives the words of the clause it hangs from to its subject."""
        if tok.dep_ != "advcl" or tok.head.i == tok.i:
            return None
        children = list(tok.children)
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
            return None
        if not any(c.dep_ == "dobj" and c.lower_ == "it" for c in children):
            return None
        rng = _range_without(tok.doc, tok.head, tok)
        content = trim_content(tok.doc, *rng, self.lex) if rng else None
        if content is None:
            return None
        cue = Cue(tok, tok.text, (tok.idx, tok.idx + len(tok.text)), "inverted", content)
        self._source(cue, content_left=content[1] < tok.i)
        return cue if cue.source is not None else None

    def _as_stated(self, tok: Token) -> Cue | None:
        """'As stated in the council's report, ...' / 'as reported by the Daily': a passive
        cue in an as-clause gives the clause it hangs from to its agent or its document,
        as 'according to' does."""
        if tok.tag_ != "VBN" or tok.dep_ != "advcl" or tok.head.i == tok.i:
            return None
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in tok.children):
            return None
        source = None
        for child in tok.children:
            if child.dep_ in ("agent", "prep") and child.lower_ in ("by", "in"):
                source = next((g for g in child.children if g.dep_ == "pobj"), None)
                if source is not None:
                    break
        if source is None:
            return None
        rng = _range_without(tok.doc, tok.head, tok)
        content = trim_content(tok.doc, *rng, self.lex) if rng else None
        if content is None:
            return None
        return Cue(tok, tok.text, (tok.idx, tok.idx + len(tok.text)), "according", content, source)

    def _according(self, tok: Token) -> Cue | None:
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        if source is None:
            return None
        head = tok.head if tok.head.i != tok.i else None
        content = None
        if head is not None:
            rng = _range_without(tok.doc, head, tok)
            if rng:
                content = trim_content(tok.doc, rng[0], rng[1], self.lex)
        if content is None:
            return None
        end = to.idx + len(to.text)
        return Cue(tok, f"{tok.text}{tok.whitespace_}{to.text}", (tok.idx, end), "according", content, source)

    def _verb(self, tok: Token, consumed: set[int]) -> Cue | None:
        lemma = tok.lemma_.lower()
        doc = tok.doc
        tier = (
            "speech" if lemma in self.lex.speech else "evidence" if lemma in self.lex.evidence else "belief"
        )
        span = (tok.idx, tok.idx + len(tok.text))
        colon = _colon_after(tok)
        if lemma in self.lex.chain_verbs:
            chain = self._chain(tok, consumed)
            if chain is not None:
                return chain
        handed, giver = self._relay.pop(tok.i, (None, None))
        t = tokens_of(doc)  # the token table: Tokens only for the clauses found
        comps = handed or self._hand_over(tok, [doc[c] for c in t.children[tok.i] if t.dep[c] == "ccomp"])
        if comps:
            start = min(c.left_edge.i for c in comps)
            if handed and start <= tok.right_edge.i < max(c.right_edge.i for c in comps):
                start = tok.right_edge.i + 1  # the clause the parse hung this cue on starts after it
            end = max(c.right_edge.i for c in comps)
            content = trim_content(doc, start, end, self.lex)
            if content is None:
                return None
            if tier != "speech" and not self._finite_clause(comps):
                return self._free_verb(tok)  # '"Please stay," she implored': beside its quote
            cue = Cue(tok, tok.text, span, "complement", content, tier=tier, colon=colon)
            self._source(cue, content_left=end < tok.i)
            if giver is not None and (cue.source is None or content[0] <= cue.source.i <= content[1]):
                cue.source = _subject(giver)  # the speaker of the cue that handed the clause over
            return cue
        if lemma in self.lex.intent:
            cue = self._infinitive(tok, span, tier)
            if cue is not None:
                return cue
        stance = lemma in self.lex.stance
        if not stance and (
            tier == "belief" or (lemma not in self.lex.speech and lemma not in self.lex.evidence)
        ):
            # a verb of no saying with nothing to attribute may still introduce a quotation
            return self._stance(tok, span, objects=False) or self._free_verb(tok)
        # inverted: the cue hangs from the clause it reports
        head = tok.head
        if (
            tok.dep_ in ("parataxis", "ccomp", "advcl")
            and head.i != tok.i
            and head.pos_ in ("VERB", "AUX")
            and not self.lex.is_cue_verb(head.lemma_.lower())
            and _set_off(tok)
        ) and (_subject(tok) is not None or tok.dep_ == "parataxis"):
            rng = _range_without(doc, head, tok)
            content = trim_content(doc, *rng, self.lex) if rng else None
            if content is not None:
                cue = Cue(tok, tok.text, span, "inverted", content, tier=tier)
                self._source(cue, content_left=content[1] < tok.i)
                return cue
        if tok.dep_ == "conj" and self.sents.final(tok) and _subject(tok) is None:
            prev = _prev_token(tok)
            if prev is not None and prev.text == ",":
                rng = _range_without(doc, head, tok)
                content = trim_content(doc, *rng, self.lex) if rng else None
                if content is not None:
                    cue = Cue(tok, tok.text, span, "inverted", content, tier=tier)
                    self._source(cue, content_left=True)
                    return cue
        # a quoted object: 'called them "deplorables"'
        for child in tok.rights:
            if child.dep_ in ("dobj", "oprd", "xcomp", "attr", "dative"):
                lo = child.left_edge.i
                hi = max(c.right_edge.i for c in tok.rights if c.dep_ in _CARRIERS)
                found = self.has_quotation(doc[lo].idx, doc[hi].idx + len(doc[hi].text))
                if any(self._said_words(doc, a, b, tok) for a, b in found):
                    content = _with_relative(tok, trim_content(doc, lo, hi, self.lex))
                    if content is not None:
                        cue = Cue(tok, tok.text, span, "object", content, tier=tier)
                        self._source(cue, content_left=False)
                        return cue
        cue = self._stance(tok, span, objects=stance or self._thing_object(tok))
        if cue is not None:
            return cue
        if tier != "speech":
            return None
        trailing = self._trailing(tok, span)
        if trailing is not None:
            return trailing
        cue = Cue(tok, tok.text, span, "bare", None, tier=tier, colon=colon)
        self._source(cue, content_left=False)
        if cue.source is None:
            return None
        return cue

    def _hand_over(self, tok: Token, comps: list[Token]) -> list[Token]:
        """'"A," Trump said, adding later, "B."': with a clause on each side of the cue and
        another cue of saying between it and the right one, the right clause is that cue's
        (its own quote), not the second half of this one's."""
        left = [c for c in comps if c.i < tok.i]
        right = [c for c in comps if c.i > tok.i]
        if not left or not right:
            return comps
        doc = tok.doc
        # the words between the cue and the right clause (the parse may hang the second cue
        # on either): a few tokens, so the look is short
        relay = next(
            (
                doc[i]
                for i in range(tok.i + 1, min(max(c.i for c in right), tok.i + 8))
                if not self.quoted(doc[i].idx)
                if doc[i].tag_.startswith("VB") and self.lex.is_cue_verb(doc[i].lemma_.lower())
            ),
            None,
        )
        if relay is None:
            return comps
        self._relay[relay.i] = (right, tok)
        return left

    def _trailing(self, tok: Token, span: tuple[int, int]) -> Cue | None:
        """'..., the observatory reported.' where the parse lost the clause (a dateline in
        front, say): a final cue clause after a comma reports the sentence before it."""
        subj = _subject(tok)
        if subj is None or subj.i > tok.i or not self.sents.final(tok) or self.quoted(tok.idx):
            return None
        doc = tok.doc
        lo = subj.left_edge.i
        sent_start = self.sents.start(tok)
        if lo - 1 <= sent_start or doc[lo - 1].text != ",":
            return None
        content = trim_content(doc, sent_start, lo - 2, self.lex)
        if content is None or self.has_quotation(doc[content[0]].idx, doc[content[1]].idx + 1):
            return None
        cue = Cue(tok, tok.text, span, "inverted", content, subj)
        return cue

    def _infinitive(self, tok: Token, span: tuple[int, int], tier: str) -> Cue | None:
        """'X wants to ...', 'X urged Y to ...': intentions and directives with their infinitive."""
        xcomp = next((c for c in tok.rights if c.dep_ == "xcomp"), None)
        if xcomp is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in xcomp.children):
            return None
        first = next((c for c in tok.rights if c.dep_ in ("dobj", "xcomp")), xcomp)
        content = trim_content(tok.doc, first.left_edge.i, xcomp.right_edge.i, self.lex)
        if content is None:
            return None
        cue = Cue(tok, tok.text, span, "infinitive", content, tier="intent" if tier == "belief" else tier)
        self._source(cue, content_left=False)
        if cue.source is None:
            return None
        return cue

    def _thing_object(self, tok: Token) -> bool:
        """A verb of saying (or of evidence) whose object is a thing, the position taken
        ("denied the allegations", "noted the comments"), not the person or body addressed
        ("told reporters", "briefed the council"), a name, or an amount."""
        if tok.lemma_.lower() in self.lex.addressee_verbs:
            return False
        dobj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
        if (
            dobj is None
            or dobj.pos_ not in ("NOUN", "PROPN")
            or dobj.ent_type_ in ("PERSON", "NORP", "ORG", "GPE")
            or any(c.dep_ == "dative" for c in tok.children)
        ):
            return False
        # quoted words in the object were weighed above: a title there ("read 'The Road'")
        doc = tok.doc
        end = doc[dobj.right_edge.i]
        return not self.has_quotation(doc[dobj.left_edge.i].idx, end.idx + len(end.text))

    def _adjective(self, tok: Token) -> Cue | None:
        """'X was critical of the plan', 'X is confident that ...': a stance adjective after
        a copula; the position is its prepositional object or its clause."""
        if tok.dep_ != "acomp" or tok.head.pos_ not in ("AUX", "VERB"):
            return None
        subj = _subject(tok.head)
        if subj is None or subj.dep_ != "nsubj" or self.quoted(subj.idx):
            return None
        if not _holder(subj):
            return None
        target = next((c for c in tok.rights if c.dep_ == "ccomp"), None)
        if target is None:
            prep = next((c for c in tok.rights if c.dep_ == "prep"), None)
            target = (
                next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
                if prep is not None
                else None
            )
        if target is None:
            return None
        content = trim_content(tok.doc, target.left_edge.i, target.right_edge.i, self.lex)
        if content is None:
            return None
        span = (tok.idx, tok.idx + len(tok.text))
        return Cue(tok, tok.text, span, "stance", content, subj, tier="stance")

    def _passive_stance(self, tok: Token, span: tuple[int, int]) -> Cue | None:
        """'The plan was criticized by the mayor': in the passive, the subject is the
        position and the agent holds it."""
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        holder = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if subj is None or holder is None or self.quoted(holder.idx):
            return None
        if subj.pos_ == "PRON" and subj.lower_ in ("it", "this", "that", "which", "what", "there"):
            return None
        content = trim_content(tok.doc, subj.left_edge.i, subj.right_edge.i, self.lex)
        if content is None and subj.pos_ == "PROPN":
            content = (subj.left_edge.i, subj.right_edge.i)
        if content is None:
            return None
        return Cue(tok, tok.text, span, "stance", content, holder, tier="stance")

    def _stance(self, tok: Token, span: tuple[int, int], objects: bool = True) -> Cue | None:
        """'X criticized the deal', 'X talked about the deal': the object is the position
        attributed, a noun phrase or a gerund clause (``objects=False``: only a
        prepositional one, for verbs of saying with no thing as object)."""
        if objects:
            passive = self._passive_stance(tok, span)
            if passive is not None:
                return passive
        dobj = next((c for c in tok.rights if c.dep_ in ("dobj", "pobj")), None) if objects else None
        if dobj is None and objects:
            # a gerund clause is the position too: "proposed raising the tax", "cited rising costs"
            dobj = next((c for c in tok.rights if c.dep_ == "xcomp" and c.tag_ == "VBG"), None)
        if dobj is None:
            prt = next(
                (
                    c
                    for c in tok.rights
                    if c.dep_ == "prep"
                    and (
                        c.lower_ in self.lex.stance_prepositions
                        or (c.lower_ == "to" and tok.lemma_.lower() in self.lex.to_topic_verbs)
                    )
                ),
                None,
            )
            dobj = (
                next((c for c in prt.children if c.dep_ in ("pobj", "pcomp")), None)
                if prt is not None
                else None
            )
        if dobj is None or (dobj.pos_ == "PRON" and dobj.lower_ in ("it", "this", "that", "them")):
            return None
        if dobj.ent_type_ in _AMOUNTS:  # "spoke for about five minutes", "raised $1 million"
            return None
        hi = dobj.right_edge.i
        if dobj.head.i == tok.i:  # 'accused Damascus of sabotaging the talks': the charge comes along
            hi = max(
                [hi] + [c.right_edge.i for c in tok.rights if c.i > dobj.i and c.dep_ in ("prep", "oprd")]
            )
        content = trim_content(tok.doc, dobj.left_edge.i, hi, self.lex)
        if content is None:
            return None
        if _words_beyond_determiners(tok.doc, content) < _STANCE_MIN_WORDS:
            return None
        cue = Cue(tok, tok.text, span, "stance", content, tier="stance")
        self._source(cue, content_left=False)
        if cue.source is None or (cue.source.pos_ == "PRON" and cue.source.lower_ in ("it", "this", "that")):
            return None
        cue.missing_source = False
        return cue

    def _noun(self, tok: Token) -> Cue | None:
        """'Trump's claim that ...', 'a report by X that ...': a speech noun and its clause."""
        clause = next((c for c in tok.rights if c.dep_ in ("acl", "ccomp") and _has_that(c)), None)
        if clause is None:
            return self._noun_object(tok)
        source = None
        for child in tok.children:
            if child.dep_ == "poss" or (child.dep_ == "compound" and child.ent_type_):
                source = child
            elif child.dep_ == "prep" and child.lower_ in ("by", "from", "of") and child.i < clause.i:
                source = next((g for g in child.children if g.dep_ == "pobj"), source)
        if source is None or (source.lower_ in ("its", "their") and source.pos_ == "PRON"):
            return None
        content = trim_content(tok.doc, clause.left_edge.i, clause.right_edge.i, self.lex)
        if content is None:
            return None
        return Cue(tok, tok.text, (tok.idx, tok.idx + len(tok.text)), "noun", content, source, tier="speech")

    def _noun_object(self, tok: Token) -> Cue | None:
        """'Trump's criticism of the deal', 'X raised questions about Y': a speech noun, its
        holder (possessor, or the subject voicing it) and the position it is about."""
        prep = next(
            (c for c in tok.rights if c.dep_ == "prep" and c.lower_ in self.lex.stance_prepositions), None
        )
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        if pobj is None:
            return None
        source = next((c for c in tok.children if c.dep_ == "poss"), None)
        head = tok.head
        if source is None and tok.dep_ == "dobj" and head.lemma_.lower() in self.lex.voicing_verbs:
            source = next((c for c in head.children if c.dep_ == "nsubj" and not self.quoted(c.idx)), None)
            if source is not None and source.pos_ not in ("PROPN", "PRON") and not source.ent_type_:
                source = None  # "the decision raises questions": a thing, not a holder
        if source is None or (source.pos_ == "PRON" and source.lower_ in ("its", "it", "their", "they")):
            return None
        content = trim_content(tok.doc, pobj.left_edge.i, pobj.right_edge.i, self.lex)
        if content is None or content[1] - content[0] + 1 < _STANCE_MIN_WORDS:
            return None
        return Cue(tok, tok.text, (tok.idx, tok.idx + len(tok.text)), "noun", content, source, tier="stance")

    def _characterisation(self, tok: Token) -> Cue | None:
        """Quoted words in what a subject does with words: 'criticized X as a "crazy system"',
        'called X "outrageous"', 'chanted "What curfew?"', 'used the phrase "..."'."""
        subj = _subject(tok)
        if subj is None or subj.dep_ != "nsubj" or self.quoted(subj.idx):
            return None
        if subj.pos_ == "PRON" and subj.lower_ in ("it", "this", "that", "there", "what", "which"):
            return None
        rights = [c for c in tok.rights if c.dep_ in _CARRIERS]
        if not rights:
            return None
        doc = tok.doc
        lo, hi = rights[0].left_edge.i, rights[-1].right_edge.i
        found = self.has_quotation(doc[lo].idx, doc[hi].idx + len(doc[hi].text))
        if not found or not any(
            self._said_words(doc, a, b, tok) and self._near(doc, a, b, tok) for a, b in found
        ):
            return None
        content = _with_relative(tok, trim_content(doc, lo, hi, self.lex))
        if content is None:
            return None
        cue = Cue(tok, tok.text, (tok.idx, tok.idx + len(tok.text)), "object", content, tier="speech")
        self._source(cue, content_left=False)
        return cue if cue.source is not None else None

    def _free_verb(self, tok: Token) -> Cue | None:
        """Any verb with a person as its subject can introduce quoted speech ("blurted out",
        "emailed", "implored"): a bare cue of tier ``any``, which the assembler lends only
        to a sentence-like quotation standing right beside it (never through the parse)."""
        t = tokens_of(tok.doc)  # the token table: a Token only for the subject found
        found = next(
            (c for c in t.children[tok.i] if t.dep[c] == "nsubj" and not self.quoted(t.idx[c])), None
        )
        subj = tok.doc[found] if found is not None else None
        prev = _prev_token(tok)
        if subj is None and prev is not None and (prev.text == "," or _is_quote_char(prev.text)):
            # inverted after a quotation ('"...," blurted out Jake Moss'): the parse may take
            # the speaker for an object
            subj = next((c for c in tok.rights if c.dep_ == "dobj"), None)
        if subj is None or not _person(subj):
            return None
        cue = Cue(tok, tok.text, (tok.idx, tok.idx + len(tok.text)), "bare", None, tier="any")
        cue.colon = _colon_after(tok)
        cue.source = subj
        return cue

    def _said_words(self, doc: Doc, start: int, end: int, verb: Token) -> bool:
        """A quoted fragment that reads as someone's words, not a title or a coined term."""
        shape = self._shape(doc, start, end)
        if shape is None:
            return False
        words, title, before_noun = shape
        if not words or title:
            return False  # a title: "The Apprentice", "Barack Obama Election Day"
        if words == 1 and not self.lex.is_cue_verb(verb.lemma_.lower()):
            return False  # a coined term: a nationwide "walk-in"
        return not before_noun

    def _shape(self, doc: Doc, start: int, end: int) -> tuple[int, bool, bool] | None:
        """(words up to 2, all capitalised, a noun right after) of a quotation, read once per
        quotation: many verbs can ask about the same one."""
        key = (start, end)
        if key not in self._shapes:
            inner = doc.char_span(start, end, alignment_mode="expand")
            if inner is None:
                self._shapes[key] = None
                return None
            words, capitalised = 0, True
            for w in _words(self._text, start, end):
                words += 1
                capitalised = capitalised and w[0].isupper()
                if words >= 2 and not capitalised:
                    break
            nxt = next((t for t in doc[inner.end : inner.end + 8] if not t.is_punct and not t.is_space), None)
            before_noun = nxt is not None and nxt.pos_ == "NOUN" and nxt.idx - end <= 3
            self._shapes[key] = (min(words, 2), words > 1 and capitalised, before_noun)
        return self._shapes[key]

    def _near(self, doc: Doc, start: int, end: int, verb: Token, arcs: int = 2) -> bool:
        """The quotation hangs from the verb within ``arcs`` dependency arcs (its object, not
        something deep inside it: 'seized on Trump's claim that there were "..."' is not).
        The tokens that near are found once per quotation."""
        key = (start, end)
        if key not in self._nears:
            self._nears[key] = _within_arcs(doc, start, end, arcs)
        return verb.i in self._nears[key]

    @staticmethod
    def _finite_clause(comps: list[Token]) -> bool:
        return any(any(k.dep_ in ("nsubj", "nsubjpass", "expl") for k in c.children) for c in comps)

    def _chain(self, tok: Token, consumed: set[int]) -> Cue | None:
        """``A quoted B (as) saying C``: one quote by B, reported by A."""
        say = None
        for child in tok.children:
            if child.dep_ in ("xcomp", "advcl", "ccomp", "conj") and child.lemma_.lower() == "say":
                say = child
            elif child.dep_ == "prep" and child.lower_ == "as":
                say = next((g for g in child.children if g.lemma_.lower() == "say"), say)
        if say is None:
            return None
        comps = [c for c in say.children if c.dep_ == "ccomp"]
        if not comps:
            return None
        content = trim_content(
            tok.doc, min(c.left_edge.i for c in comps), max(c.right_edge.i for c in comps), self.lex
        )
        if content is None:
            return None
        consumed.add(say.i)
        source = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
        reporter = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        text = f"{tok.text} ... {say.text}"
        cue = Cue(tok, text, (tok.idx, say.idx + len(say.text)), "chain", content, source)
        if reporter is not None:
            cue.reported_by.append(reporter)
        if source is None:
            cue.missing_source = True
        return cue

    def _sibling_source(self, tok: Token) -> Token | None:
        """'"...," Sanders said, suggesting ...': the source of the cue beside this one."""
        for sib in tok.head.children:
            if sib.i != tok.i and sib.tag_.startswith("VB") and self.lex.is_cue_verb(sib.lemma_.lower()):
                subj = next((c for c in sib.children if c.dep_ == "nsubj" and not self.quoted(c.idx)), None)
                if subj is not None:
                    return subj
        return None

    def _source(self, cue: Cue, content_left: bool) -> None:
        tok = cue.token
        t = tokens_of(tok.doc)  # the token table: a Token only for the subject found
        found = next(
            (c for c in t.children[tok.i] if t.dep[c] in _SUBJECTS and not self.quoted(t.idx[c])), None
        )
        subj = tok.doc[found] if found is not None else None
        if subj is not None and subj.lower_ in ("which", "who", "that") and tok.dep_ == "relcl":
            cue.source, cue.relative = tok.head, subj  # "the study, which notes ..." -> the study
            return
        if subj is not None and subj.dep_ == "nsubjpass":
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            subj = pobj
            if subj is None and tok.lemma_.lower() not in self.lex.chain_verbs:
                cue.missing_source = True
                return
        if subj is not None and subj.dep_ == "csubj":
            subj = None
        if subj is None and content_left:
            subj = next((c for c in tok.rights if c.dep_ in ("dobj", "nsubj", "attr")), None)
        if subj is None and tok.tag_ == "VBG" and tok.lemma_.lower() in self.lex.speech:
            subj = _named_before(tok)
        if subj is None and not (cue.shape == "inverted" and tok.dep_ == "conj"):
            subj = _climb_subject(tok)
            if subj is not None and self.quoted(subj.idx):
                subj = self._sibling_source(tok)
            if subj is not None and subj.lower_ == "who" and subj.head.dep_ == "relcl":
                # "an architect who said he was stiffed, saying ...": the relative's antecedent
                cue.relative, subj = subj, subj.head.head
        if (
            subj is not None
            and subj.pos_ == "PRON"
            and subj.lower_ in ("it", "there", "what", "which", "that")
        ) and (subj.lower_ in ("there", "what", "which", "that") or _expletive(subj)):
            subj = None
        cue.source = subj
        if subj is None:
            passive = tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
            cue.missing_source = cue.content is not None and (tok.tag_ in _FINITE or passive)


def _named_before(tok: Token) -> Token | None:
    """'a clip of Olsen saying, "..."' / 'shows Olsen telling donors': a name right before
    a participle of saying (no comma between) is its subject, however the parse hangs the participle
    (from the name, the clip or the main verb, whose subject is not who speaks)."""
    prev = _prev_token(tok)
    if prev is None or prev.pos_ != "PROPN" or prev.dep_ not in ("pobj", "dobj", "nsubj", "appos"):
        return None
    return prev


def _words_beyond_determiners(doc: Doc, content: tuple[int, int]) -> int:
    """The words of a stance object less punctuation and determiners: "the council" is one,
    a bare target; "the council's budget plan" is four, a position."""
    return sum(1 for t in doc[content[0] : content[1] + 1] if not t.is_punct and t.dep_ != "det")


def _within_arcs(doc: Doc, start: int, end: int, arcs: int) -> frozenset[int]:
    """The tokens at most ``arcs`` heads above a token of the span whose head lies outside it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return frozenset()
    out: set[int] = set()
    for tok in span:
        if span.start <= tok.head.i < span.end:
            continue
        out.add(tok.i)
        cur = tok
        for _ in range(arcs):
            if cur.head.i == cur.i:
                break
            cur = cur.head
            out.add(cur.i)
    return frozenset(out)


def _words(text: str, start: int, end: int):
    """The words of ``text[start:end]`` holding a letter, one at a time (no copy of the range)."""
    for m in _WORD.finditer(text, start, end):
        if any(ch.isalpha() for ch in m.group()):
            yield m.group()


def _with_relative(verb: Token, content: tuple[int, int] | None) -> tuple[int, int] | None:
    """'who she dubbed "Mr. P"': what is named is the relative pronoun's antecedent, so the
    content starts at the pronoun. A name given is no speech of the named words alone:
    the quote comes out mixed, never a direct quote of "Mr. P"."""
    if content is None:
        return None
    rel = next(
        (c for c in verb.lefts if c.dep_ == "dobj" and c.lower_ in ("who", "whom", "which", "that")), None
    )
    return (rel.i, content[1]) if rel is not None and rel.i < content[0] else content


_PERSON_PRONOUNS = ("he", "she", "i", "we")


def _holder(tok: Token) -> bool:
    """Someone who can hold a position, as far as the parse tells: a named person, body or
    people, a personal pronoun, or a plural noun ("analysts", "farmers"); "the weather
    was critical for the harvest" has no holder."""
    if tok.pos_ == "PRON":
        return tok.lower_ in ("he", "she", "they", "we", "i", "you", "who")
    return tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or tok.tag_ in ("NNS", "NNPS")


def _person(tok: Token) -> bool:
    """A person, as far as the parse tells: a PERSON name or a personal pronoun."""
    return tok.ent_type_ == "PERSON" or (tok.pos_ == "PRON" and tok.lower_ in _PERSON_PRONOUNS)


def _colon_after(tok: Token) -> int | None:
    """'X told the council:' -- the end of the colon closing the cue's clause, if any."""
    doc = tok.doc
    t = tokens_of(doc)
    i = tok.right_edge.i
    while i > tok.i and t.space[i]:
        i -= 1
    if t.text[i] == ":":
        return t.idx[i] + 1
    nxt = _next_token(doc[i])
    return nxt.idx + 1 if nxt is not None and nxt.text == ":" else None


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _set_off(tok: Token) -> bool:
    """The cue clause stands apart from what it reports: a comma or colon on one side."""
    doc = tok.doc
    lo, hi = tok.left_edge.i, tok.right_edge.i
    marks = (",", ":", "—", "--")
    if doc[lo].text in marks or doc[hi].text in marks:
        return True
    before = doc[lo - 1].text if lo > 0 else ""
    after = doc[hi + 1].text if hi + 1 < len(doc) else ""
    return before in marks or after in marks


def _expletive(tok: Token) -> bool:
    """'it' in "it is said that": a placeholder, not a source."""
    head = tok.head
    return head.lemma_ == "be" or any(c.dep_ == "auxpass" for c in head.children)
