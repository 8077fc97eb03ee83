"""Foreign-language lines and fragments: text in another language than the article's.

The cheap tests run on every sentence (scripts, stop words, letters); langdetect only confirms the
few candidates they pick, with a seeded detector restricted to plausible languages. The helpers
here (tokens, scripts, the cheap article-language guess) are shared with the other families.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from lint import Option, Rule, hookimpl
from lint.lazyre import lazy_re
from lint.language import (CJK, CYRILLIC, GREEK, LANGUAGE_SCRIPT, LATIN, SCRIPT_LANGUAGE, _RANGES,
                           char_script, cheap_language,
                           script_counts, stopword_languages, stopwords)
from lint.language import has_latin_letter as _has_latin_letter
from lint.language import non_latin_letters as _non_latin_letters

DATA = os.path.join(os.path.dirname(__file__), "data", "language")

# -- data ------------------------------------------------------------------------------------------


def _data_lines(name: str) -> list[str]:
    path = os.path.join(DATA, name)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [l.strip() for l in f if l.strip() and not l.lstrip().startswith("#")]


@lru_cache(maxsize=None)
def word_languages() -> dict:
    """Stop word -> frozenset of the languages whose list has it."""
    out: dict[str, set] = {}
    for lang in stopword_languages():
        for w in stopwords(lang):
            out.setdefault(w, set()).add(lang)
    return {w: frozenset(v) for w, v in out.items()}


def _keyed(name: str) -> dict[str, str]:
    out = {}
    for line in _data_lines(name):
        key, _, value = line.partition(":")
        out[key.strip()] = value.strip()
    return out


@lru_cache(maxsize=None)
def letters() -> dict[str, frozenset]:
    return {k: frozenset(v) for k, v in _keyed("letters.txt").items()}


@lru_cache(maxsize=None)
def name_particles() -> frozenset:
    return frozenset(w for line in _data_lines("name-particles.txt") for w in line.split())


@lru_cache(maxsize=None)
def language_names() -> dict[str, str]:
    return _keyed("names.txt")


def language_name(code: str) -> str:
    return language_names().get(code, code)


# -- scripts and tokens ----------------------------------------------------------------------------

_CASED = (LATIN, CYRILLIC, GREEK)
_CJK_CHARS = r"\u1100-\u11FF\u3040-\u30FF\u3130-\u318F\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF"
_CJK_RANGES = ((0x1100, 0x11FF), (0x3040, 0x30FF), (0x3130, 0x318F), (0x3400, 0x4DBF),
               (0x4E00, 0x9FFF), (0xAC00, 0xD7AF))
_TOKEN = None
_TOKEN_PLAIN = None


def _has_cjk(text: str) -> bool:
    """Whether ``text`` holds a character of the CJK ranges (a C-level ``max`` first)."""
    if not text or max(text) < "\u1100":
        return False
    return any(lo <= ord(c) <= hi for c in set(text) if c >= "\u1100" for lo, hi in _CJK_RANGES)


def _token_re(text: str | None = None):
    """The word pattern; for a ``text`` without CJK characters, a cheaper one that finds the
    same words there (the full pattern's CJK ranges take ~10 ms to compile)."""
    global _TOKEN, _TOKEN_PLAIN
    if text is not None and not _has_cjk(text):
        if _TOKEN_PLAIN is None:
            _TOKEN_PLAIN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
        return _TOKEN_PLAIN
    if _TOKEN is None:  # compiled on first use: its Unicode classes take ~10 ms
        _TOKEN = re.compile(rf"[{_CJK_CHARS}ー]+|[^\W\d_{_CJK_CHARS}]+(?:['’][^\W\d_{_CJK_CHARS}]+)*")
    return _TOKEN


# e-mail addresses, handles, links and file names: their letters say nothing about the language
_TECHY = lazy_re(r"[^\s@_]*(?:[@_]|://|www\.|\.(?:com|org|net|ru|tr|de|es|html?|php)\b)\S*")
_TECHY_HINT = lazy_re(r"[@_]|://|www\.|\.(?:com|org|net|ru|tr|de|es|html?|php)\b")


def tokens(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, word, script) of each word in ``text``; words inside e-mail addresses,
    handles and links get the script '' (neutral)."""
    out = [(m.start(), m.end(), m.group(), char_script(m.group()[0]))
           for m in _token_re(text).finditer(text)]
    if _TECHY_HINT.search(text):
        techy = [(m.start(), m.end()) for m in _TECHY.finditer(text)]
        if techy:
            out = [(a, b, w, "" if any(x <= a < y for x, y in techy) else s)
                   for a, b, w, s in out]
    return out


def block_tokens(article, block) -> list[tuple[int, int, str, str]]:
    """``tokens(block.text)``, cached on the article for the families that share them."""
    cache = article.annotations.setdefault("newslint.tokens", {})
    toks = cache.get(block.index)
    if toks is None:
        toks = cache[block.index] = tokens(block.text)
    return toks


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


# -- the article's language, cheaply ---------------------------------------------------------------

def article_language(article) -> str:
    """The article's language for this family: the engine's (config pin, confident stop-word
    vote, declared metadata); when the engine's vote is unsure, a langdetect restricted to the
    Latin-script languages first, then the engine's detector. Cached on the article for the
    other families."""
    cached = article.annotations.get("newslint.language-guess")
    if cached:
        return cached
    lang = cheap_language(article)
    if not lang:  # unsure: a restricted langdetect on a sample, then the engine's detector
        sample = " ".join(b.text for b in article.paragraphs)[:1500]
        if not _has_latin_letter(sample) and not _non_latin_letters(sample):
            article.annotations["newslint.language-guess"] = "und"
            return "und"  # no letters: nothing to detect
        code, prob = detect_restricted(sample, LATIN) if sample else ("und", 0.0)
        lang = code if prob >= 0.9 and _dominant_script(article) == LATIN else article.language
    article.annotations["newslint.language-guess"] = lang
    return lang


def _dominant_script(article) -> str:
    counts = script_counts("\n".join(b.text for b in article.text_blocks[:60]))
    return max(counts, key=counts.get) if any(counts.values()) else ""


@lru_cache(maxsize=None)
def other_stopwords(lang: str) -> frozenset:
    """Function words of the other languages of ``lang``'s script that ``lang`` does not share."""
    own = stopwords(lang)
    script = main_script(lang)
    out = set()
    for l in stopword_languages():
        if l != lang and main_script(l) == script:
            out |= {w for w in stopwords(l) - own if len(w) > 1}
    return frozenset(out)


_FORM_SUFFIXES = frozenset((",", ".", ":", ";", ")", "»", "”"))
_FORM_PREFIXES = frozenset(("(", "«", "“", "„", "¿"))


def foreign_forms_in(words: frozenset, tokens) -> set:
    """The distinct ``tokens`` (``text.lower().split()``) that are one of ``words`` bare or with
    the usual punctuation attached (one of _FORM_SUFFIXES after, or _FORM_PREFIXES before)."""
    return {t for t in set(tokens) if t in words or (t[-1] in _FORM_SUFFIXES and t[:-1] in words)
            or (t[0] in _FORM_PREFIXES and t[1:] in words)}


def _foreign_letter(lang: str, text: str) -> bool:
    """Whether ``text`` holds a lower-case Latin or Cyrillic letter that ``lang`` does not use
    (a-z, U+00DF-U+024F, U+0430-U+045F)."""
    own = letters().get(lang)
    if not own:
        return False
    for c in set(text):
        if c not in own and ("a" <= c <= "z" or "\u00df" <= c <= "\u024f" or "\u0430" <= c <= "\u045f"):
            return True
    return False


def _has_other_script(text: str, script: str) -> bool:
    """Whether ``text`` holds a letter of a script other than ``script`` and Latin (a character
    of the _RANGES of the other scripts; all of them start at U+0370)."""
    if not text or max(text) < "\u0370":
        return False
    ranges = _other_ranges(script)
    return any(lo <= o <= hi for o in {ord(c) for c in set(text) if c >= "\u0370"}
               for lo, hi in ranges)


@lru_cache(maxsize=None)
def _other_ranges(script: str) -> tuple:
    return tuple((lo, hi) for lo, hi, name in _RANGES if name != script and name != LATIN)


def main_script(lang: str) -> str:
    return LANGUAGE_SCRIPT.get(lang, LATIN)


# -- langdetect, restricted and seeded -------------------------------------------------------------

_FACTORIES: dict[str, object] = {}


def detect_restricted(text: str, script: str) -> tuple[str, float]:
    """(code, probability) from a seeded langdetect restricted to the languages of ``script``
    that we can name; ('und', 0.0) when it cannot tell."""
    factory = _FACTORIES.get(script)
    if factory is None:
        from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
        from langdetect.utils.lang_profile import LangProfile
        import json

        wanted = [l for l in _data_lines("detect.txt") if main_script(l) == script]
        factory = DetectorFactory()
        factory.seed = 0
        names = [l for l in wanted if os.path.exists(os.path.join(PROFILES_DIRECTORY, l))]
        for i, l in enumerate(names):
            with open(os.path.join(PROFILES_DIRECTORY, l), encoding="utf-8") as f:
                factory.add_profile(LangProfile(**json.load(f)), i, len(names))
        _FACTORIES[script] = factory
    if len(factory.langlist) < 2:
        return "und", 0.0
    from langdetect.lang_detect_exception import LangDetectException

    try:
        d = factory.create()
        d.set_max_text_length(400)
        d.append(text)
        best = d.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return "und", 0.0
    return best.lang.split("-")[0], best.prob


# -- the rule --------------------------------------------------------------------------------------

_QUOTE_PATTERN = r"“[^”“]*”|„[^“”„]*[“”]|«[^»«]*»|»[^«»]*«|\"[^\"]*\"|‚[^‘’]*[‘’]|‹[^›]*›|「[^」]*」"


@lru_cache(maxsize=1)
def _quote_re():
    return re.compile(_QUOTE_PATTERN)


_OPENERS = "(\"'«“„‘‚[‹「"
_CLOSERS = ")\"'»”“’‘]›」"


class ForeignLanguage(Rule):
    id = "foreign-language"
    category = "foreign-language"
    severity = "warning"
    summary = "A line or fragment in another language than the article's"
    explanation = """
    Scrapers and CMS templates leave text in the site's language inside a story in another one:
    an ad placeholder, a CMS label ("Текст:"), an untranslated sentence pasted from a source.
    Cheap tests pick candidates (another script; no stop words of the article's language but
    stop words or letters of another one); a seeded langdetect restricted to plausible languages
    confirms and names the language. Names, loanwords, a word in another script inside
    parentheses, and quotations in the original language that the story marks as such
    (attributed, or translated in parentheses) are not flagged.

    Bad:
        (in an English story)
        Haberin devamı reklamdan sonra
        Текст: Olga Petrova. The council approved the plan on Tuesday.

    Good:
        The crowd chanted "Hak, hukuk, adalet" ("Rights, law, justice"), the agency reported.
    """
    options = {
        "min_words": Option(int, 3, "fewest words a same-script fragment needs to be judged"),
        "min_probability": Option(float, 0.80, "langdetect probability needed to confirm"),
    }
    uses = frozenset({"language"})

    def warm_up(self):
        warm_up()

    def check(self, article):
        lang = article_language(article)
        if not lang or lang == "und":
            return
        script = main_script(lang)
        if not script:
            return
        foreign_words = other_stopwords(lang) if script != CJK and stopwords(lang) else None
        prev = None
        for block in article.text_blocks:
            text = block.text
            if _has_other_script(text, script) or (script != LATIN and _has_latin_letter(text)):
                yield from self._other_script(article, block, block_tokens(article, block), lang, script)
            if foreign_words is not None and self._worth_a_look(text, foreign_words, lang):
                from lint.sentences import split_sentences

                yield from self._same_script(article, block, block_tokens(article, block), lang,
                                             script, split_sentences(text), prev)
            prev = block

    @staticmethod
    def _worth_a_look(text, foreign_words, lang) -> bool:
        """Cheap: two distinct function words of another language, or one and a letter the
        article's language does not use."""
        found = foreign_forms_in(foreign_words, text.lower().split())
        if len(found) >= 2:
            return True
        return bool(found) and _foreign_letter(lang, text)

    # -- another script --------------------------------------------------------------------------
    def _other_script(self, article, block, toks, lang, script):
        text = block.text
        runs, cur = [], []
        for t in toks:
            if t[3] and t[3] != script:
                if cur and any(char_script(c) == script for c in text[cur[-1][1]:t[0]]):
                    runs.append(cur)
                    cur = []
                cur.append(t)
            elif t[3] == script:
                if cur:
                    runs.append(cur)
                    cur = []
        if cur:
            runs.append(cur)
        main_letters = sum(1 for t in toks if t[3] == script)
        for run in runs:
            yield from self._judge_run(article, block, run, lang, script, main_letters)

    def _judge_run(self, article, block, run, lang, script, main_tokens):
        text = block.text
        rscript = run[0][3]
        if any(t[3] != rscript for t in run):  # several foreign scripts: judge the largest part
            rscript = max({t[3] for t in run}, key=lambda s: sum(1 for t in run if t[3] == s))
        start, end = run[0][0], run[-1][1]
        weight = sum(max(1, len(t[2]) // 2) if t[3] == CJK else 1 for t in run)
        before = text[:start].rstrip()
        after = text[end:].lstrip()
        whole = not main_tokens
        head_label = not before.strip(" -–—•*#") and after.startswith(":") and weight <= 3 \
            and main_tokens >= 2
        quoted = (before[-1:] in _OPENERS and after[:1] in _CLOSERS) or _inside_quote(text, start, end)
        if quoted and not whole and (weight <= 8 or self._marked_quote(block, start, end,
                                                                         stopwords(lang), None)):
            return  # a quotation in the original language, attributed or translated
        cased = rscript in _CASED
        all_caps_names = cased and all(is_capitalised(t[2]) for t in run)
        if rscript == LATIN:
            wl = word_languages()
            evidence = sum(1 for t in run if wl.get(t[2].lower()))
            lower = sum(1 for t in run if not is_capitalised(t[2]))
            if not (evidence >= 1 and lower >= 2 and (weight >= 3 or whole)):
                return
        elif not head_label:
            if all_caps_names and weight <= 4:
                return
            if not whole and weight < 3:
                return
        detected, prob, how = self._name_run(text[start:end], run, rscript)
        if detected == lang or not detected:
            return
        what = "a label" if head_label else ("a line" if whole else "a fragment")
        conf = f", langdetect {prob:.2f}" if prob else ""
        yield self.block_finding(
            article, block,
            f"{what} in {language_name(detected)} ({rscript} script{conf}{how}) in "
            f"{_an(language_name(lang))} article: '{_clip(text[start:end])}'", start, end)

    def _name_run(self, snippet, run, rscript):
        if rscript == CJK:
            kana = any(0x3040 <= ord(c) <= 0x30FF for c in snippet)
            hangul = any(0xAC00 <= ord(c) <= 0xD7AF or 0x1100 <= ord(c) <= 0x11FF for c in snippet)
            return ("ja" if kana else "ko" if hangul else "zh"), 0.0, ""
        if rscript in SCRIPT_LANGUAGE:
            return SCRIPT_LANGUAGE[rscript], 0.0, ""
        if rscript == CYRILLIC:
            low = snippet.lower()
            if any(c in low for c in "іїєґ"):
                return "uk", 0.0, "; Ukrainian letters"
            if len(run) >= 4:
                code, prob = detect_restricted(snippet, CYRILLIC)
                if code != "und" and prob >= self.settings["min_probability"]:
                    return code, prob, ""
            return "ru", 0.0, ""
        if rscript == LATIN:
            code, prob = detect_restricted(snippet, LATIN)
            guess = _stop_guess([t[2] for t in run])
            if code == guess and prob >= 0.5:
                return code, prob, ""
            if guess and (code == "und" or prob < self.settings["min_probability"]):
                return guess, 0.0, "; stop words"
            return (code, prob, "") if prob >= self.settings["min_probability"] else ("", 0.0, "")
        return "", 0.0, ""

    # -- the same script -------------------------------------------------------------------------
    def _same_script(self, article, block, toks, lang, script, sentences, prev):
        own = stopwords(lang)
        own_letters = letters().get(lang)
        wl = word_languages()
        particles = name_particles()
        min_words = self.settings["min_words"]
        for t in toks:  # cheap: a block without any other language's function word is fine
            langs = wl.get(t[2].lower())
            if langs and lang not in langs:
                break
        else:
            return
        cands = []  # (start, end, best language, evidence text)
        ti = 0
        for s_start, s_end in sentences:
            while ti < len(toks) and toks[ti][0] < s_start:
                ti += 1
            words = []
            j = ti
            while j < len(toks) and toks[j][1] <= s_end:
                if toks[j][3] == script:
                    words.append(toks[j][2])
                j += 1
            if len(words) < min_words:
                continue
            own_hits = 0
            other: dict[str, int] = {}
            foreign_letters = 0
            content_lower = 0  # lower-case words that are not function words
            for k, w in enumerate(words):
                lw = w.lower()
                langs = wl.get(lw)
                cap = is_capitalised(w)
                if langs:
                    if lang in langs:
                        own_hits += 1
                    elif len(lw) > 1 and not (lw in particles and not cap and 0 < k < len(words) - 1
                                              and is_capitalised(words[k - 1])
                                              and is_capitalised(words[k + 1])):
                        # (a particle between two names, 'Juan de la Vega', is not evidence)
                        for l in langs:
                            other[l] = other.get(l, 0) + 1
                elif not cap or k == 0:  # a sentence's first word is capitalised anyway
                    content_lower += 1
                if own_letters and not cap and any(c not in own_letters for c in lw):
                    foreign_letters += 1
            if not other or not content_lower:
                continue  # nothing but names and particles: a name, not a sentence
            best = max(other, key=lambda l: (other[l], l))
            m_only = other[best]
            if own_hits * 4 > m_only or m_only + foreign_letters < 2:
                continue
            if own_hits and len(words) < 8:
                continue
            cands.append([s_start, s_end, best, m_only, foreign_letters])
        if not cands:
            return
        # neighbouring candidate sentences with the same best language make one finding
        groups = []
        for c in cands:
            if groups and groups[-1][2] == c[2] and \
                    not block.text[groups[-1][1]:c[0]].strip():
                groups[-1][1] = c[1]
                groups[-1][3] += c[3]
                groups[-1][4] += c[4]
            else:
                groups.append(c)
        for start, end, best, m_only, fl in groups:
            if self._marked_quote(block, start, end, own, prev):
                continue
            snippet = block.text[start:end]
            code, prob = detect_restricted(snippet, script)
            if code == lang or code == "und":
                continue
            if code != best and (stopwords(code) or prob < max(0.95, self.settings["min_probability"])):
                continue  # langdetect and the stop words disagree: not sure enough
            if prob < 0.5:
                continue
            cues = []
            if m_only:
                cues.append(f"{m_only} {language_name(best)} function word{'s' if m_only > 1 else ''}")
            if fl:
                cues.append(f"{fl} word{'s' if fl > 1 else ''} with letters {language_name(lang)} does not use")
            yield self.block_finding(
                article, block,
                f"{language_name(code)} text in {_an(language_name(lang))} article (langdetect "
                f"{prob:.2f}; no {language_name(lang)} function words; {', '.join(cues)}): "
                f"'{_clip(snippet)}'", start, end)

    @staticmethod
    def _marked_quote(block, start, end, own, prev) -> bool:
        """A quotation the story marks: attributed or translated outside the quotation marks."""
        text = block.text
        spans = [(m.start(), m.end()) for m in _quote_re().finditer(text)]
        inside = [sp for sp in spans if sp[0] <= start + 1 and sp[1] >= end - 1] or \
            [sp for sp in spans if sp[0] >= start and sp[1] <= end and sp[1] - sp[0] >= 0.7 * (end - start)]
        if not inside:
            return False
        outside = text
        for a, b in sorted(spans, reverse=True):
            outside = outside[:a] + " " + outside[b:]
        if any(w.lower() in own for _, _, w, _ in tokens(outside)):
            return True
        if "(" in text[inside[0][1]:] or "[" in text[inside[0][1]:]:
            return True
        return bool(prev is not None and prev.text.rstrip().endswith(":"))


WARM_LANGUAGES = ("en", "tr", "ru", "de", "es")


def warm_up() -> None:
    """Load every list and pattern the rule and the shared helpers may need, and the restricted
    langdetect of each script, so parallel workers inherit them (copy-on-write)."""
    from lint.sentences import split_sentences

    split_sentences("Warm up. Done.")
    _token_re()
    _token_re("")
    for rx in (_TECHY, _TECHY_HINT):
        rx.search("")
    script_counts("")  # compiles the engine's Latin-letter pattern
    _has_latin_letter("")
    _quote_re()
    word_languages()
    letters()
    name_particles()
    language_names()
    for lang in WARM_LANGUAGES + stopword_languages():
        stopwords(lang)
        other_stopwords(lang)
        _other_ranges(main_script(lang))
    for script in (LATIN, CYRILLIC):
        detect_restricted("warm up", script)


def _inside_quote(text: str, start: int, end: int) -> bool:
    for m in _quote_re().finditer(text):
        if m.start() < start and m.end() > end:
            return True
    return False


def _stop_guess(words) -> str:
    wl = word_languages()
    votes: dict[str, int] = {}
    for w in words:
        for l in wl.get(w.lower(), ()):
            votes[l] = votes.get(l, 0) + 1
    if not votes:
        return ""
    best = max(votes, key=lambda l: (votes[l], l))
    return best if list(votes.values()).count(votes[best]) == 1 else ""


def _an(word: str) -> str:
    return ("an " if word[:1].lower() in "aeiou" else "a ") + word


def _clip(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[:n - 1] + "…"


@hookimpl
def register_rules(register):
    register(ForeignLanguage)
