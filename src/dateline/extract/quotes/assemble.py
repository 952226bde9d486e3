"""Quotation marks + cues -> quote drafts: kind, content span, and which cue speaks.

Order of decisions, each a general rule:
0. a paragraph opening with a speaker label ("SMITH: ...") is that speaker's quote; a cue
   inside another cue's content is part of that quote, not a quote of its own;
1. every cue with content is a quote; its kind follows the marks: content inside one
   quotation -> direct (the whole quotation is the content), content that contains
   quoted words -> mixed, none -> indirect;
2. a quotation no content reached attaches to a signature dash after it ("..." ― Name),
   to the cue it hangs from in the parse (split quotes: "...," he said, "..."), to a cue
   standing right after it ("..." she said.) or right before it with only its own
   modifiers between (X said of the plan, "..."), or to the clause before a colon;
3. a quotation that follows its cue's sentence in the same paragraph extends that quote;
4. a sentence-like quotation with no cue, after a quote in the paragraphs just before,
   continues that speaker (``via: continuation``); short unattributed quotations are scare
   quotes and titles, not quotes;
5. a title-case headline in which the parse found no quote attributes through its verb,
   found by its form (``conventions.headline_cues``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from dateline.extract.quotes.conventions import headline_cues, label_cues, signature_cues
from dateline.extract.quotes.cues import Cue, _is_quote_char
from dateline.extract.quotes.lexicon import cue_lexicon
from dateline.extract.quotes.marks import MarkGroup, paragraphs
from dateline.extract.quotes.positions import Sentences
from dateline.tokens import tokens_of

_SENTENCE_END = ".?!:;…"
_FILLER = re.compile(r"[\s,.;:—–-]*")
# at most 8 words, none holding a double quotation mark
_SHORT_CLAUSE = re.compile(r"\s*(?:[^\s“\"]+\s*){0,8}")
_NEAREST = 4  # cues looked at before a quotation
_EMPTY_SUBJECTS = ("it", "this", "that", "there", "here", "what")
_OWN_MODIFIERS = 8  # tokens of a cue's own modifiers between it and its quotation


@dataclass(slots=True)
class Draft:
    """A quote before speaker resolution."""

    kind: str
    span: tuple[int, int]
    cue: Cue | None
    groups: list[MarkGroup] = field(default_factory=list)
    pieces: list[tuple[int, int]] = field(default_factory=list)
    via: str | None = None
    follows: Draft | None = None  # the quote a continuation continues

    @property
    def unclosed(self) -> bool:
        return any(g.unclosed for g in self.groups)


class Assembler:
    def __init__(
        self, text: str, doc: Doc, groups: list[MarkGroup], cues: list[Cue], sents: Sentences | None = None
    ) -> None:
        self.text = text
        self.doc = doc
        self.groups = groups
        self.cues = cues
        self.sents = sents or Sentences(doc)
        self.lexicon = cue_lexicon()
        self._paras = paragraphs(text)
        self._para_starts = [p[0] for p in self._paras]
        self._tok_starts = tokens_of(doc).idx  # read only: the token table's column
        self._group_starts = [g.start for g in groups]

    # -- positions ------------------------------------------------------------------
    def paragraph_of(self, char: int) -> int:
        return max(0, bisect.bisect_right(self._para_starts, char) - 1)

    def paragraph_end(self, char: int) -> int:
        return self._paras[self.paragraph_of(char)][1] if self._paras else len(self.text)

    def _chars(self, rng: tuple[int, int]) -> tuple[int, int]:
        a, b = self.doc[rng[0]], self.doc[rng[1]]
        return a.idx, b.idx + len(b.text)

    def _core(self, rng: tuple[int, int]) -> tuple[int, int]:
        """Content chars without the quotation marks at its edges."""
        a, b = rng
        while a < b and _is_quote_char(self.doc[a].text):
            a += 1
        while b > a and (_is_quote_char(self.doc[b].text) or self.doc[b].is_punct):
            b -= 1
        return self._chars((a, b))

    def _tokens_in(self, start: int, end: int) -> range:
        i = bisect.bisect_left(self._tok_starts, start)
        j = bisect.bisect_left(self._tok_starts, end)
        return range(i, j)

    # -- the steps ------------------------------------------------------------------
    def run(self) -> list[Draft]:
        drafts: list[Draft] = []
        by_cue: dict[int, Draft] = {}
        used: set[int] = set()  # indexes of attributed quotation groups
        labels = label_cues(self.text, self.doc, self._paras)
        # a speaker tag used more than once, or beside another, is a transcript's ("SMITH:"),
        # not a note's
        self._tags: dict[str, int] = {}
        for cue, _ in labels:
            if cue.source is not None and cue.source.text.isupper():
                self._tags[cue.source.text] = self._tags.get(cue.source.text, 0) + 1
        for cue, (c0, c1) in labels:
            drafts.append(self._labelled(cue, c0, c1, used))
        labelled = [d.span for d in drafts]
        _split_contents(self.doc, self.cues)
        self.cues = [c for c in _outermost(self.cues) if not any(a <= c.span[0] < b for a, b in labelled)]
        for cue in self.cues:
            if cue.content is None:
                continue
            draft = self._from_content(cue, used)
            drafts.append(draft)
            by_cue[cue.token.i] = draft
        cue_at = {c.token.i: c for c in self.cues}
        self._by_head: dict[int, list[Cue]] = {}
        for c in sorted(self.cues, key=lambda c: c.token.i):
            if c.tier != "any":  # a verb of no saying speaks only beside the quotation
                self._by_head.setdefault(c.token.head.i, []).append(c)
        cue_at = {i: c for i, c in cue_at.items() if c.tier != "any"}
        # cues a quotation can borrow: those with no content of their own, or bare ones
        self._by_char = sorted(
            (c for c in self.cues if c.content is None or c.shape == "bare"), key=lambda c: c.token.idx
        )
        self._cue_chars = [c.token.idx for c in self._by_char]
        signed = signature_cues(self.text, self.doc, self.groups, self.paragraph_end)
        for gi, group in enumerate(self.groups):
            if gi in used or self._title(group):
                continue
            cue = (
                signed.get(gi)
                or self._linked_cue(group, cue_at)
                or self._adjacent_cue(group)
                or self._colon_cue(group)
            )
            if cue is None:
                continue
            used.add(gi)
            draft = by_cue.get(cue.token.i)
            if draft is None:
                draft = Draft("direct", (group.start, group.end), cue, [group], _pieces(group))
                drafts.append(draft)
                by_cue[cue.token.i] = draft
            else:
                self._merge(draft, group)
        self._extend_after_cue(drafts, used)
        drafts.extend(self._continuations(drafts, used))
        headline = self._headline(drafts, used)
        if headline is not None:
            drafts.append(headline)
        drafts.sort(key=lambda d: d.span)
        return _dedupe(drafts)

    def _headline(self, drafts: list[Draft], used: set[int]) -> Draft | None:
        """A title-case headline that attributes, where the parse found no quote in it."""
        if not self._paras:
            return None
        p0, p1 = self._paras[0]
        if any(d.span[0] < p1 and p0 < d.span[1] for d in drafts):
            return None
        found = headline_cues(self.text, self.doc, (p0, p1), self.lexicon)
        if found is None:
            return None
        cue, (c0, c1) = found
        return self._labelled(cue, c0, c1, used, summary=True)

    def _from_content(self, cue: Cue, used: set[int]) -> Draft:
        assert cue.content is not None
        c0, c1 = self._chars(cue.content)
        k0, k1 = self._core(cue.content)
        overlapping = self._groups_over(c0, c1)
        for gi, g in overlapping:
            o0, o1 = g.outer
            if k0 >= o0 and k1 <= o1:
                used.add(gi)
                return Draft("direct", (g.start, g.end), cue, [g], _pieces(g))
        if overlapping:
            for gi, _ in overlapping:
                used.add(gi)
            s = min(c0, *(g.start for _, g in overlapping))
            e = max(c1, *(g.end for _, g in overlapping))
            return Draft("mixed", (s, e), cue, [g for _, g in overlapping], [(s, e)])
        return Draft("indirect", (c0, c1), cue, [], [(c0, c1)])

    def _labelled(self, cue: Cue, c0: int, c1: int, used: set[int], summary: bool = False) -> Draft:
        """A transcript or headline label. Marks around all the words after it make a
        direct quote of their inside; marks around some of them, a mixed one; no marks, a
        direct quote when the label is a transcript's speaker tag or a person's name (their
        own words), else an indirect one (a headline's summary after an outlet's name)."""
        overlapping = self._groups_over(c0, c1)
        for gi, _ in overlapping:
            used.add(gi)
        if any(g.outer[0] < c0 and c1 <= g.outer[1] for _, g in overlapping):
            return Draft("direct", (c0, c1), cue, [], [(c0, c1)])  # inside a running quotation
        wrapped = [
            g
            for _, g in overlapping
            if c0 <= g.outer[0]
            and g.end <= c1 + 1
            and g.start <= c0 + 1
            and _only_filler(self.text, g.outer[1], c1)
        ]
        if len(overlapping) == 1 and wrapped:
            g = wrapped[0]
            return Draft("direct", (g.start, g.end), cue, [g], _pieces(g))
        if overlapping:
            return Draft("mixed", (c0, c1), cue, [], [(c0, c1)])
        source = cue.source
        if summary:  # a headline's words after its verb are the writer's summary
            return Draft("indirect", (c0, c1), cue, [], [(c0, c1)])
        # a transcript: one tag used twice, or two speakers' tags ("MODERATOR:", "TRUMP:")
        transcript = len(self._tags) > 1 or self._tags.get(source.text if source is not None else "", 0) > 1
        own = source is not None and (
            source.ent_type_ == "PERSON" or (source.text in self._tags and transcript)
        )
        return Draft("direct" if own else "indirect", (c0, c1), cue, [], [(c0, c1)])

    def _groups_over(self, start: int, end: int) -> list[tuple[int, MarkGroup]]:
        """Quotations overlapping ``[start, end)`` (they are ordered and do not overlap)."""
        k = max(0, bisect.bisect_right(self._group_starts, start) - 1)
        out = []
        while k < len(self.groups) and self.groups[k].start < end:
            if start < self.groups[k].end:
                out.append((k, self.groups[k]))
            k += 1
        return out

    def _merge(self, draft: Draft, group: MarkGroup) -> None:
        draft.groups.append(group)
        draft.pieces.extend(_pieces(group))
        draft.span = (min(draft.span[0], group.start), max(draft.span[1], group.end))

    def _linked_cue(self, group: MarkGroup, cue_at: dict[int, Cue]) -> Cue | None:
        """The cue the quotation hangs from in the parse (or that hangs from it)."""
        o0, o1 = group.outer
        inside = self._tokens_in(o0, o1)
        if not inside:
            return None
        lo, hi = inside.start, inside.stop
        for i in inside:
            head = self.doc[i].head
            for _ in range(3):
                if lo <= head.i < hi:
                    break
                if head.i in cue_at:
                    return cue_at[head.i]
                if head.head.i == head.i:
                    break
                head = head.head
        # a cue outside the quotation whose head lies inside it (same sentence by the tree)
        hanging = [c for i in inside for c in self._by_head.get(i, ()) if not (lo <= c.token.i < hi)]
        return min(hanging, key=lambda c: c.token.i) if hanging else None

    def _adjacent_cue(self, group: MarkGroup) -> Cue | None:
        """A bare cue right after the quotation ("..." she said.) or before it with a colon.

        Only the nearest cues on each side are looked at: one after it within a short
        clause, and the few before it (a cue farther away has words between it and the
        quotation), so each quotation costs a bounded number of checks."""
        o0, o1 = group.outer
        para = self.paragraph_of(o0)
        best: tuple[int, Cue] | None = None
        lo = self._paras[para - 1][0] if para > 0 else 0
        hi = self._paras[para][1] if self._paras else len(self.text)
        k = bisect.bisect_left(self._cue_chars, o1)
        while k < len(self._by_char) and self._cue_chars[k] <= hi:
            cue = self._by_char[k]
            c = cue.token.idx
            k += 1
            if self.paragraph_of(c) != para or not _short_clause(self.text, o1, c):
                break
            if cue.tier == "any" and not (self._speech_like(group) and self._hands_on(group)):
                continue
            sent_start = self.sents.start_char(cue.token)
            if sent_start <= o1 or _only_filler(self.text, o1, sent_start):
                best = (c - o1, cue)
                break
        k = bisect.bisect_left(self._cue_chars, o0) - 1
        for _ in range(_NEAREST):
            if k < 0 or self._cue_chars[k] < lo:
                break
            cue = self._by_char[k]
            c = cue.token.idx
            k -= 1
            if cue.tier == "any" and not self._speech_like(group):
                continue
            introduces = cue.colon or self.sents.start_char(cue.token) <= o0 <= self.sents.end_char(cue.token)
            if (
                introduces
                and (_only_filler(self.text, cue.colon or cue.span[1], o0) or self._own_modifiers(cue, o0))
                and self.paragraph_of(c) >= para - 1
            ):
                dist = o0 - c
                if best is None or dist < best[0]:
                    best = (dist, cue)
                break
        return best[1] if best else None

    def _own_modifiers(self, cue: Cue, o0: int) -> bool:
        """'X said of the plan, "..."' / 'who joked on Monday, "..."': between the cue and the
        quotation only the cue's own modifiers (no verb, at most a few words), then a comma
        or colon: the cue introduces the quotation as if it stood right before it."""
        at = _last_char(self.text, cue.span[1], o0)
        if at < 0 or self.text[at] not in ",:":
            return False
        between = self._tokens_in(cue.span[1], at)
        if not between or len(between) > _OWN_MODIFIERS:
            return False
        head = cue.token
        for i in between:
            tok = self.doc[i]
            if tok.is_space or (tok.is_punct and not _is_quote_char(tok.text)):
                continue
            if tok.pos_ in ("VERB", "AUX") or _is_quote_char(tok.text) or not head.is_ancestor(tok):
                return False
        return True

    def _colon_cue(self, group: MarkGroup) -> Cue | None:
        """'Sanders made the following comment: "..."': the clause before a colon introduces it."""
        o0 = group.outer[0]
        para = self.paragraph_of(o0)
        lo = self._paras[para - 1][0] if para > 0 else 0
        at = _last_char(self.text, lo, o0)
        if at < 0 or self.text[at] != ":" or len(self.text[group.start : group.end].split()) < 2:
            return None
        colon = self.doc.char_span(at, at + 1, alignment_mode="expand")
        if colon is None:
            return None
        root = self._clause_before(colon[0], group.outer[0])
        source = None
        if root.pos_ in ("VERB", "AUX"):
            source = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        elif root.pos_ == "NOUN":
            for prep in root.children:
                if prep.dep_ == "prep" and prep.lower_ in ("from", "by"):
                    source = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if source is None or source.lower_ in _EMPTY_SUBJECTS:
            root, source = self._named_clause(root, o0)
        if source is None:
            return None
        cue = Cue(root, root.text, (root.idx, root.idx + len(root.text)), "colon")
        cue.source = source
        return cue

    def _named_clause(self, root: Token, o0: int) -> tuple[Token, Token | None]:
        """'Here is how Olsen put it:' -- an introduction with no subject of its own: the
        clause inside it whose subject is a name speaks (the last such before the colon)."""
        found: tuple[Token, Token | None] = (root, None)
        for tok in root.subtree:
            if tok.idx >= o0:
                break
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i != root.i and tok.pos_ == "PROPN":
                found = (tok.head, tok)
        return found

    def _clause_before(self, colon: Token, o0: int) -> Token:
        """The root of the clause a colon closes. The parse often makes the quoted sentence
        the root and hangs the introduction from it ('Olsen put it bluntly: "We ..."'): the
        introduction is then the highest word before the quotation, never a quoted word
        (whose subject, "We", is not who speaks)."""
        root = self.sents.root(colon)
        if root.idx < o0:
            return root
        tok = self.doc[colon.i - 1] if colon.i > 0 else colon
        for _ in range(16):  # a bounded climb: trees are shallow
            if tok.head.i == tok.i or tok.head.idx >= o0:
                break
            tok = tok.head
        return tok

    def _extend_after_cue(self, drafts: list[Draft], used: set[int]) -> None:
        """'"A." she said. "B."' — B, in the same paragraph, is the same quote."""
        for draft in drafts:
            if draft.kind != "direct" or draft.cue is None or not draft.groups:
                continue
            if draft.cue.token.idx < draft.groups[-1].outer[1]:
                continue
            cue_sent_end = self.sents.end_char(draft.cue.token)
            para = self.paragraph_of(draft.cue.token.idx)
            first = max(0, bisect.bisect_left(self._group_starts, cue_sent_end) - 1)
            for gi in range(first, len(self.groups)):
                group = self.groups[gi]
                if group.outer[0] < cue_sent_end:
                    continue
                # a quotation already attributed, or words, end the run
                if (
                    gi in used
                    or self.paragraph_of(group.outer[0]) != para
                    or not _only_filler(self.text, cue_sent_end, group.outer[0])
                ):
                    break
                used.add(gi)
                self._merge(draft, group)
                cue_sent_end = group.outer[1]

    def _continuations(self, drafts: list[Draft], used: set[int]) -> list[Draft]:
        out: list[Draft] = []
        ordered = sorted(drafts, key=lambda d: d.span)
        ends = [d.span[1] for d in ordered]
        for gi, group in enumerate(self.groups):
            if gi in used or not self._sentence_like(group):
                continue
            k = bisect.bisect_right(ends, group.outer[0]) - 1
            if k < 0:
                continue
            prev = ordered[k]
            if prev.kind == "indirect" or (prev.cue is None and prev.follows is None):
                continue
            if self.paragraph_of(group.outer[0]) - self.paragraph_of(prev.span[1]) > 2:
                continue
            draft = Draft("direct", (group.start, group.end), None, [group], _pieces(group))
            draft.via = "continuation"
            draft.follows = prev.follows or prev
            out.append(draft)
            used.add(gi)
        return out

    def _title(self, group: MarkGroup) -> bool:
        """A name in quotation marks ("The Long Road Home"): capitalised words, no full stop."""
        inner = self.text[group.start : group.end].rstrip()
        words = [w for w in inner.split() if w[:1].isalpha()]
        return len(words) > 1 and all(w[0].isupper() for w in words) and inner[-1:] not in ".!?"

    def _speech_like(self, group: MarkGroup) -> bool:
        """Quoted speech rather than a quoted term: it ends with the punctuation of a
        sentence inside the marks ("Leave now,"), or runs to four words; never a title."""
        inner = self.text[group.start : group.end].rstrip()
        words = [w for w in inner.split() if w[:1].isalpha()]
        if not words or (len(words) > 1 and all(w[0].isupper() for w in words)):
            return False
        return inner[-1:] in ",.!?…" or len(words) >= 4

    def _hands_on(self, group: MarkGroup) -> bool:
        """The quotation leaves its sentence open for what follows ("Stay," / "Stay!" /
        "Stay?"): a full stop inside the marks closes it, so a verb of no saying after it
        ('"We checked it." Berg disagreed.') starts the writer's next sentence."""
        inner = self.text[group.start : group.end].rstrip()
        return inner[-1:] != "."

    def _sentence_like(self, group: MarkGroup, anywhere: bool = False) -> bool:
        """Four words or more, not a title; unless ``anywhere``, opening a sentence too."""
        o0 = group.outer[0]
        para_start = self._para_starts[self.paragraph_of(o0)]
        at = _last_char(self.text, para_start, o0)
        if not anywhere and at >= 0 and self.text[at] not in _SENTENCE_END:
            return False
        words = [w for w in self.text[group.start : group.end].split() if w[:1].isalpha()]
        return len(words) >= 4 and not all(w[0].isupper() for w in words)  # not a title


