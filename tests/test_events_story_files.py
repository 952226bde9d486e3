"""The integrity checks every hand-annotated set of whole conflict stories shares (issue 19).

Each set's own module (``test_events_stories{2,...,10}.py``) holds its annotation conventions,
the words it leaves out as non-events and the story kinds its brief asked for; the checks on
spans, codes, dates and non-events are the same for every set, so they run here, once per set.
"""

from __future__ import annotations

import pytest

import test_events_stories2
import test_events_stories3
import test_events_stories4
import test_events_stories5
import test_events_stories6
import test_events_stories7
import test_events_stories8
import test_events_stories9
import test_events_stories10
from story_checks import (
    check_codes,
    check_date_against_publication,
    check_file_format,
    check_non_events,
    check_one_event_per_word,
    check_place_span,
    check_spans,
    check_wire_copy,
)

SETS = [
    test_events_stories2,
    test_events_stories3,
    test_events_stories4,
    test_events_stories5,
    test_events_stories6,
    test_events_stories7,
    test_events_stories8,
    test_events_stories9,
    test_events_stories10,
]
# Word ranges a set gives its genres (by story id); the others keep check_wire_copy's default.
WORDS = {sid: span for s in SETS for sid, span in getattr(s, "WORDS", {}).items()}
ARTICLES = [pytest.param(art, s.NON_EVENTS, id=art["id"]) for s in SETS for art in s.ARTICLES]
EVENTS = [
    pytest.param(art, ev, id=f"{art['id']}:{ev['text']}@{ev['span'][0]}")
    for s in SETS
    for art in s.ARTICLES
    for ev in art["events"]
]


@pytest.mark.parametrize("stories", SETS, ids=lambda s: s.STORIES.name)
def test_eight_stories_in_the_gold_format(stories) -> None:
    check_file_format(stories.ARTICLES, stories.PREFIX, stories.NON_EVENTS)


@pytest.mark.parametrize("stories", SETS, ids=lambda s: s.STORIES.name)
def test_the_word_ranges_name_stories_of_this_set(stories) -> None:
    assert set(getattr(stories, "WORDS", {})) <= {art["id"] for art in stories.ARTICLES}


@pytest.mark.parametrize(("art", "non_events"), ARTICLES)
def test_a_story_is_wire_copy_of_article_length(art: dict, non_events: dict) -> None:
    check_wire_copy(art, WORDS.get(art["id"], (300, 550)))


@pytest.mark.parametrize(("art", "ev"), EVENTS)
def test_spans_point_at_their_words(art: dict, ev: dict) -> None:
    check_spans(art, ev)


@pytest.mark.parametrize(("art", "ev"), EVENTS)
def test_the_place_span_names_the_place(art: dict, ev: dict) -> None:
    check_place_span(art, ev)


@pytest.mark.parametrize(("art", "ev"), EVENTS)
def test_codes_come_from_the_spec_lists(art: dict, ev: dict) -> None:
    check_codes(ev)


@pytest.mark.parametrize(("art", "ev"), EVENTS)
def test_dated_events_are_not_after_publication_unless_planned(art: dict, ev: dict) -> None:
    check_date_against_publication(art, ev)


@pytest.mark.parametrize(("art", "non_events"), ARTICLES)
def test_a_word_reports_one_event(art: dict, non_events: dict) -> None:
    check_one_event_per_word(art)


@pytest.mark.parametrize(("art", "non_events"), ARTICLES)
def test_the_listed_non_events_carry_no_mention(art: dict, non_events: dict) -> None:
    check_non_events(art, non_events[art["id"]])
