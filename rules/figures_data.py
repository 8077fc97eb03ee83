"""Language data for the unsourced-figure rule, read from rules/data/figures/ once per process.

Phrase lists are matched on tokens (words, numbers, single punctuation marks), not with one
huge regular expression: that keeps start-up and scanning cheap.

Speed (every pre-commit run pays the loading): the phrase lists are compiled into
data/figures/index.json (rebuild it with ``python -m rules.figures_data`` after editing a data
file; a stale index is rebuilt in memory, more slowly, with the same results). The agency and
trigger patterns are compiled over the names and words a text actually holds (they find the
same there and compile in a fraction of the time); ``Data.warm_up`` compiles them over all.
"""
from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from itertools import accumulate

from lint.datafiles import digest as _digest

DATA_DIR = os.path.join(os.path.dirname(__file__), "data", "figures")
LANGS = ("en", "tr", "ru", "de", "es")

# 1,234.5 / 1.234,5 / 1 234,5 / 1234 / 12.5
NUMBER_PATTERN = (
    r"(?<![\w.,])(?:\d{1,3}(?:(?:,\d{3})+(?:\.\d+)?|(?:\.\d{3})+(?:,\d+)?|"
    r"(?:[ \u00a0\u202f]\d{3})+(?![.,]\d{3})(?:,\d+)?)|\d+(?:[.,]\d+)?)(?!\d)")
# NUMBER_PATTERN opening on its first digit: a pattern that starts with a look-behind is tried at
# every position of a text, one that starts with \d skips to the digits (3x faster on an article)
NUMBER = re.compile(
    r"\d(?<![\w.,]\d)(?:\d{0,2}(?:(?:,\d{3})+(?:\.\d+)?|(?:\.\d{3})+(?:,\d+)?|"
    r"(?:[ \u00a0\u202f]\d{3})+(?![.,]\d{3})(?:,\d+)?)|\d*(?:[.,]\d+)?)(?!\d)")
# A token: a number, a word (with an inner apostrophe), or one other character. (The
# lookaheads only fail fast at spaces and non-digits, and the word's repeats are possessive as
# nothing after them could take back a character: they change no match.)
TOKEN = re.compile(r"(?=\S)(?:[^\W\d]\w*+(?:['’]\w+)*+|(?=\d)(?:" + NUMBER_PATTERN
                   + r"|\d\w*)|[^\w\s])")


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


_TOKEN_SPLIT = re.compile(f"({TOKEN.pattern})")


def tokenize(text: str) -> list[tuple[str, int, int, str]]:
    """(token, start, end, lower-case token) for each token of ``text``."""
    # split() gives the spaces and the tokens in turn ([space, token, space, ..., space]); their
    # summed lengths are the offsets, with no Python step per token
    parts = _TOKEN_SPLIT.split(text)
    offsets = list(accumulate(map(len, parts)))
    toks = parts[1::2]
    return list(zip(toks, offsets[0::2], offsets[1::2], map(str.lower, toks)))


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


GAP = "*"  # in a compiled entry: one to eight tokens (a literal '*' never is a token there)
# a word with a trailing '*' (any ending) is compiled to a one-item list: [prefix]


