"""Unsourced figures: a money amount, percentage, count or multiple nobody is quoted for."""
from __future__ import annotations

import os
from functools import lru_cache

import re
from bisect import bisect_left
from operator import attrgetter, itemgetter

from lint import Option, Rule, hookimpl
from lint.lazyre import lazy_regex
from lint.model import HEADING, LIST_ITEM, PARAGRAPH

_KINDS = ("money", "percent", "count", "multiple")
_DIGIT = re.compile(r"\d")
_NUM_ORDINAL_END = re.compile(r"(?<!\d)\d{1,2}\.$")
_LEAD = 3  # body paragraphs that make the lead


class UnsourcedFigure(Rule):
    id = "unsourced-figure"
    category = "unsourced-figure"
    severity = "warning"
    summary = "A money amount, percentage, count or multiple with no source in its sentence or paragraph"
    explanation = """
    Every figure a desk prints needs someone to stand behind it. The rule finds money amounts
    ($5 billion, 3,5 milyar TL, 2 млрд рублей, 1,2 Mrd. Euro, 5.000 millones de dólares),
    percentages (12%, yüzde 5, 3 процента, 4 Prozent, 7 por ciento), counts of people and things
    (2,300 firms, 640 drones) and multiples (2.5 times, threefold, doubled), with their ranges and
    approximations ("nearly 97%"), in English, Turkish, Russian, German and Spanish number styles.
    Dates, years, times, durations, ages, ordinals, addresses, phone numbers, scores, article
    numbers and model designations (Su-57, F-16) are not figures, nor is a page counter (3
    comments, 1,200 views) on a line that is not a sentence, nor an offer's price or discount
    ("now $649", "35% off", "20 Prozent Rabatt"). Text that is not the reporter's
    claim is not judged: lines the site-chrome rule calls page furniture (other stories'
    headlines, promo boxes), an interview's questions and answers ("Q: ...", "A: ..."), a
    paragraph of direct speech opened by a dialogue dash (Russian, Spanish, Turkish), an
    embedded social-media post, an excerpt closed by a bracketed outlet credit ("[PC World]"),
    a sentence whose writer speaks for themselves ("we distributed 50,000 masks"), or goes on
    from one where they do in the singular ("I bought a course. It cost $2,000."), or addresses
    the reader before the figure ("you'll save 30%"), and a count that announces the article's
    own list ("Here are 15 tips", "İşte 10 ipucu"). An amount followed by its conversion
    ("$12.9bn (£10bn)") is judged once, and a sentence closing on a numbered reference ("(23)")
    cites its study. Articles in a language the figure grammar does not know (Portuguese,
    Italian, Indonesian...) are left alone unless the desk pins a language.

    A figure is sourced when its sentence has a reporting verb with a subject ("the ministry
    said", "dedi", "заявил", "sagte", "dijo") or a source phrase ("according to", "verilerine
    göre", "по данным", "laut", "según"); when it sits inside a direct quote; when an earlier
    sentence named a speaker and this one continues it ("He added ...", "The minister also
    said ..."); when the paragraph opens on its source ("According to X, ..."), which covers the
    whole paragraph; when the next sentence gives it ("That is according to the statistics
    office."), or a source phrase closes a paragraph of figures ("..., according to Edmunds.");
    when it points back at what a sourced sentence before it reported ("2.5 million of these
    deaths"); when a lead-in ending in ':' with a source introduces the list it sits in; when
    the paragraph before, in the lead, announces a document with a reporting verb and no figure
    of its own ("Acme reported third-quarter earnings on Tuesday") and this paragraph gives its
    figures; when the paragraph or the article carries an agency credit ("(Reuters)", "[TASS]",
    "— AFP", "dpa", "With Post wires", a dated agency byline); when the text is a press release
    (it ends in an "About <issuer>" section: the issuer speaks for itself); or when it restates
    a figure already sourced earlier in the article (a headline or the lead may state one
    sourced anywhere below it, or round it: "more than 30%" for a sourced 31%). Agentless passives ("it is estimated", "se calcula") and
    adjectives ("an estimated 2,000") are not sources. A source named in the middle of a
    paragraph covers its own sentence and the ones that continue it, not every figure after it.

    Bad:
        Exports are expected to hit $12 billion this year, up more than 30%.

    Good:
        Exports are expected to hit $12 billion this year, up more than 30%, the trade
        ministry said on Tuesday.
    """
    options = {
        "kinds": Option(list, list(_KINDS),
                        "kinds of figure that need a source: money, percent, count, multiple"),
        "min_count": Option(int, 2, "smallest count of people or things that needs a source"),
    }

    def __init__(self, settings=None, severity=None):
        super().__init__(settings, severity)
        bad = [k for k in self.settings["kinds"] if k not in _KINDS]
        if bad:
            raise ValueError(f"option 'kinds' of rule '{self.id}': unknown kind(s) "
                             f"{', '.join(map(repr, bad))} (known: {', '.join(_KINDS)})")

    def warm_up(self):
        from lint.sentences import split_sentences

        from . import figures_scan
        from .figures_data import data

        data().warm_up()
        figures_scan.warm_up()
        split_sentences("Warm up. Done.")

    def check(self, article):
        from lint.sentences import split_sentences

        from .figures_data import data, tokenize
        from .figures_scan import Scanner, guess_language, quote_ranges

        d = data()
        blocks = article.text_blocks
        if _article_credit(blocks, d) or _press_release(blocks):
            return  # (looked at first: cheaper than the search for word triggers)
        source = article.source
        words = d.word_triggers_in(source.lower())
        if words is None and not _DIGIT.search(source):
            return
        scan = Scanner(lambda: _language(article, blocks, guess_language))
        kinds = set(self.settings["kinds"])
        min_count = self.settings["min_count"]

        sourced_keys: set = set()
        pending = []  # (block, figure, a heading or in the lead, the block's sentence spans)
        body = 0  # body paragraphs read so far: the first ones are the lead
        lead_before = None  # the body paragraph before, when it is in the lead
        carry_list = False  # a sourced lead-in ending in ':' covers the list below it
        marked = _after_bare_marker(article)
        for b in blocks:
            text = b.text
            kind = b.kind
            in_list = kind == LIST_ITEM or (marked is not None and id(b) in marked)
            list_carry = carry_list if in_list else False
            if not in_list:
                carry_list = False
            spaces = text.count(" ")
            if spaces < 2:  # too short to state a figure
                if not in_list and text.rstrip().endswith(":"):
                    carry_list = text  # judged only if a list with figures follows
                continue
            is_heading = kind == HEADING
            in_lead = False
            announcer = None
            if not is_heading and not in_list and spaces >= 7 \
                    and not _CAPTION.search(text):  # a body paragraph (a photo's caption is not)
                announcer, lead_before = lead_before, None
                in_lead = body < _LEAD
                body += 1
                if in_lead:
                    lead_before = text
            block_words = words is not None and words.search(text.lower()) is not None
            if not block_words and (not _DIGIT.search(text)
                                    or not scan.may_hold(text, is_heading, min_count)):
                if not in_list and text.rstrip().endswith(":"):
                    carry_list = text  # judged only if a list with figures follows
                continue
            tokens = tokenize(text)
            figs = scan.figures(text, tokens, heading=is_heading, min_count=min_count,
                                words=block_words)
            if not figs:
                if not in_list and text.rstrip().endswith(":"):
                    carry_list = text  # judged only if a list with figures follows
                continue
            if isinstance(list_carry, str):  # the lead-in of this list: does it name a source?
                lead = tokenize(list_carry)
                list_carry = carry_list = scan.has_source(lead, 0, len(lead))
            whole = list_carry or scan.agency_credit(text)  # the whole block is covered
            flags = []
            prev_ok = False
            last = figs[-1].start
            starts = None
            raw_sents = split_sentences(text)
            sents = _sentences(text, raw_sents)
            for i, (ss, se) in enumerate(sents):
                if whole or (ss > last and sents[i - 1][0] > last):
                    flags.append((ss, se, whole))
                    continue  # covered already, or too far past the last figure to matter
                if starts is None:
                    starts = list(map(itemgetter(1), tokens))
                lo, hi = bisect_left(starts, ss), bisect_left(starts, se)
                own = scan.has_source(tokens, lo, hi)
                ok = whole or own or (prev_ok and (scan.continues(tokens, lo)
                                                   or scan.refers_back(tokens, lo, hi)))
                if own and i and not flags[-1][2] and not any(ss <= f.start < se for f in figs) \
                        and (scan.continues(tokens, lo) or scan.has_source_phrase(tokens, lo, hi)):
                    # "Exports rose 12%. That is according to the statistics office." (not "Rents
                    # rose 30%. Tenants protested, the mayor said.": the mayor spoke of the protest)
                    flags[-1] = (flags[-1][0], flags[-1][1], True)
                flags.append((ss, se, ok))
                if own and not is_heading and i == 0 and scan.speaks_for_paragraph(tokens, lo, hi):
                    # a paragraph whose first sentence names its source ("According to X, ...",
                    # "..., police said in a statement.", "He emphasized that ...") is covered to
                    # its end; a verb deep in it ("the number who said ...") or a source named
                    # later covers its own sentence and the sentences that continue it only
                    whole = True
                prev_ok = ok
            if len(flags) > 1 and flags[-1][2] and not all(ok for _, _, ok in flags[:-1]) \
                    and any(flags[-1][0] <= f.start for f in figs):
                ss, se, _ = flags[-1]
                lo, hi = bisect_left(starts, ss), bisect_left(starts, se)
                if scan.has_source_phrase(tokens, lo + 3, hi):  # (past the sentence's opening)
                    # "Sales fell 10%. Loan rates were below 6%, according to Edmunds.": a source
                    # closing a paragraph of figures covers the figures before it (one opening the
                    # last sentence, "Laut X werteten sie 86.000 Aufnahmen aus", covers that one)
                    flags = [(s, e, True) for s, e, _ in flags]
            if announcer and not all(ok for _, _, ok in flags) \
                    and _announces_document(scan, announcer, split_sentences):
                # "Home Depot reported third-quarter earnings ...": this paragraph gives them
                flags = [(s, e, True) for s, e, _ in flags]
            quotes = None
            before = None
            for f in figs:
                if before is not None and f.kind == before.kind == "money" \
                        and _CONVERSION.fullmatch(text, before.end, f.start):
                    continue  # the amount before it in another currency: judged with it
                before = f
                sourced = any(ss <= f.start < se and ok for ss, se, ok in flags)
                if not sourced:
                    if quotes is None:
                        quotes = quote_ranges(text)
                    sourced = any(a <= f.start < z for a, z in quotes)
                if sourced:
                    sourced_keys.add(f.key)
                elif f.key not in sourced_keys:  # not a restatement of a sourced figure
                    pending.append((b, f, is_heading or in_lead, raw_sents))
            if not in_list and text.rstrip().endswith(":"):
                carry_list = any(ok for _, _, ok in flags)
        if not pending or not _supported_language(article, scan):
            return  # (a Portuguese or Indonesian page: its figure grammar is not ours)
        chrome = _chrome_blocks(article)
        spoken: dict[int, bool] = {}
        for b, f, up_top, raw_sents in pending:
            if id(b) in chrome:
                continue  # a headline in a "More from" list, a teaser, a promo box: not the story
            said = spoken.get(id(b))
            if said is None:
                said = spoken[id(b)] = _spoken(article, b, scan)
            if said:
                continue
            if f.kind not in kinds or (f.kind == "money" and _is_offer_price(b.text, f)) \
                    or (f.kind == "percent" and _is_discount(b.text, f)) \
                    or (f.kind == "count" and _page_counter(b.text, f)) \
                    or _speaks_for_itself(b.text, f, raw_sents, scan):
                continue
            if up_top and (f.key in sourced_keys or _rounds_a_sourced(f, sourced_keys, d)):
                continue  # a headline or the lede stating a figure sourced below it
            line, col, end_line, end_col = b.span(f.start, f.end)
            yield self.finding(
                article, line, col, end_line, end_col,
                f"figure '{f.text}' ({f.kind}) has no source in its sentence or paragraph")


