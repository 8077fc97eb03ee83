"""A small, language-agnostic sentence splitter that returns offsets, not strings."""
from __future__ import annotations

import re
from unicodedata import category

import regex

# A sentence ends at . ! ? … (optionally followed by closing quotes/brackets) and whitespace,
# when the next thing starts like a sentence (capital letter, digit, opening quote or dash).
# German quotes open low and close high („...“, ‚...‘): “ and ‘ close a sentence too.
# The pattern opens on the end mark, so a search skips to the marks; group 1 is the space between
# the sentences, group 2 the first letter or digit after it (a capital, a title-case letter, a
# letter of a script without case, or a number: checked in Python, as `re` has no \p classes).
_BOUNDARY = re.compile(r"""[.!?…]["'”’“‘»)\]]*(\s+)(?=["'“‘«„‚(\[¿¡—–-]?(\w))""")
_OPENERS = frozenset(("Lu", "Lt", "Lo", "Nd", "Nl", "No"))
# Words that end in a period without ending a sentence (several languages).
_ABBREV = frozenset(
    """mr mrs ms dr prof sr jr st mt gen col lt sgt capt gov sen rep pres no nos vs etc inc ltd co
    corp jan feb mar apr jun jul aug sep sept oct nov dec approx est fig al e.g i.e u.s u.k u.n
    dir sr.a sra srta av nr bzw ca dt hr fr str tel z.b vgl usw ggf evtl mio mrd bd doç yrd
    alb prof.dr г гг т.е т.д др им ул пр млн млрд тыс руб ст""".split()
)
_INITIAL = regex.compile(r"(?:^|\s)(?:\p{Lu}\.)+$|(?:^|\s)\p{Lu}$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in ``text``."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start(1)
        if end - start < 2:
            continue
        first = m.group(2)
        if not ("A" <= first <= "Z" or "0" <= first <= "9") and category(first) not in _OPENERS:
            continue  # a lower-case word goes on with the sentence
        head = text[start:end]
        if head.endswith("."):
            word = head.rsplit(None, 1)[-1]
            core = word.rstrip(".").lower().lstrip("(\"'“«")
            if core in _ABBREV or _INITIAL.search(head[:-1]):
                continue  # "Dr. Smith", "J. R. R. Tolkien"
        spans.append((start, end))
        start = m.end(1)
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans
