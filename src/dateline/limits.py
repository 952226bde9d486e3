"""Every size and time limit dateline applies to its inputs, in one place.

A crawler's inputs are hostile: a page can be a gigabyte, a server can drip one byte a
second, a gzip member can expand a thousandfold. Each limit below bounds memory or time
for one input, so that one bad input fails alone and the run goes on. ``docs/limits.md``
lists them with their defaults (a test checks it names every one); the stage-owned and
export limits are documented there too.
"""

from __future__ import annotations

#: The longest article text analysed, in characters; a longer one is refused as a failure.
MAX_ARTICLE_CHARS = 1_000_000

#: Texts longer than this are parsed in chunks of at most this many characters, cut at
#: paragraph (else sentence-ish, else word) boundaries, then joined into one spaCy ``Doc``
#: over the whole text, so every record's offsets point into the article as given.
CHUNK_CHARS = 100_000

#: Wall-clock seconds one article may spend in the extraction stages (and, for a chunked
#: article, its parse) before it becomes a failure of its own; ``None`` or 0 disables it.
#: The budget grows with the text by ``ARTICLE_SECONDS_PER_MILLION_CHARS``, so that an
#: article at the size limit fits in it on a slow machine (300,000 characters took 49 s
#: here) while a stuck stage on an ordinary article stops after about a minute.
ARTICLE_SECONDS = 60.0
ARTICLE_SECONDS_PER_MILLION_CHARS = 400.0

#: URL fetching: the whole request (connect, redirects, body) must finish in this time.
URL_DEADLINE_SECONDS = 60.0
#: Seconds of silence allowed on one connect/read before the fetch fails.
URL_READ_TIMEOUT_SECONDS = 20.0
#: Bytes received on the wire for one URL (compressed, as sent).
URL_MAX_BYTES = 20 * 1024 * 1024
#: Bytes of the decompressed body of one URL (gzip/br/deflate bombs stop here).
URL_MAX_DECOMPRESSED_BYTES = 50 * 1024 * 1024

#: Bytes of one WARC record's payload (after gzip decompression) read as an article.
WARC_MAX_RECORD_BYTES = 20 * 1024 * 1024

#: Bytes of one text or HTML file, or of standard input, read into memory (JSONL files are
#: read a line at a time and have no size limit of their own).
MAX_FILE_BYTES = 64 * 1024 * 1024

#: Bytes of one JSONL line; a longer line is a failure of its own and the file goes on.
JSONL_MAX_LINE_BYTES = 16 * 1024 * 1024

#: Rows a query returns at most (``--limit`` above this is capped, never an overflow).
MAX_QUERY_ROWS = 1_000_000
