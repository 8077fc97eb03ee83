"""Common words per language from wordfreq, cached on disk so start-up stays cheap.

Importing wordfreq and reading its lists costs ~170 ms; the first run writes the small list of a
language as a plain text file under the user's cache folder, and later runs read that in a few ms.
"""
from __future__ import annotations

import os
import tempfile
from functools import lru_cache


def cache_dir() -> str:
    return os.environ.get("NEWSLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"),
        "newslint")



def _wordfreq_stamp(lang: str) -> str:
    """Identifies the installed list without importing wordfreq: its data file's size and mtime."""
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    if spec is None or not spec.origin:
        return "none"
    data = os.path.join(os.path.dirname(spec.origin), "data", f"small_{lang}.msgpack.gz")
    try:
        st = os.stat(data)
    except OSError:
        return "none"
    return f"{st.st_size}-{int(st.st_mtime)}"


@lru_cache(maxsize=None)
def common_words(lang: str) -> dict[str, float]:
    """{word: zipf frequency} for the common words of ``lang`` (wordfreq's 'small' list)."""
    path = os.path.join(cache_dir(), f"wordfreq-small-{lang}-{_wordfreq_stamp(lang)}.txt")
    try:
        # one line per frequency band: "zipf word word word ..." (fast to parse)
        out: dict[str, float] = {}
        with open(path, encoding="utf-8") as f:
            for line in f:
                z, _, words = line.partition(" ")
                out.update(dict.fromkeys(words.split(), float(z)))
        if out:
            return out
    except (OSError, ValueError):
        pass
    import wordfreq

    try:
        freqs = wordfreq.get_frequency_dict(lang, wordlist="small")
    except (LookupError, ValueError):
        return {}
    out = {w: round(wordfreq.freq_to_zipf(f), 1) for w, f in freqs.items() if " " not in w}
    bands: dict[float, list[str]] = {}
    for w, z in out.items():
        bands.setdefault(z, []).append(w)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path))
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.writelines(f"{z} {' '.join(ws)}\n" for z, ws in sorted(bands.items()))
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home only costs the next run the same ~170 ms
    return out


def zipf(word: str, lang: str) -> float:
    """Frequency of ``word`` on wordfreq's full list. The list is large (300,000 to 700,000 words,
    a second to load); the first call writes it, sorted, to the cache folder, and every lookup is a
    binary search in that file: a millisecond, nothing held in memory."""
    word = _fold(word, lang)
    path = _full_list(lang)
    if path is None:
        import wordfreq

        return wordfreq.zipf_frequency(word, lang)
    return _search(path, word.encode("utf-8"))


def _fold(word: str, lang: str) -> str:
    """The key wordfreq itself would look up: NFC, then case-folded (ß -> ss), with Turkish and
    Azerbaijani dotted and dotless i kept apart."""
    import unicodedata

    word = unicodedata.normalize("NFC", word)
    if lang in ("tr", "az"):
        return word.replace("İ", "i").replace("I", "ı").lower()
    return word.casefold()


def _full_stamp(lang: str) -> str:
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    if spec is None or not spec.origin:
        return "none"
    for name in (f"large_{lang}.msgpack.gz", f"small_{lang}.msgpack.gz"):
        try:
            st = os.stat(os.path.join(os.path.dirname(spec.origin), "data", name))
        except OSError:
            continue
        return f"{name.split('_')[0]}-{st.st_size}-{int(st.st_mtime)}"
    return "none"


@lru_cache(maxsize=None)
def _full_list(lang: str) -> str | None:
    """The cache file of the full list, "word<TAB>zipf" lines sorted by their UTF-8 bytes."""
    stamp = _full_stamp(lang)
    if stamp == "none":
        return None
    path = os.path.join(cache_dir(), f"wordfreq-full-{lang}-{stamp}.tsv")
    if os.path.exists(path):
        return path
    import wordfreq

    try:
        freqs = wordfreq.get_frequency_dict(lang, wordlist="best")
    except (LookupError, ValueError):
        return None
    rows = sorted((w.encode("utf-8"), round(wordfreq.freq_to_zipf(f), 2)) for w, f in freqs.items()
                  if "\t" not in w and "\n" not in w)
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path))
        with os.fdopen(fd, "wb") as f:
            f.writelines(b"%s\t%.2f\n" % row for row in rows)
        os.replace(tmp, path)
    except OSError:
        return None  # a read-only home: ask wordfreq itself, as before
    return path


def _search(path: str, key: bytes) -> float:
    """Binary search of a sorted "word<TAB>zipf" file by byte offsets: O(log n) short reads."""
    with open(path, "rb") as f:
        lo, hi = 0, os.fstat(f.fileno()).st_size
        # invariant: every line starting before lo sorts below key; lines from hi on sort above
        while lo < hi:
            mid = (lo + hi) // 2
            if mid:
                f.seek(mid - 1)
                f.readline()  # to the first line that starts at or after mid
            else:
                f.seek(0)
            start = f.tell()
            line = f.readline()
            if not line or start >= hi:
                hi = mid
                continue
            word, _, z = line.rstrip(b"\n").partition(b"\t")
            if word == key:
                return float(z)
            if word < key:
                lo = f.tell()
            else:
                hi = mid
    return 0.0
