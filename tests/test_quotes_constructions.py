"""Each attribution construction of issue 3, on sentences written for the tests."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def run(quotes_only):
    """Entities and quotes only (conftest's ``quotes_only``)."""
    return quotes_only


def only(article, **fields):
    """The single quote of the article, checked field by field."""
    assert len(article.quotes) == 1, [(q.kind, q.content, q.speaker) for q in article.quotes]
    q = article.quotes[0]
    for key, value in fields.items():
        assert getattr(q, key) == value, (key, getattr(q, key), value)
    return q


def content(article, q):
    return article.text[q.span[0] : q.span[1]]


# -- direct quotes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Jonas Berg said, “The bridge will reopen in May.”",
        "“The bridge will reopen in May,” Jonas Berg said.",
        "“The bridge will reopen in May,” said Jonas Berg.",
        'Jonas Berg said: "The bridge will reopen in May."',
        "Jonas Berg said, ‘The bridge will reopen in May.’",
        "Jonas Berg said, « The bridge will reopen in May. »",
    ],
)
def test_direct_quote_in_every_mark_style(run, text):
    a = run(text)
    q = only(a, kind="direct", speaker="Jonas Berg", cue="said")
    assert q.content.startswith("The bridge will reopen in May")
    assert q.id == "q1"


def test_split_quote_is_one_quote(run):
    a = run("“The bridge will reopen,” Jonas Berg said, “but only for buses.”")
    q = only(a, kind="direct", speaker="Jonas Berg")
    assert a.text[q.span[0] : q.span[1]].endswith("only for buses.")
    assert "The bridge will reopen" in q.content and "only for buses" in q.content


def test_quote_running_over_paragraphs(run):
    text = (
        "The mayor of Lund, Petra Olsen, told the council:\n\n"
        "“We have waited ten years for this road.\n\n"
        "“Now the work starts, and it will be finished by the winter.”\n\n"
        "The council voted later."
    )
    a = run(text)
    q = only(a, kind="direct", speaker="Petra Olsen")
    assert q.content.startswith("We have waited") and q.content.endswith("by the winter.")


def test_new_paragraph_of_quotation_continues_the_speaker(run):
    text = (
        "“We have waited ten years for this road,” Petra Olsen said.\n\n"
        "“Now the work starts, and it will be finished by the winter.”"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes] == ["Petra Olsen", "Petra Olsen"]
    assert a.quotes[1].via == "continuation"


def test_unclosed_quote_ends_at_paragraph_and_is_flagged(run):
    text = "Petra Olsen said it was “a good day for the town.\n\nThe council voted later."
    a = run(text)
    q = only(a, speaker="Petra Olsen")
    assert "unclosed_quote" in q.flags
    assert a.text[q.span[1] - 1] == "."
    assert q.span[1] <= text.index("\n")
    assert any(f.code == "unclosed_quote" for f in a.flags)


# -- mixed and indirect ---------------------------------------------------------------------


def test_mixed_quote(run):
    a = run("Petra Olsen said that the new road was “a gift to the whole region.”")
    q = only(a, kind="mixed", speaker="Petra Olsen", cue="said")
    assert content(a, q).startswith("the new road")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Petra Olsen said that the road would open in May.", "said"),
        ("Petra Olsen said the road would open in May.", "said"),
        ("The road would open in May, Petra Olsen said.", "said"),
        ("The road would open in May, said Petra Olsen.", "said"),
        ("Petra Olsen affirmed that the road would open in May.", "affirmed"),
        ("Petra Olsen warned that the road would not open in May.", "warned"),
        ("Petra Olsen denied that the road would open in May.", "denied"),
        ("Petra Olsen claimed that the road would open in May.", "claimed"),
        ("Petra Olsen insisted that the road would open in May.", "insisted"),
        ("Petra Olsen told Reuters the road would open in May.", "told"),
        ("Petra Olsen said in a statement that the road would open in May.", "said"),
    ],
)
def test_indirect_speech(run, text, cue):
    a = run(text)
    q = only(a, kind="indirect", speaker="Petra Olsen", cue=cue)
    words = content(a, q)
    assert words.startswith("the road") or words.startswith("The road")
    assert not words.startswith("that") and not words.endswith(".")


def test_according_to(run):
    a = run("According to the Swedish Transport Administration, the road will open in May.")
    q = only(a, kind="indirect", cue="According to")
    assert q.speaker.endswith("Swedish Transport Administration")
    assert content(a, q) == "the road will open in May"


