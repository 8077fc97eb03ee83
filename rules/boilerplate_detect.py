"""Line classification for the boilerplate rules: which blocks of an article are site chrome.

Everything here is cheap string work over ``article.text_blocks``; the phrase inventories in
``rules/data/boilerplate/`` are read once per process, on first use.

The detector works in passes:

1. every block on its own: phrase inventories (whole line or line prefix, normalised, or the last
   sentence of a short paragraph when it is a sales pitch), structural shapes (e-mail-only line,
   copyright, breadcrumbs, page-title line with a domain, counters, handles, stray CMS labels,
   agency-only credit lines, menus run together with or without spaces, a named newsletter, a
   "<Section> More" box, a post's meta line with its comment count or category, a gallery link,
   a template identifier, a name with a handle, a sign-up consent box, a bare tag list),
   HTML ancestry tokens, link-only short lines;
2. the page's frame: a short label above the headline, a list of four or more headlines above the
   article, headlines above it that share no subject with its text, an "About <Name>" box with its
   profile after it; then the blocks of headlines opened by a "Related" / "Most read" / "Read
   also" heading, long lines (or calls to action) in capitals between the paragraphs of a
   mixed-case article, and story cards that print one headline twice;
3. neighbours: weak cues (section names, bare numbers, link-only lines) next to chrome, short
   non-prose lines sandwiched between chrome lines, any line inside a newsletter / cookie /
   comment / paywall box (same kind of chrome on both sides);
4. the page edges: weak cues before the first and after the last paragraph of prose;
5. the page around the article: short labels in the first lines before the prose starts, and
   non-sentence lines after the last paragraph once the page's own chrome has begun there.

HTML elements that hold three or more paragraphs of prose are the article, whatever their class.
Headlines, bylines, datelines, captions and person-name lines are protected from the contextual
passes (2-5); only an explicit phrase or shape flags them.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from lint.lazyre import lazy_regex
from lint.model import HEADING

DATA = os.path.join(os.path.dirname(__file__), "data", "boilerplate")
LANGS = ("en", "tr", "ru", "de", "es", "pt", "it", "fr", "ja", "id")

# normalisation: letters and digits survive; digit runs become the token "{n}".
# Runs of letters and digits are found with the stdlib, faster here than ``regex``: [^\W_] is
# str.isalnum(), the same set as \p{L}\p{N} for every character Python's Unicode tables know.
_ASCII_WORD = re.compile(r"[a-z0-9]+")
_WORD = re.compile(r"[^\W_]+")
_ANY_DIGIT = re.compile(r"\d")


def normalize_words(text: str) -> list[str]:
    if text.isascii():
        parts = _ASCII_WORD.findall(text.lower())
        if _ANY_DIGIT.search(text) is None:
            return parts
        return ["{n}" if w.isdigit() else w for w in parts]
    s = unicodedata.normalize("NFKC", text).casefold()
    if "\u0307" in s:  # Turkish İ casefolds to i + combining dot
        s = s.replace("\u0307", "")
    words = _WORD.findall(s)
    if "".join(words).isalpha():
        return words  # letters only (no character is both alphabetic and a digit): no number to mark
    return ["{n}" if w.isdigit() else w for w in words]


def normalize(text: str) -> str:
    return " ".join(normalize_words(text))


@dataclass(frozen=True, slots=True)
class Entry:
    kind: str
    weak: bool
    run: bool
    max_words: int


class Inventory:
    def __init__(self):
        self.exact: dict[str, Entry] = {}
        self.prefix: dict[str, Entry] = {}
        # (pattern, entry, need): need holds the longest word of each phrase, a cheap pre-test
        self.contains: list[tuple[object, Entry, frozenset[str]]] = []
        self.contains_words: set[str] = set()  # every need word
        self.longest_prefix = 1
        self.prefix_first: dict[str, tuple[int, ...]] = {}  # first word -> prefix lengths, longest first
        self.labels: dict[str, str] = {}
        self.cms: set[str] = set()
        self.vocab: set[str] = set()
        self.tokens: dict[str, str] = {}
        self.stopwords: set[str] = set()
        self.attribution: set[str] = set()
        self.attribution_starts: tuple[str, ...] = ()
        self.agencies: set[str] = set()  # normalised agency / wire / "staff" credit names
        self.wire_names: set[str] = set()  # the real agencies among them
        self.agency_first: set[str] = set()  # first words of the names
        self.exact_first: set[str] = set()  # first words of the whole-line entries
        self.pitch_start = None  # a sentence that opens with the first word of a sales pitch
        self.agency_longest = 1


def _data_lines(name: str):
    path = os.path.join(DATA, name)
    if not os.path.exists(path):
        return
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if line and not line.startswith("#"):
                yield line


@lru_cache(maxsize=1)
def inventory() -> Inventory:
    inv = Inventory()
    for line in _data_lines("kinds.txt"):
        k, _, label = line.partition("=")
        inv.labels[k.strip()] = label.strip()
    contains: dict[tuple[str, int], list[str]] = {}
    for lang in LANGS:
        kind, weak, run, mode, max_words = "promo", False, False, "", 14
        for line in _data_lines(f"{lang}.txt"):
            if line.startswith("[") and line.endswith("]"):
                parts = line[1:-1].split()
                kind, weak, run, mode, max_words = parts[0], False, False, "", 14
                for p in parts[1:]:
                    if p == "weak":
                        weak = True
                    elif p == "run":
                        run = True
                    elif p == "contains":
                        mode = "contains"
                    elif p.startswith("max="):
                        max_words = int(p[4:])
                continue
            entry_max = max_words
            if " max=" in line:  # cheap test first: this runs for every inventory line at start-up
                head, _, n = line.rpartition(" max=")
                if n.isdigit():
                    entry_max, line = int(n), head.rstrip()
            is_prefix = line.endswith("*")
            words = normalize_words(line.rstrip("*").replace("{n}", " 0 "))
            if not words or all(w == "{n}" for w in words):
                continue
            key = " ".join(words)
            inv.vocab.update(words)
            entry = Entry(kind, weak, run, entry_max)
            if kind == "cms":
                inv.cms.add(key)
            elif mode == "contains":
                contains.setdefault((kind, max_words), []).append(key)
            elif is_prefix:
                inv.prefix.setdefault(key, entry)
                lengths = set(inv.prefix_first.get(words[0], ())) | {len(words)}
                inv.prefix_first[words[0]] = tuple(sorted(lengths, reverse=True))
                inv.longest_prefix = max(inv.longest_prefix, len(words))
            else:
                inv.exact.setdefault(key, entry)
    for (kind, max_words), keys in contains.items():
        pattern = lazy_regex(r"(?:^| )(?:" + "|".join(regex.escape(k) for k in sorted(keys, key=len, reverse=True)) + r")(?: |$)")
        need = frozenset(max(k.split(), key=len) for k in keys)
        inv.contains.append((pattern, Entry(kind, False, False, max_words), need))
        inv.contains_words.update(need)
    inv.exact_first = {k.split()[0] for k in inv.exact}
    pitch_first = sorted({k.split()[0] for k, e in inv.prefix.items()
                          if e.kind in ("newsletter", "paywall", "app", "promo") and " " in k and not e.weak})
    inv.pitch_start = lazy_regex(r"[.!?…]\s+[\"“]?(?:" + "|".join(regex.escape(w) for w in pitch_first) + r")\b",
                                    regex.I) if pitch_first else None
    for line in _data_lines("html-tokens.txt"):
        tok, _, kind = line.partition(" ")
        inv.tokens[tok.strip().lower()] = kind.strip()
    section = ""
    for line in _data_lines("agencies.txt"):
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key = normalize(line)
        if key:
            inv.agencies.add(key)
            inv.agency_first.add(key.split()[0])
            if section == "agency":
                inv.wire_names.add(key)
            inv.agency_longest = max(inv.agency_longest, len(key.split()))
    for line in _data_lines("stopwords.txt"):
        inv.stopwords.update(line.casefold().split())
    starts = []
    for line in _data_lines("attribution.txt"):
        for w in line.casefold().split():
            (starts.append(w[:-1]) if w.endswith("*") else inv.attribution.add(w))
    inv.attribution_starts = tuple(starts)
    return inv


# -- shapes ---------------------------------------------------------------------------------------

_EMAIL = lazy_regex(r"^[\s(<\[]*(?:(?:e-?mail|mail|email|e-posta|почта|correo)\s*:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[\s)>\].]*$", regex.I)
_HANDLE = lazy_regex(r"^@\w{2,30}$")
_DOMAIN = lazy_regex(r"\b[\w-]+\.(?:com|net|org|co\.uk|co|ru|de|es|com\.tr|tr|it|pt|br|fr|info|io|news|tv|uk|us|ca|in|au|kr|jp|az|kz|ua|by)\b", regex.I)
_COPYRIGHT = lazy_regex(r"^(?:(?:©|\(c\)|ⓒ)\s*(?:copyright\s*)?(?:\d{4}|\p{L}+\s+\d{4})|copyright\b|telif\b)", regex.I)
_BREADCRUMB = lazy_regex(r"^[^>»›/|]{1,40}(?:\s+[>»›/]\s+[^>»›/|]{1,40}){1,6}$")
_BREAD_LEAD = lazy_regex(r"^[^<>»›/]{1,40}\s+[>»›/]\s*$")
_COUNTER = lazy_regex(r"^[\d.,\s]*\d[\d.,]*\s*[kKmMкКтТ]?\+?$")
_SHARE_COUNT = lazy_regex(r"^[\d.,]+\s*[kKmM]?\s+(?:shares?|views?|likes?|reads?|comments?|yorum|paylaşım|просмотр\w*|коммент\w*|kommentare?|comentarios?|comentários?)$", regex.I)
_RULE_LINE = lazy_regex(r"^[_\-=*~•·.]{3,}$")
_BYLINE = lazy_regex(r"^(?:by|von|por|par|di|da|de|автор|yazan|yazar|text|texto|written by|reporting by)\s*:?\s+\p{Lu}", regex.I)
# every character that _BYLINE's first letter matches, case-insensitively: a cheap pre-test
_BYLINE_FIRST = frozenset("bvpdаytwrBVPDАYTWR")
_CAPTION = lazy_regex(r"(?:\bphoto\b\s*[:/]|\(ap photo|getty images|\bcredit\s*:|\breuters/|\bafp\b|\bfoto\s*:|фото\s*:|\bimage\s*:|\bimagen\s*:|\bbild\s*:|\bfotoğraf\s*:|/ ?shutterstock|\bepa\b)", regex.I)
_MONTHS = lazy_regex(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun[e]?|jul[y]?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık"
    r"|январ\w*|феврал\w*|март\w*|апрел\w*|ма[йя]|июн\w*|июл\w*|август\w*|сентябр\w*|октябр\w*|ноябр\w*|декабр\w*"
    r"|januar|februar|märz|juni|juli|oktober|dezember"
    r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
    r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro)\b", regex.I)
_TIME = lazy_regex(r"\b\d{1,2}[:.]\d{2}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")
_CAPWORD = lazy_regex(r"^[\p{Lu}][\p{Ll}'’.-]+$|^\p{Lu}\.$")
_PAGE_TITLE_SEP = lazy_regex(r"\s[|–—-]\s")
_BUTTON_KINDS = frozenset(("reading", "nav", "promo", "share", "follow"))
_BARE_BY = frozenset(("by", "von", "por", "par", "автор", "yazar"))
_NAME_PARTICLES = frozenset(("de", "da", "do", "dos", "das", "del", "della", "di", "van", "von", "der", "den", "le", "la",
                             "du", "des", "al", "el", "bin", "ben", "y", "e", "o", "ter", "ten", "zu", "mc", "mac"))
_GALLERY = lazy_regex(r"^\d{1,3}\s*/\s*\d{1,3}$")
_CONTACT = lazy_regex(r"^(?:write to|e-?mail|contact|reach|send|tips?|follow)\b", regex.I)
_BIO = lazy_regex(r"^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,2}(?:\s+\([^()]{3,60}\))?\s+(?:is|was)\s+(?:an?|the)\s+(?:[\p{L}-]+\s+){0,5}(?:reporter|writer|editor|correspondent|columnist|journalist|contributor|producer|photographer|author)\b", regex.I)
_MENU_SEP = lazy_regex(r"\s+[|•·/]\s+")
_UNDERSCORES = re.compile(r"_{3,}")
_BREAD_SEP = lazy_regex(r"\s[>»›]\s")
_TERMINAL_CHARS = ".!?…。！？:;"
_SENTENCE_CHARS = ".!?…。！？"
_DOMAIN_ONLY = lazy_regex(r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|news|co|io|tv|ru|de|es|tr|it|pt|br|fr|uk|us)(?:\.[a-z]{2})?/?$", regex.I)
_HOME_WORDS = frozenset(("home", "inicio", "portada", "startseite", "главная", "anasayfa", "ana sayfa", "início", "accueil", "news"))
_SITE_HEADERS = frozenset(("siteheader", "sitehead", "globalheader", "pageheader", "mainheader", "headerbar", "sitebranding"))
_EMAIL_ANY = lazy_regex(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_CREDIT = lazy_regex(r"\b(?:by|von|por|par|di|da)\s+\p{Lu}|;|\(", regex.I)
_MENU_CHARS = re.compile(r"[|•·/]")
_PAGINATION = lazy_regex(r"^\d+\s*[-–]\s*\d+\s+(?:of|von|de|из|/)\s+\d+$", regex.I)
_COMMENT_HEAD = lazy_regex(r"\b(?:said|says|wrote|dedi|schrieb|dijo|escribió|написал[а]?)\s*:$", regex.I)
_ARCHIVE_COUNT = lazy_regex(r"^\p{L}[\p{L} ]{2,30}\s\(\d{1,4}\)$")
_CJK = lazy_regex(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


@dataclass(slots=True)
class Verdict:
    kind: str
    why: str
    strong: bool = True
    end: int | None = None  # set when only the opening characters are chrome (not removable)
    run: bool = False  # the line opens a list of headlines


@dataclass(slots=True)
class Info:
    """Cheap facts about one text block."""

    text: str
    words: list[str]  # normalised
    n: int  # words in the raw text
    terminal: bool
    prose: bool
    protected: bool
    headline_like: bool
    name: bool = False  # protected only because it reads as a person's name


def _word_count(text: str) -> int:
    n = len(text.split())
    if len(text) > 12 * n and not text.isascii() and _CJK.search(text):
        n = max(n, len(text) // 3)
    return n


def _is_name_line(text: str) -> bool:
    """2-4 capitalised words and nothing else: most likely a person's name (a byline)."""
    parts = text.replace(",", " ").split()
    if not 2 <= len(parts) <= 4:
        return False
    if not all(p[:1].isupper() for p in parts):
        return False  # cheap pre-test for _CAPWORD: every word opens with a capital letter
    inv = inventory()
    if all(_CAPWORD.match(p) for p in parts):
        low = [p.casefold().strip(".") for p in parts]
        if any(w in inv.stopwords and w not in _NAME_PARTICLES for w in low):
            return False  # "The New Space Race": a headline, not a name
        return not all(w in inv.vocab for w in low)
    return False


