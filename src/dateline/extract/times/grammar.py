"""The grammar of English time expressions: named regex rules, compiled once per process.

Like HeidelTime and SUTime, every construction is one pattern with named groups; the
normaliser (``resolve.py``) turns a match into a TIMEX3 value. Each rule is run over the
whole text and overlapping matches are settled afterwards (longest first), so rule
order never hides a longer expression. Month and weekday names are matched in any case
here; ``resolve.py`` rejects lower-case ones ("may", "march") and names of things.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dateline.extract.times.holidays import DAYS, MONTHS
from dateline.extract.times.lexicon import alternation, lexicon, number_pattern, spelled_days
from dateline.extract.times.scan import EDGE, NeedIndex, Needs, lower_twin, pattern_width

# frequency adverbs and their TIMEX3 SET values
FREQUENCIES = {
    "hourly": "PT1H",
    "daily": "P1D",
    "nightly": "XXXX-XX-XXTNI",
    "weekly": "P1W",
    "biweekly": "P2W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "quarterly": "P1Q",
    "semiannually": "P6M",
    "annually": "P1Y",
    "yearly": "P1Y",
}


def holiday_names() -> list[str]:
    return [*DAYS, *MONTHS]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    priority: int = 0  # higher wins between two matches of the same span
    needs: tuple[str, ...] = ()  # lower-case substrings one of which every match holds
    gate: re.Pattern[str] | None = None  # a case-sensitive pattern a text must hold
    reach: int | None = None  # how far from a need its match can read (None: unbounded)
    twin: re.Pattern[str] | None = None  # the pattern over lower-cased text (scan.lower_twin)

    def spans(self, found: Needs, whole: bool) -> list[tuple[int, int]] | None:
        """Where to scan: ``[]`` skips the rule, None scans the whole text, else windows.

        A full scan with a pattern costs far more than finding its needs (``scan.py``)."""
        if self.gate is not None and not found.holds(self.gate):
            return []
        if not self.needs:
            return None
        if not found.positions(self.needs):
            return []
        return None if whole or self.reach is None else found.windows(self.needs, self.reach)


# modifiers kept inside a date's span ("early August", "the end of 2015"), as a trie
_PRE_WORDS = [
    *(f"{very}{w}" for very in ("", "very ") for w in ("early", "late", "earlier", "later")),
    "mid",
    *(
        f"{the}{w} of"
        for the in ("", "the ")
        for w in (
            "end",
            "beginning",
            "start",
            "middle",
            "rest",
            "close",
            "turn",
            "first half",
            "second half",
            "latter half",
            "early hours",
            "early part",
            "latter part",
        )
    ),
]
_REL_WORDS = [
    "last",
    "this",
    "next",
    "this past",
    "this coming",
    "past",
    "coming",
    "current",
    "the past",
    "the last",
    "the current",
    "the coming",
    "the latest",
    "latest",
]
_DURATION_RELS = [
    "past",
    "last",
    "next",
    "first",
    "final",
    "previous",
    "coming",
    "following",
    "remaining",
    "initial",
    "latest",
    "preceding",
    "year-earlier",
    "year-ago",
    "comparable",
    "same",
]
_DURATION_MODS = [
    "nearly",
    "almost",
    "about",
    "around",
    "approximately",
    "roughly",
    "more than",
    "less than",
    "at least",
    "up to",
    "no more than",
    "just over",
    "just under",
    "over",
    "under",
    "only",
    "just",
    "another",
    "an additional",
    "an extra",
    "a further",
    "some",
]
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_UNIT_STEMS = (
    "second",
    "minute",
    "hour",
    "day",
    "week",
    "fortnight",
    "month",
    "quarter",
    "year",
    "decade",
    "centur",
)
_SEASONS = ("spring", "summer", "fall", "autumn", "winter")
# month and weekday names count only capitalised, so a text without one skips those rules
_MONTH_GATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
)
_WEEKDAY_GATE = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|MON|TUE|WED|THU|FRI|SAT|SUN)")
_MONTH_RULES = {"month_day", "day_month", "month_year", "month_rel_year", "rel_year_month", "month"}
_WEEKDAY_RULES = {"weekday", "weekday_set", "weekday_parts"}
# rules whose every match holds one of these substrings (single words: the patterns match
# a space as any run of whitespace)
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ("-",),
    "slash": ("/",),
    "month_day": _MONTH_STEMS,
    "day_month": _MONTH_STEMS,
    "month_year": _MONTH_STEMS,
    "month_rel_year": ("year",),
    "rel_year_month": ("year",),
    "month": _MONTH_STEMS,
    "each": ("each", "every"),
    "weekday_set": ("days",),
    "weekday_parts": ("mornings", "afternoons", "evenings", "nights"),
    "weekday": ("day",),
    "clock": ("a.m", "p.m", "am", "pm", "noon", "midnight", "midday", ":"),
    "deixis": ("yesterday", "today", "tomorrow", "tonight"),
    "daypart": ("morning", "afternoon", "evening", "night"),
    "midpart": ("mid",),
    "year_period": ("quarter", "period"),
    # a rule whose unit group lists only some units needs only those ("weekend" holds "week")
    "relative": ("week", "month", "year", "quarter", "decade", "century", *_SEASONS),
    "the_unit": ("week", "month", "year", "quarter", "day"),
    "narrative": ("day", "week", "month", "year", "morning", "afternoon", "evening", "night", "quarter"),
    "unit_around": ("before", "after"),
    "unit_event": ("before", "after"),
    "ago": ("ago", "earlier", "later", "now", "hence"),
    "bare_ago": ("ago", "earlier", "later"),
    "duration": _UNIT_STEMS,
    "duration_adj": _UNIT_STEMS,
    "few_units": ("hours", "days", "weeks", "months", "quarters", "years", "decades"),
    "unit_long": ("-long",),
    "quarter": ("quarter",),
    "quarter_code": ("q",),
    "half": ("half", "quarters"),
    "half_unit": ("half",),
    "period": ("quarter", "period", "months"),
    "year_ago_adj": ("year-",),
    "fiscal_year": ("fiscal", "fy"),
    "year_range": ("-", "–"),
    "year_range_end": ("-", "–"),
    "frequency": ("ly",),
    "holiday": (
        "christmas",
        "year's",
        "year’s",
        "valentine",
        "halloween",
        "easter",
        "friday",
        "sunday",
        "wednesday",
        "pentecost",
        "thanksgiving",
        "labor",
        "memorial",
        "king",
        "eid",
        "ramadan",
        "presidents",
        "columbus",
        "veterans",
        "juneteenth",
        "armistice",
        "remembrance",
        "bastille",
        "australia",
        "anzac",
        "canada",
        "patrick",
    ),
    "at_time": ("time",),
    "then": ("then",),
    "spelled_year": ("nineteen", "thousand"),
    "decade": ("0s", "0's", "ties"),
    "century": ("century",),
    "season": ("spring", "summer", "fall", "autumn", "winter"),
    "bare_season": ("spring", "summer", "fall", "autumn", "winter"),
    "year_end": ("end",),
    "modal_day": ("day",),
    "vague_span": ("while", "time", "years"),
    "ordinal_day": ("day",),
    "bare_units": ("hours", "days", "weeks", "months", "years", "decades", "centuries"),
    "year": ("1", "2"),  # YEAR is 1500-2099
}


def _macros() -> dict[str, str]:
    lex = lexicon()
    full_months = [m for m in lex.months if (len(m) > 3 and m != "sept") or m == "may"]
    abbr_months = [m for m in lex.months if m not in full_months]
    month = rf"(?:{alternation(full_months)}|(?:{alternation(abbr_months)})\.|(?:{alternation(abbr_months)})(?=\s+\d))"
    units = alternation(lex.units)
    singular_units = alternation(u for u in lex.units if not u.endswith("s") or u == "hours")
    return {
        "MONTH": month,
        "MONTH_FULL": alternation(full_months),
        "WD": alternation(lex.weekdays),
        "DAY": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d/%]|:\d)(?!,\d)",
        "YEAR": r"(?:1[5-9]\d\d|20\d\d)(?![\d%])(?!,\d)(?!\.\d)",
        "NUM": number_pattern(),
        "UNIT": rf"(?:{units})",
        "UNIT1": rf"(?:{singular_units})",
        "ORD": alternation(lex.ordinals),
        "DAYWORD": alternation(spelled_days()),
        "SEASON": alternation(lex.seasons),
        "FREQ": alternation(FREQUENCIES),
        "HOLIDAY": alternation([*holiday_names(), *(n.replace("'", "’") for n in holiday_names())]),
        "PART": r"(?:morning|afternoon|evening|night)",
        "PRE": rf"(?:(?:{alternation(_PRE_WORDS)})\s+(?:the\s+)?|mid-\s*)",
        "REL": rf"(?:{alternation(_REL_WORDS)})",
        "DMOD": rf"(?:{alternation(_DURATION_MODS)})",
        "DREL": alternation(_DURATION_RELS),
        "SPELLED_YEAR": r"(?:nineteen[\s-](?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|hundred)|the\s+year\s+two\s+thousand(?:\s+(?:and\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)",
    }


# (name, pattern, priority); written with the macros above, case-insensitive
_RULES: tuple[tuple[str, str, int], ...] = (
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?:[T ](?P<hh>\d\d):(?P<mm>\d\d))?\b", 5),
    ("slash", r"(?<![\d/])(?P<m>3[01]|[12]\d|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)\d\d)\b", 5),
    (
        "month_day",
        r"\b(?:(?P<wd>{WD}),?\s+)?(?:(?P<pre>{PRE}))?(?P<month>{MONTH})\s*(?:(?P<day>{DAY})|(?P<dayword>{DAYWORD})(?![\s-]+(?:quarter|half)))\b(?:,?\s+(?P<year>{YEAR}))?",
        3,
    ),
    (
        "day_month",
        r"\b(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?",
        3,
    ),
    (
        "month_year",
        r"\b(?:(?P<pre>{PRE}))?(?P<month>{MONTH}),?\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<spelled>{SPELLED_YEAR}))\b",
        3,
    ),
    (
        "month_rel_year",
        r"\b(?:(?P<pre>{PRE}))?(?P<month>{MONTH})\s+(?:of\s+)?(?P<rel>last|this|next|the\s+previous|the\s+following)\s+year\b",
        3,
    ),
    ("rel_year_month", r"\b(?P<rel>last|this|next)\s+year,?\s+in\s+(?P<month>{MONTH_FULL})\b", 3),
    (
        "month",
        r"\b(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?:(?P<pre>{PRE}))?(?P<month>{MONTH_FULL})\b",
        1,
    ),
    (
        "each",
        r"\b(?:every|each)\s+(?:other\s+)?(?:(?P<num>{NUM})\s+(?P<unit>{UNIT})|(?P<wd>{WD})|(?P<month>{MONTH_FULL})|(?P<season>{SEASON})|(?P<part>{PART})|(?P<what>day|week|weekend|month|quarter|year))\b",
        4,
    ),
    ("weekday_set", r"\b(?:on\s+)?(?P<wd>{WD})s(?:\s+(?P<part>{PART})s?)?\b", 2),
    ("weekday_parts", r"\b(?:on\s+)?(?P<wd>{WD})\s+(?P<part>{PART})s\b", 3),
    (
        "weekday",
        r"\b(?:(?P<rel>last|this|next|this\s+past|this\s+coming|the\s+previous|the\s+following|that)\s+)?(?:(?P<pre>{PRE}))?(?P<wd>{WD})(?:\s+(?P<part>{PART}))?\b",
        2,
    ),
    (
        "clock",
        r"(?:\b(?P<mod>around|about|approximately|roughly|nearly|almost)\s+)?(?:\b(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.?|p\.m\.?|am\b|pm\b)|\b(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)(?=\s*(?:GMT|UTC|hours|hrs|h\b|local))|\b(?P<word>noon|midnight|midday)\b)(?:\s+(?P<tz>GMT|UTC|[ECMP][SD]T|local\s+time)\b)?(?:,?\s+(?:on\s+)?(?:(?P<wd>{WD})|(?P<deixis>today|yesterday|tomorrow)|(?P<month>{MONTH})\s*(?P<day>{DAY})\b))?",
        4,
    ),
    (
        "deixis",
        r"\b(?:(?P<pre>{PRE}))?(?P<word>yesterday|today|tomorrow|tonight)(?:\s+(?P<part>{PART}))?\b",
        2,
    ),
    ("daypart", r"\b(?:(?P<pre>{PRE}))?(?P<rel>this|last|tomorrow|yesterday)\s+(?P<part>{PART})\b", 3),
    (
        "midpart",
        r"\bmid[\s-]?(?P<part>morning|afternoon|day)\b(?:\s+(?P<deixis>yesterday|today|tomorrow))?",
        1,
    ),
    (
        "year_period",
        r"\b(?:(?P<the>the)\s+)?(?P<year>{YEAR})\s+(?:(?P<ord>first|second|third|fourth)\s+)?(?:fiscal\s+)?(?P<what>quarter|period)\b",
        3,
    ),
    (
        "relative",
        r"\b(?:(?P<pre>{PRE}))?(?P<rel>{REL})\s+(?:(?P<fiscal>fiscal)\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century|{SEASON})\b",
        2,
    ),
    (
        "the_unit",
        r"\b(?:(?P<pre>{PRE}))?(?P<the>the|this|that)\s+(?:(?P<full>full|whole|entire)\s+)?(?:(?P<fiscal>fiscal)\s+)?(?P<unit>week|month|year|quarter|day|weekend)\b(?!-)",
        1,
    ),
    (
        "narrative",
        r"\b(?:(?P<pre>(?:earlier|later)\s+))?(?P<rel>the\s+(?:next|following|previous|preceding|prior|same)|that|the\s+same)\s+(?P<unit>day|week|weekend|month|year|morning|afternoon|evening|night|quarter)\b",
        3,
    ),
    (
        "unit_around",
        r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)\b(?!\s+(?:the|a|an|his|her|their|its)\b)",
        3,
    ),
    # "the day after his death": counted from an event, whose date only the narrative gives
    (
        "unit_event",
        r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)(?=\s+(?:the|a|an|his|her|their|its)\b)",
        3,
    ),
    (
        "ago",
        r"\b(?:(?P<mod>{DMOD})\s+)?(?P<num>{NUM})\s+(?P<unit>{UNIT})\s+(?:or\s+so\s+)?(?P<dir>ago|earlier|later(?!\s+than)|from\s+now|hence)\b",
        3,
    ),
    ("bare_ago", r"\b(?P<unit>years|months|weeks|days|decades)\s+(?P<dir>ago|earlier|later)\b", 2),
    (
        "duration",
        r"\b(?:(?P<det>the|these|those)\s+)?(?:(?P<rel>{DREL})\s+)?(?:(?P<mod>{DMOD})\s+)?(?P<num>{NUM})(?:\s+(?:to|or)\s+(?P<num2>{NUM}))?\s+(?:(?:more|additional|extra|full|long|straight|consecutive|trading|business|working|calendar)\s+)?(?P<unit>{UNIT})\b(?P<half>\s+and\s+a\s+half\b)?(?:\s+or\s+so\b)?",
        1,
    ),
    # "a week-long festival" (one unit), "a months-long siege" (an unknown number of them)
    ("unit_long", r"\b(?P<unit>{UNIT})-long\b", 1),
    (
        "half_unit",
        r"\b(?:(?P<mod>{DMOD})\s+)?half\s+(?:an?\s+)?(?P<unit>hour|day|week|month|year|decade|century)\b",
        2,
    ),
    # "a 10-day visit": the amount alone; "a three-year period": the whole phrase, as its
    # noun is a stretch of time itself (TimeML's extent is then the noun phrase)
    (
        "duration_adj",
        r"\b(?:(?P<det>an?|the)\s+)?(?P<num>{NUM})-(?P<unit>{UNIT1})(?P<old>-old|-long)?\b(?P<noun>\s+(?:period|span|stretch|spell|interval|window|timeframe)\b)?",
        1,
    ),
    (
        "few_units",
        r"\b(?:(?P<det>the)\s+)?(?P<rel>recent|past\s+few|last\s+few|next\s+few|coming|past\s+several|last\s+several|next\s+several)\s+(?P<unit>hours|days|weeks|months|quarters|years|decades)\b",
        1,
    ),
    (
        "quarter",
        r"\b(?:(?P<the>the)\s+)?(?:(?P<year>{YEAR})\s+|(?P<poss>this|last|next)\s+year's\s+|(?P<ago>(?:comparable\s+|same\s+)?(?:year-ago|year-earlier|year-before|previous\s+year's|prior-year|prior\s+year's))\s+)?(?:fiscal\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-](?:fiscal[\s-])?quarter\b(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year2>{YEAR})|(?P<rel2>this|last|next)\s+year|the\s+(?P<prevnext>previous|following)\s+year))?",
        3,
    ),
    ("quarter_code", r"\b(?:(?P<fy>FY|fiscal)\s*)?Q(?P<q>[1-4])(?:\s+(?P<year>{YEAR}))?\b", 3),
    (
        "half",
        r"\b(?:(?P<the>the)\s+)?(?:(?P<ord>first|second|last|latter)[\s-]half|(?P<ord2>first|last)\s+two\s+quarters)(?:\s+of\s+(?:(?P<year>{YEAR})|(?P<rel>this|last|next)\s+year|the\s+year))?\b",
        3,
    ),
    (
        "period",
        r"\b(?:(?P<the>the)\s+)?(?:(?P<which>(?:comparable\s+|same\s+)?(?:latest|current|previous|prior|year-ago|year-earlier|year-before|corresponding|recent|most\s+recent)|comparable|same)\s+|(?P<lastyears>last\s+year's)\s+)?(?:fiscal\s+)?(?P<what>quarter|period|three\s+months)\b(?P<tail>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?",
        2,
    ),
    ("year_ago_adj", r"\b(?P<which>year-ago|year-earlier|year-before)\b", 0),
    ("fiscal_year", r"\b(?P<fiscal>fiscal|FY)\s*(?P<year>{YEAR}|'?\d\d)\b", 3),
    ("year", r"\b(?:(?P<pre>{PRE}))?(?P<year>{YEAR})\b(?![-–]\d)", 1),
    # "2009-2010", "1957-58": each end of a range is a date of its own (TimeML gives a range
    # two TIMEX3s, joined by a TLINK), so the first year and the second are two matches
    ("year_range", r"\b(?P<year>{YEAR})(?=[-–](?:\d{2}|\d{4})\b(?![-–/]\d))", 1),
    ("year_range_end", r"(?<=\b\d{4}[-–])(?P<y2>\d{2}|\d{4})\b(?![-–/]\d)", 1),
    # adverbs of frequency: "published daily", "meets weekly" (the adjective is not a time)
    ("frequency", r"\b(?P<freq>{FREQ})\b", 1),
    (
        "holiday",
        r"\b(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?P<name>{HOLIDAY})(?:,?\s+(?P<year>{YEAR}))?\b",
        3,
    ),
    # "at the time", "at that time": the time the narrative has reached (the preposition is trimmed)
    ("at_time", r"\bat\s+(?P<x>(?:the|that)\s+time)\b(?!\s+(?:of|when|that|to|for|being|in)\b)", 2),
    # "since then", "until then", "by then": "then" names the time just told (the
    # preposition is a signal and trimmed); "then-President" is a title, not a time
    ("then", r"\b(?:since|until|till|by|before|from)\s+(?P<x>then)\b(?![-–])", 2),
    ("spelled_year", r"\b(?:(?P<pre>{PRE}))?(?P<spelled>{SPELLED_YEAR})\b", 2),
    (
        "decade",
        r"\b(?:(?P<the>the)\s+)?(?:(?P<pre>early|late|mid-?)\s*)?(?:(?P<dec>1[5-9]\d0|20\d0)'?s\b|'(?P<short>\d0)'?s\b|(?<=the\s)(?P<short2>[2-9]0)s\b|(?:nineteen[\s-])?(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)",
        2,
    ),
    ("century", r"\b(?:(?P<the>the)\s+)?(?:(?P<pre>early|late|mid-?)\s*)?(?P<ord>{ORD})[\s-]century\b", 2),
    (
        "season",
        r"\b(?:(?P<the>the)\s+)?(?:(?P<pre>early|late|mid-?)\s*)?(?P<season>{SEASON})\s+(?:of\s+)?(?:(?P<year>{YEAR})|(?P<spelled>{SPELLED_YEAR}))\b",
        3,
    ),
    (
        "bare_season",
        r"\b(?P<det>the|in|this|last|next)\s+(?:(?P<pre>early|late|mid-?)\s*)?(?P<season>{SEASON})\b",
        0,
    ),
    ("ref", r"\b(?P<ref>{REFS})\b", 2),
    # "for a while", "for some time", "over the years": vague stretches (the preposition is trimmed)
    (
        "vague_span",
        r"\b(?:for|in|after|within|over|through|throughout)\s+(?P<x>a\s+while|(?:quite\s+)?some\s+time|the\s+years)\b(?!\s+(?:ago|later|earlier|before|after|since|to|of|next|last|this|that)\b)",
        1,
    ),
    # "will one day be": a vague future, not a day's duration (the modal is trimmed off)
    ("modal_day", r"\b(?:will|would|could|might|may|can|shall)\s+(?P<x>one\s+day)\b", 4),
    # "today is the eighth day of the strike": the publication day (the copula is trimmed)
    (
        "ordinal_day",
        r"(?:\b(?:is|was)|'s)\s+(?:now\s+)?(?P<x>the\s+(?P<ord>{ORD})\s+(?:straight\s+|consecutive\s+|full\s+)?day)\b",
        4,
    ),
    ("year_end", r"\b(?:(?P<mod>around|about)\s+)?year(?:-|\s+|'s\s+)end\b", 2),
    (
        "bare_units",
        r"\b(?:for|within|in|over|after|of)\s+(?P<unit>hours|days|weeks|months|years|decades|centuries)\b(?!\s+(?:ago|of|later|earlier|before|after|old)\b)",
        0,
    ),
)


@cache
def rules() -> tuple[Rule, ...]:
    """The compiled rules (once per process)."""
    macros = _macros()
    macros["REFS"] = alternation(lexicon().references)
    # a reference phrase ("the near future") holds its last word
    needs = {**_NEEDS, "ref": tuple(sorted({ref.split()[-1] for ref in lexicon().references}))}
    out = []
    for name, template, priority in _RULES:
        pattern = template
        for key in sorted(macros, key=len, reverse=True):
            pattern = pattern.replace("{" + key + "}", macros[key])
        gate = _MONTH_GATE if name in _MONTH_RULES else _WEEKDAY_GATE if name in _WEEKDAY_RULES else None
        compiled = re.compile(pattern, re.IGNORECASE)
        wanted = needs.get(name, ())
        width = pattern_width(compiled)
        reach = None if width is None or not wanted else width + EDGE
        out.append(Rule(name, compiled, priority, wanted, gate, reach, lower_twin(compiled)))
    return tuple(out)


@cache
def need_index() -> NeedIndex:
    """Every rule's needs, found in one pass over a text (``scan.NeedIndex``)."""
    return NeedIndex(need for rule in rules() for need in rule.needs)
