"""Off-topic tangents: a paragraph about another subject than the article's headline and lead.

How it decides (helpers in rules/topic_text.py, word lists in rules/data/topic/<lang>.txt):

* every text block becomes a bag of distinctive terms: words that are not stop words and not
  among the most frequent of the language (wordfreq's list), cut to their first letters so
  inflected forms meet (Turkish, Russian, German, Spanish: 5; English: 6, after a light cut of
  plural and verb endings), weighted by rarity; a German compound is also found wherever its
  head is ("Strompreise" where "die Preise" are); capitalised words inside a sentence are names
  (a run of them is one person, place or firm);
* the subject is the headline and lead (first paragraphs, passing over a byline or e-mail
  line); a subhead that announces the paragraph under it opens a section whose subject is added
  for the section's paragraphs;
* each later paragraph gets: its share of distinctive weight found in the subject, its share
  found anywhere else in the article, the weight it brings that appears nowhere else, names
  found nowhere else, and a topic-shift connective at its start; one that may stand apart also
  gets the people it quotes by a single name ("Brannigan said", "Mr. Lindqvist") that no other
  block names, and an "I" or "you" outside quotation marks (data lines speech:, title:, voice:);
* verdict: the content left the subject (signal 1) and either stands apart from the rest of the
  article, far below what its other paragraphs share (signal 2), or stands a little less apart
  but interrupts a thread its neighbours carry on (2''), or opens with a topic-shift connective
  (2'; then sharing only names such as the town, plus one word, with the subject counts as
  having left it), or stands a little less apart and bears a trait of text lifted from another
  story that does not depend on its vocabulary (2'''): it quotes someone by a surname the
  article never introduced, or speaks as "I" or to "you" where no other block does; or it
  opens with a dateline ("VIENNA —"), the first line of another story. A third party's
  reaction ("X urged ...") or a contrast set against the story ("Oil, by contrast,
  fell") needs the connective, and so does a paragraph too short (under 20 words) for its
  vocabulary to be a sample. New names are reported but never decide;
* runs: two neighbours sharing words nobody else uses hide each other from "the rest"; the pair
  is measured again with both set apart;
* quiet: short articles, roundups without subheads (most paragraphs ignore the lead, or hardly
  share words; judged without the most detached paragraph, and only a paragraph sharing no word
  at all with a roundup whose items do share is flagged there), site chrome (two cue words such
  as "newsletter" and "inbox", or one in a short paragraph: a long one is prose about, say, a
  subscription), embedded social posts, paragraphs in another language (few of its words are
  the article language's common words, or few its function words and more another language's:
  a box score or an ingredient list is still judged), commentary that points back ("This
  development ...") -- other rules own those.
"""
from __future__ import annotations

from math import fsum  # exact: independent of set/dict order, which varies by process

import re
from dataclasses import dataclass, field

from lint import Option, Rule, hookimpl
from lint.model import HEADING, PARAGRAPH

_DIGIT = re.compile(r"\d")
# an embedded social-media post: its link, or the signature line under it ("— Name (@handle) date")
_EMBED_LINK = re.compile(r"pic\.twitter\.com/|instagram\.com/p/|\bt\.co/\w")
_EMBED_SIGNATURE = re.compile(r"^[—–-]+\s*\S.{0,80}\(@\w+\)")
# a dateline: the place in capitals, maybe a region or date, maybe the agency, then a dash ("SANTA
# FE, N.M. (AP) —", "VIENNA —", "ANKARA (AA) -", "MADRID, 20 nov (EFE).-"): the first line of a
# story, so below the lead it is the opening of another one
_UPPER = "A-ZÀ-ÖØ-ÞĞİŞА-ЯЁ"
_DATELINE = re.compile(rf"[{_UPPER}]{{3,}}(?:[ -][{_UPPER}][{_UPPER}'’.]+)*(?:,[^—–\n()]{{1,25}}?)?"
                       rf"\s*(?:\([^)\n]{{1,25}}\))?\s*(?:[—–]|\.?-\s)")
