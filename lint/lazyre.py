"""Regular expressions compiled on first use.

Every rule module is imported at start-up, also when its rule is not selected or finds nothing to
look at; compiling a few dozen ``regex`` patterns there costs tens of milliseconds on each commit
a pre-commit hook checks.
"""
from __future__ import annotations


class LazyRegex:
    """Stands in for ``regex.compile(pattern, flags)`` (or ``re.compile`` with ``stdlib=True``)
    and compiles on the first attribute use."""

    # no __slots__: after the first use of an attribute (``search``, ``match``...) the compiled
    # pattern's bound method is kept in the instance's __dict__, so later calls cost what a call
    # on the compiled pattern costs, without a trip through __getattr__

    def __init__(self, pattern: str, flags: int = 0, stdlib: bool = False):
        self._pattern = pattern
        self._flags = flags
        self._stdlib = stdlib
        self._compiled = None

    def __getattr__(self, name):
        compiled = self._compiled
        if compiled is None:
            if self._stdlib:
                import re as engine
            else:
                import regex as engine
            compiled = self._compiled = engine.compile(self._pattern, self._flags)
        value = getattr(compiled, name)
        self.__dict__[name] = value
        return value


def lazy_regex(pattern: str, flags: int = 0) -> LazyRegex:
    """A ``regex`` pattern (Unicode properties such as \\p{L}) compiled on first use."""
    return LazyRegex(pattern, flags)


def lazy_re(pattern: str, flags: int = 0) -> LazyRegex:
    """A stdlib ``re`` pattern compiled on first use (faster to compile, no \\p{...})."""
    return LazyRegex(pattern, flags, stdlib=True)