def has_person_name(text: str) -> bool:
    """Two neighbouring capitalised words that are not chrome vocabulary: a name."""
    inv = inventory()
    parts = text.split()
    for a, b in zip(parts, parts[1:]):
        if not (a[:1].isupper() and b[:1].isupper()):
            continue  # cheap pre-test: both words must open with a capital letter
        if _CAPWORD.match(a) and _CAPWORD.match(b.rstrip(",.;:")):
            wa, wb = a.casefold(), b.rstrip(",.;:").casefold()
            if wa not in inv.vocab and wb not in inv.vocab and wa not in inv.stopwords and wb not in inv.stopwords:
                return True
    return False


_CREDIT_LABEL = lazy_regex(
    r"^(?:by|von|por|par|di|da|de|via|source|sources|quelle|quellen|fuente|fuentes|fonte|fontes|fonti|kaynak"
    r"|источник|источники|автор|credit|credits)\s*:?\s+(?=\S)", regex.I)
_CREDIT_JOIN = frozenset(("and", "und", "y", "e", "et", "ve", "и", "with", "mit", "con", "com", "ile", "from"))
_CREDIT_FIRST = frozenset(("by", "von", "por", "par", "di", "da", "de", "via", "source", "sources", "quelle", "quellen",
                           "fuente", "fuentes", "fonte", "fontes", "fonti", "kaynak", "источник", "источники", "автор",
                           "credit", "credits"))
