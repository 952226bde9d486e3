"""The events stage's work grows linearly with the length of the article.

In a long article each event looked for its cluster among every cluster's members, its
quote among every quote and its actor's entity among every mention: 10 s of a 400 KB
article. Time is measured in ``bench/bench_long_article.py``; here the work is counted:
the Python line events the stage runs (``sys.settrace``), for an article and the same
article four times over. Linear work gives a ratio near 4.
"""

from __future__ import annotations

import pytest

from line_events import line_events

pytestmark = pytest.mark.model

# paragraphs written for this test: attacks, protests, arrests, quotes, places and dates
PARAGRAPHS = (
    "Gunmen attacked a police station in Dayton on Monday, killing two officers, the mayor said.",
    '"We will find them," Police Chief Ann Moore told reporters after the attack.',
    "Hundreds of farmers protested outside the parliament in Lyon on Tuesday against new taxes.",
    "Police arrested twelve protesters after clashes near the station, officials said.",
    "Rebels captured the town of Kitale from government forces after heavy fighting.",
    "The army shelled rebel positions near Eldoret, residents said on Wednesday.",
)


def article(n: int) -> str:
    return "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(n))


def work(pipeline, text: str) -> int:
    """Line events run by the events stage alone (every stage before it has run)."""
    from dateline.context import Context

    ctx = Context(text=text, doc=pipeline.nlp(text))
    events = next(st for st in pipeline.stages if st.name == "events")
    for st in pipeline.stages:
        if st.name == "events":
            break
        st.run(ctx)
    return line_events(lambda: events.run(ctx))


def test_event_work_grows_linearly_with_the_article(pipeline):
    work(pipeline, article(len(PARAGRAPHS)))  # warm: lexicons and caches
    small, large = work(pipeline, article(60)), work(pipeline, article(240))
    assert large / small < 5.0, (small, large)
