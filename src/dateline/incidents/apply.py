"""Link a batch of analysed articles in memory and write ``incident`` on their events.

This is what ``dateline eval`` does with the articles it analysed (the store does the
same incrementally, with the same reports, scores and components, so both agree).
"""

from __future__ import annotations

from collections.abc import Iterable

from dateline.incidents.config import DEFAULT, LinkConfig
from dateline.incidents.linker import link_reports
from dateline.incidents.reports import reports_of
from dateline.records import Article


def link_articles(articles: Iterable[Article], config: LinkConfig = DEFAULT) -> list[Article]:
    """Set ``event.incident`` on every event of the articles; returns them as a list."""
    arts = list(articles)
    ids = link_reports((r for a in arts for r in reports_of(a, config)), config)
    for article in arts:
        for event in article.events:
            event.incident = ids.get((article.id, event.id))
    return arts