_MAGNITUDE = lazy_regex(
    r"(?i)\d\s*(?:k|m|bn|b|mn|mln|mio|mrd|million|billion|trillion|milyon|milyar|trilyon|тыс|млн|"
    r"млрд|трлн|millones|mil millones|billones|millionen|milliarden)\b")
_AMOUNT = lazy_regex(r"\d[\d.,\s]*")
_CUE_WORDS = lazy_regex(r"[\w$€£₺₽¥₩-]+")


@lru_cache(maxsize=1)
def _price_cues() -> tuple[str, ...]:
    path = os.path.join(os.path.dirname(__file__), "data", "figures", "prices.txt")
    with open(path, encoding="utf-8") as f:
        return tuple(l.strip() for l in f if l.strip() and not l.startswith("#"))


# a footnote: "[12]", "[citation needed]", or a numbered reference closing the sentence
# ("... in another study in 48 people (23).")
_FOOTNOTE = lazy_regex(r"\[\d{1,3}\]|\[citation|(?<=[a-z]) \(\d{1,3}(?:[,–-] ?\d{1,3})*\)[.;]?\s*$")
# what stands between an amount and its conversion: "$12.9bn (£10bn)", "$5m, or about €4.6m"
_CONVERSION = lazy_regex(r"\s*(?:\(|,?\s+or\s+)\s*")
# a photo caption closes on its credit: "... in Littleton, Colo. (AP Photo/David Zalubowski)"
_CAPTION = lazy_regex(r"\([^()]{0,40}\b(?:Photo|Photograph|Foto|Фото|Fotoğraf)s?\b[^()]{0,60}\)\s*$")
_QUOTE_MARKS = re.compile(r"[\"“”„«»]")
_CREDIT_LINE = lazy_regex(r"^\[[A-Z][\w .&'’-]{1,40}\]$")
_WORDS = lazy_regex(r"\w+")