class _CueIndex:
    """Cues by token index, to find those inside a token range without a quadratic scan."""

    def __init__(self, cues: list[Cue]) -> None:
        self.cues = sorted(cues, key=lambda c: c.token.i)
        self.positions = [c.token.i for c in self.cues]

    def within(self, a: int, b: int) -> list[Cue]:
        lo = bisect.bisect_left(self.positions, a)
        hi = bisect.bisect_right(self.positions, b)
        return self.cues[lo:hi]


def _split_contents(doc: Doc, cues: list[Cue]) -> None:
    """'X said A, arguing that B': A is X's saying, B the next attribution -- a cue that
    closes another cue's content ends that content where its own clause begins."""
    index = _CueIndex([c for c in cues if c.content is not None])
    for cue in cues:
        if cue.content is None:
            continue
        a, b = cue.content
        for other in index.within(a + 2, b):
            t = other.token
            if other is cue or t.right_edge.i < b or t.dep_ not in ("advcl", "conj") or t.left_edge.i <= a:
                continue
            before = doc[t.left_edge.i - 1]
            if before.text not in (",", ";", "—", "--") and before.dep_ != "cc":
                continue
            cut = t.left_edge.i - 1
            while cut > a and (doc[cut].is_punct or doc[cut].is_space or doc[cut].dep_ == "cc"):
                cut -= 1
            if cut - a >= 1:
                b = cut
        cue.content = (a, b)


