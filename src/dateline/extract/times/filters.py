"""Which pattern matches are time expressions at all ("may" and "March" as a name are not).

These checks need no calendar: they look at case, the words around the match and the
parse (part of speech, entity type, what a number counts). They run before overlaps are
settled, so a rejected long match lets a shorter, valid one through.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from dateline.extract.times.lexicon import lexicon
from dateline.streets import address_words
from dateline.tokens import span_of, tokens_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MONTH_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|to|through|throughout|during|last|this|next|early|late|mid|"
    r"before|after|of|between|and|or|each|every|since|past|coming|until|around|end|beginning|start|middle)"
    r"\s*-?|\bmid-)\s*$",
    re.IGNORECASE,
)
# rules whose matches carry a year or a full date: kept even inside a name ("the 2016 Olympics")
_DATED_RULES = {
    "iso",
    "slash",
    "month_day",
    "day_month",
    "month_year",
    "year",
    "year_range",
    "year_range_end",
    "holiday",
    "spelled_year",
    "fiscal_year",
}
_TITLE_ENTS = {"EVENT", "WORK_OF_ART", "LAW", "ORG", "FAC", "PRODUCT"}
# title-case words that still belong to a time expression ("Saturday Night", "Friday March 3")
_NAME_OK = {
    "morning",
    "afternoon",
    "evening",
    "night",
    "nights",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "sept",
    "jan",
    "feb",
    "aug",
    "oct",
    "nov",
    "dec",
    "est",
    "gmt",
    "utc",
    "edt",
    "pst",
}
_YEARLY_PLURALS = {"earnings", "results", "sales", "elections", "profits", "revenues", "figures"}
_AMBIGUOUS_MONTHS = {"may", "march", "june", "august", "april", "jan", "mar", "may."}
_NAME_ENTS = {"PERSON", "ORG", "FAC", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW", "NORP", "LOC", "GPE"}
_MONEY_BEFORE = re.compile(r"[$€£¥#]\s*$")
_AMOUNT_AFTER = re.compile(r"^\s*(?:%|percent\b|per\s*cent\b|-?(?:km|kg|mph|mm|cm|m)\b)")
#: a house number, not a year: "the 2000 block of Elm Street" (how US police give an
#: address), "1600 Larch Avenue"
_ADDRESS_AFTER = re.compile(
    r"^\s+(?:block\b|(?:(?:[NSEW]\.?|[A-Z][\w'’-]*)\s+){1,3}"
    rf"(?:{'|'.join(re.escape(w) for w in address_words())})\b)"
)
_PER_BEFORE = re.compile(
    r"(?:\d|\b(?:million|billion|trillion|thousand|hundred|times|percent|cents?|dollars?|euros?|pounds|miles"
    r"|kilometers|kilometres|barrels|tons|tonnes)|%)\s*$"
)


class TokenIndex:
    """Character offset -> spaCy token, by bisection over token starts (built once per doc)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = tokens_of(doc).idx  # the token table's column: not read token by token

    def at(self, char: int) -> Token | None:
        if not self.starts:
            return None
        i = bisect.bisect_right(self.starts, char) - 1
        return self.doc[max(i, 0)]


def _capitalised(word: str | None) -> bool:
    return bool(word) and word[0].isupper()  # type: ignore[index]