class PhraseSet:
    """Entries matched on token lists. A trailing '*' on a word matches any ending; a lone '*'
    matches one to eight tokens. ``case`` False compares lower-case."""

    def __init__(self, entries, case: bool = False):
        first: dict[str, list] = {}
        wild_first: list = []
        for e in entries:
            pats = self._compile(e if case else e.lower())
            if not pats:
                continue
            head, tail = pats[0], pats[1:]
            if isinstance(head, list):
                wild_first.append([head[0], tail])
            else:
                first.setdefault(head, []).append(tail)
        self._set(first, wild_first, case)

    def _set(self, first, wild_first, case):
        self.case = case
        self.first = first
        self.wild_first = wild_first
        self.wild_prefixes = tuple(p for p, _ in wild_first)
        # The last token of each entry, when all are plain words (else None): no entry ends at
        # a token that is not one of them.
        last = [tail[-1] if tail else head for head, tails in first.items() for tail in tails]
        plain = not wild_first and all(isinstance(t, str) and t != GAP for t in last)
        self._last = set(last) if plain else None
        # The first two tokens of each entry that goes on with a plain word, and the first tokens
        # of the others: most tokens that start an entry ('the', 'a', ',' in the source phrases)
        # are not followed by a second token of one.
        self._pairs = {(head, tail[0]) for head, tails in first.items() for tail in tails
                       if tail and isinstance(tail[0], str) and tail[0] != GAP}
        self._loose = {head for head, tails in first.items() for tail in tails
                       if not tail or not isinstance(tail[0], str) or tail[0] == GAP}

    def raw(self) -> list:
        """The compiled entries as plain JSON data (see ``from_raw``)."""
        return [self.first, self.wild_first, self.case]

    @classmethod
    def from_raw(cls, raw) -> "PhraseSet":
        self = cls.__new__(cls)
        self._set(*raw)
        return self

    @staticmethod
    def _compile(entry: str) -> list:
        pats: list = []
        last_end = -1
        for m in TOKEN.finditer(entry):
            tok = m.group()
            if tok == "*":
                if pats and m.start() == last_end and isinstance(pats[-1], str) and pats[-1] != GAP:
                    pats[-1] = [pats[-1]]
                else:
                    pats.append(GAP)
            else:
                pats.append(tok)
            last_end = m.end()
        return pats

    def _tok(self, tokens, i):
        return tokens[i][0] if self.case else tokens[i][3]

    def may_end(self, t: str) -> bool:
        """False when no entry ends with the token ``t`` (lower-case unless ``case``)."""
        return self._last is None or t in self._last

    def may_start(self, tok: tuple) -> bool:
        t = tok[0] if self.case else tok[3]
        return t in self.first or (bool(self.wild_prefixes) and t.startswith(self.wild_prefixes))

    def ends(self, tokens, i) -> list[int]:
        """End indices (exclusive) of the entries that match starting at token ``i``."""
        if i >= len(tokens):
            return []
        t = self._tok(tokens, i)
        out = []
        tails = self.first.get(t, ())
        if tails:
            # most entries fail on their second token: compare it here, before the full match
            nxt = self._tok(tokens, i + 1) if i + 1 < len(tokens) else None
            for tail in tails:
                if tail and tail[0] != nxt and tail[0] != GAP and isinstance(tail[0], str):
                    continue
                out.extend(self._match_tail(tokens, i + 1, tail))
        if self.wild_prefixes and t.startswith(self.wild_prefixes):
            for prefix, tail in self.wild_first:
                if t.startswith(prefix):
                    out.extend(self._match_tail(tokens, i + 1, tail))
        return out

    def _match_tail(self, tokens, i, tail) -> list[int]:
        n = len(tokens)
        col = 0 if self.case else 3
        for k, pat in enumerate(tail):
            if pat == GAP:
                out = []
                for g in range(1, 9):
                    out.extend(self._match_tail(tokens, i + g, tail[k + 1:]))
                return out
            if i >= n:
                return []
            t = tokens[i][col]
            if not (t.startswith(pat[0]) if isinstance(pat, list) else t == pat):
                return []
            i += 1
        return [i]

    def match(self, tokens, i) -> int:
        """End index of the longest entry starting at ``i``, or -1."""
        if i >= len(tokens):
            return -1
        t = tokens[i][0] if self.case else tokens[i][3]
        if t not in self.first and not (self.wild_prefixes and t.startswith(self.wild_prefixes)):
            return -1  # no entry starts with this token
        ends = self.ends(tokens, i)
        return max(ends) if ends else -1

    def ending_at(self, tokens, j, reach: int = 6) -> int:
        """Start index of the longest entry that ends exactly at token ``j``, or -1."""
        if self._last is not None and 0 < j <= len(tokens) \
                and (tokens[j - 1][0] if self.case else tokens[j - 1][3]) not in self._last:
            return -1  # no entry ends with the token before j
        best = -1
        for i in range(max(0, j - reach), j):
            if self.may_start(tokens[i]) and j in self.ends(tokens, i):
                best = i
                break
        return best

    def search(self, tokens, lo=0, hi=None):
        hi = len(tokens) if hi is None else hi
        first, wild, col = self.first, self.wild_prefixes, 0 if self.case else 3
        pairs, loose, n = self._pairs, self._loose, len(tokens)
        for i in range(lo, hi):
            t = tokens[i][col]
            if t in first:
                if t not in loose and (t, tokens[i + 1][col] if i + 1 < n else None) not in pairs \
                        and not (wild and t.startswith(wild)):
                    continue  # no entry goes on with the next token
            elif not (wild and t.startswith(wild)):
                continue
            ends = self.ends(tokens, i)
            if ends:
                yield i, max(ends)


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
        self._many = Prefixes(self.prefixes) if len(self.prefixes) >= Prefixes.MANY else None

    def raw(self) -> list:
        return [sorted(self.exact), list(self.prefixes)]

    @classmethod
    def from_raw(cls, raw) -> "WordSet":
        self = cls.__new__(cls)
        self.exact, self.prefixes = set(raw[0]), tuple(raw[1])
        self._many = Prefixes(self.prefixes) if len(self.prefixes) >= Prefixes.MANY else None
        return self

    def __contains__(self, word: str) -> bool:
        return self.has(word.lower())

    def has(self, low: str) -> bool:
        """``low in self`` for a word already in lower case (a token's fourth field): lower()
        gives back what it is given once more, so the word need not be lowered again."""
        if low in self.exact:
            return True
        if self._many is not None:
            return self._many.test(low)
        return bool(self.prefixes) and low.startswith(self.prefixes)


