"""The human format: ``path:line:col: severity rule-id message``, the offending text, a summary."""
from __future__ import annotations

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
_MAX_SNIPPET = 100


def _snippet(line_text: str, col: int, end_col: int, same_line: bool) -> tuple[str, str]:
    text = line_text.rstrip("\n")
    start = max(0, col - 1)
    end = min(len(text), end_col - 1) if same_line else len(text)
    end = max(end, start + 1)
    # show a window around the flagged span when the line is long
    lo = max(0, start - 20) if len(text) > _MAX_SNIPPET else 0
    hi = min(len(text), lo + _MAX_SNIPPET)
    shown = text[lo:hi].expandtabs(1)
    prefix = "…" if lo else ""
    suffix = "…" if hi < len(text) else ""
    caret_start = start - lo + len(prefix)
    width = max(1, min(end, hi) - start)
    return prefix + shown + suffix, " " * caret_start + "^" * width


def render_text(findings, color=False, sources=None) -> str:
    sources = sources or {}
    out = []
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[f.severity] = counts.get(f.severity, 0) + 1
        sev = f"{_COLORS.get(f.severity, '')}{f.severity}{_RESET}" if color else f.severity
        loc = f"{_BOLD}{f.path}:{f.line}:{f.column}:{_RESET}" if color else f"{f.path}:{f.line}:{f.column}:"
        rule = f"{_DIM}{f.rule}{_RESET}" if color else f.rule
        out.append(f"{loc} {sev} {rule} {f.message}")
        lines = sources.get(f.path)
        if lines and 0 < f.line <= len(lines) and lines[f.line - 1].strip():
            shown, caret = _snippet(lines[f.line - 1], f.column, f.end_column, f.end_line == f.line)
            out.append(f"    {shown}")
            out.append(f"    {caret}")
    total = len(findings)
    if total:
        parts = [f"{n} {k}{'s' if n != 1 else ''}" for k, n in counts.items() if n]
        files = len({f.path for f in findings})
        out.append(f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) in "
                   f"{files} file{'s' if files != 1 else ''}.")
    return "".join(line + "\n" for line in out)