_BY_WORDS = frozenset(("by", "von", "por", "par", "di", "da", "de", "автор"))
_STAFF_TAIL = frozenset(("staff", "staff reports", "staff report", "reports", "desk", "news desk", "web desk", "team",
                         "wire", "wires", "agencies", "newsroom", "editors", "redaktion"))


def _agency_only(words: list[str], inv: Inventory, need_wire: bool) -> bool:
    """The words are nothing but agency / wire / desk names joined by "and" or commas."""
    i, found, wire = 0, False, False
    while i < len(words):
        w = words[i]
        if w in _CREDIT_JOIN and found:
            i += 1
            continue
        for k in range(min(inv.agency_longest, len(words) - i), 0, -1):
            key = " ".join(words[i:i + k])
            if key in inv.agencies:
                i += k
                found = True
                wire = wire or key in inv.wire_names
                break
        else:
            return False
    return wire if need_wire else found


def credit_verdict(info: Info) -> Verdict | None:
    """An agency-only credit line: "By Staff Reports", "SOURCE: News agencies", "Reuters, AP",
    "By NORTH HARBOUR GAZETTE STAFF", "Via example.info". A credit naming a person is a byline."""
    text = info.text.strip().rstrip("-–—|·• ").strip()
    n = len(text.split())
    if not 1 <= n <= 8 or text.endswith(("!", "?", "…")):
        return None
    inv = inventory()
    m = _CREDIT_LABEL.match(text)
    rest = text[m.end():] if m else text
    words = normalize_words(rest)
    if not words or (m is None and n > 6):
        return None
    if any(_DOMAIN_ONLY.match(p) for p in rest.split()) and m is not None and len(rest.split()) == 1:
        return Verdict("author", f"agency-only credit line, names no person ({_quote(text)})")
    if _agency_only(words, inv, m is None):
        return Verdict("author", f"agency-only credit line, names no person ({_quote(text)})")
    if m is not None and m.group(0).split()[0].rstrip(":").casefold() in _BY_WORDS and "," not in rest:
        # "By <SITE NAME> STAFF": a masthead plus a staff word, no person's name
        for k in (2, 1):
            if len(words) > k and " ".join(words[-k:]) in _STAFF_TAIL and len(words) - k <= 4:
                head = rest.split()[:len(words) - k]
                if all(h.isupper() or h.casefold() in inv.stopwords for h in head) or not has_person_name(rest):
                    return Verdict("author", f"staff credit line, names no person ({_quote(text)})")
    return None


def _reported(words: list[str]) -> bool:
    inv = inventory()
    return not inv.attribution.isdisjoint(words)


def has_attributed_figure(text: str, words: list[str] | None = None) -> bool:
    """A figure and an attribution cue in the text; ``words``: its normalize_words(), if known."""
    if not _ANY_DIGIT.search(text):
        return False
    inv = inventory()
    for w in normalize_words(text) if words is None else words:
        if w in inv.attribution or (inv.attribution_starts and w.startswith(inv.attribution_starts)):
            return True
    return False


def _is_dateline(text: str, n: int) -> bool:
    if n > 10:
        return False
    if not _ANY_DIGIT.search(text):
        return False
    return bool(_MONTHS.search(text)) or bool(n <= 6 and _TIME.search(text))


_CAPTION_CUES = re.compile("photo|getty|credit|reuters|afp|foto|фото|image|imagen|bild|shutterstock|epa")


def _has_caption_cue(text: str) -> bool:
    return _CAPTION_CUES.search(text.lower()) is not None


_LONG = 45  # words: past this, only a phrase's opening words (prefix entries) can match a block