@lru_cache(maxsize=None)
def _word_file(name: str) -> frozenset[str]:
    """The words of rules/data/figures/<name>, one a line ('#' starts a comment)."""
    path = os.path.join(os.path.dirname(__file__), "data", "figures", name)
    with open(path, encoding="utf-8") as f:
        return frozenset(l.strip() for l in f if l.strip() and not l.startswith("#"))


SUPPORTED = ("en", "tr", "ru", "de", "es")
_DIALOGUE_LANGS = ("ru", "es", "tr")  # where a paragraph opened by a dash is direct speech
_DIALOGUE_DASH = re.compile(r"^[—–]\s?\w|^-\s\w")
_LABEL = lazy_regex(r"^(\w{1,9})\s?:\s")
_EMBED_LINK = re.compile(r"pic\.twitter\.com/|instagram\.com/p/|\bt\.co/\w")
_EMBED_SIGNATURE = re.compile(r"^[—–-]+\s*\S.{0,80}\(@\w+\)")


def _supported_language(article, scan) -> bool:
    """False for an article in a language the figure grammar does not know: the language set or
    already detected, else the engine's open stop-word vote (cached on the article, shared with
    other rules), else this rule's own guess (which tells Portuguese from Spanish)."""
    from lint.language import declared_language, pinned_language, vote

    if "language" in article.__dict__ or pinned_language(article) or declared_language(article):
        lang = article.language
        return not lang or lang in SUPPORTED or lang == "und"
    voted = vote(article)
    if voted and voted not in SUPPORTED:
        return False
    return scan.lang in SUPPORTED


