"""Bytes to text: refuse binaries, prefer UTF-8, accept a confidently detected legacy encoding.

A byte-order mark decides first (UTF-8, UTF-16 and UTF-32 with a BOM are text, though
UTF-16 is full of NUL bytes). Bytes that are not UTF-8 are decoded with the encoding
``charset_normalizer`` finds, when it finds one with little chaos; the guess is returned
so that the article carries a ``guessed_encoding`` flag naming it.
"""

from __future__ import annotations

import codecs

from dateline.errors import BinaryInput, DecodeError, EmptyInput

# magic numbers of formats people pass by mistake (images, archives, PDFs, office files)
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\x7fELF")

# longest first: the UTF-32-LE mark begins with the UTF-16-LE one
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith(_MAGIC) or b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(head) // 100)


def _bom(data: bytes) -> str | None:
    return next((enc for mark, enc in _BOMS if data.startswith(mark)), None)


def decode_bytes(data: bytes, name: str) -> tuple[str, str | None]:
    """Decode an article's bytes: ``(text, guessed)``, where ``guessed`` names the legacy
    encoding used when the bytes were not UTF-8 (else None); or raise an ``InputError``."""
    if not data.strip():
        raise EmptyInput(f"{name}: empty input")
    guessed: str | None = None
    bom = _bom(data)
    text = _bom_text(data, bom) if bom not in (None, "utf-8-sig") else None
    if text is None:
        if looks_binary(data):
            raise BinaryInput(f"{name}: binary data, not a text, HTML, JSONL or WARC article")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if _mostly_utf8(data):
                raise DecodeError(
                    f"{name}: invalid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}) in a text "
                    "that is otherwise UTF-8; refusing to guess a legacy encoding that would garble it"
                ) from None
            found = _detect(data)
            if found is None:
                raise DecodeError(
                    f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}) "
                    "and no other encoding fits; re-encode it as UTF-8"
                ) from None
            text, guessed = found
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise EmptyInput(f"{name}: empty input")
    if looks_binary(text[:4096].encode("utf-8", "replace")):
        raise BinaryInput(f"{name}: binary data, not a text, HTML, JSONL or WARC article")
    return text.replace("\r\n", "\n").replace("\r", "\n"), guessed


def _bom_text(data: bytes, encoding: str) -> str | None:
    """UTF-16/32 text behind a byte-order mark, when it decodes and reads as text.

    Random bytes may start with FF FE too; their "UTF-16" is a jumble of scripts that
    ``charset_normalizer``'s mess ratio scores high, and they go on to the usual checks.
    """
    from charset_normalizer.md import mess_ratio

    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return text if mess_ratio(text[:10_000], 1.0) < 0.02 else None


def decode_text(data: bytes, name: str) -> str:
    """Decode an article's bytes, or raise an ``InputError`` that says what is wrong."""
    return decode_bytes(data, name)[0]


def _mostly_utf8(data: bytes) -> bool:
    """Valid multi-byte UTF-8 sequences outnumber the broken bytes: UTF-8 with damage, not
    a legacy encoding (cp1251 or Latin-1 text almost never forms valid UTF-8 sequences)."""
    text = data.decode("utf-8", "replace")
    broken = text.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    return valid > broken


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.1 or best.encoding in ("utf_16", "utf_32"):
        return None
    return str(best), best.encoding
