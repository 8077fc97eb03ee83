"""A seeded random sample of unsourced-figure findings, printed for review by hand.

Runs the rule in-process over a folder of articles (the same run as `newslint --select
unsourced-figure`), draws N of its findings with a fixed seed and prints each numbered with
file:line:col, the figure and its kind, the paragraph holding it with the figure marked »like
this«, and the line before it (where a carried attribution would be). Defaults to the real
articles in ../shared/bench/boilerplate/articles; skips with a message when that folder is absent.

    python benchmarks/figure_sample.py [FOLDER] [--n 50] [--seed 0]
"""
from __future__ import annotations

import argparse
import os
import random
import re
import sys
import textwrap

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = os.path.join(ROOT, "..", "shared", "bench", "boilerplate", "articles")
RULE = "unsourced-figure"


def wrap(label: str, text: str) -> str:
    return textwrap.fill(text, 100, initial_indent=f"    {label:6}",
                         subsequent_indent=" " * 10, break_on_hyphens=False)


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("folder", nargs="?", default=DEFAULT)
    p.add_argument("--n", type=int, default=50, help="findings to draw (default 50)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = p.parse_args(argv)
    if not os.path.isdir(args.folder):
        print(f"no folder {args.folder}: nothing to sample")
        return 0
    sys.path.insert(0, ROOT)
    from lint.config import Config
    from lint.plugins import load
    from lint.runner import Linter, run

    config = Config(select=[RULE])
    pm, rules = load(())
    result = run([args.folder], Linter(config, rules, config.selected(rules), pm))
    findings = sorted(result.findings, key=lambda f: (f.path, f.line, f.column))
    if not findings:
        print(f"no {RULE} findings in {args.folder}")
        return 0
    picked = random.Random(args.seed).sample(findings, min(args.n, len(findings)))
    picked.sort(key=lambda f: (f.path, f.line, f.column))
    print(f"{len(picked)} of {len(findings)} {RULE} findings in {len(result.files)} files"
          f" (seed {args.seed})\n")
    lines_of: dict[str, list[str]] = {}
    for i, f in enumerate(picked, 1):
        if f.path not in lines_of:
            with open(f.path, encoding="utf-8", errors="replace") as fh:
                lines_of[f.path] = fh.read().splitlines()
        lines = lines_of[f.path]
        line = lines[f.line - 1]
        end = f.end_column - 1 if f.end_line == f.line else len(line)
        marked = f"{line[:f.column - 1]}»{line[f.column - 1:end]}«{line[end:]}"
        before = next((s for s in reversed(lines[:f.line - 1]) if s.strip()), "")
        m = re.search(r"figure '(.*)' \((\w+)\)", f.message)
        figure, kind = m.groups() if m else (line[f.column - 1:end], "?")
        print(f"{i:3}. {os.path.basename(f.path)}:{f.line}:{f.column}  {figure!r} ({kind})")
        print(wrap("prev:", before.strip() or "(none)"))
        print(wrap("line:", marked.strip()))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