def block_info(block, is_title: bool, inv: Inventory | None = None) -> Info:
    text = block.text
    inv = inv or inventory()
    n = len(text.split())
    if len(text) > 12 * n and not text.isascii() and _CJK.search(text):
        n = max(n, len(text) // 3)
    last = text.rstrip().rstrip("\"'”’»)]")[-1:]
    terminal = last != "" and last in _TERMINAL_CHARS
    if n > _LONG:
        # a long paragraph can only match a phrase by its opening words (a cookie banner, a
        # pitch): unless its first word opens one, it needs no word list at all
        head = normalize_words(text[:40])
        if not head or head[0] not in inv.prefix_first:
            return Info(text, [], n, terminal, True, False, False)
    # phrases are matched on whole short lines or on the opening words of longer ones
    cut = 320 if n <= 40 else 160
    words = normalize_words(text if len(text) <= cut else text[:cut])
    if n >= 30:
        return Info(text, words, n, terminal, True, False, False)
    sentence_end = last != "" and last in _SENTENCE_CHARS
    prose = n >= 14 and sentence_end and (
        len(inv.stopwords.intersection(words)) >= 2 or (not text.isascii() and _CJK.search(text) is not None))
    if prose:
        return Info(text, words, n, terminal, True, False, False)
    hard = (
        (is_title and n >= 2 and sum(1 for w in words if w.isalpha()) >= 2)
        or (n <= 12 and text[:1] in _BYLINE_FIRST and _BYLINE.match(text) is not None)
        or _is_dateline(text, n)
        or (_has_caption_cue(text) and _CAPTION.search(text) is not None)
    )
    name = not hard and 2 <= n <= 4 and _is_name_line(text)
    return Info(text, words, n, terminal, False, hard or name, n <= 25, name)


# -- pass 1: each block on its own -------------------------------------------------------------------

def _label(kind: str) -> str:
    return inventory().labels.get(kind, kind)


def _quote(text: str, limit: int = 50) -> str:
    t = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return f"'{t}'"


def phrase_verdict(info: Info) -> Verdict | None:
    inv = inventory()
    words = info.words
    if not words:
        return None
    key = " ".join(words) if len(words) <= 16 else None  # long lines: joined only when needed
    e = inv.exact.get(key) if key is not None else None
    if e is None and len(words) >= 2 and words[-1] == "{n}":
        e = inv.exact.get(" ".join(words[:-1]))  # "View all (23)", "Comments 5"
    if e is not None:
        return Verdict(e.kind, f"{_label(e.kind)} ({_quote(info.text)})", not e.weak)
    for k in inv.prefix_first.get(words[0], ()):
        if k > len(words):
            continue
        e = inv.prefix.get(" ".join(words[:k]))
        if e is not None and info.n <= e.max_words:
            if info.prose and e.max_words <= 20:
                continue  # a long sentence that merely starts like a button
            if info.prose and _reported(words):
                continue  # "This website uses cookies, the banner says, ..." is reporting
            if e.kind in _BUTTON_KINDS and info.text.rstrip().endswith(("?", "!")):
                continue  # "Back to Taylor! ..." is a headline, not a button
            return Verdict(e.kind, f"{_label(e.kind)} ({_quote(info.text)})", not e.weak)
    # "Read also: <headline>", "Tags: a, b", "Newsletter abonnieren: ..."
    colon = info.text.find(":")
    if 0 < colon <= 40 and info.n <= 30:
        label = normalize_words(info.text[:colon])
        e = inv.exact.get(" ".join(label)) if label else None
        if e is not None and not e.weak and e.kind not in ("social", "legal"):
            return Verdict(e.kind, f"{_label(e.kind)} ({_quote(info.text)})")
    if info.n <= 40 and not inv.contains_words.isdisjoint(words) and not (info.prose and _reported(words)):
        for pattern, e, need in inv.contains:
            if info.n <= e.max_words and not need.isdisjoint(words):
                if key is None:
                    key = " ".join(words)
                if not pattern.search(key):
                    continue
                return Verdict(e.kind, f"{_label(e.kind)} ({_quote(info.text)})")
    if 4 <= info.n <= 45 and ("." in info.text or "?" in info.text or "!" in info.text) and not _reported(words):
        return _pitch_sentence(info)
    return None


_SENTENCE_START = lazy_regex(r"(?<=[.!?…])\s+(?=[\p{Lu}\p{N}\"“])")
# stdlib \s covers every character regex's \s does, so this is a safe pre-test for pitch_start
_SENTENCE_GAP = re.compile(r"[.!?…]\s")
_PITCH_KINDS = frozenset(("newsletter", "paywall", "app", "promo"))


def _pitch_sentence(info: Info) -> Verdict | None:
    """A later sentence of a short paragraph that is a sales pitch: "Need more space? Subscribe to
    our sister title ...", "... Click here for more". The whole line is the page's promo box."""
    inv = inventory()
    text = info.text
    if inv.pitch_start is None or _SENTENCE_GAP.search(text) is None or inv.pitch_start.search(text) is None:
        return None  # the cheap pre-test: no sentence ends inside the line
    for m in _SENTENCE_START.finditer(text):
        tail = text[m.end():]
        head = normalize_words(tail[:24])
        if not head or head[0] not in inv.prefix_first:
            continue
        rest = normalize_words(tail[:160])
        size = len(tail.split())
        if len(rest) < 2:
            continue
        for k in inv.prefix_first.get(rest[0], ()):
            if k < 2 or k > len(rest):
                continue
            e = inv.prefix.get(" ".join(rest[:k]))
            if e is not None and not e.weak and e.kind in _PITCH_KINDS and size <= e.max_words:
                return Verdict(e.kind, f"{_label(e.kind)}: a sales pitch closes the paragraph ({_quote(info.text[m.end():])})")
    return None


def _mini(text: str) -> Info:
    n = _word_count(text)
    return Info(text, normalize_words(text), n, False, False, False, True)


def shape_verdict(info: Info, block) -> Verdict | None:
    text = info.text.strip()
    n = info.n
    if n > 40:
        return None
    if info.prose:
        colon = text.find(":")
        if 0 < colon <= 20:
            label = " ".join(normalize_words(text[:colon]))
            if label in inventory().cms:
                return Verdict("cms", f"stray CMS label at the start of a paragraph ({_quote(text[:colon + 1])})",
                               end=colon + 1)
        if n <= 60 and text[:1] in "Ff" and "@" in text and _FOLLOW_HANDLE.match(text):
            return Verdict("follow", f"follow-us line ({_quote(text)})")
        if (n <= 30 or (n <= 60 and "@" in text and _EMAIL_ANY.search(text))) and _BIO.match(text):
            return Verdict("author", f"author bio ({_quote(text, 40)})")
        c0 = text[:1]
        if (not c0.isalnum() or c0 in "cCtT") and _COPYRIGHT.match(text):
            return Verdict("copyright", f"copyright line ({_quote(text)})")
        return None
    c0 = text[:1]
    digit0 = c0.isdigit()
    has_at = "@" in text
    if has_at and _EMAIL.match(text):
        return Verdict("author", f"e-mail address alone on a line ({_quote(text)})")
    if c0 == "@" and _HANDLE.match(text):
        return Verdict("follow", f"social handle alone on a line ({_quote(text)})")
    if n <= 8 and (not info.terminal or text.endswith(".")) and info.words and (
            info.words[0] in _CREDIT_FIRST or info.words[0] in inventory().agency_first):
        v = credit_verdict(info)
        if v is not None:
            return v
    if (not c0.isalnum() or c0 in "cCtT") and _COPYRIGHT.match(text):
        return Verdict("copyright", f"copyright line ({_quote(text)})")
    if digit0 and (_GALLERY.match(text) or _PAGINATION.match(text)):
        return Verdict("gallery", f"gallery counter ({_quote(text)})")
    if has_at and n <= 60 and _CONTACT.match(text) and _EMAIL_ANY.search(text):
        return Verdict("author", f"author contact line ({_quote(text)})")
    if (" is " in text or " was " in text) and _BIO.match(text):
        return Verdict("author", f"author bio ({_quote(text, 40)})")
    words = info.words
    if n <= 16 and text.endswith(":") and _COMMENT_HEAD.search(text) and _ANY_DIGIT.search(text):
        return Verdict("comments", f"comment header ({_quote(text)})")
    if n <= 5 and text.endswith(")") and _ARCHIVE_COUNT.match(text):
        return Verdict("nav", f"archive link with a post count ({_quote(text)})", strong=False)
    if 2 <= n <= 8 and not info.terminal:
        parts = [p for p in _MENU_SEP.split(text) if p.strip()] if _MENU_CHARS.search(text) else [text]
        if len(parts) >= 2 and all(phrase_verdict(_mini(p)) for p in parts):
            return Verdict("nav", f"row of page controls ({_quote(text)})")
        inv = inventory()
        if len(parts) == 1 and len(words) >= 2 and all(
                (e := inv.exact.get(w)) is not None and e.kind in ("share", "social") for w in words):
            return Verdict("share", f"row of share buttons ({_quote(text)})")
        if len(parts) == 1 and len(words) >= 3 and not _ANY_SEP.search(text):
            segs = _segments(words, inv)
            if segs is not None:
                strong = sum(not e.weak for e in segs) >= 2
                return Verdict("nav", f"page links run together on one line ({_quote(text)})", strong=strong)
    elif 8 < n <= 30 and not info.terminal:
        # a long menu: every piece between separators is a page control or a section name
        parts = [p for p in _MENU_SEP.split(text) if p.strip()] if _MENU_CHARS.search(text) else [text]
        if len(parts) >= 3 and all(phrase_verdict(_mini(p)) for p in parts):
            return Verdict("nav", f"row of page controls ({_quote(text)})")
        if len(parts) == 1 and not _ANY_SEP.search(text):
            segs = _segments(words, inventory())
            if segs is not None and len(segs) >= 4:
                return Verdict("nav", f"section names run together on one line ({_quote(text)})",
                               strong=sum(not e.weak for e in segs) >= 2)
    if n <= 16 and not info.terminal and not _ANY_SEP.search(text):
        v = _glued_menu(text) or _home_trail(words, text)
        if v is not None:
            return v
    # words can be empty: a section break ("* * *", "— — —") has tokens but no words
    if 2 <= n <= 5 and not info.terminal and words and words[-1] in _NEWSLETTER_WORDS \
            and _TITLE_WORDS.match(text):
        return Verdict("newsletter", f"name of a newsletter ({_quote(text)})")
    if 2 <= n <= 6 and text.endswith(" More") and _TITLE_WORDS.match(text):
        return Verdict("related", f"section box with a 'More' link ({_quote(text)})", run=True)
    if not c0.isalnum():
        if _UNDERSCORES.fullmatch(text):
            return Verdict("cms", f"separator line ({_quote(text)})")
        if _RULE_LINE.match(text):
            return Verdict("cms", f"separator line ({_quote(text)})", strong=False)
    if len(words) == 1 and words[0] in _BARE_BY:
        return Verdict("cms", f"stray CMS label with nothing after it ({_quote(text)})")
    if digit0 and _SHARE_COUNT.match(text):
        return Verdict("share", f"share/view counter ({_quote(text)})")
    if n <= 16 and not info.terminal and (">" in text or "»" in text or "›" in text or text.endswith(" /")):
        if _BREADCRUMB.match(text) and _BREAD_SEP.search(text):
            return Verdict("nav", f"breadcrumb trail ({_quote(text)})")
        if n <= 6 and _BREAD_LEAD.match(text):
            return Verdict("nav", f"breadcrumb trail ({_quote(text)})")
    if ("|" in text or " - " in text or "–" in text or "—" in text) and _PAGE_TITLE_SEP.search(text) and "http" not in text:
        parts = [p.strip() for p in _PAGE_TITLE_SEP.split(text)]
        if len(parts) >= 2 and any(len(p.split()) <= 3 and _DOMAIN.search(p) for p in (parts[0], parts[-1])) \
                and sum(len(p.split()) for p in parts) >= 4:
            return Verdict("nav", f"page-title line with the site's domain ({_quote(text)})")
    # a stray CMS label: "Текст:", "Source:" with nothing after it
    if n <= 3 and text.endswith((":", "：")):
        if " ".join(words) in inventory().cms:
            return Verdict("cms", f"stray CMS label with nothing after it ({_quote(text)})")
    if n == 1 and "." in text and _DOMAIN_ONLY.match(text):
        return Verdict("domain", f"site name or domain alone on a line ({_quote(text)})", strong=False)
    if 3 <= n <= 16 and " / " in text and not info.terminal:
        parts = [p.strip() for p in text.split(" / ")]
        if len(parts) >= 3 and all(1 <= len(p.split()) <= 4 for p in parts) and \
                " ".join(normalize_words(parts[0])) in _HOME_WORDS:
            return Verdict("nav", f"breadcrumb trail ({_quote(text)})")
    if len(text) <= 8 and (digit0 or c0 in "+-") and _COUNTER.match(text):
        return Verdict("share", f"bare counter ({_quote(text)})", strong=False)
    if n <= 30 and (c0 == "O" or c0 == "o") and _ON_SITE.match(text):
        return Verdict("related", f"link to a story on another site ({_quote(text)})")
    if has_at and n <= 60 and (c0 == "F" or c0 == "f") and _FOLLOW_HANDLE.match(text):
        return Verdict("follow", f"follow-us line ({_quote(text)})")
    v = _post_furniture(info, text, n, c0)
    if v is not None:
        return v
    if block.link_text and n <= 10 and not info.terminal and block.link_text >= 0.9 * len(text.replace(" ", "")):
        return Verdict("nav", f"short line that is all link text ({_quote(text)})", strong=False)
    return None


# plain patterns with the stdlib engine: faster than ``regex`` on the many short lines they meet
_ON_SITE = re.compile(r"(?:more )?on\s+(?:www\.)?[\w-]+\.(?:com|net|org|co\.uk|de|es|ru|com\.tr|fr|it|pt|br)\s*:\s+\S", re.I)
_FOLLOW_HANDLE = re.compile(r"follow\s+@\w{2,30}\b", re.I)
_POST_COMMENTS = re.compile(
    r"(?<![\w.,])\d{1,5}\s+(?:comments?|comentários?|comentarios?|commenti|kommentare?|yorum|комментари\w*|коммент\w*)"
    r"\s*(?:[/|·•–—-]|$)", re.I)
_POST_LABEL = re.compile(
    r"(?:^|\s[/|·•–—-]\s*)(?:tags|tagged|category|categories|categoria|categorias|categoría|kategorie|kategori|рубрика"
    r"|posted in|filed under|publicado em|publicado en|publicado por)\s*:", re.I)
_GALLERY_TAIL = frozenset(("gallery", "galerie", "galería", "galeria", "galleria", "slideshow", "фотогалерея"))
_IDENTIFIER = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+")
_NAME_HANDLE = lazy_regex(r"^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3}\s+@\w{2,30}$")
_CONSENT = lazy_regex(
    r"^(?:i agree|i consent|i accept|yes,? i (?:want|would like)|acepto|aceito|ich stimme|ich willige|kabul ediyorum|я согласен|я даю согласие)\b"
    r".{0,200}\b(?:newsletters?|e-?mails?|offers|privacy policy|terms|boletín|bülten|рассылк\w*|datenschutz)", regex.I)
_CONSENT_START = frozenset(("i ", "ye", "ac", "ic", "ka", "я "))  # _CONSENT's first letters: a cheap pre-test
_TAG_ITEM_MAX = 4  # words in one item of a tag list


def _post_furniture(info: Info, text: str, n: int, c0: str) -> Verdict | None:
    """Template furniture around a post: the meta line ("Oct 12, 2018 / 0 Comments / in News"),
    a gallery link ("<Model> Gallery"), a template identifier ("promo_box_2"), the author's name
    with a handle, a consent checkbox, a bare tag list."""
    if n <= 25 and not text.endswith((".", "!", "?")):
        low = text.lower()  # substring pre-tests: far cheaper than the patterns on every short line
        if ("omment" in low or "oment" in low or "yorum" in low or "коммент" in low) \
                and _POST_COMMENTS.search(text) is not None:
            return Verdict("comments", f"post meta line with a comment count ({_quote(text)})")
        if ":" in text and _POST_LABEL.search(text) is not None and (
                _TIME.search(text) is not None or _MONTHS.search(text) is not None or _BYLINE.search(text) is not None
                or " - " in text or " | " in text):
            return Verdict("tags", f"post meta line with category or tags ({_quote(text)})")
    words = info.words
    if 2 <= n <= 8 and not info.terminal and words and words[-1] in _GALLERY_TAIL and text.split()[-1][:1].isupper():
        return Verdict("gallery", f"link to a gallery ({_quote(text)})")
    if n == 1 and "_" in text and _IDENTIFIER.fullmatch(text):
        return Verdict("cms", f"template identifier left in the text ({_quote(text)})")
    if 3 <= n <= 5 and "@" in text and _NAME_HANDLE.match(text):
        return Verdict("author", f"author's name with a social handle ({_quote(text)})")
    if n <= 60 and text[:2].lower() in _CONSENT_START and _CONSENT.match(text):
        return Verdict("newsletter", f"consent checkbox of a sign-up form ({_quote(text)})")
    if not info.terminal and text.count(",") >= 4 and n <= 60:
        items = [p.strip() for p in text.split(",")]
        if all(1 <= len(p.split()) <= _TAG_ITEM_MAX for p in items) and \
                sum(1 for p in items if p[:1].islower()) * 2 >= len(items):
            return Verdict("tags", f"bare list of tags ({_quote(text)})", strong=False)
    return None


def _segments(words: list[str], inv: Inventory) -> list[Entry] | None:
    """Split the words into two or more whole phrase entries ("Terms of Service Privacy Notice")."""
    n = len(words)
    if words[0] not in inv.exact_first:
        return None
    best: list[list[Entry] | None] = [None] * (n + 1)
    best[0] = []
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 1, min(n, i + 5) + 1):
            e = inv.exact.get(" ".join(words[i:j]))
            if e is not None and (best[j] is None or len(best[j]) > len(best[i]) + 1):
                best[j] = best[i] + [e]
    segs = best[n]
    return segs if segs is not None and len(segs) >= 2 else None


