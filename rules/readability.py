"""Readability ceilings a desk sets: reading grade (article and paragraph), sentence length,
paragraph length.

Defaults are deliberately loose so ordinary wire copy stays quiet; a desk tightens them in
config. Grades come from textstat's Automated Readability Index (characters per word and words
per sentence, so it works the same way in every alphabetic language; textstat.set_lang is
applied where textstat knows the language). textstat is imported only when a cheap estimate of
the same formula comes near the ceiling.
"""
from __future__ import annotations

from lint import Option, Rule, hookimpl
from lint.model import PARAGRAPH
from lint.lazyre import lazy_re

# languages textstat has settings for (others are measured with its defaults)
_TEXTSTAT_LANGS = {"en": "en_US", "de": "de_DE", "es": "es_ES", "fr": "fr_FR", "it": "it_IT",
                   "nl": "nl_NL", "pl": "pl_PL", "ru": "ru_RU", "hu": "hu_HU", "cs": "cs_CZ"}
_END = (".", "!", "?", "…", '"', "”", "»", "’", ")")
_textstat = None


def _ts(lang: str):
    global _textstat
    if _textstat is None:
        import textstat

        _textstat = textstat
    try:
        _textstat.set_lang(_TEXTSTAT_LANGS.get(lang, "en_US"))
    except Exception:  # an older textstat without the language: keep its default
        pass
    return _textstat


def _estimate(words: list[str], sentences: int) -> float:
    """ARI from whitespace words: 4.71 * characters/word + 0.5 * words/sentence - 21.43."""
    if not words or not sentences:
        return 0.0
    chars = len("".join(words))
    return 4.71 * chars / len(words) + 0.5 * len(words) / sentences - 21.43


_TS_SENTENCE = lazy_re(r"\b[^.!?]+[.!?]*")  # compiled on first use (rare: near a ceiling)
_PUNCT_ONLY = lazy_re(r"^[^\w]+$")


def _ts_estimate(text: str) -> float:
    """textstat's ARI, approximated without importing it (same sentence and word counting)."""
    words = [w for w in text.split() if not _PUNCT_ONLY.match(w)]
    if not words:
        return 0.0
    found = _TS_SENTENCE.findall(text)
    sentences = max(1, len(found) - sum(1 for f in found if len(f.split()) <= 2))
    chars = len("".join(text.split()))
    return 4.71 * chars / len(words) + 0.5 * len(words) / sentences - 21.43


def _spaced(article) -> bool:
    """Whether words are separated by spaces (not Chinese or Japanese)."""
    sample = " ".join(b.text for b in article.paragraphs[:5])
    if not sample:
        return False
    return len(sample.split()) >= len(sample) / 25


_BOUNDARY = None


def _sentence_count(text: str) -> int:
    """Sentences in ``text``, counted cheaply (abbreviations may add a few: grades err low)."""
    global _BOUNDARY
    if _BOUNDARY is None:
        import regex

        _BOUNDARY = regex.compile(r"[.!?…][\"'”’»)\]]*\s+(?=[\"'“‘«(\[¿¡—–-]?[\p{Lu}\p{Lt}\p{N}\p{Lo}])")
    return 1 + len(_BOUNDARY.findall(text))


def _prose(article):
    """(paragraph, sentence count) for paragraphs that read as prose: they end like a sentence
    or hold several sentences. Cached on the article."""
    cached = article.annotations.get("newslint.prose")
    if cached is None:
        cached = []
        for b in article.paragraphs:
            n = _sentence_count(b.text)
            if n >= 2 or b.text.rstrip().endswith(_END):
                cached.append((b, n))
        article.annotations["newslint.prose"] = cached
    return cached


def _language(article) -> str:
    from rules.language import article_language

    return article_language(article)


_OFFSETS: dict[str, float] | None = None


def _offsets() -> dict[str, float]:
    global _OFFSETS
    if _OFFSETS is None:
        import os

        _OFFSETS = {}
        path = os.path.join(os.path.dirname(__file__), "data", "readability", "grade-offsets.txt")
        with open(path, encoding="utf-8") as f:
            for line in f:
                key, sep, value = line.partition(":")
                if sep and not line.startswith("#"):
                    _OFFSETS[key.strip()] = float(value)
    return _OFFSETS


def _offset(article) -> tuple[float, str]:
    """(grades added to the ceilings for the article's language, a note for the message)."""
    lang = _language(article)
    off = _offsets().get(lang, 0.0)
    return off, (f" +{off:g} for {lang}" if off else "")


