"""Quote stage benchmark: dateline's attribution against textacy's ``direct_quotations``.

Usage: python bench/bench_quotes.py [GOLD.jsonl ...] [--limit N]
(textacy is in the optional ``bench`` extra: ``pip install -e '.[bench]'``.)

Both systems see the same spaCy parse of each article. dateline runs its entity and quote
stages; textacy runs ``textacy.extract.direct_quotations`` on the whole doc and, where it
raises (an odd number of quotation marks), paragraph by paragraph. Prints the reference
scorer's quote metrics (all attributions; direct+mixed; speaker accuracy) for each system,
and the time per article of each system and of the parse.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO.parent / "shared" / "gold"
sys.path.insert(0, str(REPO.parent / "shared" / "tools"))

DEFAULT_GOLD = ("seed-dev.jsonl", "polnear-dev.jsonl")
_MARKS = "\"'“”‘’«»„`"


def _strip_marks(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _MARKS or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _MARKS or text[end - 1].isspace()):
        end -= 1
    return start, end


def _textacy_quotes(doc) -> tuple[list[dict], bool]:
    """textacy's direct quotations as gold-format dicts; True when it fell back to paragraphs."""
    from textacy.extract import direct_quotations

    from dateline.extract.quotes.marks import paragraphs

    def convert(triple, offset: int, text: str) -> dict:
        s, e = _strip_marks(text, triple.content.start_char + offset, triple.content.end_char + offset)
        speaker = triple.speaker
        return {
            "kind": "direct",
            "content": text[s:e],
            "span": [s, e],
            "speaker": " ".join(t.text for t in speaker) or None,
            "speaker_span": [speaker[0].idx + offset, speaker[-1].idx + len(speaker[-1].text) + offset]
            if speaker
            else None,
            "cue": " ".join(t.text for t in triple.cue) or None,
        }

    text = doc.text
    try:
        return [convert(t, 0, text) for t in direct_quotations(doc)], False
    except Exception:  # textacy raises on unbalanced quotation marks
        out = []
        for start, end in paragraphs(text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            try:
                out.extend(convert(t, span.start_char, text) for t in direct_quotations(span.as_doc()))
            except Exception:
                continue
        return out, True


def run(gold_path: Path, limit: int | None) -> None:
    import score  # the reference scorer, beside the gold files

    from dateline.context import Context
    from dateline.extract.entities import extract_entities
    from dateline.extract.quotes import extract_quotes
    from dateline.nlp.model import load_model

    rows = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    rows = [r for r in rows if "quotes" in r.get("layers", [])][:limit]
    if not rows:
        return
    nlp = load_model()
    t0 = time.perf_counter()
    docs = list(nlp.pipe([r["text"] for r in rows]))
    parse_s = time.perf_counter() - t0

    ours: dict[str, dict] = {}
    t0 = time.perf_counter()
    for row, doc in zip(rows, docs, strict=True):
        ctx = Context(text=row["text"], doc=doc)
        extract_entities(ctx)
        extract_quotes(ctx)
        ours[row["id"]] = {"quotes": [_as_dict(q) for q in ctx.quotes]}
    ours_s = time.perf_counter() - t0 - _entities_time(rows, docs)

    theirs: dict[str, dict] = {}
    fallbacks = 0
    _textacy_quotes(nlp("“Warm up,” she said."))  # textacy loads its resources on first use
    t0 = time.perf_counter()
    for row, doc in zip(rows, docs, strict=True):
        quotes, fell_back = _textacy_quotes(doc)
        fallbacks += fell_back
        theirs[row["id"]] = {"quotes": quotes}
    theirs_s = time.perf_counter() - t0

    n = len(rows)
    print(f"== {gold_path.name}: {n} articles; parse {1000 * parse_s / n:.1f} ms/article")
    for name, preds, secs in (("dateline", ours, ours_s), ("textacy", theirs, theirs_s)):
        result = next(v for k, v in score.score(rows, preds).items() if k.endswith("/quotes"))
        d = result["direct"]
        print(
            f"{name:9s} all P {result['p']:.3f} R {result['r']:.3f} F1 {result['f1']:.3f} "
            f"speaker {result['speaker_acc']:.3f} | direct+mixed P {d['p']:.3f} R {d['r']:.3f} "
            f"F1 {d['f1']:.3f} speaker {d['speaker_acc']:.3f} | {1000 * secs / n:.2f} ms/article"
        )
    print(f"textacy fell back to paragraphs on {fallbacks} of {n} articles (unbalanced marks)")


def _entities_time(rows: list[dict], docs: list) -> float:
    """The entity stage's own time, taken out of the quote stage's (it runs before quotes)."""
    from dateline.context import Context
    from dateline.extract.entities import extract_entities

    t0 = time.perf_counter()
    for row, doc in zip(rows, docs, strict=True):
        extract_entities(Context(text=row["text"], doc=doc))
    return time.perf_counter() - t0


def _as_dict(q) -> dict:
    return {
        "kind": q.kind,
        "content": q.content,
        "span": list(q.span),
        "speaker": q.speaker,
        "speaker_span": list(q.speaker_span) if q.speaker_span else None,
        "cue": q.cue,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    paths = args.gold or [GOLD / name for name in DEFAULT_GOLD]
    for path in paths:
        run(path, args.limit)


if __name__ == "__main__":
    main()
