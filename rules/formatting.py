"""Scrape artifacts: a line repeated next to itself, a bare list marker, words glued together."""
from __future__ import annotations

import os
from functools import lru_cache

from lint import Option, Rule, hookimpl
from lint.lazyre import lazy_regex
from lint.model import BLANK, LIST_ITEM

_DATA = os.path.join(os.path.dirname(__file__), "data", "formatting")


@lru_cache(maxsize=None)
def _data(name: str) -> frozenset[str]:
    with open(os.path.join(_DATA, name), encoding="utf-8") as f:
        return frozenset(l.strip().lower() for l in f if l.strip() and not l.startswith("#"))


class RepeatedLine(Rule):
    id = "repeated-line"
    category = "formatting"
    severity = "warning"
    fixable = True
    summary = "A line repeated verbatim right after itself (a headline twice, a doubled paragraph)"
    explanation = """
    Scrapers that read both the page title and the article heading, or a CMS that renders a
    block twice, leave the same text on two neighbouring lines. The second copy is flagged and
    --fix removes it.

    Bad:
        Putin Strengthens Ties with Kyrgyzstan
        Putin Strengthens Ties with Kyrgyzstan

    Good:
        Putin Strengthens Ties with Kyrgyzstan
        On Wednesday, President Vladimir Putin met ...
    """

    def check(self, article):
        prev = None
        for b in article.blocks:
            if b.kind == BLANK or not b.text:
                continue
            if prev is not None and b.text == prev.text and len(b.text) > 1:
                yield self.block_finding(
                    article, b, f"repeats line {prev.line} verbatim", fix=True)
            prev = b


class BareListMarker(Rule):
    id = "bare-list-marker"
    category = "formatting"
    severity = "info"
    fixable = True
    summary = "A list marker ('-', '*', '•') alone on a line, its item text on another line"
    explanation = """
    Exports that flatten HTML lists often leave the bullet on a line of its own and the item on
    the next. The article reads fine once the orphan marker goes; --fix removes it.

    Bad:
        -
        A memorandum on cooperation in strategic planning;

    Good:
        - A memorandum on cooperation in strategic planning;
    """

    def check(self, article):
        for b in article.blocks:
            if b.kind == LIST_ITEM and not b.text:
                yield self.finding(article, b.line, b.column, b.end_line, b.end_column,
                                   f"list marker '{b.marker}' alone on a line", self._fix(b))

    @staticmethod
    def _fix(b):
        from lint import Fix

        return Fix(b.line, b.end_line)


@lru_cache(maxsize=None)
def _affixes() -> tuple[frozenset[str], frozenset[str]]:
    prefixes, suffixes = set(), set()
    for line in _data("affixes.txt"):
        kind, _, words = line.partition(":")
        (prefixes if kind == "prefix" else suffixes).update(words.split())
    return frozenset(prefixes), frozenset(suffixes)


_GUESSED = ("en", "de", "es", "tr", "ru")  # the languages with word lists good enough to split


def guess_language(article) -> str | None:
    """en, de, es, tr or ru: the engine's cheap language (config pin, confident stop-word vote,
    declared metadata); for a short article the engine's vote is unsure (it wants a dozen
    function words), so its lists are asked leniently: 8 % of at least 20 words. None when
    that cannot tell or names another language (no langdetect here)."""
    from lint.language import cheap_language, vote_text

    lang = cheap_language(article)
    if not lang:
        sample = "\n".join(" ".join(b.text.split()[:80]) for b in article.text_blocks[:40])
        if len(sample.split()) >= 20:
            lang = vote_text(sample, 1, 1.01, 0.08, _GUESSED)
    return lang if lang in _GUESSED else None


_TOKEN = lazy_regex(r"(?<![\w@#/.-])\p{L}{6,}(?![\w@/-]|\.\w)")  # compiled on first use
_HUMP = lazy_regex(r"(?<=\p{Ll})(?=\p{Lu})")


