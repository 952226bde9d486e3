"""The time vocabulary (``resources/times/lexicon.json``), loaded once per process."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    number_words: dict[str, int]
    vague_numbers: frozenset[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    decade_words: dict[str, int]
    seasons: dict[str, str]
    day_parts: dict[str, str]
    references: dict[str, str]
    future_heads: frozenset[str]
    future_modifiers: frozenset[str]  # "the planned vote on Friday": a noun's time ahead
    deferral_verbs: frozenset[str]  # "adjourned until Monday", "set for April": a target ahead
    future_aux: frozenset[str]
    reporting_verbs: frozenset[str]
    label_nouns: frozenset[str]


@cache
def lexicon() -> Lexicon:
    raw = json.loads(resources.files("dateline.resources").joinpath("times/lexicon.json").read_text("utf-8"))
    return Lexicon(
        months=raw["months"],
        weekdays=raw["weekdays"],
        number_words=raw["number_words"],
        vague_numbers=frozenset(raw["vague_numbers"]),
        ordinals=raw["ordinals"],
        units=raw["units"],
        decade_words=raw["decade_words"],
        seasons=raw["seasons"],
        day_parts=raw["day_parts"],
        references=raw["references"],
        future_heads=frozenset(raw["future_heads"]),
        future_modifiers=frozenset(raw["future_modifiers"]),
        deferral_verbs=frozenset(raw["deferral_verbs"]),
        future_aux=frozenset(raw["future_aux"]),
        reporting_verbs=frozenset(raw["reporting_verbs"]),
        label_nouns=frozenset(raw["label_nouns"]),
    )


def alternation(words: object) -> str:
    """A regex matching any of ``words``, as a trie ("jan(?:uary)?|ju(?:ly|ne)").

    Python's ``re`` tries the branches of a plain alternation one by one at every
    position; a trie fails after one character, which makes the grammar several times
    faster. Longer words still win ("a few" before "a"), spaces match any whitespace.
    """
    trie: dict[str, dict] = {}
    for word in {str(w).lower() for w in words}:  # type: ignore[attr-defined]
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, dict]) -> str:
    ends = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        branches.append(piece + _trie_regex(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body


_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def parse_amount(text: str) -> float | None:
    """'10' -> 10, 'two' -> 2, 'twenty-five' -> 25, '2 1/2' -> 2.5, 'a few' -> None (vague)."""
    lex = lexicon()
    low = re.sub(r"\s+", " ", text.lower().strip())
    if low in lex.vague_numbers:
        return None
    m = re.fullmatch(r"(\d+)\s+1/2", low)
    if m:
        return int(m.group(1)) + 0.5
    digits = low.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return float(digits)
    if low in lex.number_words:
        return float(lex.number_words[low])
    total = 0.0
    for part in re.split(r"[\s-]+", low):
        if part in ("and",):
            continue
        if part in ("hundred", "thousand"):
            total = (total or 1) * lex.number_words[part]
        elif part in lex.number_words:
            total += lex.number_words[part]
        else:
            return None
    return total or None


@cache
def spelled_days() -> dict[str, int]:
    """Days of the month as spelled ordinals ("eighth" 8, "twenty-first" 21), for "March
    eighth" in transcribed speech."""
    lex = lexicon()
    days = {w: n for w, n in lex.ordinals.items() if w.isalpha() and n <= 31}
    units = {w: n for w, n in days.items() if n < 10}
    days["thirtieth"] = 30
    for tens, base in (("twenty", 20), ("thirty", 30)):
        for word, n in units.items():
            if base + n <= 31:
                days[f"{tens}-{word}"] = days[f"{tens} {word}"] = base + n
    return days


def number_pattern() -> str:
    """Amounts as written in news: digits, number words, compounds, vague amounts."""
    lex = lexicon()
    compound = rf"(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_ONES)}))?"
    words = alternation(w for w in lex.number_words if w not in ("both",))
    vague = alternation(lex.vague_numbers)
    return (
        rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+\s+1/2|\d+(?:\.\d+)?|{compound}(?:\s+(?:hundred|thousand))?"
        rf"|(?:{words})(?:\s+(?:hundred|thousand))?|{vague})"
    )
