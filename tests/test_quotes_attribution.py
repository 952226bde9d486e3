"""Direct-quote attribution in US political news (issue 15, second round): who speaks, for
the constructions that name the speaker away from the quotation, on sentences written here."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def run(quotes_only):
    """Entities and quotes only (conftest's ``quotes_only``)."""
    return quotes_only


def said(article) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.content, q.speaker) for q in article.quotes]


def spoken(article) -> str:
    """The text of the single quote's speaker span."""
    assert len(article.quotes) == 1, said(article)
    s, e = article.quotes[0].speaker_span
    return article.text[s:e]


TAXES = "We will not raise taxes this year, not by a single cent."


# -- colon introductions -------------------------------------------------------------------


@pytest.mark.parametrize(
    "intro",
    [
        "Dan Cole put it this way:",
        "Dan Cole put it bluntly:",
        "Here is how Dan Cole put it:",
        "Dan Cole summed up his budget in one sentence:",
        "Dan Cole tweeted on Saturday:",
        "In a statement, Dan Cole said:",
        "Dan Cole's answer was short:",  # a message noun speaks for its holder
    ],
)
def test_a_colon_introduction_names_the_speaker_not_a_quoted_subject(run, intro):
    """The parse often makes the quoted sentence the root; its subject ("We") never speaks."""
    assert said(run(f"{intro} “{TAXES}”")) == [("direct", TAXES, "Dan Cole")]


# -- a cue with its own modifiers before the quotation ----------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (f"Dan Cole said of the budget on Monday, “{TAXES}”", "Dan Cole"),
        (f"The hall cheered for Maria Vance, who joked of the weather, “{TAXES}”", "Maria Vance"),
        (f"Dan Cole told reporters in Akron on Monday, “{TAXES}”", "Dan Cole"),
    ],
)
def test_a_cue_and_its_own_modifiers_introduce_the_quotation(run, text, speaker):
    assert said(run(text)) == [("direct", TAXES, speaker)]


def test_a_clause_of_its_own_between_cue_and_quotation_is_no_introduction(run):
    """'said he had left, and the crowd ...': words that are not the cue's own modifiers
    stand between, so the quotation is not the cue's."""
    a = run("Dan Cole said he would leave early, and the crowd went home, “Nobody stayed for the vote.”")
    assert ("direct", "Nobody stayed for the vote.", "Dan Cole") not in said(a)


# -- a title after the quotation ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker", "span"),
    [
        (
            "Rep. Tom Walsh met donors in Boston on Friday. “We need every dollar,” the congressman added.",
            "Tom Walsh",
            "congressman",
        ),
        (
            "Sen. Ann Ruiz toured the plant. “The jobs are coming back,” the senator said.",
            "Ann Ruiz",
            "senator",
        ),
        (
            "Gov. Ann Ruiz toured the plant. “The jobs are coming back,” the governor told workers.",
            "Ann Ruiz",
            "governor",
        ),
        # the title's gender: the congresswoman is Ruiz, though Walsh was named last
        (
            "Rep. Ann Ruiz met Rep. Tom Walsh on Monday. “We found common ground,” the congresswoman said.",
            "Ann Ruiz",
            "congresswoman",
        ),
    ],
)
def test_a_title_after_the_quote_is_the_person_holding_that_office(run, text, speaker, span):
    a = run(text)
    assert [(q.kind, q.speaker, q.via) for q in a.quotes] == [("direct", speaker, "title")]
    assert spoken(a) == span


def test_a_title_nobody_holds_stays_the_title(run):
    a = run("Tom Walsh met donors in Boston. “We need every dollar,” the senator said.")
    assert [(q.speaker, q.via) for q in a.quotes] == [("senator", "explicit")]


