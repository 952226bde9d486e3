"""Where a rule can match: windows around its needed words, so a pattern scans only those.

Every grammar rule's match holds one of its ``needs`` substrings (``grammar._NEEDS``), and
its pattern can only be so long. So instead of running each of the ~50 patterns over the
whole article (most of the stage's time: the regex engine tries every position), a rule
runs over the merged windows ``[q - reach, q + reach]`` around each place ``q`` its needs
occur (``reach`` = ``width`` + ``EDGE``), with ``pattern.finditer(text, start, end)``.
The matches are the same as a whole-text scan's (tests/test_times_scan.py checks it on
generated texts):

- what a match holding a need at ``q`` reads, look-arounds included, is at most
  ``width`` characters and holds ``q``: it lies in ``[q - width, q + width)``;
- so no match crosses a window's start (it starts at or after ``q - width``, inside the
  merged window), and the scan from a window's start sees the same sequence of matches
  as the whole-text scan does there;
- look-behinds and ``\\b`` see the text before ``start`` (the ``pos`` argument does not
  slice); at the end, a ``\\b`` reads one character past what the match reads (and a
  ``$`` would take a newline just before ``end`` for the text's end): ``EDGE`` keeps
  two characters of the text there, so nothing a match tests lies at or past ``end``.
  (The margin was the longest need, 3 to 12 characters: windows 7% longer on news.)

``width`` is the pattern's longest match with look-arounds counted as text; it is finite
once unbounded repeats (``\\s+``, ``\\d+``, ``(?:,\\d{3})+``) are capped, which is true of
a text with no run of more than ``RUN`` characters from ``RUN_CHARS`` nor of more than
``SPACE_RUN`` spaces (the cap of a repeat of whitespace alone); other texts, and
texts holding the few characters whose case folding breaks the character alignment of
``text.lower()`` (dotted I, dotless i, long s), are scanned whole. A rule whose pattern
has an unbounded repeat of anything else has no width and is always scanned whole.

The patterns are written case-insensitive, and ``re.IGNORECASE`` makes the engine enter
every branch of an alternation to compare it (a case-sensitive branch is skipped on its
first character). So each rule also has a lower-case twin (``lower_twin``): the same
pattern with its letters lower-cased and no flag, run over ``text.lower()``. On a text
whose characters lower-case one to one (``case_aligned``: not dotted I, dotless i, long s)
the twin matches exactly where the pattern does: every character matches an ASCII letter
under IGNORECASE exactly when its ``lower()`` is that letter, and ``lower()`` keeps what
``\\w``, ``\\s``, ``\\d`` and ``\\b`` see (tests/test_times_scan.py checks both on every
code point). The match the stage reads is then the pattern's own, at the twin's start,
with the text's own case in its groups.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# CPython's own regex parser (re._parser since 3.11): the widths are read from the parse tree
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

RUN = 16
RUN_CHARS = r"\s\d,.\-–"
SPACE_RUN = 3  # whitespace alone: news has paragraph breaks, rarely more
EDGE = 2  # characters a window keeps past the farthest a match can read (see above)
# each written as one character then the rest, so the engine skips ahead to a possible
# first character (a pattern that opens with a repeat is tried at every position)
_LONG_RUN = re.compile(rf"[{RUN_CHARS}][{RUN_CHARS}]{{{RUN}}}")
_LONG_SPACE = re.compile(rf"\s\s{{{SPACE_RUN}}}")
# characters that re.IGNORECASE equates with an ASCII letter while str.lower() keeps them
# apart, or that lower() turns into two characters: their texts are scanned whole
_UNALIGNED = re.compile("[\u0130\u0131\u017f]")
_RUN_SET = re.compile(rf"[{RUN_CHARS}]")
_SPACE = re.compile(r"\s")


def _repeat_item_ok(items: _parser.SubPattern, chars: re.Pattern[str] = _RUN_SET) -> bool:
    """Whether every character a repeated item can match is one of ``chars``."""
    space_only = chars is _SPACE
    for op, av in items:
        if op is sre.LITERAL:
            if not chars.fullmatch(chr(av)):
                return False
        elif op is sre.IN:
            for sub_op, sub_av in av:
                if sub_op is sre.LITERAL and chars.fullmatch(chr(sub_av)):
                    continue
                if sub_op is sre.CATEGORY and sub_av == sre.CATEGORY_SPACE:
                    continue
                if sub_op is sre.CATEGORY and sub_av == sre.CATEGORY_DIGIT and not space_only:
                    continue
                return False
        elif op is sre.SUBPATTERN:
            if not _repeat_item_ok(av[-1], chars):
                return False
        elif op is sre.BRANCH:
            if not all(_repeat_item_ok(b, chars) for b in av[1]):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            if not _repeat_item_ok(av[2], chars):
                return False
        else:
            return False
    return True


def _width(items: _parser.SubPattern) -> int | None:
    """The longest text ``items`` can read (look-arounds included), or None if unbounded."""
    total = 0
    for op, av in items:
        if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY):
            total += 1
        elif op is sre.SUBPATTERN:
            w = _width(av[-1])
            if w is None:
                return None
            total += w
        elif op is sre.BRANCH:
            widths = [_width(b) for b in av[1]]
            if any(w is None for w in widths):
                return None
            total += max(widths)  # type: ignore[type-var]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            _lo, hi, sub = av
            w = _width(sub)
            if w is None:
                return None
            if hi == sre.MAXREPEAT:  # capped by the runs a windowed text can hold (see above)
                if _repeat_item_ok(sub, _SPACE):
                    total += SPACE_RUN
                elif _repeat_item_ok(sub):
                    total += RUN
                else:
                    return None
            else:
                total += w * hi
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            w = _width(av[1])
            if w is None:
                return None
            total += w
        elif op in (sre.AT, sre.GROUPREF):
            if op is sre.GROUPREF:
                return None
        else:
            return None
    return total


def pattern_width(pattern: re.Pattern[str]) -> int | None:
    """A bound on what one match of ``pattern`` reads, or None when there is none."""
    return _width(_parser.parse(pattern.pattern, pattern.flags))


def case_aligned(text: str, lowered: str) -> bool:
    """Whether ``lowered`` (``text.lower()``) lower-cases ``text`` one character to one,
    with the case-insensitive meaning of every ASCII letter (see the module docstring)."""
    return len(lowered) == len(text) and _UNALIGNED.search(text) is None


def scans_whole(text: str, lowered: str, aligned: bool | None = None) -> bool:
    """Whether windows cannot be trusted for this text (see the module docstring);
    ``aligned``: ``case_aligned(text, lowered)`` when the caller has it."""
    if not (case_aligned(text, lowered) if aligned is None else aligned):
        return True
    return _LONG_RUN.search(text) is not None or _LONG_SPACE.search(text) is not None


def lower_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` (case-insensitive) as a case-sensitive pattern over lower-cased text, or
    None when that cannot be shown to match the same.

    The twin's source is the pattern's with every character lower-cased but escapes and
    group names; so under IGNORECASE the two are the same pattern. Case-sensitive, the
    twin matches as it does under IGNORECASE on a lower-cased, aligned text when every
    cased character it holds is a lower-case ASCII letter (not one written as an escape),
    no range spans a cased character and no group changes the flags."""
    if not pattern.flags & re.IGNORECASE or pattern.flags & ~(re.IGNORECASE | re.UNICODE):
        return None
    source, out, i = pattern.pattern, [], 0
    while i < len(source):
        if source.startswith(("(?P<", "(?P="), i):  # a group's name keeps its case
            j = source.index(">" if source[i + 3] == "<" else ")", i) + 1
        elif source[i] == "\\":  # an escape keeps its case (\S is not \s)
            j = i + 2
        else:
            out.append(source[i].lower())
            i += 1
            continue
        out.append(source[i:j])
        i = j
    try:
        twin = re.compile("".join(out))
    except re.error:
        return None
    if twin.flags != re.UNICODE or twin.groupindex != pattern.groupindex:
        return None
    return twin if _lower_ascii_only(_parser.parse(twin.pattern, twin.flags).data) else None


