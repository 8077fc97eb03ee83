"""--fix and --diff: remove what rules with a safe fix flagged, atomically, keeping encodings."""
from __future__ import annotations

import difflib
import os
import tempfile

from .decoding import InputError, decode, encode


def fix_text(text: str, fixes) -> tuple[str, int]:
    """Apply line and element removals, and span replacements, to a '\n' text; returns
    (new text, fixes applied)."""
    fixes = list(fixes)
    replacements = [fx for fx in fixes if getattr(fx, "replacement", None) is not None]
    if replacements:
        fixes = [fx for fx in fixes if getattr(fx, "replacement", None) is None]
        text, done = _replace_spans(text, replacements, fixes)
        if not fixes:
            return text, done
        new_text, applied = fix_text(text, fixes)
        return new_text, applied + done
    lines = text.split("\n")
    drop_lines: set[int] = set()
    element_cuts = []  # (line, col, end_line, end_col), 1-based, end exclusive
    for fx in fixes:
        if fx.column:
            element_cuts.append((fx.line, fx.column, fx.end_line, fx.end_column))
        else:
            drop_lines.update(range(fx.line, fx.end_line + 1))
    applied = len({(fx.line, fx.end_line, fx.column, fx.end_column) for fx in fixes})
    if element_cuts:
        # cut from the end backwards so earlier positions stay valid; skip overlapping cuts
        element_cuts.sort(reverse=True)
        last_start = None
        emptied = object()  # marks a line a cut left blank; it moves with later cuts
        out: list = lines
        for line, col, end_line, end_col in element_cuts:
            if last_start and (end_line, end_col) > last_start:
                applied -= 1
                continue
            head = out[line - 1][:col - 1] if isinstance(out[line - 1], str) else ""
            tail = out[end_line - 1][end_col - 1:] if isinstance(out[end_line - 1], str) else ""
            joined = head + tail
            # a line left holding only whitespace by a cut goes too
            out[line - 1:end_line] = [joined if joined.strip() else emptied]
            last_start = (line, col)
        lines = [l for l in out if l is not emptied]
        return "\n".join(lines), applied
    kept = [l for i, l in enumerate(lines, 1) if i not in drop_lines]
    return "\n".join(kept), applied


def _replace_spans(text: str, replacements, removals) -> tuple[str, int]:
    """Apply replacement fixes, from the end backwards so earlier positions stay valid. A
    replacement overlapping another, or on a line a removal touches, is skipped (the removal
    wins; a later run can repair what is left)."""
    lines = text.split("\n")
    touched: set[int] = set()
    for fx in removals:
        touched.update(range(fx.line, fx.end_line + 1))
    done = 0
    last_start = None
    for fx in sorted(set(replacements), key=lambda f: (f.line, f.column, f.end_line, f.end_column),
                     reverse=True):
        if fx.line < 1 or fx.end_line > len(lines) or fx.column < 1 or \
                any(l in touched for l in range(fx.line, fx.end_line + 1)):
            continue
        if last_start and (fx.end_line, fx.end_column) > last_start:
            continue
        head = lines[fx.line - 1][:fx.column - 1]
        tail = lines[fx.end_line - 1][fx.end_column - 1:]
        lines[fx.line - 1:fx.end_line] = (head + fx.replacement + tail).split("\n")
        last_start = (fx.line, fx.column)
        done += 1
    return "\n".join(lines), done


def write_atomic(path: str, data: bytes) -> None:
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".newslint-", dir=directory)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.chmod(tmp, os.stat(path).st_mode & 0o7777)
        except OSError:
            pass
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


MAX_ROUNDS = 10


def _fixable(findings):
    return [f for f in findings if f.fix is not None]


def apply_fixes(result, linter, write: bool, max_size: int):
    """(findings left, fixes applied, unified diff, [(path, error)]).

    A removal can expose more to remove (an HTML container is chrome once its label is cut out),
    so each fixed text is linted again in memory and fixed again until nothing changes; the file
    is written once, and a second ``--fix`` run finds nothing left to fix.
    """
    from .decoding import Decoded

    left, diffs, errors, total = [], [], [], 0
    for res in result.files:
        fixable = _fixable(res.findings)
        if res.error or not fixable or res.path == "<stdin>" or not os.path.isfile(res.path):
            left.extend(res.findings)
            continue
        try:
            with open(res.path, "rb") as fh:
                data = fh.read(max_size + 1)
            decoded = decode(data)
        except (OSError, InputError) as e:
            errors.append((res.path, f"not fixed: {e}"))
            left.extend(res.findings)
            continue
        text, findings, fixed_here = decoded.text, res.findings, 0
        for _ in range(MAX_ROUNDS):
            new_text, _applied = fix_text(text, [f.fix for f in fixable])
            if new_text == text:
                break
            fixed_here += len(fixable)
            text = new_text
            again = linter.lint_decoded(res.path, Decoded(text, decoded.encoding, decoded.bom,
                                                          decoded.newline))
            findings = linter.finish(again, []) if again.directives else again.findings
            fixable = _fixable(findings)
            if not fixable:
                break
        if text == decoded.text:
            left.extend(res.findings)
            continue
        total += fixed_here
        left.extend(f for f in findings if f.fix is None)
        if write:
            try:
                write_atomic(res.path, encode(text, decoded))
            except OSError as e:
                errors.append((res.path, f"cannot write fix: {e.strerror or e}"))
        else:
            diffs.extend(difflib.unified_diff(
                decoded.text.split("\n"), text.split("\n"),
                f"a/{res.path}", f"b/{res.path}", lineterm=""))
    diff_text = "".join(line + "\n" for line in diffs)
    return left, total, diff_text, errors