_OUTSIDE_BODY = ("footer", "aside", "nav", "header", "figcaption", "figure", "related", "byline",
                 "author", "caption", "promo", "newsletter", "comment", "share", "social")
# one cue word ("subscription", "inbox") in a paragraph longer than this is prose about it (a
# streaming service's price), not a newsletter prompt or a copyright line: those hold two cues
# ("Sign up for our newsletter ... your inbox") or are short
CHROME_SHORT = 30
LEAD_MIN_WORDS = 8  # a shorter opening paragraph is a byline, dateline or label, not the lead
# a paragraph less apart from the article (up to BRIDGE_REST, BRIDGE_APART of the typical share)
# still stands apart when it interrupts a thread: the blocks before and after it share at least
# BRIDGE_BETWEEN of their distinctive weight, and it at most BRIDGE_BESIDE with either of them
BRIDGE_REST, BRIDGE_APART, BRIDGE_CORE, BRIDGE_BETWEEN, BRIDGE_BESIDE = 0.2, 0.4, 0.15, 0.1, 0.05
ISOLATED = 0.15  # a roundup has many paragraphs sharing at most this much with the rest
APART = 0.3  # "apart": sharing at most this fraction of what the article's paragraphs typically share
CORE_MAX = 0.1  # ... and at most this share in words the article keeps returning to
ROUNDUP_OUTLIER = 0.2  # in a roundup, only a paragraph sharing nothing, where items share this much
ROUNDUP_CORE = 0.15  # a roundup: most paragraphs ignore the lead and hold this little recurring vocabulary


@dataclass
class Para:
    """What the rule knows about one judged paragraph."""

    block: object
    index: int  # position among the article's text blocks
    terms: object  # topic_text.Terms
    subject_share: float = 1.0  # share of its distinctive weight found in the subject
    rest_share: float = 1.0  # share found anywhere else in the article
    new_weight: float = 0.0  # distinctive weight found nowhere else
    new_terms: set = field(default_factory=set)
    new_names: list = field(default_factory=list)
    known_names: list = field(default_factory=list)
    new_entities: int = 0
    core_share: float = 1.0  # share in words the article keeps returning to
    connective: str = ""
    dateline: str = ""  # a dateline opening it ("VIENNA —")
    ties: list = field(default_factory=list)  # its names shared with the subject (else its top shared word)
    tie_share: float = 0.0  # ... and their share of its distinctive weight
    between: float = 0.0  # share of the previous block's distinctive weight found in the next one
    beside: float = 1.0  # share of its own weight found in the previous or the next block (max)
    reaction: str = ""  # a reaction verb in its first sentence ("urged", "welcomed")
    speakers: list = field(default_factory=list)  # (word, term) of people quoted by a single name
    unintroduced: list = field(default_factory=list)  # ... whom no other block names
    voice: str = ""  # "I" or "you" outside quotation marks
    voice_alone: bool = False  # ... and no other block speaks so
    signals: list = field(default_factory=list)
    flagged: bool = False
    partner: int | None = None  # the neighbour it forms a run with
    shared_new: list = field(default_factory=list)  # what the run shares