def _after_bare_marker(article) -> set[int] | None:
    """ids of the text blocks that follow a bare list marker (an item whose text was read as
    the paragraph after it), or None when there is none."""
    if LIST_ITEM not in map(attrgetter("kind"), article.blocks):
        return None  # (most articles: no list at all)
    out = None
    marker = False
    for b in article.blocks:
        if b.kind == LIST_ITEM and not b.text:
            marker = True
        elif b.text and b.kind in (PARAGRAPH, HEADING, LIST_ITEM):
            if marker:
                out = out or set()
                out.add(id(b))
            marker = False
    return out


def _chrome_blocks(article) -> set[int]:
    """ids of the blocks the site-chrome rule judges to be page furniture (its verdicts are
    cached on the article, so in a run with both rules they cost nothing here)."""
    from .boilerplate_detect import classify

    blocks = article.text_blocks
    return {id(blocks[i]) for i in classify(article) if i < len(blocks)}


def _spoken(article, block, scan) -> bool:
    """The block is someone's own words, not the reporter's claim: an interview's question or
    answer ("Q: ...", "A: ...", "Ответ: ..."), a paragraph of direct speech opened by a dialogue
    dash where that is the convention ("— Мы потеряли 30% клиентов"), or an embedded social-media
    post (its link, or the "— Name (@handle) date" signature under it)."""
    text = block.text
    m = _LABEL.match(text)
    if m and m.group(1).lower() in _word_file("interview-labels.txt"):
        return True
    if scan.lang in _DIALOGUE_LANGS and (_DIALOGUE_DASH.match(text)
                                         or _DIALOGUE_DASH.match(_source_line(article, block))):
        return True  # (on the source line too: a reader may take the dash for a list marker)
    if _EMBED_LINK.search(text):
        return True
    if id(block) in _excerpts(article):
        return True
    blocks = article.text_blocks
    for i, b in enumerate(blocks):
        if b is block:
            if i + 1 == len(blocks):
                return False
            return bool(_EMBED_SIGNATURE.match(_source_line(article, blocks[i + 1])))
    return False