def _lower_ascii_only(items: list) -> bool:
    """Whether a parse tree's cased characters are all lower-case ASCII letters, with no
    range over a cased character and no group that sets flags (``lower_twin``)."""
    for op, av in items:
        if op is sre.LITERAL or op is sre.NOT_LITERAL:
            ch = chr(av)
            if ch.lower() != ch.upper() and not (ch.isascii() and ch.islower()):
                return False
        elif op is sre.RANGE:
            if any(chr(c).lower() != chr(c).upper() for c in range(av[0], av[1] + 1)):
                return False
        elif op is sre.IN:
            if not _lower_ascii_only(av):
                return False
        elif op is sre.SUBPATTERN:
            if av[1] or av[2] or not _lower_ascii_only(av[-1].data):
                return False
        elif op is sre.BRANCH:
            if not all(_lower_ascii_only(b.data) for b in av[1]):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _lower_ascii_only(av.data):
                return False
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            if not _lower_ascii_only(av[-1].data):
                return False
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            if not _lower_ascii_only(av[1].data):
                return False
        elif op not in (sre.AT, sre.CATEGORY, sre.NEGATE, sre.ANY, sre.GROUPREF):
            return False  # anything else (a conditional group...): not shown the same
    return True


class NeedIndex:
    """Every start of every one of a fixed set of needs in a text, found in one pass
    (Aho-Corasick, ``pyahocorasick``) instead of one ``str.find`` scan of the whole text
    per need: the grammar has about 130 needs, and most articles hold few of them."""

    def __init__(self, needs: Iterable[str]) -> None:
        import ahocorasick

        self.words = frozenset(needs)
        self._automaton = ahocorasick.Automaton()
        for word in self.words:
            self._automaton.add_word(word, (len(word) - 1, word))
        self._automaton.make_automaton()

    def starts(self, lowered: str) -> dict[str, list[int]]:
        """Need -> its starts in ``lowered``, overlapping ones included, in order; a need
        that does not occur is left out."""
        found: dict[str, list[int]] = {}
        if self.words:
            for end, (back, word) in self._automaton.iter(lowered):
                # one need's matches come in order of their end, so of their start
                starts = found.get(word)
                if starts is None:
                    found[word] = [end - back]
                else:
                    starts.append(end - back)
        return found


