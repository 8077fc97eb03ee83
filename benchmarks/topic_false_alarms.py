"""False alarms of the off-topic rule on clean articles: findings per paragraph after the lead.

For each folder (default: the three held-out sets under benchmarks/heldout), the articles that
its labels.jsonl gives no off-topic label are clean; every off-topic finding in them is a false
alarm. Prints, per folder and in total, the findings over the paragraphs after the headline and
the first paragraph (non-empty lines that are not Markdown headings), the figure the off-topic
issue budgets at 1%.

    python benchmarks/topic_false_alarms.py [FOLDER ...] [--show]
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HELDOUT = ("figures", "figures-2", "off-topic")


def clean_files(folder: str) -> list[str]:
    labelled = set()
    path = os.path.join(folder, "labels.jsonl")
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            labelled = {d["file"] for d in map(json.loads, filter(str.strip, f))
                        if d["category"] == "off-topic"}
    out = []
    for top, _, names in os.walk(folder):
        for name in names:
            rel = os.path.relpath(os.path.join(top, name), folder)
            if name.endswith((".txt", ".md")) and name != "README.md" and rel not in labelled:
                out.append(os.path.join(folder, rel))
    return sorted(out)


def paragraphs_after_lead(path: str) -> int:
    with open(path, encoding="utf-8") as f:
        body = [l for l in f if l.strip() and not l.lstrip().startswith("#")]
    heading = 0 if path.endswith(".md") else 1  # a .md headline is a '#' line, already left out
    return max(0, len(body) - heading - 1)


def main(argv: list[str]) -> int:
    show = "--show" in argv
    folders = [a for a in argv if a != "--show"] or [
        os.path.join(ROOT, "benchmarks", "heldout", h) for h in HELDOUT]
    total_f = total_p = 0
    for folder in folders:
        files = clean_files(folder)
        if not files:
            print(f"{folder}: no clean articles")
            continue
        r = subprocess.run([sys.executable, "-m", "lint", "--format", "json", "--select", "off-topic",
                            *files], capture_output=True, text=True, cwd=ROOT)
        if r.returncode not in (0, 1):
            sys.exit(f"newslint failed ({r.returncode}): {r.stderr.strip()}")
        found = json.loads(r.stdout)
        paragraphs = sum(map(paragraphs_after_lead, files))
        total_f, total_p = total_f + len(found), total_p + paragraphs
        print(f"{os.path.relpath(folder, ROOT)}: {len(files)} clean articles, {len(found)} of "
              f"{paragraphs} paragraphs after the lead flagged = {len(found) / max(1, paragraphs):.2%}")
        if show:
            for f in found:
                print(f"  FALSE {os.path.relpath(f['path'], ROOT)}:{f['line']} {f['message'][:120]}")
    print(f"total: {total_f} of {total_p} = {total_f / max(1, total_p):.2%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
