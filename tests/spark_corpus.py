"""A generated news corpus for the Spark tests: sentences written for these tests, varied
enough to give every record kind (actors, places, dates, counts, quotes) to the real
pipeline, written as JSONL shards and WARC shards (plus a truncated WARC)."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

ACTORS = [
    "Police officers",
    "Government troops",
    "Rebel fighters",
    "Hundreds of teachers",
    "Farmers",
    "Security forces",
    "Student groups",
    "An armed gang",
]
ACTIONS = [
    "clashed with protesters in {place}",
    "marched through central {place} to demand higher wages",
    "attacked a checkpoint outside {place}",
    "arrested {n} people in {place}",
    "blocked the main road into {place}",
    "shelled villages near {place}",
]
PLACES = [
    "Nairobi",
    "Lima",
    "Dakar",
    "Mandalay",
    "Benghazi",
    "Arequipa",
    "Cali",
    "Mombasa",
    "Cusco",
    "Bamako",
]
DAYS = ["on Monday", "on Tuesday", "last week", "on Friday", "early on Sunday", "on 3 March"]
SPEAKERS = [
    ("Maria Okafor", "a local councillor"),
    ("John Mbeki", "a police spokesman"),
    ("Ana Quispe", "a union leader"),
    ("Idris Sall", "the regional governor"),
]
QUOTES = [
    "We will not accept this",
    "The situation is under control",
    "Our demands are simple and fair",
    "Nobody should be punished for speaking out",
]


def article(i: int) -> dict:
    actor = ACTORS[i % len(ACTORS)]
    place = PLACES[(i * 3) % len(PLACES)]
    action = ACTIONS[(i // 2) % len(ACTIONS)].format(place=place, n=5 + i % 40)
    day = DAYS[i % len(DAYS)]
    name, role = SPEAKERS[i % len(SPEAKERS)]
    quote = QUOTES[(i // 3) % len(QUOTES)]
    text = (
        f"{actor} {action} {day}, witnesses said.\n\n"
        f'"{quote}," said {name}, {role}, who spoke to reporters in {place}.\n\n'
        f"At least {2 + i % 17} people were injured and {i % 5} were killed, according to hospital officials. "
        f"The unrest followed a rise in fuel prices of {10 + i % 30} percent announced in story {i}."
    )
    return {
        "id": f"gen-{i:04d}",
        "text": text,
        "published": f"2024-0{1 + i % 9}-{10 + i % 18:02d}",
        "url": f"https://news.example.org/story/{i}",
        "title": f"Unrest in {place} ({i})",
    }


def html_page(row: dict) -> str:
    paras = "".join(f"<p>{p}</p>" for p in row["text"].split("\n\n"))
    return (
        f"<!doctype html><html><head><title>{row['title']}</title>"
        f'<meta property="article:published_time" content="{row["published"]}"></head>'
        f"<body><article><h1>{row['title']}</h1>{paras}</article></body></html>"
    )


def warc_bytes(rows: list[dict]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for row in rows:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        rec = writer.create_warc_record(
            row["url"], "response", payload=io.BytesIO(html_page(row).encode("utf-8")), http_headers=headers
        )
        writer.write_record(rec)
    return buf.getvalue()


def write_jsonl(path: Path, rows: list[dict], extra_lines: tuple[str, ...] = ()) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")
        for line in extra_lines:
            fh.write(line + "\n")
    return path


def write_truncated_warc(path: Path, rows: list[dict]) -> Path:
    """A WARC cut in the middle of a record: the records before the cut read, then a failure."""
    data = warc_bytes(rows)
    last = warc_bytes(rows[-1:])
    path.write_bytes(data[: len(data) - len(last) // 2])
    return path


def gz_lines(path: Path, lines: list[str]) -> Path:
    path.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    return path
