"""Steady-state time per rule family, in ms per 5 KB of article: the figure the issues budget.

Lints a folder of .txt articles once in-process (so every lazy resource is loaded), then times
three more passes and keeps each rule's best. Defaults to the real articles in
../shared/bench/boilerplate/articles; skips with a message when that folder is absent.

    python benchmarks/families.py [FOLDER]
"""
from __future__ import annotations

import glob
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = os.path.join(ROOT, "..", "shared", "bench", "boilerplate", "articles")
FAMILIES = ("boilerplate", "off-topic", "ai-filler", "unsourced-figure")


def main(argv: list[str]) -> int:
    folder = argv[0] if argv else DEFAULT
    files = sorted(glob.glob(os.path.join(folder, "*.txt")))
    if not files:
        print(f"no .txt articles in {folder}: nothing to measure")
        return 0
    sys.path.insert(0, ROOT)
    from lint.config import Config
    from lint.plugins import load
    from lint.runner import Linter

    kb = sum(os.path.getsize(f) for f in files) / 1024 / len(files)
    config = Config()
    pm, rules = load(())
    linter = Linter(config, rules, config.selected(rules), pm, timings=True)
    for f in files:
        linter.lint_path(f)
    best: dict[str, float] = {}
    for _ in range(3):
        totals: dict[str, float] = {}
        for f in files:
            for rule, t in linter.lint_path(f).timings.items():
                totals[rule] = totals.get(rule, 0.0) + t
        for rule, t in totals.items():
            best[rule] = min(best.get(rule, float("inf")), t)
    by: dict[str, float] = {}
    for rule, t in best.items():
        cat = rules[rule].category
        key = cat if cat in FAMILIES else "language, readability, consistency, formatting"
        by[key] = by.get(key, 0.0) + t
    print(f"{len(files)} articles, {kb:.2f} KB on average; best of 3 warm passes")
    print(f"{'family':50} {'ms/article':>10} {'ms per 5 KB':>12}")
    for key, t in sorted(by.items()):
        per = 1000 * t / len(files)
        print(f"{key:50} {per:10.2f} {per * 5 / kb:12.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
