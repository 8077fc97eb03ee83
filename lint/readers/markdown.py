"""Markdown articles: front matter as metadata, headings, list items, links and code."""
from __future__ import annotations

import regex

from ..model import BLANK, CODE, HEADING, LIST_ITEM, PARAGRAPH, Block
from .text import _wrap_width, blocks_from_lines, mark_title_and_headings

_ATX = regex.compile(r"^(\s{0,3})(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = regex.compile(r"^\s{0,3}(=+|-+)\s*$")
_FENCE = regex.compile(r"^\s{0,3}(```|~~~)")
# Inline markup removed from the text rules see; the column map keeps pointing at the source.
_INLINE = regex.compile(
    r"!?\[(?P<link>[^\]\n]*)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)"  # [text](url)
    r"|!?\[(?P<ref>[^\]\n]+)\]\[[^\]\n]*\]"  # [text][ref]
    r"|<(?P<auto>(?:https?|mailto):[^>\s]+)>"  # <http://...>
    r"|(?P<emph>\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`)"  # emphasis and code marks
)
_COMMENT = regex.compile(r"^\s*<!--.*-->\s*$")


def parse_front_matter(lines: list[str]) -> tuple[dict, int]:
    """(metadata, number of lines it took). Understands simple YAML/TOML key: value pairs."""
    if not lines or lines[0].strip() not in ("---", "+++"):
        return {}, 0
    fence = lines[0].strip()
    meta = {}
    for i in range(1, min(len(lines), 200)):
        line = lines[i]
        if line.strip() == fence or (fence == "---" and line.strip() == "..."):
            return meta, i + 1
        m = regex.match(r"^\s*([\w-]+)\s*[:=]\s*(.*?)\s*$", line)
        if m:
            value = m.group(2).strip().strip('"').strip("'")
            meta[m.group(1).lower()] = value
    return {}, 0


def strip_inline(text: str) -> tuple[str, list[tuple[int, int]], int]:
    """Remove inline markup. Returns (clean text, [(clean offset, source offset)], link chars)."""
    out, marks, pos, link_chars = [], [(0, 0)], 0, 0
    clean_len = 0
    for m in _INLINE.finditer(text):
        out.append(text[pos:m.start()])
        clean_len += m.start() - pos
        kept_group = next((g for g in ("link", "ref", "auto") if m.group(g) is not None), None)
        if kept_group:
            inner = m.group(kept_group)
            marks.append((clean_len, m.start(kept_group)))
            out.append(inner)
            clean_len += len(inner)
            link_chars += len(inner)
        marks.append((clean_len, m.end()))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), marks, link_chars


def _apply_inline(block: Block) -> None:
    clean, marks, link_chars = strip_inline(block.text)
    if clean == block.text:
        return
    new_segments = []
    for clean_off, src_off in marks:
        line, col = block.position(src_off)
        new_segments.append((clean_off, line, col))
    # keep the original line breaks: a segment of the old map starts wherever a source line does
    old = block.segments
    for seg_off, line, col in old[1:]:
        clean_off = _clean_offset(marks, seg_off)
        new_segments.append((clean_off, line, col))
    new_segments.sort()
    dedup = []
    for seg in new_segments:
        if dedup and dedup[-1][0] == seg[0]:
            dedup[-1] = seg
        else:
            dedup.append(seg)
    block.text = clean
    block.segments = dedup
    block.link_text = link_chars


def _clean_offset(marks: list[tuple[int, int]], src_off: int) -> int:
    best = (0, 0)
    for clean_off, s in marks:
        if s <= src_off:
            best = (clean_off, s)
    return best[0] + (src_off - best[1])


_QUOTE = regex.compile(r"^(?:\s{0,3}>\s?)+")


def read_markdown(path: str, text: str) -> tuple[list[Block], dict]:
    # blockquote markers become spaces of the same width: the quoted text keeps its columns
    lines = [_QUOTE.sub(lambda m: " " * len(m.group()), l) if ">" in l[:8] else l
             for l in text.split("\n")]
    meta, skip = parse_front_matter(lines)
    # the wrap width is a property of the whole file, not of one section between headings
    width = _wrap_width([l for l in lines[skip:] if not _ATX.match(l) and not _FENCE.match(l)])
    blocks: list[Block] = []
    chunk: list[str] = []
    chunk_start = skip + 1

    def flush_chunk():
        nonlocal chunk
        if chunk:
            blocks.extend(blocks_from_lines(chunk, chunk_start, width))
            chunk = []

    i = skip
    while i < len(lines):
        line = lines[i]
        lineno = i + 1
        if _FENCE.match(line):
            flush_chunk()
            fence = _FENCE.match(line).group(1)
            j = i + 1
            while j < len(lines) and not lines[j].strip().startswith(fence):
                j += 1
            end = min(j, len(lines) - 1)
            body = "\n".join(lines[i + 1:j])
            segments, off = [], 0
            for k in range(i + 1, j):  # the body's characters sit on the lines after the fence
                segments.append((off, k + 1, 1))
                off += len(lines[k]) + 1
            blocks.append(Block(CODE, body, lineno, 1, end + 1, len(lines[end]) + 1, segments=segments))
            i = end + 1
            chunk_start = i + 1
            continue
        m = _ATX.match(line)
        setext = (i + 1 < len(lines) and line.strip() and not chunk and _SETEXT.match(lines[i + 1])
                  and not line.lstrip().startswith(("-", "*", "+")))
        if m or setext or _COMMENT.match(line):
            flush_chunk()
            if m:
                col = len(m.group(1)) + len(m.group(2)) + 2
                blocks.append(Block(HEADING, m.group(3), lineno, col, lineno, col + len(m.group(3)),
                                    segments=[(0, lineno, col)], marker=m.group(2)))
            elif setext:
                stripped = line.strip()
                col = len(line) - len(line.lstrip()) + 1
                blocks.append(Block(HEADING, stripped, lineno, col, lineno, col + len(stripped),
                                    segments=[(0, lineno, col)],
                                    marker="#" if lines[i + 1].strip()[0] == "=" else "##"))
                blocks.append(Block(BLANK, "", lineno + 1, 1, lineno + 1, 1))
                i += 1
            else:
                blocks.append(Block(BLANK, "", lineno, 1, lineno, 1))
            i += 1
            chunk_start = i + 1
            continue
        chunk.append(line)
        i += 1
    flush_chunk()
    for b in blocks:
        if b.kind in (PARAGRAPH, HEADING, LIST_ITEM) and b.text:
            _apply_inline(b)
    title_meta = meta.get("title")
    headings = [b for b in blocks if b.kind == HEADING]
    if headings and headings[0].marker == "#":  # the displayed headline, front matter or not
        headings[0].is_title = True
    elif not title_meta:
        mark_title_and_headings(blocks)
    return blocks, meta
