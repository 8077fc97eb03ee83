"""HTML articles: visible text as blocks, each piece at its source position (beautifulsoup4)."""
from __future__ import annotations

import html
import re
import sys
import types


class _Deferred(types.ModuleType):
    """A module imported on its first attribute use."""

    def __getattr__(self, name):
        import importlib

        return getattr(importlib.import_module(self.__name__), name)


def _import_bs4() -> None:
    """Import bs4 without soupsieve, its CSS-selector engine, which compiles its grammar at import
    (about a fifth of the start-up of a run on one HTML file). newslint never selects by CSS; for
    code in the same process that does, bs4 gets a stand-in that imports soupsieve when used."""
    if "bs4" in sys.modules or "soupsieve" in sys.modules:
        return
    import warnings

    sys.modules["soupsieve"] = None  # makes `import soupsieve` raise ImportError, which bs4 allows
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # bs4's "soupsieve is not installed"
            import bs4.css
    finally:
        del sys.modules["soupsieve"]
    bs4.css.soupsieve = _Deferred("soupsieve")


_import_bs4()
from bs4 import BeautifulSoup, Comment, NavigableString, Tag  # noqa: E402
from bs4.builder import HTMLParserTreeBuilder  # noqa: E402
from bs4.builder._htmlparser import BeautifulSoupHTMLParser  # noqa: E402

from ..model import HEADING, LIST_ITEM, PARAGRAPH, Block, Element

_INVISIBLE = frozenset(
    "script style noscript template head svg iframe object canvas video audio select datalist "
    "button input textarea math".split()
)
_BLOCK = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 td th tr table section article header footer nav aside figure "
    "figcaption blockquote dt dd dl pre main form ul ol address fieldset legend details summary "
    "caption option hr body html center".split()
)
_LINK = frozenset(("a",))
_WORDS = re.compile(r"\S+")


_ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")


def _map_columns(src: str, col: int, part: str) -> list[int]:
    """Source column of each character of ``part`` (decoded text starting at column ``col`` of
    the source line ``src``), plus the column just after it: an entity maps to where it starts."""
    out = []
    i = col - 1
    for ch in part:
        out.append(i + 1)
        if i < len(src) and src[i] == "&":
            m = _ENTITY.match(src, i)
            if m and html.unescape(m.group()) != m.group():
                i = m.end()
                continue
        i += 1
    out.append(i + 1)
    return out


def _seg_col(seg, offset):
    return seg[2] + (offset - seg[0])


class _PositionedParser(BeautifulSoupHTMLParser):
    """Records where each text node and each end tag sits in the source."""

    def handle_data(self, data):
        if not self.soup.current_data:
            self.soup._text_pos = self.getpos()
        super().handle_data(data)

    def handle_endtag(self, tag, check_already_closed=True):
        t = self.soup.currentTag
        while t is not None and t.name != tag:
            t = t.parent
        if t is not None and getattr(t, "end_pos", None) is None:
            t.end_pos = self.getpos()
        super().handle_endtag(tag, check_already_closed)


class _PositionedBuilder(HTMLParserTreeBuilder):
    def feed(self, markup, _parser_class=_PositionedParser):
        super().feed(markup, _parser_class=_PositionedParser)


class _PositionedSoup(BeautifulSoup):
    _text_pos = None

    def endData(self, containerClass=None):
        had = bool(self.current_data)
        pos = self._text_pos
        super().endData(containerClass)
        el = self._most_recent_element
        if had and isinstance(el, NavigableString) and pos is not None:
            el.source_pos = pos


