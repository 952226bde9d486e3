"""Incidents: linking reports across articles, the merged view, the store and the exports.

Every text here is written for these tests; the records are built by hand (see
``incident_helpers``), so what is tested is linking, not extraction.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.eval.metrics import incident_row, incident_scores
from dateline.incidents.apply import link_articles
from dateline.incidents.claims import statements
from dateline.incidents.config import DEFAULT, LinkConfig
from dateline.incidents.figures import vague_value
from dateline.incidents.linker import link_reports
from dateline.incidents.reports import reports_of
from dateline.incidents.store import IncidentQuery, incident_store
from dateline.incidents.view import incident_view
from dateline.records import Actor, Count, EventDate
from dateline.store import open_store
from incident_helpers import TOWNS, article, event, place, quote, synthetic_articles

TESTS = Path(__file__).resolve().parent


def single(aid: str, town: str, day: str, victim: str, street: str, **kw):
    text = f"Shooting in {town}\n\n{victim} was shot on {street} in {town} late on Friday, police said."
    return article(aid, text, day, [event("v1", text, "shot", day, "p1", **kw)], [place("p1", town, text)])


def roundup():
    text = (
        "Weekend of gunfire across the region\n\n"
        "Rowan Ellery was shot on Cedar Street in Millbrook on Friday night.\n\n"
        "In Fairhaven, Mara Quint was shot outside the Lantern bowling alley.\n\n"
        "Tobias Wren was shot near Harbor Pier in Lakeport early Saturday."
    )
    places = [place("p1", "Millbrook", text), place("p2", "Fairhaven", text), place("p3", "Lakeport", text)]
    events = [
        event("v1", text, "shot", "2023-05-12", "p1", after=text.index("Rowan")),
        event("v2", text, "shot", "2023-05-12", "p2", after=text.index("Mara")),
        event("v3", text, "shot", "2023-05-13", "p3", after=text.index("Tobias")),
    ]
    return article("roundup", text, "2023-05-14", events, places)


def incidents_of(articles):
    arts = link_articles(articles)
    return {(a.id, e.id): e.incident for a in arts for e in a.events}


def test_a_roundup_links_each_shooting_to_its_own_incident():
    ids = incidents_of(
        [
            roundup(),
            single("a-millbrook", "Millbrook", "2023-05-12", "Rowan Ellery", "Cedar Street"),
            single("a-fairhaven", "Fairhaven", "2023-05-12", "Mara Quint", "the Lantern bowling alley"),
            single("a-lakeport", "Lakeport", "2023-05-13", "Tobias Wren", "Harbor Pier"),
        ]
    )
    assert ids[("roundup", "v1")] == ids[("a-millbrook", "v1")]
    assert ids[("roundup", "v2")] == ids[("a-fairhaven", "v1")]
    assert ids[("roundup", "v3")] == ids[("a-lakeport", "v1")]
    assert len({ids[("roundup", v)] for v in ("v1", "v2", "v3")}) == 3


def test_a_background_paragraph_links_to_the_older_incident_not_todays():
    old = single("old", "Westfield", "2022-03-04", "Ingrid Sollen", "Quarry Avenue")
    text = (
        "Second shooting near Westfield school\n\n"
        "Pascal Dunmore was shot on Mill Drive in Westfield on Tuesday, police said.\n\n"
        "Last year Ingrid Sollen was shot on Quarry Avenue in Westfield, a case still unsolved."
    )
    today = article(
        "today",
        text,
        "2023-03-08",
        [
            event("v1", text, "shot", "2023-03-07", "p1"),
            event("v2", text, "shot", "2022-03-04", "p2", after=text.index("Last year")),
        ],
        [place("p1", "Westfield", text), place("p2", "Westfield", text[: text.index("Last")] + "x" * 0)],
    )
    ids = incidents_of([old, today])
    assert ids[("today", "v2")] == ids[("old", "v1")]
    assert ids[("today", "v1")] != ids[("old", "v1")]


def test_same_day_same_city_different_details_stay_apart():
    a = single("a", "Millbrook", "2023-06-02", "Noor Halvorsen", "Birch Road")
    b = single("b", "Millbrook", "2023-06-02", "Kasimir Ode", "the Riverside laundromat")
    a2 = single("a2", "Millbrook", "2023-06-03", "Noor Halvorsen", "Birch Road")
    ids = incidents_of([a, b, a2])
    assert ids[("a", "v1")] != ids[("b", "v1")]
    assert ids[("a", "v1")] == ids[("a2", "v1")]


def test_conflicting_fatality_figures_merge_to_the_lowest_and_are_disputed(tmp_path):
    def story(aid, source, figure, wording):
        text = f"Attack on Millbrook market\n\nGunmen killed {wording} at the Greyhaven market in Millbrook."
        count = Count(figure, "killed", wording)
        ev = event("v1", text, "killed", "2023-07-01", "p1", counts=[count])
        return article(aid, text, "2023-07-01", [ev], [place("p1", "Millbrook", text)], source=source)

    arts = [story("m1", "Wire One", 3, "three people"), story("m2", "Wire Two", 5, "five people")]
    store = open_store(tmp_path / "f.db")
    side = incident_store(store)
    for a in arts:
        store.put(a)
        side.link(a)
    [row] = side.find(IncidentQuery(min_reports=2))
    view = incident_view(side.get(row["id"]), store.get_article)
    store.close()
    fat = view["figures"]["fatalities"]
    assert fat["merged"] == 3 and fat["disputed"] and fat["spread"] == [3, 5]
    assert fat["by_source"] == {"Wire One": 3, "Wire Two": 5}
    assert vague_value("dozens of people") == 12 and vague_value("several villagers") == 10
    assert vague_value("many hundreds") == 100 and vague_value("two people") is None


def test_claim_and_rejection_are_read_into_the_ledger():
    text = (
        "Army retakes Fairhaven\n\n"
        "Government troops recaptured the town of Fairhaven on Sunday. "
        "The defence ministry has claimed full control of the town.\n\n"
        "The opposition council rejected the ministry's claim as propaganda."
    )
    recapture = event(
        "v1", text, "recaptured", "2023-09-10", "p1", acled=("Battles", "Government regains territory"),
        actor=Actor("Government troops", sector="MIL"),
    )  # fmt: skip
    rejection = event(
        "v2", text, "rejected", None, None, type="REJECT", acled=(None, None),
        actor=Actor("The opposition council", sector="OPP"),
    )  # fmt: skip
    art = article("claims", text, "2023-09-11", [recapture, rejection], [place("p1", "Fairhaven", text)])
    said = {(s.stance, s.party, s.event) for s in statements(art)}
    assert ("asserts", "defence ministry", "v1") in said
    assert ("rejects", "The opposition council", "v1") in said


def test_quote_cited_by_an_event_makes_its_speaker_assert_it():
    text = "Clinic bombed\n\nA bomb hit the clinic in Lakeport, Mayor Ilse Varga said on Monday."
    q = quote("q1", text, "A bomb hit the clinic in Lakeport", "said", "Ilse Varga", "Mayor")
    ev = event("v1", text, "bomb hit", "2023-02-06", "p1", attributed_to="q1")
    art = article("q", text, "2023-02-06", [ev], [place("p1", "Lakeport", text)], quotes=[q])
    [s] = [s for s in statements(art) if s.event == "v1"]
    assert (s.party, s.stance, s.role) == ("Ilse Varga", "asserts", "Mayor")


def test_linking_in_any_order_gives_the_same_incidents():
    arts = synthetic_articles(60)
    reports = [r for a in arts for r in reports_of(a)]
    once = link_reports(reports)
    for seed in (1, 2, 3):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert link_reports(shuffled) == once


def test_store_one_by_one_equals_all_at_once_and_relinking_is_idempotent(tmp_path):
    arts = synthetic_articles(60)
    expected = link_reports(r for a in arts for r in reports_of(a))
    order = arts[:]
    random.Random(5).shuffle(order)
    store = open_store(tmp_path / "s.db")
    side = incident_store(store)
    for a in order:
        store.put(a)
        assert side.link(a) == "linked"
    assert side.incident_of() == expected
    before = store.conn.execute("SELECT count(*) FROM incidents").fetchone()[0]
    assert {side.link(a) for a in arts} == {"unchanged"}
    assert side.incident_of() == expected
    assert store.conn.execute("SELECT count(*) FROM incidents").fetchone()[0] == before
    assert before == len(set(expected.values()))
    store.close()


def test_a_replaced_article_is_relinked(tmp_path):
    store = open_store(tmp_path / "r.db")
    side = incident_store(store)
    a = single("a", "Millbrook", "2023-06-02", "Noor Halvorsen", "Birch Road")
    b = single("b", "Millbrook", "2023-06-02", "Noor Halvorsen", "Birch Road")
    for x in (a, b):
        store.put(x)
        side.link(x)
    assert side.incident_of()[("a", "v1")] == side.incident_of()[("b", "v1")]
    moved = single("b", "Lakeport", "2023-08-20", "Kasimir Ode", "Harbor Pier")
    store.put(moved)
    assert side.link(moved) == "relinked"
    ids = side.incident_of()
    assert ids[("a", "v1")] != ids[("b", "v1")]
    assert store.conn.execute("SELECT count(*) FROM incidents").fetchone()[0] == 2
    store.close()


def test_kill_9_during_linking_loses_nothing(tmp_path):
    db = tmp_path / "k.db"
    n = 400
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    proc = subprocess.Popen([sys.executable, str(TESTS / "incident_helpers.py"), str(db), str(n)], env=env)
    deadline = time.time() + 240  # a loaded machine starts Python slowly
    linked = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                store = open_store(db)
                linked = store.conn.execute("SELECT count(*) FROM incident_reports").fetchone()[0]
                store.close()
            except Exception:
                continue
            if linked > 40:
                break
    assert proc.poll() is None, "linking finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = open_store(db)
    side = incident_store(store)
    stored = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < stored < n
    side.catch_up(store.get_article)
    assert side.pending() == []
    arts = synthetic_articles(n)[:stored]
    assert side.incident_of() == link_reports(r for a in arts for r in reports_of(a))
    store.close()


def _reference_scorer():
    path = TESTS.parents[1] / "shared" / "tools" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/tools/score.py is not beside this checkout")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_incident_scores_agree_with_the_reference_scorer():
    ref = _reference_scorer()
    rng = random.Random(3)
    for _ in range(20):
        gold_rows, preds = [], {}
        for i in range(rng.randint(2, 12)):
            gold_rows.append(
                {"id": f"a{i}", "layers": ["incidents"], "dataset": "t", "incident": f"g{rng.randint(0, 3)}"}
            )
            preds[f"a{i}"] = {
                "events": [{"incident": f"p{rng.randint(0, 4)}"} for _ in range(rng.randint(0, 3))]
            }
        from dateline.eval.metrics import score

        assert score(gold_rows, preds)["t/incidents"] == ref.score(gold_rows, preds)["t/incidents"]
        rows = [incident_row(g["incident"], preds[g["id"]]["events"]) for g in gold_rows]
        assert incident_scores(rows) == ref.incident_scores(rows)


def test_exports_write_incidents(tmp_path, capsys):
    from dateline.cli.main import main

    store = open_store(tmp_path / "e.db")
    side = incident_store(store)
    arts = [
        roundup(),
        single(
            "a-millbrook",
            "Millbrook",
            "2023-05-12",
            "Rowan Ellery",
            "Cedar Street",
            counts=[Count(2, "killed", "two")],
            actor=Actor("gunmen", name="Unidentified Armed Group", sector="UAF"),
            target=Actor("Rowan Ellery", name="Rowan Ellery", sector="CVL"),
        ),
        single(
            "b-millbrook",
            "Millbrook",
            "2023-05-13",
            "Rowan Ellery",
            "Cedar Street",
            counts=[Count(1, "killed", "one")],
            actor=Actor("gunmen", name="Unidentified Armed Group", sector="UAF"),
        ),
    ]
    arts[1].source, arts[2].source = "=Millbrook Ledger", "Valley Radio"
    unplaced = "Shots heard\n\nSomeone fired shots near a school on Tuesday, a caller said."
    arts.append(article("unplaced", unplaced, "2023-05-20", [event("v1", unplaced, "shots", None, None)], []))
    (tmp_path / "i.csv").write_text("an older export\n")
    for a in arts:
        store.put(a)
        side.link(a)
    store.close()
    db = str(tmp_path / "e.db")
    assert main(["export", "acled-csv", "--incidents", "--db", db, "-o", str(tmp_path / "i.csv")]) == 0
    rows = list(csv.DictReader((tmp_path / "i.csv").open(encoding="utf-8")))
    # every ACLED row has a date and a country: the unplaced incident is left out, and said so
    assert len(rows) == 3 and "left out 1 incidents with no date or no country" in capsys.readouterr().err
    [mill] = [r for r in rows if r["location"] == "Millbrook"]
    assert "Millbrook Ledger" in mill["source"] and "Valley Radio" in mill["source"]
    assert mill["fatalities"] == "1" and "fatalities disputed: 1-2" in mill["notes"]
    # the actor cells as the per-event export fills them, from the reports' events
    assert (mill["actor1"], mill["inter1"]) == ("Unidentified Armed Group", "Political militia")
    assert (mill["actor2"], mill["inter2"]) == ("Rowan Ellery", "Civilians")
    assert mill["interaction"] == "Political militia-Civilians"
    assert (mill["country"], mill["region"], mill["iso"]) == ("United States", "North America", "840")
    # formula-safe cells: a source starting with "=" is not a formula in a spreadsheet
    assert mill["source"].startswith("'=Millbrook Ledger; Valley Radio")
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert main(["export", "acled-csv", "--incidents", "--db", db, "-o", str(tmp_path)]) == 2
    assert main(["export", "geojson", "--incidents", "--db", db, "-o", str(tmp_path / "i.geojson")]) == 0
    feats = json.loads((tmp_path / "i.geojson").read_text())["features"]
    assert {f["properties"]["kind"] for f in feats} == {"incident"} and len(feats) == 3
    assert {(f["properties"]["country"], f["properties"]["country_name"]) for f in feats} == {
        ("USA", "United States")
    }
    lon, lat = next(f for f in feats if f["properties"]["place"] == "Millbrook")["geometry"]["coordinates"]
    assert (lat, lon) == (TOWNS["Millbrook"][3], TOWNS["Millbrook"][4])
    assert main(["export", "jsonl", "--db", db, "-o", str(tmp_path / "a.jsonl")]) == 0
    lines = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text().splitlines()]
    ev = {(a["id"], e["id"]): e["incident"] for a in lines for e in a["events"]}
    assert ev[("roundup", "v1")] == ev[("a-millbrook", "v1")] == ev[("b-millbrook", "v1")]
    assert main(["export", "graphml", "--incidents", "--db", db, "-o", str(tmp_path / "x")]) == 2


def test_incident_commands_list_and_show(tmp_path, capsys):
    from dateline.cli.main import main

    store = open_store(tmp_path / "c.db")
    side = incident_store(store)
    for a in (single("a", "Millbrook", "2023-06-02", "Noor Halvorsen", "Birch Road"),
              single("b", "Millbrook", "2023-06-02", "Noor Halvorsen", "Birch Road"),
              single("c", "Lakeport", "2023-06-02", "Kasimir Ode", "Harbor Pier")):  # fmt: skip
        store.put(a)
        side.link(a)
    store.close()
    db = str(tmp_path / "c.db")
    assert main(["incidents", "--db", db, "--min-reports", "2", "-f", "json"]) == 0
    [row] = json.loads(capsys.readouterr().out)
    assert row["articles"] == ["a", "b"]
    assert (row["country"], row["country_name"]) == ("USA", "United States")
    assert main(["incident", row["id"], "--db", db]) == 0
    assert "(USA, United States)" in capsys.readouterr().out
    assert main(["incidents", "--db", db, "--country", "USA", "--since", "2023-06-03", "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["incident", row["id"], "--db", db, "-f", "json"]) == 0
    view = json.loads(capsys.readouterr().out)
    assert [r["article_id"] for r in view["reports"]] == ["a", "b"]
    assert main(["incident", "inc-nothing", "--db", db]) == 2


def test_the_fast_score_is_the_weighted_sum_of_the_named_features():
    from dateline.incidents.config import DEFAULT
    from dateline.incidents.scoring import features, score

    arts = [*synthetic_articles(40), roundup()]
    reports = [r for a in arts for r in reports_of(a)]
    rng = random.Random(11)
    for _ in range(300):
        a, b = rng.choice(reports), rng.choice(reports)
        expected = sum(DEFAULT.weights[k] * v for k, v in features(a, b).items())
        assert score(a, b) == pytest.approx(expected)


@pytest.mark.model
def test_the_seed_recapture_shows_the_claim_and_the_rejection_side_by_side(tmp_path, pipeline, capsys):
    from dateline.cli.main import main
    from dateline.samples import sample_documents
    from dateline.store.ingest import ingest

    db = tmp_path / "seed.db"
    store = open_store(db)
    ingest([d for d in sample_documents() if d.id == "seed-palmyra-2016"], store, pipeline=pipeline)
    seed = store.get_article("seed-palmyra-2016")
    ids = incident_store(store).incident_of()
    store.close()
    recapture = next(e for e in seed.events if e.territory_change and e.territory_change.get("to") == "SYR")
    assert main(["incident", ids[(seed.id, recapture.id)], "--db", str(db), "-f", "json"]) == 0
    view = json.loads(capsys.readouterr().out)
    asserts, rejects = view["claims"].get("asserts", []), view["claims"].get("rejects", [])
    assert any("claim" in s["cue"] and "Syrian" in s["party"] for s in asserts)
    assert any(s["role"] == "OPP" and "claim" in s["text"] for s in rejects)
    assert main(["incident", ids[(seed.id, recapture.id)], "--db", str(db)]) == 0
    table = capsys.readouterr().out
    assert "claims ledger" in table and "asserts" in table and "rejects" in table


class _Replay:
    """Stands in for the pipeline: hands back prepared articles for the documents asked."""

    def __init__(self, articles):
        self.by_id = {a.id: a for a in articles}

    def pipe(self, documents, batch_size=16, n_process=1):
        for doc in documents:
            yield self.by_id[doc.id]


def test_ingest_links_each_article_and_catches_up_after_a_kill(tmp_path):
    from dateline.documents import Document
    from dateline.store.ingest import ingest

    arts = synthetic_articles(30)
    docs = [Document(text=a.text, id=a.id, published=a.published) for a in arts]
    store = open_store(tmp_path / "i.db")
    store.put(arts[0])  # stored, then killed before linking: pending
    side = incident_store(store)
    assert side.pending() == [arts[0].id]
    summary = ingest(docs, store, pipeline=lambda: _Replay(arts))
    assert summary.added == 29 and summary.skipped == 1
    assert side.pending() == []
    assert side.incident_of() == link_reports(r for a in arts for r in reports_of(a))
    again = ingest(docs, store, pipeline=lambda: _Replay(arts))
    assert again.skipped == 30
    assert side.incident_of() == link_reports(r for a in arts for r in reports_of(a))
    store.close()


def test_the_incident_commands_are_documented():
    doc = (TESTS.parent / "docs" / "incidents.md").read_text(encoding="utf-8")
    for words in ("dateline incidents", "dateline incident ", "--min-reports", "--incidents", "--relink"):
        assert words in doc, words


def test_a_story_links_through_its_whole_text_however_its_events_are_split():
    text_a = (
        "Gunfire on a quiet street\n\nA man was shot in Millbrook late on Saturday, police said.\n\n"
        "The victim, Osric Pellworth, 34, lived on Tamsin Lane near the Corvid Mill.\n\n"
        "Detective Ilse Varga asked witnesses to come forward."
    )
    a = article("a", text_a, "2023-09-10", [event("v1", text_a, "shot", "2023-09-09", "p1")],
                [place("p1", "Millbrook", text_a)])  # fmt: skip
    # a follow-up three days on: the shooting and the wounding are two undated records,
    # in paragraphs that name nothing the first story's paragraph names
    text_b = (
        "Neighbours in Millbrook still shaken\n\nOfficers found Osric Pellworth on Tamsin Lane, "
        "close to the Corvid Mill.\n\nHe had been shot twice and was wounded in the leg, "
        "said Detective Ilse Varga."
    )
    b = article("b", text_b, "2023-09-13", [event("v1", text_b, "shot", None, None),
                event("v2", text_b, "wounded", None, None)], [])  # fmt: skip
    ra, rb = reports_of(a), reports_of(b)
    assert {"pellworth", "tamsin", "corvid", "varga"} <= set(ra[0].story) & set(rb[0].story)
    ids = incidents_of([a, b])
    assert ids[("a", "v1")] == ids[("b", "v1")] == ids[("b", "v2")]
    weights = {**DEFAULT.weights, "story": 0.0}
    without = link_reports([*ra, *rb], LinkConfig(weights=weights))
    assert without[("a", "v1")] != without[("b", "v1")]


def test_a_roundup_of_several_towns_has_no_story():
    assert all(r.story == [] for r in reports_of(roundup()))
    one_town = single("a-millbrook", "Millbrook", "2023-05-12", "Rowan Ellery", "Cedar Street")
    assert "ellery" in reports_of(one_town)[0].story


def test_a_background_event_carries_no_story():
    text = (
        "Second shooting near Westfield school\n\n"
        "Pascal Dunmore was shot on Mill Drive in Westfield on Tuesday, police said.\n\n"
        "Last year Ingrid Sollen was shot on Quarry Avenue in Westfield, a case still unsolved."
    )
    events = [
        event("v1", text, "shot", "2023-03-07", None),
        event("v2", text, "shot", "2022-03-04", None, after=text.index("Last year")),
    ]
    today, background = reports_of(article("today", text, "2023-03-08", events, []))
    assert "dunmore" in today.story and "sollen" in today.story
    assert background.story == []


def test_a_planned_event_is_not_a_report_of_what_took_place():
    text = (
        "Army retakes Carrow after clashes\n\n"
        "Soldiers fought rebels in Carrow on Sunday and took the town, the army said.\n\n"
        "Commanders said the army would attack Vessel Ridge next. It was unclear whether rebels "
        "had fought on inside Carrow."
    )
    events = [
        event("v1", text, "fought", "2023-06-04", None),
        event("v2", text, "attack", None, None),
        event("v3", text, "fought", None, None, after=text.index("unclear")),
    ]
    events[1].modality, events[2].modality = "planned", "hypothetical"
    ids = incidents_of([article("carrow", text, "2023-06-05", events, [])])
    assert ids[("carrow", "v1")] != ids[("carrow", "v2")]
    # doubt about the fighting is still a report of it
    assert ids[("carrow", "v1")] == ids[("carrow", "v3")]
    # another article announcing the same attack is a report of that plan
    text_b = (
        "Army vows push on Vessel Ridge\n\nThe army will attack Vessel Ridge within days, commanders said."
    )
    planned = event("v1", text_b, "attack", None, None)
    planned.modality = "planned"
    reports = [*reports_of(article("carrow", text, "2023-06-05", events, [])),
               *reports_of(article("vows", text_b, "2023-06-05", [planned], []))]  # fmt: skip
    assert [r.happened for r in reports] == [True, False, True, False]


def test_a_place_geocoded_to_two_states_does_not_keep_shared_details_apart():
    # one shooting; the second outlet's town name was read as a namesake in another state
    text_a = "Man shot in Millbrook\n\nAnsel Trowbridge was shot on Quarry Lane in Millbrook on Friday, Sgt. Delia Fenn said."
    text_b = "Victim named\n\nAnsel Trowbridge, shot on Quarry Lane in Lakeport, is recovering, Sgt. Delia Fenn said."
    a = article("a", text_a, "2023-05-13", [event("v1", text_a, "shot", "2023-05-12", "p1", after=10)],
                [place("p1", "Millbrook", text_a)])  # fmt: skip
    b = article("b", text_b, "2023-05-13", [event("v1", text_b, "shot", "2023-05-12", "p1")],
                [place("p1", "Lakeport", text_b)])  # fmt: skip
    # another shooting that day in the other state shares a word or two, not the details
    text_c = "Man shot in Lakeport\n\nOrrin Vash was shot on Fenwick Road in Lakeport on Friday, Detective Piet Lomas said."
    c = article("c", text_c, "2023-05-13", [event("v1", text_c, "shot", "2023-05-12", "p1", after=10)],
                [place("p1", "Lakeport", text_c)])  # fmt: skip
    ids = incidents_of([a, b, c])
    assert ids[("a", "v1")] == ids[("b", "v1")]
    assert ids[("a", "v1")] != ids[("c", "v1")]
    strict = LinkConfig(cross_region_words=99)
    assert (
        link_reports([*reports_of(a), *reports_of(b)], strict)[("a", "v1")]
        != link_reports([*reports_of(a), *reports_of(b)], strict)[("b", "v1")]
    )


@pytest.mark.parametrize(
    ("value", "day"),
    [("2023-W36", "2023-09-07"), ("2023-W36-WE", "2023-09-09"), ("2023-W36-1", "2023-09-04")],
)
def test_a_week_date_is_read_as_a_day_of_that_week(value, day):
    text = "Shots fired\n\nA man was shot in Millbrook, police said."
    ev = event("v1", text, "shot", None, "p1")
    ev.date = EventDate(value, "week")
    (report,) = reports_of(article("w", text, "2023-09-13", [ev], [place("p1", "Millbrook", text)]))
    assert (report.date, report.date_from) == (day, "event")


def test_migration_007_gives_stored_incidents_alpha3_and_the_country_name():
    import sqlite3

    from dateline.store.incident_tables import create_incident_tables, incident_countries

    conn = sqlite3.connect(":memory:")
    create_incident_tables(conn)
    conn.execute("INSERT INTO incidents (id, country) VALUES ('inc-1', 'SY'), ('inc-2', NULL)")
    incident_countries(conn)
    rows = conn.execute("SELECT id, country, country_name FROM incidents ORDER BY id").fetchall()
    assert rows == [("inc-1", "SYR", "Syrian Arab Republic"), ("inc-2", None, None)]
