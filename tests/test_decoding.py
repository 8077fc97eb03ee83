"""Bytes to text: BOMs, UTF-16, legacy code pages, line endings, and inputs that cannot be read."""
import codecs
import random

import pytest

from lint.decoding import InputError, decode, detect_newline, encode

RU = "Городской совет утвердил бюджет на следующий год после долгих обсуждений.\n"
TR = "Belediye meclisi, uzun tartışmaların ardından gelecek yılın bütçesini onayladı.\n"
DE = "Der Stadtrat hat den Haushalt für das kommende Jahr nach langer Debatte beschlossen.\n"


def test_plain_utf8_without_bom():
    d = decode("Zürich council — “quoted”\n".encode("utf-8"))
    assert (d.text, d.encoding, d.bom, d.newline) == ("Zürich council — “quoted”\n", "utf-8", False, "\n")


def test_utf8_bom_is_removed_and_remembered():
    d = decode(codecs.BOM_UTF8 + "Headline\nBody\n".encode("utf-8"))
    assert d.text == "Headline\nBody\n"
    assert d.encoding == "utf-8" and d.bom


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    d = decode(bom + RU.encode(codec))
    assert d.text == RU
    assert d.bom and d.encoding == codec


@pytest.mark.parametrize("text, codec", [(RU, "cp1251"), (TR, "cp1254"), (DE, "latin-1")])
def test_legacy_code_pages_are_detected(text, codec):
    d = decode((text * 3).encode(codec))
    assert d.text == text * 3
    assert not d.bom


def test_crlf_and_cr_endings_become_newlines_and_are_remembered():
    crlf = decode(b"one\r\ntwo\r\n")
    cr = decode(b"one\rtwo\r")
    assert crlf.text == cr.text == "one\ntwo\n"
    assert crlf.newline == "\r\n" and cr.newline == "\r"


def test_detect_newline_picks_the_dominant_ending():
    assert detect_newline("a\r\nb\r\nc\n") == "\r\n"
    assert detect_newline("a\nb\nc\r\n") == "\n"
    assert detect_newline("no ending") == "\n"


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",  # NUL bytes
    bytes(range(1, 9)) * 200,  # control bytes
])
def test_binary_input_is_refused_with_its_cause(data):
    with pytest.raises(InputError, match="binary"):
        decode(data)


def test_undecodable_input_names_the_cause():
    # random high bytes: not UTF-8, and every code page reads them as gibberish
    data = bytes(random.Random(7).randrange(0x80, 0x100) for _ in range(4000))
    with pytest.raises(InputError, match="cannot decode|not UTF-8"):
        decode(data)


def test_broken_utf16_after_bom_is_an_error_not_a_crash():
    with pytest.raises(InputError, match="byte-order mark"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate


@pytest.mark.parametrize("raw", [
    b"plain\nascii\n",
    codecs.BOM_UTF8 + "B\u00f6m\r\nCRLF\r\n".encode("utf-8"),
    codecs.BOM_UTF16_LE + "\u0448\u0438\r\n".encode("utf-16-le"),
    (RU * 2).replace("\n", "\r").encode("cp1251"),
])
def test_encode_is_the_inverse_of_decode(raw):
    d = decode(raw)
    assert encode(d.text, d) == raw
