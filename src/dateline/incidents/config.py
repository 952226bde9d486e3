"""The one place where the linking thresholds and feature weights live.

A pair of event reports is scored as a weighted sum of named features (see
``dateline.incidents.scoring``): ``score = sum(weight[f] * value[f])``. Two reports are
linked when the score reaches ``link_threshold``; an incident is a connected component of
links. The defaults were set on one half of the GVC dev file (split by incident id) and
checked on the other (``docs/incidents.md`` has the figures and the command).

Blocking decides which pairs are scored at all: same type family, event days at most
``window_days`` apart, and compatible places (same country, or one side with no
country). Nothing else is ever compared, so linking cost grows with block size, not
with the square of the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def _weights() -> dict[str, float]:
    return {
        # same GeoNames id: +1; same first-level region: 0.5; known and far apart: -1
        "place": 1.0,
        # 1 on the same day, falling linearly to 0 at ``window_days``
        "date": 1.0,
        # share of the rarer side's distinctive words (names, numbers) found in the other
        "context": 3.0,
        # two articles' own news (not background events, not a round-up of several
        # towns): how much more their whole texts' distinctive words agree than the
        # events' own paragraphs do (``context``'s measure), so a story links however
        # its events are split into records. Half A was flat from 5 to 10 (7 chosen);
        # 12 and more made false links there
        "story": 7.0,
        # same normalised actor or target name on both sides
        "actors": 0.5,
        # a count (dead, wounded, arrested) stated with the same value on both sides: +1;
        # only different values for the same unit: -1 (sources disagree, but rarely by much)
        "counts": 0.5,
        # the two reports come from the same article (within-article coreference)
        "same_article": 1.5,
        # the same ACLED sub-type (or PLOVER mode) on both sides
        "subtype": 0.3,
        # -1 when both name several details (people, streets, times) and hardly any agree
        # (``differ_min_words`` each, cosine below ``differ_below``)
        "details_differ": 1.0,
        # -1 when the two have different ACLED event types
        "type_conflict": 0.5,
    }


@dataclass(frozen=True)
class LinkConfig:
    """Thresholds and weights for incident linking (defaults measured on GVC dev, half A)."""

    window_days: int = 14
    #: an event dated this many days or fewer from its article's publication is the
    #: article's own news (its report carries the headline and the story's words)
    news_days: int = 7
    link_threshold: float = 1.8
    far_km: float = 60.0
    #: ``details_differ`` fires when the detail cosine is below this (both naming ``differ_min_words`` or more)
    differ_below: float = 0.25
    #: ... when both name at least this many details
    differ_min_words: int = 3
    #: two first-level regions block a pair unless the events' paragraphs share this many
    #: details: one place name geocoded to two states ("Mountain View" read as California
    #: beside "Mountain View, Missouri") must not keep a victim's name from linking
    cross_region_words: int = 3
    weights: dict[str, float] = field(default_factory=_weights)


DEFAULT = LinkConfig()