def _visible(node: Tag) -> bool:
    if node.name in _INVISIBLE or node.has_attr("hidden"):
        return False
    style = node.get("style", "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return False
    return node.get("aria-hidden") != "true"


def _element(tag: Tag) -> Element:
    classes = tag.get("class") or ()
    if isinstance(classes, str):
        classes = tuple(classes.split())
    return Element(tag.name, tag.get("id", "") or "", tuple(classes), tag.get("role", "") or "")


class _Collector:
    def __init__(self, source_lines: list[str]):
        self.blocks: list[Block] = []
        self.lines = source_lines
        self.pieces: list[tuple[int, int, str, bool]] = []
        self.ancestry: tuple[Element, ...] = ()
        self.block_tag: Tag | None = None

    def flush(self):
        pieces, self.pieces = self.pieces, []
        text_parts: list[str] = []
        segments: list[tuple[int, int, int]] = []
        offset = link_chars = 0
        pending_space = False
        last_end = None  # (line, column) just after the last character taken
        for line, col, piece, in_link in pieces:
            # one sub-piece per source line, so every character keeps its own line and column
            for k, part in enumerate(piece.split("\n")):
                if k:
                    line, col = line + 1, 1
                    pending_space = True
                src = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
                # entities (&amp; &nbsp; &#8217;) are longer in the source than in the text:
                # map each character to its own source column when the two differ
                cols = None if src[col - 1:col - 1 + len(part)] == part else _map_columns(src, col, part)
                for m in _WORDS.finditer(part):
                    if m.start() > 0:
                        pending_space = True
                    if pending_space and text_parts:
                        text_parts.append(" ")
                        offset += 1
                    pending_space = False
                    word = m.group()
                    if cols is None:
                        start_col = col + m.start()
                        if not segments or segments[-1][1] != line or _seg_col(segments[-1], offset) != start_col:
                            segments.append((offset, line, start_col))
                        last_end = (line, col + m.end())
                    else:
                        for j in range(len(word)):
                            c = cols[m.start() + j]
                            if not segments or segments[-1][1] != line or _seg_col(segments[-1], offset + j) != c:
                                segments.append((offset + j, line, c))
                        last_end = (line, cols[m.end()])
                    text_parts.append(word)
                    offset += len(word)
                    if in_link:
                        link_chars += len(word)
                if part[-1:].isspace():
                    pending_space = True
        text = "".join(text_parts).strip()
        if not text:
            return
        first_line, first_col = segments[0][1], segments[0][2]
        end_line, end_col = last_end
        tag = self.block_tag
        kind, marker = PARAGRAPH, ""
        if tag is not None and len(tag.name) == 2 and tag.name[0] == "h" and tag.name[1] in "123456":
            kind, marker = HEADING, tag.name  # "h1".."h6", as markdown's "#".."######"
        elif tag is not None and tag.name == "li":
            kind = LIST_ITEM
        block = Block(kind, text, first_line, first_col, end_line, end_col, segments=segments,
                      ancestry=self.ancestry, link_text=link_chars, marker=marker)
        if tag is not None and tag.sourceline is not None:
            block.source_start = (tag.sourceline, tag.sourcepos + 1)
            end = getattr(tag, "end_pos", None)
            if end is not None:
                line_text = self.lines[end[0] - 1] if end[0] - 1 < len(self.lines) else ""
                close = line_text.find(">", end[1])
                block.source_end = (end[0], (close if close >= 0 else end[1]) + 2)
        if tag is not None and tag.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            block.marker = tag.name
        self.blocks.append(block)

    def walk(self, node: Tag, ancestry: tuple[Element, ...], in_link: bool = False):
        for child in node.children:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                if type(child) is not NavigableString:  # CData, Doctype, Declaration...
                    continue
                pos = getattr(child, "source_pos", None)
                if pos is None:
                    continue
                self.pieces.append((pos[0], pos[1] + 1, str(child), in_link))
                continue
            if not isinstance(child, Tag) or not _visible(child):
                continue
            here = (*ancestry, _element(child))
            if child.name == "br":
                self.flush()
                continue
            if child.name in _BLOCK:
                self.flush()
                saved = self.ancestry, self.block_tag
                self.ancestry, self.block_tag = here, child
                self.walk(child, here, in_link)
                self.flush()
                self.ancestry, self.block_tag = saved
            else:
                self.walk(child, here, in_link or child.name in _LINK)


def read_html(path: str, text: str) -> tuple[list[Block], dict]:
    soup = _PositionedSoup(text, builder=_PositionedBuilder(store_line_numbers=True))
    meta: dict = {}
    html = soup.find("html")
    if isinstance(html, Tag) and html.get("lang"):
        meta["language"] = html["lang"]
    if soup.title and soup.title.string:
        meta["title"] = soup.title.string.strip()
    collector = _Collector(text.split("\n"))
    root = soup.body or soup
    collector.walk(root, ())
    collector.flush()
    blocks = collector.blocks
    title = next((b for b in blocks if b.marker == "h1"), None)
    if title is not None:
        title.is_title = True
    return blocks, meta