_NEWSLETTER_WORDS = frozenset(("newsletter", "newsletters", "bülten", "bülteni", "рассылка", "boletín", "boletim"))
_TITLE_WORDS = lazy_regex(r"^(?:[\p{Lu}\d][\p{L}\d'’&.-]*\s+){1,5}[\p{Lu}][\p{L}'’.-]*$")
_ABOUT_HEAD = lazy_regex(r"^(?i:about|über|sobre|acerca de|à propos de|a proposito di|chi è|об?)\s+((?:\p{Lu}[\p{L}'’.&-]*\s*){1,4})$")
_BOX_KINDS = frozenset(("newsletter", "cookie", "comments", "paywall", "app"))
_ANY_SEP = re.compile(r"[>»›|/•·]")  # a class of plain characters: stdlib, compiled in microseconds
_GLUE = lazy_regex(r"\p{Ll}{3}(?=\p{Lu})")
_ASCII_GLUE = re.compile(r"[a-z]{3}(?=[A-Z])")  # the same on ASCII text, with the faster stdlib engine


def _glued_menu(text: str) -> Verdict | None:
    """Menu or tag links whose text ran together without spaces: "NewsSportsBusinessWeather"."""
    glue = len((_ASCII_GLUE if text.isascii() else _GLUE).findall(text))
    if glue >= 3 or (glue >= 2 and len(text.split()) <= 2):
        return Verdict("nav", f"menu links glued together without spaces ({_quote(text)})")
    return None


