"""Consistency inside one article: a name spelled two ways, a figure stated two ways."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from lint import Rule, hookimpl
from lint.model import HEADING

_FIGURE = None
_UPPER: frozenset | None = None  # the capital letters a name may start with
_CAPWORD_ALL = None  # the pattern for every one of them (warm_up)


def _upper() -> frozenset:
    global _UPPER
    if _UPPER is None:
        _UPPER = frozenset(chr(c) for c in (*range(0x41, 0x530), *range(0x1E00, 0x1F00))
                           if chr(c).isupper())
    return _UPPER


def _figure_re():
    global _FIGURE
    if _FIGURE is None:
        # a count of 3+ digits (with thousands separators) and the word after it
        _FIGURE = re.compile(r"(?<![\w.,])(\d{1,3}(?:[,.\u00a0 ]\d{3})+|\d{3,})(?![.,]?\d)"
                             r"(?:\s*%)?\s+([^\W\d_][\w\-]{2,})")
    return _FIGURE


def _capword_re(text: str | None = None):
    """A capitalised word of 4+ letters with an optional suffix after an apostrophe. Its first
    letter is one of the capitals of Latin, Greek, Cyrillic (U+0041-U+052F, U+1E00-U+1EFF); for
    a ``text``, only A-Z and the capitals that occur in it are listed, which finds the same
    words there and compiles in a fraction of the time."""
    global _CAPWORD_ALL
    if text is None or _CAPWORD_ALL is not None:
        return _CAPWORD_ALL or _compile_capword("".join(sorted(_upper())))
    extra = {c for c in set(text) if c > "\x7f"} & _upper()
    if extra and _compile_capword.cache_info().currsize >= 3:
        # many articles with different capitals (a folder run): one pattern for all of them
        _CAPWORD_ALL = _capword_re()
        return _CAPWORD_ALL
    return _compile_capword("ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "".join(sorted(extra)))


@lru_cache(maxsize=64)
def _compile_capword(upper: str):
    up = re.escape(upper)
    return re.compile(rf"(?<![\w\-@#/.])([{up}][^\W\d_]{{3,}}(?:-[{up}][^\W\d_]+)*)"
                      r"(?:['’][^\W\d_]{1,5})?(?!\w|[.@/]\w)")


def warm_up() -> None:
    """Compile the patterns for every capital letter (parallel workers share them)."""
    global _CAPWORD_ALL
    _figure_re()
    _CAPWORD_ALL = _capword_re()


_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """Spelling key: no accents, no case, no doubled letters, one spelling of -iy/-yy/-y/-i."""
    if word.isascii():
        w = word.lower()
    else:
        w = unicodedata.normalize("NFD", word.replace("ı", "i").replace("ß", "ss"))
        w = "".join(c for c in w if not unicodedata.combining(c)).casefold()
    w = _DOUBLED.sub(r"\1", w)
    if len(w) >= 6 and w.isascii():
        for end in ("iy", "yi", "ij", "ii", "i", "y"):
            if w.endswith(end):
                w = w[:-len(end)] + "y"
                break
    return w.replace("-", "")


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 8):start].rstrip()
    return not before or before[-1] in ".!?:;\"“”«»—–-(•*" or before.endswith("...")


class NameSpelling(Rule):
    id = "name-spelling"
    category = "consistency"
    severity = "warning"
    summary = "A name spelled two ways in one article (the less frequent spelling is flagged)"
    explanation = """
    A person's or place's name should read the same everywhere in a story. Spellings that
    differ only by accents, doubled letters or a transliterated ending (Zelenskyy/Zelensky,
    Erdoğan/Erdogan, Navalnyy/Navalny) are grouped; the less frequent spelling is flagged and
    the message names the other. Possessives and suffixes after an apostrophe (Erdoğan'ın) are
    ignored; inflected forms (Путина, Merkels) are different words, not different spellings.

    Bad:
        Zelenskyy met the delegation in Kyiv. ... Zelensky said the talks went well.

    Good:
        Zelenskyy met the delegation in Kyiv. ... Zelenskyy said the talks went well.
    """

    def warm_up(self):
        warm_up()

    def check(self, article):
        blocks = article.text_blocks
        # cheap first pass (C-level): the distinct capitalised words and their spelling keys;
        # only keys with two spellings get the detailed pass
        by_key: dict[str, set] = {}
        text = "\n".join(b.text for b in blocks)
        capword = _capword_re(text)
        for token in set(text.split()):
            if not token[:1].isupper():
                continue
            for word in capword.findall(token):
                by_key.setdefault(_fold(word), set()).add(word)
        suspects = {w for forms in by_key.values() if len(forms) > 1 for w in forms
                    if not w.isupper()}
        if not suspects:
            return
        groups: dict[str, dict[str, list]] = {}
        for b in blocks:
            text = b.text
            title_case = b.kind == HEADING or b.is_title
            for m in capword.finditer(text):
                word = m.group(1)
                if word not in suspects:
                    continue
                mid = not title_case and not _sentence_initial(text, m.start())
                groups.setdefault(_fold(word), {}).setdefault(word, []).append(
                    (b, m.start(1), m.end(1), mid, m.end()))
        for key, forms in groups.items():
            if len(forms) < 2 or len(key) < 4:
                continue
            if len({f.casefold() for f in forms}) < 2:
                continue  # differs in case only
            if not any(occ[3] for occs in forms.values() for occ in occs):
                continue  # never seen inside a sentence: maybe not a name
            ranked = sorted(forms.items(), key=lambda kv: (-len(kv[1]), _first(kv[1])))
            main, main_occs = ranked[0]
            first_b = _first_block(main_occs)
            for form, occs in ranked[1:]:
                if len(occs) == len(main_occs) and _first(occs) < _first(main_occs):
                    continue
                if _other_person(occs, main_occs):
                    continue
                for b, s, e, *_ in occs:
                    yield self.block_finding(
                        article, b,
                        f"'{form}' is spelled '{main}' elsewhere in the article "
                        f"({len(main_occs)} time{'s' if len(main_occs) > 1 else ''}, first on line "
                        f"{first_b.line}); use one spelling", s, e)


def _neighbour(text: str, pos: int, direction: int) -> str:
    """The capitalised word right before (-1) or after (+1) ``pos``, folded, or ''."""
    if direction > 0:
        rest = text[pos:pos + 40]
        if not rest.startswith(" ") or len(rest) < 2 or not rest[1].isupper():
            return ""
        word = rest[1:].split(" ", 1)[0]
    else:
        head = text[max(0, pos - 40):pos]
        if not head.endswith(" ") or len(head) < 2:
            return ""
        word = head[:-1].rsplit(" ", 1)[-1]
        if not word[:1].isupper():
            return ""
    word = word.strip(".,;:!?\"'’”)»")
    return _fold(word) if len(word) > 1 and word.isalpha() else ""


def _other_person(occs, main_occs) -> bool:
    """Jonas Brodin and Joonas Korpisalo: both spellings always beside a different name."""
    a = {_neighbour(o[0].text, o[4], 1) for o in occs}
    b = {_neighbour(o[0].text, o[4], 1) for o in main_occs}
    return "" not in a and "" not in b and not a & b


def _first(occs):
    return min((o[0].index, o[1]) for o in occs)


def _first_block(occs):
    return min(occs, key=lambda o: (o[0].index, o[1]))[0]


class FigureMismatch(Rule):
    id = "figure-mismatch"
    category = "consistency"
    severity = "warning"
    summary = "The same figure stated two ways (340 stores, then 430 stores): the second is flagged"
    explanation = """
    When one count of the same thing appears with its digits swapped in another paragraph
    (340 stores, later 430 stores; 1,250 jobs, later 1,520 jobs), one of them is a typo. Only
    counts of three or more digits followed by the same word, in different sentences, with
    the same digits in another order, are compared: different figures for different things
    stay quiet.

    Bad:
        The chain runs 340 stores in the region. ... Its 430 stores employ 9,000 people.

    Good:
        The chain runs 340 stores in the region. ... Its 340 stores employ 9,000 people.
    """

    def warm_up(self):
        _figure_re()

    def check(self, article):
        figure = _figure_re()
        # cheap first pass: are there two different counts with the same digits at all?
        shapes: dict[str, set] = {}
        for token in "\n".join(b.text for b in article.text_blocks).split():
            if token[:1].isdigit():
                digits = "".join(c for c in token if c.isdigit())
                if len(digits) >= 3:
                    shapes.setdefault("".join(sorted(digits)), set()).add(digits)
        if not any(len(v) > 1 for v in shapes.values()):
            return
        seen: dict[str, list] = {}  # noun -> [(digits, shown, block, start, end)]
        for b in article.text_blocks:
            for m in figure.finditer(b.text):
                shown = m.group(1)
                digits = "".join(c for c in shown if c.isdigit())
                if len(digits) == 4 and digits[:2] in ("19", "20") and shown.isdigit():
                    continue  # a year
                noun = m.group(2).casefold()
                earlier = seen.setdefault(noun[:5], [])
                for d, first_shown, fb, fs, fe, first_noun in earlier:
                    if not _same_stem(noun, first_noun):
                        continue
                    if d != digits and len(d) == len(digits) and sorted(d) == sorted(digits) \
                            and len(set(digits)) > 1 and not any(
                                e[0] == d and e[2] is b and _same_sentence(b.text, e[3], m.start())
                                for e in earlier):  # both in one sentence: a contrast, not a typo
                        yield self.block_finding(
                            article, b,
                            f"'{shown} {m.group(2)}' here but '{first_shown} {fb.text[fs:fe].split()[-1]}' on line "
                            f"{fb.line}: the same digits in another order; check which is right",
                            m.start(1), m.end(2))
                        break
                earlier.append((digits, shown, b, m.start(1), m.end(2), noun))


def _same_stem(a: str, b: str) -> bool:
    """The same noun, allowing for inflection: stores/store, mağazasına/mağazasının."""
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return a == b or (n >= 4 and n >= min(len(a), len(b)) - 3)


def _same_sentence(text: str, a: int, b: int) -> bool:
    between = text[min(a, b):max(a, b)]
    return not any(p in between for p in (". ", "! ", "? "))


@hookimpl
def register_rules(register):
    register(NameSpelling)
    register(FigureMismatch)