def test_spokesman_for_a_body(run):
    a = run("A spokesman for the transport ministry said the road would open in May.")
    q = only(a, kind="indirect")
    assert "spokesman for the transport ministry" in q.speaker


def test_sources_said(run):
    a = run("The road will open in May, sources said.")
    only(a, kind="indirect", speaker="sources")


def test_cue_without_source_is_flagged(run):
    a = run("The bridge over the river collapsed after the storm, reported\n\nThe next day was calm.")
    q = only(a, kind="indirect", speaker=None, cue="reported")
    assert q.flags == ["missing_source"]
    assert content(a, q) == "The bridge over the river collapsed after the storm"
    assert any(f.code == "missing_source" for f in a.flags)


# -- speakers -------------------------------------------------------------------------------


def test_pronoun_resolves_to_the_person_and_becomes_a_mention(run):
    text = (
        "Road chief Karin Holm opened the bridge on Monday.\n\n"
        "She said, “This bridge will serve the town for a century.”\n\n"
        "She further stated, “We are proud of the workers.”"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes] == ["Karin Holm", "Karin Holm"]
    assert [q.via for q in a.quotes] == ["pronoun", "pronoun"]
    assert a.quotes[0].speaker_role == "Road chief"
    ent = next(e for e in a.entities if e.name == "Karin Holm")
    assert a.quotes[0].speaker_entity == ent.id
    assert a.quotes[0].speaker_span in ent.mentions and a.quotes[1].speaker_span in ent.mentions


def test_short_form_resolves_to_the_full_name(run):
    text = (
        "Karin Holm opened the bridge on Monday.\n\nHolm said the bridge would serve the town for a century."
    )
    a = run(text)
    q = only(a, speaker="Karin Holm")
    assert text[q.speaker_span[0] : q.speaker_span[1]] == "Holm"


def test_title_resolves_to_the_person_who_holds_it(run):
    text = (
        "Swedish Transport Minister Karin Holm opened the bridge on Monday.\n\n"
        "The minister said the bridge would serve the town for a century."
    )
    a = run(text)
    q = only(a, speaker="Karin Holm", via="title")
    assert q.speaker_role == "Swedish Transport Minister"


def test_statement_resolves_to_the_body_that_issued_it(run):
    text = (
        "A statement from the regional council said that the bridge would reopen in May.\n\n"
        "The statement further read, “This bridge is the backbone of the valley.”"
    )
    a = run(text)
    assert [q.speaker for q in a.quotes] == ["regional council", "regional council"]
    assert a.quotes[1].via == "title"
    assert a.quotes[1].cue == "read"


def test_role_from_apposition(run):
    a = run("Lena Dahl, a member of the town council, said, “The bridge is too expensive.”")
    only(a, speaker="Lena Dahl", speaker_role="a member of the town council")


# -- chains ---------------------------------------------------------------------------------


def test_media_quoted_a_ministry_saying(run):
    a = run("Swedish media quoted the transport ministry in Stockholm saying the bridge had been repaired.")
    q = only(a, kind="indirect", cue="quoted ... saying")
    assert q.speaker == "transport ministry in Stockholm"
    assert q.reported_by == ["Swedish media"]
    assert content(a, q) == "the bridge had been repaired"


def test_agency_quoted_someone_as_saying(run):
    a = run("Reuters quoted Karin Holm as saying the bridge had been repaired.")
    q = only(a, speaker="Karin Holm")
    assert q.reported_by == ["Reuters"]


def test_ids_follow_text_order(run):
    text = "“The bridge is open,” Karin Holm said.\n\nLena Dahl said the bridge was too expensive."
    a = run(text)
    assert [q.id for q in a.quotes] == ["q1", "q2"]
    assert a.quotes[0].span[0] < a.quotes[1].span[0]


@pytest.mark.parametrize("text", ["", "“", "said", "“”", "He said, “", "'''", "— said, according to"])
def test_odd_text_never_raises(run, text):
    if not text.strip():
        return
    run(text)


def test_stance_toward_a_position_is_attributed(run):
    a = run("Petra Olsen criticized the plan to close the northern bridge.")
    q = only(a, kind="indirect", speaker="Petra Olsen", cue="criticized")
    assert content(a, q) == "the plan to close the northern bridge"


def test_stance_toward_a_bare_target_is_not_a_quote(run):
    assert run("Petra Olsen criticized the council.").quotes == []


def test_stance_toward_a_two_word_position_is_attributed(run):
    a = run("Petra Olsen criticized the new timetable.")
    q = only(a, kind="indirect", speaker="Petra Olsen", cue="criticized")
    assert content(a, q) == "the new timetable"


