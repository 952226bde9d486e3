"""The token table: each token's attributes of one parsed ``Doc``, read once, as plain lists.

Why: every stage reads ``token.lemma_``, ``.lower_``, ``.dep_``... many times over, and
each read goes through spaCy's ``Token`` wrapper and its ``StringStore`` (60-100 ns;
``doc[i]`` itself 80 ns, ``Token.sent`` several microseconds, since it walks the
sentence). Here the doc is read in one ``Doc.to_array`` call, its hashes turned into
strings through a process-wide cache, so a stage reads a list item (10 ns) instead.

The table is built once per article, right after the parse (``Context``), and handed to
the stages as ``ctx.tokens``; code that is given only a ``Token`` reaches the same table
through ``tokens_of(token.doc)`` (a one-slot cache: one article is analysed at a time).
It is read-only: nothing here may change what a stage computes, only how fast it reads.
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH, POS, TAG
from spacy.tokens import Span

if TYPE_CHECKING:
    from spacy.strings import StringStore
    from spacy.tokens import Doc, Token

__all__ = ["TokenTable", "head_steps", "span_of", "tokens_of"]

# hash -> string, and hash -> lower-cased string; shared by every doc of the process. The
# strings are the model's vocabulary and the articles' words: bounded by what was read.
_STRINGS: dict[int, str] = {}
_LOWERED: dict[int, str] = {}
_CACHE_LIMIT = 2_000_000  # past this many strings the caches start again (a long-running server)


def _strings(hashes: list[int], strings: StringStore, cache: dict[int, str], lower: bool) -> list[str]:
    """The strings of ``hashes`` (lower-cased when ``lower``), through ``cache``."""
    try:
        return list(map(cache.__getitem__, hashes))  # C-level: every string seen before
    except KeyError:
        for h in hashes:
            if h not in cache:
                cache[h] = strings[h].lower() if lower else strings[h]
        return list(map(cache.__getitem__, hashes))


class TokenTable:
    """Per token ``i`` of one doc: ``text[i]`` (``Token.text``), ``lower[i]`` (``.lower_``),
    ``lemma[i]`` (``.lemma_.lower()``, the form every stage compares), ``tag[i]``, ``dep[i]``,
    ``ent_type[i]``, ``pos[i]`` (the ``_`` strings), ``head[i]`` (``.head.i``), ``idx[i]``
    (``.idx``), ``punct[i]`` (``.is_punct``), ``space[i]`` (``.is_space``), ``children[i]``
    (the ``.i`` of ``.children``) and ``sent[i]`` (the index of its sentence in ``sents``);
    per sentence ``k``: ``sents[k]`` (the ``Span``), ``starts[k]`` and ``ends[k]`` (its
    token bounds).

    Each column is read from the doc on first use and kept: a stage pays only for the
    columns some stage reads.
    """

    text: list[str]
    lower: list[str]
    lemma: list[str]
    tag: list[str]
    dep: list[str]
    ent_type: list[str]
    pos: list[str]
    head: list[int]
    idx: list[int]
    punct: list[bool]
    space: list[bool]
    sent: array[int]
    children: list[list[int]]

    def __init__(self, doc: Doc, sents: list[Span] | None = None, text: str | None = None) -> None:
        self.doc = doc
        self._text = text  # the doc's text, when the caller has it (``doc.text`` joins the tokens anew)
        self.sents: list[Span] = list(doc.sents) if sents is None else sents
        self.starts: list[int] = [s.start for s in self.sents]
        self.ends: list[int] = [s.end for s in self.sents]
        self._caches: dict[str, dict] = {}

    @property
    def doc_text(self) -> str:
        """``doc.text``, read once: given by the pipeline's context, else joined here once."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    def cache(self, name: str) -> dict:
        """A dict that lives as long as this doc's table: the memo of a function of the
        parse alone (the same token asked about by several stages gets one answer)."""
        found = self._caches.get(name)
        if found is None:
            found = self._caches[name] = {}
        return found

    def __getattr__(self, name: str) -> list:
        # only called for a column not read yet: read it, keep it as a plain attribute
        if name not in _COLUMN_OF:
            raise AttributeError(name)
        column = _COLUMN_OF[name]
        doc = self.doc
        n = len(doc)
        if name == "children":  # in index order, as ``Token.children`` yields them
            kids: list[list[int]] = [[] for _ in range(n)]
            for i, h in enumerate(self.head):
                if h != i:
                    kids[h].append(i)
            value: list | array = kids
        elif name == "sent":
            value = array("i", bytes(4 * n))
            for k, (a, b) in enumerate(zip(self.starts, self.ends, strict=True)):
                value[a:b] = array("i", [k]) * (b - a)
        else:
            if len(_STRINGS) > _CACHE_LIMIT:
                _STRINGS.clear()
                _LOWERED.clear()
            if name == "head":  # stored relative to the token, as an unsigned 64-bit value
                value = (doc.to_array(column).view("int64") + numpy.arange(n)).tolist() if n else []
                setattr(self, name, value)
                return value
            values = doc.to_array(column).tolist() if n else []
            if name == "idx":
                value = values
            elif name in ("punct", "space"):
                value = list(map(bool, values))
            elif name == "lemma":
                value = _strings(values, doc.vocab.strings, _LOWERED, lower=True)
            else:
                value = _strings(values, doc.vocab.strings, _STRINGS, lower=False)
        setattr(self, name, value)
        return value

    def __len__(self) -> int:
        return len(self.doc)

    def ancestors(self, i: int) -> list[int]:
        """The heads above token ``i``, nearest first (``Token.ancestors``, as indices)."""
        head = self.head
        out: list[int] = []
        while head[i] != i and len(out) < len(head):  # the bound: as spaCy's, against a cycle
            i = head[i]
            out.append(i)
        return out

    def head_steps(self, i: int, limit: int = 8) -> Iterator[tuple[int, int]]:
        """``head_steps`` as indices: (token, its head) going up from token ``i``, at most
        ``limit`` steps, ending below the root."""
        head = self.head
        for _ in range(limit):
            up = head[i]
            if up == i:
                return
            yield i, up
            i = up

    def sent_of(self, i: int) -> Span:
        """The sentence of token ``i`` (what ``doc[i].sent`` builds anew on every call)."""
        return self.sents[self.sent[i]]

    def sent_start(self, i: int) -> int:
        """The first token of token ``i``'s sentence (``doc[i].sent.start``)."""
        return self.starts[self.sent[i]]

    def sent_end(self, i: int) -> int:
        """One past the last token of token ``i``'s sentence (``doc[i].sent.end``)."""
        return self.ends[self.sent[i]]