class OffTopicParagraph(Rule):
    id = "off-topic-paragraph"
    category = "off-topic"
    severity = "warning"
    summary = "A paragraph about another subject than the article's headline and lead"
    explanation = """
    Machine-assembled copy drifts: a story about a trade deal runs on into a paragraph about an
    election elsewhere, sometimes opened by "Meanwhile" or "In other news", often by nothing.

    The rule reads the subject from the headline and lead: their distinctive words and names,
    weighted by how rare each word is in the language (wordfreq), cut to a stem so inflected
    forms meet (in German a compound also meets its head: "Strompreise" meets "die Preise").
    Every later paragraph is measured: how much of its distinctive vocabulary it shares with
    the subject, how much with the rest of the article (compared with what the
    article's other paragraphs share), which names it brings that appear nowhere else, and
    whether it opens with a topic-shift connective ("Meanwhile", "In other news", "Separately",
    "Öte yandan", "Тем временем", "Unterdessen", "Por otra parte"). A connective only counts
    when the content has left the subject too.

    A paragraph is flagged on two independent signals: its content has left the headline and
    lead, AND it stands apart from the rest of the article, or interrupts a thread that the
    paragraphs before and after it carry on, or opens with a topic-shift connective (after
    which sharing only a name such as the town with the lead still counts as having left the
    subject), or opens with a dateline ("SANTA FE, N.M. (AP) —": the first line of another
    story), or stands somewhat apart and reads like text lifted from another story: it
    quotes someone by a surname the article never introduced ("Brannigan said", "Mr.
    Lindqvist"), or says "I" or addresses "you" outside quotation marks where no other
    paragraph does (which also flags a paragraph of plain words, none of them found anywhere
    else in the article: an advice column's "Are you ...?"). Tangents come in runs: a
    neighbour carrying on the same new subject is flagged with it. One finding per paragraph,
    spanning its lines; the message names what the paragraph is about, what the article is
    about, and the signals.

    Left alone: the headline and lead; background, history, reactions, quotes and comparisons
    that still share the article's names or terms; a third party's reaction ("The minister
    urged both sides ...") or a contrast ("Oil, by contrast, fell") even in its own words,
    unless a topic-shift connective opens it; a paragraph of fewer than `min_apart_words` words,
    too short a sample of vocabulary to stand apart by;
    embedded social-media posts; every section of a roundup whose subheads
    announce each item (each section is its own subject), and roundups without subheads (their
    paragraphs mostly ignore the lead); site chrome, paragraphs in another language and
    commentary that points back ("This development ...") are other rules' business. Short
    articles (under `min_words` words or `min_paragraphs` paragraphs) are not judged: there is
    not enough text to know what belongs. Nor are articles in a language it cannot place
    (supported: English, Turkish, Russian, German, Spanish; others when the language is set).

    Bad:
        Vietnam and Japan agree to cut rice tariffs
        Vietnam and Japan signed an agreement in Hanoi on Tuesday that will lower ...
        ...
        Meanwhile, in Chile, voters head to the polls on Sunday in a runoff between ...
    Good:
        Vietnam and Japan agree to cut rice tariffs
        Vietnam and Japan signed an agreement in Hanoi on Tuesday that will lower ...
        ...
        South Korea took a different path, replacing its rice quota with a single tariff ...
    """
    options = {
        "min_words": Option(int, 200, "shortest article judged, in words"),
        "min_paragraphs": Option(int, 4, "fewest paragraphs (lead included) an article needs to be judged"),
        "min_terms": Option(int, 5, "fewest distinctive words a paragraph needs to be judged"),
        "min_apart_words": Option(int, 20, "fewest words a paragraph needs for its vocabulary alone to "
                                           "show it stands apart (a shorter one needs a connective "
                                           "or a change of voice)"),
        "subject_share": Option(float, 0.05, "a paragraph sharing at most this share of its distinctive "
                                             "vocabulary with the headline and lead has left the subject"),
        "rest_share": Option(float, 0.15, "... and one sharing at most this share with the rest of the "
                                          "article (and far less than its other paragraphs do) is apart"),
        "min_new_weight": Option(float, 12.0, "distinctive vocabulary (rarity-weighted) a paragraph must "
                                              "bring that the article has nowhere else"),
    }

    def warm_up(self):
        """Load every language's word lists (stop words, connectives, reaction verbs, chrome cues)
        and common-word list before parallel workers fork, so they share them."""
        from .topic_text import warm_up

        warm_up()

    def check(self, article):
        paras = analyse(article, self.settings)
        if not paras:
            return
        about = None
        for p in paras:
            if p.flagged:
                if about is None:
                    about = article.annotations.get("off-topic-subject", [])
                yield self.block_finding(article, p.block, message(p, about))


