"""Scoring sentences and list items for the ai-filler rules (see rules/ai_filler.py).

Speed matters (the family's budget is ~1 ms per 5 KB article), so the work is staged: one pass
over the article's words finds which cue patterns can match at all (filler_data.candidates);
only those run, on the lower-cased text; only blocks that hold a cue, a slug or a list are
split into sentences and scored. The analysis is cached in ``article.annotations`` so the three
rules of the family share it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import bisect
import re

from lint.model import HEADING, LIST_ITEM, PARAGRAPH
from lint.sentences import split_sentences
from lint.lazyre import lazy_re

from .filler_data import ANCHORED, CUE_SECTIONS, WORDS, find_cues, load

THRESHOLD = 2.0  # total cue weight that flags a unit with no specifics (filler-sentence option)
CANDIDATE = 1.0  # units kept for the rules to compare with their threshold
LIST_ITEM_CUE = 1.0  # a list item qualifies for a filler list at this weight
LEAD_IN_ITEM_CUE = 0.5  # ... or at this weight after a closer lead-in ("Key takeaways:")
LIST_STRONG_ITEM = 1.5  # and at least one item of the list must weigh this much
LIST_SHARE = 0.6  # share of a list's items that must qualify
SLUG_WEIGHT = 3.0
SECTION_LIST_WEIGHT = 1.5
MIN_WORDS = 5  # shorter paragraph sentences are left alone
# languages that capitalise every noun: a capital letter is not evidence of a name there
NOUN_CAPITALISING = frozenset({"de"})
# HTML ancestors whose text is site chrome (the boilerplate rules' business), not filler
SKIP_ANCESTORS = ("nav", "footer", "aside", "menu", "sidebar", "share", "related", "comments",
                  "cookie", "newsletter", "breadcrumb")

# compiled on first use: most articles hold no cue and never need them
_QUOTED = lazy_re(r"“[^”]*”?|„[^“”]*[“”]?|«[^»]*»?|\"[^\"]*\"?|‘[^’]{3,}’|(?<!\w)'[^']{3,}'(?!\w)")
_QUOTE_CHARS = lazy_re(r"[“”„«»\"]")
_DIGIT = lazy_re(r"\d")
_WORD = lazy_re(r"[^\W\d_][\w'’\-]*")
_SLUG = lazy_re(r"(?<![\w/.@#=-])[^\W\d_]+(?:-[^\W_]+){1,5}(?![\w/@-]|\.\w)")
_TAG_LINE = lazy_re(
    r"(?i)^\W*(?:tags?|categor(?:y|ies)|filed under|sections?|topics?|etiketler|kategori|теги|рубрика|"
    r"schlagwörter|kategorie|themen|etiquetas|categoría|temas)\s*:")
_MARKUP_LINE = lazy_re(r"(?i)https?://|www\.|\.(?:com|org|net|html?)\b")
_LIST_WORDS = lazy_re(r"[\w&]+|,")
_STRIP = ".,;:!?\"'()[]{}«»“”‘’„—–-…/*•"


@dataclass
class Unit:
    """A sentence of a paragraph, or a whole list item, with what the scorer found in it."""

    block: object
    start: int
    end: int
    cues: list = field(default_factory=list)  # (section, text, weight)
    specifics: list = field(default_factory=list)  # why it is not empty
    attributed: str = ""
    slugs: list = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]

    @property
    def score(self) -> float:
        return sum(w for _, _, w in self.cues)

    def describe(self, limit: int = 6) -> str:
        parts = [f'{CUE_NAMES.get(s, s)} "{t}"' for s, t, _ in self.cues[:limit]]
        if len(self.cues) > limit:
            parts.append(f"{len(self.cues) - limit} more")
        return ", ".join(parts)


CUE_NAMES = dict(CUE_SECTIONS, slug="leaked taxonomy slug", sections="list of section names")


class Analysis:
    def __init__(self):
        self.sentences: list = []  # candidate units (score >= CANDIDATE)
        self.list_items: list = []  # (unit, list size, qualifying, lead-in text)
        self.slugs: list = []  # units holding a leaked taxonomy slug
        self.headings: list = []  # (block, text) closer headings before filler

    def __repr__(self):
        return (f"Analysis(sentences={self.sentences!r}, list_items={self.list_items!r}, "
                f"slugs={self.slugs!r}, headings={self.headings!r})")


def _key(word: str) -> str:
    """A crude stem for matching names across inflections: 'Ankara'da' ~ 'Ankara', 'Дона' ~
    'Дону', 'Japanese' ~ 'Japan' (the first four letters)."""
    w = re.split(r"['’]", word, maxsplit=1)[0].lower()
    return w[:min(4, max(3, len(w) - 1))]


def _lower(text: str) -> str:
    """Lower case with the same length (Python lower-cases 'İ' to two characters)."""
    low = text.replace("İ", "I").lower()
    if len(low) != len(text):
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _is_acronym(word: str) -> bool:
    w = word.rstrip("'’")
    return len(w) >= 2 and w.isupper() and w[:2].isalpha()


def _skip_block(block) -> bool:
    return bool(block.ancestry) and bool(block.has_ancestor(*SKIP_ANCESTORS))


class Scorer:
    def __init__(self, article):
        self.article = article
        self.cues = load()
        self._known = None
        self._lang = None

    # -- what the article already named -----------------------------------------------------
    def known(self, block) -> set:
        """Word keys of the title and of the lead paragraphs before ``block``: names there are
        not news in a later sentence."""
        if self._known is None:
            a = self.article
            self._known = [(-1, self._keys(a.title))] if a.title else []
            self._known += [(b.index, self._keys(b)) for b in a.lead]
        out = set()
        for index, keys in self._known:
            if index < block.index:
                out |= keys
        return out

    @staticmethod
    def _keys(block) -> set:
        return {_key(part) for m in _WORD.finditer(block.text) for part in m.group().split("-")}

    @property
    def noun_caps(self) -> bool:
        return self.lang in NOUN_CAPITALISING

    @property
    def lang(self) -> str:
        """The article's language: the engine's cheap one, else guessed by find_cues
        (langdetect would cost more than the whole rule family)."""
        return self._lang or ""

    @property
    def known_lang(self) -> str:
        """The language when its data file exists, else '' (all languages)."""
        return self._lang if self._lang in self.cues.languages else ""

    def pinned_language(self) -> str:
        """The engine's cheap language (``lint.language.cheap_language``: configuration, a
        confident stop-word vote, metadata), or '' (find_cues then asks the vote more leniently)."""
        from lint.language import cheap_language

        return cheap_language(self.article)

    # -- specifics -------------------------------------------------------------------------
    def specifics(self, text: str, block) -> list[str]:
        out = []
        if _DIGIT.search(text):
            out.append("a number")
        m = self.cues.alternation("numbers+dates", lang=self.known_lang).search(text)
        if m:
            out.append(f'"{m.group()}"')
        if _QUOTE_CHARS.search(text) or _QUOTED.search(text):
            out.append("a quotation")
        if out:
            return out
        words = list(_WORD.finditer(text))
        caps = sum(1 for w in words if _is_cap(w.group()))
        title_case = bool(words) and caps >= 0.6 * len(words)
        prev_cap = False
        known = None
        for i, w in enumerate(words):
            word = w.group()
            if not _is_cap(word) or len(word) == 1:  # "I", "A" are not names
                prev_cap = False
                continue
            first = i == 0 or text[max(0, w.start() - 2):w.start()].strip() in (".", ":", "—", "-", "–")
            name = False
            if _is_acronym(word):
                name = True
            elif not first and not title_case:
                name = not self.noun_caps or prev_cap
            prev_cap = not first
            if name and known is None:
                known = self.known(block)
            if name and any(_key(p) not in known for p in word.split("-") if p[:1].isupper()):
                out.append(f"the name {word}")
                break
        return out


def _block_matches(cues, joined: str, starts: list[int], pinned: str = "") -> tuple[list[list], set[int], str]:
    """Per block, [(start, end, section, weight)] of the cue patterns that match in the
    lower-cased ``joined`` text of all blocks (block k starts at ``starts[k]``), one per stretch
    of text (the longest, then heaviest, wins an overlap); the blocks with a possible slug; the
    language."""
    out: list[list] = [[] for _ in starts]
    found, lang = find_cues(cues, joined, pinned)
    for s, e, i in found:
        pat = cues.patterns[i]
        k = bisect.bisect_right(starts, s) - 1
        out[k].append((s - starts[k], e - starts[k], pat.section, pat.weight))
    for k, found in enumerate(out):
        if len(found) > 1:
            found.sort(key=lambda f: (f[0], -(f[1] - f[0]), -f[3]))
            kept, last_end = [], -1
            for f in found:
                if f[0] >= last_end:
                    kept.append(f)
                    last_end = f[1]
            out[k] = kept
    return out, _slug_blocks(cues, joined, starts), lang


def _slug_blocks(cues, joined: str, starts: list[int]) -> set[int]:
    """Indexes of the blocks with a hyphenated token made of section words (a possible slug)."""
    out = set()
    words = cues.section_words
    pos = joined.find("-")
    while pos >= 0:
        left = max(joined.rfind(" ", 0, pos), joined.rfind("\n", 0, pos)) + 1
        right = joined.find(" ", pos)
        right = len(joined) if right < 0 else right
        nl = joined.find("\n", pos, right)
        right = nl if nl >= 0 else right
        parts = [p for p in joined[left:right].strip(_STRIP).split("-") if p]
        if len(parts) >= 2 and sum(1 for p in parts if p in words) >= 2:
            out.add(bisect.bisect_right(starts, pos) - 1)
        pos = joined.find("-", right)
    return out


def _find_slugs(cues, text: str) -> list[str]:
    if "-" not in text:
        return []
    out = []
    for m in _SLUG.finditer(text):
        g = m.group()
        if not g.islower():
            continue
        parts = g.split("-")
        content = [p for p in parts if p not in cues.section_connectors]
        if len(content) < 2 or not all(p in cues.section_words for p in content):
            continue
        if len(content) == len(parts) and not any(p in cues.section_anchors for p in content):
            continue  # "social-media", "energy-security": ordinary compound adjectives
        out.append(g)
    return out


def _section_list(cues, text: str):
    """('general news, politics and culture', has a multi-word section with an anchor word such
    as 'news') for an enumeration of three or more section names, else None."""
    words = [(m.group().lower(), m.start(), m.end()) for m in _LIST_WORDS.finditer(text)]
    best = None
    i, n = 0, len(words)
    while i < n:
        items, cur, j, ended = [], [], i, False
        while j < n:
            w = words[j][0]
            if w in cues.section_words and len(cur) < 3:
                cur.append(w)
            elif w == "," and cur:
                items.append(cur)
                cur = []
            elif (w in cues.section_connectors or w == "&") and (cur or items):
                if cur:
                    items.append(cur)
                    cur = []
                if ended:
                    break
                ended = True
            else:
                break
            j += 1
        if cur:
            items.append(cur)
        if len(items) >= 3 and ended:
            multi = any(len(it) > 1 and any(p in cues.section_anchors for p in it) for it in items)
            cand = (text[words[i][1]:words[j - 1][2]].strip(" ,"), multi)
            if best is None or multi:
                best = cand
            i = j
        else:
            i += 1
    return best


def _score(sc: Scorer, unit: Unit, matches: list, quoted: list) -> None:
    """Fill ``unit.cues``, ``slugs`` and ``attributed`` (quotations are never scored)."""
    cues = sc.cues
    btext = unit.block.text
    seen = set()
    for start, end, section, weight in matches:
        if start < unit.start or start >= unit.end:
            continue
        if any(a <= start < b for a, b in quoted):
            continue
        if section in ANCHORED and len(btext[unit.start:start].split()) > ANCHORED[section]:
            continue
        phrase = btext[start:end].strip()
        if phrase.lower() in seen:
            continue
        seen.add(phrase.lower())
        unit.cues.append((section, phrase, weight))
    text = unit.text
    clean = _QUOTED.sub(lambda m: " " * len(m.group()), text) if quoted else text
    unit.slugs = _find_slugs(cues, clean)
    if unit.slugs:
        unit.cues.append(("slug", ", ".join(unit.slugs), SLUG_WEIGHT))
    elif clean.count(",") >= 1 and (unit.cues or any(
            w in cues.section_anchors for w in WORDS.findall(_lower(clean)))):
        lst = _section_list(cues, clean)
        if lst:
            items, multi = lst
            unit.cues.append(("sections", items, SLUG_WEIGHT if multi else SECTION_LIST_WEIGHT))
            if multi:
                unit.slugs.append(items)
    if unit.cues:
        # an attribution verb inside a cue ("lässt sich sagen") attributes nothing
        spans = [(f[0] - unit.start, f[1] - unit.start) for f in matches
                 if unit.start <= f[0] < unit.end]
        for a in cues.alternation("attribution", lang=sc.known_lang).finditer(clean):
            if not any(s <= a.start() < e for s, e in spans):
                unit.attributed = a.group()
                break


def _quoted_spans(text: str) -> list:
    if _QUOTE_CHARS.search(text) or "'" in text or "‘" in text:
        return [m.span() for m in _QUOTED.finditer(text)]
    return []


def warm_up() -> None:
    """Load the cues with every phrase entry parsed and every pattern compiled, for all the
    languages (parallel workers share them)."""
    cues = load()
    for table in (cues.by_word, cues.by_stem):
        for entry in table.values():
            for _, source in entry[2]:
                if source not in cues._regexes:
                    cues._regexes[source] = re.compile(source)
    for i in cues.always:
        cues.patterns[i].regex()
    for lang in ("", *cues.languages):
        cues.alternation("numbers+dates", lang=lang)
        cues.alternation("attribution", lang=lang)
        cues.alternation("closer-heading", whole_line=True, lang=lang)
    for rx in (_QUOTED, _QUOTE_CHARS, _DIGIT, _WORD, _SLUG, _TAG_LINE, _MARKUP_LINE, _LIST_WORDS):
        rx.search("")
    split_sentences("Warm up. Done.")


def analyse(article) -> Analysis:
    cached = article.annotations.get("ai-filler")
    if cached is not None:
        return cached
    result = Analysis()
    article.annotations["ai-filler"] = result
    blocks = [b for b in article.text_blocks if not b.is_title]
    if not blocks:
        return result
    sc = Scorer(article)
    cues = sc.cues
    texts = [b.text for b in blocks]
    joined = _lower("\n".join(texts))
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    matches, slug_blocks, sc._lang = _block_matches(cues, joined, starts, sc.pinned_language())
    if not slug_blocks and not any(matches):
        return result  # no cue anywhere: nothing can be filler (most ordinary articles)
    lowers = [joined[p:p + len(t)] for p, t in zip(starts, texts)]

    def heading_match(text):  # the pattern is compiled only for an article that needs it
        return cues.alternation("closer-heading", whole_line=True, lang=sc.known_lang).match(text)

    by_block = {id(b): (m, k in slug_blocks) for k, (b, m) in enumerate(zip(blocks, matches))}

    # paragraphs holding a cue, a possible slug or a section name: sentence by sentence
    for k, (b, found, low) in enumerate(zip(blocks, matches, lowers)):
        slug = k in slug_blocks
        if b.kind != PARAGRAPH or not (found or slug) or _skip_block(b):
            continue
        quoted = _quoted_spans(b.text)
        for start, end in split_sentences(b.text):
            if not any(start <= f[0] < end for f in found) and not (slug and "-" in low[start:end]):
                continue
            unit = Unit(b, start, end)
            text = unit.text
            if _TAG_LINE.match(text) or _MARKUP_LINE.search(text):
                continue
            if len(text.split()) < MIN_WORDS:
                continue
            _score(sc, unit, found, quoted)
            if unit.slugs:
                result.slugs.append(unit)
                continue
            if unit.score < CANDIDATE or unit.attributed:
                continue
            unit.specifics = sc.specifics(text, b)
            if not unit.specifics:
                result.sentences.append(unit)

    # lists: consecutive list items (blank lines and bare markers between them allowed)
    runs, cur, lead_of, prev_text = [], [], {}, None
    for b in article.blocks:
        if b.kind == LIST_ITEM and b.text:
            if not cur:
                lead_of[b.index] = prev_text
            cur.append(b)
        elif b.kind in (PARAGRAPH, HEADING) and b.text:
            if cur:
                runs.append(cur)
                cur = []
            prev_text = b
    if cur:
        runs.append(cur)
    for run in runs:
        if _skip_block(run[0]):
            continue
        lead = lead_of.get(run[0].index)
        lead_in = lead is not None and bool(heading_match(lead.text))
        if not lead_in and not any(any(by_block.get(id(b), ((), False))) for b in run):
            continue
        units = []
        for b in run:
            unit = Unit(b, 0, len(b.text))
            found = by_block.get(id(b), ((), False))[0]
            _score(sc, unit, found, _quoted_spans(b.text))
            if _TAG_LINE.match(b.text) or _MARKUP_LINE.search(b.text):
                unit.attributed = "a link or tag line"
            unit.specifics = sc.specifics(unit.text, b)
            units.append(unit)
        empty = [u for u in units if not u.specifics and not u.attributed]
        # an item qualifies with one weak cue (any cue after a "Key takeaways" lead-in); the
        # list needs one clearly padded item, so a factual "Key points" box stays quiet
        qualifying = [u for u in empty if u.score >= (LEAD_IN_ITEM_CUE if lead_in else LIST_ITEM_CUE)]
        is_filler = (len(run) >= 2 and len(qualifying) >= max(2, LIST_SHARE * len(run))
                     and any(u.score >= LIST_STRONG_ITEM for u in qualifying))
        for u in units:
            if u.slugs:
                result.slugs.append(u)
            elif is_filler and u in empty:
                result.list_items.append((u, len(run), len(qualifying), lead.text.strip() if lead_in else ""))
            elif (not u.specifics and not u.attributed and u.score >= CANDIDATE
                  and len(u.text.split()) >= 3):
                result.sentences.append(u)

    # a closer heading or lead-in ("Key takeaways:", "Conclusion") counts only when the text it
    # introduces is filler: real reporting also has "Key points" boxes and "Summary" headings
    flagged = {id(u.block) for u in result.sentences if u.score >= THRESHOLD}
    flagged |= {id(u.block) for u, *_ in result.list_items}
    if not flagged:
        return result
    tb = article.text_blocks
    for prev, b in zip(tb, tb[1:]):
        if id(b) in flagged and prev.kind in (PARAGRAPH, HEADING) and not prev.is_title \
                and len(prev.text.split()) <= 8 and heading_match(prev.text):
            result.headings.append((prev, prev.text.strip()))
    return result
