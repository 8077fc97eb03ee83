"""Leftover site chrome: share buttons, cookie banners, related-story blocks, template lines.

Two rules: ``site-chrome`` judges each article on its own (phrase inventories in
``rules/data/boilerplate/``, cheap structural signals, HTML ancestry), and
``repeated-across-articles`` learns from the linted folder which lines recur in many files.
The detection logic lives in ``rules/boilerplate_detect.py``.
"""
from __future__ import annotations

import hashlib
import math
from array import array

from lint import Option, Rule, hookimpl
from lint.rule import block_fix


class SiteChrome(Rule):
    id = "site-chrome"
    category = "boilerplate"
    severity = "warning"
    fixable = True
    summary = "Page chrome left in the article: share/follow buttons, ads, cookie banners, related-story blocks"
    explanation = """
    A scraper, a CMS export or a copy-paste often carries in text from the page around the
    story: ad and loading placeholders, cookie and consent banners, newsletter and paywall
    prompts, share and follow buttons, "Related" / "Most read" blocks with the unrelated
    headlines under them, comment widgets, "5 min read", breadcrumbs, a page-title line with
    the site's domain, copyright lines, an e-mail address alone on a line, a stray CMS label
    such as "Текст:".

    A line is flagged when the whole line (or its opening words, for longer prompts, or the
    closing sentence of a short paragraph that is a sales pitch) matches a phrase inventory in one
    of the desk's languages, when its shape is unmistakable (e-mail only, "Home > World > Asia",
    "© 2024 ...", an agency-only credit such as "By Staff Reports", menu links run together as in
    "Terms of Use Privacy Policy" or "NewsSportsWeather", a post's meta line such as
    "12 March 2025 / 4 Comments / in Local", a gallery link, a sign-up consent box), when an HTML
    ancestor's class/id/role names a chrome container (share, newsletter, cookie, related,
    comment, footer, nav...), when the page's frame gives it away (a list of other headlines
    above the article or under a "Related" heading, a headline above the article that shares
    nothing or far less with its text than the article's own headline, three or more title-case
    headlines after the last paragraph, a story card that prints its headline twice, a long line
    in capitals between paragraphs, an "About <Name>" profile box after the story, a line inside
    a newsletter box), or when a weak cue (a section name, a
    bare number, a link-only line) sits next to other chrome or outside the article's run of
    prose. Headlines, bylines naming a person, datelines, captions and subheadings are left
    alone, and so are sentences of prose that merely mention cookies or advertising.
    --fix removes the flagged lines (in HTML, the element).

    Bad:
        Share on Facebook
        Most read
        Celebrity chef opens third restaurant
        This website uses cookies to improve your experience. Accept Read More

    Good:
        The council approved the budget on Tuesday, the mayor's office said.
        The new rules require websites to ask before they set advertising cookies.
    """
    options = {}

    def warm_up(self):
        from .boilerplate_detect import inventory

        inventory()

    def check(self, article):
        from .boilerplate_detect import classify

        verdicts = classify(article)
        if not verdicts:
            return
        blocks = article.text_blocks
        for i in sorted(verdicts):
            v = verdicts[i]
            if v.end is not None:  # only a label glued to real text: report it, never remove the line
                yield self.block_finding(article, blocks[i], v.why, 0, v.end, fix=False)
            else:
                yield self.block_finding(article, blocks[i], v.why, fix=True)


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little", signed=True)


class RepeatedAcrossArticles(Rule):
    id = "repeated-across-articles"
    category = "boilerplate"
    severity = "warning"
    fixable = True
    summary = "A short line that recurs in many articles of the linted folder: template text"
    explanation = """
    When a folder of articles is linted, a line that appears (after normalisation: case,
    punctuation and digits ignored) in many different files is almost always text of the site
    template (a promo line, a standing disclaimer, a section label) even when no phrase list
    knows it. Only short and medium lines are candidates; headlines, bylines, lines naming a
    person and lines with an attributed figure are never flagged for recurring alone, nor are
    lines that site-chrome already reports. The message says how many files share the line.
    Memory stays bounded: lines are kept as 64-bit hashes and the counter is pruned when full.

    Bad (in 40 of 200 files):
        Got a tip? Write to the desk at the address below
    Good:
        The mayor said the budget would be published on Friday.
    """
    options = {
        "min_files": Option(int, 4, "fewest files that must share a line"),
        "min_share": Option(float, 0.02, "smallest share of the folder's files that must share a line"),
        "max_words": Option(int, 16, "longest line (in words) that is a candidate"),
        "max_counter": Option(int, 500_000, "most distinct lines counted at once (memory bound)"),
    }

    def __init__(self, settings=None, severity=None):
        super().__init__(settings, severity)
        self._counts: dict[int, int] = {}
        self._floor = 0
        self._files: list[tuple[str, array, array]] = []
        self._n_files = 0

    # per article, in a worker
    warm_up = SiteChrome.warm_up

    def collect(self, article):
        from .boilerplate_detect import classify, has_attributed_figure, has_person_name

        flagged = classify(article)
        infos = article.annotations["boilerplate.infos"]
        title = article.title
        hashes = array("q")
        spans = array("i")
        seen = set()
        limit = self.settings["max_words"]
        for i, b in enumerate(article.text_blocks):
            info = infos[i]
            if i in flagged or b is title or info.prose or info.protected:
                continue
            if info.n == 0 or info.n > limit or len(b.text) > 200 or b.text.rstrip().endswith((":", "：")):
                continue
            words = info.words
            if not any(len(w) >= 3 and not w.startswith("{") for w in words):
                continue  # numbers, prices and initials recur by chance
            # up to 40 words block_info normalised the first 320 characters: all of a candidate's
            full = words if info.n <= 40 else None
            if has_person_name(b.text) or has_attributed_figure(b.text, full):
                continue
            h = _hash(" ".join(words))
            if h in seen:
                continue
            seen.add(h)
            fix = block_fix(article, b) if self.fixable else None
            line, col, end_line, end_col = b.span(0, len(b.text))
            hashes.append(h)
            fixpos = (fix.line, fix.end_line, fix.column, fix.end_column) if fix else (0, 0, 0, 0)
            spans.extend((line, col, end_line, end_col, *fixpos))
        return (hashes, spans)

    # main process, file order
    def learn(self, path, summary):
        hashes, spans = summary
        self._n_files += 1
        counts = self._counts
        for h in hashes:
            counts[h] = counts.get(h, 0) + 1
        if len(counts) > self.settings["max_counter"]:
            # lossy counting: drop the rarest lines; a template line recurs and stays
            self._floor += 1
            for h in [h for h, c in counts.items() if c <= self._floor]:
                del counts[h]
        if len(hashes):
            self._files.append((path, hashes, spans))

    def conclude(self):
        from lint.rule import Fix

        need = max(self.settings["min_files"], math.ceil(self.settings["min_share"] * self._n_files))
        counts = self._counts
        total = self._n_files
        for path, hashes, spans in self._files:
            for k, h in enumerate(hashes):
                c = counts.get(h, 0)
                if c < need:
                    continue
                line, col, end_line, end_col, fl, fel, fc, fec = spans[k * 8:(k + 1) * 8]
                fix = Fix(fl, fel, fc, fec) if fl else None
                yield self.finding(path, line, col, end_line, end_col,
                                   f"template line: the same text recurs in {c} of {total} files of this folder",
                                   fix)
        self._files = []
        self._counts = {}


@hookimpl
def register_rules(register):
    register(SiteChrome)
    register(RepeatedAcrossArticles)
