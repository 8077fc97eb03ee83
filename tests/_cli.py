"""Helpers shared by the engine tests: run the real command line, write small fixtures."""
from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# An article that trips the built-in formatting rules at known places: the headline repeated on
# line 2 (repeated-line, warning) and a bare list marker on line 6 (bare-list-marker, info).
BAD_ARTICLE = """\
Harbour bridge reopens after repairs
Harbour bridge reopens after repairs

The bridge reopened to traffic on Monday, the city's transport office said.
The works included:
-
new expansion joints and a resurfaced deck.
"""
CLEAN_ARTICLE = """\
Harbour bridge reopens after repairs

The bridge reopened to traffic on Monday, the city's transport office said.
Drivers had used a ferry and a longer road around the bay during the works.
"""

_counter = itertools.count()


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def snapshot_code(dest: Path) -> None:
    """Copy the engine and the rules into ``dest``: ``python -m lint`` run there imports this
    copy, so a comparison of several runs cannot be upset by files edited meanwhile."""
    import shutil

    for pkg in ("lint", "rules"):
        shutil.copytree(ROOT / pkg, dest / pkg, ignore=shutil.ignore_patterns("__pycache__"))


def run(args, cwd, input: bytes | str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """``python -m lint ARGS`` in ``cwd``; stdout and stderr as text."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    data = input.encode() if isinstance(input, str) else input
    proc = subprocess.run([sys.executable, "-m", "lint", *map(str, args)], cwd=cwd, input=data,
                          capture_output=True, env=full_env, timeout=300)
    proc.stdout = proc.stdout.decode("utf-8", "replace")
    proc.stderr = proc.stderr.decode("utf-8", "replace")
    return proc


def run_json(args, cwd, **kw):
    proc = run([*args, "--format", "json"], cwd, **kw)
    return proc, (json.loads(proc.stdout) if proc.stdout.strip() else None)


def plugin(folder: Path, body: str, prefix: str = "localrules") -> str:
    """Write a local rule module into ``folder`` under a fresh name; returns the module name."""
    name = f"{prefix}_{os.getpid()}_{next(_counter)}"
    write(folder / f"{name}.py", body)
    return name


RULE_WITH_OPTION = '''
from lint import Option, Rule, hookimpl

class LongTitle(Rule):
    id = "long-title"
    category = "readability"
    severity = "warning"
    summary = "A headline longer than the desk allows"
    explanation = """
    Bad:
        A very long headline
    Good:
        Short headline
    """
    options = {"max_words": Option(int, 5, "longest headline, in words")}

    def check(self, article):
        t = article.title
        if t is not None and len(t.text.split()) > self.settings["max_words"]:
            yield self.block_finding(article, t, f"headline of {len(t.text.split())} words")

@hookimpl
def register_rules(register):
    register(LongTitle)
'''

RAISING_RULE = '''
from lint import Rule, hookimpl

class Broken(Rule):
    id = "broken-rule"
    category = "formatting"
    severity = "warning"
    summary = "Always raises"
    explanation = "Bad: x Good: y"

    def check(self, article):
        if "boom" in article.source:
            raise RuntimeError("rule exploded")
        return ()

@hookimpl
def register_rules(register):
    register(Broken)
'''


def lint_json(tmp_path, name, text, capsys, *extra):
    """Lint one article written to ``tmp_path/name`` in-process: (exit code, JSON findings)."""
    from lint.cli import main

    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    code = main([str(p), "--format", "json", "--jobs", "1", *extra])
    return code, json.loads(capsys.readouterr().out)