def _home_trail(words: list[str], text: str) -> Verdict | None:
    """A breadcrumb that lost its separators: "Home News Business News <headline>"."""
    if len(words) < 3 or words[0] not in _HOME_WORDS:
        return None
    inv = inventory()
    k = 1
    while k < len(words) and (e := inv.exact.get(words[k])) is not None and e.kind == "nav":
        k += 1
    if k >= 3:
        return Verdict("nav", f"breadcrumb trail without separators ({_quote(text)})")
    return None


def _split_token(token: str) -> list[str]:
    token = regex.sub(r"(?<=[a-z])(?=[A-Z])", " ", token)
    return [w for w in regex.split(r"[^A-Za-z0-9]+", token.lower()) if w]


_NEGATING = frozenset(("has", "with", "no", "without", "hide", "hidden", "is", "not", "pre", "after", "before"))


@lru_cache(maxsize=4096)
def element_kind(el) -> tuple[str, str] | None:
    """(kind, token) when an HTML element's tag, id, class or role marks a chrome container."""
    tokens = inventory().tokens
    if el.tag in ("nav", "footer"):
        return (el.tag, f"<{el.tag}>")
    for raw in (el.id, *el.classes, el.role):
        if not raw:
            continue
        words = _split_token(raw)
        if "".join(words) in _SITE_HEADERS:
            return ("nav", raw)
        for i, w in enumerate(words):
            stem = w[:-1] if w.endswith("s") and w[:-1] in tokens else w
            kind = tokens.get(stem)
            if kind is None:
                continue
            if i and words[i - 1] in _NEGATING:
                continue
            return (kind, raw)
    return None


def ancestry_verdict(info: Info, block, content: set[int]) -> Verdict | None:
    if not block.ancestry:
        return None
    for el in reversed(block.ancestry):
        found = element_kind(el)
        if found is None:
            continue
        kind, token = found
        if id(el) in content and kind != "comments":
            continue  # an element holding several paragraphs of prose is the article, whatever its class
        if info.prose and kind in ("sidebar", "footer", "nav", "tags", "promo", "author", "related", "ad"):
            return None  # a paragraph of prose inside a layout container: likely the article
        if info.prose and kind == "comments" and block.kind != "paragraph":
            return None
        return Verdict(kind, f"inside a '{token}' element ({kind} container): {_quote(info.text, 40)}")
    return None


# -- the passes ---------------------------------------------------------------------------------------

