"""Scrape artifacts: a line repeated next to itself, a bare list marker, words glued together."""
from __future__ import annotations

import os
from functools import lru_cache

import regex

from lint import Option, Rule, hookimpl
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


_TOKEN = regex.compile(r"(?<![\w@#/.-])\p{L}{6,}(?![\w@/-]|\.\w)")
_HUMP = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")


class GluedWords(Rule):
    id = "glued-words"
    category = "formatting"
    severity = "warning"
    summary = "Two words run together where a link or line break was stripped ('designatedHuman')"
    explanation = """
    When a scraper drops the markup of a link it often drops the space around it too, leaving
    'Friday designated Human Rights Watch' as 'FridaydesignatedHuman'. A token is flagged when it
    is not a word (wordfreq's list for the language says it is practically never written) but
    splits into two common words, or when a lower-case letter runs into a capital inside it.
    Brand names written in camel case (YouTube, iPhone) are words and stay quiet. The lower-case
    check runs on English articles only, since German, Turkish or Russian compounds are real words.

    Bad:
        Russia's Justice Ministry on FridaydesignatedHuman Rights Watch as undesirable.

    Good:
        Russia's Justice Ministry on Friday designated Human Rights Watch as undesirable.
    """
    options = {
        "min_part_zipf": Option(float, 3.3, "how common (wordfreq zipf) each of the two parts must be"),
        "max_whole_zipf": Option(float, 1.5, "a token more common than this is a real word"),
    }

    def check(self, article):
        stop = _data("en-stopwords.txt")
        words = [w.lower() for b in article.text_blocks[:40] for w in b.text.split()[:80]]
        if not words or sum(w in stop for w in words) / len(words) < 0.12:
            return
        from lint.wordlist import common_words, zipf

        common = common_words("en")
        exceptions = _data("glue-exceptions.txt")
        min_part, max_whole = self.settings["min_part_zipf"], self.settings["max_whole_zipf"]

        def is_word(w: str) -> bool:
            return common.get(w.lower(), 0.0) >= min_part and (len(w) > 2 or w.lower() in ("a", "an", "in", "on", "to", "of", "at", "by", "up"))

        def split(token: str):
            low = token.lower()
            for i in range(2, len(low) - 1):
                if is_word(low[:i]) and is_word(low[i:]):
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
                    pieces = []
                    for h in humps:
                        pieces.extend(split(h) or (h,)) if not is_word(h) else pieces.append(h)
                    if all(is_word(p) for p in pieces):
                        parts = pieces
                elif len(humps) == 1:
                    parts = split(token)
                if not parts or zipf(low, "en") > max_whole:
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
