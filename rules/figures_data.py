"""Language data for the unsourced-figure rule, read from rules/data/figures/ once per process.

Phrase lists are matched on tokens (words, numbers, single punctuation marks), not with one
huge regular expression: that keeps start-up and scanning cheap.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

DATA_DIR = os.path.join(os.path.dirname(__file__), "data", "figures")
LANGS = ("en", "tr", "ru", "de", "es")

# 1,234.5 / 1.234,5 / 1 234,5 / 1234 / 12.5
NUMBER_PATTERN = (
    r"(?<![\w.,])(?:\d{1,3}(?:(?:,\d{3})+(?:\.\d+)?|(?:\.\d{3})+(?:,\d+)?|"
    r"(?:[ \u00a0\u202f]\d{3})+(?![.,]\d{3})(?:,\d+)?)|\d+(?:[.,]\d+)?)(?!\d)")
NUMBER = re.compile(NUMBER_PATTERN)
# A token: a number, a word (with an inner apostrophe), or one other character.
TOKEN = re.compile(r"[^\W\d]\w*(?:['’]\w+)*|" + NUMBER_PATTERN + r"|\d\w*|[^\w\s]")


def read_sections(path: str) -> dict[str, list[str]]:
    """``[section]`` headers, one entry a line; a line starting with '# ' is a comment."""
    sections: dict[str, list[str]] = {}
    current = None
    with open(path, encoding="utf-8") as fh:
        for raw in fh:
            line = raw.strip()
            if not line or line.startswith("# "):
                continue
            if line.startswith("[") and line.endswith("]") and len(line) > 2:
                current = sections.setdefault(line[1:-1], [])
                continue
            if current is not None:
                current.append(line)
    return sections


def tokenize(text: str) -> list[tuple[str, int, int, str]]:
    """(token, start, end, lower-case token) for each token of ``text``."""
    return [(g, m.start(), m.end(), g.lower()) for m in TOKEN.finditer(text) for g in (m.group(),)]


def _render(node: dict) -> str:
    """A regex from a character trie (keys are escaped characters, None marks an end)."""
    alts = [key + _render(child) for key, child in node.items() if key is not None]
    if None in node:
        alts.append("")
    if len(alts) == 1:
        return alts[0]
    if None in node:
        return "(?:" + "|".join(alts[:-1]) + ")?"
    return "(?:" + "|".join(alts) + ")"


GAP = ("gap",)  # a lone '*' in an entry: one to eight tokens


class PhraseSet:
    """Entries matched on token lists. A trailing '*' on a word matches any ending; a lone '*'
    matches one to eight tokens. ``case`` False compares lower-case."""

    def __init__(self, entries, case: bool = False):
        self.case = case
        self.first: dict[str, list[tuple]] = {}
        self.wild_first: list[tuple[str, tuple]] = []
        for e in entries:
            pats = self._compile(e if case else e.lower())
            if not pats:
                continue
            head, tail = pats[0], tuple(pats[1:])
            if isinstance(head, tuple):
                self.wild_first.append((head[1], tail))
            else:
                self.first.setdefault(head, []).append(tail)
        self.wild_prefixes = tuple(p for p, _ in self.wild_first)

    @staticmethod
    def _compile(entry: str) -> list:
        pats: list = []
        last_end = -1
        for m in TOKEN.finditer(entry):
            tok = m.group()
            if tok == "*":
                if pats and m.start() == last_end and not isinstance(pats[-1], tuple):
                    pats[-1] = ("pre", pats[-1])
                else:
                    pats.append(GAP)
            else:
                pats.append(tok)
            last_end = m.end()
        return pats

    def _tok(self, tokens, i):
        return tokens[i][0] if self.case else tokens[i][3]

    def may_start(self, tok: tuple) -> bool:
        t = tok[0] if self.case else tok[3]
        return t in self.first or (bool(self.wild_prefixes) and t.startswith(self.wild_prefixes))

    def ends(self, tokens, i) -> list[int]:
        """End indices (exclusive) of the entries that match starting at token ``i``."""
        if i >= len(tokens):
            return []
        t = self._tok(tokens, i)
        out = []
        for tail in self.first.get(t, ()):
            out.extend(self._match_tail(tokens, i + 1, tail))
        if self.wild_prefixes and t.startswith(self.wild_prefixes):
            for prefix, tail in self.wild_first:
                if t.startswith(prefix):
                    out.extend(self._match_tail(tokens, i + 1, tail))
        return out

    def _match_tail(self, tokens, i, tail) -> list[int]:
        if not tail:
            return [i]
        pat = tail[0]
        if pat is GAP:
            out = []
            for k in range(1, 9):
                out.extend(self._match_tail(tokens, i + k, tail[1:]))
            return out
        if i >= len(tokens):
            return []
        t = self._tok(tokens, i)
        if isinstance(pat, tuple):
            ok = t.startswith(pat[1])
        else:
            ok = t == pat
        return self._match_tail(tokens, i + 1, tail[1:]) if ok else []

    def match(self, tokens, i) -> int:
        """End index of the longest entry starting at ``i``, or -1."""
        ends = self.ends(tokens, i)
        return max(ends) if ends else -1

    def ending_at(self, tokens, j, reach: int = 6) -> int:
        """Start index of the longest entry that ends exactly at token ``j``, or -1."""
        best = -1
        for i in range(max(0, j - reach), j):
            if self.may_start(tokens[i]) and j in self.ends(tokens, i):
                best = i
                break
        return best

    def search(self, tokens, lo=0, hi=None):
        hi = len(tokens) if hi is None else hi
        first, wild, col = self.first, self.wild_prefixes, 0 if self.case else 3
        for i in range(lo, hi):
            t = tokens[i][col]
            if t in first or (wild and t.startswith(wild)):
                end = self.match(tokens, i)
                if end > 0:
                    yield i, end


class WordSet:
    """Exact words plus prefixes (entries ending in '*'), compared lower-case."""

    def __init__(self, entries):
        self.exact = set()
        prefixes = set()
        for e in entries:
            e = e.lower()
            if e.endswith("*") and len(e) > 1:
                prefixes.add(e[:-1])
            else:
                self.exact.add(e)
        self.prefixes = tuple(sorted(prefixes))

    def __contains__(self, word: str) -> bool:
        w = word.lower()
        return w in self.exact or (bool(self.prefixes) and w.startswith(self.prefixes))


class Data:
    """Everything the rule needs, built from the data files."""

    def __init__(self):
        per_lang = {lang: read_sections(os.path.join(DATA_DIR, f"{lang}.txt")) for lang in LANGS}
        common = read_sections(os.path.join(DATA_DIR, "common.txt"))

        def union(section):
            out = []
            for lang in LANGS:
                out.extend(per_lang[lang].get(section, ()))
            return out

        en = per_lang["en"]
        # -- attribution ----------------------------------------------------------------
        self.verbs = PhraseSet(union("reporting_verbs"), case=True)
        self.sources = PhraseSet(union("source_phrases"))
        self.passive_aux = WordSet(en.get("passive_aux", ()))
        self.adjective_markers = WordSet(en.get("adjective_markers", ()))
        self.continuation = PhraseSet(union("continuation"))
        self.gore_stems = tuple(s.lower() for s in per_lang["tr"].get("source_before_gore", ()))
        ag = "|".join(re.escape(a) for a in sorted(common.get("agencies", []), key=len, reverse=True))
        ag = r"(?<!\w)(?:" + ag + r")(?!\w)"
        self.agency_para_re = re.compile(
            r"[(\[/]\s*" + ag + r"(?:\s*[/,;]\s*[\w .-]{1,25})?\s*[)\]/]"
            r"|[-–—]\s*" + ag + r"\s*\.?\s*$")
        self.agency_contrib_re = re.compile(ag + r"\s+contributed(?:\s+to\s+this)?\s+report")
        self.agency_dateline_re = re.compile(
            r"^[^\n]{0,80}?(?:[(\[/]\s*" + ag + r"(?:\s*[/,;]\s*[\w .-]{1,25})?\s*[)\]/]\s*[-–—:.]"
            r"|[-–—]\s*" + ag + r"\s*[.:]|" + ag + r"\s*[-–—:]\s)")
        self.agency_line_re = re.compile(
            r"^\W*(?:(?:source|quelle|kaynak|источник|fuente|con información de|"
            r"with reporting by|reporting by|agencies)\s*:?\s*)?" + ag +
            r"(?:\s*[/,&;+]\s*(?:" + ag + r"|[\w .]{1,25}))*\W*$", re.IGNORECASE)
        self.agency_footer_re = re.compile(
            r"\b(?:(?:Additional )?[Rr]eporting by|contributed to this report|"
            r"Редактирование|Con información de|Mit Material von)\b")
        # -- figures --------------------------------------------------------------------
        self.currency_symbols = set(s for s in common.get("currency_symbols", []) if len(s) == 1)
        self.currency_prefixes = {s[:-1].lower() for s in common.get("currency_symbols", []) if len(s) > 1}
        self.currency_codes = set(common.get("currency_codes", []))
        self.currencies = PhraseSet(union("currencies"))
        self.percent_words = PhraseSet(union("percent_words"))
        self.percent_before = WordSet(union("percent_before"))
        self.approximators = PhraseSet(union("approximators"))
        self.designators = PhraseSet(union("designators"))
        self.months_before = set(en.get("months_before", ()))
        mags = union("magnitudes")
        self.magnitudes = PhraseSet([m for m in mags if len(m) > 1])
        self.glued_mags = ({m.lower() for m in mags if len(m) <= 3 and m.isalpha()} | {
            "bn", "mn", "mln", "bln", "tn", "trn"}) - {"m", "k", "b", "mm"}
        self.mult_after = WordSet(union("multiple_after"))
        self.mult_comp = WordSet(union("multiple_comparatives"))
        self.mult_words = PhraseSet(union("multiple_words"))
        self.mult_exceptions = WordSet(union("multiple_exceptions"))
        self.mult_verbs = WordSet(union("multiple_verbs"))
        self.number_words = WordSet(union("number_words"))
        self.post_approx = WordSet(union("post_approximators"))
        self.noncount = WordSet(union("noncount"))
        self.count_units = WordSet(union("count_units"))
        self.stop = WordSet(union("stop"))
        self.definite = WordSet(union("definite"))
        self.recipe_measures = {m.lower() for m in union("recipe_measures")}
        self.percent_idioms = WordSet(union("percent_idioms"))
        # first words of what may follow a number in a figure, for the cheap pre-check
        figure_words = set()
        for sec in ("magnitudes", "percent_words", "currencies", "count_units", "multiple_after"):
            for e in union(sec):
                w = e.split()[0].lower()
                figure_words.add(w[:-1] if w.endswith("*") else w)
        self.figure_word_prefixes = tuple(sorted(figure_words))
        triggers = {m.lower().rstrip(".") for m in mags if len(m) > 2}
        triggers |= {max(e.lower().split(), key=len) for e in union("multiple_words")}
        triggers |= {"times", "veces", "раз", "раза", "kat", "mal"}
        self.trigger_words = frozenset(x for x in triggers if not x.endswith("*"))
        self.trigger_prefixes = tuple(sorted(x[:-1] for x in triggers if x.endswith("*")))
        def trie_of(stems):
            trie: dict = {}
            for stem in stems:
                node = trie
                for ch in stem:
                    node = node.setdefault(re.escape(ch), {})
                node[None] = ""
            return _render(trie)

        # whole words ('mil', not 'family'), or word starts for the stems ('удвоил*')
        self.trigger_re = re.compile(trie_of(self.trigger_words | set(self.trigger_prefixes)))
        self.lang_of_word: dict[str, list[str]] = {}
        lang_words = {
            "en": {"the", "and", "of", "to", "is", "that", "for", "said", "with", "was"},
            "de": {"der", "die", "und", "das", "ist", "nicht", "mit", "sich", "den", "dem", "auf"},
            "es": {"el", "los", "las", "que", "del", "por", "una", "para", "según", "con", "se"},
            "tr": {"ve", "bir", "bu", "için", "ile", "olarak", "da", "de", "daha", "olan"},
            "pt": {"os", "não", "uma", "com", "do", "da", "que", "em", "para", "foi"},
        }
        for lang, vocab in lang_words.items():
            for w in vocab:
                self.lang_of_word.setdefault(w, []).append(lang)

    def word_triggers_in(self, lower_text: str):
        """A regex for the triggers of figures written in words ('doubled', 'two million')
        found in ``lower_text``, or None: search the article once, then each block for the few
        found."""
        found = set(self.trigger_re.findall(lower_text))  # substrings: cheap, then checked
        if not found:
            return None
        exact = [f for f in found if f in self.trigger_words]
        prefix = [f for f in found if f not in self.trigger_words]
        parts = []
        if exact:
            parts.append(r"(?<!\w)(?:" + "|".join(map(re.escape, exact)) + r")(?!\w)")
        if prefix:
            parts.append(r"(?<!\w)(?:" + "|".join(map(re.escape, prefix)) + ")")
        rx = re.compile("|".join(parts))
        return rx if rx.search(lower_text) else None


@lru_cache(maxsize=1)
def data() -> Data:
    return Data()
