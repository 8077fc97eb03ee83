"""Text helpers for the off-topic rule: per-language data, the engine's cheap language, and the
weighted content terms and names of a block. Nothing heavy is imported at module import."""
from __future__ import annotations

from math import fsum  # exact: independent of set/dict order, which varies by process

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache

DATA = os.path.join(os.path.dirname(__file__), "data", "topic")
LANGS = ("en", "tr", "ru", "de", "es")
STEM = 5  # a term is the first STEM letters of a lower-case word: copes with inflection
# per language: English inflects little, so a longer prefix keeps unrelated words apart
# ("presi-dent" / "presi-ded", "campa-ign" / "campa-ny"); Turkish, Russian, German and Spanish
# need the short one to meet their case and verb endings
STEM_BY_LANG = {"en": 6}
COMMON_ZIPF = 5.6  # words at least this frequent carry no topic
UNKNOWN_ZIPF = 2.5  # rarity assumed for a word missing from the common-word list

_WORD = re.compile(r"[^\W\d_]+")  # letters (stdlib re: faster than regex for this)
_FIRST_SENTENCE = re.compile(r".{20,240}?[.!?](?=\s|$)", re.S)
# a word, or a character after which a capitalised word may open a sentence or quote
_TOKEN = re.compile(r"([^\W\d_]+)|([.!?:;…\"“”«»„‘’()\[\]—–]|(?<!\w)'|'(?!\w))")


@dataclass(frozen=True)
class LangData:
    stops: frozenset
    connectives: tuple  # lower-case phrases, longest first
    anaphora: tuple = ()  # openers pointing back at the text before ("This development ...")
    chrome_words: frozenset = frozenset()  # site-chrome cue words ...
    chrome_prefixes: tuple = ()  # ... and cue prefixes ("newsletter*")
    reactions: tuple = ()  # verbs of a third party's reaction ("urged", "welcomed", "kınadı")


@lru_cache(maxsize=None)
def lang_data(lang: str) -> LangData:
    path = os.path.join(DATA, f"{lang}.txt")
    stops, conns, back, chrome_w, chrome_p, react = set(), [], [], set(), [], []
    try:
        with open(path, encoding="utf-8") as f:
            for raw in f:
                line = raw.split("#", 1)[0].strip()
                if not line:
                    continue
                if line.startswith("connective:"):
                    conns.append(" ".join(lower(line[len("connective:"):], lang).split()))
                elif line.startswith("chrome:"):
                    cue = lower(line[len("chrome:"):].strip(), lang)
                    (chrome_p.append(cue[:-1]) if cue.endswith("*") else chrome_w.add(cue))
                elif line.startswith("reaction:"):
                    react.append(" ".join(lower(line[len("reaction:"):], lang).split()))
                elif line.startswith("anaphora:"):
                    back.append(" ".join(lower(line[len("anaphora:"):], lang).split()))
                else:
                    stops.update(lower(w, lang) for w in line.split())
    except OSError:
        pass
    for phrase in conns + [b for b in back if " " not in b]:  # "Meanwhile", "Unterdessen", "This"
        stops.update(phrase.split())  # say nothing about the subject
    return LangData(frozenset(stops), tuple(sorted(conns, key=len, reverse=True)),
                    tuple(sorted(back, key=len, reverse=True)), frozenset(chrome_w), tuple(chrome_p),
                    tuple(sorted(react, key=len, reverse=True)))


@lru_cache(maxsize=None)
def common_words(lang: str) -> dict:
    """{word: zipf} of wordfreq's small list for ``lang`` (disk-cached by lint.wordlist)."""
    try:
        from lint.wordlist import common_words as cw
    except ImportError:  # an older engine: ask wordfreq directly
        try:
            import wordfreq

            return {w: wordfreq.freq_to_zipf(f) for w, f in
                    wordfreq.get_frequency_dict(lang, wordlist="small").items()}
        except Exception:
            return {}
    try:
        return cw(lang)
    except Exception:
        return {}


def warm_up() -> None:
    """Load the data of every supported language into this process's caches: the word lists
    (rules/data/topic), wordfreq's common words, and the per-word cache's table."""
    for lang in LANGS:
        lang_data(lang)
        common_words(lang)
        _word_cache(lang)


def lower(text: str, lang: str) -> str:
    if lang == "tr":
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def guess_language(article) -> str:
    """The article's language, cheaply: a pinned, declared or already-detected language if there
    is one (``article.language``: no langdetect then), else the engine's stop-word vote (over
    all its languages, then over LANGS only); 'und' when the vote is unsure or names a language
    without topic data (langdetect would cost more
    than the whole rule, and the rule stays quiet on 'und')."""
    from lint.language import declared_language, pinned_language, vote, vote_sample, vote_text

    if "language" in article.__dict__ or pinned_language(article) or declared_language(article):
        return article.language
    # the same vote among the languages with topic data only (Spanish text also has the
    # function words of Portuguese, Italian and French, which can leave the open vote unsure)
    lang = vote(article) or vote_text(vote_sample(article), languages=LANGS)
    return lang if lang in LANGS else "und"


@lru_cache(maxsize=None)
def _word_cache(lang: str) -> dict:
    return {}


@dataclass
class Terms:
    """Content terms of one block: {stem: weight}, name stems, and a display form per stem."""

    weights: dict = field(default_factory=dict)
    names: set = field(default_factory=set)
    entities: list = field(default_factory=list)  # runs of adjacent names: one person, place, firm
    shown: dict = field(default_factory=dict)
    tokens: int = 0  # words read
    stops: int = 0  # of them, stop words of the article's language
    known: int = 0  # of them, words on the language's common-word list
    latin: int = 0  # of them, in Latin script
    chrome: str = ""  # a site-chrome cue word it holds ("newsletter", "©"), if any

    @property
    def total(self) -> float:
        return fsum(self.weights.values())