class Prefixes:
    """``word.startswith(prefixes)``; many prefixes are tried as one pattern, compiled on first
    use (str.startswith tries them one by one: slower from about MANY on)."""

    MANY = 40
    __slots__ = ("prefixes", "_match")

    def __init__(self, prefixes: tuple):
        self.prefixes = prefixes
        self._match = None

    def __call__(self, word: str) -> bool:
        return self.test(word)

    def test(self, word: str) -> bool:
        """The call, as a method: called from Python code, a method costs less than a call."""
        if len(self.prefixes) < self.MANY:
            return bool(self.prefixes) and word.startswith(self.prefixes)
        if self._match is None:
            self._match = re.compile(_trie_pattern(self.prefixes)).match
        return self._match(word) is not None


INDEX_FILE = "index.json"


def _read_data(data_dir: str = DATA_DIR) -> tuple[dict, dict, str]:
    """(sections per language, common sections, digest of the files' contents)."""
    per_lang = {lang: read_sections(os.path.join(data_dir, f"{lang}.txt")) for lang in LANGS}
    common = read_sections(os.path.join(data_dir, "common.txt"))
    return per_lang, common, _digest(data_dir)




def build_tables(per_lang: dict, common: dict) -> dict:
    """Every phrase list compiled, as plain JSON data (stored in data/figures/index.json)."""
    def union(section):
        out = []
        for lang in LANGS:
            out.extend(per_lang[lang].get(section, ()))
        return out

    en = per_lang["en"]
    ph = {
        # -- attribution
        "verbs": PhraseSet(union("reporting_verbs"), case=True),
        "sources": PhraseSet(union("source_phrases")),
        "continuation": PhraseSet(union("continuation")),
        "back_refs": PhraseSet(union("back_references")),
        "documents": PhraseSet(union("document_nouns")),
        # -- figures
        "currencies": PhraseSet(union("currencies")),
        "percent_words": PhraseSet(union("percent_words")),
        "approximators": PhraseSet(union("approximators")),
        "designators": PhraseSet(union("designators")),
        "list_leads": PhraseSet(union("list_leads")),
    }
    mags = union("magnitudes")
    ph["magnitudes"] = PhraseSet([m for m in mags if len(m) > 1])
    ph["mult_words"] = PhraseSet(union("multiple_words"))
    ws = {
        "passive_aux": WordSet(en.get("passive_aux", ())),
        "adjective_markers": WordSet(union("adjective_markers")),
        "percent_before": WordSet(union("percent_before")),
        "mult_after": WordSet(union("multiple_after")),
        "mult_comp": WordSet(union("multiple_comparatives")),
        "mult_exceptions": WordSet(union("multiple_exceptions")),
        "mult_verbs": WordSet(union("multiple_verbs")),
        "number_words": WordSet(union("number_words")),
        "post_approx": WordSet(union("post_approximators")),
        "noncount": WordSet(union("noncount")),
        "count_units": WordSet(union("count_units")),
        "stop": WordSet(union("stop")),
        "definite": WordSet(union("definite")),
        "percent_idioms": WordSet(union("percent_idioms")),
        "complementizers": WordSet(union("complementizers")),
        "reported_speech": WordSet(union("reported_speech")),
    }
    sets = {
        "currency_symbols": set(s for s in common.get("currency_symbols", []) if len(s) == 1),
        "currency_prefixes": {s[:-1].lower() for s in common.get("currency_symbols", []) if len(s) > 1},
        "currency_codes": set(common.get("currency_codes", [])),
        "months_before": set(en.get("months_before", ())),
        "glued_mags": ({m.lower() for m in mags if len(m) <= 3 and m.isalpha()} | {
            "bn", "mn", "mln", "bln", "tn", "trn"}) - {"m", "k", "b", "mm"},
        "recipe_measures": {m.lower() for m in union("recipe_measures")},
    }
    # first words of what may follow a number in a figure, for the cheap pre-check
    figure_words = set()
    for sec in ("magnitudes", "percent_words", "currencies", "count_units", "multiple_after"):
        for e in union(sec):
            w = e.split()[0].lower()
            figure_words.add(w[:-1] if w.endswith("*") else w)
    triggers = {m.lower().rstrip(".") for m in mags if len(m) > 2}
    # a phrase's trigger is its longest word that is not a function word or an approximator
    # ("half" in "by nearly half", not "nearly": every other paragraph holds that one)
    frequent = {w.lower() for w in union("stop") + union("approximators") if " " not in w}
    for e in union("multiple_words"):
        words = e.lower().split()
        triggers.add(max([w for w in words if w not in frequent] or words, key=len))
    triggers |= {"times", "veces", "раз", "раза", "kat", "mal"}
    sets["trigger_words"] = {x for x in triggers if not x.endswith("*")}
    tuples = {
        "gore_stems": [s.lower() for s in per_lang["tr"].get("source_before_gore", ())],
        "figure_word_prefixes": sorted(figure_words),
        "trigger_prefixes": sorted(x[:-1] for x in triggers if x.endswith("*")),
        "agencies": sorted(common.get("agencies", []), key=len, reverse=True),
        "noncount_heads": sorted(w.lower() for w in union("noncount_heads")),
    }
    return {
        "phrases": {k: v.raw() for k, v in ph.items()},
        "words": {k: v.raw() for k, v in ws.items()},
        "sets": {k: sorted(v) for k, v in sets.items()},
        "tuples": tuples,
    }


