"""GitHub Actions workflow commands: one ::error/::warning/::notice annotation per finding."""
from __future__ import annotations

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(findings, errors=()) -> str:
    out = []
    for f in findings:
        props = (f"file={_escape_prop(f.path)},line={f.line},col={f.column},"
                 f"endLine={f.end_line},endColumn={f.end_column},title={_escape_prop('newslint ' + f.rule)}")
        out.append(f"::{_LEVEL.get(f.severity, 'warning')} {props}::{_escape_data(f'[{f.rule}] {f.message}')}")
    for path, cause in errors:
        out.append(f"::error file={_escape_prop(path)},title=newslint::{_escape_data(cause)}")
    return "".join(line + "\n" for line in out)
