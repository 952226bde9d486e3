"""Sentence look-ups in constant time, so the quote stage stays linear in the text.

spaCy's ``Token.sent`` walks the sentence to find its edges on every call, so asking it
once per quotation or cue costs the sentence's length each time: an article made of a
few long sentences full of quotation marks turned quadratic (a 54 KB article with 6,000
marks took 86 s). This index is built once per doc, in one pass over its sentences.
"""

from __future__ import annotations

from array import array

from spacy.tokens import Doc, Token


class Sentences:
    """Per token: its sentence; per sentence: token and character edges, last word."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._of = array("i", [0]) * len(doc)
        self.starts: list[int] = []  # first token of each sentence
        self.ends: list[int] = []  # one past the last token
        self.start_chars: list[int] = []
        self.end_chars: list[int] = []
        self.last_word: list[int] = []  # last token that is not punctuation or space (-1: none)
        for k, sent in enumerate(doc.sents):
            self.starts.append(sent.start)
            self.ends.append(sent.end)
            self.start_chars.append(sent.start_char)
            self.end_chars.append(sent.end_char)
            last = -1
            for i in range(sent.start, sent.end):
                self._of[i] = k
                tok = doc[i]
                if not (tok.is_punct or tok.is_space):
                    last = i
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
