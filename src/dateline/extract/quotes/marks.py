"""Quotation marks: pair them within paragraphs and chain quotes across paragraphs.

Text-level, before any parse: the parser does not know where a quotation ends, the marks
do. Rules (English typography):
- curly “ ” (and the typos ” ... ” and “ ... “), angle « » (and » « when the text opens
  with »), low „ “, NYT `` '' and
  doubled '' '', straight "; single quotes ‘ ’ and ' only where no double quote is open
  (nested single quotes stay inside the outer quotation);
- a paragraph that leaves a quotation open continues it into the next paragraph when
  that one opens with a quotation mark (the convention for multi-paragraph quotes);
  otherwise the quotation ends at its paragraph's end and is marked ``unclosed``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# one paragraph per line: feeds and trafilatura join paragraphs with a single newline
_PARAGRAPH = re.compile(r"[^\n]+")
MARK_CHARS = frozenset("\"'`“”‘’«»„")  # every quotation mark the stage knows
_ANY_MARK = re.compile("[" + re.escape("".join(sorted(MARK_CHARS))) + "]")
_OPEN_BEFORE = set(" \t\u00a0([{—–-/\u2014\u2013:;,")
_CLOSE_AFTER = set(" \t\u00a0)]}—–-.,;:!?…\u2014\u2013")

# closers after the first are typos seen in the wild ("Mostly True.“", “no evidence"):
# they close only where a closing mark can stand
DOUBLE_PAIRS = {"“": '”“"', "«": "»", "„": "“”", "``": "''"}
SINGLE_PAIRS = {"‘": "’"}


@dataclass(slots=True)
class MarkSegment:
    """One quotation in one paragraph: ``[start, end)`` is the inside, without the marks."""

    start: int
    end: int
    open_at: int
    close_at: int | None  # None: the paragraph ended first
    paragraph: int


@dataclass(slots=True)
class MarkGroup:
    """A quotation, possibly running over several paragraphs (one segment each)."""

    segments: list[MarkSegment] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.segments[0].start

    @property
    def end(self) -> int:
        return self.segments[-1].end

    @property
    def outer(self) -> tuple[int, int]:
        last = self.segments[-1]
        close = last.close_at + 1 if last.close_at is not None else last.end
        return (self.segments[0].open_at, close)

    @property
    def unclosed(self) -> bool:
        return self.segments[-1].close_at is None

    @property
    def paragraph(self) -> int:
        return self.segments[0].paragraph


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each non-blank line, whitespace trimmed."""
    out = []
    for m in _PARAGRAPH.finditer(text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _is_opening(text: str, i: int, width: int, para_start: int) -> bool:
    before = text[i - 1] if i > para_start else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before in _OPEN_BEFORE or before.isspace()) and not after.isspace()


def _is_closing(text: str, i: int, width: int, para_end: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < para_end else " "
    return not before.isspace() and (after in _CLOSE_AFTER or after.isspace() or after in "\"”’'»")


def _scan_paragraph(text: str, start: int, end: int, index: int) -> list[MarkSegment]:
    """Pair the marks of one paragraph; an open quotation at its end is returned unclosed."""
    if not _ANY_MARK.search(text, start, end):
        return []
    segments: list[MarkSegment] = []
    i = start
    open_at: int | None = None
    closers = ""
    width = 1
    single = False
    depth = 0  # curly quotes nested in curly quotes: “... what he calls “hell” than ...”
    while i < end:
        ch = text[i]
        if ch not in MARK_CHARS:  # only a mark can open or close: jump to the next one
            found = _ANY_MARK.search(text, i, end)
            if found is None:
                break
            i = found.start()
            ch = text[i]
        two = text[i : i + 2]
        if open_at is None:
            if two in ("``", "''") and _is_opening(text, i, 2, start):
                open_at, closers, width, single = i, "''", 2, False
                i += 2
                continue
            if ch in DOUBLE_PAIRS:
                open_at, closers, width, single = i, DOUBLE_PAIRS[ch], 1, False
            elif ch == "»" and _is_opening(text, i, 1, start):
                open_at, closers, width, single = i, "«", 1, False
            elif ch == "”" and _is_opening(text, i, 1, start):  # a closing mark typed to open
                open_at, closers, width, single = i, "”“", 1, False
            elif ch == '"':
                open_at, closers, width, single = i, '"”', 1, False
            elif ch in SINGLE_PAIRS and _is_opening(text, i, 1, start):
                open_at, closers, width, single = i, SINGLE_PAIRS[ch], 1, True
            elif ch == "'" and _is_opening(text, i, 1, start) and text[i + 1 : i + 2].isalpha():
                open_at, closers, width, single = i, "'", 1, True
            i += 1
            continue
        # inside a quotation: look for its closing mark
        if closers == "''":
            if two == "''" and _is_closing(text, i, 2, end):
                segments.append(MarkSegment(open_at + width, i, open_at, i, index))
                open_at = None
                i += 2
                continue
        elif (
            ch == "“"
            and closers.startswith("”")
            and _is_opening(text, i, 1, start)
            and not _is_closing(text, i, 1, end)
        ):
            depth += 1
        elif ch == "”" and depth > 0:
            depth -= 1
        elif ch in closers and ((not single and ch == closers[0]) or _is_closing(text, i, 1, end)):
            if ch == '"' and not _is_closing(text, i, 1, end) and _is_opening(text, i, 1, start):
                # a straight mark that opens: the previous one was never closed
                segments.append(MarkSegment(open_at + width, i, open_at, None, index))
                open_at = i
                i += 1
                continue
            segments.append(MarkSegment(open_at + width, i, open_at, i, index))
            open_at = None
            depth = 0
        i += 1
    if open_at is not None and not single:
        # an unclosed single mark is an apostrophe far more often than a quotation ('em, '90s)
        segments.append(MarkSegment(open_at + width, end, open_at, None, index))
    return [_trim(text, s) for s in segments if s.end > s.start]


def _trim(text: str, seg: MarkSegment) -> MarkSegment:
    s, e = seg.start, seg.end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return MarkSegment(s, e, seg.open_at, seg.close_at, seg.paragraph)


def find_quotations(text: str) -> list[MarkGroup]:
    """All quotations of the text, in order, multi-paragraph ones as one group."""
    paras = paragraphs(text)
    groups: list[MarkGroup] = []
    pending: MarkGroup | None = None  # a group whose last paragraph left it open
    for index, (start, end) in enumerate(paras):
        segments = _scan_paragraph(text, start, end, index)
        if pending is not None:
            if segments and segments[0].open_at == start:
                pending.segments.append(segments.pop(0))
                if not pending.unclosed:
                    pending = None
            else:
                pending = None
        for seg in segments:
            group = MarkGroup([seg])
            groups.append(group)
            pending = group if seg.close_at is None else None
        if pending is not None and pending.segments[-1].paragraph != index:
            pending = None
    return groups
