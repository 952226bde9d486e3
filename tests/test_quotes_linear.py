"""The quote stage's work grows linearly with the number of quotation marks.

A hostile article (thousands of marks, straight and curly mixed, unclosed ones, long
sentences and one endless paragraph) once took 86 s for 54 KB. Time is measured in
``bench/bench_quotes_scaling.py``; here the work is counted: the Python line events the
stage runs (``sys.settrace``), for an input and the same input four times over. Linear
work gives a ratio near 4, the old quadratic paths gave 10 to 30; the bound is generous.
"""

from __future__ import annotations

import pytest

from dateline.context import Context
from dateline.extract.entities import extract_entities
from dateline.extract.quotes import extract_quotes
from line_events import line_events

pytestmark = pytest.mark.model

# pieces written for this test; joined with spaces they make long sentences and one paragraph
PIECES = (
    "“We will rebuild,” Maria Lopez said, “with what remains.”",
    "She called them “thugs” and “liars”",
    "and he said “no”",
    "“Go home now",
    "Officials, who she dubbed “the gang”, said that the “plan” was “dead”",
    '"It is over," he said',
    "'a' 'b' 'c'",
    "John Smith told reporters: “We are done here.”",
    "the minister said it was “a disgrace”",
)


def hostile(n: int, sep: str) -> str:
    return sep.join(PIECES[i % len(PIECES)] for i in range(n))


def work(nlp, text: str) -> int:
    """Line events run by the quote stage alone (the parse and entities come before)."""
    ctx = Context(text=text, doc=nlp(text))
    extract_entities(ctx)
    return line_events(lambda: extract_quotes(ctx))


@pytest.mark.parametrize("sep", [" ", "\n", ". "], ids=["one-paragraph", "paragraphs", "sentences"])
def test_quote_work_grows_linearly_with_quotation_marks(nlp, sep):
    small, large = work(nlp, hostile(90, sep)), work(nlp, hostile(360, sep))
    assert large / small < 6.5, (small, large)