def _excerpts(article) -> set[int]:
    """ids of the paragraphs a bracketed credit line closes ("[PC World]" under a roundup's
    excerpt): another outlet's words, back to the heading or the credit before (cached)."""
    cached = article.__dict__.get("_figure_excerpts")
    if cached is None:
        cached = set()
        run: list = []
        for b in article.text_blocks:
            if b.kind == HEADING:
                run = []
            elif len(b.text) <= 44 and _CREDIT_LINE.match(b.text):
                cached.update(map(id, run[-4:]))
                run = []
            else:
                run.append(b)
        article.__dict__["_figure_excerpts"] = cached
    return cached


def _source_line(article, block) -> str:
    """The source line a block starts on, stripped ('' when there is none)."""
    lines = article.source_lines
    return lines[block.line - 1].strip() if 0 < block.line <= len(lines) else ""


def _rounds_a_sourced(fig, sourced_keys, d) -> bool:
    """An approximate figure ("more than 30%", "about $4 billion") within a tenth of a sourced
    figure of its class ("31%"): a headline or lede rounding what the body attributes."""
    from .figures_data import tokenize

    cls, value = fig.key
    if not isinstance(value, float | int) or not value \
            or d.approximators.match(tokenize(fig.text), 0) < 0:
        return False
    return any(c == cls and isinstance(v, float | int) and abs(v - value) <= abs(value) / 10
               for c, v in sourced_keys)


def _page_counter(text: str, fig) -> bool:
    """A count of comments, views, shares... on a line that is no sentence: a page widget."""
    if text.rstrip().endswith((".", "!", "?", "…")):
        return False
    unit = fig.text.rsplit(None, 1)[-1].lower()
    return unit in _word_file("counters.txt")


