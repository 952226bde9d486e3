"""The metrics of ``spec/GOLD.md``: span matching, P/R/F1 and the per-layer accuracies.

Results use the reference scorer's keys (``<dataset>/<layer>``, ``snippets/events``) and
its rounding (4 decimals, applied where it applies them), so that ``dateline eval`` and
``tools/score.py`` print the same figures. Gold and predictions are plain dicts (the JSON
forms), so predictions from any run or file can be scored.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

Record = dict[str, Any]
SpanKey = Callable[[Record], Any]


def _span(record: Record) -> Any:
    return record.get("span")


def overlap(a: Sequence[int], b: Sequence[int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(
    gold: list[Record], pred: list[Record], key_g: SpanKey = _span, key_p: SpanKey = _span
) -> list[tuple[Record, Record]]:
    """Greedy one-to-one matching: overlap >= half the shorter span, largest overlap first."""
    candidates: list[tuple[int, int, int]] = []
    for i, g in enumerate(gold):
        gs = key_g(g)
        if not gs:
            continue
        for j, p in enumerate(pred):
            ps = key_p(p)
            if not ps:
                continue
            ov = overlap(gs, ps)
            shorter = max(1, min(gs[1] - gs[0], ps[1] - ps[0]))
            if ov > 0 and 2 * ov >= shorter:
                candidates.append((ov, i, j))
    # ties broken as the reference does: by gold index, then prediction index, descending
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((gold[i], pred[j]))
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, Any]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": n_pred, "gold": n_gold}


def _ratio(num: int, den: int) -> float:
    return round(num / den, 4) if den else 0.0


def _words(text: str | None) -> list[str]:
    return re.findall(r"\w+", (text or "").lower())


def speaker_ok(gold: Record, pred: Record) -> bool:
    """Speaker spans overlap, or one name holds the other's last word; two nulls agree."""
    gs, ps = gold.get("speaker_span"), pred.get("speaker_span")
    if gs and ps and overlap(gs, ps) > 0:
        return True
    gname, pname = (gold.get("speaker") or "").lower(), (pred.get("speaker") or "").lower()
    if not gname or not pname:
        return not gname and not pname
    g_words, p_words = _words(gname), _words(pname)
    g_last = g_words[-1] if g_words else ""
    p_last = p_words[-1] if p_words else ""
    return g_last in p_words or p_last in g_words


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


# --- ACLED labels: CASE 2021 codes and ACLED names onto one key --------------------------------

_ACLED_ALIASES = {
    "armedclash": "ARMED_CLASH",
    "governmentregainsterritory": "GOV_REGAINS_TERIT",
    "govregainsterit": "GOV_REGAINS_TERIT",
    "nonstateactorovertakesterritory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "nonstateactorovertakester": "NON_STATE_ACTOR_OVERTAKES_TER",
    "chemicalweapon": "CHEM_WEAP",
    "chemweap": "CHEM_WEAP",
    "airdronestrike": "AIR_STRIKE",
    "airstrike": "AIR_STRIKE",
    "suicidebomb": "SUIC_BOMB",
    "suicbomb": "SUIC_BOMB",
    "shellingartillerymissileattack": "SHELLING_ARTILLERY_MISSILE_ATTACK",
    "shellingartillerymissileattac": "SHELLING_ARTILLERY_MISSILE_ATTACK",
    "artmissattack": "SHELLING_ARTILLERY_MISSILE_ATTACK",
    "remoteexplosivelandmineied": "REMOTE_EXPLOSIVE_LANDMINE_IED",
    "remexplos": "REMOTE_EXPLOSIVE_LANDMINE_IED",
    "grenade": "GRENADE",
    "sexualviolence": "SEXUAL_VIOLENCE",
    "sexviol": "SEXUAL_VIOLENCE",
    "attack": "ATTACK",
    "abductionforceddisappearance": "ABDUCTION_FORCED_DISAPPEARANCE",
    "abductdissap": "ABDUCTION_FORCED_DISAPPEARANCE",
    "peacefulprotest": "PEACE_PROTEST",
    "peaceprotest": "PEACE_PROTEST",
    "protestwithintervention": "PROTEST_WITH_INTER",
    "protestwithinter": "PROTEST_WITH_INTER",
    "excessiveforceagainstprotesters": "EXCESSIVE_FORCE",
    "excessiveforce": "EXCESSIVE_FORCE",
    "forceagainstprotest": "EXCESSIVE_FORCE",
    "violentdemonstration": "VIOL_DEMONSTR",
    "violdemonstr": "VIOL_DEMONSTR",
    "mobviolence": "MOB_VIOL",
    "mobviol": "MOB_VIOL",
    "agreement": "AGREEMENT",
    "arrests": "ARREST",
    "arrest": "ARREST",
    "changetogroupactivity": "CHANGE_TO_GROUP_ACT",
    "changetogroupact": "CHANGE_TO_GROUP_ACT",
    "disruptedweaponsuse": "DISR_WEAP",
    "disrweap": "DISR_WEAP",
    "headquartersorbaseestablished": "HQ_ESTABLISHED",
    "hqestablished": "HQ_ESTABLISHED",
    "lootingpropertydestruction": "LOOTING",
    "looting": "LOOTING",
    "propertydistruct": "LOOTING",
    "nonviolenttransferofterritory": "NON_VIOL_TERRIT_TRANSFER",
    "nonviolterrittransfer": "NON_VIOL_TERRIT_TRANSFER",
    "other": "OTHER",
    "none": "NONE",
}