_COLUMN_OF = {
    "text": ORTH,
    "lower": LOWER,
    "lemma": LEMMA,
    "tag": TAG,
    "dep": DEP,
    "ent_type": ENT_TYPE,
    "pos": POS,
    "head": HEAD,
    "idx": IDX,
    "punct": IS_PUNCT,
    "space": IS_SPACE,
    "sent": None,
    "children": None,
}


_local = threading.local()


def tokens_of(doc: Doc) -> TokenTable:
    """The table of ``doc``: the one the pipeline built for it, else a new one.

    One slot per thread holds the last table (and so its doc, which keeps the identity
    check sound): the stages of one article all ask about the same doc.
    """
    last = getattr(_local, "table", None)
    if last is not None and last.doc is doc:
        return last
    table = TokenTable(doc)
    _local.table = table
    return table


def remember(table: TokenTable) -> TokenTable:
    """Make ``table`` the one ``tokens_of`` returns for its doc (the pipeline's, built once)."""
    _local.table = table
    return table


def head_steps(tok: Token, limit: int = 8) -> Iterator[tuple[Token, Token]]:
    """(token, its head) pairs going up the parse from ``tok``, at most ``limit`` of them,
    ending below the root: the short walk up that the clause tests share ("is this word in a
    relative clause", "does a speech verb govern it")."""
    cur = tok
    for _ in range(limit):
        head = cur.head
        if head.i == cur.i:
            return
        yield cur, head
        cur = head


def span_of(doc: Doc, start: int, end: int) -> Span:
    """``doc[start:end]``, the same ``Span``, built directly when the bounds lie inside the doc.

    Why: ``Doc.__getitem__`` sends every slice through ``spacy.util.normalize_slice``, a
    Python function (negative and open bounds), which is two thirds of a slice's cost; the
    stages slice the doc tens of thousands of times per hundred articles, always with
    bounds already in range. Other bounds take spaCy's own path, so nothing changes.
    """
    if 0 <= start <= end <= len(doc):
        return Span(doc, start, end)
    return doc[start:end]
