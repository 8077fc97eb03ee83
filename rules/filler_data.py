"""Cue lists for the ai-filler rules: read from rules/data/filler/<lang>.txt once per process.

Each file has ``[section]`` headers and ``weight<TAB>pattern`` lines (see the header of en.txt).
An article is scored with the cues of its language and English; the language is pinned by
configuration, else told by the engine's stop-word vote (``lint.language``, no langdetect: it
would cost more than the whole rule family) or metadata. When no language can be told, the cues
of all languages apply.

Speed: running hundreds of regular expressions over every paragraph is far too slow, so each
pattern is expanded into the finite set of phrases it matches (``\\w*`` is the only open part
allowed) and every phrase is indexed by an *anchor*: its rarest word in ordinary text (by
wordfreq, at build time). The expansion is stored in data/filler/index.json (rebuild it with
``python -m rules.filler_data`` after editing a data file; a stale index is rebuilt in memory,
more slowly). The index is read as bytes and each anchor's line is parsed only when an article
holds that anchor. An article is split into words once; only the phrases whose anchors it
contains are compared, as plain strings, around each occurrence.
"""
from __future__ import annotations

import json
import os
import re
from re import _constants as _sc  # the stdlib regex parser, used to expand patterns
from re import _parser as _sp

from lint.datafiles import digest as _digest

DATA_DIR = os.path.join(os.path.dirname(__file__), "data", "filler")

# sections that score a sentence, and the name a message uses for each
CUE_SECTIONS = {
    "opener": "filler opener",
    "closer": "generic closer",
    "meta": "meta-discourse subject",
    "trend": "contentless trend predicate",
    "vocab": "filler vocabulary",
}
# cues of these sections count only near the start of a sentence (at most this many words before)
ANCHORED = {"opener": 3, "closer": 3, "meta": 4}
FLAGS = re.IGNORECASE
B = r"(?<![\w'’-])"  # a word starts here
E = r"(?![\w-])"  # a word ends here
WILD = "\x00"  # in an expanded phrase: any run of word characters
WORDS = re.compile(r"\w+")
# never an anchor: words too common to narrow anything down
_FUNCTION = frozenset("""a an the of to in on at by for with from and or but is are was be as it its
this that these those there their our we you s not no so than then into over about around
""".split())


class Pattern:
    """A scoring cue: its section, weight and source regex (kept for messages and tests)."""

    __slots__ = ("lang", "section", "weight", "source", "_compiled")

    def __init__(self, lang: str, section: str, weight: float, source: str):
        self.lang, self.section, self.weight, self.source = lang, section, weight, source
        self._compiled = None

    def regex(self) -> re.Pattern:
        """The whole pattern, for text of any case (used only for anchor-less patterns)."""
        if self._compiled is None:
            self._compiled = re.compile(B + "(?:" + self.source + ")" + E, FLAGS)
        return self._compiled