#: The 25 ACLED sub-types (CASE 2021 also labels disasters, crime, diplomacy, attribution).
ACLED25 = frozenset(v for v in _ACLED_ALIASES.values() if v != "NONE")


def acled_key(label: str | None) -> str:
    """One key for an ACLED sub-type, whether written as a CASE code or an ACLED name."""
    if not label:
        return "NONE"
    return _ACLED_ALIASES.get(re.sub(r"[^a-z]", "", label.lower()), label.upper())


def weighted_f1(gold_labels: list[str], pred_labels: list[str]) -> float:
    """Per-label F1 (rounded as the reference does) averaged with gold support as weights."""
    support = Counter(gold_labels)
    total = sum(support.values())
    if not total:
        return 0.0
    pred_count = Counter(pred_labels)
    hits = Counter(g for g, p in zip(gold_labels, pred_labels, strict=False) if g == p)
    acc = sum(prf(hits[label], pred_count[label], n)["f1"] * n for label, n in support.items())
    return round(acc / total, 4)


# --- per-layer accumulation -----------------------------------------------------------------------


def _quotes(c: Counter, gold: list[Record], pred: list[Record]) -> None:
    pairs = match(gold, pred)
    c["tp"] += len(pairs)
    c["pred"] += len(pred)
    c["gold"] += len(gold)
    c["speaker_ok"] += sum(speaker_ok(g, p) for g, p in pairs)
    g_direct = [q for q in gold if q.get("kind") in ("direct", "mixed")]
    p_direct = [q for q in pred if q.get("kind") in ("direct", "mixed")]
    pairs = match(g_direct, p_direct)
    c["d_tp"] += len(pairs)
    c["d_pred"] += len(p_direct)
    c["d_gold"] += len(g_direct)
    c["d_speaker_ok"] += sum(speaker_ok(g, p) for g, p in pairs)


def _times(c: Counter, gold: list[Record], pred: list[Record]) -> None:
    pairs = match(gold, pred)
    c["tp"] += len(pairs)
    c["pred"] += len(pred)
    c["gold"] += len(gold)
    c["value_ok"] += sum(g.get("value") == p.get("value") for g, p in pairs)
    c["type_ok"] += sum(g.get("type") == p.get("type") for g, p in pairs)


def _has_coords(r: Record) -> bool:
    return r.get("lat") is not None and r.get("lon") is not None


def _places(c: Counter, gold: list[Record], pred: list[Record]) -> None:
    pairs = match(gold, pred)
    c["tp"] += len(pairs)
    c["pred"] += len(pred)
    c["gold"] += len(gold)
    for g, p in pairs:
        if _has_coords(g):
            c["with_coords"] += 1
            same_id = g.get("geonames_id") is not None and g.get("geonames_id") == p.get("geonames_id")
            near = _has_coords(p) and haversine_km(g["lat"], g["lon"], p["lat"], p["lon"]) <= 161
            c["within161"] += int(same_id or near)
        if g.get("country"):
            c["with_country"] += 1
            c["country_ok"] += int((p.get("country") or "").upper() == g["country"].upper())
    c["gold_with_coords"] += sum(1 for g in gold if g.get("lat") is not None)


