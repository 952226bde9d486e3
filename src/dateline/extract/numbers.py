"""Quantities stated in the text, with the noun they count.

Works over the parse: a number token (digits, number words, or an NER CARDINAL/QUANTITY)
and its ``nummod`` head noun as the unit. Years and clock times are left to the times
stage; vague amounts ("dozens", "hundreds") get the conservative lower value that ACLED
uses for fatalities.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from dateline.context import Context
from dateline.records import Number
from dateline.tokens import TokenTable, span_of

WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a dozen": 12,
    "dozen": 12,
}
SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 10**12,
}
# vague plurals: the conservative reading (ACLED codes "dozens" as 12, "hundreds" as 100)
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000, "millions": 1_000_000}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_SKIP_ENTS = {"TIME", "ORDINAL"}
_YEAR = re.compile(r"^(1[0-9]|20|21)\d\d$")


def parse_number(words: str) -> float | None:
    """'2,000' -> 2000, 'three hundred' -> 300, '1.5 million' -> 1500000, 'forty-two' -> 42."""
    text = words.lower().replace("-", " ").strip()
    if text in VAGUE:
        return float(VAGUE[text])
    if text in WORDS:
        return float(WORDS[text])
    total, current, seen = 0.0, 0.0, False
    for word in text.split():
        if _DIGITS.match(word):
            current += float(word.replace(",", ""))
        elif word in WORDS:
            current += WORDS[word]
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0.0
        elif word in ("and", "a"):
            continue
        else:
            return None
        seen = True
    return total + current if seen else None


_NUMBER_WORDS = frozenset((*WORDS, *SCALES, *VAGUE))


def _is_number_token(t: TokenTable, i: int) -> bool:
    # the words first: most tokens are neither digits nor number words, and the entity
    # checks are only needed for the few that are
    text = t.text[i]
    if not (text[:1].isdigit() and _DIGITS.match(text)) and t.lower[i] not in _NUMBER_WORDS:
        return False
    ent = t.ent_type[i]
    return ent not in _SKIP_ENTS and not (ent == "DATE" and _YEAR.match(text))


def _unit_of(last: Token) -> Token | None:
    head = last.head
    if last.dep_ in ("nummod", "quantmod", "compound") and head.i > last.i and head.pos_ in ("NOUN", "PROPN"):
        return head
    if last.lower_ in VAGUE:
        for child in last.rights:
            if child.dep_ == "prep" and child.lower_ == "of":
                for obj in child.rights:
                    if obj.dep_ == "pobj":
                        return obj
    return None


def _clean(value: float) -> int | float:
    return int(value) if value == int(value) else value


def extract_numbers(ctx: Context) -> None:
    doc, t = ctx.doc, ctx.tokens  # the token table: every token is read, so read lists
    lower = t.lower
    # the number words, found in one pass over the columns (most words are none)
    maybe = [
        k
        for k, (w, low) in enumerate(zip(t.text, lower, strict=True))
        if w[:1].isdigit() or low in _NUMBER_WORDS
    ]
    number = {k for k in maybe if _is_number_token(t, k)}
    numbers: list[Number] = []
    i = 0
    for i0 in sorted(number):
        if i0 < i:
            continue  # inside the run before
        i = i0
        if lower[i] in ("one", "a") and t.dep[i] not in ("nummod",):
            continue
        j = i
        while j + 1 < len(doc) and j + 1 in number and lower[j + 1] not in VAGUE:
            j += 1
        words = span_of(doc, i, j + 1)
        value = parse_number(words.text)
        if value is None:
            i = j + 1
            continue
        unit_tok = _unit_of(doc[j])
        end = j + 1
        unit: str | None = None
        if unit_tok is not None:
            start_unit = min([c.i for c in unit_tok.lefts if c.i > j] + [unit_tok.i])
            unit = span_of(doc, start_unit, unit_tok.i + 1).text.replace(" - ", "-").replace(" -", "-")
            end = unit_tok.i + 1
        span = span_of(doc, i, end)
        numbers.append(
            Number(
                text=span.text,
                span=(span.start_char, span.end_char),
                sentence=ctx.sentence_of(span.start_char),
                value=_clean(value),
                unit=unit,
            )
        )
        i = j + 1
    ctx.numbers = numbers
