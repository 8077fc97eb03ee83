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
# languages that write compounds as one word: there a compound also counts as its head, the
# longest tail that is a word of its own ("Strompreise" holds "Preise", "Oberstaatsanwalt"
# "Staatsanwalt"), so "die Preise" meets "Strompreise" (the stem already meets "Strom")
COMPOUNDING = frozenset({"de"})
HEAD_MIN = 5  # shortest head worth a term: shorter tails ("Band" in "Verband") mislead
UNKNOWN_ZIPF = 2.5  # rarity assumed for a word missing from the common-word list

_WORD = re.compile(r"[^\W\d_]+")  # letters (stdlib re: faster than regex for this)
# a quotation (straight, curly, single curly, angled either way or German quotes), or an opened
# one running to the end; inside single quotes a ’ before a letter is an apostrophe ("don’t")
_QUOTED = re.compile(r'"[^"]*(?:"|$)|“[^”]*(?:”|$)|‘(?:[^’]|’(?=\w))*(?:’|$)|«[^»]*(?:»|$)'
                     r'|»[^«]*(?:«|$)|„[^“”]*(?:[“”]|$)', re.S)
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
    # verbs of a third party's reaction ("urged", "welcomed", "kınadı") and markers of a contrast
    # with what came before ("by contrast", "dagegen"): the story, seen from elsewhere
    reactions: tuple = ()
    speech: frozenset = frozenset()  # verbs that attribute a statement ("said", "sagte", "dijo")
    titles: frozenset = frozenset()  # honorifics before a surname ("Mr", "Frau", "Sra")
    voice: frozenset = frozenset()  # first-person singular and second-person pronouns ("I", "you")


@lru_cache(maxsize=None)
def lang_data(lang: str) -> LangData:
    path = os.path.join(DATA, f"{lang}.txt")
    stops, conns, back, chrome_w, chrome_p, react = set(), [], [], set(), [], []
    words = {"speech:": set(), "title:": set(), "voice:": set()}
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
                elif line.startswith(("reaction:", "contrast:")):  # both: judged alike
                    react.append(" ".join(lower(line.partition(":")[2], lang).split()))
                elif line.startswith("anaphora:"):
                    back.append(" ".join(lower(line[len("anaphora:"):], lang).split()))
                elif line.startswith(tuple(words)):
                    key, _, rest = line.partition(":")
                    words[key + ":"].update(lower(rest, lang).split())
                else:
                    stops.update(lower(w, lang) for w in line.split())
    except OSError:
        pass
    for phrase in conns + [b for b in back if " " not in b]:  # "Meanwhile", "Unterdessen", "This"
        stops.update(phrase.split())  # say nothing about the subject
    return LangData(frozenset(stops), tuple(sorted(conns, key=len, reverse=True)),
                    tuple(sorted(back, key=len, reverse=True)), frozenset(chrome_w), tuple(chrome_p),
                    tuple(sorted(react, key=len, reverse=True)), frozenset(words["speech:"]),
                    frozenset(words["title:"]), frozenset(words["voice:"]))


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
        _voice_pattern(lang)


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
def _voice_pattern(lang: str):
    """One regex for the language's voice pronouns (None without any)."""
    words = lang_data(lang).voice if lang in LANGS else ()
    if not words:
        return None
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.I)


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
    heads: dict = field(default_factory=dict)  # stem of a compound -> stem of its head (German)
    tokens: int = 0  # words read
    stops: int = 0  # of them, stop words of the article's language
    known: int = 0  # of them, words on the language's common-word list
    latin: int = 0  # of them, in Latin script
    chrome: str = ""  # a site-chrome cue word it holds ("newsletter", "©"), if any
    chrome_cues: int = 0  # distinct cue words it holds

    @property
    def total(self) -> float:
        return fsum(self.weights.values())

    def keys(self) -> set:
        """Its stems and its compounds' heads: what another block may meet it by."""
        return set(self.weights).union(self.heads.values()) if self.heads else set(self.weights)


