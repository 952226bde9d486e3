"""Two small rules of the events stage (issue 19): the trigger stems are what an inflection
leaves ("band" is no "ban"), and a day inside the week or month an event is dated to agrees
with it when mentions merge.

Sentences are written for these tests (none comes from a gold file).
"""

from __future__ import annotations

import pytest

from dateline.extract.events.patterns import _stems
from dateline.records import EventDate
from event_helpers import covering

PUBLISHED = "2019-05-13"  # a Monday


@pytest.mark.parametrize(
    ("word", "stem"),
    [("raped", "rape"), ("attacked", "attack"), ("bombings", "bombing"), ("raids", "raid")],
)
def test_a_stem_is_what_an_inflection_leaves(word: str, stem: str) -> None:
    assert stem in _stems(word)


@pytest.mark.parametrize(("word", "not_stem"), [("band", "ban"), ("shield", "shiel"), ("press", "pres")])
def test_a_words_own_last_letter_is_no_inflection(word: str, not_stem: str) -> None:
    assert not_stem not in _stems(word)


@pytest.mark.model
def test_a_band_is_no_ban(analyze) -> None:
    art = analyze("A brass band played in the main square of the town on Sunday.", published=PUBLISHED)
    assert not covering(art, "band")


def test_a_week_and_a_day_in_it_agree() -> None:
    from dateline.extract.events.cluster import _dates_agree

    assert _dates_agree(EventDate("2019-W19", "week"), EventDate("2019-05-09", "day"))
    assert not _dates_agree(EventDate("2019-W18", "week"), EventDate("2019-05-09", "day"))
    assert _dates_agree(EventDate("2019-05", "month"), EventDate("2019-05-09", "day"))
