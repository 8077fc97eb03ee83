"""--fix and --diff: remove what rules with a safe fix flagged, atomically, keeping encodings."""
from __future__ import annotations

import difflib
import os
import tempfile

from .decoding import InputError, decode, encode


def fix_text(text: str, fixes) -> tuple[str, int]:
    """Apply line and element removals to a '\n' text; returns (new text, fixes applied)."""
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
        emptied = set()
        for line, col, end_line, end_col in element_cuts:
            if last_start and (end_line, end_col) > last_start:
                applied -= 1
                continue
            head = lines[line - 1][:col - 1]
            tail = lines[end_line - 1][end_col - 1:]
            lines[line - 1:end_line] = [head + tail]
            if not (head + tail).strip() and (head or tail or line != end_line or True):
                emptied.add(line)
            last_start = (line, col)
        # a line left holding only whitespace by a cut goes too
        lines = [l for i, l in enumerate(lines, 1) if not (i in emptied and not l.strip())]
        return "\n".join(lines), applied
    kept = [l for i, l in enumerate(lines, 1) if i not in drop_lines]
    return "\n".join(kept), applied


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


def apply_fixes(result, write: bool, max_size: int):
    """(findings left, fixes applied, unified diff, [(path, error)])."""
    left, diffs, errors, total = [], [], [], 0
    for res in result.files:
        fixable = [f for f in res.findings if f.fix is not None]
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
        new_text, applied = fix_text(decoded.text, [f.fix for f in fixable])
        if new_text == decoded.text:
            left.extend(res.findings)
            continue
        total += len(fixable)
        left.extend(f for f in res.findings if f.fix is None)
        if write:
            try:
                write_atomic(res.path, encode(new_text, decoded))
            except OSError as e:
                errors.append((res.path, f"cannot write fix: {e.strerror or e}"))
        else:
            diffs.extend(difflib.unified_diff(
                decoded.text.split("\n"), new_text.split("\n"),
                f"a/{res.path}", f"b/{res.path}", lineterm=""))
    diff_text = "".join(line + "\n" for line in diffs)
    return left, total, diff_text, errors