class Cues:
    """Everything the scorer needs, built once per process by ``load``."""

    def __init__(self, **kw):
        self.patterns: list = kw["patterns"]  # scoring cues (Pattern), in data order
        self.by_word: dict = kw["by_word"]  # anchor word -> [langs, phrase groups, regexes]
        self.by_stem: dict = kw["by_stem"]  # anchor stem -> [langs, phrase groups, regexes]
        self.stem_prefix: dict = kw["stem_prefix"]  # first 4 letters -> (stems)
        self.anchor_words = frozenset(self.by_word)
        self.stem_prefixes = frozenset(self.stem_prefix)
        # per language (plus English, which leaks into every language's rewritten copy)
        langs = {p.lang for p in self.patterns}
        anchor_langs = kw.get("anchor_langs") or _anchor_langs(self.by_word, self.by_stem)
        words_of, stems_of = anchor_langs["words"], anchor_langs["stems"]
        self.lang_words = {lang: frozenset(words_of.get(lang, ())) | frozenset(words_of.get("en", ()))
                           for lang in langs}
        self.lang_stems = {lang: frozenset(st[:4] for st in (*stems_of.get(lang, ()), *stems_of.get("en", ())))
                           for lang in langs}
        self._regexes: dict = {}
        self.always: tuple = kw["always"]  # patterns with no anchor: run as regexes
        self.words: dict = kw["words"]  # section -> patterns (attribution, ...), all languages
        self.by_lang: dict = kw["by_lang"]  # lang -> section -> patterns
        self.section_words: frozenset = kw["section_words"]
        self.section_anchors: frozenset = kw["section_anchors"]
        self.section_connectors: frozenset = kw["section_connectors"]
        self.languages: tuple = kw["languages"]
        self._compiled: dict = {}

    def alternation(self, section: str, whole_line: bool = False, lang: str = "") -> re.Pattern:
        """One regex for word sections ("numbers+dates"), of one language or of all, cached."""
        key = (section, whole_line, lang)
        got = self._compiled.get(key)
        if got is None:
            source = self.by_lang.get(lang, {}) if lang else self.words
            pats = [p for n in section.split("+") for p in source.get(n, [])]
            body = "|".join(f"(?:{p})" for p in pats) or r"(?!x)x"
            got = re.compile(r"^\W*(?:" + body + r")\W*$" if whole_line else B + "(?:" + body + ")" + E,
                             FLAGS)
            self._compiled[key] = got
        return got


def parse_file(path: str) -> dict[str, list[tuple[float, str]]]:
    """{section: [(weight, pattern)]} for one data file; raises ValueError on a bad line."""
    sections: dict[str, list[tuple[float, str]]] = {}
    current = None
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if line.startswith("[") and line.rstrip().endswith("]"):
                current = line.strip()[1:-1].strip()
                sections.setdefault(current, [])
                continue
            if current is None or "\t" not in line:
                raise ValueError(f"{path}:{n}: expected 'weight<TAB>pattern' under a [section]")
            weight, pattern = line.split("\t", 1)
            try:
                w = float(weight)
            except ValueError:
                raise ValueError(f"{path}:{n}: weight {weight!r} is not a number") from None
            sections[current].append((w, pattern.strip()))
    return sections


# -- expanding a pattern into its phrases --------------------------------------------------------

def expand(pattern: str, limit: int = 5000) -> list[str]:
    """Every phrase ``pattern`` matches, lower-cased; ``\\w*``/``\\w+`` become WILD.
    Raises ValueError for constructs that are not a finite phrase set."""
    return [s.lower() for s in _seq(list(_sp.parse(pattern, 0)), limit)]


def _seq(items, limit):
    out = [""]
    for op, av in items:
        alts = _item(op, av, limit)
        out = [a + b for a in out for b in alts]
        if len(out) > limit:
            raise ValueError("pattern expands to too many phrases")
    return out


def _is_word_class(sub) -> bool:
    return (len(sub) == 1 and sub[0][0] is _sc.IN
            and any(o is _sc.CATEGORY and a is _sc.CATEGORY_WORD for o, a in sub[0][1]))


def _item(op, av, limit):
    if op is _sc.LITERAL:
        return [chr(av)]
    if op is _sc.IN:
        chars = []
        for o, a in av:
            if o is _sc.LITERAL:
                chars.append(chr(a))
            elif o is _sc.RANGE:
                chars += [chr(c) for c in range(a[0], a[1] + 1)]
            elif o is _sc.CATEGORY and a is _sc.CATEGORY_WORD:
                return [WILD]
            else:
                raise ValueError(f"unsupported character class in pattern ({o})")
        return chars
    if op is _sc.BRANCH:
        return [s for branch in av[1] for s in _seq(list(branch), limit)]
    if op is _sc.SUBPATTERN:
        if av[0] is not None:
            raise ValueError("use non-capturing groups (?:...) only")
        return _seq(list(av[-1]), limit)
    if op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT):
        lo, hi, sub = av
        sub = list(sub)
        if _is_word_class(sub):
            return [WILD]
        if (lo, hi) == (0, 1):
            return [""] + _seq(sub, limit)
        raise ValueError(f"unsupported repetition {{{lo},{hi}}}")
    if op in (_sc.AT, _sc.ASSERT, _sc.ASSERT_NOT):
        return [""]
    raise ValueError(f"unsupported regex construct {op}")