def accept(rule: str, m: re.Match[str], text: str, tokens: TokenIndex | None) -> tuple[int, int] | None:
    """The span to keep for a match, or None when the match is not a time expression."""
    start, end = m.span()
    groups = m.groupdict()
    before = text[max(0, start - 30) : start]
    after = text[end : end + 20]
    month = groups.get("month")
    if month and not _capitalised(month):
        return None
    if rule not in _DATED_RULES and tokens is not None and _inside_name(m, text, tokens):
        return None
    wd = groups.get("wd")
    if wd and not _capitalised(wd):
        return None
    if rule == "month":
        if not _month_alone_ok(m, before, after, tokens):
            return None
    elif rule in ("month_day", "day_month") and month and month.lower().rstrip(".") in _AMBIGUOUS_MONTHS:
        tok = tokens.at(m.start("month")) if tokens else None
        if tok is not None and tok.ent_type_ in ("PERSON", "ORG"):
            return None
    elif rule in ("weekday", "weekday_set", "weekday_parts"):
        tok = tokens.at(m.start("wd")) if tokens else None
        if tok is not None and tok.ent_type_ in ("ORG", "WORK_OF_ART", "PRODUCT", "FAC", "PERSON"):
            return None
        if rule != "weekday":
            start = m.start("wd")  # "on" is a signal, not part of the expression
    elif rule in ("year", "year_range"):
        if not _year_ok(m, before, after, tokens):
            return None
    elif rule == "duration":
        if not _duration_ok(m, tokens):
            return None
        if (m.group("rel") or "").lower() == "last" and not m.group("det"):
            start = m.start("mod") if m.group("mod") else m.start("num")  # "would last 72 hours"
        if start == m.start("mod") and _preposition(m, "mod", tokens):
            start = m.start("num")  # "used over three years": "over" is a signal, not "more than"
    elif rule == "ref":
        if not _ref_ok(m, tokens):
            return None
    elif (
        rule in ("relative", "the_unit")
        and text[max(0, start - 1) : start] in ('"', "“", "'")
        and m.group(0).istitle()
    ):
        return None  # a title in quotes ("This Week")
    elif rule == "period" and not (groups.get("which") or groups.get("lastyears") or groups.get("tail")):
        return None  # a bare "the quarter" is the_unit's
    elif rule == "duration_adj":
        if (groups.get("old") or "").lower() == "-old":
            return None  # an age ("a 6-year-old boy", "the 40-year-old") is not a time of the story
        if not groups.get("noun"):
            start = m.start("num")  # "a 10-day visit": the determiner is the visit's
    elif rule in ("year_range", "year_range_end"):
        if not _range_ok(m, text, tokens):
            return None
    elif rule == "frequency":
        tok = tokens.at(m.start()) if tokens else None
        if tok is None or tok.pos_ != "ADV":
            return None  # "a daily newspaper": the adjective names a kind, not a time
        if per_unit(text, start):
            return None  # a rate after an amount ("$5 million annually"), as "$5 a year" is
    elif rule == "holiday":
        if not _holiday_ok(m, tokens):
            return None
    elif rule == "bare_units":
        start = m.start("unit")
    elif rule == "at_time":
        tok = tokens.at(m.end() - 1) if tokens else None
        if tok is not None and any(c.dep_ in ("relcl", "acl") for c in tok.children):
            return None  # "at the time he was captured": a clause, not a time of its own
        start = m.start("x")
    elif rule in ("modal_day", "ordinal_day", "vague_span", "then"):
        start = m.start("x")
    elif rule == "bare_season":
        if groups.get("season", "").lower() == "fall" and groups.get("det", "").lower() in ("in", "the"):
            tok = tokens.at(m.start("season")) if tokens else None
            if tok is None or tok.pos_ != "NOUN":
                return None
        if re.match(r"\s+of\b", after):
            return None
        if groups["det"].lower() == "in":
            start = m.start("season")
    elif rule == "half":
        if not (groups.get("year") or groups.get("rel") or "year" in m.group(0).lower() or "-" in m.group(0)):
            return None
        start = _modifier_start(m, text, tokens, start)
    elif rule == "quarter":
        start = _modifier_start(m, text, tokens, start)
    elif rule == "clock" and groups.get("h") and re.search(r"[\d.,]$", text[max(0, start - 1) : start]):
        return None
    return start, end


def _inside_name(m: re.Match[str], text: str, tokens: TokenIndex) -> bool:
    """Whether the match is part of a name: "the Six-Day War", "Good Friday Agreement",
    "the Winter Olympics", "The Thirty Years War" (title case the tagger may miss)."""
    first = tokens.at(m.start())
    last = tokens.at(max(m.start(), m.end() - 1))
    if first is None or last is None:
        return False
    doc = first.doc
    span = span_of(doc, first.i, last.i + 1)
    if any(t.ent_type_ in _TITLE_ENTS for t in span):
        return True
    if text.isupper():
        return False
    inner_title = [
        t for t in span_of(doc, first.i + 1, last.i + 1) if t.is_title and t.lower_ not in _NAME_OK
    ]
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if inner_title and after is not None and after.is_title and after.pos_ == "PROPN":
        return True  # "The Thirty Years War", "the Winter Olympics"
    weekdays = lexicon().weekdays
    is_weekday = last.lower_ in weekdays or last.lower_.rstrip("s") in weekdays
    # "Good Friday Agreement"
    return bool(
        is_weekday
        and after is not None
        and after.is_title
        and after.pos_ == "PROPN"
        and after.lower_ not in _NAME_OK
    )


