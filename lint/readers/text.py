"""Plain-text articles: one paragraph per line, blank-separated, or hard-wrapped."""
from __future__ import annotations

import regex

from ..suppression import is_plain_directive
from ..model import BLANK, HEADING, LIST_ITEM, PARAGRAPH, Block

# A list item: bullet or number, then text; a bare marker alone on a line is an empty item.
LIST_MARKER = regex.compile(r"^(\s*)([-*+•·–—▪●◦]|\d{1,3}[.)])(?:\s+|$)")


def _wrap_width(lines: list[str]) -> int:
    """The width a hard-wrapped file was wrapped at, or 0 when lines are not wrapped."""
    lengths = sorted(len(l.rstrip()) for l in lines if l.strip())
    if len(lengths) < 4:
        return 0
    top = lengths[int(len(lengths) * 0.9) - 1] if len(lengths) >= 10 else lengths[-1]
    if top > 100 or top < 30:
        return 0
    near = [l.rstrip() for l in lines if l.strip() and top - 15 <= len(l.rstrip()) <= top]
    if len(near) < max(3, len(lengths) // 3):
        return 0
    # wrapped lines end mid-sentence; one-paragraph-per-line exports end on a full stop
    ends = sum(1 for l in near if l.endswith((".", "!", "?", '"', "”", "»", "…")))
    return top if ends <= len(near) // 2 else 0


def _continues(line: str, nxt: str, width: int) -> bool:
    """True when ``nxt`` is the wrapped continuation of ``line``."""
    if not width or not nxt.strip() or LIST_MARKER.match(nxt):
        return False
    first = nxt.split(None, 1)[0]
    return len(line.rstrip()) + 1 + len(first) > width - 1


def looks_like_heading(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 20 and not text.rstrip().endswith((".", ":", ";", ",", "…")) and len(text) <= 160


def make_block(kind: str, pieces: list[tuple[int, int, str]], **kw) -> Block:
    """A block from (line, column, text) pieces joined by single spaces."""
    text_parts, segments, offset = [], [], 0
    for line, col, piece in pieces:
        if text_parts:
            text_parts.append(" ")
            offset += 1
        segments.append((offset, line, col))
        text_parts.append(piece)
        offset += len(piece)
    first, last = pieces[0], pieces[-1]
    return Block(kind, "".join(text_parts), first[0], first[1], last[0],
                 last[1] + max(len(last[2]), 0), segments=segments, **kw)


def blocks_from_lines(lines: list[str], first_line: int = 1, width: int | None = None) -> list[Block]:
    """Group source lines into blocks. ``first_line`` is the source number of ``lines[0]``;
    ``width`` is the hard-wrap width (measured on ``lines`` when not given)."""
    width = _wrap_width(lines) if width is None else width
    blocks: list[Block] = []
    pieces: list[tuple[int, int, str]] = []
    kind = PARAGRAPH
    marker = ""

    def flush():
        nonlocal pieces
        if pieces:
            blocks.append(make_block(kind, pieces, marker=marker))
            pieces = []

    for i, raw in enumerate(lines):
        lineno = first_line + i
        stripped = raw.strip()
        if not stripped or (stripped.startswith("newslint:") and is_plain_directive(raw)):
            flush()
            blocks.append(Block(BLANK, "", lineno, 1, lineno, 1))
            continue
        col = len(raw) - len(raw.lstrip()) + 1
        if not pieces:
            m = LIST_MARKER.match(raw)
            if m:
                kind, marker = LIST_ITEM, m.group(2)
                rest = raw[m.end():].rstrip()
                if rest:
                    pieces = [(lineno, m.end() + 1, rest)]
                else:
                    blocks.append(Block(LIST_ITEM, "", lineno, col, lineno, col + len(stripped), marker=marker))
                    continue
            else:
                kind, marker = PARAGRAPH, ""
                pieces = [(lineno, col, stripped)]
        else:
            pieces.append((lineno, col, stripped))
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if not _continues(raw, nxt, width):
            flush()
    flush()
    return blocks


def mark_title_and_headings(blocks: list[Block]) -> None:
    """The first short unpunctuated line is the title; later short lines standing alone between
    paragraphs are subheadings."""
    text_blocks = [b for b in blocks if b.kind != BLANK]
    if not text_blocks:
        return
    first = text_blocks[0]
    if first.kind == PARAGRAPH and looks_like_heading(first.text):
        first.kind = HEADING
        first.is_title = True
    for prev, b, nxt in zip(text_blocks, text_blocks[1:], text_blocks[2:]):
        if (b.kind == PARAGRAPH and looks_like_heading(b.text) and len(b.text.split()) <= 12
                and nxt.kind == PARAGRAPH and len(nxt.text.split()) > 25
                and b.text[:1].isupper()):
            b.kind = HEADING


def read_text(path: str, text: str) -> tuple[list[Block], dict]:
    blocks = blocks_from_lines(text.split("\n"))
    mark_title_and_headings(blocks)
    return blocks, {}