def _tables(data_dir: str = DATA_DIR) -> dict:
    """The compiled tables: from index.json when it matches the data files, else built here."""
    digest = _digest(data_dir)
    try:
        with open(os.path.join(data_dir, INDEX_FILE), encoding="utf-8") as f:
            index = json.load(f)
        if index.get("digest") == digest:
            return index["tables"]
    except (OSError, ValueError, KeyError):
        pass
    per_lang, common, _ = _read_data(data_dir)
    return json.loads(json.dumps(build_tables(per_lang, common)))  # the very same shapes


def write_index(data_dir: str = DATA_DIR) -> str:
    """Regenerate rules/data/figures/index.json; returns its path."""
    per_lang, common, digest = _read_data(data_dir)
    tables = build_tables(per_lang, common)
    path = os.path.join(data_dir, INDEX_FILE)
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"digest": ' + json.dumps(digest) + ', "tables": {\n')
        parts = []
        for group in ("phrases", "words", "sets", "tuples"):
            rows = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False, separators=(',', ':'))}"
                               for k, v in tables[group].items())
            parts.append(f"{json.dumps(group)}: {{\n{rows}\n}}")
        f.write(",\n".join(parts) + "\n}}\n")
    return path


_AGENCY = r"(?<!\w)(?:{})(?!\w)"
_AGENCY_PATTERNS = {
    "para": (r"[(\[/]\s*{ag}(?:\s*[/,;]\s*[\w .-]{{1,25}})?\s*[)\]/]"
             r"|[-–—]\s*{ag}\s*\.?\s*$", 0),
    "contrib": (r"{ag}\s+contributed(?:\s+to\s+this)?\s+report", 0),
    "dateline": (r"^[^\n]{{0,80}}?(?:[(\[/]\s*{ag}(?:\s*[/,;]\s*[\w .-]{{1,25}})?\s*[)\]/]\s*[-–—:.]"
                 r"|[-–—]\s*{ag}\s*[.:]|{ag}\s*[-–—:]\s)", 0),
    "line": (r"^\W*(?:(?:source|quelle|kaynak|источник|fuente|con información de|"
             r"with reporting by|reporting by|agencies)\s*:?\s*)?{ag}"
             r"(?:\s*[/,&;+]\s*(?:{ag}|[\w .]{{1,25}}))*"
             # an agency byline with its date: "Associated Press November 19, 2019, 9:02 AM"
             r"(?:\s+[A-Za-z]{{3,9}}\.?\s+\d{{1,2}},?\s+\d{{4}}(?:,?\s+\d{{1,2}}:\d{{2}}(?:\s*[AaPp]\.?[Mm]\.?)?)?)?"
             r"\W*$", re.IGNORECASE),
}


