"""Precision of unsourced-figure on the real articles, against the findings judged by hand.

Runs the rule in-process over ../shared/bench/boilerplate/articles (the same run as `newslint
--select unsourced-figure`) and reads benchmarks/labels/unsourced-figure.tsv, where each finding
the rule once reported there is judged RIGHT, RIGHT-routine, WRONG (with a tag saying why) or
unclear. Prints how the current findings split by verdict, the precision, the findings no label
covers (judge them and add rows), and the judged findings the rule no longer reports. Skips with
a message when the folder is absent.

    python benchmarks/figure_precision.py [--show wrong|new|gone]
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FOLDER = os.path.join(ROOT, "..", "shared", "bench", "boilerplate", "articles")
LABELS = os.path.join(ROOT, "benchmarks", "labels", "unsourced-figure.tsv")
RULE = "unsourced-figure"


def read_labels(path: str) -> dict[tuple, dict]:
    with open(path, encoding="utf-8") as f:
        rows = csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t")
        return {(r["file"], int(r["line"]), int(r["col"])): r for r in rows}


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--show", choices=("wrong", "new", "gone"), action="append", default=[],
                   help="list the current findings judged wrong, the unjudged ones, or the "
                        "judged ones no longer reported")
    args = p.parse_args(argv)
    if not os.path.isdir(FOLDER):
        print(f"no folder {FOLDER}: nothing to measure")
        return 0
    sys.path.insert(0, ROOT)
    from lint.config import Config
    from lint.plugins import load
    from lint.runner import Linter, run

    labels = read_labels(LABELS)
    config = Config(select=[RULE])
    pm, rules = load(())
    result = run([FOLDER], Linter(config, rules, config.selected(rules), pm))
    current = {(os.path.basename(f.path), f.line, f.column): f for f in result.findings}
    verdicts = Counter(labels[k]["verdict"] for k in current if k in labels)
    new = sorted(k for k in current if k not in labels)
    gone = sorted(k for k in labels if k not in current)
    right = verdicts["RIGHT"] + verdicts["RIGHT-routine"]
    judged = right + verdicts["WRONG"] + verdicts["unclear"]
    print(f"{len(current)} findings in {len(result.files)} articles; {judged} judged, {len(new)} not")
    print(f"  RIGHT {verdicts['RIGHT']}, RIGHT-routine {verdicts['RIGHT-routine']}, "
          f"WRONG {verdicts['WRONG']}, unclear {verdicts['unclear']}")
    if judged:
        print(f"  precision {right}/{judged} = {right / judged:.3f} (unclear counted wrong), "
              f"{right}/{judged - verdicts['unclear']} = "
              f"{right / max(1, judged - verdicts['unclear']):.3f} without them")
    wrong_tags = Counter(labels[k]["tag"] for k in current if labels.get(k, {}).get("verdict") == "WRONG")
    if wrong_tags:
        print("  wrong by tag: " + ", ".join(f"{t} {n}" for t, n in wrong_tags.most_common()))
    gone_by = Counter(labels[k]["verdict"] for k in gone)
    print(f"judged findings no longer reported: {len(gone)} "
          f"({', '.join(f'{v} {n}' for v, n in sorted(gone_by.items()))})")
    for what in args.show:
        keys = {"new": new, "gone": gone,
                "wrong": sorted(k for k in current if labels.get(k, {}).get("verdict") == "WRONG")}[what]
        for k in keys:
            f = current.get(k)
            label = labels.get(k, {})
            print(f"{what:5} {k[0]}:{k[1]}:{k[2]}  {label.get('verdict', '')} {label.get('tag', '')}"
                  f"  {f.message if f else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