def _speaks_for_itself(text: str, fig, spans, scan) -> bool:
    """The figure's sentence (of ``spans``, the text's sentences) cites a footnote ("per
    shift[1]"), its writer speaks in the first person ("we have distributed 50 lakh masks"), or
    goes on from a sentence that does ("I bought a course. It was close to $2,000."), or
    addresses the reader ("you'll ignore 75% of it"), or the number is a decade ("the ’80s")."""
    from .figures_data import tokenize

    if fig.start and text[fig.start - 1] in "'’`":
        return True
    for i, (start, end) in enumerate(spans):
        if start <= fig.start < end:
            sentence = text[start:end]
            if _FOOTNOTE.search(sentence) or _in_first_person(sentence):
                return True
            # the reader addressed before the figure ("you'll ignore 75% of it"; not "More than
            # 40% have debt, and the poorer you are, the more")
            if not _word_file("second-person.txt").isdisjoint(
                    _WORDS.findall(text[start:fig.start].lower())):
                return True
            if i == 0:
                return False
            before = text[spans[i - 1][0]:spans[i - 1][1]]
            return _in_first_person(before, singular=True) and scan.continues(tokenize(sentence), 0)
    return False


def _in_first_person(sentence: str, singular: bool = False) -> bool:
    """The sentence's writer speaks for themselves: a first-person pronoun (only a singular
    one if ``singular``), or "I" after a lower-case word or at the start (not "World War I")."""
    words = _WORDS.findall(sentence)
    listed = "first-person-singular.txt" if singular else "first-person.txt"
    if not _word_file(listed).isdisjoint(map(str.lower, words)):
        return True
    return "I" in words and any(w == "I" and (i == 0 or words[i - 1][:1].islower())
                                for i, w in enumerate(words))


def _whole_units(amount: str) -> int | None:
    """The whole part of the first number in ``amount``: '1,299.99' and '1.299,99' give 1299."""
    m = _AMOUNT.search(amount)
    if not m:
        return None
    raw = m.group().strip()
    cents = re.match(r"^(.*\d)[.,]\d{1,2}$", raw)  # a last separator before 1-2 digits: decimals
    digits = re.sub(r"\D", "", cents.group(1) if cents else raw)
    return int(digits) if digits else None


def _is_offer_price(text: str, fig) -> bool:
    """A small amount (under 10,000, no magnitude word) right after a price cue or before 'off',
    or alone with a label on a short line ("Sunday brunch : 40,000₩"): the price of an offer."""
    first = fig.text.split()[0].lower() if fig.text.split() else ""
    if _MAGNITUDE.search(fig.text) or (first.isalpha() and first not in ("just", "only", "now")):
        return False  # a magnitude, or an approximation ("about $120"): a claim, not an offer
    value = _whole_units(fig.text)
    if value is None:
        return False
    short_line = len(text.split(None, 6)) <= 6  # a label and a price, as in a menu or a price table
    if short_line:
        return True
    if value >= 10_000:
        return False
    before = " ".join(_CUE_WORDS.findall(text[:fig.start].lower())[-3:])
    if any(before == cue or before.endswith(" " + cue) for cue in _price_cues()):
        return True
    return text[fig.end:fig.end + 12].lower().lstrip().startswith(("off", "a month", "/month", "per month"))


@lru_cache(maxsize=1)
def _discount_cues():
    """(a pattern for the words after a percentage, the words before it) that make it an
    offer's discount; an entry ending in '*' takes any ending, the others are whole words."""
    after, before = [], []
    for cue in _word_file("discounts.txt"):
        if cue.startswith("before:"):
            before.append(cue[7:].strip())
        else:
            after.append(re.escape(cue[:-1]) if cue.endswith("*") else re.escape(cue) + r"\b")
    return re.compile(r"\s*(?:" + "|".join(sorted(after)) + ")"), tuple(sorted(before))


def _is_discount(text: str, fig) -> bool:
    """A percentage that is an offer's discount ("25% off", "a 25% discount", "save 30%",
    "скидка 15%"): a fact of the listing, like its price."""
    after, before = _discount_cues()
    if after.match(text[fig.end:fig.end + 24].lower()):
        return True
    preceding = " ".join(_WORDS.findall(text[max(0, fig.start - 30):fig.start].lower())[-2:])
    return any(preceding == cue or preceding.endswith(" " + cue) for cue in before)


