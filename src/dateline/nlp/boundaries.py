"""Sentence boundaries at paragraph breaks.

The parser sometimes runs a sentence across a blank line (measured on the seed), and a
quotation never continues across a paragraph without a new opening mark, so every token
that follows a newline starts a sentence.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "dateline_paragraphs"


@Language.component(COMPONENT)
def paragraph_boundaries(doc: Doc) -> Doc:
    for i in range(1, len(doc)):
        prev = doc[i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            doc[i].is_sent_start = True
        elif doc[i].is_space and "\n" in doc[i].text:
            doc[i].is_sent_start = False
    return doc


def add_paragraph_boundaries(nlp: Language) -> None:
    if COMPONENT in nlp.pipe_names:
        return
    before = "parser" if "parser" in nlp.pipe_names else None
    if before:
        nlp.add_pipe(COMPONENT, before=before)
    else:
        nlp.add_pipe(COMPONENT)