# -- according to, roles, plurals -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "speaker"),
    [
        ("“The plan is dead on arrival,” according to Sen. Paul Grady.", "direct", "Paul Grady"),
        ("The plan will cost $3 billion, according to Sen. Paul Grady.", "indirect", "Paul Grady"),
        ("“We are confident about Florida,” a campaign spokesman said.", "direct", "campaign spokesman"),
        ("“He is not going to drop out of the race,” aides said.", "direct", "aides"),
        (
            "“Nobody here believes those numbers,” two senior aides told reporters.",
            "direct",
            "two senior aides",
        ),
    ],
)
def test_according_to_a_role_or_a_group(run, text, kind, speaker):
    assert [(q.kind, q.speaker) for q in run(text).quotes] == [(kind, speaker)]


# -- quotes inside quotes, transcripts, long inversions, tweets and statements -------------


def test_a_quote_inside_a_quote_is_the_outer_speakers(run):
    a = run("“When he told me, ‘I will never quit,’ I believed him,” said Anna Moss, his campaign manager.")
    assert said(a) == [("direct", "When he told me, ‘I will never quit,’ I believed him,", "Anna Moss")]


def test_an_answer_after_an_interview_question_is_the_answerers(run):
    a = run(
        "QUESTION: Will you support the nominee in November?\n\n"
        "MOSS: I will do everything I can to win this state.\n\n"
        "QUESTION: Even if it costs you the seat?\n\n"
        "MOSS: Yes, that is what I said last week."
    )
    answers = [(q.kind, q.content) for q in a.quotes if q.speaker == "MOSS"]
    assert answers == [
        ("direct", "I will do everything I can to win this state."),
        ("direct", "Yes, that is what I said last week."),
    ]


@pytest.mark.parametrize(
    "after",
    [
        "said Laura Kim, who has represented the district since 2004 and chairs the budget committee.",
        "said Laura Kim, a three-term Democrat who chairs the committee and may run for governor in 2018.",
        "said Kim, the senator from Vermont who ran against Jonas Berg in the primaries.",
    ],
)
def test_said_x_with_a_long_appositive_is_xs(run, after):
    a = run(f"“We will not back down from this fight,” {after}")
    assert [(q.kind, q.speaker.split()[-1]) for q in a.quotes] == [("direct", "Kim")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“The election is rigged,” Dan Cole tweeted on Saturday morning.", "Dan Cole"),
        ("“The election is rigged,” Dan Cole wrote on Twitter.", "Dan Cole"),
        ("“We are disappointed and will appeal,” Jane Hollis said in a statement.", "Jane Hollis"),
        ("Acme Industries said in a statement: “We are disappointed and will appeal.”", "Acme Industries"),
    ],
)
def test_tweets_and_statements_are_their_authors(run, text, speaker):
    assert [(q.kind, q.speaker) for q in run(text).quotes] == [("direct", speaker)]


# -- a name before a participle of saying ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The ad ends with a clip of Dan Cole saying during the debate, “That makes me smart.”", "Dan Cole"),
        (
            "Voters saw a video of Jen Diaz telling donors, “We will win this state by ten points.”",
            "Jen Diaz",
        ),
        # set off by a comma, the participle is the main subject's
        ("Dan Cole turned to Jen Diaz, saying, “She has never won anything in her life.”", "Dan Cole"),
    ],
)
def test_a_name_right_before_a_participle_of_saying_is_its_speaker(run, text, speaker):
    assert [(q.kind, q.speaker) for q in run(text).quotes] == [("direct", speaker)]


# -- headline labels --------------------------------------------------------------------------


def test_a_headline_label_naming_a_person_of_the_article_speaks(run):
    """Title case hides the name from NER; the article names the person further down."""
    a = run("Cole: Budget Plan Is ‘Dead On Arrival,’ Council Was Misled.\n\nMayor Dan Cole spoke on Monday.")
    assert [(q.kind, q.speaker) for q in a.quotes] == [("mixed", "Dan Cole")]


def test_a_headline_label_naming_no_one_speaks_for_no_one(run):
    a = run(
        "Analysis: Budget Plan Is ‘Dead On Arrival,’ Council Was Misled.\n\nMayor Dan Cole spoke on Monday."
    )
    assert a.quotes == []


