"""Regular expressions compiled on first use.

Every rule module is imported at start-up, also when its rule is not selected or finds nothing to
look at; compiling a few dozen ``regex`` patterns there costs tens of milliseconds on each commit
a pre-commit hook checks.
"""
from __future__ import annotations


class LazyRegex:
    """Stands in for ``regex.compile(pattern, flags)`` and compiles on the first attribute use."""

    __slots__ = ("_pattern", "_flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0):
        self._pattern = pattern
        self._flags = flags
        self._compiled = None

    def __getattr__(self, name):
        compiled = self._compiled
        if compiled is None:
            import regex

            compiled = self._compiled = regex.compile(self._pattern, self._flags)
        return getattr(compiled, name)


def lazy_regex(pattern: str, flags: int = 0) -> LazyRegex:
    return LazyRegex(pattern, flags)
