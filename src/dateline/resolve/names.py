"""The comparable form of a place name, shared by the gazetteer build and the lookups.

Why one function: the gazetteer is keyed by it, so the build and every lookup must
normalise the same way ("St. Louis" = "Saint Louis", "Deir ez-Zor" = "Deir ez Zor").
"""

from __future__ import annotations

import functools
import re
import unicodedata

_ABBREV = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port"}
_DROP = re.compile(r"[.'’`ʻʼ\u02bf\u02be]")
_SPLIT = re.compile(r"[\s\-‐–—_/,]+")


def fold(text: str) -> str:
    """Lowercase ASCII-folded text ("Gällivare" -> "gallivare")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@functools.lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The gazetteer key of a name: folded, no dots or apostrophes, common abbreviations spelled out."""
    words = [w for w in _SPLIT.split(_DROP.sub("", fold(text))) if w]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(_ABBREV.get(w, w) for w in words)


@functools.lru_cache(maxsize=65536)  # called per candidate and per other name, on the hot path
def same_name(a: str, b: str) -> bool:
    """Whether two name keys are one name's two forms ("dublin", "dublin city").

    Context must not count a name as evidence for itself: the longer form would vote for
    the shorter one's reading, so that a first wrong reading locks itself in.
    """
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    short, long = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return bool(short) and (long[: len(short)] == short or long[-len(short) :] == short)


def is_latin(text: str) -> bool:
    """True when every letter is Latin script (alternate names in other scripts are left out)."""
    return all(not (c.isalpha() and "LATIN" not in unicodedata.name(c, "")) for c in text)
