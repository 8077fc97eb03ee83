"""Encoding artifacts: mojibake, leftover HTML entities, words that mix scripts.

All three are `formatting`: the text is right, its bytes or characters are not. Mojibake is
repaired with ftfy (imported only when a cheap signature test finds a suspect line); a word
mixing Latin and Cyrillic/Greek letters is repaired when every odd letter has a look-alike.
"""
from __future__ import annotations

import os
from functools import lru_cache

from lint import Fix, Rule, hookimpl
from lint.model import CODE
from lint.lazyre import lazy_re

# A UTF-8 lead byte read as Windows-1252/Latin-1 (Â..ô) followed by a continuation byte read
# the same way (0x80-0xBF, or the cp1252 characters that sit at 0x80-0x9F).
_MOJIBAKE_HINT = lazy_re(
    "[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC"
    "\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]")


_WORD = lazy_re(r"\S+")


class Mojibake(Rule):
    id = "mojibake"
    category = "formatting"
    severity = "warning"
    fixable = True
    summary = "Mojibake: UTF-8 text decoded with the wrong encoding ('â€™', 'Ã©')"
    explanation = """
    Text that went through a Windows-1252 or Latin-1 decoder on its way from the CMS shows
    sequences such as 'â€™' for an apostrophe, 'Ã©' for 'é' or 'Ð¿' for Cyrillic letters. It
    breaks search and looks broken to readers. ftfy confirms and repairs each suspect stretch;
    --fix writes the repaired text in place (only the damaged characters change).

    Bad:
        The mayorâ€™s cafÃ© plan was approved.

    Good:
        The mayor’s café plan was approved.
    """

    def warm_up(self):
        # ftfy (~60 ms) is imported only when a line carries a mojibake signature (rare)
        _MOJIBAKE_HINT.search("")
        _WORD.search("")

    def check(self, article):
        lines = article.source_lines
        suspects = [i for i, l in enumerate(lines) if _MOJIBAKE_HINT.search(l)]
        if not suspects:
            return
        allowed = _prose_lines(article)
        import difflib

        import ftfy

        for i in suspects:
            if allowed is not None and i + 1 not in allowed:
                continue
            line = lines[i]
            fixed = ftfy.fix_encoding(line)
            if fixed == line:
                # correct letters beside the damaged ones stop ftfy re-decoding the whole line
                # (Turkish 'ı' next to 'ÄŸ'): repair the suspect words one by one
                fixed = _WORD.sub(lambda m: _fix_word(ftfy, m.group())
                                  if _MOJIBAKE_HINT.search(m.group()) else m.group(), line)
            if fixed == line:
                continue
            ops = difflib.SequenceMatcher(None, line, fixed, autojunk=False).get_opcodes()
            spans = []  # merge edits closer than 3 characters
            for tag, a1, a2, b1, b2 in ops:
                if tag == "equal":
                    continue
                if spans and a1 - spans[-1][1] <= 3:
                    spans[-1][1], spans[-1][3] = a2, b2
                else:
                    spans.append([a1, a2, b1, b2])
            for a1, a2, b1, b2 in spans:
                bad, good = line[a1:a2], fixed[b1:b2]
                shown = good.replace("\u00a0", "\\u00a0 (no-break space)")
                fix = Fix(i + 1, i + 1, a1 + 1, a2 + 1, replacement=good)
                yield self.finding(article, i + 1, a1 + 1, i + 1, a2 + 1,
                                   f"mojibake '{bad}' (UTF-8 decoded as Windows-1252/Latin-1): "
                                   f"should read '{shown}'", fix)


def _fix_word(ftfy, word: str) -> str:
    """ftfy on one word; failing that, the plain reversal ftfy is built on: encode as
    Windows-1252 (ftfy's sloppy codec) or Latin-1 and decode as UTF-8, kept only when it
    decodes cleanly and leaves no mojibake signature."""
    fixed = ftfy.fix_encoding(word)
    if fixed != word:
        return fixed
    import ftfy.bad_codecs  # noqa: F401  registers 'sloppy-windows-1252'

    for enc in ("sloppy-windows-1252", "latin-1"):
        try:
            out = word.encode(enc).decode("utf-8")
        except UnicodeError:
            continue
        if out != word and not _MOJIBAKE_HINT.search(out) and "\ufffd" not in out:
            return out
    return word