def anchor(phrase: str, lang: str = "") -> str:
    """The word of ``phrase`` a text must contain for it to match: its rarest word in ordinary
    text (wordfreq, when ``lang`` is given), else its longest non-function word; a word ending
    in WILD is a stem (returned with WILD); '' when there is none."""
    best, best_key = "", None
    for tok in re.findall(r"[^\W\d_]*\x00|[^\W\d_]+", phrase):
        word = tok.rstrip(WILD)
        if not word or word in _FUNCTION or (tok.endswith(WILD) and len(word) < 4):
            continue
        # rarer first; a whole word before a stem; longer first
        key = (_frequency(word, lang, tok.endswith(WILD)), tok.endswith(WILD), -len(word))
        if best_key is None or key < best_key:
            best, best_key = tok, key
    return best


def _frequency(word: str, lang: str, stem: bool) -> float:
    if not lang:
        return 0.0
    try:
        from wordfreq import zipf_frequency  # only when the index is built (~250 ms to import)
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return 0.0
    # a stem stands for its words: count it as common as a typical inflected word would be
    return 3.0 if stem else zipf_frequency(word, lang)


# -- loading ---------------------------------------------------------------------------------------

_CACHE: Cues | None = None


INDEX_FILE = "index.json"




def _read_data(data_dir: str) -> tuple[dict, str]:
    """({lang: sections}, digest of the files' contents)."""
    per_lang = {}
    for name in sorted(os.listdir(data_dir)):
        if name.endswith(".txt"):
            per_lang[name[:-4]] = parse_file(os.path.join(data_dir, name))
    return per_lang, _digest(data_dir)


def _anchor_langs(by_word: dict, by_stem: dict) -> dict:
    """{"words": {lang: [anchor, ...]}, "stems": {lang: [stem, ...]}}: the anchors of each
    language's cues."""
    out: dict = {"words": {}, "stems": {}}
    for key, table in (("words", by_word), ("stems", by_stem)):
        for anchor_word, entry in table.items():
            for lang in entry[0]:
                out[key].setdefault(lang, []).append(anchor_word)
    return out


def _meta(per_lang: dict) -> dict:
    """What ``load`` needs besides the phrase tables, as plain JSON data (kept in the index so
    that a run reads no data file but the index)."""
    def words(section):
        return [p for s in per_lang.values() for _, p in s.get(section, [])]

    def plain(section):
        return sorted({w.strip().lower() for p in words(section) for w in p.split("|") if w.strip()})

    return {
        "patterns": [[lang, section, w] for lang, section, w, _ in _scoring_patterns(per_lang, with_lang=True)],
        "words": {name: words(name) for name in ("attribution", "numbers", "dates", "closer-heading")},
        "by_lang": {lang: {name: [p for _, p in secs.get(name, [])]
                           for name in ("numbers", "dates", "attribution", "closer-heading")}
                    for lang, secs in per_lang.items()},
        "section_words": plain("sections"),
        "section_anchors": plain("section-anchors"),
        "section_connectors": plain("section-connectors"),
        "languages": list(per_lang),
    }