class GluedWords(Rule):
    id = "glued-words"
    category = "formatting"
    severity = "warning"
    summary = "Two words run together where a link or line break was stripped ('designatedHuman')"
    explanation = """
    When a scraper drops the markup of a link it often drops the space around it too, leaving
    'Friday designated Human Rights Watch' as 'FridaydesignatedHuman'. A token is flagged when it
    is not a word (wordfreq's list for the language says it is practically never written) but
    splits into two common words, or when a lower-case word runs into a capital inside it.
    Capitalised tokens are read as names (Westmarch, Eastbridge) and PascalCase as brands
    (YouTube, MetalsDesk), so they stay quiet unless a lower-case word sits inside them. The
    article's language (en, de, es, tr, ru) is guessed from its function words. All-lower-case
    splits ('authoritiesshut') are checked in English only: Turkish, Russian or Spanish word forms
    are too often missing from the word lists; a lower-case word running into a capital
    ('desZubaus', 'afirmóÁvila') is checked in all five.

    Bad:
        Russia's Justice Ministry on FridaydesignatedHuman Rights Watch as undesirable.

    Good:
        Russia's Justice Ministry on Friday designated Human Rights Watch as undesirable.
    """
    options = {
        "min_part_zipf": Option(float, 4.3, "how common (wordfreq zipf) each part of an all-lower-case split must be"),
        "min_hump_zipf": Option(float, 3.3, "how common the lower-case word before a capital must be"),
        "max_whole_zipf": Option(float, 1.5, "a token more common than this is a real word"),
    }

    def warm_up(self):
        from lint.wordlist import common_words

        _TOKEN.search("")
        _HUMP.search("")
        _affixes()
        _data("glue-exceptions.txt")
        for lang in _GUESSED:
            _data(f"stopwords/{lang}.txt")
            common_words(lang)

    def check(self, article):
        lang = guess_language(article)
        if lang is None:
            return
        from lint.wordlist import common_words, zipf

        common = common_words(lang)
        if not common:
            return
        exceptions = _data("glue-exceptions.txt")
        min_part, max_whole = self.settings["min_part_zipf"], self.settings["max_whole_zipf"]
        min_hump = self.settings["min_hump_zipf"]
        # the few function words that may be one part of a glued pair ('warningsfrom', 'downin'),
        # some of them one or two letters long: deliberately shorter than the engine's stop-word
        # lists (lint.language.stopwords), whose 'my', 'up' would split 'myMuseum', 'upsample'
        short_ok = _data(f"stopwords/{lang}.txt")
        prefixes, suffixes = _affixes()

        def is_word(w: str, floor: float = min_hump) -> bool:
            w = w.lower()
            return common.get(w, 0.0) >= floor and (len(w) > 2 or w in short_ok)

        def split(token: str, floor: float = min_part):
            # two very common words, or a word and a function word ('warningsfrom', 'downin')
            low = token.lower()
            for i in range(2, len(low) - 1):
                head, tail = low[:i], low[i:]
                if head in prefixes or tail in suffixes:
                    continue
                if (is_word(head, floor) and is_word(tail, floor)) or (
                        # a two-letter head is too often a prefix (inefficacy): only tails
                        (head in short_ok and len(head) > 2 and is_word(tail, min_hump))
                        or (tail in short_ok and is_word(head, min_hump))):
                    return token[:i], token[i:]
            return None

        for block in article.text_blocks:
            for m in _TOKEN.finditer(block.text):
                token = m.group()
                low = token.lower()
                if low in common or low in exceptions:
                    continue
                humps = _HUMP.split(token)
                parts = None
                if len(humps) > 1:
                    # PascalCase brands (MetalsDesk) are written that way; glue is a lower-case
                    # word running into a capital (designatedHuman, FridaydesignatedHuman)
                    pieces, glued = [], False
                    for h in humps[:-1]:
                        cut = None if is_word(h) else split(h, min_hump)
                        pieces.extend(cut or (h,))
                        glued = glued or bool(cut) or (h.islower() and is_word(h))
                    pieces.append(humps[-1])
                    # the capitalised tail may be a rare name or inflected noun (desZubaus)
                    tail = pieces[-1]
                    if (glued and all(is_word(p) for p in pieces[:-1]) and len(tail) >= 3
                            and not tail.isupper()):  # leanFIRE: a word and an acronym
                        parts = pieces
                elif token.islower() and lang == "en":
                    # a capitalised token is more likely a name (Westmarch, Eastbridge) than glue;
                    # in inflected languages (tr, ru, es enclitics) real word forms are too often
                    # missing from the word lists for an all-lower-case split to be trusted
                    parts = split(token)
                if not parts or zipf(low, lang) > max_whole:
                    continue
                yield self.block_finding(
                    article, block,
                    f"'{token}' looks like words glued together ('{' '.join(parts)}'): "
                    "a stripped link or line break took the space",
                    m.start(), m.end())


@hookimpl
def register_rules(register):
    register(GluedWords)
    register(RepeatedLine)
    register(BareListMarker)
