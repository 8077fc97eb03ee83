"""The article model every rule sees: blocks and sentences that know their source positions."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

# Block kinds. A title is a heading that names the article.
PARAGRAPH = "paragraph"
HEADING = "heading"
LIST_ITEM = "list_item"
BLANK = "blank"
CODE = "code"


@dataclass(frozen=True, slots=True)
class Element:
    """One HTML element in a block's ancestry."""

    tag: str
    id: str = ""
    classes: tuple[str, ...] = ()
    role: str = ""

    def tokens(self) -> str:
        """Lower-case id, class and role text, for substring tests such as 'share' or 'cookie'."""
        return " ".join((self.id, *self.classes, self.role)).lower()


@dataclass(slots=True)
class Block:
    """A paragraph, heading, list item, code or blank block.

    ``segments`` maps offsets in ``text`` to source positions: a sorted list of
    ``(offset, line, column)``; inside a segment the column advances one per character.
    """

    kind: str
    text: str
    line: int
    column: int
    end_line: int
    end_column: int
    index: int = 0
    segments: list[tuple[int, int, int]] = field(default_factory=list)
    ancestry: tuple[Element, ...] = ()
    is_title: bool = False
    marker: str = ""  # the list marker ('-', '1.') for list items
    link_text: int = 0  # characters of text that sat inside links
    source_start: tuple[int, int] | None = None  # HTML: the block element's start tag
    source_end: tuple[int, int] | None = None  # HTML: just after the block element's end tag

    def position(self, offset: int) -> tuple[int, int]:
        """Source (line, column) of the character at ``offset`` in ``text``."""
        if not self.segments:
            return self.line, self.column + offset
        offsets = [s[0] for s in self.segments]
        i = max(0, bisect.bisect_right(offsets, offset) - 1)
        start, line, col = self.segments[i]
        return line, col + (offset - start)

    def span(self, start: int, end: int) -> tuple[int, int, int, int]:
        """Source (line, column, end_line, end_column) of ``text[start:end]``; end column exclusive."""
        line, col = self.position(start)
        if end <= start:
            return line, col, line, col
        end_line, end_col = self.position(end - 1)
        return line, col, end_line, end_col + 1

    @property
    def lines(self) -> range:
        return range(self.line, self.end_line + 1)

    def has_ancestor(self, *words: str) -> str:
        """The first of ``words`` found in an ancestor's tag, id, class or role, or ''."""
        for el in self.ancestry:
            toks = el.tokens()
            for w in words:
                if w == el.tag or (toks and w in toks):
                    return w
        return ""


@dataclass(slots=True)
class Sentence:
    block: Block
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]

    def span(self, start: int = 0, end: int | None = None) -> tuple[int, int, int, int]:
        """Source span of ``text[start:end]`` (offsets relative to the sentence)."""
        end = len(self.text) if end is None else end
        return self.block.span(self.start + start, self.start + end)


class Article:
    """A parsed article. Built by a reader; read by rules."""

    def __init__(self, path: str, source: str, fmt: str, blocks: list[Block],
                 metadata: dict | None = None, *, language_setting: str = "auto",
                 encoding: str = "utf-8", newline: str = "\n", bom: bool = False):
        self.path = path
        self.source = source  # decoded text with '\n' line endings
        self.format = fmt  # 'text', 'markdown' or 'html'
        self.blocks = blocks
        for i, b in enumerate(blocks):
            b.index = i
        self.metadata = metadata or {}
        self.language_setting = language_setting
        self.encoding = encoding
        self.newline = newline
        self.bom = bom
        self.annotations: dict = {}  # free space for plugins (see the article_loaded hook)

    # -- structure -------------------------------------------------------------------------
    @cached_property
    def source_lines(self) -> list[str]:
        return self.source.split("\n")

    @cached_property
    def text_blocks(self) -> list[Block]:
        """Blocks holding prose: paragraphs, headings and list items (no blanks, no code)."""
        return [b for b in self.blocks if b.kind in (PARAGRAPH, HEADING, LIST_ITEM) and b.text]

    @cached_property
    def title(self) -> Block | None:
        for b in self.blocks:
            if b.is_title:
                return b
        return None

    @cached_property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == PARAGRAPH and b.text]

    @cached_property
    def lead(self) -> list[Block]:
        """The opening paragraphs after the title: at least one, up to about 60 words."""
        out, words = [], 0
        for b in self.paragraphs:
            out.append(b)
            words += len(b.text.split())
            if words >= 60 or len(out) >= 2:
                break
        return out

    @cached_property
    def sentences(self) -> list[Sentence]:
        from .sentences import split_sentences

        out = []
        for b in self.text_blocks:
            for start, end in split_sentences(b.text):
                out.append(Sentence(b, start, end))
        return out

    @cached_property
    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.text_blocks)

    # -- language ----------------------------------------------------------------------------
    @cached_property
    def language(self) -> str:
        """ISO 639-1 code: pinned by config; else a confident stop-word vote of the text; else
        the metadata's; else langdetect (loaded lazily, seeded) when the vote is unsure."""
        from .language import cheap_language, detect_article_language

        return cheap_language(self) or detect_article_language(self)