class _Entries(dict):
    """anchor -> [langs, phrase groups, regexes]. An entry still held as its line of the index
    (``"anchor": [...],``) is parsed the first time it is looked up: parsing all of them would
    cost more than the whole rule on an ordinary article."""

    def __getitem__(self, key):
        value = dict.__getitem__(self, key)
        if isinstance(value, bytes):
            prefix = (_dumps(key) + ": ").encode()
            if not value.startswith(prefix):  # not the layout write_index makes: look for it
                value = next((v for v in dict.values(self) if isinstance(v, bytes) and v.startswith(prefix)),
                             None)
                if value is None:
                    raise KeyError(key)
            value = json.loads(value[len(prefix):].rstrip(b","))
            dict.__setitem__(self, key, value)
        return value

    def items(self):
        return ((k, self[k]) for k in self)

    def values(self):
        return (self[k] for k in self)


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _scoring_patterns(per_lang: dict, with_lang: bool = False) -> list[tuple]:
    return [((lang,) if with_lang else ()) + (section, w, p) for section in CUE_SECTIONS
            for lang, sections in per_lang.items() for w, p in sections.get(section, [])]


def _split(phrase: str, anchor_tok: str) -> tuple[str, str]:
    """(text before, text after) the anchor token in ``phrase``."""
    for m in re.finditer(re.escape(anchor_tok), phrase):
        i, j = m.span()
        if (i == 0 or not phrase[i - 1].isalnum()) and (
                anchor_tok.endswith(WILD) or j >= len(phrase) or not phrase[j].isalnum()):
            return phrase[:i], phrase[j:]
    raise ValueError(f"anchor {anchor_tok!r} not found in {phrase!r}")


def build_index(per_lang: dict, digest: str, use_frequency: bool = True) -> dict:
    """Every scoring pattern expanded into its phrases, each split around its anchor word and
    grouped by anchor::

        {"digest": ..., "sources": [pattern, ...], "always": [pattern index, ...],
         "words": {anchor: [[lang, ...], [[before, [[after, index], ...]], ...],
                            [[index, regex], ...]]},
         "stems": {stem: (the same)}}

    "always" lists patterns with a phrase that has no anchor (run as regexes); "regex" is for
    the rare phrase with an open part (``\\w*``) besides its anchor. Expanding takes ~50 ms,
    so the result is stored in rules/data/filler/index.json and rebuilt in memory only when the
    data files changed."""
    sources, always = [], []
    tables = {"words": {}, "stems": {}}
    for i, (lang, section, w, p) in enumerate(_scoring_patterns(per_lang, with_lang=True)):
        sources.append(p)
        rows = []
        for ph in expand(p):
            a = anchor(ph, lang if use_frequency else "")
            if not a:
                always.append(i)
                rows = []
                break
            rows.append((a, *_split(ph, a)))
        for a, before, after in sorted(set(rows)):
            stem = a.endswith(WILD)
            langs, groups, regexes = tables["stems" if stem else "words"].setdefault(
                a[:-1] if stem else a, [[], {}, []])
            if lang not in langs:
                langs.append(lang)
            if WILD in before or WILD in after:
                regexes.append([i, _phrase_source(before, a, after)])
            else:
                groups.setdefault(before, []).append([after, i])
    for table in tables.values():
        for entry in table.values():
            entry[1] = [[before, afters] for before, afters in entry[1].items()]
    return {"digest": digest, "sources": sources, "always": always, "meta": _meta(per_lang),
            "langs": _anchor_langs(tables["words"], tables["stems"]), **tables}