@pytest.mark.parametrize(
    ("text", "cue", "said"),
    [
        ("Petra Olsen denied the allegations of fraud.", "denied", "the allegations of fraud"),
        ("Petra Olsen proposes raising the bridge toll.", "proposes", "raising the bridge toll"),
        ("Petra Olsen called for reopening the northern bridge.", "called", "reopening the northern bridge"),
    ],
)
def test_a_thing_or_a_gerund_as_object_is_the_position(run, text, cue, said):
    a = run(text)
    q = only(a, kind="indirect", speaker="Petra Olsen", cue=cue)
    assert content(a, q) == said


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Petra Olsen has been critical of the new timetable.", "the new timetable"),
        ("Petra Olsen is confident that the bridge will reopen.", "the bridge will reopen"),
    ],
)
def test_stance_adjective_after_a_copula(run, text, said):
    a = run(text)
    q = only(a, kind="indirect", speaker="Petra Olsen")
    assert content(a, q) == said


@pytest.mark.parametrize("verb", ["implored", "told", "persuaded"])
def test_a_directive_with_its_infinitive(run, verb):
    a = run(f"Petra Olsen {verb} the council to reopen the bridge.")
    q = only(a, kind="indirect", speaker="Petra Olsen", cue=verb)
    assert content(a, q) == "the council to reopen the bridge"


def test_a_feeling_about_what_happened_is_no_position(run):
    assert run("Petra Olsen was angry about the closing of the northern bridge.").quotes == []
    a = run("Petra Olsen was worried that the northern bridge would close.")
    q = only(a, kind="indirect", speaker="Petra Olsen", cue="worried")
    assert content(a, q) == "the northern bridge would close"


def test_a_stance_adjective_needs_someone_to_hold_it(run):
    assert run("The weather was critical for the harvest in the north.").quotes == []


def test_passive_stance_is_held_by_the_agent(run):
    a = run("The new timetable was criticized by Petra Olsen.")
    q = only(a, kind="indirect", speaker="Petra Olsen", cue="criticized")
    assert content(a, q) == "The new timetable"


def test_a_to_phrase_is_the_topic_only_for_verbs_about_something(run):
    a = run("Petra Olsen pointed to the falling cost of steel.")
    q = only(a, kind="indirect", speaker="Petra Olsen", cue="pointed")
    assert content(a, q) == "the falling cost of steel"
    assert run("Petra Olsen spoke to the harbour council.").quotes == []


def test_the_person_told_is_no_position(run):
    assert run("Petra Olsen told reporters on the bridge.").quotes == []


def test_quoted_characterisation_is_mixed(run):
    a = run("Petra Olsen called the new timetable “a disaster for commuters.”")
    only(a, kind="mixed", speaker="Petra Olsen", cue="called")


def test_titles_in_quotation_marks_are_not_quotes(run):
    assert run("Petra Olsen read “The Long Road Home” on the train.").quotes == []


def test_signature_dash_names_the_speaker(run):
    a = run("“The bridge changed my commute completely.” ― Lena Dahl\n\nMore letters follow.")
    only(a, kind="direct", speaker="Lena Dahl")


def test_transcript_label_names_the_speaker(run):
    a = run("OLSEN: We will open the bridge in May, whatever the weather.\n\nDAHL: That is too late.")
    assert [q.speaker for q in a.quotes] == ["OLSEN", "DAHL"]


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            [
                "He said",
                "“",
                "”",
                '"',
                "'",
                "‘",
                "’",
                "«",
                "»",
                ",",
                ".",
                ":",
                "\n\n",
                "that",
                "according to",
                "Karin Holm",
                "the minister",
                "reported",
                "quoted",
                "saying",
                "the road",
                "will open",
                "—",
                "(",
                ")",
            ]
        ),
        min_size=1,
        max_size=25,
    )
)
def test_any_mix_of_cues_and_marks_gives_well_formed_quotes(run, caplog, words):
    text = " ".join(words)
    if not text.strip():
        return
    caplog.clear()
    a = run(text)
    assert not [r for r in caplog.records if "quote extraction failed" in r.getMessage()], text
    for q in a.quotes:
        assert 0 <= q.span[0] <= q.span[1] <= len(text)
        assert q.kind in ("direct", "mixed", "indirect")
        if q.speaker_span:
            assert 0 <= q.speaker_span[0] < q.speaker_span[1] <= len(text)