@pytest.mark.parametrize(
    ("headline", "kind", "speaker", "content"),
    [
        (
            "Senators Rip Governor’s Budget As ‘A Total Disgrace’",
            "mixed",
            "Senators",
            "Governor’s Budget As ‘A Total Disgrace’",
        ),
        ("Popular Website Shows Bias Against ‘Fringe’ Candidates", "mixed", "Popular Website", None),
        (
            "Retired Judge Reveals ‘Shocking’ Details Of Court Deal.",
            "mixed",
            "Retired Judge",
            "Shocking’ Details Of Court Deal",
        ),
        ("Budget Is ‘Dead On Arrival,’ Council Leader Says.", "mixed", "Council Leader", None),
    ],
)
def test_a_title_case_headline_attributes_through_its_verb(run, headline, kind, speaker, content):
    a = run(f"{headline}\n\nThe council met on Monday and spoke about the budget for an hour.")
    assert [(q.kind, q.speaker) for q in a.quotes] == [(kind, speaker)]
    if content is not None:
        assert a.text[a.quotes[0].span[0] : a.quotes[0].span[1]].lstrip("‘") == content


@pytest.mark.parametrize(
    "headline",
    [
        "A Curious Plan to Fix the Roads: Pave Them All",  # "Plan" is a noun here
        "Budget Plan Draws Fire From Angry Council",  # no verb of the lexicon
        "Council Will Plan Its ‘Final’ Budget Today",  # a verb after a modal is no headline cue
        "Storm Hits Florida Coast As ‘Monster’ Winds Knock Out Power",  # physical acts
    ],
)
def test_a_headline_without_an_attributing_verb_is_no_quote(run, headline):
    a = run(f"{headline}\n\nThe council met on Monday and spoke about the budget for an hour.")
    assert [q for q in a.quotes if q.span[0] < len(headline)] == []


def test_a_label_before_a_quoted_word_is_mixed_not_a_quote_of_that_word(run):
    a = run("Cole: ‘Shocking’ Details Of The Court Deal Came Out Today\n\nMayor Dan Cole spoke on Monday.")
    assert [(q.kind, q.content[:10]) for q in a.quotes] == [("mixed", "‘Shocking’")]


# -- 'as stated in' ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("As stated in the council's report, the bridge is no longer safe for heavy trucks.", "council"),
        ("As reported by the Akron Daily, the bridge is no longer safe for heavy trucks.", "Akron Daily"),
    ],
)
def test_as_stated_in_a_document_attributes_the_clause(run, text, speaker):
    a = run(text)
    assert [(q.kind, q.content, q.speaker) for q in a.quotes] == [
        ("indirect", "the bridge is no longer safe for heavy trucks", speaker)
    ]


def test_as_expected_attributes_nothing(run):
    assert run("As expected, the bridge is no longer safe for heavy trucks.").quotes == []


def test_each_speaker_tag_of_a_transcript_is_a_turn_even_when_used_once(run):
    a = run(
        "The exchange went like this:\n\n"
        "MODERATOR: Do you accept the result of the vote?\n\n"
        "MOSS: I will look at it when the time comes, and not before."
    )
    assert [(q.kind, q.speaker) for q in a.quotes] == [("direct", "MODERATOR"), ("direct", "MOSS")]


def test_a_single_note_tag_is_no_transcript(run):
    a = run("The council met on Monday.\n\nCORRECTION: An earlier version misstated the date of the vote.")
    assert [q.kind for q in a.quotes if q.speaker == "CORRECTION"] in ([], ["indirect"])


def test_it_after_someone_issued_a_statement_is_the_issuer(run):
    a = run(
        "The mayor of Lund, Petra Olsen, issued a statement on Monday. “We stand with our neighbors,” it read."
    )
    assert [(q.kind, q.speaker, q.via) for q in a.quotes] == [("direct", "Petra Olsen", "pronoun")]
    assert spoken(a) == "it"


def test_it_with_no_statement_before_stays_it(run):
    a = run("The bridge was closed on Monday. “It will reopen in May,” it said.")
    assert [q.speaker for q in a.quotes] == ["it"]
