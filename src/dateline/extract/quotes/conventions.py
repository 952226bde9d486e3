"""Typographic attribution with no reporting verb: a signature dash and a speaker label.

- signature: a quotation followed by a dash and a name closing the paragraph
  (``"..." ― Jane Doe``), as in testimonials and epigraphs;
- label: a paragraph that opens with a name and a colon (``SMITH: ...`` in transcripts,
  ``Smith: ...`` in headlines, ``Smith, The Daily Star: ...`` in round-ups, where the
  outlet after the comma is not the speaker). Only names the parse recognises as a person
  or an organisation, names of persons the article names elsewhere, or all-capital speaker
  tags count, so "Note:" never speaks. What follows the label is the speaker's own words:
  a direct quote, marks or not;
- headline: a title-case headline whose verb attributes ("Senators Rip Plan As '...'",
  "Plan Is 'Dead,' Olsen Says"), the verb found by its form.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from dateline.extract.quotes.cues import Cue
from dateline.extract.quotes.lexicon import CueLexicon
from dateline.extract.quotes.marks import MarkGroup

_SIGNATURE = re.compile(r"\s*[―—–-]{1,2}\s*((?:[A-Z][\w.'’-]*\.?\s*){1,6})\.?\s*$")
# "Name: ...", "NAME: ...", and the round-up "Name, Outlet: ..." (the outlet is not the speaker)
_LABEL = re.compile(
    r"[\"“'‘]?\s*((?:[A-Z][\w.'’-]*\s+){0,4}[A-Z][\w.'’-]*)(?:,\s+(?:[A-Z][\w.'’&-]*\s*){1,5})?\s*:\s+\S"
)
_SPEAKER_TYPES = ("PERSON", "ORG", "GROUP", "NORP", "GPE")
# words a title-case headline leaves in lower case (AP and Chicago headline style)
_MINOR = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "but", "nor", "as"}
    | {"with", "from", "into", "vs"}
)
_MODALS = frozenset(["can", "could", "will", "would", "should", "may", "might", "must"])
_HEADLINE_WORDS = 3  # a title-case headline has at least this many capitalised words


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


def headline_cues(
    text: str, doc: Doc, paragraph: tuple[int, int], lex: CueLexicon
) -> tuple[Cue, tuple[int, int]] | None:
    """(cue, content chars) of a title-case headline that attributes ("Senators Rip Plan
    As 'A Disgrace'", "Plan Is 'Dead,' Olsen Says"). Title case hides the verb from the
    tagger (a capitalised "Reveals" is read as a name), so the verb is found by its form:
    a cue verb of the lexicon, or a verb of headlinese, in the present ("Rip", "Reveals").
    The words before it are the source, those after it the content; a final ", Name
    Says." attributes the words before the comma."""
    start, end = paragraph
    words = [m for m in re.finditer(r"[A-Za-z][\w’'-]*", text[start:end])]
    major = [w.group() for w in words if w.group().lower() not in _MINOR]
    if len(major) < _HEADLINE_WORDS or not all(w[0].isupper() for w in major):
        return None
    if not any(_verb_form(w.group(), lex, speech=False) for w in words[1:]):
        return None  # no verb form at all: the tokens need not be looked at
    stop = end - 1 if text[end - 1] == "." else end
    tokens = [t for t in doc.char_span(start, stop, alignment_mode="expand") or () if not t.is_space]
    if len(tokens) < 3:
        return None
    last = tokens[-1]
    if _verb_form(last.text, lex, speech=True) and len(tokens) > 3:
        comma = next((t for t in reversed(tokens[:-1]) if t.text == ","), None)
        if comma is not None and comma.i - tokens[0].i >= 2 and last.i - comma.i >= 2:
            cue = Cue(last, last.text, (last.idx, last.idx + len(last.text)), "headline")
            cue.source = doc[last.i - 1]
            return cue, (tokens[0].idx, comma.idx)
    for k, tok in enumerate(tokens[1:-1], start=1):
        before = tokens[k - 1].lower_
        if before in _MODALS or not _verb_form(tok.text, lex, speech=False):
            continue
        if _plural(before) == _plural(tok.lower_) or tokens[k - 1].pos_ not in ("PROPN", "NOUN"):
            continue  # no agreement, or no noun before: "Budget Plan" is a noun, "Senators Rip" a verb
        if any(t.is_punct for t in tokens[:k]):
            return None  # a quotation or a clause before the verb: no subject to speak
        cue = Cue(tok, tok.text, (tok.idx, tok.idx + len(tok.text)), "headline")
        cue.source = tokens[k - 1]
        return cue, (tokens[k + 1].idx, stop)
    return None


def _plural(word: str) -> bool:
    """The shape of a plural noun or of a verb in the third person ("senators", "rips")."""
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))  # not "curious", "crisis"


def _verb_form(word: str, lex: CueLexicon, speech: bool) -> bool:
    """A capitalised present-tense verb of the lexicon ("Says", "Reveals", "Denies",
    "Rip"): of saying only (``speech``), or any cue verb or verb of headlinese."""
    if not word[:1].isupper() or not word.isalpha():
        return False
    w = word.lower()
    forms = {w, w[:-1] if w.endswith("s") else w}
    if w.endswith("es"):
        forms.add(w[:-2])
    if w.endswith("ies"):
        forms.add(w[:-3] + "y")
    if speech:
        return any(f in lex.speech for f in forms)
    return any(lex.is_cue_verb(f) or f in lex.headline_verbs for f in forms)


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