@lru_cache(maxsize=256)
def _agency_re(kind: str, names: tuple):
    """The agency-credit pattern ``kind`` over the agency ``names`` (a pattern over only the
    names a text holds finds the same credits in it, and compiles in a fraction of the time)."""
    pattern, flags = _AGENCY_PATTERNS[kind]
    ag = _AGENCY.format(_trie_pattern(names))  # as a trie: tried a letter at a time, not name by name
    return re.compile(pattern.format(ag=ag), flags)


def _trie_pattern(words) -> str:
    """A regex matching the longest of ``words`` that starts where it is tried."""
    trie: dict = {}
    for stem in words:
        node = trie
        for ch in stem:
            node = node.setdefault(re.escape(ch), {})
        node[None] = ""
    return _render(trie)


@lru_cache(maxsize=256)
def _trie_re(words: tuple):
    return re.compile(_trie_pattern(words))


# casefold() cannot tell "I" from Turkish "İ"/"ı", nor "s" from "ſ", the way re.IGNORECASE
# matches them; fold those together so the prefilter never drops a name a pattern would match
_FOLD_EXTRA = str.maketrans({"\u0307": "", "ı": "i", "ſ": "s", "\u212a": "k", "\u2126": "ω"})


def fold(text: str) -> str:
    """``text`` folded so that a name the IGNORECASE patterns would match in it is a substring
    of it after folding (a prefilter: it may keep a name the pattern then rejects)."""
    if text.isascii():
        return text.lower()
    return text.casefold().translate(_FOLD_EXTRA)


_FOOTER_WORDS = ("eporting by", "contributed to this report", "Редактирование", "Con información de",
                 "Mit Material von", "wire", "Wire")