def _prose_lines(article):
    """Source lines that hold article text (None: every line of a plain-text file)."""
    if article.format == "text":
        return None
    out = set()
    for b in article.blocks:
        if b.kind != CODE and b.text:
            out.update(b.lines)
    return out


# -- leftover entities ---------------------------------------------------------------------------

_ENTITY = lazy_re(r"&(?:#[0-9]{2,6}|#[xX][0-9a-fA-F]{2,5}|[A-Za-z][A-Za-z0-9]{1,30});"
                     r"|&(?:nbsp|amp|quot|mdash|ndash|hellip|rsquo|lsquo|rdquo|ldquo|laquo|raquo)"
                     r"(?=[\s.,;:!?)\]]|$)")
_DOUBLE = lazy_re(r"&amp;(?:#[0-9]{2,6}|#[xX][0-9a-fA-F]{2,5}|[A-Za-z][A-Za-z0-9]{1,30});")


class HtmlEntity(Rule):
    id = "html-entity"
    category = "formatting"
    severity = "warning"
    fixable = True
    summary = "A leftover HTML entity ('&nbsp;', '&amp;', '&#8217;') in the article text"
    explanation = """
    An export that escaped the text twice, or copied it out of HTML source, leaves entities
    the reader sees literally. In a plain-text article any entity is a leftover; in HTML only
    a double-escaped one ('&amp;nbsp;' in the source shows as '&nbsp;'); in Markdown, where
    entities are legal, only a double-escaped one. --fix replaces the entity by its character
    in plain-text files ('&nbsp;' becomes a space).

    Bad:
        Smith&nbsp;&amp; Sons said the deal was off.

    Good:
        Smith & Sons said the deal was off.
    """

    def warm_up(self):
        import html  # noqa: F401

        _ENTITY.search("")
        _DOUBLE.search("")

    def check(self, article):
        fmt = article.format
        for b in article.text_blocks:
            if "&" not in b.text:
                continue
            pattern = _DOUBLE if fmt == "markdown" else _ENTITY
            for m in pattern.finditer(b.text):
                ent = m.group()
                if fmt == "markdown":
                    ent = "&" + m.group()[5:]
                name = ent if ent.endswith(";") else ent + ";"
                import html

                char = html.unescape(name)
                if char == name:
                    continue  # not an entity anyone knows
                plain = " " if char == "\u00a0" else char
                shown = {"\u00a0": "a no-break space", " ": "a space"}.get(char, f"'{char}'")
                fix = None
                if fmt == "text":
                    line, col, end_line, end_col = b.span(m.start(), m.end())
                    src = article.source_lines[line - 1][col - 1:end_col - 1] if line == end_line else ""
                    if src == m.group():
                        fix = Fix(line, end_line, col, end_col, replacement=plain)
                line, col, end_line, end_col = b.span(m.start(), m.end())
                if fmt == "markdown":
                    msg = (f"double-escaped HTML entity '{m.group()}': readers see '{ent}' "
                           f"instead of {shown}")
                else:
                    msg = f"leftover HTML entity '{m.group()}' (stands for {shown})"
                yield self.finding(article, line, col, end_line, end_col, msg, fix)


# -- words mixing scripts ------------------------------------------------------------------------

_SWITCH = None
_HAS_LATIN = lazy_re(r"[A-Za-z\u00C0-\u024F]")
_HAS_OTHER = lazy_re(r"[\u0370-\u03FF\u0400-\u052F]")


def _switch_re():
    global _SWITCH
    if _SWITCH is None:
        import regex

        _SWITCH = regex.compile(r"\p{Latin}[\p{Cyrillic}\p{Greek}]|[\p{Cyrillic}\p{Greek}]\p{Latin}")
    return _SWITCH