def _outermost(cues: list[Cue]) -> list[Cue]:
    """Drop cues inside another cue's content: "X said Y described Z" is X's quote."""
    index = _CueIndex(cues)
    inner: set[int] = set()
    for d in cues:
        if d.content is None:
            continue
        a, b = d.content
        for c in index.within(a, b):
            if c is d:
                continue
            # mutual containment (each inside the other's content) drops neither
            if not (c.content is not None and c.content[0] <= d.token.i <= c.content[1]):
                inner.add(id(c))
    return [c for c in cues if id(c) not in inner]


def _pieces(group: MarkGroup) -> list[tuple[int, int]]:
    return [(seg.start, seg.end) for seg in group.segments]


def _only_filler(text: str, start: int, end: int) -> bool:
    """Only spaces and light punctuation in ``text[start:end]`` (the scan stops at the first
    other character, so a long gap costs nothing)."""
    m = _FILLER.match(text, start, max(start, end))
    return m is not None and m.end() >= end


def _short_clause(text: str, start: int, end: int) -> bool:
    """The words between a quotation and its trailing cue: a short attribution clause
    (read word by word up to the limit, never the whole gap)."""
    m = _SHORT_CLAUSE.match(text, start, max(start, end))
    return m is not None and m.end() >= end


def _last_char(text: str, start: int, end: int) -> int:
    """The index of the last non-space character in ``text[start:end]``, or -1."""
    i = end - 1
    while i >= start and text[i].isspace():
        i -= 1
    return i if i >= start else -1


def _dedupe(drafts: list[Draft]) -> list[Draft]:
    out: list[Draft] = []
    for d in drafts:
        if out and out[-1].span == d.span:
            continue
        out.append(d)
    return out
