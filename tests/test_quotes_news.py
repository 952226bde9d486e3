"""Quote constructions of issue 15 (news the stage had not seen), on sentences written here."""

from __future__ import annotations

import pytest

from dateline.extract.entities import extract_entities
from dateline.extract.quotes import extract_quotes
from dateline.pipeline import Pipeline, Stage

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def run(nlp):
    """Entities and quotes only, so these tests do not depend on the other stages."""
    pipe = Pipeline.__new__(Pipeline)
    pipe.model, pipe.nlp = None, nlp
    pipe.stages = [
        Stage("entities", extract_entities, ("doc",), ("entities",)),
        Stage("quotes", extract_quotes, ("doc", "entities"), ("quotes",)),
    ]
    return pipe


def quotes(article) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.content, q.speaker) for q in article.quotes]


def test_a_quote_interrupted_by_its_attribution_is_one_quote(run):
    a = run("“We will rebuild,” Mayor Anna Berg said, “with what remains.”")
    assert quotes(a) == [("direct", "We will rebuild, with what remains.", "Anna Berg")]


def test_an_unclosed_quotation_continues_into_the_next_paragraph(run):
    a = run(
        "“The road is closed,” said Tom Reed, a police officer. “It will reopen on Monday.\n\n"
        "“We ask drivers to be patient.”"
    )
    assert len(a.quotes) == 1
    q = a.quotes[0]
    assert (q.kind, q.speaker) == ("direct", "Tom Reed")
    assert q.content.startswith("The road is closed") and q.content.endswith("to be patient.")


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("“Leave now,” blurted out Jake Moss.", "Jake Moss", "Leave now,"),
        ("“The deal is done,” Lina Park emailed.", "Lina Park", "The deal is done,"),
        ("Lina Park emailed reporters: “The deal is done.”", "Lina Park", "The deal is done."),
        (
            "“Please do not close the school,” Maria Lopez implored.",
            "Maria Lopez",
            "Please do not close the school,",
        ),
    ],
)
def test_any_verb_with_a_person_subject_introduces_quoted_speech(run, text, speaker, content):
    assert ("direct", content, speaker) in quotes(run(text))


def test_transcript_turns_are_direct_quotes_of_their_speaker(run):
    a = run(
        "MOSS: We will not back down from this fight.\n\n"
        "REED: Then we will see you in court, sir.\n\n"
        "MOSS: So be it, and good luck to you."
    )
    assert quotes(a) == [
        ("direct", "We will not back down from this fight.", "MOSS"),
        ("direct", "Then we will see you in court, sir.", "REED"),
        ("direct", "So be it, and good luck to you.", "MOSS"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("Lina Park: “We have the votes.”", "Lina Park", "We have the votes."),
        (
            "John Reed, The Daily Star: “Prices will fall next year.”",
            "John Reed",
            "Prices will fall next year.",
        ),
    ],
)
def test_headline_and_round_up_labels_are_direct_quotes(run, text, speaker, content):
    assert quotes(run(text)) == [("direct", content, speaker)]


def test_a_note_label_speaks_for_no_one(run):
    assert not any(q.kind == "direct" for q in run("Note: The figures were revised on Monday.").quotes)
