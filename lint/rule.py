"""What a rule is: an id, a category, a severity, documentation, typed options, and a check."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Iterable

import regex

CATEGORIES = (
    "boilerplate", "off-topic", "ai-filler", "unsourced-figure", "foreign-language",
    "readability", "formatting", "consistency", "internal",
)
SEVERITIES = ("info", "warning", "error")
_RULE_ID = regex.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Option:
    """A typed rule option: ``Option(int, 40, "longest sentence, in words")``."""

    type: type
    default: Any
    help: str = ""
    choices: tuple = ()

    def validate(self, name: str, value: Any) -> Any:
        """The value, converted where lossless, or ValueError saying what was expected."""
        t = self.type
        if t is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if t in (list, tuple) and isinstance(value, (list, tuple)):
            return list(value) if t is list else tuple(value)
        if not isinstance(value, t) or (t is int and isinstance(value, bool)):
            raise ValueError(f"option '{name}' must be {t.__name__}, got {type(value).__name__} {value!r}")
        if self.choices and value not in self.choices:
            raise ValueError(f"option '{name}' must be one of {', '.join(map(str, self.choices))}, got {value!r}")
        return value


@dataclass(frozen=True)
class Fix:
    """A safe fix: delete source lines ``line..end_line`` (text), or the HTML element spanning
    ``(line, column)`` to ``(end_line, end_column)``; or, when ``replacement`` is not None,
    replace the source text from ``(line, column)`` to ``(end_line, end_column)`` (1-based,
    end column exclusive) with ``replacement`` (a repair such as mojibake, not a removal)."""

    line: int
    end_line: int
    column: int = 0
    end_column: int = 0
    replacement: str | None = None


@dataclass(slots=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    severity: str
    message: str
    fix: Fix | None = None

    def as_json(self) -> dict:
        return {
            "path": self.path, "line": self.line, "column": self.column,
            "end_line": self.end_line, "end_column": self.end_column, "rule": self.rule,
            "category": self.category, "severity": self.severity, "message": self.message,
        }

    def sort_key(self):
        return (self.line, self.column, self.rule, self.end_line, self.end_column, self.message)


class Rule:
    """Base class for rules. Subclass it, set the class attributes, implement ``check``.

    ``check(article)`` yields findings built with ``self.finding(...)``. A rule that learns from
    a whole folder also implements ``collect(article)`` (runs once per article, returns a small
    picklable summary), ``learn(path, summary)`` (called in file order in the main process) and
    ``conclude()`` (yields the folder-level findings at the end).
    """

    id: ClassVar[str] = ""
    category: ClassVar[str] = ""
    severity: ClassVar[str] = "warning"
    summary: ClassVar[str] = ""
    explanation: ClassVar[str] = ""  # longer text with a "Bad:" and a "Good:" example
    options: ClassVar[dict[str, Option]] = {}
    fixable: ClassVar[bool] = False  # its fixes are safe for --fix
    uses: ClassVar[frozenset] = frozenset()  # heavy resources it needs: 'language', 'textstat'

    def __init__(self, settings: dict | None = None, severity: str | None = None):
        self.settings = {name: opt.default for name, opt in self.options.items()}
        for name, value in (settings or {}).items():
            if name not in self.options:
                known = ", ".join(sorted(self.options)) or "none"
                raise ValueError(f"rule '{self.id}' has no option '{name}' (options: {known})")
            self.settings[name] = self.options[name].validate(name, value)
        self.active_severity = severity or self.severity

    def check(self, article) -> Iterable[Finding]:
        return ()

    # folder-level learning (optional)
    collect = None
    learn = None
    conclude = None

    def warm_up(self) -> None:
        """Load every lazy resource the rule may need. Called once in the main process before
        parallel workers start, so they inherit it instead of each loading it again."""

    def finding(self, article_or_path, line: int, column: int, end_line: int, end_column: int,
                message: str, fix: Fix | None = None) -> Finding:
        path = article_or_path if isinstance(article_or_path, str) else article_or_path.path
        return Finding(path, line, column, end_line, end_column, self.id, self.category,
                       self.active_severity, message, fix if self.fixable else None)

    def block_finding(self, article, block, message: str, start: int = 0, end: int | None = None,
                      fix: bool = False) -> Finding:
        """A finding on ``block.text[start:end]`` (the whole block by default)."""
        end = len(block.text) if end is None else end
        line, col, end_line, end_col = block.span(start, end)
        the_fix = None
        if fix:
            the_fix = block_fix(article, block)
        return self.finding(article, line, col, end_line, end_col, message, the_fix)

    @classmethod
    def check_definition(cls) -> list[str]:
        """Problems with the rule's class attributes (used when plugins are loaded)."""
        problems = []
        if not _RULE_ID.match(cls.id or ""):
            problems.append(f"rule id {cls.id!r} is not kebab-case")
        if cls.category not in CATEGORIES:
            problems.append(f"rule {cls.id!r}: unknown category {cls.category!r}")
        if cls.severity not in SEVERITIES:
            problems.append(f"rule {cls.id!r}: unknown severity {cls.severity!r}")
        if not cls.summary:
            problems.append(f"rule {cls.id!r} has no summary")
        return problems


def block_fix(article, block) -> Fix | None:
    """The safe removal of a block: its whole source lines (text), or its element (HTML)."""
    if article.format == "html":
        if block.source_start and block.source_end:
            # only when the element holds nothing but this block's text
            same = [b for b in article.blocks if b.source_start == block.source_start]
            if len(same) == 1:
                return Fix(block.source_start[0], block.source_end[0], block.source_start[1],
                           block.source_end[1])
        return None
    return Fix(block.line, block.end_line)