def _event_place_span(pred_event: Record, place_spans: dict[Any, Any]) -> Any:
    ref = pred_event.get("place")
    span = ref.get("span") if isinstance(ref, dict) else place_spans.get(ref)
    return span or pred_event.get("place_span")


def event_spans(record: Record) -> list[Any]:
    """An event's span, then the spans of its other mentions (``mentions``)."""
    span = record.get("span")
    out = [span] if span else []
    return out + [m for m in record.get("mentions") or [] if m and m != span]


def match_events(gold: list[Record], pred: list[Record]) -> tuple[list[tuple[Record, Record]], int]:
    """Events matched mention by mention (spec/GOLD.md): every span of a predicted event can
    match one gold event, one-to-one as in :func:`match`. Returns the (gold, predicted event)
    pairs and how many predicted events matched at least once."""
    units = [(j, sp) for j, p in enumerate(pred) for sp in event_spans(p)]
    pairs = match(gold, [{"span": sp, "_j": j} for j, sp in units])
    return [(g, pred[u["_j"]]) for g, u in pairs], len({u["_j"] for _, u in pairs})


def _events(c: Counter, gold: list[Record], pred: list[Record], pred_places: list[Record]) -> None:
    pairs, pred_hit = match_events(gold, pred)
    c["tp"] += len(pairs)
    c["pred"] += len(pred)
    c["gold"] += len(gold)
    c["pred_hit"] += pred_hit
    c["type_ok"] += sum(1 for g, p in pairs if g.get("type") and g.get("type") == p.get("type"))
    c["with_type"] += sum(1 for g, _ in pairs if g.get("type"))
    place_spans = {pl.get("id"): pl.get("span") for pl in pred_places}
    for g, p in pairs:
        if g.get("place_span"):
            c["with_place"] += 1
            span = _event_place_span(p, place_spans)
            c["place_ok"] += int(bool(span) and overlap(span, g["place_span"]) > 0)


def _finish(layer: str, v: Counter) -> dict[str, Any]:
    r = prf(v["tp"], v["pred"], v["gold"])
    if layer == "quotes":
        r["speaker_acc"] = _ratio(v["speaker_ok"], v["tp"])
        r["direct"] = prf(v["d_tp"], v["d_pred"], v["d_gold"])
        r["direct"]["speaker_acc"] = _ratio(v["d_speaker_ok"], v["d_tp"])
    elif layer == "times":
        r["value_f1"] = prf(v["value_ok"], v["pred"], v["gold"])["f1"]
        r["type_acc"] = _ratio(v["type_ok"], v["tp"])
    elif layer == "places":
        r["acc161"] = _ratio(v["within161"], v["with_coords"])
        r["acc161_e2e"] = _ratio(v["within161"], v["gold_with_coords"])
        r["country_acc"] = round(v["country_ok"] / v["with_country"], 4) if v["with_country"] else None
    elif layer == "events":
        # precision over predicted events (those with a matched mention), recall over gold events
        p = v["pred_hit"] / v["pred"] if v["pred"] else 0.0
        rec = v["tp"] / v["gold"] if v["gold"] else 0.0
        r.update(p=round(p, 4), f1=round(2 * p * rec / (p + rec), 4) if p + rec else 0.0)
        r["type_acc"] = round(v["type_ok"] / v["with_type"], 4) if v["with_type"] else None
        r["place_acc"] = round(v["place_ok"] / v["with_place"], 4) if v["with_place"] else None
    return r


def _is_snippet(gold_events: list[Record]) -> bool:
    return bool(gold_events) and all(e.get("span") is None for e in gold_events)


