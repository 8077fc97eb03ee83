"""Machine-style filler: sentences and list items that add no fact and are padded with filler cues,
and leaked taxonomy slugs. Cue lists: rules/data/filler/<lang>.txt; scoring: rules/filler_score.py.
"""
from __future__ import annotations

from lint import Option, Rule, hookimpl

_CUES_DOC = """
    Cues (phrase lists per language, en tr ru de es, in rules/data/filler/<lang>.txt). Each cue
    is weighted by its excess over ordinary news prose, counted on 181 ordinary scraped articles:
    2 is a strong cue (generated copy uses it, ordinary news almost never), 1 a weak one, 0.5 a
    word ordinary news uses too. A unit is scored with the cues of its language (guessed from
    function words, or pinned by config/metadata) and English. Each cue counts once per unit,
    and overlapping cues count as the longest.

    - no specifics (the gate): the unit has no digit, no number or date word ("three",
      "Tuesday"), no quotation, and no name (a capitalised word or acronym) beyond those already
      in the title and lead. A unit with any specific is never flagged by filler-sentence.
    - meta-discourse subject, near the start: "The discussion on ...", "This development ...",
      "This overview ...", "Such initiatives ...".
    - contentless trend predicate: "is gaining traction", "continues to evolve", "remains to be
      seen", "underscores the importance", "highlights the need", "plays a pivotal role".
    - filler vocabulary anywhere: "in the realm of", "amid the manifold", "tapestry",
      "testament", "delve", "navigating the complexities", "multifaceted", "landscape".
    - filler opener, at the start: "It is crucial to note", "It's worth noting", "As the
      situation evolves".
    - generic closer, at the start: "In conclusion", "Overall,", "Key takeaways", "Only time
      will tell"; as a whole heading or lead-in line ("Key Takeaways", "Conclusion", "What this
      means") it is flagged only when the text it introduces is filler: real reporting has
      "Key points" boxes too.
    - list of section names ("politics, economy, and culture"): a weak-to-strong cue.
    - leaked taxonomy slug: a hyphenated lowercase section label ("business-and-economy",
      "regional-affairs") or a list of section names with a multi-word section ("general news,
      politics and regional affairs"): near-certain, reported by taxonomy-slug.

    Never filler: text inside quotation marks (officials speak in cliches and reporters quote
    them), sentences attributed to a source ("analysts said ...", "according to ..."), lines
    inside navigation, footers, share or related blocks (site chrome, not filler).
"""


class FillerSentence(Rule):
    id = "filler-sentence"
    category = "ai-filler"
    severity = "warning"
    fixable = False
    summary = "A sentence that states no fact and is padded with filler phrases"
    explanation = """
    Rewritten or generated copy is often padded with sentences that sound like analysis and
    state nothing. A sentence (or a list item outside a filler list) is flagged when it has no
    specifics and its filler cues add up to the threshold (2.0 by default): one strong cue or
    two weaker ones (sentences of fewer than five words are left alone). The message names
    every cue that fired.
""" + _CUES_DOC + """
    Bad:
        This development underscores the multifaceted nature of regional cooperation.
        In conclusion, only time will tell how the partnership continues to evolve.

    Good:
        The agreement, signed on Tuesday, cuts tariffs on 40 farm products, the ministry said.
        "This is a crucial step for the landscape of our region," the governor said.
    """
    options = {
        "threshold": Option(float, 2.0, "total cue weight that flags a sentence with no specifics "
                                         "(1.0 at the lowest)"),
    }

    def warm_up(self):
        from .filler_score import warm_up

        warm_up()

    def check(self, article):
        from .filler_score import analyse

        a = analyse(article)
        threshold = self.settings["threshold"]
        for u in a.sentences:
            if u.score < threshold:
                continue
            yield self.block_finding(
                article, u.block,
                f"adds no fact (no number, date, new name or quote) and is padded with filler: "
                f"{u.describe()} (weight {u.score:g})", u.start, u.end)
        for block, text in a.headings:
            yield self.block_finding(
                article, block, f'generic closer heading "{text}" introduces no fact')


class FillerList(Rule):
    id = "filler-list"
    category = "ai-filler"
    severity = "warning"
    fixable = False
    summary = "A bullet list whose items mostly state nothing (empty 'insights' or 'takeaways')"
    explanation = """
    Rewritten copy often ends in a bullet list of empty "insights": each item names a theme
    and states no fact. A list is filler when at least 60% of its items (and at least two) have
    no specifics and carry filler cues weighing 1 (0.5 after a closer lead-in such as "Key
    takeaways:"), and one item at least weighs 1.5, so a factual "Key points" box stays quiet.
    Every item with no specifics in such a list gets one finding; items that hold a number,
    date, new name or quote are left alone.
""" + _CUES_DOC + """
    Bad:
        Key takeaways:
        - Strengthening regional cooperation remains a key priority.
        - The partnership continues to evolve across multiple dimensions.

    Good:
        The agreements signed on Tuesday:
        - a memorandum on cardiology between the two health ministries;
        - an agreement on the construction of a university campus in Bishkek.
    """

    def warm_up(self):
        from .filler_score import warm_up

        warm_up()

    def check(self, article):
        from .filler_score import analyse

        for u, size, qualifying, lead in analyse(article).list_items:
            cues = u.describe() or "no cue of its own"
            why = f' after "{lead}"' if lead else ""
            yield self.block_finding(
                article, u.block,
                f"item of a filler list{why} ({qualifying} of its {size} items are padded and "
                f"state no fact): no number, date, new name or quote; {cues}", u.start, u.end)


class TaxonomySlug(Rule):
    id = "taxonomy-slug"
    category = "ai-filler"
    severity = "warning"
    fixable = False
    summary = "A leaked site-taxonomy label ('business-and-economy') inside the prose"
    explanation = """
    Generated copy sometimes carries the site's section labels into the text: a hyphenated
    lowercase slug ("business-and-economy", "regional-affairs", "world-news") or a list of
    section names ("general news, politics, and regional affairs"). A slug is made only of
    section words (data: [sections] in rules/data/filler/<lang>.txt) and either joins them with
    "and" or holds a word such as "news" or "affairs", so ordinary compounds ("social-media",
    "long-term") are left alone. Tag lines ("Tags: ...") and links are site chrome, not filler.
""" + _CUES_DOC + """
    Bad:
        The corridor is gaining momentum across business, economy, and regional-affairs.

    Good:
        The corridor carried 1.2 million tonnes of freight last year, the operator said.
    """

    def warm_up(self):
        from .filler_score import warm_up

        warm_up()

    def check(self, article):
        from .filler_score import CUE_NAMES, analyse

        for u in analyse(article).slugs:
            others = [f'{CUE_NAMES[s]} "{t}"' for s, t, _ in u.cues if s not in ("slug", "sections")]
            extra = f"; also {', '.join(others[:4])}" if others else ""
            yield self.block_finding(
                article, u.block,
                f'leaked taxonomy slug "{", ".join(u.slugs)}" (a site section label, not prose){extra}',
                u.start, u.end)


@hookimpl
def register_rules(register):
    register(FillerSentence)
    register(FillerList)
    register(TaxonomySlug)
