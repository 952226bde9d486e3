"""The place stage's work grows linearly with the length of the article.

A 950 KB article spent 106 s in the place stage: each capitalised dateline rebuilt the
whole text and refiltered every mention, each name compared itself with every resolved
name of the article, each mention was checked against every time expression. Time is
measured in ``bench/bench_long_article.py``; here the work is counted: the Python line
events the stage runs (``sys.settrace``), for an article and the same article four times
over. Linear work gives a ratio near 4; the old paths gave more than 6 at these sizes.
"""

from __future__ import annotations

import pytest

from dateline.context import Context
from dateline.extract.entities import extract_entities
from dateline.extract.places import extract_places
from dateline.extract.times import extract_times
from line_events import line_events

pytestmark = pytest.mark.model

# paragraphs written for this test: datelines, a legislator's home, lists, dates, countries
PARAGRAPHS = (
    "DAYTON — The city council in Dayton met on Monday to discuss the new bridge over the Miami River.",
    "Rep. Karen Miller, D-Toledo, said the state of Ohio would pay for half of it by March 2025.",
    "Visitors came from Cincinnati, Columbus, Cleveland and Akron, and a few from Canada and Mexico.",
    "BERLIN (AP) — German officials in Berlin and Munich said on Tuesday that talks with France went well.",
    "Farmers near Lyon and Marseille worried about the drought that began last summer.",
    "Sen. Paul Green, R-Springfield, asked whether Illinois had done enough since 2019.",
    "In Kenya, the flooding in Nairobi and Mombasa displaced families for three weeks in April.",
)


def article(n: int) -> str:
    return "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)] for i in range(n))


def _context(nlp, text: str) -> Context:
    ctx = Context(text=text, doc=nlp(text))
    extract_entities(ctx)
    extract_times(ctx)
    return ctx


def work(nlp, text: str) -> int:
    """Line events run by the place stage alone (the parse, entities and times come before)."""
    ctx = _context(nlp, text)
    extract_places(_context(nlp, article(len(PARAGRAPHS))))  # warm: gazetteer and caches
    return line_events(lambda: extract_places(ctx))


def test_place_work_grows_linearly_with_the_article(nlp):
    small, large = work(nlp, article(70)), work(nlp, article(280))
    assert large / small < 5.0, (small, large)