def analyse(article, settings) -> list[Para]:
    """Judged paragraphs with their signals and verdicts ([] when the article is too short)."""
    blocks = article.text_blocks
    paragraphs = [b for b in blocks if b.kind == PARAGRAPH]
    if len(paragraphs) < settings["min_paragraphs"] or article.word_count < settings["min_words"]:
        return []
    from .topic_text import Analyzer, guess_language

    lang = guess_language(article)
    if lang == "und":
        return []  # a language the cheap guess cannot place: nothing to weigh words with
    an = Analyzer(lang)
    if not an.common:
        return []
    terms = [an.terms(b.text) for b in blocks]
    where: dict[str, set] = {}  # stem (or a compound's head) -> text block indices holding it
    for i, t in enumerate(terms):
        for s in t.keys():
            where.setdefault(s, set()).add(i)

    title = article.title
    if title is None:  # a Markdown '# headline' or HTML <h1> above the first paragraph
        title = next((b for b in blocks if b.kind == HEADING), None)
        if title is not None and paragraphs and title.index > paragraphs[0].index:
            title = None
    lead_ids = {id(b) for b in _lead(article, blocks, terms)}
    subject_idx = {i for i, b in enumerate(blocks) if b is title or id(b) in lead_ids}
    subject = set()
    for i in subject_idx:
        subject.update(terms[i].keys())
    meta_title = article.metadata.get("title")
    if isinstance(meta_title, str) and meta_title:
        subject.update(an.terms(meta_title).keys())
    last_lead = max(subject_idx) if subject_idx else -1
    article.annotations["off-topic-subject"] = _subject_words(subject, subject_idx, terms, where, lang)

    # sections: a subhead that announces the paragraph under it (they share words) starts a
    # section whose subject is the subhead and that paragraph; other short lines (a byline, an
    # "Advertisement" label) are not subheads
    section_subject: dict[int, set] = {}
    current: set = set()
    announced = set()  # paragraphs a subhead announces: never judged
    for i, b in enumerate(blocks):
        if b.kind == HEADING and b is not title:
            nxt = i + 1
            if nxt < len(blocks) and blocks[nxt].kind == PARAGRAPH and \
                    terms[i].keys() & terms[nxt].keys():
                announced.add(nxt)
                current = terms[i].keys() | terms[nxt].keys()
            continue
        section_subject[i] = current
    judged: list[Para] = []
    voiced = None  # blocks that say "I" or "you" outside quotes (only computed when needed)
    for i, b in enumerate(blocks):
        if b.kind != PARAGRAPH or i <= last_lead or i in subject_idx or i in announced:
            continue
        t = terms[i]
        if len(t.weights) < settings["min_terms"]:
            continue
        if an.foreign(t, b.text):
            continue  # another language: the foreign-language rule's business
        if b.ancestry and b.has_ancestor(*_OUTSIDE_BODY):
            continue  # HTML page furniture around the story: the boilerplate rule's business
        if t.chrome and (t.chrome_cues >= 2 or t.tokens <= CHROME_SHORT or t.chrome == "©"):
            continue  # a newsletter prompt, comment policy, copyright line: boilerplate too
        nxt = blocks[i + 1].text if i + 1 < len(blocks) else ""
        if (".co" in b.text and _EMBED_LINK.search(b.text)) or ("(@" in nxt and _EMBED_SIGNATURE.match(nxt)):
            continue  # an embedded post: a quotation in its own voice, and page furniture
        if not t.entities and not _DIGIT.search(b.text) and an.refers_back(b.text):
            continue  # "This development shows ...": commentary on what came before, no new story
        p = Para(b, i, t, connective=an.connective(b.text))
        m = _DATELINE.match(b.text)
        if m:
            p.dateline = m.group().rstrip(" -—–.")
        measure(p, {i}, terms, where, subject | section_subject.get(i, set()))
        # the costlier tests, only for a paragraph that may stand apart
        if p.subject_share <= settings["subject_share"] and p.rest_share <= 2 * settings["rest_share"]:
            p.reaction = an.reaction(b.text)  # a third party's reaction?
            p.speakers, p.voice = an.speakers(b.text), an.voice(b.text)
            if p.voice and voiced is None and (p.new_weight >= settings["min_new_weight"]
                                               or p.rest_share == 0.0):
                voiced = {j for j, x in enumerate(blocks) if an.voice(x.text)}
            _strangers(p, {i}, where, voiced)
            if 0 < i < len(blocks) - 1 and p.rest_share <= BRIDGE_REST and p.core_share <= BRIDGE_CORE \
                    and p.new_weight >= settings["min_new_weight"]:
                # does it interrupt a thread its neighbours carry on?
                before, after = terms[i - 1].weights, terms[i + 1].weights
                p.between = _share(before, after)
                p.beside = max(_share(t.weights, before), _share(t.weights, after))
        judged.append(p)
    if not judged:
        return judged
    # how tied an ordinary paragraph of this article is to the rest: a tangent is an outlier
    shares = sorted(p.rest_share for p in judged)
    typical = shares[len(shares) // 2] if len(shares) >= 4 else 0.0  # too few to know: no "rest" signal

    sectioned = len(announced) >= 2
    for p in judged:
        p.signals = signals(p, settings, typical)
        p.flagged = verdict(p.signals, sectioned)
    # a roundup without subheads (deals, briefs, Q&A) jumps between subjects by design: its
    # paragraphs mostly ignore the lead, or barely share words with each other; judge nothing.
    # One tangent does not make a roundup: the test leaves out the most detached paragraph.
    if is_roundup(judged, settings):
        # ... except a paragraph sharing no distinctive word at all with any other block, in a
        # roundup whose items do share vocabulary (ROUNDUP_OUTLIER of it, typically)
        for p in judged:
            p.flagged = (typical >= ROUNDUP_OUTLIER and p.rest_share == 0.0 and not p.reaction
                         and p.terms.tokens >= settings["min_apart_words"]
                         and p.subject_share <= settings["subject_share"]
                         and p.new_weight >= settings["min_new_weight"])
            if p.flagged:
                apart = (f"no distinctive word in common with the rest of the article, where "
                         f"paragraphs typically share {typical:.0%}")
                p.signals = [p.signals[0], ("rest", apart)]
        article.annotations["off-topic-roundup"] = True
        return judged
    # runs: two neighbours on the same new subject hide each other from "the rest"
    by_index = {p.index: p for p in judged}
    s_max, r_max = settings["subject_share"], settings["rest_share"]
    for p in list(judged):
        q = by_index.get(p.index + 1)
        if q is None or (p.flagged and q.flagged):
            continue
        shared_new = [s for s in set(p.terms.weights) & set(q.terms.weights)
                      if not (where[s] - {p.index, q.index})]
        if fsum(p.terms.weights[s] for s in shared_new) < 5:
            continue
        pair = {p.index, q.index}
        again = []
        for x in (p, q):
            y = Para(x.block, x.index, x.terms, connective=x.connective, dateline=x.dateline,
                     reaction=x.reaction or an.reaction(x.block.text),
                     partner=(pair - {x.index}).pop())
            measure(y, pair, terms, where, subject | section_subject.get(x.index, set()))
            if y.subject_share <= s_max:
                y.speakers, y.voice = an.speakers(x.block.text), an.voice(x.block.text)
                if y.voice and voiced is None and y.new_weight >= settings["min_new_weight"]:
                    voiced = {j for j, z in enumerate(blocks) if an.voice(z.text)}
                _strangers(y, pair, where, voiced)
            y.signals = signals(y, settings, typical)
            y.shared_new = sorted(shared_new, key=lambda s: (-p.terms.weights[s], s))[:3]
            again.append(y)
        # one of the two must stand on its own (with the pair set apart), the other at least
        # have left the subject and share little beyond its neighbour
        strong = [x.flagged or verdict(y.signals, sectioned) for x, y in zip((p, q), again)]
        weak = [y.subject_share <= s_max and y.rest_share <= 2 * r_max and not y.reaction for y in again]
        if any(strong) and all(st or wk for st, wk in zip(strong, weak)):
            for x, y in zip((p, q), again):
                if not x.flagged:
                    y.flagged = True
                    judged[judged.index(x)] = by_index[x.index] = y
    return judged


def _strangers(p: Para, exclude: set, where, voiced) -> None:
    """Who and what in ``p`` the rest of the article never mentions: people quoted by a single
    name that no other block names, and a writer's or reader's pronoun no other block uses."""
    p.unintroduced = [w for w, s in p.speakers if not (where.get(s, exclude) - exclude)]
    p.voice_alone = bool(p.voice) and voiced is not None and not (voiced - exclude)


def _lead(article, blocks, terms) -> list:
    """The article's lead for this rule: its opening paragraphs (up to about 60 words, at most
    two), passing over a byline, an e-mail or dateline line, a stray label (fewer than LEAD_MIN
    distinctive words or words) that the engine's lead would count."""
    out, words = [], 0
    pos = {id(b): i for i, b in enumerate(blocks)}
    for b in article.paragraphs:
        n = len(b.text.split())
        i = pos.get(id(b))
        if n < LEAD_MIN_WORDS or i is None or len(terms[i].weights) < 2:
            if out or len(article.paragraphs) <= 4:
                break
            continue
        out.append(b)
        words += n
        if words >= 60 or len(out) >= 2:
            break
    return out or list(article.lead)


def is_roundup(judged: list, settings) -> bool:
    """Most paragraphs ignore the lead and hold little recurring vocabulary, or share few words
    with the rest, or many stand isolated: judged without the single most detached paragraph
    (which may be the tangent itself) when at least four others remain."""
    if len(judged) < 4:
        return False
    order = sorted(judged, key=lambda p: (p.rest_share, p.core_share, p.index))
    basis = order[1:] if len(judged) >= 5 else order
    n = len(basis)
    s_max = settings["subject_share"]
    shares = sorted(p.rest_share for p in basis)
    typical = shares[n // 2]
    subject_shares = sorted(p.subject_share for p in basis)
    core = sorted(p.core_share for p in basis)
    isolated = sum(1 for p in basis if p.subject_share <= s_max and p.rest_share <= ISOLATED
                   and p.new_weight >= settings["min_new_weight"])
    return (subject_shares[n // 2] <= s_max and core[n // 2] < ROUNDUP_CORE) or typical < 0.12 \
        or isolated > max(2, n // 4)


def _subject_words(subject, subject_idx, terms, where, lang) -> list[str]:
    """Display forms of the subject's most telling words: rare, and repeated through the article
    (the headline's form, lower-cased when the lead writes the word in lower case)."""
    from .topic_text import lower

    weight, shown, lowered = {}, {}, set()
    for i in sorted(subject_idx):
        for s, w in terms[i].weights.items():
            weight[s] = max(weight.get(s, 0.0), w)
            shown.setdefault(s, terms[i].shown[s])
            if not terms[i].shown[s][:1].isupper():
                lowered.add(s)
    for s in lowered:
        shown[s] = lower(shown[s], lang)
    ranked = sorted(weight, key=lambda s: (-weight[s] * len(where.get(s, ())), s))
    return [shown[s] for s in ranked[:4]]


def _share(a: dict, b) -> float:
    """Share of ``a``'s distinctive weight whose terms ``b`` holds."""
    total = fsum(a.values())
    return fsum(v for s, v in a.items() if s in b) / total if total else 0.0


def measure(p: Para, exclude: set, terms, where, subject: set) -> None:
    w = p.terms.weights
    total = fsum(w.values()) or 1.0
    n = len(exclude)
    heads = p.terms.heads
    if heads:  # a compound is found, and in the subject, wherever its head is ("Preise")
        where = {s: where[s] | where[heads[s]] if s in heads else where[s] for s in w}
        subject = {s for s in w if s in subject or heads.get(s) in subject}
    if n == 1:  # the paragraph itself holds every one of its stems
        new = {s for s in w if len(where[s]) == 1}
    else:
        new = {s for s in w if not (where[s] - exclude)}
    new_weight = fsum(w[s] for s in new)
    p.subject_share = fsum(v for s, v in w.items() if s in subject) / total
    p.rest_share = max(0.0, (total - new_weight) / total) if w else 1.0
    names = p.terms.names
    # its ties to the subject: names (the place the story happens in) and its single strongest
    # other shared word
    if p.connective:  # only a connective paragraph needs them
        shared = sorted((s for s in w if s in subject), key=lambda s: (-w[s], s))
        ties = [s for s in shared if s in names] + [s for s in shared if s not in names][:1]
        p.ties, p.tie_share = ties, fsum(w[s] for s in ties) / total
    p.new_weight = new_weight
    names = p.terms.names
    p.new_names = [s for s in names if s in new]
    p.known_names = [s for s in names if s not in new]
    p.new_entities = sum(1 for e in p.terms.entities if e <= new)
    # the article's recurring vocabulary: words in two or more other blocks
    if n == 1:
        p.core_share = fsum(v for s, v in w.items() if len(where[s]) >= 3) / total
    else:
        p.core_share = fsum(v for s, v in w.items() if len(where[s] - exclude) >= 2) / total
    p.new_terms = new


def about(p: Para) -> list[str]:
    """Display forms of what the paragraph brings that the article has nowhere else."""
    w, names = p.terms.weights, p.terms.names
    ranked = sorted(p.new_terms or w, key=lambda s: (-(w[s] + (s in names)), s))
    return [p.terms.shown[s] for s in ranked[:4]]


def signals(p: Para, settings, typical: float) -> list[tuple[str, str]]:
    """The independent reasons to call ``p`` off-topic, as (kind, text); the first is always
    'subject' (its content left the headline and lead) or there are none."""
    s_max, r_max = settings["subject_share"], settings["rest_share"]
    if p.subject_share > 2 * s_max:
        # a paragraph opened by a topic-shift connective whose only ties to the subject are names
        # (the town both stories happen in) and one other word has left the subject too
        loose_subject = p.subject_share - p.tie_share
        loose_rest = p.rest_share - p.tie_share
        if p.connective and loose_subject <= s_max and loose_rest <= 2 * r_max and loose_rest < typical:
            shown = ", ".join(p.terms.shown[t] for t in p.ties)
            return [("subject", f"shares little but {shown} with the headline and lead"),
                    ("connective", f"opens with '{p.connective}'")]
        return []
    out = [("subject", f"shares {p.subject_share:.0%} of its distinctive words with the headline and lead")]
    strict = p.subject_share <= s_max
    # in a short paragraph (a dozen words: "The second stage's tender is due in spring.") sharing
    # no word is no evidence: its vocabulary is too small a sample to stand apart by
    sample = p.terms.tokens >= settings["min_apart_words"]
    # a third party's reaction ("The minister urged both sides ...") speaks of the story in its
    # own words: standing apart is no evidence there, only a topic-shift connective is
    if (strict and sample and typical > 0 and not p.reaction and p.rest_share <= r_max
            and p.rest_share <= APART * typical and p.core_share <= CORE_MAX
            and p.new_weight >= settings["min_new_weight"]):
        out.append(("rest", f"{p.rest_share:.0%} with the rest of the article, where paragraphs "
                            f"typically share {typical:.0%}"))
    elif (strict and sample and typical > 0 and not p.reaction and p.rest_share <= BRIDGE_REST
            and p.rest_share <= BRIDGE_APART * typical and p.core_share <= BRIDGE_CORE
            and p.new_weight >= settings["min_new_weight"] and p.between >= BRIDGE_BETWEEN
            and p.beside <= BRIDGE_BESIDE):
        out.append(("interrupts", f"{p.rest_share:.0%} with the rest of the article, where paragraphs "
                                  f"typically share {typical:.0%}, and {p.beside:.0%} with the paragraphs "
                                  f"around it, which share {p.between:.0%} with each other"))
    loose_apart = p.rest_share <= 2 * r_max and p.rest_share <= 0.5 * typical
    # two traits of a paragraph lifted from another text, independent of its vocabulary: it
    # quotes someone by a surname the article never introduced ("Brannigan said"), or it speaks
    # as "I" or to "you" where the report never does
    if strict and typical > 0 and not p.reaction and loose_apart \
            and p.new_weight >= settings["min_new_weight"]:
        if p.unintroduced:
            shown = ", ".join(dict.fromkeys(p.unintroduced))
            out.append(("unintroduced", f"quotes {shown} by a single name the article never introduces"))
        if p.voice_alone:
            out.append(("voice", f"says '{p.voice}' where no other paragraph does"))
    elif strict and typical > 0 and not p.reaction and p.rest_share == 0.0 and p.voice_alone:
        # few distinctive words, but none of them anywhere else in the article, and a voice the
        # report never uses: an advice column's "you" or a reader's letter spliced in
        out.append(("voice", f"says '{p.voice}' where no other paragraph does, and shares no "
                             f"distinctive word with the article"))
    if p.connective and p.rest_share <= 2 * r_max and p.rest_share < typical:
        out.append(("connective", f"opens with '{p.connective}'"))
    if p.dateline and p.rest_share <= 2 * r_max and p.rest_share < typical:
        out.append(("dateline", f"opens with the dateline '{p.dateline}' of another story"))
    if p.new_entities >= 2 and not p.known_names and p.subject_share <= s_max and loose_apart \
            and p.new_weight >= settings["min_new_weight"]:
        names = sorted(p.new_names, key=lambda s: (-p.terms.weights[s], s))[:3]
        out.append(("names", f"its names ({', '.join(p.terms.shown[s] for s in names)}) appear nowhere else"))
    return out


def verdict(sigs, sectioned=False) -> bool:
    """Two independent signals: the content left the subject, and it stands apart from the rest
    of the article, or opens with a topic-shift connective, or quotes a source the article never
    introduced, or changes voice (names found nowhere else support the finding but never decide
    it: reactions bring new names all the time). Under subheads (a roundup jumps between
    subjects by design) the connective is required."""
    kinds = {kind for kind, _ in sigs}
    if "subject" not in kinds:
        return False
    if sectioned:
        return "connective" in kinds
    return bool(kinds & {"rest", "interrupts", "connective", "dateline", "unintroduced", "voice"})


def message(p: Para, subject_words) -> str:
    about_text = ", ".join(about(p)) or "other things"
    subject = ", ".join(subject_words) or "its headline and lead"
    why = [text for _, text in p.signals]
    if p.partner is not None:
        side = "next" if p.partner > p.index else "previous"
        shown = ", ".join(p.terms.shown[s] for s in p.shared_new)
        why.append(f"a run with the {side} paragraph, both about {shown}")
    return f"about {about_text}; the article is about {subject} ({'; '.join(why)})"


@hookimpl
def register_rules(register):
    register(OffTopicParagraph)
