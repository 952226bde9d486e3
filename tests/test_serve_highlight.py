"""The reader's text rendering: escaped piece by piece, every record kept, overlaps unbroken."""

from __future__ import annotations

import html
import re

from hypothesis import given
from hypothesis import strategies as st

from dateline.records import Article, Event, Quote
from dateline.serve.highlight import LAYERS, Mark, marks_for, render_text

_TEXT = st.text(alphabet=st.sampled_from(list("ab <>&\"'\n/=é")), max_size=60)


def _marks(text_len: int):
    span = st.tuples(st.integers(-3, text_len + 3), st.integers(-3, text_len + 3))
    return st.lists(
        st.builds(
            lambda s, layer, i: Mark(min(s), max(s), layer, f"k{i}", f"a{i}", f"label {i} <&>"),
            span,
            st.sampled_from(list(LAYERS)),
            st.integers(0, 9),
        ),
        max_size=12,
    )


def _visible(markup: str) -> str:
    without_markers = re.sub(r'<a class="mk[^>]*>[A-Z]</a>', "", markup)
    return html.unescape(re.sub(r"<[^>]+>", "", without_markers))


@given(st.data())
def test_rendering_keeps_the_text_exactly_and_never_passes_markup(data) -> None:
    text = data.draw(_TEXT)
    marks = [m for m in data.draw(_marks(len(text))) if 0 <= m.start < m.end <= len(text)]
    out = str(render_text(text, marks))
    assert _visible(out) == text
    # the only tags are the ones the renderer writes
    assert set(re.findall(r"<(/?[a-z]+)", out)) <= {"a", "/a", "span", "/span"}
    # every record gets its marker, a link to its panel
    for m in marks:
        assert f'id="r-{m.anchor}" href="?rec={m.key}#r-{m.anchor}"' in out


def test_overlapping_records_share_segments_without_breaking() -> None:
    text = "Police said 12 people were detained."
    marks = [
        Mark(0, 36, "quotes", "quote-q1", "quote-q1", "quote"),
        Mark(12, 21, "numbers", "number-0", "number-0", "number"),
        Mark(0, 6, "speakers", "quote-q1", "speaker-q1", "speaker"),
    ]
    out = str(render_text(text, marks))
    assert '<span class="seg l-numbers l-quotes" data-recs="number-0 quote-q1">12 people</span>' in out
    assert '<span class="seg l-quotes l-speakers" data-recs="quote-q1">Police</span>' in out
    assert _visible(out) == text


def test_marks_come_from_every_record_kind_and_clip_to_the_text() -> None:
    text = 'Mayor Ana Ruiz said "the bridge is closed," reported Radio Sur.'
    quote = Quote(
        id="q1",
        kind="direct",
        content="the bridge is closed,",
        span=(21, 42),
        sentence=0,
        cue="said",
        cue_span=(15, 19),
        speaker="Ana Ruiz",
        speaker_span=(6, 14),
        reported_by=["Radio Sur"],
    )
    event = Event(id="v1", type="RESTRICT", trigger="closed", span=(35, 999), sentence=0)
    marks = marks_for(Article(id="a", text=text, quotes=[quote], events=[event]))
    anchors = {m.anchor: (m.start, m.end) for m in marks}
    assert anchors["speaker-q1"] == (6, 14) and anchors["cue-q1"] == (15, 19)
    assert text[slice(*anchors["reporter-q1-0"])] == "Radio Sur"
    assert anchors["event-v1"] == (35, len(text))