def _read_index(data_dir: str, digest: str) -> dict | None:
    """The index when it is current (same digest, with its "meta" and "langs"), else None.

    It is read as ``write_index`` writes it: the header lines are parsed; the anchors of the
    "words" and "stems" tables, one line each in sorted order, are the anchors listed under
    "langs", and each line is parsed only when an article holds its anchor."""
    try:
        with open(os.path.join(data_dir, INDEX_FILE), "rb") as f:
            text = f.read()  # bytes: an entry is decoded only when it is parsed
    except OSError:
        return None
    try:
        lines = text.split(b"\n")
        index: dict = {}
        i = 1
        while not lines[i].endswith(b"{"):
            k = lines[i].index(b'": ')
            index[json.loads(lines[i][:k + 1])] = json.loads(lines[i][k + 3:].rstrip(b","))
            i += 1
        if index.get("digest") != digest or "meta" not in index or "langs" not in index:
            return None
        for name in ("words", "stems"):
            if lines[i] != f'"{name}": {{'.encode():
                raise ValueError("layout")
            end = lines.index(b"}," if name == "words" else b"}", i + 1)
            keys = sorted({a for anchors in index["langs"][name].values() for a in anchors})
            rows = lines[i + 1:end]
            if len(rows) != len(keys) or (keys and not (
                    rows[0].startswith((_dumps(keys[0]) + ": ").encode())
                    and rows[-1].startswith((_dumps(keys[-1]) + ": ").encode()))):
                raise ValueError("layout")
            index[name] = _Entries(zip(keys, rows))
            i = end + 1
        if not all(k in index for k in ("sources", "always")):
            return None
        return index
    except (ValueError, KeyError, IndexError):  # another layout: parse it whole
        try:
            index = json.loads(text)
        except ValueError:
            return None
        if index.get("digest") != digest or "meta" not in index or "langs" not in index:
            return None
        return index


def write_index(data_dir: str = DATA_DIR) -> str:
    """Regenerate rules/data/filler/index.json (one anchor a line); returns its path."""
    per_lang, digest = _read_data(data_dir)
    path = os.path.join(data_dir, INDEX_FILE)
    index = build_index(per_lang, digest)

    dumps = _dumps

    with open(path, "w", encoding="utf-8") as f:
        f.write("{\n")
        for key in ("digest", "sources", "always", "meta", "langs"):
            f.write(f'"{key}": {dumps(index[key])},\n')
        for n, key in enumerate(("words", "stems")):
            f.write(f'"{key}": {{\n')
            f.write(",\n".join(f"{dumps(k)}: {dumps(v)}" for k, v in sorted(index[key].items())))
            f.write("\n}" + ("," if n == 0 else "") + "\n")
        f.write("}\n")
    return path


def load(data_dir: str = DATA_DIR) -> Cues:
    """The merged cues of every language file, cached per process."""
    global _CACHE
    if _CACHE is not None and data_dir == DATA_DIR:
        return _CACHE
    index = _read_index(data_dir, _digest(data_dir))
    if index is None:  # stale or missing: slower anchors, same matches
        per_lang, digest = _read_data(data_dir)
        index = build_index(per_lang, digest, use_frequency=False)
    meta = index["meta"]
    patterns = [Pattern(lang, section, w, p) for (lang, section, w), p in zip(meta["patterns"], index["sources"])]
    by_word, by_stem, always = index["words"], index["stems"], index["always"]
    stem_prefix: dict[str, list] = {}
    for stem in by_stem:
        if len(stem) < 4:
            raise ValueError(f"cue stem {stem!r} is too short (4 letters at least)")
        stem_prefix.setdefault(stem[:4], []).append(stem)
    cues = Cues(
        patterns=patterns,
        by_word=by_word,
        by_stem=by_stem,
        stem_prefix={k: tuple(v) for k, v in stem_prefix.items()},
        always=tuple(sorted(set(always))),
        words=meta["words"],
        by_lang=meta["by_lang"],
        section_words=frozenset(meta["section_words"]),
        section_anchors=frozenset(meta["section_anchors"]),
        section_connectors=frozenset(meta["section_connectors"]),
        languages=tuple(meta["languages"]),
        anchor_langs=index["langs"],
    )
    if data_dir == DATA_DIR:
        _CACHE = cues
    return cues


_SEPARATORS = (",", ".", ";", ":", "!", "?", '"', "(", ")", "“", "”", "«", "»", "„", "-", "'", "’",
               "‘", "—", "–", "…", "/", "[", "]", "*", "•")


def _phrase_source(before: str, anchor_tok: str, after: str) -> str:
    """A regex for a phrase with open parts; the anchor is the group 'a'."""
    def rx(part):
        return "".join(r"\w*" if c == WILD else re.escape(c) for c in part)
    return rx(before) + "(?P<a>" + rx(anchor_tok) + ")" + rx(after)


