"""dateline: news articles to structured, source-attributed records.

>>> import dateline
>>> article = dateline.analyze(text, published="2016-03-27")
>>> [q.speaker for q in article.quotes]
>>> events = dateline.to_pandas(dateline.read_store("dateline.db"), layer="events")
"""

from __future__ import annotations

from dateline.documents import Document, Failure
from dateline.errors import DatelineError
from dateline.frames import read_store, to_pandas
from dateline.pipeline import Pipeline, analyze
from dateline.records import (
    Actor,
    Article,
    Count,
    Entity,
    Event,
    EventDate,
    Flag,
    Number,
    Place,
    Quote,
    Timex,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "Count",
    "DatelineError",
    "Document",
    "Entity",
    "Event",
    "EventDate",
    "Failure",
    "Flag",
    "Number",
    "Pipeline",
    "Place",
    "Quote",
    "Timex",
    "__version__",
    "analyze",
    "read_store",
    "to_pandas",
]
