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
    """Frequency of ``word`` on the full wordfreq list (loads it: use only for rare candidates)."""
    import wordfreq

    return wordfreq.zipf_frequency(word, lang)