def _month_alone_ok(m: re.Match[str], before: str, after: str, tokens: TokenIndex | None) -> bool:
    month = m.group("month")
    tok = tokens.at(m.start("month")) if tokens else None
    if tok is not None and tok.ent_type_ in _NAME_ENTS:
        return False
    if tok is not None and tok.i > 0 and not m.group("rel") and not m.group("pre"):
        prev = tok.doc[tok.i - 1]
        if prev.ent_type_ == "PERSON" or (prev.pos_ == "PROPN" and prev.lower_ not in lexicon().weekdays):
            return False  # part of a name: "Sarah March", "Ernest May"
    if m.group("rel") or m.group("pre"):
        return True
    if _MONTH_CONTEXT.search(before):
        return True
    if month.lower() in _AMBIGUOUS_MONTHS:
        return tok is not None and tok.ent_type_ == "DATE" and tok.pos_ != "VERB" and tok.pos_ != "AUX"
    # a month name opening a sentence or after a comma is a date ("August saw ...") unless a name
    return tok is None or (tok.ent_type_ in ("DATE", "") and tok.pos_ in ("PROPN", "NOUN"))


def _year_ok(m: re.Match[str], before: str, after: str, tokens: TokenIndex | None) -> bool:
    if _MONEY_BEFORE.search(before) or _AMOUNT_AFTER.match(after) or _ADDRESS_AFTER.match(after):
        return False
    if re.search(r"[\d,.$£€#/]$", before):
        return False
    label = re.search(r"(?:^|[\s(])([A-Za-z.]+)\s*$", before)
    if label and label.group(1).lower().rstrip(".") in lexicon().label_nouns:
        return False  # a number that names a thing: "resolution 1973", "Flight 1549"
    if tokens is None:
        return True
    tok = tokens.at(m.start("year"))
    if tok is None:
        return True
    if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
        return False
    head = tok.head
    if tok.dep_ == "nummod" and head.i > tok.i:
        if head.pos_ == "NOUN" and head.tag_ == "NNS" and head.is_lower:
            # "2000 people" counts; "1990 earnings" are a year's
            return head.lower_ in lexicon().units or (
                tok.ent_type_ == "DATE" and head.lower_ in _YEARLY_PLURALS
            )
        return True  # "the 1990 invasion", "the 2016 Olympics"
    return tok.ent_type_ != "CARDINAL" or tok.dep_ in ("pobj", "npadvmod", "nsubj", "dobj", "appos", "conj")


def range_years(m: re.Match[str], text: str) -> tuple[int, int] | None:
    """The two years of the range a ``year_range`` or ``year_range_end`` match belongs to."""
    if "y2" in m.groupdict() and m.group("y2"):
        dash = m.start() - 1
        first, second = text[dash - 4 : dash], m.group("y2")
    else:
        dash = m.end()
        tail = re.match(r"\d+", text[dash + 1 : dash + 6])
        first, second = m.group("year"), tail.group(0) if tail else ""
    if not re.fullmatch(r"1[5-9]\d\d|20\d\d", first) or len(second) not in (2, 4):
        return None
    start = int(first)
    end = int(second) if len(second) == 4 else start // 100 * 100 + int(second)
    if len(second) == 2 and end <= start:
        end += 100  # "1999-00"
    return (start, end) if 0 < end - start <= 20 else None


def _range_ok(m: re.Match[str], text: str, tokens: TokenIndex | None) -> bool:
    """Both ends of "2009-2010" / "1957-58" are years: the second is later than the first,
    and the range is no amount or code ("$1990-95", "resolution 1990-92")."""
    years = range_years(m, text)
    if years is None:
        return False
    is_end = bool(m.groupdict().get("y2"))
    first_at = m.start() - 5 if is_end else m.start()
    before = text[max(0, first_at - 30) : first_at]
    after = text[m.end() : m.end() + 20] if is_end else ""
    if (
        _MONEY_BEFORE.search(before)
        or re.search(r"[\d,.$£€#/]$", before)
        or (after and _AMOUNT_AFTER.match(after))
    ):
        return False
    label = re.search(r"(?:^|[\s(])([A-Za-z.]+)\s*$", before)
    return not (label and label.group(1).lower().rstrip(".") in lexicon().label_nouns)


