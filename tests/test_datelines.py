"""The one dateline reader (dateline.text.datelines): where a news text says it was filed,
read once per article and asked by the places and events stages."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from dateline.context import Context
from dateline.text.datelines import _DATELINE, Datelines, _dateline_matches, find_datelines


def _head(text: str) -> tuple[str, str | None, str | None] | None:
    """The head dateline as (place, qualifier, agency) strings."""
    d = Datelines(text).head
    if d is None:
        return None
    qualifier = text[d.qualifier[0] : d.qualifier[1]] if d.qualifier else None
    return text[d.place[0] : d.place[1]], qualifier, d.agency


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KAMPALA - Police fired tear gas at traders on Monday.", ("KAMPALA", None, None)),
        ("LILONGWE (Reuters) - The central bank cut its main rate.", ("LILONGWE", None, "Reuters")),
        ("MOMBASA, Kenya (Reuters) - Dockers walked out at dawn.", ("MOMBASA", "Kenya", "Reuters")),
        ("QUETTA, Pakistan — A bomb went off near a market.", ("QUETTA", "Pakistan", None)),
        ("NEWPORT NEWS, Va. – The shipyard hired 300 welders.", ("NEWPORT NEWS", "Va.", None)),
        ("SALT LAKE CITY -- Snow closed the canyon roads.", ("SALT LAKE CITY", None, None)),
        ("ST. CLOUD — The council met late.", ("ST. CLOUD", None, None)),
        (
            "BENI, Democratic Republic of the Congo (AP) — Gunmen raided a village.",
            ("BENI", "Democratic Republic of the Congo", "AP"),
        ),
        ("Vejer de la Frontera - Fishermen blocked the harbour road.", ("Vejer de la Frontera", None, None)),
        ("Springfield, Ill. — The governor signed the budget.", ("Springfield", "Ill.", None)),
        # at the head a colon closes a dateline too
        ("NEW DELHI: Farmers marched on the capital.", ("NEW DELHI", None, None)),
    ],
)
def test_the_head_dateline_is_read_with_its_parts(text: str, expected: tuple) -> None:
    assert _head(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Protests spread to Kampala\nThe police said on Monday that 40 people were held.",
        "Flooding hits Mombasa - residents flee to higher ground.",
        "Logan-Rogersville students won the state title.",
        "The mayor spoke. He said the roads were clear. LINDEN - The council met.",
        "",
        "   \n  ",
    ],
)
def test_no_head_dateline(text: str) -> None:
    # a headline that ends with a place, a hyphen inside a word, a dateline after the
    # first sentences of a body: none is the article's own dateline
    assert Datelines(text).head is None


def test_a_dotted_place_in_capitals_is_one_dateline() -> None:
    text = "ST. PARIS — The fair opened on Friday."
    datelines = Datelines(text)
    assert [text[a:b] for a, b in datelines.capital_places()] == ["ST. PARIS"]


def test_the_places_in_capitals_are_of_datelines_anywhere_but_labels() -> None:
    text = (
        "Storm hits coast. GALVESTON -- Winds reached 90 mph.\n\n"
        "VIDEO: The storm at landfall.\n\n"
        "Crews in Port Arthur — the refinery town — braced for the surge."
    )
    datelines = Datelines(text)
    # a colon after capitals away from the head is a label; mixed case is no capitals
    assert [text[a:b] for a, b in datelines.capital_places()] == ["GALVESTON"]
    # the place of a dateline opening a line (not one after a title's full stop)
    assert datelines.opens_line(text.index("Crews")) is False
    assert datelines.opens_line(text.index("Port Arthur")) is False
    assert datelines.opens_line(text.index("GALVESTON")) is False


def test_a_dateline_opening_a_line_marks_its_place_as_where_the_report_was_filed() -> None:
    text = "Clashes in the north\nGOMA, Democratic Republic of Congo (Reuters) - Rebels shelled Sake."
    datelines = Datelines(text)
    assert datelines.opens_line(text.index("GOMA")) is True
    assert datelines.opens_line(text.index("Sake")) is False
    assert datelines.opens_line(0) is False


def test_the_article_reads_its_datelines_once() -> None:
    doc = Doc(Vocab(), words=["KAMPALA", "-", "Police", "spoke", "."], sent_starts=[True] + [False] * 4)
    ctx = Context(text=doc.text, doc=doc)
    assert ctx.datelines is ctx.datelines
    assert ctx.datelines.head is not None and ctx.datelines.head.place == (0, 7)


_CITY = st.lists(
    st.sampled_from(["KIGALI", "NEW", "PORT", "ST.", "SAN", "MARCOS", "EL", "PASO"]), min_size=1, max_size=3
)
_QUALIFIER = st.one_of(
    st.none(), st.sampled_from(["Rwanda", "Texas", "N.C.", "Ivory Coast", "Republic of Mali"])
)
_AGENCY = st.one_of(st.none(), st.sampled_from(["AP", "Reuters", "AFP", "CBS 8"]))
_DASH = st.sampled_from([" — ", " – ", " - ", " -- ", "--", "—"])
_TITLE = st.just("")


@settings(max_examples=200, deadline=None)
@given(_TITLE, _CITY, _QUALIFIER, _AGENCY, _DASH)
def test_a_written_dateline_is_read_back(title, city, qualifier, agency, dash) -> None:
    place = " ".join(city)
    line = place + (f", {qualifier}" if qualifier else "") + (f" ({agency})" if agency else "") + dash
    text = f"{title}{line}Officials said the bridge would open on Friday."
    head = Datelines(text).head
    assert head is not None
    start = len(title)
    assert text[head.place[0] : head.place[1]] == place.rstrip(".")
    assert head.span == (start, start + len(line.rstrip()))
    assert head.agency == agency
    assert (text[head.qualifier[0] : head.qualifier[1]] if head.qualifier else None) == qualifier
    assert head.capitals
    assert [text[a:b] for a, b in Datelines(text).capital_places()] == [place.rstrip(".")]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab AB,.-—:()\n'"), max_size=80))
def test_datelines_are_ordered_disjoint_spans_of_the_text(text: str) -> None:
    found = find_datelines(text)
    for d in found:
        assert d.span[0] == d.place[0] < d.place[1] <= d.span[1] <= len(text)
        assert text[d.place[0]].isupper()
    for a, b in itertools.pairwise(found):
        assert a.span[1] <= b.span[0]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "LAGOS",
                "Port Harcourt",
                "de",
                " ",
                "\n",
                "\t",
                "\u00a0",
                ".",
                "?",
                "!",
                "-",
                " — ",
                ":",
                ", ",
                "(AP)",
                "x",
            ]
        ),
        max_size=30,
    )
)
def test_datelines_are_sought_only_where_one_may_start(pieces: list[str]) -> None:
    # the scan tries the pattern at the text's start, after line breaks and after a
    # sentence's end: it must find what trying it at every character finds
    text = "".join(pieces)
    expected = [(m.span(), m.group(0)) for m in _DATELINE.finditer(text)]
    assert [(m.span(), m.group(0)) for m in _dateline_matches(text)] == expected
