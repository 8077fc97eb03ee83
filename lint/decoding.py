"""Bytes to text: encodings, BOMs and line endings, with errors that say what went wrong."""
from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass


class InputError(Exception):
    """A file that cannot be linted; the message is the cause, in a few words."""


@dataclass(slots=True)
class Decoded:
    text: str  # '\n' line endings, no BOM
    encoding: str
    bom: bool
    newline: str  # the file's dominant line ending: '\n', '\r\n' or '\r'


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Legacy single-byte encodings a newsroom meets, tried when UTF-8 fails. Each is scored by how
# plausible its decoding looks; the best wins.
_LEGACY = ("cp1251", "cp1254", "cp1252", "iso-8859-9", "koi8-r", "cp1250", "iso-8859-15")


def detect_newline(text: str) -> str:
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    if crlf >= lf and crlf >= cr and crlf:
        return "\r\n"
    if cr > lf:
        return "\r"
    return "\n"


_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    control = len(sample) - len(sample.translate(None, _CONTROL))
    return bool(sample) and control / len(sample) > 0.05


def _plausibility(text: str) -> float:
    """How much a decoding looks like real words: penalise words that mix scripts or are
    mostly accented Latin letters (what Cyrillic read as a Latin code page looks like)."""
    sample = text[:20000]
    # random bytes read through a code page: box drawing, symbols, unassigned code points and
    # hardly any spaces, where prose has a space every few letters
    odd = sum(1 for ch in sample if ch > "\x7f" and unicodedata.category(ch) in _ODD)
    spaces = sum(1 for ch in sample if ch.isspace())
    if odd > len(sample) * 0.02 or (len(sample) > 200 and spaces < len(sample) * 0.03):
        return 0.0
    good = bad = 0
    for word in _WORD.findall(sample):
        cyr = sum("\u0400" <= ch <= "\u04ff" for ch in word)
        accented = sum("\u00c0" <= ch <= "\u024f" for ch in word)
        ascii_ = sum(ch.isascii() for ch in word)
        if cyr and ascii_ + accented:
            bad += 1
        elif accented > max(1, len(word) // 3):
            bad += 1
        else:
            good += 1
    return good / ((good + bad) or 1)


_WORD = re.compile(r"[^\W\d_]{2,}")
_ODD = frozenset(("So", "Co", "Cn", "Cc", "Cs"))


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a file's bytes or raise InputError naming the cause."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as e:
                raise InputError(f"not valid {enc} despite its byte-order mark ({e.reason} at byte {e.start})")
            return _finish(text, enc.replace("-le", "").replace("-be", "") if enc.startswith("utf-8") else enc, True)
    if _looks_binary(data):
        raise InputError("binary file (NUL or control bytes), not text")
    try:
        return _finish(data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError as utf8_error:
        candidates = [declared] if declared else []
        best, best_score = None, -1.0
        for enc in [*candidates, *_LEGACY]:
            try:
                text = data.decode(enc)
            except (UnicodeDecodeError, LookupError):
                continue
            score = _plausibility(text)
            if score > best_score:
                best, best_score = (text, enc), score
        if best is None or best_score < 0.5:
            raise InputError(
                f"cannot decode: not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
                "and no legacy encoding fits"
            )
        return _finish(best[0], best[1], False)


def _finish(text: str, encoding: str, bom: bool) -> Decoded:
    newline = detect_newline(text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Decoded(text, encoding, bom, newline)


def encode(text: str, decoded: Decoded) -> bytes:
    """Inverse of decode for a '\n' text: the original encoding, BOM and line endings."""
    if decoded.newline != "\n":
        text = text.replace("\n", decoded.newline)
    enc = decoded.encoding
    if decoded.bom:
        if enc == "utf-8":
            return codecs.BOM_UTF8 + text.encode("utf-8")
        bom = dict((e, b) for b, e in _BOMS)[enc]
        return bom + text.encode(enc)
    return text.encode(enc)
