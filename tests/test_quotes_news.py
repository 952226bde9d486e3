"""Quote constructions of issue 15 (news the stage had not seen), on sentences written here."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def run(quotes_only):
    """Entities and quotes only (conftest's ``quotes_only``)."""
    return quotes_only


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


@pytest.mark.parametrize(
    "text",
    [
        "Critics, who she dubbed “the gang of four,” met on Tuesday.",
        "The senator called them “legal terrorists” in a speech.",
    ],
)
def test_naming_quotes_are_not_direct_speech(run, text):
    a = run(text)
    assert not any(q.kind == "direct" for q in a.quotes)


def test_a_reported_clause_holding_a_quoted_fragment_is_mixed(run):
    a = run("Governor Paul Hart said the plan was “dead on arrival” and would be dropped.")
    assert [(q.kind, q.speaker) for q in a.quotes] == [("mixed", "Paul Hart")]
    assert "dead on arrival" in a.quotes[0].content and a.quotes[0].content.startswith("the plan")


def test_who_resolves_to_its_antecedent(run):
    a = run(
        "Tom Reed hired an architect who later sued him, saying, “I did the work and got nothing for it.”"
    )
    assert ("direct", "I did the work and got nothing for it.", "architect") in quotes(a)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“Ask Maria Lopez what she thinks,” Sam Cole said.", "Sam Cole"),
        ("Sam Cole, whose brother Tom Reed was hurt, said, “We want answers now.”", "Sam Cole"),
    ],
)
def test_the_speaker_is_never_a_name_inside_the_quote_or_a_nested_clause(run, text, speaker):
    assert [q.speaker for q in run(text).quotes if q.kind == "direct"] == [speaker]


def test_an_attribution_after_a_quote_belongs_to_that_quote(run):
    a = run("“We will stay,” Anna Berg said. “We will not leave,” Tom Reed said.")
    assert quotes(a) == [
        ("direct", "We will stay,", "Anna Berg"),
        ("direct", "We will not leave,", "Tom Reed"),
    ]


def test_a_pronoun_takes_the_nearest_person_as_subject(run):
    a = run("Anna Berg spoke first. Then Tom Reed took the stage. “We will win this,” he said.")
    assert quotes(a) == [("direct", "We will win this,", "Tom Reed")]


def test_a_second_cue_between_two_quotations_takes_the_second(run):
    a = run("“We cannot pay for this,” Anna Berg said, adding later, “The council must find the money.”")
    assert quotes(a) == [
        ("direct", "We cannot pay for this,", "Anna Berg"),
        ("direct", "The council must find the money.", "Anna Berg"),
    ]
    assert [q.cue for q in a.quotes] == ["said", "adding"]


def test_a_pronoun_never_takes_a_name_from_inside_a_quote(run):
    a = run("Tom Reed spoke next. “Anna Berg will never quit,” he said.")
    assert quotes(a) == [("direct", "Anna Berg will never quit,", "Tom Reed")]
