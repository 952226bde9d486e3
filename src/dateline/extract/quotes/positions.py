"""Sentence look-ups in constant time, so the quote stage stays linear in the text.

spaCy's ``Token.sent`` walks the sentence to find its edges on every call, so asking it
once per quotation or cue costs the sentence's length each time: an article made of a
few long sentences full of quotation marks turned quadratic (a 54 KB article with 6,000
marks took 86 s). This index is built once per doc, in one pass over its sentences.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.tokens import tokens_of


class Sentences:
    """Per token: its sentence; per sentence: token and character edges, last word."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        t = tokens_of(doc)  # the doc's sentences and token attributes, read once per article
        self._of = t.sent
        self.starts: list[int] = t.starts  # first token of each sentence
        self.ends: list[int] = t.ends  # one past the last token
        self.start_chars: list[int] = [s.start_char for s in t.sents]
        self.end_chars: list[int] = [s.end_char for s in t.sents]
        self.last_word: list[int] = []  # last token that is not punctuation or space (-1: none)
        punct, space = t.punct, t.space
        for a, b in zip(t.starts, t.ends, strict=True):
            last = -1
            for i in range(b - 1, a - 1, -1):
                if not (punct[i] or space[i]):
                    last = i
                    break
            self.last_word.append(last)

    def of(self, tok: Token) -> int:
        return self._of[tok.i]

    def start(self, tok: Token) -> int:
        """The index of the first token of ``tok``'s sentence."""
        return self.starts[self._of[tok.i]]

    def start_char(self, tok: Token) -> int:
        return self.start_chars[self._of[tok.i]]

    def end_char(self, tok: Token) -> int:
        return self.end_chars[self._of[tok.i]]

    def root(self, tok: Token) -> Token:
        """The sentence's root: climb heads (the parse's sentences are trees)."""
        cur = tok
        while cur.head.i != cur.i:
            cur = cur.head
        return cur

    def final(self, tok: Token) -> bool:
        """Only punctuation and spaces follow ``tok`` in its sentence."""
        return tok.i >= self.last_word[self._of[tok.i]]
