"""Inline suppression comments, and the report of those that suppress nothing."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

# <!-- newslint-disable ID, ID -->, <!-- newslint-enable -->, <!-- newslint-disable-next-line ID -->
_COMMENT = regex.compile(
    r"<!--\s*newslint-(?P<verb>disable-next-line|disable|enable)\b(?P<ids>[^>]*?)\s*-->")
# plain text: a line holding only "newslint: disable-next-line ID" (or disable / enable)
_PLAIN = regex.compile(
    r"^\s*newslint:\s*(?P<verb>disable-next-line|disable|enable)\b(?P<ids>[^\n]*?)\s*$")


def is_plain_directive(line: str) -> bool:
    return bool(_PLAIN.match(line))


@dataclass
class Directive:
    line: int
    column: int
    end_column: int
    verb: str
    ids: tuple[str, ...]  # empty: every rule
    target: tuple[int, int] = (0, 0)  # the lines it covers
    used: set = field(default_factory=set)


def parse(source: str, fmt: str) -> list[Directive]:
    if "newslint" not in source:
        return []
    lines = source.split("\n")
    found: list[Directive] = []
    for i, line in enumerate(lines):
        if "newslint" not in line:
            continue
        matches = list(_COMMENT.finditer(line)) if fmt in ("markdown", "html") else []
        if fmt == "text" or not matches:
            m = _PLAIN.match(line)
            matches = [m] if m else matches
        for m in matches:
            ids = tuple(x for x in regex.split(r"[\s,]+", m.group("ids").strip()) if x)
            found.append(Directive(i + 1, m.start() + 1, m.end() + 1, m.group("verb"), ids))
    # resolve the lines each directive covers
    for d in found:
        if d.verb == "disable-next-line":
            nxt = d.line + 1
            while nxt <= len(lines) and not lines[nxt - 1].strip():
                nxt += 1
            d.target = (nxt, nxt)
        elif d.verb == "disable":
            end = len(lines)
            for e in found:
                if e.verb == "enable" and e.line > d.line and (not e.ids or set(d.ids) & set(e.ids) or not d.ids):
                    end = e.line
                    break
            d.target = (d.line, end)
    return found


def apply(findings: list, directives: list[Directive], active: set[str], known_ids: set[str],
          categories: set[str], make_unused) -> list:
    """Drop suppressed findings; add one ``unused-suppression`` finding per directive (or id)
    that suppressed nothing. ``active`` holds the rule ids and categories this run checks (a
    suppression of a rule that did not run cannot be judged unused); ``make_unused(directive,
    message)`` builds the finding."""
    if not directives:
        return findings
    kept = []
    for f in findings:
        suppressed = False
        for d in directives:
            if d.verb == "enable":
                continue
            lo, hi = d.target
            if lo <= f.line <= hi:
                hit = [i for i in d.ids if i in (f.rule, f.category)] if d.ids else ["*"]
                if hit:
                    d.used.update(hit)
                    suppressed = True
        if not suppressed:
            kept.append(f)
    for d in directives:
        if d.verb == "enable":
            continue
        for i in d.ids:
            if i not in known_ids and i not in categories:
                kept.append(make_unused(d, f"suppression names unknown rule '{i}'"))
            elif i not in d.used and i in active:
                kept.append(make_unused(d, f"suppression of '{i}' suppresses nothing"))
        if not d.ids and not d.used:
            kept.append(make_unused(d, f"'newslint-{d.verb}' suppresses nothing"))
    return kept
