"""Output formats. Each takes the run's findings and returns the text to print."""
from __future__ import annotations

import json

NAMES = ("text", "json", "github", "sarif")


def render(fmt: str, findings, rules, *, color=False, sources=None, errors=()) -> str:
    if fmt == "json":
        return json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=1) + "\n"
    if fmt == "github":
        from .github import render_github

        return render_github(findings, errors)
    if fmt == "sarif":
        from .sarif import render_sarif

        return render_sarif(findings, rules, errors)
    from .text import render_text

    return render_text(findings, color=color, sources=sources or {})