class Data:
    """Everything the rule needs, built from the data files (compiled once into index.json)."""

    def __init__(self, tables: dict | None = None):
        tables = tables if tables is not None else _tables()
        for name, raw in tables["phrases"].items():
            setattr(self, name, PhraseSet.from_raw(raw))
        for name, raw in tables["words"].items():
            setattr(self, name, WordSet.from_raw(raw))
        for name, raw in tables["sets"].items():
            setattr(self, name, set(raw))
        for name, raw in tables["tuples"].items():
            setattr(self, name, tuple(raw))
        self.trigger_words = frozenset(self.trigger_words)
        self.starts_figure_word = Prefixes(self.figure_word_prefixes)
        self.triggers = tuple(sorted(self.trigger_words | set(self.trigger_prefixes)))
        self._folded_agencies = None
        self._agency_all = False  # patterns over every agency (else over those a text names)
        self._agency_all_re: dict = {}  # kind: the pattern over every agency
        self._all_triggers_re = None  # the pattern over every trigger (else those a text holds)
        self._trigger_heads = None  # (first letter, lead, pattern) per first letter, with the above
        self._footer_re = None
        self._agency_name_re = None
        # the words a unit after a number opens with (what _unit in figures_scan reads there)
        unit_sets = (self.magnitudes, self.percent_words, self.currencies)
        self._unit_exact = frozenset().union(*(p.first for p in unit_sets),
                                             self.count_units.exact, self.mult_after.exact)
        self._unit_prefixes = Prefixes(tuple(sorted(
            {x for p in unit_sets for x in p.wild_prefixes}
            | set(self.count_units.prefixes) | set(self.mult_after.prefixes))))

    def unit_word(self, low: str) -> bool:
        """Whether the lower-case word ``low`` may open the unit of a figure ('million',
        'percent', 'dollars', 'tons', 'fold') when it follows a number after a space."""
        return low in self._unit_exact or self._unit_prefixes.test(low)

    def glued_unit(self, low: str) -> bool:
        """Whether the lower-case word ``low`` glued to a number makes it a figure ('3bn',
        '5pc', '3x', '20kg') with no currency before it."""
        return low in self.glued_mags or low in ("pc", "x") or self.count_units.has(low)

    # -- agency credits: each pattern lists only the agencies the text names -------------------
    def _over_all(self, kind: str):
        """The pattern ``kind`` over every agency once warmed up, or once many articles named
        different agencies (a folder run), else None."""
        if self._agency_all or _agency_re.cache_info().currsize >= 32:
            self._agency_all = True
            rx = self._agency_all_re.get(kind)
            if rx is None:  # kept here: the cache would hash the 41 names at every call
                rx = self._agency_all_re[kind] = _agency_re(kind, self.agencies)
            return rx
        return None

    def _agency_search(self, kind: str, text: str, match: bool = False) -> bool:
        rx = self._over_all(kind)
        if rx is not None:
            return bool(rx.match(text) if match else rx.search(text))
        if kind == "line":
            if self._folded_agencies is None:
                self._folded_agencies = [(a, fold(a)) for a in self.agencies]
            folded = fold(text)
            names = tuple(a for a, f in self._folded_agencies if f and f in folded) \
                if all(f for _, f in self._folded_agencies) else self.agencies
        else:
            names = tuple(a for a in self.agencies if a in text)
        if not names:
            return False
        rx = _agency_re(kind, names)
        return bool(rx.match(text) if match else rx.search(text))

    def agency_para(self, text: str) -> bool:
        """'(Reuters)', '[TASS]', '— AFP' in a paragraph."""
        return self._agency_search("para", text)

    def agency_contrib(self, text: str) -> bool:
        """'Reuters contributed to this report'."""
        return self._agency_search("contrib", text)

    def agency_dateline(self, text: str) -> bool:
        """A dateline credit: 'MOSCOW (Reuters) -', 'ANKARA (AA) -'."""
        return self._agency_search("dateline", text)

    def agency_line(self, text: str) -> bool:
        """A credit line of its own: 'Reuters', 'Source: AFP, dpa' (any case)."""
        return self._agency_search("line", text, match=True)

    def agency_line_in(self, texts) -> bool:
        """Whether one of ``texts`` is a credit line of its own (``agency_line``)."""
        rx = self._over_all("line")
        if rx is not None:
            return any(map(rx.match, texts))  # (no Python step a text)
        return any(map(self.agency_line, texts))

    def may_name_agency(self, text: str) -> bool:
        """False when no agency's name, as written, occurs in ``text``: then no dateline credit
        (``agency_dateline``) does either."""
        if self._agency_name_re is None:
            # (substrings, found by a scan; the credit patterns then check their words)
            self._agency_name_re = re.compile(_trie_pattern(self.agencies))
        return self._agency_name_re.search(text) is not None

    def agency_footer(self, text: str) -> bool:
        """A wire footer: 'Reporting by ...', '... contributed to this report'."""
        if not any(s in text for s in _FOOTER_WORDS):
            return False  # the pattern needs one of them
        if self._footer_re is None:
            self._footer_re = re.compile(
                r"\b(?:(?:Additional )?[Rr]eporting by|contributed to this report|"
                r"Редактирование|Con información de|Mit Material von)\b"
                # "With Post wires", "— with wire services", "Wire services contributed"
                r"|^\W*[Ww]ith (?:[\w.]+ ){0,2}wires?(?: services| reports)?\W*$"
                r"|^\W*[Ww]ire (?:services|reports) contributed")
        return bool(self._footer_re.search(text))

    def trigger_re_for(self, lower_text: str):
        """A regex finding the triggers of figures written in words in ``lower_text`` where
        they occur (longest first, anywhere in a word), or None when it holds none; it lists
        only the triggers the text holds, so it finds the same as one listing them all."""
        if self._all_triggers_re is not None:
            return self._all_triggers_re
        present = tuple(t for t in self.triggers if t in lower_text)
        if not present:
            return None
        if _trie_re.cache_info().currsize >= 16:  # many different texts (a folder run)
            self._all_triggers_re = _trie_re(self.triggers)
            return self._all_triggers_re
        return _trie_re(present)

    def trigger_matches(self, lower_text: str) -> list[tuple[int, str]]:
        """(offset, trigger) for each match of ``trigger_re_for(lower_text)``, as its finditer
        finds them: from left to right, the longest trigger at each place, none overlapping."""
        trie = self.trigger_re_for(lower_text)
        if self._all_triggers_re is None or len(lower_text) < 500:
            return [] if trie is None else [(m.start(), m.group()) for m in trie.finditer(lower_text)]
        # The pattern over every trigger tries each of its first letters wherever one of them
        # stands; in a long text, one pattern per first letter finds the same starts at half the
        # cost. Taking them from the left and dropping those inside the one before gives the
        # same matches.
        if self._trigger_heads is None:
            by_first: dict = {}
            for t in self.triggers:
                by_first.setdefault(t[0], []).append(t)
            self._trigger_heads = [_head_pattern(c, ts) for c, ts in sorted(by_first.items())]
        starts = sorted((m.start(), lead + m[1]) for c, lead, rx in self._trigger_heads
                        if c in lower_text for m in rx.finditer(lower_text))
        out = []
        end = 0
        for i, t in starts:
            if i >= end:
                out.append((i, t))
                end = i + len(t)
        return out

    def warm_up(self) -> None:
        """Compile the patterns over every agency and trigger (parallel workers share them)."""
        for kind in _AGENCY_PATTERNS:
            _agency_re(kind, self.agencies)
        self._agency_all = True
        self._all_triggers_re = _trie_re(self.triggers)
        self.trigger_matches("")
        fold("Warm up")
        self.agency_footer(_FOOTER_WORDS[0])
        self.may_name_agency("")

    def word_triggers_in(self, lower_text: str):
        """The triggers of figures written in words ('doubled', 'two million') found in
        ``lower_text``, as a ``WordTriggers`` whose ``search`` looks for them in a block's
        lower-case text, or None: search the article once, then each block for the few found."""
        found = {t for _, t in self.trigger_matches(lower_text)}  # substrings: cheap, then checked
        if not found:
            return None
        if not any(_at_word(lower_text, f, f in self.trigger_words) for f in found):
            return None  # only inside other words
        found = sorted(found)
        rx = re.compile("|".join(_word_start_pattern(f, f in self.trigger_words) for f in found))
        return WordTriggers(tuple(found), rx)