def _bounded(text: str, s: int, e: int) -> bool:
    """``text[s:e]`` starts and ends on word boundaries."""
    if s > 0 and (text[s - 1].isalnum() or text[s - 1] in "'’-_"):
        return False
    return e >= len(text) or not (text[e].isalnum() or text[e] in "-_")


def guess_language(cues: Cues, words: list) -> str:
    """The engine's stop-word vote (lint.language) over the first 400 words: a confident one, else
    a plurality of at least 4 function words; '' when it cannot tell or names a language without
    cues (then the cues of all languages apply)."""
    from lint.language import vote_text

    sample = " ".join(words[:400])
    lang = vote_text(sample) or vote_text(sample, 4, 1.01, 0.0, cues.languages)
    return lang if lang in cues.languages else ""


def find_cues(cues: Cues, text: str, lang: str = "") -> tuple[list[tuple[int, int, int]], str]:
    """(start, end, pattern index) of every cue phrase in ``text`` (lower-cased), and the
    language used: ``lang`` when given, else guessed from function words. Cues of that
    language and English are tried (all languages when unknown).

    One pass over the words finds the anchors present; only the phrases of those anchors are
    tried, by plain string comparison around each occurrence. No regex runs unless a phrase
    has an open part; this is what keeps the family within ~1 ms per 5 KB."""
    flat = text
    for sep in _SEPARATORS:
        if sep in flat:
            flat = flat.replace(sep, " ")
    words = flat.split()
    lang = lang or guess_language(cues, words)
    anchor_words = cues.lang_words.get(lang, cues.anchor_words)
    stem_prefixes = cues.lang_stems.get(lang, cues.stem_prefixes)
    todo = [(w, cues.by_word[w], False) for w in anchor_words.intersection(words)]
    if stem_prefixes:
        words = set(words)
        prefixes = {w[:4] for w in words} & stem_prefixes
        stems = {stem for w in words if w[:4] in prefixes
                 for stem in cues.stem_prefix[w[:4]] if w.startswith(stem)} if prefixes else ()
        todo += [(stem, cues.by_stem[stem], True) for stem in stems]
    if not todo:
        return [], lang
    # separators (one character each) became spaces, so offsets in ``flat`` are offsets in
    # ``text``; searching " word " there finds whole words only
    flat = " " + flat.replace("\n", " ").replace("\t", " ") + " "
    out = []
    n = len(text)
    for anchor_word, entries, stem in todo:
        needle = " " + anchor_word if stem else " " + anchor_word + " "
        size = len(anchor_word)
        hit = flat.find(needle)
        while hit >= 0:
            pos = hit  # the space before the word in ``flat`` is the word's start in ``text``
            word_end = pos + size
            if stem:
                while word_end < n and (text[word_end].isalnum() or text[word_end] == "_"):
                    word_end += 1
            _, groups, regexes = entries
            for before, afters in groups:
                s = pos - len(before)
                if s < 0 or (before and not text.startswith(before, s)):
                    continue
                for after, i in afters:
                    if text.startswith(after, word_end) and _bounded(text, s, word_end + len(after)):
                        out.append((s, word_end + len(after), i))
            for i, source in regexes:
                rx = cues._regexes.get(source)
                if rx is None:
                    rx = cues._regexes[source] = re.compile(source)
                lo = max(0, pos - 120)
                for m in rx.finditer(text, lo, min(n, word_end + 120)):
                    if m.start("a") == pos and _bounded(text, m.start(), m.end()):
                        out.append((m.start(), m.end(), i))
            hit = flat.find(needle, hit + size + 1)
    for i in cues.always:
        out += [(m.start(), m.end(), i) for m in cues.patterns[i].regex().finditer(text)]
    if lang in cues.lang_words:
        out = [o for o in out if cues.patterns[o[2]].lang in (lang, "en")]
    return out, lang


if __name__ == "__main__":  # python -m rules.filler_data: refresh the phrase index
    print(write_index())
