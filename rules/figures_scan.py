"""Finding figures in a block of text, and the sources that cover them (unsourced-figure rule).

A figure is a money amount, a percentage, a count of people or things, or a multiple/change,
with its approximator ("about", "nearly") and range ("10-15%"). Dates, years, times, durations,
ages, ordinals, addresses, phone numbers, scores, article numbers and model designations are not.
"""
from __future__ import annotations

from dataclasses import dataclass

import bisect
import re
from functools import lru_cache
from itertools import repeat
from operator import itemgetter

from lint.lazyre import lazy_re

from .figures_data import NUMBER, TOKEN, Prefixes, data

MONEY, PERCENT, COUNT, MULTIPLE = "money", "percent", "count", "multiple"
KINDS = (MONEY, PERCENT, COUNT, MULTIPLE)
_KEY_CLASS = {PERCENT: "pct", MULTIPLE: "mult"}  # the first item of a figure's key (else "amt")

# Things that hold digits but are not figures: dates, times, phone numbers, links.
MASK = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?!\d)"  # 22.11.2026, 2026-11-22, 11/22/26
    r"|\d{1,2}:\d{2}(?::\d{2})?(?!\d)"  # 10:30
    r"|\d{1,2}[.:]\d{2} ?(?:[ap]\.?m\.?|Uhr|h\b|hs\b)"  # 10.30am, 15.30 Uhr
    r"|\d{1,2} ?(?:[ap]\.m\.|[ap]m\b)"  # 4 p.m., 9am
    r"|(?:(?<=saat )|(?<=Saat )|(?<=las ))\d{1,2}[.:]\d{2}(?!\d)"  # saat 19.00'da, a las 19.30
    r"|\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,4}"  # +90 212 555 12 34
    r"|\(\d{2,4}\) ?\d{3}[\s.-]\d{2,4}(?:[\s.-]\d{2,4})?"  # (212) 555-1234
    r"|\d{3}-\d{3,4}-\d{4}")
