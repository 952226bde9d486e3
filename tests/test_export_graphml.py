"""GraphML worth opening in Gephi: actors through entity clusters, dated typed edges, clean XML."""

from __future__ import annotations

from pathlib import Path

from dateline.export import export
from dateline.records import Actor, Article, Entity, Event, EventDate


def _span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return (start, start + len(word))


def _articles() -> list[Article]:
    t1 = "Donald Trump criticised the senators. He later threatened them. Mr. Trump also met it."
    trump = Entity("e1", "Donald Trump", "PERSON", _span(t1, "Donald Trump"), 0, [], [], "USA")
    a1 = Article(
        "a1",
        t1,
        published="2019-06-03",
        entities=[trump],
        events=[
            Event("v1", "ACCUSE", "criticised", _span(t1, "criticised"), 0,
                  actor=Actor("Donald Trump", _span(t1, "Donald Trump"), None, "e1"),
                  target=Actor("the senators", _span(t1, "the senators"), None, None, "USA", "LEG"),
                  date=EventDate("2019-06-02", "day")),
            Event("v2", "THREATEN", "threatened", _span(t1, "threatened"), 1,
                  actor=Actor("He", _span(t1, "He"), None, "e1"),
                  target=Actor("them", _span(t1, "them")), date=EventDate("2019-W22", "week")),
            Event("v3", "CONSULT", "met", _span(t1, "met"), 2,
                  actor=Actor("it", _span(t1, "it")), target=Actor("Mr. Trump", None, None, "e1")),
        ],
    )  # fmt: skip
    t2 = "Trump accused Mexico of inaction."
    a2 = Article(
        "a2",
        t2,
        published="2019-06-05",
        events=[
            Event("v1", "ACCUSE", "accused", _span(t2, "accused"), 0,
                  actor=Actor("Trump", _span(t2, "Trump")),
                  target=Actor("Mexico", _span(t2, "Mexico"), "Mexico", None, "MEX", "GOV")),
        ],
    )  # fmt: skip
    return [a1, a2]


def test_actors_are_entity_clusters_without_pronouns(tmp_path: Path) -> None:
    import networkx as nx

    path = tmp_path / "g.graphml"
    export(_articles(), "graphml", path)
    graph = nx.read_graphml(path, force_multigraph=True)
    labels = {data["label"] for _, data in graph.nodes(data=True)}
    assert {"he", "it", "them", "He", "It", "Them"}.isdisjoint(labels)
    assert "donald trump" in graph and "trump" not in graph and "mr. trump" not in graph
    assert graph.nodes["donald trump"]["country"] == "USA"
    assert graph.out_degree("donald trump") == 2  # the US legislature (criticised), Mexico (accused)
    types = sorted(d["type"] for _, _, d in graph.out_edges("donald trump", data=True))
    assert types == ["ACCUSE", "ACCUSE"]
    (mexico,) = graph.get_edge_data("donald trump", "mexico").values()
    assert mexico["start"] == "2019-06-05" and mexico["date_precision"] == "published"
    (senators,) = graph.get_edge_data("donald trump", "united states legislature").values()
    assert senators["start"] == senators["end"] == "2019-06-02" and senators["article"] == "a1"


def test_control_characters_do_not_break_the_xml(tmp_path: Path) -> None:
    import networkx as nx

    text = "Brigade 9 shelled Town."
    bad = Article(
        "b1",
        text,
        events=[
            Event("v1", "ASSAULT", "shelled", _span(text, "shelled"), 0,
                  actor=Actor("Brigade 9", None, "Brigade\x00 9\x07"),
                  target=Actor("Town\x0b\x1f", None, "Town\ufffe")),
        ],
    )  # fmt: skip
    path = tmp_path / "g.graphml"
    export([bad], "graphml", path)
    graph = nx.read_graphml(path, force_multigraph=True)
    assert {d["label"] for _, d in graph.nodes(data=True)} == {"Brigade 9", "Town"}


def test_common_nouns_stay_in_their_article_and_state_organs_take_their_country(tmp_path: Path) -> None:
    import networkx as nx

    from dateline.records import Place

    def article(aid: str, cc: str, town: str) -> Article:
        text = f"The government shelled {town}. Both sides blamed the police."
        return Article(
            aid,
            text,
            published="2024-01-02",
            places=[Place("p1", town, _span(text, town), 0, town, None, "city", cc, None, 1.0, 2.0)],
            entities=[Entity("e1", "Syrian", "NORP", (0, 0), 0)],
            events=[
                Event("v1", "ASSAULT", "shelled", _span(text, "shelled"), 0, place="p1",
                      actor=Actor("The government", _span(text, "The government"), None, None, None, "GOV"),
                      target=Actor(town, _span(text, town), None, None, None, "CVL")),
                Event("v2", "ACCUSE", "blamed", _span(text, "blamed"), 1, place="p1",
                      actor=Actor("Both sides", _span(text, "Both sides")),
                      target=Actor("the police", _span(text, "the police"), None, "e1", "SYR", "COP")),
            ],
        )  # fmt: skip

    path = tmp_path / "g.graphml"
    export([article("a1", "CO", "Cali"), article("a2", "KE", "Nairobi")], "graphml", path)
    graph = nx.read_graphml(path, force_multigraph=True)
    labels = sorted(d["label"] for _, d in graph.nodes(data=True))
    assert "Colombia government" in labels and "Kenya government" in labels
    assert labels.count("Both sides") == 2  # one per article, never one shared node
    assert "Syria police" in labels  # a nationality cluster: country and sector name the actor
    assert "Syrian" not in labels and "The government" not in labels