class ReadingGrade(Rule):
    id = "reading-grade"
    category = "readability"
    severity = "info"
    summary = "An article or paragraph whose reading grade (ARI) is above the desk's ceiling"
    explanation = """
    The Automated Readability Index (textstat) estimates the school grade needed to follow a
    text from its word and sentence lengths. Wire copy sits around grade 10 to 14; the default
    ceilings (article 25, paragraph 40, paragraphs of 40 words or more) only catch extreme
    prose: runaway sentences built of long words. Languages with long words (German, Russian,
    Turkish, ...) get a few grades more (rules/data/readability/grade-offsets.txt). Tighten
    `max_grade` and `max_paragraph_grade` to the desk's style.

    Bad:
        Notwithstanding considerable intergovernmental disagreements concerning
        implementation responsibilities, comprehensive infrastructure modernisation
        programmes, administered simultaneously by municipal, regional and national
        authorities under overlapping statutory frameworks, ... (one 70-word sentence)

    Good:
        The three levels of government disagree about who should carry out the plan.
        Each has its own rules, and they overlap.
    """
    options = {
        "max_grade": Option(float, 25.0, "highest ARI grade for a whole article"),
        "max_paragraph_grade": Option(float, 40.0, "highest ARI grade for one paragraph"),
        "min_paragraph_words": Option(int, 40, "shortest paragraph judged on its own"),
    }
    uses = frozenset({"textstat"})

    def warm_up(self):
        # textstat itself (~300 ms to import) is left to the rare article near a ceiling:
        # importing it here would cost every parallel run more than it saves
        from rules.language import warm_up

        _sentence_count("Warm up. Done.")
        _ts_estimate("Warm up. Done.")
        _offsets()
        warm_up()  # the article-language guess

    def check(self, article):
        if not _spaced(article):
            return
        limit, plimit = self.settings["max_grade"], self.settings["max_paragraph_grade"]
        min_words = self.settings["min_paragraph_words"]
        all_words, all_sentences, prose = [], 0, []
        for b, n_sent in _prose(article):
            words = b.text.split()
            all_words.extend(words)
            all_sentences += n_sent
            prose.append((b, words, n_sent))
        text = "\n".join(b.text for b, _, _ in prose)
        offset = None
        if len(all_words) >= 150 and _estimate(all_words, all_sentences) > limit - 1 and \
                _ts_estimate(text) > limit - 0.5:
            offset, note = _offset(article)
            if _ts_estimate(text) > limit + offset - 0.5:
                grade = _ts(_language(article)).automated_readability_index(text)
                if grade > limit + offset:
                    first = prose[0][0]
                    yield self.finding(
                        article, first.line, first.column, first.end_line, first.end_column,
                        f"the article reads at grade {grade:.1f} (ARI, ceiling {limit:g}{note}): "
                        f"{len(all_words) / max(1, all_sentences):.0f} words per sentence on "
                        f"average")
        for b, words, n_sent in prose:
            if len(words) < min_words or _estimate(words, n_sent) <= plimit - 1 or \
                    _ts_estimate(b.text) <= plimit - 0.5:
                continue
            if offset is None:
                offset, note = _offset(article)
            if _ts_estimate(b.text) <= plimit + offset - 0.5:
                continue
            grade = _ts(_language(article)).automated_readability_index(b.text)
            if grade > plimit + offset:
                yield self.block_finding(
                    article, b,
                    f"paragraph reads at grade {grade:.1f} (ARI, ceiling {plimit:g}{note}): "
                    f"{len(words)} words in {n_sent} sentence{'s' if n_sent > 1 else ''}")


class LongSentence(Rule):
    id = "long-sentence"
    category = "readability"
    severity = "info"
    summary = "A sentence longer than the desk's ceiling (default 80 words)"
    explanation = """
    A sentence past 80 words loses almost every reader; wire style keeps them near 20 to 30. Only
    sentences in prose paragraphs count (not lists, tables or captions without punctuation).
    Set `max_words` to the desk's limit.

    Bad:
        The council, which met on Tuesday for the third time this month after two sessions
        were cut short by protests over the budget, ... (60 more words) ..., approved the plan.

    Good:
        The council approved the plan on Tuesday. It was the third meeting this month; protests
        over the budget had cut the first two short.
    """
    options = {"max_words": Option(int, 80, "longest sentence, in words")}

    def warm_up(self):
        from lint.sentences import split_sentences

        _sentence_count("Warm up. Done.")
        split_sentences("Warm up. Done.")

    def check(self, article):
        if not _spaced(article):
            return
        limit = self.settings["max_words"]
        from lint.model import Sentence
        from lint.sentences import split_sentences

        for b, _ in _prose(article):
            if len(b.text.split()) <= limit:
                continue  # cheap: no sentence of a short paragraph can pass the ceiling
            for start, end in split_sentences(b.text):
                n = len(b.text[start:end].split())
                if n > limit:
                    line, col, end_line, end_col = Sentence(b, start, end).span()
                    yield self.finding(article, line, col, end_line, end_col,
                                       f"sentence of {n} words (ceiling {limit})")


class LongParagraph(Rule):
    id = "long-paragraph"
    category = "readability"
    severity = "info"
    summary = "A paragraph longer than the desk's ceiling (default 250 words)"
    explanation = """
    News paragraphs are short: one idea, two to four sentences. A paragraph past 250 words is
    usually two or three paragraphs run together (often by an export that lost the breaks).
    Set `max_words` to the desk's limit.

    Bad:
        (a 300-word paragraph covering the vote, the reaction and the background)

    Good:
        (the same text in three paragraphs: the vote; the reaction; the background)
    """
    options = {"max_words": Option(int, 250, "longest paragraph, in words")}

    def check(self, article):
        if not _spaced(article):
            return
        limit = self.settings["max_words"]
        for b in article.paragraphs:
            if b.kind != PARAGRAPH:
                continue
            n = len(b.text.split())
            if n > limit:
                yield self.block_finding(article, b, f"paragraph of {n} words (ceiling {limit})",
                                         0, min(len(b.text), 80))


@hookimpl
def register_rules(register):
    register(ReadingGrade)
    register(LongSentence)
    register(LongParagraph)
