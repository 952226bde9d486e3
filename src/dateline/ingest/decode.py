"""Bytes to text: refuse binaries, prefer UTF-8, accept a confidently detected legacy encoding."""

from __future__ import annotations

from dateline.errors import BinaryInput, DecodeError, EmptyInput

# magic numbers of formats people pass by mistake (images, archives, PDFs, office files)
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\x7fELF")


def looks_binary(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith(_MAGIC) or b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(8, len(head) // 100)


def decode_text(data: bytes, name: str) -> str:
    """Decode an article's bytes, or raise an ``InputError`` that says what is wrong."""
    if not data.strip():
        raise EmptyInput(f"{name}: empty input")
    if looks_binary(data):
        raise BinaryInput(f"{name}: binary data, not a text, HTML, JSONL or WARC article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _detect(data)
        if text is None:
            raise DecodeError(
                f"{name}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}) "
                "and no other encoding fits; re-encode it as UTF-8"
            ) from None
    if not text.strip():
        raise EmptyInput(f"{name}: empty input")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _detect(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.chaos > 0.1 or best.encoding in ("utf_16", "utf_32"):
        return None
    return str(best)
