"""Quote stage time against the number of quotation marks (issue 13: it must stay linear).

Usage: python bench/bench_quotes_scaling.py [--sizes 250,500,1000,2000]

Times the quote stage alone (after the parse and the entity stage) on the hostile
articles of ``tests/test_quotes_linear.py`` (pieces with straight and curly marks, unclosed
and nested ones), laid out as one paragraph, one piece a paragraph, and one a sentence.
Prints characters, marks, seconds and microseconds per mark for each size: linear work
keeps the last column flat. (Before the fix a 54 KB article with 6,000 marks took 86 s.)
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

_MARKS = "\"'“”‘’"


def main() -> None:
    from dateline.context import Context
    from dateline.extract.entities import extract_entities
    from dateline.extract.quotes import extract_quotes
    from dateline.nlp.model import load_model
    from test_quotes_linear import hostile

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="250,500,1000,2000", help="pieces per article")
    args = ap.parse_args()
    nlp = load_model()
    nlp.max_length = max(nlp.max_length, 2_000_000)
    for name, sep in (("one paragraph", " "), ("paragraphs", "\n"), ("sentences", ". ")):
        for n in (int(x) for x in args.sizes.split(",")):
            text = hostile(n, sep)
            ctx = Context(text=text, doc=nlp(text))
            extract_entities(ctx)
            t0 = time.perf_counter()
            extract_quotes(ctx)
            secs = time.perf_counter() - t0
            marks = sum(text.count(c) for c in _MARKS)
            print(
                f"{name:13s} {len(text):8d} chars {marks:6d} marks {secs:7.3f} s "
                f"{1e6 * secs / marks:7.1f} us/mark {len(ctx.quotes):5d} quotes",
                flush=True,
            )


if __name__ == "__main__":
    main()