class Analyzer:
    def __init__(self, lang: str):
        self.lang = lang
        data = lang_data(lang) if lang in LANGS else LangData(frozenset(), ())
        self.stops = data.stops
        self.connectives = data.connectives
        self.anaphora = data.anaphora
        self.reactions = data.reactions
        self.speech, self.titles = data.speech, data.titles
        self.chrome_words, self.chrome_prefixes = data.chrome_words, data.chrome_prefixes
        self.common = common_words(lang) if lang and lang != "und" else {}
        # German capitalises every noun: there only a rare capitalised word passes for a name
        self.name_ceiling = 3.8 if lang == "de" else 4.5
        self._cache = _word_cache(lang)
        self.stem_len = STEM_BY_LANG.get(lang, STEM)
        self.compounds = lang in COMPOUNDING

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

    def _head(self, lw: str, stem: str):
        """The stem of a compound's head: its longest tail of at least HEAD_MIN letters,
        after a modifier of at least three, that the common-word list holds as a content word;
        None for a word without one, or whose head adds nothing to its stem."""
        for i in range(3, len(lw) - HEAD_MIN + 1):
            tail = lw[i:]
            z = self.common.get(tail)
            if z is not None and z < COMMON_ZIPF and tail not in self.stops:
                head = self._stem(tail)
                return None if head == stem else head
        return None

    def _word(self, w: str):
        """(known, latin, stop, stem, weight, zipf, name_candidate, upper, chrome cue, compound
        head) for one word, cached."""
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
            stem = self._stem(lw) if content else None
            head = self._head(lw, stem) if self.compounds and stem and len(lw) >= HEAD_MIN + 3 else None
            info = (known, w[0] < "\u0250", stop, stem, min(3.5, 6.0 - z), z,
                    w[0].isupper() and z < self.name_ceiling, upper, chrome, head)
            if len(self._cache) < 200_000:
                self._cache[w] = info
        return info

    def terms(self, text: str) -> Terms:
        out = Terms()
        weights, shown, names, entities, heads = out.weights, out.shown, out.names, out.entities, out.heads
        tokens = known_n = latin_n = stops_n = 0
        chrome_cue, cues = "", None
        word, cache = self._word, self._cache
        boundary = True  # at a sentence (or quote, bracket, dash) start
        in_name = False  # the previous token was a name: a following name joins its entity
        for w, punct in _TOKEN.findall(text):
            if punct:
                boundary, in_name = True, False
                continue
            known, latin, stop, stem, weight, z, cap, upper, chrome, head = cache.get(w) or word(w)
            tokens += 1
            if chrome:
                chrome_cue = w
                cues = (cues or set()) | {w.lower()}
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
            if head is not None and stem not in heads:
                heads[stem] = head
        out.tokens, out.known, out.latin, out.stops = tokens, known_n, latin_n, stops_n
        out.chrome = chrome_cue or ("©" if "©" in text else "")
        out.chrome_cues = len(cues) if cues else (1 if out.chrome else 0)
        return out

    def foreign(self, t: Terms, text: str) -> bool:
        """True when a block's words are mostly not the article's language (checked only for
        blocks long enough to tell): few of its words are the language's common words, or few
        are its function words and another language's outnumber them."""
        if t.tokens < 12 or not self.stops:
            return False
        if self.lang == "ru":
            return t.latin > t.tokens / 2
        if t.known < 0.75 * t.tokens:
            return True
        floor = 0.02 if self.lang == "tr" else 0.1
        if t.stops >= floor * t.tokens:
            return False
        # few function words of its own: another language's, or hardly any at all (a box score,
        # a recipe's ingredient line), which is still this language ("Ben Hart 1 goal" holds
        # Turkish "ben" by chance: it takes two)
        words = _WORD.findall(lower(text, self.lang))
        return any(sum(1 for w in words if w in lang_data(other).stops) > max(1, t.stops)
                   for other in LANGS if other != self.lang)

    def connective(self, text: str) -> str:
        """The topic-shift connective opening ``text``, or ''."""
        return self._opener(text, self.connectives)

    def refers_back(self, text: str) -> str:
        """The opener pointing back at the previous text ("This development ..."), or ''."""
        return self._opener(text, self.anaphora)

    def reaction(self, text: str) -> str:
        """The reaction verb ("urged", "welcomed") or contrast marker ("by contrast", "dagegen")
        in the first sentence of ``text``, or '': a third party responding to the story, or a
        comparison set against it, in its own words."""
        if not self.reactions:
            return ""
        first = _FIRST_SENTENCE.match(text)
        head = lower(first.group() if first else text[:240], self.lang)
        words = " " + " ".join(_WORD.findall(head)) + " "
        for r in self.reactions:
            if r[-1] == "*":  # the last word inflects ("karşıla*": karşıladı, karşıladığını)
                at = words.find(f" {r[:-1]}")
                if at >= 0:
                    return words[at + 1:words.index(" ", at + len(r))]
            elif f" {r} " in words:
                return r
        return ""

    def speakers(self, text: str) -> list:
        """(word, term) of the people ``text`` quotes by a single name ("Brannigan said", "...,"
        said Okafor", "Mr. Lindqvist") without introducing them: news copy names someone in full
        ("Harbor Bank analyst Petra Novak") before it uses the surname alone. A name next to
        another capitalised word is a full name, and a single name the text also gives in full
        is introduced."""
        if not self.speech:
            return []
        toks = _TOKEN.findall(text)
        full, found = set(), {}
        for i, (w, _) in enumerate(toks):
            if not w or w[0].islower():
                continue
            before = toks[i - 1][0] if i else ""
            after = toks[i + 1][0] if i + 1 < len(toks) else ""
            lb = lower(before, self.lang)
            titled = lb in self.titles or (i >= 2 and toks[i - 1][1] == "." and
                                           lower(toks[i - 2][0], self.lang) in self.titles)
            if (before[:1].isupper() and not titled) or after[:1].isupper():
                full.add(w)
                continue
            if len(w) < 3:
                continue
            # "Brannigan said", "Mr. Lindqvist", or a quote's attribution: '..." said Okafor' (not
            # "Dunmore said Keller was ...", where Keller is spoken about)
            inverted = (i >= 2 and lb in self.speech and not toks[i - 2][0]
                        and toks[i - 2][1] not in ".!?")
            if titled or inverted or lower(after, self.lang) in self.speech:
                found.setdefault(w, not titled and (i == 0 or bool(toks[i - 1][1])))
        out = []
        for w, at_start in found.items():
            if w in full:
                continue
            _, _, stop, stem, _, z, cap, upper, _, _ = self._cache.get(w) or self._word(w)
            if not cap or stem is None or stop:
                continue
            # opening a sentence, a capitalised word is a name if rare; in English also one that
            # is not a common noun's plural ("Lindqvist said", not "Lawmakers said")
            if at_start and z > UNKNOWN_ZIPF and not upper and (
                    self.lang != "en" or w[-1:] == "s" and lower(w[:-1], self.lang) in self.common):
                continue
            out.append((w, stem))
        return out

    def voice(self, text: str) -> str:
        """A first-person singular or second-person pronoun outside quotation marks ("you", "I"):
        the text speaks as a writer or to the reader, not as a report; '' if none."""
        pattern = _voice_pattern(self.lang)
        if pattern is None or not pattern.search(text):  # the common case: no such word at all
            return ""
        for m in pattern.finditer(_QUOTED.sub(" ", text)):
            w = m.group()
            if len(w) > 1 or w.isupper():  # English "I", not a stray "i"
                return w
        return ""

    def _opener(self, text: str, phrases) -> str:
        head = " ".join(lower(text[:60], self.lang).split())
        for c in phrases:
            if head.startswith(c) and (len(head) == len(c) or not head[len(c)].isalnum()):
                return text[:len(c)]
        return ""