@lru_cache(maxsize=None)
def _confusables() -> dict[str, str]:
    path = os.path.join(os.path.dirname(__file__), "data", "language", "confusables.txt")
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 2 and not line.startswith("#"):
                out[parts[0]] = parts[1]
    return out


def _script(ch: str) -> str:
    o = ord(ch)
    if 0x0370 <= o <= 0x03FF:
        return "Greek"
    if 0x0400 <= o <= 0x052F:
        return "Cyrillic"
    if ch.isalpha() and (o < 0x0250 or 0x1E00 <= o <= 0x1EFF):
        return "Latin"
    return ""


class MixedScriptWord(Rule):
    id = "mixed-script-word"
    category = "formatting"
    severity = "warning"
    fixable = True
    summary = "A word mixing Latin and Cyrillic or Greek letters (a look-alike letter inside a word)"
    explanation = """
    A Cyrillic 'о' inside a Latin word, or a Latin 'a' inside a Cyrillic one, looks right but
    breaks search, spell-checking and sorting, and is a known spoofing trick. Keyboard-layout
    slips and copy-paste from transliterated sources cause it too. When every odd letter has a
    look-alike in the word's main script, --fix swaps it in.

    Bad:
        The talks in Mоscow (Cyrillic 'о') ended on Friday.

    Good:
        The talks in Moscow ended on Friday.
    """

    def warm_up(self):
        _HAS_OTHER.search("")
        _HAS_LATIN.search("")
        _switch_re()
        _confusables()

    def check(self, article):
        for b in article.text_blocks:
            text = b.text
            if not (_HAS_OTHER.search(text) and _HAS_LATIN.search(text)):
                continue
            seen_end = -1
            for m in _switch_re().finditer(text):
                if m.start() < seen_end:
                    continue
                start, end = m.start(), m.end()
                while start > 0 and (text[start - 1].isalpha() or unicodedata_mark(text[start - 1])):
                    start -= 1
                while end < len(text) and (text[end].isalpha() or unicodedata_mark(text[end])):
                    end += 1
                seen_end = end
                word = text[start:end]
                counts: dict[str, int] = {}
                for ch in word:
                    s = _script(ch)
                    if s:
                        counts[s] = counts.get(s, 0) + 1
                if len(counts) < 2:
                    continue
                main = max(counts, key=lambda s: (counts[s], s == "Latin"))
                odd = [(i, ch) for i, ch in enumerate(word) if _script(ch) and _script(ch) != main]
                names = ", ".join(f"{_script(ch)} '{ch}'" for _, ch in odd[:4])
                fix = None
                conf = _confusables()
                if main == "Latin" and all(ch in conf for _, ch in odd):
                    fixed = "".join(conf.get(ch, ch) if _script(ch) != main else ch for ch in word)
                elif main == "Cyrillic":
                    back = {v: k for k, v in conf.items() if _script(k) == "Cyrillic"}
                    fixed = "".join(back.get(ch, ch) if _script(ch) == "Latin" else ch for ch in word)
                    if any(_script(ch) == "Latin" for ch in fixed):
                        fixed = None
                else:
                    fixed = None
                line, col, end_line, end_col = b.span(start, end)
                if fixed and line == end_line and article.format != "html" and \
                        article.source_lines[line - 1][col - 1:end_col - 1] == word:
                    fix = Fix(line, end_line, col, end_col, replacement=fixed)
                hint = f"; should read '{fixed}'" if fixed else ""
                yield self.finding(article, line, col, end_line, end_col,
                                   f"word '{word}' mixes {main} with {names}{hint}", fix)


def unicodedata_mark(ch: str) -> bool:
    import unicodedata

    return unicodedata.category(ch).startswith("M")


@hookimpl
def register_rules(register):
    register(Mojibake)
    register(HtmlEntity)
    register(MixedScriptWord)
