"""Readers turn decoded text into blocks; the format is chosen by file extension."""
from __future__ import annotations

import os

FORMATS = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html",
}


def format_for(path: str) -> str | None:
    return FORMATS.get(os.path.splitext(path)[1].lower())


def read_blocks(fmt: str, path: str, text: str):
    """(blocks, metadata) for ``text`` in format ``fmt``."""
    if fmt == "html":
        from .html import read_html  # bs4 is imported only when an HTML file is read

        return read_html(path, text)
    if fmt == "markdown":
        from .markdown import read_markdown

        return read_markdown(path, text)
    from .text import read_text

    return read_text(path, text)