def _language(article, blocks, guess):
    """The language the figure grammar reads the article in: the one set, else the engine's
    confident vote when it names one of the languages the guess tells apart (cached on the
    article, so other rules share it), else this rule's own guess."""
    from lint.language import vote

    from .figures_scan import GUESSED

    if article.language_setting not in ("", "auto", None) or article.metadata.get("language") \
            or article.metadata.get("lang"):
        return article.language
    voted = vote(article)
    if voted in GUESSED:
        return voted
    return guess(" ".join(b.text for b in blocks[:12]))


def _article_credit(blocks, d) -> bool:
    """An agency credit on the whole article: a dateline credit in the opening blocks, a
    credit line of its own, or a wire footer ("Reporting by ...")."""
    opening = []  # the first paragraphs, past the page furniture above them
    seen = 0
    for b in blocks[:12]:
        opening.append(b.text)
        seen += b.text.count(" ") >= 5
        if seen == 4:
            break
    if d.may_name_agency("\n".join(opening)) and any(map(d.agency_dateline, opening)):
        return True  # (one look at them all first: most articles name no agency up top)
    if d.agency_line_in([b.text for b in blocks if len(b.text) <= 60]):
        return True
    for b in blocks[-4:]:
        if d.agency_footer(b.text):
            return True
    return False


def _announces_document(scan, text, split) -> bool:
    """A sentence of ``text`` has a reporting verb and a document, and states no figure of its
    own ("Home Depot reported third-quarter earnings", "A Pew survey released on Monday found
    wide gaps"): it announces what the next paragraph gives."""
    from .figures_data import tokenize

    if not scan.may_name_document(text):
        return False
    for ss, se in split(text) or [(0, len(text))]:
        sentence = text[ss:se]
        if _DIGIT.search(sentence) or not scan.may_name_document(sentence) \
                or _QUOTE_MARKS.search(sentence):
            continue  # (a figure of its own, or a speaker's words: no announcement)
        tokens = tokenize(sentence)
        n = len(tokens)
        if scan.names_document(tokens, 0, n) and scan.has_source(tokens, 0, n) \
                and not scan.has_source_phrase(tokens, 0, n):
            return True  # (a verb: "according to data from X" attributes its own sentence only)
    return False


@lru_cache(maxsize=1)
def _about_issuer():
    """The pattern of a press release's "About <issuer>" heading, from press-release.txt."""
    forms = sorted(re.escape(f).replace(r"\{name\}", r"(\S.{0,38}?)")
                   for f in _word_file("press-release.txt"))
    return re.compile("^(?:" + "|".join(forms) + ")$")


def _press_release(blocks) -> bool:
    """The text ends in a press release's section about its issuer ("About Acme" and a block
    opening on "Acme"): the issuer speaks for itself, its figures are its own claims."""
    tail = blocks[-8:]
    for b, nxt in zip(tail, tail[1:]):
        text = b.text
        if len(text) > 60 or text.count(" ") > 5:
            continue
        m = _about_issuer().match(text)
        if m:
            name = next(g for g in m.groups() if g)
            if nxt.text[:len(name) + 2].lower().startswith(name.lower()):
                return True
    return False


def _sentences(text, spans):
    """The sentences of ``text`` (split as ``spans``), covering it end to end."""
    spans = spans or [(0, len(text))]
    merged = []
    for s, e in spans:
        # (the pattern ends the sentence: its last six characters are enough to look at)
        if merged and _NUM_ORDINAL_END.search(text[max(merged[-1][0], merged[-1][1] - 6):merged[-1][1]]):
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    # give each sentence the text up to the next one, so no figure falls between sentences
    out = []
    for i, (s, e) in enumerate(merged):
        nxt = merged[i + 1][0] if i + 1 < len(merged) else len(text)
        out.append((s if i else 0, nxt))
    return out


@hookimpl
def register_rules(register):
    register(UnsourcedFigure)