def _head_pattern(first: str, triggers: list) -> tuple:
    """(first letter, lead, pattern) for the triggers that start with ``first``: the pattern
    consumes the lead (the longest start they share, cut before ``first`` comes again) and
    captures the rest of the longest trigger after it.

    A lead of several letters is found by the engine's literal-prefix scan, not tried as a
    pattern at each place its first letter stands. No trigger can start inside a consumed lead
    (the lead's other letters are not ``first``), so the starts found are those found with a
    one-letter lead."""
    lead = os.path.commonprefix(triggers)
    again = lead.find(first, 1)
    if again > 0:
        lead = lead[:again]
    rest = _trie_pattern([t[len(lead):] for t in triggers])
    return first, lead, re.compile(re.escape(lead) + "(?=(" + rest + "))")


def _word_start_pattern(word: str, whole: bool) -> str:
    """What ``(?<!\\w)word`` finds (with ``(?!\\w)`` after it if ``whole``), opening on the
    word's first letter: a search over several of them then skips to the places where one of
    their first letters stands instead of trying every place."""
    first = re.escape(word[0])
    return first + r"(?<!\w" + first + ")" + re.escape(word[1:]) + (r"(?!\w)" if whole else "")


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches in a str pattern


def _at_word(text: str, sub: str, whole: bool) -> bool:
    """Whether ``sub`` occurs in ``text`` at the start of a word (and, if ``whole``, as the
    whole word): what ``(?<!\\w)sub`` or ``(?<!\\w)sub(?!\\w)`` would find."""
    i = text.find(sub)
    while i >= 0:
        e = i + len(sub)
        if (i == 0 or not _is_word_char(text[i - 1])) \
                and (not whole or e >= len(text) or not _is_word_char(text[e])):
            return True
        i = text.find(sub, i + 1)
    return False


class WordTriggers:
    """The word triggers an article holds; ``search(lower_text)`` finds one of them starting
    a word in a block (a match, or None)."""

    __slots__ = ("found", "rx")

    def __init__(self, found: tuple, rx):
        self.found, self.rx = found, rx

    def search(self, lower_text: str):
        if not any(map(lower_text.__contains__, self.found)):
            return None  # the pattern needs one of them
        return self.rx.search(lower_text)


@lru_cache(maxsize=1)
def data() -> Data:
    return Data()


if __name__ == "__main__":  # python -m rules.figures_data: refresh the compiled tables
    print(write_index())
