"""The article's language: a cheap, deterministic stop-word vote owned by the engine, with a
seeded langdetect (loaded lazily, fed a bounded sample) only when the vote is unsure.

The function-word lists live in lint/data/stopwords/<lang>.txt (several words a line, ``#``
comments); rule families read them through :func:`stopwords` instead of keeping their own.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

_factory_ready = False
SAMPLE_CHARS = 1500
GUESS_CHARS = 2000  # the vote reads the first text blocks up to this many characters
STOPWORDS_DIR = os.path.join(os.path.dirname(__file__), "data", "stopwords")


# -- langdetect ------------------------------------------------------------------------------------

def _ensure_factory():
    global _factory_ready
    if not _factory_ready:
        from langdetect import DetectorFactory

        DetectorFactory.seed = 0  # deterministic results across runs and processes
        _factory_ready = True


def detect(text: str) -> tuple[str, float]:
    """(language code, probability) for ``text``, or ('und', 0.0)."""
    if not text.strip():
        return "und", 0.0
    _ensure_factory()
    from langdetect import detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return "und", 0.0
    code = best.lang.split("-")[0]
    return code, best.prob


def detect_article_language(article) -> str:
    # the longest paragraphs say most about the language; cap the sample to keep this cheap
    parts, size = [], 0
    for b in sorted(article.paragraphs, key=lambda b: -len(b.text)):
        parts.append(b.text)
        size += len(b.text)
        if size >= SAMPLE_CHARS:
            break
    code, _ = detect(" ".join(parts)[:SAMPLE_CHARS * 2])
    return code


# -- stop words ------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def stopwords(lang: str) -> frozenset:
    """The function words of ``lang`` (lower case), or an empty set for a language without a list."""
    path = os.path.join(STOPWORDS_DIR, f"{lang}.txt")
    if not lang or not os.path.exists(path):
        return frozenset()
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.lstrip().startswith("#"):
                words.update(line.lower().split())
    return frozenset(words)


@lru_cache(maxsize=None)
def stopword_languages() -> tuple[str, ...]:
    """The languages with a function-word list, sorted."""
    return tuple(sorted(n[:-4] for n in os.listdir(STOPWORDS_DIR) if n.endswith(".txt")))


# -- scripts ---------------------------------------------------------------------------------------

LATIN, CYRILLIC, GREEK, CJK = "Latin", "Cyrillic", "Greek", "CJK"
_RANGES = (  # (first, last, script); CJK groups Han, kana and Hangul
    (0x0041, 0x024F, LATIN), (0x1E00, 0x1EFF, LATIN), (0x0370, 0x03FF, GREEK),
    (0x1F00, 0x1FFF, GREEK), (0x0400, 0x052F, CYRILLIC), (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"), (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"),
    (0x0900, 0x097F, "Devanagari"), (0x0E00, 0x0E7F, "Thai"), (0x10A0, 0x10FF, "Georgian"),
    (0x1100, 0x11FF, CJK), (0x3040, 0x30FF, CJK), (0x3130, 0x318F, CJK), (0x3400, 0x4DBF, CJK),
    (0x4E00, 0x9FFF, CJK), (0xAC00, 0xD7AF, CJK), (0xFB50, 0xFEFF, "Arabic"),
)
# the script a language is written in (default Latin)
LANGUAGE_SCRIPT = {"ru": CYRILLIC, "uk": CYRILLIC, "bg": CYRILLIC, "mk": CYRILLIC, "be": CYRILLIC,
                   "kk": CYRILLIC, "el": GREEK, "ko": CJK, "ja": CJK, "zh": CJK, "ar": "Arabic",
                   "fa": "Arabic", "ur": "Arabic", "he": "Hebrew", "hi": "Devanagari",
                   "mr": "Devanagari", "ne": "Devanagari", "th": "Thai", "ka": "Georgian",
                   "hy": "Armenian", "sr": "", "bs": ""}
SCRIPT_LANGUAGE = {GREEK: "el", "Hebrew": "he", "Arabic": "ar", "Devanagari": "hi", "Thai": "th",
                   "Georgian": "ka", "Armenian": "hy"}


@lru_cache(maxsize=4096)
def char_script(ch: str) -> str:
    o = ord(ch)
    if o < 0x41:
        return ""
    if o <= 0x7A:
        return LATIN if ch.isalpha() else ""
    if o in (0xD7, 0xF7):
        return ""
    for lo, hi, name in _RANGES:
        if lo <= o <= hi:
            return name if ch.isalpha() else ""
    return "Other" if ch.isalpha() else ""


_LATIN_CHARS: frozenset | None = None
_LATIN_LETTER_RX = None


def has_latin_letter(text: str) -> bool:
    """Whether ``text`` holds a Latin letter (A-Z, a-z, U+00C0-U+024F less ×÷, U+1E00-U+1EFF)."""
    global _LATIN_CHARS
    if _LATIN_CHARS is None:
        _LATIN_CHARS = frozenset(chr(c) for lo, hi in ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0xD6),
                                                       (0xD8, 0xF6), (0xF8, 0x24F), (0x1E00, 0x1EFF))
                                 for c in range(lo, hi + 1))
    return not _LATIN_CHARS.isdisjoint(text)


def non_latin_letters(text: str) -> list[str]:
    """The distinct letters of ``text`` outside the Latin ranges (not decimal digits, not '_'),
    in order of first occurrence."""
    out = []
    for ch in dict.fromkeys(text):
        if ch >= "\u00aa" and ch.isalnum() and not ch.isdecimal() and not (
                "\u00c0" <= ch <= "\u024f" or "\u1e00" <= ch <= "\u1eff"):
            out.append(ch)
    return out


def script_counts(text: str, latin: bool = True) -> dict[str, int]:
    """Letters per script in ``text`` (only non-Latin letters are classified, once each)."""
    global _LATIN_LETTER_RX
    counts = {}
    if latin:
        if _LATIN_LETTER_RX is None:
            _LATIN_LETTER_RX = re.compile(r"[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]")
        counts[LATIN] = len(text) - len(_LATIN_LETTER_RX.sub("", text))
    for ch in non_latin_letters(text):
        sc = char_script(ch)
        if sc:
            counts[sc] = counts.get(sc, 0) + text.count(ch)
    return counts


# -- the vote --------------------------------------------------------------------------------------

_STRIP = "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~«»“”„‘’‚‹›—–…·•'"


def vote_text(sample: str, min_hits: int = 12, margin: float = 1.6, share: float = 0.12,
              languages: tuple | None = None) -> str:
    """The language of ``sample`` by its script and, for Latin and Cyrillic text, a vote of the
    function words of every language with a list; '' when the vote is not confident: fewer than
    ``min_hits`` function words, less than ``margin`` times the runner-up, or under ``share`` of
    the words. (``vote_text(s, 1, 1.0, 0.0)`` is a plain plurality: ties go to the code that
    sorts last.) ``languages`` restricts the candidates to those a caller has data for."""
    scripts = script_counts(sample, latin=False)
    others = sum(scripts.values())
    if others < 0.25 * len(sample):
        if not has_latin_letter(sample):
            return ""
        scripts[LATIN] = len(sample) - others  # a rough count is enough here
    if not scripts:
        return ""
    main = max(scripts, key=scripts.get)
    if main == CJK:
        kana = len(re.findall(r"[\u3040-\u30FF]", sample))
        hangul = len(re.findall(r"[\uAC00-\uD7AF]", sample))
        return "ko" if hangul > kana else ("ja" if kana else "zh")
    if main in SCRIPT_LANGUAGE:
        return SCRIPT_LANGUAGE[main]
    from collections import Counter

    words = Counter(sample.lower().split())
    # one membership test per language and distinct word
    sets = [(l, stopwords(l)) for l in (languages or stopword_languages())]

    def langs_of(word):
        return [l for l, ws in sets if word in ws]

    hits: dict[str, int] = {}
    n_words = 0
    for w, n in words.items():
        if not w[:1].isalpha():
            w = w.strip(_STRIP)
            if not w[:1].isalpha():
                continue
        n_words += n
        langs = langs_of(w) or langs_of(w.strip(_STRIP))
        for l in langs:
            hits[l] = hits.get(l, 0) + n
    ranked = sorted(((n, l) for l, n in hits.items() if LANGUAGE_SCRIPT.get(l, LATIN) == main),
                    reverse=True)
    if not ranked:
        return ""
    top, lang = ranked[0]
    second = ranked[1][0] if len(ranked) > 1 else 0
    if top >= min_hits and top >= margin * second and top >= share * n_words:
        return lang
    return ""


def vote_sample(article) -> str:
    """The text the vote reads: the article's first text blocks, up to GUESS_CHARS characters."""
    parts, size = [], 0
    for b in article.text_blocks:
        parts.append(b.text)
        size += len(b.text) + 1
        if size >= GUESS_CHARS:
            break
    return "\n".join(parts)


def vote(article) -> str:
    """:func:`vote_text` over :func:`vote_sample`, cached on the article; '' when unsure."""
    cached = article.annotations.get("newslint.language-vote")
    if cached is not None:
        return cached
    lang = vote_text(vote_sample(article))
    article.annotations["newslint.language-vote"] = lang
    return lang


def pinned_language(article) -> str:
    """The language set by configuration, or ''."""
    s = article.language_setting
    return s if s and s != "auto" else ""


def declared_language(article) -> str:
    """The language the metadata declares (front matter, ``<html lang>``), normalised, or ''."""
    meta = article.metadata.get("language") or article.metadata.get("lang")
    return str(meta).split("-")[0].split("_")[0].lower() if meta else ""


def cheap_language(article) -> str:
    """The article's language without langdetect: the configured one; else a confident vote of
    the text (a page's declared language is often the site's, not the story's: an English story
    on a German site says lang="de"); else the declared one; else '' (unsure)."""
    return pinned_language(article) or vote(article) or declared_language(article)