def classify(article) -> dict[int, Verdict]:
    """{index in article.text_blocks: Verdict} for every block judged to be chrome."""
    cached = article.annotations.get("boilerplate.verdicts")
    if cached is not None:
        return cached
    blocks = article.text_blocks
    title = article.title
    first = blocks[0] if blocks else None
    inv = inventory()
    infos = [block_info(b, b is title or (title is None and b is first), inv) for b in blocks]
    article.annotations["boilerplate.infos"] = infos
    content: set[int] = set()
    if article.format == "html":
        prose_count: dict[int, int] = {}
        for b, info in zip(blocks, infos):
            if info.prose:
                for el in b.ancestry:
                    k = id(el)
                    prose_count[k] = prose_count.get(k, 0) + 1
        content = {k for k, c in prose_count.items() if c >= 3}
    out: dict[int, Verdict] = {}
    weak: dict[int, Verdict] = {}
    runs: list[int] = []
    inv = inventory()
    for i, (b, info) in enumerate(zip(blocks, infos)):
        v = phrase_verdict(info)
        if v is not None and _subheading(infos, i):
            if b.kind == "heading" and b.marker and (b.marker.startswith("#") or b.marker.startswith("h")):
                v = None  # an explicit subheading of the article ("## Sponsored content")
            elif v.kind in ("social", "nav", "legal"):
                v = Verdict(v.kind, v.why, strong=False)
        if v is not None and info.protected and not v.strong:
            v = None
        if v is None or not v.strong:
            v2 = shape_verdict(info, b)
            if v2 is not None and (v2.strong or v is None):
                v = v2
        if (v is None or not v.strong) and b.ancestry:
            v3 = ancestry_verdict(info, b, content)
            if v3 is not None:
                v = v3
        if v is None:
            continue
        if v.strong:
            out[i] = v
            entry = inv.exact.get(" ".join(info.words))
            if v.run or entry is not None and entry.run:
                runs.append(i)
            else:
                found = _prefix_entry(info.words)
                if found is not None and found[0].run and len(info.words) - found[1] <= 3 and ":" not in info.text.rstrip(":"):
                    runs.append(i)
        elif not info.protected:
            weak[i] = v
    # a short label above the headline: the first line is two to four words and the next line
    # that is not chrome is a much longer headline ("Watch Live" / "<headline>" / byline)
    if title is not None and title is first and 0 not in out and not (
            blocks[0].kind == "heading" and (blocks[0].marker or "").startswith(("#", "h"))):
        _label_above_headline(infos, out)
    # the headline: when the block read as the title is chrome (a breadcrumb, a kicker), the
    # first headline-like line after it is the real one and is protected like a title
    if title is not None and blocks and (title is first or title is None):
        for i in range(min(len(blocks), 7)):
            if i in out or i in weak:
                continue
            info = infos[i]
            if not info.prose and 2 <= info.n <= 25 and not info.terminal and blocks[i] is not title:
                if any(k in out for k in range(i)):
                    info.protected = True
                break
            if info.prose:
                break
    # a list of other stories' headlines at the top of the page: four or more headline-like lines
    # in a row before the article text; the last two may be the headline and its standfirst
    run_top = []
    for i, info in enumerate(infos[:12]):
        if info.prose:
            break
        if i in out:
            if run_top:
                break
            continue
        t = info.text.rstrip().rstrip("\"'”’»)]")
        if 3 <= info.n <= 20 and (not info.terminal or t.endswith("?")) and not (
                info.protected and blocks[i] is not title) and not _BYLINE.match(info.text) \
                and not _is_dateline(info.text, info.n):
            run_top.append(i)
        else:
            break
    if len(run_top) >= 4 and run_top[-1] + 1 < len(infos) and infos[run_top[-1] + 1].prose:
        for i in run_top[:-2]:
            out[i] = Verdict("related", f"one of {len(run_top)} headlines listed above the article ({_quote(infos[i].text)})")
    _cold_headlines_above(blocks, infos, out, title)
    # an "About <Name>" box after the article: the heading and the bio or company profile under it
    if len(blocks) >= 6:
        for i in range(len(blocks) // 2, len(blocks) - 1):
            info = infos[i]
            if i in out or info.prose or not 2 <= info.n <= 5 or info.terminal:
                continue
            m = _ABOUT_HEAD.match(info.text.strip())
            if m is None:
                continue
            name = [w for w in m.group(1).split() if len(w) >= 3 and w.casefold() not in inv.stopwords]
            bio = infos[i + 1]
            if not name or not bio.prose or bio.n > 120 or _reported(bio.words or normalize_words(bio.text[:160])):
                continue
            if not any(regex.search(r"(?<!\p{L})" + regex.escape(w) + r"(?!\p{L})", bio.text) for w in name):
                continue  # the profile names its subject, capitalised as in the heading
            out[i] = Verdict("author", f"'About ...' box after the article ({_quote(info.text)})")
            out[i + 1] = Verdict("author", f"profile under {_quote(info.text)}: {_quote(bio.text, 40)}")
    # pass 2: the headlines listed under a related / most-read heading
    strong_pass1 = set(out)
    for i in runs:
        heading = _quote(blocks[i].text, 40)
        for j in range(i + 1, min(len(blocks), i + 13)):
            info = infos[j]
            if j in out:
                continue
            if j == i + 1 and info.prose and (j + 1) in out and (j + 1) in strong_pass1:
                # one teaser paragraph held between the heading and more chrome
                out[j] = Verdict("related", f"related-stories block: teaser text under {heading}")
                continue
            if info.prose or info.n > 25 or (info.protected and not _CAPTION.search(info.text)):
                break
            if blocks[j].kind == "heading" and j + 1 < len(blocks) and infos[j + 1].prose:
                # a subheading of the article, unless it is one more long headline at the foot of a list
                if not (j - i >= 3 and info.n >= 6 and not info.terminal and not info.protected):
                    break
            end = info.text.rstrip()
            if end.endswith(":") or (end.endswith(".") and not end.endswith("..") and info.n >= 4):
                break  # a sentence or an introduction: the article goes on
            out[j] = Verdict("related", f"related-stories block: headline under {heading}")
            weak.pop(j, None)
    # pass 2c: a long line in capitals between paragraphs of a mixed-case article: a link to
    # another story or a promo ("CLICK HERE TO GET THE APP", a shouted headline)
    prose_idx = [k for k, info in enumerate(infos) if info.prose]
    if len(prose_idx) >= 3:
        lo, hi = prose_idx[0], prose_idx[-1]
        for j in range(lo + 1, hi):
            info = infos[j]
            if j in out or info.prose or info.protected or info.text.rstrip().endswith("?"):
                continue
            if info.n < 8 and not (info.n >= 4 and info.text.rstrip().endswith("!")):
                continue  # a short shout is a label ("BREAKING"), unless it calls to action
            if _shouting(info.text) and not _shouting(infos[j - 1].text) and not _shouting(infos[j + 1].text):
                out[j] = Verdict("related", f"long line in capitals inside the article: a link or promo ({_quote(info.text)})")
                weak.pop(j, None)
    # pass 2d: story cards print their headline twice (under the picture and as the link); the
    # article's own text never repeats a headline-shaped line a few lines further on
    for j in range(len(blocks) - 2):
        info = infos[j]
        if j in out or info.prose or info.protected or info.n < 4 or info.terminal:
            continue
        for k in range(j + 1, min(len(blocks), j + 4)):
            if infos[k].text == info.text and k not in out:
                why = f"story card: the same headline twice ({_quote(info.text)})"
                out[j] = Verdict("related", why)
                out[k] = Verdict("related", why)
                weak.pop(j, None)
                weak.pop(k, None)
                break
    # pass 3: neighbours. Word cues (section names, link-only lines) spread along a menu;
    # bare counters only count when they touch a line that is chrome on its own.
    strong = set(out)
    changed = True
    rounds = 0
    while changed and rounds < 8:
        changed = False
        rounds += 1
        for i in range(len(blocks)):
            if i in out:
                continue
            prev_c = i > 0 and (i - 1) in out
            next_c = i + 1 < len(blocks) and (i + 1) in out
            if i in weak:
                v = weak[i]
                if v.kind == "domain":
                    ok = False  # only at the page's end, next to the site's own chrome (pass 4)
                elif v.kind == "share":
                    ok = (i - 1) in strong or (i + 1) in strong
                elif v.kind == "tags" and i > 0 and " ".join(infos[i - 1].words) in inv.cms:
                    ok = True  # a bare tag list under its "Tags" label
                    out.setdefault(i - 1, Verdict("tags", f"label of the tag list ({_quote(infos[i - 1].text)})"))
                    weak.pop(i - 1, None)
                else:
                    ok = prev_c or next_c
                if ok:
                    del weak[i]
                    out[i] = Verdict(v.kind, f"{v.why}, next to other chrome")
                    changed = True
            elif prev_c and next_c and not infos[i].protected and infos[i].n <= 4 and not infos[i].terminal:
                out[i] = Verdict("nav", f"short line between chrome lines ({_quote(infos[i].text)})")
                changed = True
            elif prev_c and next_c and not infos[i].protected and infos[i].n <= 40 and \
                    out[i - 1].kind == out[i + 1].kind and out[i - 1].kind in _BOX_KINDS:
                kind = out[i - 1].kind
                out[i] = Verdict(kind, f"inside a {_label(kind)} box ({_quote(infos[i].text)})")
                changed = True
    # pass 4: word cues at the page edges, outside the run of prose
    body = [i for i, info in enumerate(infos) if info.prose and i not in out]
    edge: set[int] = set()  # word cues flagged after the article text
    if body and weak:
        lo, hi = body[0], body[-1]
        for i, v in list(weak.items()):
            if v.kind == "domain" and not (i > hi and any(k > hi for k in strong) and ((i - 1) in out or (i + 1) in out)):
                continue
            if (i < lo or i > hi) and v.kind != "share" and not (i + 1 < len(infos) and infos[i + 1].prose):
                where = "before the article text" if i < lo else "after the article text"
                out[i] = Verdict(v.kind, f"{v.why}, {where}")
                if i > hi and v.kind != "domain":
                    edge.add(i)
    _headline_list_after(infos, out, weak)
    # pass 5: the page around the article. After the last paragraph of prose a news story has
    # nothing but chrome; a line that is not a sentence there is a leftover teaser or link.
    body = [i for i, info in enumerate(infos) if info.prose and i not in out]
    if body:
        lo, hi = body[0], body[-1]
        anchor = None
        for i in range(hi + 1, len(blocks)):
            if i in out:
                if anchor is None and (i in strong or i in edge):
                    anchor = i
                continue
            if anchor is None:
                continue  # no chrome yet: a table or a list that ends the article
            info = infos[i]
            prev = infos[i - 1].text.rstrip()
            if prev.endswith(":") and i - 1 not in out:
                break  # a list the article introduces
            if (info.protected and not info.name) or info.prose or _CREDIT.search(info.text):
                continue
            if not info.terminal or info.text.rstrip().endswith(("...", "…")) or (
                    info.n <= 12 and info.text.rstrip().endswith("?")):
                out[i] = Verdict("related", f"non-sentence line in the page chrome after the article ({_quote(info.text)})")
        for i in range(0, min(lo, 6)):
            if i in out:
                continue
            info = infos[i]
            if info.protected or info.n > TOP_N or info.terminal or has_person_name(info.text):
                continue
            out[i] = Verdict("nav", f"short label above the article text ({_quote(info.text)})")
    article.annotations["boilerplate.verdicts"] = out
    return out


TOP_N = 5
COOL, COOL_GAP = 0.34, 0.25  # ... or at most COOL, when the article's own headline shares this much more
COLD = 0.2  # a headline sharing at most this share of its distinctive words with the article is another story's
_STEM_WORD = re.compile(r"[^\W\d_]{4,}")


def _stems(text: str, stop: set[str]) -> set[str]:
    return {w[:5] for w in _STEM_WORD.findall(text.lower()) if w not in stop}


def _cold_headlines_above(blocks, infos: list[Info], out: dict[int, Verdict], title) -> None:
    """Other stories' headlines above the article: headline-shaped lines before the first paragraph
    that share (almost) no distinctive word with the article's text. The article's own headline
    and standfirst share its names and subject, so they stay; one cold line alone may be a cryptic
    headline, so it takes two in the same stretch, or one next to chrome ("Most Popular"). Of
    several headlines there, one sharing far less than the best-sharing one (the article's own)
    is another story's too, even on a related subject. Bylines, datelines, captions and a title
    marked up as the main heading are never candidates."""
    lo = next((i for i, info in enumerate(infos) if info.prose and i not in out), 0)
    if lo == 0:
        return
    stop = inventory().stopwords
    cands = []
    for i in range(min(lo, 14)):
        info = infos[i]
        if i in out or not 3 <= info.n <= 25:
            continue
        t = info.text.rstrip().rstrip("\"'”’»)]")
        if info.terminal and not t.endswith(("?", "...", "…")):
            continue
        b = blocks[i]
        if (info.protected and b is not title) or _BYLINE.match(info.text) or _is_dateline(info.text, info.n) \
                or _has_caption_cue(info.text) or _TIME.search(info.text) or info.text.rstrip().endswith(")"):
            continue
        if b is title and b.kind == HEADING and b.marker in ("#", "h1"):
            continue  # marked up as the page's one main heading: the article's own, however cryptic
        if ":" in info.text and _is_name_line(info.text.split(":", 1)[1].strip()):
            continue  # "Muhabir: Elif Kaya": a byline under a label
        head = info.text.split(",", 1)[0].strip()
        if head != info.text and (_is_name_line(head) or (head.isupper() and 2 <= len(head.split()) <= 3)):
            continue  # "Greg Beacham, AP Sports Writer", "JANE ROE, EXAMPLE NEWS": a byline with a role
        if info.n <= 5 and has_person_name(info.text):
            continue  # "Marta Quiroga · Madrid", "Ankara - Elif Karataş": a byline with a place
        own = _stems(info.text, stop)
        if len(own) >= 3:
            cands.append((i, own))
    if not cands or (len(cands) == 1 and (cands[0][0] - 1) not in out and (cands[0][0] + 1) not in out):
        return  # nothing that could be flagged: spare the article text a scan
    prose = [info.text for i, info in enumerate(infos) if info.prose and i not in out]
    if len(prose) < 3:
        return
    # a stem found anywhere in the text, even inside a longer word, counts as shared: errs quiet
    body = " ".join(prose).lower()
    share = {i: sum(1 for w in own if w in body) / len(own) for i, own in cands}
    cold = [i for i in share if share[i] <= COLD]
    why = "another story's headline above the article: shares no subject with it"
    for i in cold:
        if len(cold) >= 2 or (i - 1) in out or (i + 1) in out:
            out[i] = Verdict("related", f"{why} ({_quote(infos[i].text)})")
    # of several headlines above the text, the one sharing most with it is the article's own; one
    # sharing far less is another story's, even on a related subject
    if len(share) >= 2:
        best = max(share, key=lambda i: (share[i], -i))
        for i, v in share.items():
            if i != best and i not in out and v < COOL and share[best] - v >= COOL_GAP:
                where = "above" if i > best else "below"
                out[i] = Verdict("related", f"another story's headline above the article: shares little with its text, "
                                            f"unlike the headline {where} it ({_quote(infos[i].text)})")


_LIST_BREAKS = re.compile(r"[(\[]| [–—-]{1,2} |@|\d{3}| by [A-Z]")


def _title_cased(info: Info) -> bool:
    """A headline in title case, as link lists print them: most longer words open with a capital,
    no parentheses, dash separators, handles or long numbers (a schedule or a product list)."""
    text = info.text
    if not 3 <= info.n <= 16 or (info.terminal and not text.rstrip().endswith("?")) or info.prose:
        return False
    if text.count(",") > 1 or _LIST_BREAKS.search(text):
        return False
    long_words = [w for w in text.split() if len(w) >= 4 and w[0].isalpha()]
    return len(long_words) >= 2 and sum(1 for w in long_words if w[0].isupper()) >= 0.8 * len(long_words)


def _headline_list_after(infos: list[Info], out: dict[int, Verdict], weak: dict[int, Verdict]) -> None:
    """Three or more title-case headlines in a row after the article's last paragraph: the page's
    list of further stories, printed without its heading."""
    hi = next((i for i in range(len(infos) - 1, -1, -1) if infos[i].prose and i not in out), None)
    if hi is None or hi < 2:
        return
    run: list[int] = []
    for i in range(hi + 1, len(infos) + 1):
        if i < len(infos) and (i in out or (not infos[i].protected and _title_cased(infos[i]))):
            run.append(i)
            continue
        fresh = [k for k in run if k not in out]
        if len(run) >= 3 and fresh:
            for k in fresh:
                out[k] = Verdict("related", f"one of {len(run)} headlines listed after the article ({_quote(infos[k].text)})")
                weak.pop(k, None)
        run = []


def _label_above_headline(infos: list[Info], out: dict[int, Verdict]) -> None:
    top = infos[0]
    if not 1 <= top.n <= 4 or top.terminal or has_person_name(top.text) or _is_dateline(top.text, top.n) \
            or _BYLINE.match(top.text) or _has_caption_cue(top.text):
        return
    j = 1
    while j < len(infos) and j in out:
        j += 1
    if j >= len(infos) or j > 3:
        return
    nxt = infos[j]
    t = nxt.text.rstrip().rstrip("\"'”’»)]")
    if nxt.prose or nxt.n < max(5, 2 * top.n) or nxt.n > 30 or (nxt.terminal and not t.endswith(("?", "!"))):
        return
    if _BYLINE.match(nxt.text) or _is_dateline(nxt.text, nxt.n):
        return
    out[0] = Verdict("nav", f"short label above the headline ({_quote(top.text)})")
    nxt.protected = True


_UPPER = lazy_regex(r"\p{Lu}")
_LOWER = lazy_regex(r"\p{Ll}")


def _shouting(text: str) -> bool:
    """Written in capitals: at least 15 capital letters and nine in ten letters capitals."""
    if len(_LOWER.findall(text[:40])) > 4:
        return False
    up, low = len(_UPPER.findall(text)), len(_LOWER.findall(text))
    return up >= 15 and low * 9 <= up


def _prefix_entry(words: list[str]) -> tuple[Entry, int] | None:
    inv = inventory()
    if not words:
        return None
    for k in inv.prefix_first.get(words[0], ()):
        if k > len(words):
            continue
        e = inv.prefix.get(" ".join(words[:k]))
        if e is not None:
            return e, k
    return None


def _subheading(infos: list[Info], i: int) -> bool:
    """A short line between paragraphs of prose reads as a subheading, not a button."""
    prev_ok = i == 0 or infos[i - 1].prose
    next_ok = i + 1 < len(infos) and infos[i + 1].prose
    return prev_ok and next_ok
