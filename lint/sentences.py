"""A small, language-agnostic sentence splitter that returns offsets, not strings."""
from __future__ import annotations

import regex

# A sentence ends at . ! ? … (optionally followed by closing quotes/brackets) and whitespace,
# when the next thing starts like a sentence (capital letter, digit, opening quote or dash).
# German quotes open low and close high („...“, ‚...‘): “ and ‘ close a sentence too.
_BOUNDARY = regex.compile(
    r"""(?<=[.!?…]["'”’“‘»)\]]*)\s+(?=["'“‘«„‚(\[¿¡—–-]?[\p{Lu}\p{Lt}\p{N}\p{Lo}])""",
    regex.VERSION1,
)
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
        head = text[start:m.start()]
        word = head.rsplit(None, 1)[-1] if head.split() else ""
        core = word.rstrip(".").lower().lstrip("(\"'“«")
        if word.endswith(".") and (core in _ABBREV or _INITIAL.search(head[:-1] if head.endswith(".") else head)):
            continue
        if m.start() - start < 2:
            continue
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text.rstrip()):
        spans.append((start, len(text.rstrip())))
    return spans
