"""Wire datelines: where a news text says it was filed ("KAMPALA - ", "MOMBASA, Kenya
(Reuters) - ", "NEWPORT NEWS, Va. — ").

A dateline opens a line, or follows the end of a sentence where a title was run into the
body on one line ("Fire guts mill. COLUMBUS -- ..."): the place (one to four capitalised
words, with the particles of names like "Vejer de la Frontera"), maybe its state or
country, maybe the agency in brackets, then a dash. The text is read once per article
(``Context.datelines``); the places stage and the events stage ask the same reading for
their own ends:

- the article's home place is its own dateline, the one that opens its text
  (``Datelines.head``);
- a place written in capitals in a dateline is a place whatever the NER made of it
  (``Datelines.capital_places``);
- the place of a dateline that opens a line says where the report was filed, not where
  its event happened (``Datelines.opens_line``).

A colon closes a dateline only at the article's head ("NEW DELHI: ..."): elsewhere a
capitalised word and a colon are mostly a label ("VIDEO:", "Contributing:", "Source:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Dateline", "Datelines", "find_datelines"]

_WORD = r"[A-Z][\w.'’-]*"
# the lower-case words inside a place's name ("Vejer de la Frontera", "Frankfurt am Main")
_PARTICLE = r"(?:de|del|la|las|los|di|da|do|dos|du|des|le|les|al|el|am|an|der|upon|sur)"
_GAP = r"[^\S\n]"  # a space within the line

# where it may start (the text's or a line's start, or after a sentence's end), the
# place, its state or country, the agency, the dash; a hyphen inside a word
# ("Logan-Rogersville students ...") is not the dateline's dash
_DATELINE = re.compile(
    rf"(?:^|(?<=\n)|(?<=[.!?]\s)){_GAP}*"
    rf"(?P<place>{_WORD}(?:{_GAP}+(?:{_PARTICLE}{_GAP}+)*{_WORD}){{0,3}})"
    rf"(?:,{_GAP}*(?P<qualifier>{_WORD}(?:{_GAP}+(?:of{_GAP}+)?(?:the{_GAP}+)?{_WORD}){{0,4}}))?"
    rf"{_GAP}*(?:\((?P<agency>[\w .]+)\){_GAP}*)?"
    r"(?P<dash>[—–:]|--|(?<=\s)-(?=\s))"
)

# the characters after which a dateline may start, as _DATELINE's first group allows
# (the text's start aside): a line break, or a sentence's end followed by a space
_MARKS = re.compile(r"[\n.!?]")

# a name written in capitals: "WASHINGTON", "NEWPORT NEWS", "COEUR D'ALENE"
_CAPITALS = re.compile(r"[A-Z][A-Z'.-]+(?:\s[A-Z][A-Z'.-]+)*")


@dataclass(frozen=True)
class Dateline:
    """One dateline: character spans of its place name, of its state or country (if any)
    and of the whole dateline through its dash; the agency named in brackets, if any;
    whether it opens a line, whether its place is written in capitals and whether a
    colon closes it."""

    place: tuple[int, int]
    span: tuple[int, int]
    qualifier: tuple[int, int] | None
    agency: str | None
    line_start: bool
    capitals: bool
    colon: bool


def find_datelines(text: str) -> tuple[Dateline, ...]:
    """Every dateline of ``text``, in order (colon-closed ones included)."""
    found: list[Dateline] = []
    for m in _dateline_matches(text):
        start = m.start("place")
        line = text.rfind("\n", 0, start) + 1
        place = m.group("place").rstrip(".")
        found.append(
            Dateline(
                place=(start, start + len(place)),
                span=(start, m.end()),
                qualifier=m.span("qualifier") if m.group("qualifier") else None,
                agency=m.group("agency").strip() if m.group("agency") else None,
                line_start=not text[line:start].strip(),
                capitals=_CAPITALS.fullmatch(place) is not None,
                colon=m.group("dash") == ":",
            )
        )
    return tuple(found)


def _dateline_matches(text: str) -> list[re.Match[str]]:
    """``_DATELINE.finditer(text)``, tried only where a dateline may start.

    Why: ``finditer`` tries the pattern's lookbehinds at every character of the article;
    a dateline starts only at the text's start, after a line break or after a sentence's
    end, which one scan for those few characters finds (the pattern's own first group
    still decides: ``match`` at a position sees the text before it). Non-overlapping
    and in order, as ``finditer`` yields them.
    """
    found: list[re.Match[str]] = []
    end = 0
    size = len(text)
    for at in (0, *(mark.end() for mark in _MARKS.finditer(text))):
        if at and text[at - 1] != "\n":
            if at >= size or not text[at].isspace():  # the pattern's \s: str.isspace
                continue
            at += 1
        if at < end:
            continue
        m = _DATELINE.match(text, at)
        if m is not None:
            found.append(m)
            end = m.end()
    return found


class Datelines:
    """The datelines of one article, read once, and the questions its stages ask of them."""

    def __init__(self, text: str) -> None:
        self.all = find_datelines(text)
        first = self.all[0] if self.all else None
        # the first, when it opens the text
        self.head: Dateline | None = (
            first if first is not None and not text[: first.place[0]].strip() else None
        )
        wire = [d for d in self.all if not d.colon]
        self._line_places = frozenset(d.place[0] for d in wire if d.line_start)
        self._capitals = tuple(d.place for d in wire if d.capitals)

    def opens_line(self, start: int) -> bool:
        """Whether the place named at ``start`` is the place of a dateline opening a line."""
        return start in self._line_places

    def capital_places(self) -> tuple[tuple[int, int], ...]:
        """The spans of the places of datelines written in capitals ("CROMWELL — ...")."""
        return self._capitals