_HYPHENATED = re.compile(r"[a-z\d]-(?:fiscal-)?(?:quarter|half)$", re.IGNORECASE)


def _modifier_start(m: re.Match[str], text: str, tokens: TokenIndex | None, start: int) -> int:
    """ "the third-quarter loss": a hyphenated period before a noun modifies it, and the
    determiner belongs to the noun, so TimeML's extent starts after it."""
    if not m.groupdict().get("the") or tokens is None or not _HYPHENATED.search(m.group(0)):
        return start
    last = tokens.at(m.end() - 1)
    nxt = last.doc[last.i + 1] if last is not None and last.i + 1 < len(last.doc) else None
    if nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ") or nxt.idx - m.end() > 1:
        return start
    after_the = m.end("the")
    return after_the + len(text[after_the:]) - len(text[after_the:].lstrip())


def _holiday_ok(m: re.Match[str], tokens: TokenIndex | None) -> bool:
    """A capitalised holiday name standing for its day: not a modifier ("Christmas
    shopping", "Easter eggs") nor part of another name ("Easter Island")."""
    name = m.group("name")
    if not name[:1].isupper():
        return False
    if tokens is None or m.group("year"):
        return True
    last = tokens.at(m.end("name") - 1)
    if last is None:
        return True
    nxt = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    return not (nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and nxt.idx - m.end("name") <= 1)


def _duration_ok(m: re.Match[str], tokens: TokenIndex | None) -> bool:
    num = m.group("num").lower()
    unit = m.group("unit").lower()
    if re.fullmatch(r"(?:1[5-9]|20)\d\d", num) and not unit.endswith("s"):
        return False  # "the 1988 quarter" is a year, not 1,988 quarters
    if num in ("a", "an", "one") and unit in ("second",):
        return False
    after = m.string[m.end() : m.end() + 12]
    if re.match(r"\s+old\b", after):
        return False  # an age ("37 years old") is not a time of the story
    if unit.startswith("quarter") and re.match(r"\s+of\b", after):
        return False  # a fraction: "more than a quarter of the market"
    plain = not (m.group("det") or m.group("rel") or m.group("mod"))
    if plain and num in ("a", "an", "one", "per") and per_unit(m.string, m.start(), tokens, m.start("unit")):
        return False  # a rate ("$5 a year", "four flights a week"), not a stretch of time
    if num in ("some", "many") and not m.group("det") and not m.group("rel"):
        return unit not in ("time",)
    return True


def _preposition(m: re.Match[str], group: str, tokens: TokenIndex | None) -> bool:
    """Whether a modifier word ("over", "under") is parsed as a preposition, not as the
    amount's modifier ("over 30 years" meaning more than 30)."""
    if tokens is None or not m.group(group) or m.group(group).lower() not in ("over", "under"):
        return False
    tok = tokens.at(m.start(group))
    return tok is not None and tok.dep_ == "prep"


def _ref_ok(m: re.Match[str], tokens: TokenIndex | None) -> bool:
    word = m.group("ref").lower()
    if word in ("current", "recent"):
        tok = tokens.at(m.start()) if tokens else None
        return tok is None or tok.pos_ == "ADJ"
    if word == "the future" and re.match(r"\s+of\b", m.string[m.end() : m.end() + 4]):
        return False  # "the future of the country" is its fate, not a time
    if word == "soon":
        return not re.match(r"\s+(?:as|after|thereafter)\b", m.string[m.end() : m.end() + 12])
    return True


def per_unit(text: str, start: int, tokens: TokenIndex | None = None, unit_start: int | None = None) -> bool:
    """Whether "a year" at ``start`` is a rate: after an amount ("$5 a year", "three times a
    day") or hung on a noun ("700 seats a week", npadvmod of a noun or number)."""
    if _PER_BEFORE.search(text[max(0, start - 20) : start]):
        return True
    if tokens is None or unit_start is None:
        return False
    unit = tokens.at(unit_start)
    return unit is not None and unit.dep_ == "npadvmod" and unit.head.pos_ in ("NOUN", "NUM", "PROPN", "SYM")