LINK = lazy_re(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+")
DIGIT = re.compile(r"\d")
RANGE_WORDS = {"-", "–", "—", "to", "and", "bis", "und", "ila", "ile", "до", "a", "y", "or", "oder",
               "o", "veya", "или"}
SCORE_MARKS = {"-", "–", ":"}
TR_ORDINAL = {"inci", "ıncı", "uncu", "üncü", "nci", "ncı", "ncu", "ncü", "ci", "cı", "cu", "cü"}
HYPHEN_UNITS = (
    ("percent", PERCENT), ("процент", PERCENT), ("prozent", PERCENT),
    ("fold", MULTIPLE), ("mal", MULTIPLE), ("fach", MULTIPLE), ("кратн", MULTIPLE),
    ("million", "mag"), ("billion", "mag"), ("trillion", "mag"), ("milyon", "mag"),
    ("milyar", "mag"), ("dollar", MONEY), ("euro", MONEY), ("pound", MONEY),
)
_MARK_BEFORE = set("$€£¥₺₽₹₴₸₩₪₦%")
_ADD = frozenset(("added", "adds", "add"))  # a reporting verb, or a verb of adding things
_MARK_AFTER = set("%‰$€£¥₺₽₹₴₸₩'’")
_WORD = re.compile(r"[^\W\d_]+")
_WORD_TOKEN = re.compile(r"[^\W\d]\w*+(?:['’]\w+)*+")  # a word token, as TOKEN reads one
_PREV_TOKEN = re.compile(r"([^\W\d]\w*+(?:['’]\w+)*+)(\.)?\s*$")  # the word (and '.') before
_NEXT_WORD = re.compile(r"\s*([^\W\d]\w*+(?:['’]\w+)*+)")
_SENTENCE_END = (".", "!", "?", "\"", "”", "»", ")", ":", ";")
_HYPHEN_STEMS = tuple(stem for stem, _ in HYPHEN_UNITS)
_DEMONYM_ENDINGS = ("an", "ese", "ish", "ch", "i", "ic", "ean")


def warm_up() -> None:
    """Compile the patterns compiled on first use (parallel workers share them)."""
    for rx in (LINK, _SINGLE_QUOTED):
        rx.search("")
    _guess_table()


@dataclass(slots=True)
class Figure:
    start: int
    end: int
    kind: str
    key: tuple
    text: str


def number_value(s: str) -> float:
    """The value of a number written with any of the desks' grouping and decimal marks."""
    if not s.isdecimal():  # (most numbers are a plain run of digits, which float() reads as is)
        s = s.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
        if "," in s and "." in s:
            dec = "," if s.rfind(",") > s.rfind(".") else "."
            grp = "." if dec == "," else ","
            s = s.replace(grp, "").replace(dec, ".")
        elif "," in s or "." in s:
            sep = "," if "," in s else "."
            parts = s.split(sep)
            if len(parts) > 2 or len(parts[1]) == 3:
                s = "".join(parts)
            else:
                s = parts[0] + "." + parts[1]
    try:
        return float(s)
    except ValueError:
        return 0.0


def magnitude(word: str) -> float:
    w = word.strip().lower().rstrip(".")
    if w in ("k", "thousand", "bin", "bini", "binden", "тыс", "тысяч", "тысяча", "тысячи",
             "tausend", "tsd", "mil"):
        return 1e3
    if word.strip().startswith("Billion") or w.startswith(
            ("tr", "трлн", "трил", "bio", "billón", "billones")):
        return 1e12
    if w.startswith(("b", "milyar", "млрд", "миллиард", "mrd", "milliard", "mil millones", "mm", "mlr")):
        return 1e9
    if w.startswith(("m", "млн", "миллион")):
        return 1e6
    return 1.0


def guess_language(text: str) -> str:
    """A cheap guess: the engine's stop-word vote among GUESSED over the first 1,500 characters;
    when it is unsure, the language whose function words the text uses most (a plain
    plurality), else en.

    Both votes rank the same counts and the plurality falls back to the confident vote's
    winner, so the counts are taken once here, with one look-up a word: the result is that of
    ``vote_text(sample, languages=GUESSED) or vote_text(sample, 1, 1.0, 0.0, GUESSED) or
    "en"`` (tests/test_unsourced_figure.py checks it)."""
    from collections import Counter

    from lint.language import (CJK, LANGUAGE_SCRIPT, LATIN, SCRIPT_LANGUAGE, has_latin_letter,
                               script_counts, vote_text)

    sample = text[:1500]
    if sample.isascii() or len(_NOT_LATIN1.findall(sample)) < 0.25 * len(sample):
        # under a quarter of the characters lie beyond Latin-1 (or are ª µ º), so under a
        # quarter are letters of other scripts: Latin text, as script_counts would find
        if not has_latin_letter(sample):
            return "en"
        main = LATIN
    else:
        scripts = script_counts(sample, latin=False)
        others = sum(scripts.values())
        if others < 0.25 * len(sample):
            if not has_latin_letter(sample):
                return "en"
            scripts[LATIN] = len(sample) - others
        if not scripts:
            return "en"
        main = max(scripts, key=scripts.get)
    if main == CJK or main in SCRIPT_LANGUAGE:
        return vote_text(sample, languages=GUESSED) or "en"  # the script alone decides
    table = _guess_table()
    hits: dict[str, int] = {}
    words = sample.lower().split()
    if _plain_table():
        # each word counts as the word left when the marks around it are stripped ("the,"
        # "(der"): the vote's rule when every listed word starts with a letter and has no mark
        # at either end; so counted, no Python step is taken for a word that is not listed
        counts = Counter(filter(table.__contains__, map(str.strip, words, repeat(_STRIP))))
    else:
        counts = Counter()
        for w, n in Counter(words).items():
            if not w[:1].isalpha():
                w = w.strip(_STRIP)
                if not w[:1].isalpha():
                    continue
            key = w if w in table else w.strip(_STRIP)
            if key in table:
                counts[key] += n
    for w, n in counts.items():
        for lang in table[w]:
            hits[lang] = hits.get(lang, 0) + n
    ranked = sorted(((n, l) for l, n in hits.items() if LANGUAGE_SCRIPT.get(l, LATIN) == main),
                    reverse=True)
    return ranked[0][1] if ranked else "en"


@lru_cache(maxsize=1)
def _guess_table() -> dict[str, tuple[str, ...]]:
    """Each function word of the GUESSED languages: the languages that list it."""
    from lint.language import stopwords

    table: dict[str, list[str]] = {}
    for lang in GUESSED:
        for w in stopwords(lang):
            table.setdefault(w, []).append(lang)
    return {w: tuple(langs) for w, langs in table.items()}


@lru_cache(maxsize=1)
def _plain_table() -> bool:
    """Whether every word of _guess_table() starts with a letter and has no mark at either end."""
    return all(w[:1].isalpha() and w == w.strip(_STRIP) for w in _guess_table())


_STRIP = "!\"#$%&()*+,./:;<=>?@[\\]^_`{|}~«»“”„‘’‚‹›—–…·•'"  # the marks the engine's vote strips
# every letter script_counts(latin=False) counts is one of these (beyond Latin-1, or ª µ º)
_NOT_LATIN1 = re.compile(r"[^\x00-\xa9\xc0-\xff]")
GUESSED = ("de", "en", "es", "pt", "ru", "tr")  # the languages the figure grammar tells apart


def quote_ranges(text: str) -> list[tuple[int, int]]:
    """Offsets of quoted passages: “…”, „…“, «…», "…"; an unclosed quote runs to the end, and a
    closing mark with no opener closes a quote begun in an earlier paragraph."""
    out = []
    opened = -1
    closer = ""
    for m in _QUOTE_MARK.finditer(text):
        i, ch = m.start(), m.group()
        if opened < 0:
            if ch in "“„«\"":
                opened, closer = i, {"“": "”", "„": "“”", "«": "»", "\"": "\""}[ch]
            elif not out:
                out.append((0, i))
        elif ch in closer:
            out.append((opened, i + 1))
            opened = -1
    if opened >= 0:
        out.append((opened, len(text)))
    # single quotes: 'jumps to her death ...', ‘...’; an apostrophe (it’s, Delhi’s) has a letter
    # on both sides, a quote mark has a space or the text's edge on its outer side
    for m in _SINGLE_QUOTED.finditer(text):
        out.append((m.start(), m.end()))
    return out


_QUOTE_MARK = re.compile(r"[“”„«»\"]")
_QUOTE_CHARS = frozenset("“”„«»\"")
# (the look-behind after the opening mark: a search then skips to the marks)
# (an apostrophe inside a word, "she's", does not close it)
_SINGLE_QUOTED = lazy_re(
    r"['‘](?<!\w['‘])(?=\w)(?:[^'‘’\n]|(?<=\w)['’](?=\w)){2,300}?(?<=[\w.,!?%])['’](?!\w)")


def _is_word(tok: str) -> bool:
    return tok[0].isalpha()


@lru_cache(maxsize=2)
def _after_number(figure_word_prefixes: tuple) -> Prefixes:
    """Whether a word glued to a number can begin a figure's unit."""
    return Prefixes(_HYPHEN_STEMS + figure_word_prefixes)


class Scanner:
    """Figures and sources in one block of text at a time, for one article language."""

    def __init__(self, lang):
        """``lang``: an ISO code, or a function returning one (called once, when first needed)."""
        self.d = data()
        self._lang = lang
        self._starts_after_number = _after_number(self.d.figure_word_prefixes)

    @property
    def lang(self) -> str:
        if callable(self._lang):
            self._lang = self._lang()
        return self._lang

    # -- figures --------------------------------------------------------------------------
    def may_hold(self, text: str, heading: bool = False, min_count: float = 2) -> bool:
        """A cheap look at the characters around each number: False when none of them can be
        a figure (years, dates, '55-inch', '7MP', '2 tsp.', 'at 9 Green Street', 'Week 13',
        'the 27 members', a bare number in a headline), so that most number-bearing paragraphs
        are never tokenized. Never False where ``figures`` finds one (with the same
        ``heading`` and ``min_count``): it reads the same words in the same places, only less
        of them; tests/test_unsourced_figure.py checks that on the corpus. (The rule asks
        only about blocks holding a digit: a text with none is found False by the scan.)"""
        d = self.d
        n = len(text)
        unit_word = d.unit_word
        starts_after_number = self._starts_after_number.test
        starts_figure_word = d.starts_figure_word.test
        german_only = False  # a number before a capitalised word: a count only in German
        yuzde = "ü" in text or "Ü" in text  # ("yüzde 5": the only way its "ü" is written)
        bare = None  # whether a bare number may be a count here (not in a headline)
        for m in NUMBER.finditer(text):
            s, e = m.span()
            if s and (text[s - 1] in _MARK_BEFORE or s > 1 and text[s - 2] in _MARK_BEFORE) \
                    or yuzde and s >= 5 and text[max(0, s - 6):s].lower().startswith("yüzde"):
                return True
            if e >= n:
                continue
            if e - s == 4 and text[s:e].isdigit() and 1800 <= int(text[s:e]) <= 2100:
                continue  # a plain year
            ch = text[e]
            if ch in _MARK_AFTER:
                return True
            # a currency code may stand just before ("USD 5m", "EUR5bn"): then any unit goes
            coded = s and (text[s - 1].isupper() or s > 1 and text[s - 2].isupper())
            if ch == "-" or ch.isalpha():
                at = e + (ch == "-")
                wm = _WORD.match(text, at)
                if wm is None:
                    continue
                run = wm.group().lower()
                low = _WORD_TOKEN.match(text, at).group().lower()  # the token figures() reads
                if starts_after_number(run) and (
                        coded or (low.startswith(_HYPHEN_STEMS) if ch == "-"
                                  else d.glued_unit(low) or d.glued_unit(run))):
                    return True
                continue  # 55-kilometer, 7MP, 5th, 4Motion
            if ch in " \u00a0\u202f":
                wm = _WORD.match(text, e + 1)
                if wm is None:
                    if text[e + 1:e + 2] in _MARK_AFTER or text[e + 1:e + 2] in _MARK_BEFORE:
                        return True
                    continue
                w = wm.group()
                tm = _WORD_TOKEN.match(text, e + 1)  # the whole token, as figures() reads it
                token = tm.group()
                lw = w.lower()
                if (starts_figure_word(lw) or d.post_approx.has(lw)) and (
                        d.post_approx.has(lw) or unit_word(lw) or unit_word(token.lower())):
                    return True
                if d.stop.has(lw) or d.noncount.has(lw):
                    continue
                if w[0].isupper() and not w.endswith(_DEMONYM_ENDINGS) \
                        and not (w.endswith("s") and w[:-1].isupper()):
                    german_only = True  # the language is guessed only if nothing else decides
                    continue
                if coded:
                    return True
                # a bare number before a noun: a count, unless figures() rules it out
                if bare is None:
                    bare = not heading and not self._headline_like(text)
                if bare and self._may_count(text, s, e, tm.end(), min_count):
                    return True
        return german_only and self.lang == "de"

    @staticmethod
    def _headline_like(text: str) -> bool:
        """What ``figures`` calls a headline-like line (no closing mark, at most 14 tokens)."""
        return not text.rstrip().endswith(_SENTENCE_END) and len(text.split()) <= 14 \
            and len(TOKEN.findall(text)) <= 14  # (a token or more per word)

    def _may_count(self, text, s, e, noun_end, min_count) -> bool:
        """Whether the bare number text[s:e] before a noun ending at ``noun_end`` can be a
        count, by the tests ``_number_figure`` and ``_count_noun`` make on the words around
        it: a whole number of at least ``min_count``, not a day after a month, not after a
        name or a definite article ("Series 3", "the 27 members") unless an approximator ends
        there, not before a measure ("11 league goals")."""
        d = self.d
        num = text[s:e]
        value = number_value(num)
        if value < min_count or not num.replace(",", "").replace(".", "").replace(" ", "").isdigit() \
                or ("." in num or "," in num) and value != int(value):
            return False
        pm = _PREV_TOKEN.search(text, max(0, s - 40), s)
        if pm is not None and pm.start() and text[pm.start() - 1].isalnum():
            pm = None  # (a word cut by the window, or glued to a number: not read)
        if pm is not None:
            prev = pm.group(1)
            if not pm.group(2) and prev in d.months_before and value <= 31:
                return False  # March 5
            if pm.group(2) and prev + "." in d.months_before and value <= 31:
                return False  # Nov. 5
            if not pm.group(2):
                low = prev.lower()
                if not d.approximators.may_end(low) and (any(map(str.isupper, prev))
                                                         or d.definite.has(low)):
                    return False  # AirPlay 2, Week 13, the 27 member states
        nm = _NEXT_WORD.match(text, noun_end)
        if nm is not None:
            nxt = nm.group(1)
            nlow = nxt.lower()
            if nxt[0].islower() and not d.stop.has(nlow) and d.noncount.has(nlow) \
                    and not d.count_units.has(nlow):
                return False  # 11 league goals, 3 straight wins
        return True

    def figures(self, text: str, tokens, heading: bool = False, min_count: float = 2,
                words: bool = True) -> list[Figure]:
        """The figures in ``text`` (tokenized as ``tokens``); figures written in words
        ('doubled', 'two million') are sought only when ``words`` is true."""
        out: list[Figure] = []
        d = self.d
        if len(tokens) < 4:
            return out  # a lone stat ('39%') or price tag
        if not heading and not text.rstrip().endswith(_SENTENCE_END) and len(tokens) <= 14:
            heading = True  # a headline-like line: no bare counts ("7 key moments ...")
        if DIGIT.search(text):
            links = [(m.start(), m.end()) for m in LINK.finditer(text)] \
                if ("@" in text or "http" in text or "www." in text) else ()
            skip_until = -1
            for k, (tok, s, e, _low) in enumerate(tokens):
                if not tok[0].isdigit() or s < skip_until:
                    continue
                if links and any(a <= s < b for a, b in links):
                    continue
                # a date, time or phone number starts at this number or at the '+'/'(' before it
                mm = MASK.match(text, s)
                if mm is None and k and tokens[k - 1][0] in "+(" and tokens[k - 1][2] == s:
                    mm = MASK.match(text, tokens[k - 1][1])
                if mm is not None:
                    skip_until = mm.end()
                    continue
                fig = self._number_figure(text, tokens, k, heading, min_count)
                if fig is None:
                    continue
                if fig is False:
                    skip_until = tokens[min(k + 2, len(tokens) - 1)][2]
                    continue
                out.append(fig)
                skip_until = fig.end
        if words:
            self._word_figures(text, tokens, heading, out)
        if out and sum(map(d.recipe_measures.__contains__, map(itemgetter(3), tokens))) >= 2:
            return []  # a recipe or a spec sheet: its quantities are not news figures
        out.sort(key=lambda f: f.start)
        return out

    def _word_figures(self, text, tokens, heading, out):
        d = self.d
        taken = [(f.start, f.end) for f in out]
        n = len(tokens)
        # start only near a trigger ('doubled', 'million', 'times'): a phrase may begin up to
        # three tokens before it ('se ha duplicado', 'two million', 'в два раза')
        low = text.lower()
        if len(low) != len(text):  # 'İ' lower-cases to two characters: offsets would drift
            cands = range(n)
        else:
            starts = list(map(itemgetter(1), tokens))
            cands = sorted({j for at, _ in d.trigger_matches(low)
                            for k in (bisect.bisect_right(starts, at) - 1,)
                            for j in range(max(0, k - 3), k + 1)})
        i = 0
        for c in cands:
            if c < i:
                continue
            i = c
            tok = tokens[i][0]
            if not _is_word(tok) or not (tokens[i][3] in d.number_words.exact
                                         or d.mult_words.may_start(tokens[i])):
                continue
            end = d.mult_words.match(tokens, i)
            fig = None
            if end > 0:
                if end < n and (tokens[end][0] in d.mult_exceptions
                                or tokens[end][0] == "-" and tokens[end][1] == tokens[end - 1][2]):
                    # (glued to a hyphen, the phrase is part of a compound: "a quarter-point")
                    i = end
                    continue
                s, e = tokens[i][1], tokens[end - 1][2]
                fig = Figure(s, e, MULTIPLE, ("mult", text[s:e].lower()), text[s:e])
            elif tok in d.number_words and i + 1 < n:
                mend = d.magnitudes.match(tokens, i + 1)
                if mend > 0:
                    fig = self._wordmag_figure(text, tokens, i, mend, heading)
                    end = mend
                elif tokens[i + 1][0].lower() in ("times", "veces", "раза", "раз", "kat", "mal") \
                        and i + 2 < n and tokens[i + 2][0] in d.mult_comp:
                    end = i + 2
                    s, e = tokens[i][1], tokens[i + 1][2]
                    fig = Figure(s, e, MULTIPLE, ("mult", text[s:e].lower()), text[s:e])
            if fig is not None and not any(a < fig.end and fig.start < b for a, b in taken):
                out.append(fig)
                taken.append((fig.start, fig.end))
            i = end if fig is not None and end > i else i + 1

    def _wordmag_figure(self, text, tokens, i, mend, heading):
        d = self.d
        s, e = tokens[i][1], tokens[mend - 1][2]
        key = ("amt", text[s:e].lower())
        cend = d.currencies.match(tokens, mend)
        if cend < 0 and mend < len(tokens) and tokens[mend][0].lower() == "de":
            cend = d.currencies.match(tokens, mend + 1)
        if cend < 0 and mend < len(tokens) and tokens[mend][0] in d.currency_codes:
            cend = mend + 1
        if cend > 0:
            e = tokens[cend - 1][2]
            return Figure(s, e, MONEY, key, text[s:e])
        if heading:
            return None
        return Figure(s, e, COUNT, key, text[s:e])

    def _number_figure(self, text, tokens, k, heading, min_count):
        d = self.d
        tok, s, e, _low = tokens[k]
        n = len(tokens)
        prev = tokens[k - 1] if k else None
        # Su-57, F-16, COVID-19; the second half of 3-1 or 10:30 or 1/2
        if prev and prev[0] in ("-", "‐", ":", "/", "–") and prev[2] == s and k >= 2 \
                and tokens[k - 2][2] >= prev[1] - 1 \
                and (_is_word(tokens[k - 2][0]) or tokens[k - 2][0][0].isdigit()):
            return None
        if e < len(text) and text[e] in "ºª°":
            return None
        kind = None
        first = k  # token index where the figure starts
        if prev and (prev[0] in d.currency_symbols or prev[0] in d.currency_codes) and s - prev[2] <= 1:
            kind, first = MONEY, k - 1
            if k >= 2 and tokens[k - 2][2] == prev[1] and tokens[k - 2][3] in d.currency_prefixes:
                first = k - 2
        elif prev and ((prev[0] == "%" and self.lang == "tr") or d.percent_before.has(prev[3])):
            kind, first = PERCENT, k - 1
        if kind is None and k and d.designators.ending_at(tokens, k, 3) >= 0:
            return None
        value = number_value(tok)
        j = k + 1  # next token to read
        unit = None
        mag = 1.0
        # a range: 10-15%, $5-6 billion, 200 to 300 people
        range_j = None
        if j + 1 < n and tokens[j][0] in RANGE_WORDS:
            r = j + 1
            if tokens[r][0] in d.currency_symbols and r + 1 < n:
                r += 1
            if tokens[r][0][0].isdigit():
                range_j = r + 1
        if range_j is not None:
            unit, jj, mag = self._unit(text, tokens, range_j, kind)
            if unit not in (None, "skip") or (kind and unit != "skip"):
                j = jj
            elif tokens[k + 1][0] in SCORE_MARKS and kind is None:
                return False  # a score: 3-1, 98-95
            else:
                unit, mag = None, 1.0
                range_j = None
        if range_j is None:
            unit, j, mag = self._unit(text, tokens, j, kind)
        if unit == "skip":
            return None
        if unit is None and kind is None:
            # a bare number: a count only when a counted noun follows
            if heading:
                return None
            if len(tok) == 4 and tok.isdigit() and 1800 <= value <= 2100:
                if d.approximators.ending_at(tokens, k, 4) < 0:
                    return None  # a year
            if prev and prev[0] in d.months_before and value <= 31:
                return None  # March 5
            if k >= 2 and prev[0] == "." and tokens[k - 2][0] + "." in d.months_before and value <= 31:
                return None
            if value < min_count or not tok.replace(",", "").replace(".", "").replace(" ", "").isdigit() \
                    or ("." in tok or "," in tok) and number_value(tok) != int(number_value(tok)):
                return None  # counts are whole numbers
            if prev and _is_word(prev[0]) and any(map(str.isupper, prev[0])) \
                    and d.approximators.ending_at(tokens, k, 4) < 0:
                return None  # a name or model with a number: AirPlay 2, Series 3, iPhone 8
            noun_end = self._count_noun(tokens, j)
            if noun_end < 0:
                return None
            unit = COUNT
            j = noun_end
        elif unit == "mag" and kind is None:
            unit = COUNT
            if not heading:
                noun_end = self._count_noun(tokens, j)
                if noun_end > 0:
                    j = noun_end
                elif j < n and d.noncount.has(tokens[j][3]) and not d.stop.has(tokens[j][3]):
                    return None  # 390 million miles, 2 million years: a measure, not a count
        if kind is None or unit in (PERCENT, MULTIPLE):
            kind = unit if unit not in (None, "mag") else kind
        kind = kind or COUNT
        # approximators and definite articles before the figure
        a = d.approximators.ending_at(tokens, first, 4)
        if a >= 0:
            first = a
        elif kind == COUNT and mag == 1.0 and first and (d.definite.has(tokens[first - 1][3])
                                                         or d.list_leads.ending_at(tokens, first, 3) >= 0):
            return None  # the 27 member states; "Here are 15 tips": the list below it
        if kind == PERCENT and value == 100 and j < n and d.percent_idioms.has(tokens[j][3]):
            return None  # "100 percent sure"
        start = tokens[first][1]
        end = tokens[j - 1][2]
        return Figure(start, end, kind, (_KEY_CLASS.get(kind, "amt"), round(value * mag, 6)),
                      text[start:end])

    def _unit(self, text, tokens, j, prefix_kind):
        """What follows a number at token ``j``: (kind | 'mag' | None | 'skip', next token,
        magnitude)."""
        d = self.d
        n = len(tokens)
        if j >= n:
            return (None, j, 1.0)
        s = tokens[j][1]
        if s == tokens[j - 1][2]:
            glued = self._glued_unit(text, tokens, j, prefix_kind)
            if glued is not None:
                return glued
        mend = d.magnitudes.match(tokens, j)
        if mend > 0:
            mword = text[s:tokens[mend - 1][2]]
            return self._after_mag(tokens, mend, magnitude(mword))
        return self._after_plain(tokens, j, 1.0, prefix_kind)

    def _glued_unit(self, text, tokens, j, prefix_kind):
        """``_unit`` for a token glued to the number ('5%', '3bn', "5'lik", '10-fold', '5.'),
        or None when it is read as if a space stood before it."""
        d = self.d
        n = len(tokens)
        tok, s, e, low = tokens[j]
        if tok in ("'", "’") and j + 1 < n and tokens[j + 1][1] == e:
            if tokens[j + 1][3] in TR_ORDINAL:
                return ("skip", j, 1.0)
            j2 = j + 2  # a Turkish case ending: yüzde 5'lik, 1.700'den fazla
            if j2 < n and tokens[j2][0][0].isdigit():
                return ("skip", j, 1.0)  # yüzde 54'e 46, 7'ye 2: a split or a score
            while j2 < n and d.post_approx.has(tokens[j2][3]):
                j2 += 1
            if j2 == j + 2 and not prefix_kind:
                return ("skip", j, 1.0)  # 48'e yükseltti, 6'sı: the number stands alone, no noun
            return (None, j + 2 if prefix_kind else j2, 1.0)
        if tok in ("-", "‐") and j + 1 < n and tokens[j + 1][1] == e and _is_word(tokens[j + 1][0]):
            word = tokens[j + 1][3]
            for stem, k in HYPHEN_UNITS:
                if word.startswith(stem):
                    if k == "mag":
                        if not prefix_kind and j + 3 < n and tokens[j + 2][0] == "-" \
                                and tokens[j + 2][1] == tokens[j + 1][2] \
                                and _is_word(tokens[j + 3][0]):
                            return ("skip", j, 1.0)  # a 13.8-billion-year period: a measure
                        return self._after_mag(tokens, j + 2, magnitude(word))
                    return (k, j + 2, 1.0)
            return ("skip", j, 1.0) if not prefix_kind else (None, j, 1.0)
        if _is_word(tok):
            if low in d.glued_mags or (prefix_kind == MONEY and low in ("m", "k", "b")):
                return self._after_mag(tokens, j + 1, magnitude(low))
            if low == "pc":
                return (PERCENT, j + 1, 1.0)
            if low == "x":
                if len(tokens[j - 1][0]) >= 3 and tokens[j - 1][0].isdigit():
                    return ("skip", j, 1.0)  # Boeing 777X, an X570 board: a model, not 777 times
                return (MULTIPLE, j + 1, 1.0)
            if d.count_units.has(low) and not prefix_kind:
                return (COUNT, j + 1, 1.0)
            return ("skip", j, 1.0) if not prefix_kind else (None, j, 1.0)
        if tok == "." and (e >= len(text) or text[e].isspace()):
            # an ordinal (5. März) or the end of the sentence: only a marked figure counts
            if d.magnitudes.match(tokens, j) < 0:
                return (None, j, 1.0) if prefix_kind else ("skip", j, 1.0)
        return None

    def _after_mag(self, tokens, j, mag):
        kind, j2, _ = self._after_plain(tokens, j, mag, None, after_mag=True)
        return (kind or "mag", j2, mag)

    def _after_plain(self, tokens, j, mag, prefix_kind, after_mag=False):
        d = self.d
        n = len(tokens)
        if j >= n:
            return (None, j, mag)
        tok = tokens[j][0]
        end = j + 1 if tok == "%" else d.percent_words.match(tokens, j)
        if end > 0 and (not prefix_kind or prefix_kind == PERCENT):
            return (PERCENT, end, mag)
        if tok in d.currency_symbols or tok in d.currency_codes:
            return (MONEY, j + 1, mag)
        cend = d.currencies.match(tokens, j)
        if cend < 0 and tokens[j][3] == "de" and (after_mag or prefix_kind):
            cend = d.currencies.match(tokens, j + 1)
        if cend > 0:
            return (MONEY, cend, mag)
        if after_mag:
            return (None, j, mag)
        if tok == "-" and j + 1 < n and d.mult_after.has(tokens[j + 1][3]):
            j += 1
        if d.mult_after.has(tokens[j][3]):
            low = tokens[j][3]
            if low in ("fold", "fache", "fach", "x", "misli"):
                return (MULTIPLE, j + 1, mag)
            nxt = tokens[j + 1][0] if j + 1 < n else ""
            k = j - 1  # the number
            while k > 0 and not tokens[k][0][0].isdigit():
                k -= 1
            before = [tokens[x][0] for x in range(max(0, k - 2), k)]
            decimal = any(c in tokens[k][0] for c in ".,")
            if (nxt and nxt in d.mult_comp) or decimal or any(b.lower() in ("в", "во") for b in before[-1:]) \
                    or any(b in d.mult_verbs for b in before):
                return (MULTIPLE, j + 1, mag)
            return ("skip", j, mag)
        return (None, j, mag)

    def _count_noun(self, tokens, j):
        """Index after the counted noun that follows a bare number at token ``j``, or -1."""
        d = self.d
        n = len(tokens)
        while j < n and d.post_approx.has(tokens[j][3]):
            j += 1
        if j >= n or not _is_word(tokens[j][0]) or tokens[j][1] - tokens[j - 1][2] > 2:
            return -1
        w1, low1 = tokens[j][0], tokens[j][3]
        if d.count_units.has(low1):
            return j + 1
        if d.stop.has(low1) or d.noncount.has(low1):
            return -1
        nxt, nlow = (tokens[j + 1][0], tokens[j + 1][3]) if j + 1 < n else ("", "")
        if nxt and _is_word(nxt) and nxt[0].islower() and not d.stop.has(nlow) and d.noncount.has(nlow) \
                and not d.count_units.has(nlow):
            return -1  # 11 league goals, 3 straight wins, 5 consecutive years
        if self.lang == "de":
            if w1[0].isupper():
                return -1 if low1.endswith(d.noncount_heads) else j + 1  # (14 Verhandlungstage)
            if nxt and _is_word(nxt) and nxt[0].isupper() and not d.noncount.has(nlow):
                return j + 2
            return -1
        if w1[0].islower():
            if self.lang == "en" and nxt and nlow.endswith("s") and not low1.endswith("s") \
                    and _is_word(nxt) and nxt[0].islower() and not d.stop.has(nlow) \
                    and not d.noncount.has(nlow):
                return j + 2  # 5 million face masks, 400,000 state residents: the plural is the noun
            return j + 1
        if w1.endswith("s") and w1[:-1].isupper() and 2 <= len(w1) <= 6:
            return j + 1  # UAVs, NGOs
        if nxt and _is_word(nxt) and nxt[0].islower() and not d.stop.has(nlow) \
                and not d.noncount.has(nlow) and w1.endswith(_DEMONYM_ENDINGS):
            return j + 2  # 1,700 Russian firms (not 787 Dreamliner sales, 737 Max jets)
        return -1

    # -- sources --------------------------------------------------------------------------
    def has_source(self, tokens, lo: int, hi: int) -> bool:
        """True when tokens[lo:hi] (a sentence) carry a source: a reporting verb used with a
        subject, a source phrase, or a named source before Turkish 'göre'."""
        d = self.d
        for _ in d.sources.search(tokens, lo, hi):
            return True
        for i, _end in d.verbs.search(tokens, lo, hi):
            p = tokens[i - 1][0].lower() if i > lo else ""
            if p in d.adjective_markers:
                continue  # an estimated 2,000
            p2 = tokens[i - 2][0].lower() if i - 1 > lo else ""
            nxt = tokens[_end][0].lower() if _end < hi else ""
            if (p in d.passive_aux or (p.endswith("ly") and p2 in d.passive_aux)) and nxt != "by" \
                    and not tokens[i][0].endswith("ing"):
                continue  # is estimated, was reported (not "were expecting": progressive)
            if tokens[i][3] in _ADD and (nxt[:1].isdigit() or nxt in d.number_words.exact):
                continue  # "the operator has added four trains": a thing added, not words
            return True
        if self.lang == "es" and lo < hi and tokens[lo][0][:1].isupper() \
                and tokens[lo][3] in d.verbs.first \
                and d.verbs.match([(tokens[lo][3],) + tokens[lo][1:]] + tokens[lo + 1:hi], 0) > 0:
            return True  # "Añadió que ...": a Spanish verb opening the sentence, its subject dropped
        for i in range(lo + 1, hi):
            if tokens[i][0] == "göre":
                w = tokens[i - 1][0]
                if "'" in w or "’" in w:
                    head = re.split(r"['’]", w)[0]
                    if head and not head[0].isdigit() and head.lower() not in _TR_TIME:
                        return True
                elif w.replace("İ", "i").lower().startswith(d.gore_stems):  # (İ: no dot left over)
                    return True
        return False

    def has_source_phrase(self, tokens, lo: int, hi: int) -> bool:
        """True when tokens[lo:hi] hold a source phrase ('according to', 'verilerine göre')."""
        return any(True for _ in self.d.sources.search(tokens, lo, hi)) or any(
            tokens[i][0] == "göre" for i in range(lo, hi))

    def speaks_for_paragraph(self, tokens, lo: int, hi: int) -> bool:
        """True when the source of the sentence tokens[lo:hi] stands behind what follows it
        too: a source phrase ("According to the ministry, ...", "..., nach Angaben der
        Statistiker, ...", "TÜİK verilerine göre"), a closing attribution (", police said.", not
        that of a direct quote, which attributes the quote), a document ("The commission said in a statement that ..."), or a speaker the sentence
        opens on ("He emphasized that ...": what follows is their account, as desks read it).
        Not a verb deep in the sentence ("the number who said they used it", "since the
        company abandoned plans"), which is no attribution of the paragraph."""
        quoted = any(t[0] in _QUOTE_CHARS for t in tokens[lo:hi])  # the attribution is the quote's
        return self.has_source_phrase(tokens, lo, hi) \
            or (not quoted and self.closes_on_speaker(tokens, lo, hi)) \
            or self.names_document(tokens, lo, hi) or self.has_source(tokens, lo, min(hi, lo + 7))

    def continues(self, tokens, lo: int) -> bool:
        """True when the sentence starting at token ``lo`` opens by continuing the one before,
        or goes on in the mood of reported speech (German "Der Angeklagte habe ...")."""
        while lo < len(tokens) and tokens[lo][0] in "\"“«„(—–-":
            lo += 1
        if self.d.continuation.match(tokens, lo) > 0:
            return True
        reported = self.d.reported_speech
        return any(reported.has(t[3]) for t in tokens[lo:lo + 8])

    def closes_on_speaker(self, tokens, lo: int, hi: int) -> bool:
        """True when the sentence tokens[lo:hi] closes on its attribution after a comma (",
        the commission said.", ", said the minister.")."""
        end = hi
        while end > lo and not _is_word(tokens[end - 1][0]):
            end -= 1  # the closing marks
        for c in range(end - 1, max(lo, end - 9) - 1, -1):
            if tokens[c][0] == ",":
                if any(self.d.complementizers.has(t[3]) for t in tokens[c + 1:end]):
                    return False  # a verb with its clause: ", announced that it will grow"
                return any(True for _ in self.d.verbs.search(tokens, c + 1, end))
        return False

    def refers_back(self, tokens, lo: int, hi: int) -> bool:
        """True when tokens[lo:hi] point back at what the sentence before reported ("2.5
        million of these deaths", "the 4.8 percent gain that was expected")."""
        return any(True for _ in self.d.back_refs.search(tokens, lo, hi))

    def may_name_document(self, text: str) -> bool:
        """A cheap pre-check for ``names_document``: False when no document word starts in
        ``text``."""
        rx = self.d.__dict__.get("_document_hint")
        if rx is None:
            ps = self.d.documents
            words = sorted(set(ps.first) | set(ps.wild_prefixes), key=len, reverse=True)
            rx = self.d._document_hint = re.compile(
                r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + ")", re.IGNORECASE)
        return rx.search(text) is not None

    def names_document(self, tokens, lo: int, hi: int) -> bool:
        """True when tokens[lo:hi] name a document a story reports on (a report, survey, study,
        earnings, data), as the lead of a write-up does."""
        return any(True for _ in self.d.documents.search(tokens, lo, hi))

    def agency_credit(self, text: str) -> bool:
        d = self.d
        return d.agency_para(text) or ("contributed" in text and d.agency_contrib(text))


_TR_TIME = {"ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül",
            "ekim", "kasım", "aralık", "geçen", "önceki"}
