"""A name the gazetteer lacks that the article introduces with its kind ("the town of X")
is that place at its later bare mentions too ("a curfew on X"): one sense per discourse, as
for the names the gazetteer knows (issue 19: the curfew's own place was lost).

Sentences are written for these tests; the town names are made up, so the gazetteer lacks them.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

PUBLISHED = "2019-05-13"


def test_a_bare_repeat_of_an_introduced_town_is_that_town(analyze) -> None:
    art = analyze(
        "A car bomb exploded at a market in the town of Kurmadi on Friday, killing nine people, "
        "police said.\n\nHours later, authorities imposed a curfew on Kurmadi and closed its "
        "schools.",
        published=PUBLISHED,
    )
    named = [p for p in art.places if p.text == "Kurmadi"]
    assert [p.span[0] for p in named] == [
        art.text.index("Kurmadi"),
        art.text.index("Kurmadi", art.text.index("curfew")),
    ]
    assert {p.feature for p in named} == {"town"}
    assert all(p.geonames_id is None for p in named)
    curfew = [ev for ev in art.events if any(s <= art.text.index("curfew") < e for s, e in ev.mentions)]
    assert len(curfew) == 1
    assert next(p for p in art.places if p.id == curfew[0].place) is named[1]


def test_a_name_never_introduced_as_a_place_stays_none(analyze) -> None:
    art = analyze(
        "Kurmadi imposed a curfew on Friday, a spokesman for the governor said.",
        published=PUBLISHED,
    )
    assert not [p for p in art.places if p.text == "Kurmadi"]