class Analyzer:
    def __init__(self, lang: str):
        self.lang = lang
        data = lang_data(lang) if lang in LANGS else LangData(frozenset(), ())
        self.stops = data.stops
        self.connectives = data.connectives
        self.anaphora = data.anaphora
        self.reactions = data.reactions
        self.chrome_words, self.chrome_prefixes = data.chrome_words, data.chrome_prefixes
        self.common = common_words(lang) if lang and lang != "und" else {}
        # German capitalises every noun: there only a rare capitalised word passes for a name
        self.name_ceiling = 3.8 if lang == "de" else 4.5
        self._cache = _word_cache(lang)
        self.stem_len = STEM_BY_LANG.get(lang, STEM)

    def _stem(self, lw: str) -> str:
        """The term of a lower-case word: its first ``stem_len`` letters; in English after a light
        cut of the plural and verb endings, so "farms", "farmed", "farming" meet "farm"."""
        if self.lang == "en" and len(lw) > 4:
            if lw.endswith("ies"):
                lw = lw[:-3] + "y"
            elif lw.endswith("s") and not lw.endswith(("ss", "us", "is")):
                lw = lw[:-2] if lw.endswith(("ches", "shes", "xes", "sses")) else lw[:-1]
            elif lw.endswith("ing") and len(lw) > 6:
                lw = lw[:-3]
            elif lw.endswith("ed") and len(lw) > 5:
                lw = lw[:-2]
        return lw[:self.stem_len]

    def _word(self, w: str):
        """(known, latin, stop, stem, weight, zipf, name_candidate, upper, chrome cue) for one
        word, cached."""
        info = self._cache.get(w)
        if info is None:
            lw = lower(w, self.lang)
            z = self.common.get(lw)
            known = z is not None
            stop = lw in self.stops
            upper = w.isupper() and len(w) >= 2
            z = UNKNOWN_ZIPF if z is None else z
            content = not stop and (len(w) >= 3 or upper) and z < COMMON_ZIPF
            chrome = lw in self.chrome_words or bool(self.chrome_prefixes) and lw.startswith(self.chrome_prefixes)
            info = (known, w[0] < "\u0250", stop, self._stem(lw) if content else None,
                    min(3.5, 6.0 - z), z, w[0].isupper() and z < self.name_ceiling, upper, chrome)
            if len(self._cache) < 200_000:
                self._cache[w] = info
        return info

    def terms(self, text: str) -> Terms:
        out = Terms()
        weights, shown, names, entities = out.weights, out.shown, out.names, out.entities
        tokens = known_n = latin_n = stops_n = 0
        chrome_cue = ""
        word, cache = self._word, self._cache
        boundary = True  # at a sentence (or quote, bracket, dash) start
        in_name = False  # the previous token was a name: a following name joins its entity
        for w, punct in _TOKEN.findall(text):
            if punct:
                boundary, in_name = True, False
                continue
            known, latin, stop, stem, weight, z, cap, upper, chrome = cache.get(w) or word(w)
            tokens += 1
            if chrome:
                chrome_cue = w
            known_n += known
            latin_n += latin
            at_start, boundary = boundary, False
            if stop or stem is None:
                in_name = False
                if stop:
                    stops_n += 1
                continue
            # a capitalised word opening a sentence is a name only if it is rare
            if cap and (not at_start or z <= UNKNOWN_ZIPF or upper):
                names.add(stem)
                if in_name:
                    entities[-1].add(stem)
                else:
                    entities.append({stem})
                in_name = True
                weight = min(4.0, weight + 0.5)
                if stem not in shown or not shown[stem][0].isupper():
                    shown[stem] = w
            else:
                in_name = False
                if stem not in shown:
                    shown[stem] = w
            if weight > weights.get(stem, 0.0):
                weights[stem] = weight
        out.tokens, out.known, out.latin, out.stops = tokens, known_n, latin_n, stops_n
        out.chrome = chrome_cue or ("©" if "©" in text else "")
        return out

    def foreign(self, t: Terms) -> bool:
        """True when a block's words are mostly not the article's language (checked only for
        blocks long enough to tell)."""
        if t.tokens < 12 or not self.stops:
            return False
        if self.lang == "ru":
            return t.latin > t.tokens / 2
        floor = 0.02 if self.lang == "tr" else 0.1
        return t.stops < floor * t.tokens or t.known < 0.75 * t.tokens

    def connective(self, text: str) -> str:
        """The topic-shift connective opening ``text``, or ''."""
        return self._opener(text, self.connectives)

    def refers_back(self, text: str) -> str:
        """The opener pointing back at the previous text ("This development ..."), or ''."""
        return self._opener(text, self.anaphora)

    def reaction(self, text: str) -> str:
        """The reaction verb ("urged", "welcomed") in the first sentence of ``text``, or '': a
        third party responding to the story, in its own words."""
        if not self.reactions:
            return ""
        first = _FIRST_SENTENCE.match(text)
        head = lower(first.group() if first else text[:240], self.lang)
        words = " " + " ".join(_WORD.findall(head)) + " "
        for r in self.reactions:
            if f" {r} " in words:
                return r
        return ""

    def _opener(self, text: str, phrases) -> str:
        head = " ".join(lower(text[:60], self.lang).split())
        for c in phrases:
            if head.startswith(c) and (len(head) == len(c) or not head[len(c)].isalnum()):
                return text[:len(c)]
        return ""