def score(gold_rows: list[Record], preds: dict[str, Record]) -> dict[str, dict[str, Any]]:
    """Score predictions (by article id) against gold articles; only listed layers count."""
    counts: dict[str, Counter] = defaultdict(Counter)
    incidents: dict[str, list[tuple[str, set[str], str | None]]] = defaultdict(list)
    snippet_gold: list[str] = []
    snippet_pred: list[str] = []
    for g in gold_rows:
        p = preds.get(g["id"], {})
        layers = set(g.get("layers") or [])
        ds = g.get("dataset", "?")
        if "quotes" in layers:
            _quotes(counts[f"{ds}/quotes"], g.get("quotes", []), p.get("quotes") or [])
        if "times" in layers:
            _times(counts[f"{ds}/times"], g.get("times", []), p.get("times") or [])
        if "places" in layers:
            _places(counts[f"{ds}/places"], g.get("places", []), p.get("places") or [])
        if "incidents" in layers and g.get("incident"):
            incidents[ds].append(incident_row(g["incident"], p.get("events") or []))
        if "events" in layers:
            gold_events, pred_events = g.get("events", []), p.get("events") or []
            if _is_snippet(gold_events):
                snippet_gold.append(acled_key(gold_events[0].get("acled_subtype")))
                first = next((e for e in pred_events if e.get("acled_subtype")), None)
                snippet_pred.append(acled_key(first.get("acled_subtype")) if first else "NONE")
            else:
                _events(counts[f"{ds}/events"], gold_events, pred_events, p.get("places") or [])
    out = {key: _finish(key.split("/")[1], v) for key, v in sorted(counts.items())}
    for ds, rows in sorted(incidents.items()):
        out[f"{ds}/incidents"] = incident_scores(rows)
    if snippet_gold:
        out["snippets/events"] = _snippets(snippet_gold, snippet_pred)
    return out


def _snippets(gold: list[str], pred: list[str]) -> dict[str, Any]:
    result: dict[str, Any] = {
        "weighted_f1": weighted_f1(gold, pred),
        "n": len(gold),
        "accuracy": round(sum(a == b for a, b in zip(gold, pred, strict=True)) / len(gold), 4),
    }
    acled = [(g, p) for g, p in zip(gold, pred, strict=True) if g in ACLED25]
    if acled:
        result["acled25_weighted_f1"] = weighted_f1([g for g, _ in acled], [p for _, p in acled])
        result["acled25_n"] = len(acled)
    return result


# --- incidents (a whole-file layer) ----------------------------------------------------------------


def incident_scores(rows: list[tuple[str, set[str], str | None]]) -> dict[str, Any]:
    """Cross-article linking, exactly as the reference scorer computes it.

    ``rows``: per gold article, (gold incident, the incident ids on its predicted events,
    the id most of its events carry). Pair P/R/F1 over all article pairs (a predicted link:
    the two share any incident id); B-cubed over articles placed in their main incident (an
    article with none stands alone).
    """
    tp = pred = gold = 0
    n = len(rows)
    for i in range(n):
        for j in range(i + 1, n):
            g = rows[i][0] == rows[j][0]
            p = bool(rows[i][1] & rows[j][1])
            tp += g and p
            pred += p
            gold += g
    r = prf(tp, pred, gold)
    out: dict[str, Any] = {"pair_" + k if k in ("p", "r", "f1") else k: v for k, v in r.items()}
    main = [m if m is not None else f"__alone{i}" for i, (_, _, m) in enumerate(rows)]
    bp = br = 0.0
    for i in range(n):
        same_g = {j for j in range(n) if rows[j][0] == rows[i][0]}
        same_p = {j for j in range(n) if main[j] == main[i]}
        both = len(same_g & same_p)
        bp += both / len(same_p)
        br += both / len(same_g)
    bp, br = (bp / n, br / n) if n else (0.0, 0.0)
    out["b3_p"], out["b3_r"] = round(bp, 4), round(br, 4)
    out["b3_f1"] = round(2 * bp * br / (bp + br), 4) if bp + br else 0.0
    out["articles"], out["gold_incidents"] = n, len({g for g, _, _ in rows})
    out["pred_incidents"] = len(set(main))
    return out


def incident_row(gold_incident: str, pred_events: list[Record]) -> tuple[str, set[str], str | None]:
    """One article's row for ``incident_scores``: the main id is the most common (first on ties)."""
    ids = [e.get("incident") for e in pred_events if e.get("incident")]
    main = Counter(ids).most_common(1)[0][0] if ids else None
    return (gold_incident, set(ids), main)
