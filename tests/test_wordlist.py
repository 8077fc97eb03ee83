"""lint.wordlist: wordfreq's lists cached on disk, the full list searched in place."""
import pytest

from lint import wordlist


def test_search_finds_every_line_of_a_sorted_file_and_nothing_else(tmp_path):
    words = sorted(["a", "ab", "abc", "b", "harbour", "zebra", "ärger", "город", "şehir"],
                   key=lambda w: w.encode("utf-8"))
    path = tmp_path / "list.tsv"
    path.write_bytes(b"".join(b"%s\t%d.00\n" % (w.encode("utf-8"), i) for i, w in enumerate(words)))
    for i, w in enumerate(words):
        assert wordlist._search(str(path), w.encode("utf-8")) == float(i)
    for missing in ("", "aa", "abcd", "zz", "0", "городок"):
        assert wordlist._search(str(path), missing.encode("utf-8")) == 0.0


@pytest.mark.parametrize("lang, words", [
    ("en", ["harbour", "HARBOUR", "designatedhuman", "siloed"]),
    ("de", ["außerdem", "Straße", "hafenumschlag"]),
    ("tr", ["İstanbul", "ılık", "milletiyle"]),
])
def test_zipf_agrees_with_wordfreq(tmp_path, monkeypatch, lang, words):
    wordfreq = pytest.importorskip("wordfreq")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path))
    wordlist._full_list.cache_clear()
    try:
        for w in words:
            assert wordlist.zipf(w, lang) == pytest.approx(wordfreq.zipf_frequency(w, lang), abs=0.011)
    finally:
        wordlist._full_list.cache_clear()