def test_cue_clause_set_off_inside_the_sentence(run):
    a = run("Rebels seized the town centre on Tuesday, local officials said, in a blow to the army.")
    q = only(a, kind="indirect", speaker="local officials", cue="said")
    assert content(a, q) == "Rebels seized the town centre on Tuesday"


def test_dateline_before_a_trailing_cue(run):
    a = run(
        "BEIRUT (AFP) - Air strikes killed 12 people in the north on Sunday, the monitoring group reported."
    )
    q = only(a, kind="indirect", speaker="monitoring group", cue="reported")
    assert content(a, q) == "Air strikes killed 12 people in the north on Sunday"


def test_accusation_carries_its_charge(run):
    a = run("The opposition leader accused the government of sabotaging the talks.")
    q = only(a, speaker="opposition leader", cue="accused")
    assert content(a, q) == "the government of sabotaging the talks"


# -- pronouns: the nearest fitting person -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the first name tells: Berg is the nearer subject, but not a "she"
        (
            "Petra Olsen spoke after Jonas Berg left the hall. She said the bridge would reopen in May.",
            "Petra Olsen",
        ),
        # an honorific tells
        (
            "Mr. Harrow spoke after Mrs. Kettering left the hall. He said the bridge would reopen in May.",
            "Harrow",
        ),
        # a gendered role noun tells, with a first name that does not
        (
            "The spokeswoman, Sam Ruiz, arrived as Jonas Berg left. She said the bridge would reopen in May.",
            "Sam Ruiz",
        ),
        # an organisation is never "he"
        (
            "Acme Industries closed the plant after Jonas Berg spoke. He said the bridge would reopen in May.",
            "Jonas Berg",
        ),
        # ... and it is "it"
        (
            "Jonas Berg spoke after Acme Industries closed the plant. It said the bridge would reopen in May.",
            "Acme Industries",
        ),
    ],
)
def test_pronoun_goes_to_the_nearest_fitting_person(run, text, speaker):
    only(run(text), kind="indirect", speaker=speaker, via="pronoun")


def test_a_quote_after_another_speaker_goes_to_the_fitting_one(run):
    a = run(
        "“The bridge will reopen in May,” Petra Olsen said after Jonas Berg left. “We have the steel,” she added."
    )
    assert [(q.kind, q.speaker) for q in a.quotes] == [("direct", "Petra Olsen"), ("direct", "Petra Olsen")]


# -- which speaker an attribution belongs to --------------------------------------------


def test_a_narrated_sentence_after_a_quote_does_not_take_it(run):
    a = run(
        "“The bridge is safe,” Petra Olsen said. “We checked it twice.” Jonas Berg disagreed. “It is not safe,” he said."
    )
    assert [(q.content, q.speaker) for q in a.quotes] == [
        ("The bridge is safe, We checked it twice.", "Petra Olsen"),
        ("It is not safe,", "Jonas Berg"),
    ]


def test_an_attribution_after_a_quote_belongs_to_that_quote(run):
    a = run(
        "“We will rebuild,” Petra Olsen said. “It will take years.”\n\n“The money is there,” said Jonas Berg."
    )
    assert [q.speaker for q in a.quotes] == ["Petra Olsen", "Jonas Berg"]


def test_the_speaker_is_never_a_name_in_a_nested_clause(run):
    a = run("“The money is there,” said Jonas Berg, who met Petra Olsen on Monday.")
    only(a, kind="direct", speaker="Jonas Berg")
    a = run("Petra Olsen, who met Jonas Berg on Monday, said: “We will rebuild the bridge.”")
    only(a, kind="direct", speaker="Petra Olsen")


def test_he_further_stated_continues_across_paragraphs(run):
    a = run(
        "Jonas Berg opened the meeting on Monday.\n\n“The money is there and the steel is ordered,” he said."
        "\n\nHe further stated that the bridge would open in May."
    )
    assert [(q.kind, q.speaker) for q in a.quotes] == [("direct", "Jonas Berg"), ("indirect", "Jonas Berg")]


@pytest.mark.parametrize(
    ("text", "kind", "speaker"),
    [
        ("As Petra Olsen recently put it, “Who will pay for the new bridge?”", "direct", "Petra Olsen"),
        (
            "The main rule is a “lawful source of income,” as a ministry memo put it.",
            "mixed",
            "ministry memo",
        ),
        ("As Petra Olsen put it, the bridge is too old.", "indirect", "Petra Olsen"),
    ],
)
def test_as_someone_put_it(run, text, kind, speaker):
    only(run(text), kind=kind, speaker=speaker, cue="put")
