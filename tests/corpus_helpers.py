"""Hand-built articles and a tiny pipeline for the store, export and ingest tests.

The sentences are written for these tests; every record kind is filled so that the
stores and exports see all their columns.
"""

from __future__ import annotations

import os
import re
import time

from dateline.context import Context
from dateline.pipeline import Pipeline, Stage
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

TOWNS = [
    ("Tilburg", "NL", 51.5555, 5.0913),
    ("Mopti", "ML", 14.4843, -4.1827),
    ("Homs", "SY", 34.7268, 36.7234),
]


def make_article(i: int = 0, text_suffix: str = "") -> Article:
    """One synthetic article with every record kind; ``i`` varies names, places and dates."""
    town, cc, lat, lon = TOWNS[i % len(TOWNS)]
    actor = f"Brigade {i}"
    text = (
        f"{actor} fighters attacked {town} on Monday, killing 4 people. "
        f'"We will hold the line," said commander Lena Vos{i}. '
        f"Residents said the shelling of {town} lasted 3 hours.{text_suffix}"
    )

    def span(word: str, start: int = 0) -> tuple[int, int]:
        s = text.index(word, start)
        return (s, s + len(word))

    town_span = span(town)
    trig = span("attacked")
    quote_span = span("We will hold the line,")
    speaker = f"Lena Vos{i}"
    return Article(
        id=f"art{i:05d}",
        text=text,
        url=f"https://news.example.org/{i}",
        source="news.example.org",
        title=f"Fighting in {town} ({i})",
        published=f"2016-03-{(i % 27) + 1:02d}",
        entities=[
            Entity("e1", actor, "GROUP", span(actor), 0, [span(actor)]),
            Entity("e2", speaker, "PERSON", span(speaker), 1, [span(speaker)], ["commander"]),
        ],
        quotes=[
            Quote(
                "q1",
                "direct",
                "We will hold the line,",
                quote_span,
                1,
                cue="said",
                cue_span=span("said"),
                speaker=speaker,
                speaker_span=span(speaker),
                speaker_entity="e2",
                speaker_role="commander",
                via="explicit",
            ),
            Quote(
                "q2",
                "indirect",
                f"the shelling of {town} lasted 3 hours",
                span(f"the shelling of {town} lasted 3 hours"),
                2,
                cue="said",
                cue_span=span("said", quote_span[1] + 10),
                speaker="Residents",
                speaker_span=span("Residents"),
                via="explicit",
            ),
        ],
        times=[Timex("t1", "Monday", span("Monday"), 0, "DATE", f"2016-03-{(i % 27) + 1:02d}", "published")],
        places=[
            Place("p1", town, town_span, 0, town, 1000 + i, "city", cc, "01", lat, lon, 0.9),
        ],
        events=[
            Event(
                "v1",
                "ASSAULT",
                "attacked",
                trig,
                0,
                mode="firearms",
                acled_type="Violence against civilians",
                acled_subtype="Attack",
                actor=Actor(actor, span(actor), actor, "e1", "SYR", "REB"),
                target=Actor(town, town_span, None, None, None, "CVL"),
                supporters=[Actor("allied militia", None, None, None, None, "REB")],
                place="p1",
                date=EventDate(f"2016-03-{(i % 27) + 1:02d}", "day"),
                counts=[Count(4, "killed", "4 people")],
                modality="asserted",
                confidence=0.8,
            ),
            Event("v2", "ACCUSE", "said", span("said"), 1, attributed_to="q1", modality="claimed"),
        ],
        numbers=[
            Number("4 people", span("4 people"), 0, 4, "people"),
            Number("3 hours", span("3 hours"), 2, 3, "hours"),
        ],
        flags=[Flag("possible_misspelling", "a test flag", span("Residents"), 2)],
    )


def _tiny_stage(ctx: Context) -> None:
    """Numbers from digits and a quote per quoted stretch: cheap records from a blank parse."""
    for m in re.finditer(r"\d+", ctx.text):
        ctx.numbers.append(Number(m.group(), (m.start(), m.end()), 0, int(m.group())))
    for k, m in enumerate(re.finditer(r'"([^"]+)"', ctx.text)):
        ctx.quotes.append(Quote(f"q{k + 1}", "direct", m.group(1), (m.start(1), m.end(1)), 0))
    delay = float(os.environ.get("DATELINE_TINY_DELAY", "0"))
    if delay:
        time.sleep(delay)


def tiny_pipeline() -> Pipeline:
    """A Pipeline on a blank English tokenizer with one cheap stage: the real store path, fast."""
    import spacy

    pipe = Pipeline.__new__(Pipeline)
    pipe.model = None
    pipe.nlp = spacy.blank("en")
    pipe.nlp.add_pipe("sentencizer")
    pipe.stages = [Stage("tiny", _tiny_stage, ("doc",), ("numbers", "quotes"))]
    return pipe


def _crash_on_boom(ctx: Context) -> None:
    if "BOOM" in ctx.text:
        raise RuntimeError("a stage bug")


def crashy_pipeline() -> Pipeline:
    """The tiny pipeline plus a stage that crashes on articles containing BOOM."""
    pipe = tiny_pipeline()
    pipe.stages = [*pipe.stages, Stage("crashy", _crash_on_boom, ("doc",), ())]
    return pipe


def sqlite_corpus(path, n: int):
    """A SQLite store at ``path`` holding ``make_article(0 .. n-1)``, closed; returns the path."""
    from dateline.store import open_store

    store = open_store(path)
    for i in range(n):
        store.put(make_article(i))
    store.close()
    return path
