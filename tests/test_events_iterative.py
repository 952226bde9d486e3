"""Repeated acts summed up in the present perfect are no event (issue 19, precision).

"The port has been shelled almost weekly", "rebels have fought for 20 years", "the district
has been hit by several air strikes this year" name no single act with a date and place;
ACLED and PLOVER code occurrences. The same verbs told once ("the army has recaptured the
town", "jets struck the port on Monday") stay events. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from event_helpers import covering

pytestmark = pytest.mark.model

PUBLISHED = "2019-05-13"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The rebels have fought for more than 20 years to seize the capital.", ("fought",)),
        (
            "The port lies on the coast and has been shelled and bombed almost weekly since 2020.",
            ("shelled", "bombed"),
        ),
        ("The district has been hit by several air strikes this year.", ("hit", "strikes")),
        ("The province has been hit by waves of raids and reprisals between clans.", ("hit", "raids")),
        ("Fishermen have in the past accused the navy of seizing their boats.", ("accused",)),
        ("The army has repeatedly attacked rebel positions near the border.", ("attacked",)),
        ("Bandits have kidnapped travellers on this road for years.", ("kidnapped",)),
        ("Herders have in the past accused farmers of stealing and killing cattle.", ("accused", "killing")),
        ("Gang violence has killed more than 9,000 people there over the past two decades.", ("killed",)),
        # frequency adjectives and a series as the doer
        (
            "Troops took the pass on Friday. The air force has kept up near-daily raids on the hills.",
            ("raids",),
        ),
        ("Troops took the pass on Friday. The two parties have held on-and-off talks in Doha.", ("talks",)),
        (
            "Troops took the pass on Friday. Several rounds of negotiations have failed to end the war.",
            ("negotiations",),
        ),
    ],
)
def test_repeated_acts_summed_up_are_no_event(analyze, text: str, words: tuple[str, ...]) -> None:
    art = analyze(text, published=PUBLISHED)
    for word in words:
        assert not covering(art, word), word


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The army has recaptured the town of Kasa, a spokesman said on Monday.", "recaptured"),
        ("Militants have attacked a police station in Gao, killing four officers.", "attacked"),
        ("Jets struck the port of Hodeidah several times on Monday.", "struck"),
        ("Soldiers had fought rebels for two days before the town fell on Sunday.", "fought"),
        ("A blast has killed several soldiers at a checkpoint near Kidal.", "blast"),
        # a statement told with a frequency adverb is the position the article reports again
        ("The rebels accused Kigali of arming the militia, a charge Kigali has repeatedly denied.", "denied"),
    ],
)
def test_a_single_act_in_the_perfect_or_the_past_stays_an_event(analyze, text: str, word: str) -> None:
    assert covering(analyze(text, published=PUBLISHED), word), word


# the lead sentence comes first in each text: the present of a news body is what is left alone there
LEAD = "Soldiers recaptured the town of Kasa on Friday, the army said. "


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (LEAD + "Smugglers regularly abduct migrants on the desert road.", "abduct"),
        (LEAD + "Bandits often ambush the trucks that carry cattle to the market.", "ambush"),
        (LEAD + "Human rights groups have criticised the army's conduct in the north.", "criticised"),
        (LEAD + "Aid agencies have accused both sides of blocking food convoys.", "accused"),
        # what an actor has done up to now, told to say who it is
        (
            LEAD + "The raid was blamed on a militia that has fought the army for control of the mines.",
            "fought",
        ),
        (
            LEAD + "He named the Red Hand gang, which he said has been fighting a rival group for years.",
            "fighting",
        ),
    ],
)
def test_what_usually_happens_is_no_event(analyze, text: str, word: str) -> None:
    assert not covering(analyze(text, published=PUBLISHED), word), word


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a headline and a lead tell the news in the present
        ("Gunmen kill 12 in raid on Kasa market\n\nGunmen killed 12 people in Kasa on Friday.", "kill"),
        ("Militias attack a convoy near the border, killing three drivers, police said.", "attack"),
        # a dated present, a counted or named doer, a perfect statement by one speaker
        (LEAD + "Three gunmen open fire on a bus in this video filmed on Saturday.", "open"),
        (LEAD + "The United Nations has criticised the army's conduct in the north.", "criticised"),
        (LEAD + "Rights groups criticised the raid on Saturday.", "criticised"),
        (LEAD + "Police have urged residents to stay away from the market.", "urged"),
        (LEAD + "The militia, which has attacked two villages since Sunday, denied the charge.", "attacked"),
    ],
)
def test_the_present_that_tells_the_news_stays_an_event(analyze, text: str, word: str) -> None:
    assert covering(analyze(text, published=PUBLISHED), word), word
