"""Scrape artifacts: a line repeated next to itself, a bare list marker, words glued together."""
from __future__ import annotations

from lint import Option, Rule, hookimpl
from lint.model import BLANK, LIST_ITEM


class RepeatedLine(Rule):
    id = "repeated-line"
    category = "formatting"
    severity = "warning"
    fixable = True
    summary = "A line repeated verbatim right after itself (a headline twice, a doubled paragraph)"
    explanation = """
    Scrapers that read both the page title and the article heading, or a CMS that renders a
    block twice, leave the same text on two neighbouring lines. The second copy is flagged and
    --fix removes it.

    Bad:
        Putin Strengthens Ties with Kyrgyzstan
        Putin Strengthens Ties with Kyrgyzstan

    Good:
        Putin Strengthens Ties with Kyrgyzstan
        On Wednesday, President Vladimir Putin met ...
    """

    def check(self, article):
        prev = None
        for b in article.blocks:
            if b.kind == BLANK or not b.text:
                continue
            if prev is not None and b.text == prev.text and len(b.text) > 1:
                yield self.block_finding(
                    article, b, f"repeats line {prev.line} verbatim", fix=True)
            prev = b


class BareListMarker(Rule):
    id = "bare-list-marker"
    category = "formatting"
    severity = "info"
    fixable = True
    summary = "A list marker ('-', '*', '•') alone on a line, its item text on another line"
    explanation = """
    Exports that flatten HTML lists often leave the bullet on a line of its own and the item on
    the next. The article reads fine once the orphan marker goes; --fix removes it.

    Bad:
        -
        A memorandum on cooperation in strategic planning;

    Good:
        - A memorandum on cooperation in strategic planning;
    """

    def check(self, article):
        for b in article.blocks:
            if b.kind == LIST_ITEM and not b.text:
                yield self.finding(article, b.line, b.column, b.end_line, b.end_column,
                                   f"list marker '{b.marker}' alone on a line", self._fix(b))

    @staticmethod
    def _fix(b):
        from lint import Fix

        return Fix(b.line, b.end_line)


@hookimpl
def register_rules(register):
    register(RepeatedLine)
    register(BareListMarker)
