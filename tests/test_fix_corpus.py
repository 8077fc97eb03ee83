"""--fix on the whole corpus removes exactly the lines (or HTML elements) that fixable findings
flagged, touches nothing else, keeps encodings, and a second run changes nothing."""
import shutil
from pathlib import Path

import pytest

from lint.cli import main
from lint.config import Config
from lint.plugins import load
from lint.runner import Linter, run

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _is_subsequence(small, big, fuzzy=False):
    """Every line of ``small`` appears in ``big`` in order (``fuzzy``: a line repaired in place by
    a replacement fix, mojibake or a look-alike letter, still counts when its length matches)."""
    it = iter(big)
    for line in small:
        for other in it:
            if other == line or (fuzzy and len(other) == len(line) and other[:1] == line[:1]):
                break
        else:
            return False
    return True


def _removal_fixes(folder):
    """{path: [Fix]} for the whole-line and element removals a lint run would apply."""
    config = Config()
    pm, rules = load(())
    result = run([str(folder)], Linter(config, rules, config.selected(rules), pm), jobs=1)
    fixes = {}
    for f in result.findings:
        if f.fix is not None and getattr(f.fix, "replacement", None) is None:
            fixes.setdefault(f.path, []).append(f.fix)
    return fixes


@pytest.fixture()
def corpus_copy(tmp_path):
    dest = tmp_path / "corpus"
    shutil.copytree(CORPUS, dest, ignore=shutil.ignore_patterns("*.jsonl"))
    return dest


def test_fix_removes_exactly_the_flagged_lines(corpus_copy, capsys):
    before = {p: p.read_bytes() for p in corpus_copy.rglob("*") if p.is_file()}
    fixes = _removal_fixes(corpus_copy)
    assert fixes, "the corpus has chrome and repeated lines to fix"
    main([str(corpus_copy), "--fix", "--jobs", "1"])
    capsys.readouterr()
    for path, old in before.items():
        new = path.read_bytes()
        text_fixes = [fx for fx in fixes.get(str(path), []) if not fx.column]
        element_fixes = [fx for fx in fixes.get(str(path), []) if fx.column]
        if not text_fixes and not element_fixes:
            # nothing to remove here (a replacement fix may still repair a word in place)
            assert len(new.splitlines()) == len(old.splitlines()), path
            continue
        old_lines, new_lines = old.decode("utf-8").split("\n"), new.decode("utf-8").split("\n")
        if text_fixes:
            # the first round's removals; a line a later round removed must have been flagged
            # then (the second test shows the result is stable), and nothing unflagged goes
            drop = {n for fx in text_fixes for n in range(fx.line, fx.end_line + 1)}
            kept = [l for i, l in enumerate(old_lines, 1) if i not in drop]
            assert _is_subsequence(new_lines, kept, fuzzy=True), path
        else:
            # HTML: each flagged element is cut out; every line outside the cut elements stays
            inside = {n for fx in element_fixes for n in range(fx.line, fx.end_line + 1)}
            untouched = [l for i, l in enumerate(old_lines, 1) if i not in inside]
            assert _is_subsequence(untouched, new_lines), path
            assert len(new_lines) < len(old_lines) or new != old, path


def test_fix_twice_changes_nothing_the_second_time(corpus_copy, capsys):
    main([str(corpus_copy), "--fix", "--jobs", "1"])
    once = {p: p.read_bytes() for p in corpus_copy.rglob("*") if p.is_file()}
    main([str(corpus_copy), "--fix", "--jobs", "1"])
    capsys.readouterr()
    changed = [str(p) for p, data in once.items() if p.read_bytes() != data]
    assert changed == []