class Needs:
    """Where each set of needs occurs in one lower-cased text (rules share sets: cached)."""

    def __init__(self, text: str, lowered: str, index: NeedIndex | None = None) -> None:
        self.text = text
        self.lowered = lowered
        self._found: dict[tuple[str, ...], list[int]] = {}
        # one need's starts (rules share needs too): those of the index found at once
        self._starts: dict[str, list[int]] = index.starts(lowered) if index is not None else {}
        self._indexed = index.words if index is not None else frozenset()
        self._gates: dict[re.Pattern[str], bool] = {}

    def holds(self, gate: re.Pattern[str]) -> bool:
        """Whether the (original-case) text holds ``gate`` (several rules share a gate)."""
        held = self._gates.get(gate)
        if held is None:
            held = self._gates[gate] = gate.search(self.text) is not None
        return held

    def positions(self, needs: tuple[str, ...]) -> list[int]:
        """Every start of every need, overlapping ones included, in order."""
        found = self._found.get(needs)
        if found is None:
            found = []
            for need in needs:
                found += self._need_starts(need)
            found.sort()
            self._found[needs] = found
        return found

    def _need_starts(self, need: str) -> list[int]:
        """Every start of ``need`` (``duration``, ``relative``, ``the_unit``... all look for
        "day", "week", "year": each is searched for once per text, not once per rule)."""
        starts = self._starts.get(need)
        if starts is None:
            starts = self._starts[need] = []
            if need in self._indexed:
                return starts  # the index found it nowhere
            lowered = self.lowered
            at = lowered.find(need)
            while at >= 0:
                starts.append(at)
                at = lowered.find(need, at + 1)
        return starts

    def windows(self, needs: tuple[str, ...], reach: int) -> list[tuple[int, int]]:
        """The merged ``[start, end)`` windows reaching ``reach`` around every need."""
        merged: list[tuple[int, int]] = []
        for at in self.positions(needs):
            if merged and at - reach <= merged[-1][1]:
                merged[-1] = (merged[-1][0], at + reach)
            else:
                merged.append((at - reach, at + reach))
        if merged:
            merged[0] = (max(0, merged[0][0]), merged[0][1])
            merged[-1] = (merged[-1][0], min(len(self.lowered), merged[-1][1]))
        return merged


def finditer(
    pattern: re.Pattern[str],
    spans: list[tuple[int, int]] | None,
    text: str,
    twin: re.Pattern[str] | None = None,
    lowered: str = "",
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, over the windows ``spans`` only when given; with a
    ``twin`` (``lower_twin``; the text ``case_aligned``), found by the twin in ``lowered``."""
    if twin is None:
        if spans is None:
            yield from pattern.finditer(text)
            return
        for start, end in spans:
            yield from pattern.finditer(text, start, end)
        return
    for start, end in [(0, len(text))] if spans is None else spans:
        for found in twin.finditer(lowered, start, end):
            m = pattern.match(text, found.start(), end)
            if m is None or m.end() != found.end():  # cannot happen on an aligned text (above)
                raise RuntimeError(f"the lower-case twin of {pattern.pattern[:40]!r} disagrees")
            yield m
