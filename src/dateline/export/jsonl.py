"""Plain JSONL: one analysed article a line, exactly as ``dateline analyze`` writes it."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from dateline.records import Article


def write_jsonl(articles: Iterable[Article], out: TextIO) -> int:
    n = 0
    for article in articles:
        out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        n += 1
    return n
