"""Typographic attribution with no reporting verb: a signature dash and a speaker label.

- signature: a quotation followed by a dash and a name closing the paragraph
  (``"..." ― Jane Doe``), as in testimonials and epigraphs;
- label: a paragraph that opens with a name and a colon (``SMITH: ...`` in transcripts,
  ``Smith: ...`` in headlines, ``Smith, The Daily Star: ...`` in round-ups, where the
  outlet after the comma is not the speaker). Only names the parse recognises as a person
  or an organisation, names of persons the article names elsewhere, or all-capital speaker
  tags count, so "Note:" never speaks. What
  follows the label is the speaker's own words: a direct quote, marks or not.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dateline.extract.quotes.cues import Cue
from dateline.extract.quotes.marks import MarkGroup

_SIGNATURE = re.compile(r"\s*[―—–-]{1,2}\s*((?:[A-Z][\w.'’-]*\.?\s*){1,6})\.?\s*$")
# "Name: ...", "NAME: ...", and the round-up "Name, Outlet: ..." (the outlet is not the speaker)
_LABEL = re.compile(
    r"[\"“'‘]?\s*((?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*)(?:,\s+(?:[A-Z][\w.'’&-]*\s*){1,5})?\s*:\s+\S"
)
_SPEAKER_TYPES = ("PERSON", "ORG", "GROUP", "NORP", "GPE")


def signature_cues(text: str, doc: Doc, groups: list[MarkGroup], para_end) -> dict[int, Cue]:
    """Quotation index -> a dash cue whose source is the signed name."""
    out: dict[int, Cue] = {}
    for gi, g in enumerate(groups):
        if g.unclosed:
            continue
        o1 = g.outer[1]
        end = para_end(o1)
        m = _SIGNATURE.match(text, o1, end)
        if not m:
            continue
        name = doc.char_span(
            m.start(1), m.end(1) if text[m.end(1) - 1] != " " else m.end(1) - 1, alignment_mode="expand"
        )
        dash = doc.char_span(o1, m.start(1), alignment_mode="expand")
        if name is None or dash is None or not len(name):
            continue
        dash_tok = next((t for t in dash if t.is_punct and t.text.strip()), dash[0])
        source = name[-1] if not name[-1].is_punct else name.root
        cue = Cue(dash_tok, dash_tok.text, (dash_tok.idx, dash_tok.idx + len(dash_tok.text)), "signature")
        cue.source = source
        out[gi] = cue
    return out


def label_cues(text: str, doc: Doc, paragraphs: list[tuple[int, int]]) -> list[tuple[Cue, tuple[int, int]]]:
    """(cue, content chars) for each paragraph that opens with a speaker label."""
    out = []
    people: set[str] | None = None  # the persons the article names, by full and last name
    for start, end in paragraphs:
        m = _LABEL.match(text, start, end)
        if not m:
            continue
        label = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if label is None or not len(label):
            continue
        words = m.group(1).split()
        shouting = all(w.isupper() and len(w) > 1 for w in words)
        named = any(t.ent_type_ in _SPEAKER_TYPES for t in label) and all(t.ent_type_ for t in label)
        if not (shouting or named):
            # a title-case headline hides names from NER ("Olsen: Bridge Will Reopen"): a
            # label that is the name of a person the article names elsewhere speaks too
            if people is None:
                people = _people(doc)
            if " ".join(words) not in people:
                continue
        colon_at = m.end() - 1
        while text[colon_at] != ":":
            colon_at -= 1
        colon = doc.char_span(colon_at, colon_at + 1, alignment_mode="expand")
        if colon is None:
            continue
        c0 = colon_at + 1
        while c0 < end and text[c0].isspace():
            c0 += 1
        c1 = end
        while c1 > c0 and text[c1 - 1] in "\"”’' ":
            c1 -= 1
        if len(text[c0:c1].split()) < 3:
            continue
        cue = Cue(colon[0], ":", (colon_at, colon_at + 1), "label")
        cue.source = label.root
        out.append((cue, (c0, c1)))
    return out


def _people(doc: Doc) -> set[str]:
    names = {" ".join(e.text.split()) for e in doc.ents if e.label_ == "PERSON"}
    return names | {n.split()[-1] for n in names if n}
