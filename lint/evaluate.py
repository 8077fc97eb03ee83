"""``newslint eval``: precision and recall of the rules against labelled articles."""
from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field


@dataclass
class Label:
    file: str
    category: str
    start: int
    end: int
    kind: str  # 'must' or 'may'


@dataclass
class Score:
    spans: int = 0  # must spans
    hits: int = 0  # must spans hit by at least one finding
    findings: int = 0
    in_must: int = 0
    in_may: int = 0
    false_alarms: int = 0
    misses: list = field(default_factory=list)  # (file, start, end)
    alarms: list = field(default_factory=list)  # (file, line, rule, message)

    @property
    def recall(self) -> float:
        return self.hits / self.spans if self.spans else 0.0

    @property
    def precision(self) -> float:
        counted = self.in_must + self.false_alarms
        return self.in_must / counted if counted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_json(self) -> dict:
        return {"spans": self.spans, "hits": self.hits, "recall": round(self.recall, 4),
                "findings": self.findings, "in_must": self.in_must, "in_may": self.in_may,
                "false_alarms": self.false_alarms, "precision": round(self.precision, 4),
                "f1": round(self.f1, 4)}


class LabelError(Exception):
    pass


def read_labels(paths: list[str]) -> list[Label]:
    """Labels from JSONL files, or from every *.jsonl file in a folder."""
    files: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            files.extend(os.path.join(p, n) for n in sorted(os.listdir(p)) if n.endswith(".jsonl"))
        elif os.path.isfile(p):
            files.append(p)
        else:
            raise LabelError(f"{p}: labels file not found")
    labels = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    o = json.loads(line)
                    lab = Label(str(o["file"]), str(o["category"]), int(o["start"]),
                                int(o.get("end", o["start"])), str(o.get("kind", "must")))
                except (ValueError, KeyError, TypeError) as e:
                    raise LabelError(f"{f}:{n}: bad label ({type(e).__name__}: {e})") from None
                if lab.kind not in ("must", "may") or lab.end < lab.start:
                    raise LabelError(f"{f}:{n}: bad label (kind must be must/may, end >= start)")
                labels.append(lab)
    return labels


def _key(path: str, root: str, by_basename: bool) -> str:
    if by_basename:
        return os.path.basename(path)
    return os.path.relpath(path, root).replace(os.sep, "/")


def score(findings, labels: list[Label], root: str):
    """({category: Score}, {rule: Score}, unscored {category: count})."""
    by_basename = not any("/" in lab.file for lab in labels)
    spans: dict[tuple[str, str], list[Label]] = {}
    for lab in labels:
        spans.setdefault((lab.file, lab.category), []).append(lab)
    labelled_categories = {lab.category for lab in labels}
    cats: dict[str, Score] = {c: Score() for c in sorted(labelled_categories)}
    rules: dict[str, Score] = {}
    rule_category: dict[str, str] = {}
    unscored: dict[str, int] = {}
    hit_by_cat: set[int] = set()
    hit_by_rule: dict[str, set[int]] = {}
    for f in findings:
        if f.category not in labelled_categories:
            unscored[f.category] = unscored.get(f.category, 0) + 1
            continue
        key = _key(f.path, root, by_basename)
        rule_category[f.rule] = f.category
        cs, rs = cats[f.category], rules.setdefault(f.rule, Score())
        cs.findings += 1
        rs.findings += 1
        inside = [lab for lab in spans.get((key, f.category), ()) if lab.start <= f.line <= lab.end]
        must = [lab for lab in inside if lab.kind == "must"]
        if must:
            cs.in_must += 1
            rs.in_must += 1
            for lab in must:
                hit_by_cat.add(id(lab))
                hit_by_rule.setdefault(f.rule, set()).add(id(lab))
        elif inside:
            cs.in_may += 1
            rs.in_may += 1
        else:
            cs.false_alarms += 1
            rs.false_alarms += 1
            alarm = (key, f.line, f.rule, f.message)
            cs.alarms.append(alarm)
            rs.alarms.append(alarm)
    for lab in labels:
        if lab.kind != "must":
            continue
        cs = cats[lab.category]
        cs.spans += 1
        if id(lab) in hit_by_cat:
            cs.hits += 1
        else:
            cs.misses.append((lab.file, lab.start, lab.end))
    for rule, rs in rules.items():
        cat = rule_category[rule]
        rs.spans = cats[cat].spans
        rs.hits = len(hit_by_rule.get(rule, ()))
    return cats, dict(sorted(rules.items())), unscored


def _row(name: str, s: Score, width: int) -> str:
    return (f"{name:<{width}} {s.spans:>6} {s.hits:>6} {s.recall:>7.3f} {s.findings:>8} "
            f"{s.in_may:>6} {s.false_alarms:>7} {s.precision:>9.3f} {s.f1:>6.3f}")


def _thresholds(values: list[str], what: str) -> dict[str, float]:
    out = {}
    for v in values:
        cat, sep, num = v.partition("=")
        try:
            out[cat] = float(num)
        except ValueError:
            raise SystemExit(f"newslint eval: error: --{what} expects CATEGORY=NUMBER, got '{v}'")
        if not sep:
            raise SystemExit(f"newslint eval: error: --{what} expects CATEGORY=NUMBER, got '{v}'")
    return out


def eval_command(argv: list[str]) -> int:
    from .cli import _err, _split, load_settings
    from .config import ConfigError
    from .plugins import PluginError
    from .runner import Linter, default_jobs, run

    p = argparse.ArgumentParser(prog="newslint eval",
                                description="Score the rules against labelled articles.")
    p.add_argument("folder", help="the folder of labelled articles")
    p.add_argument("--labels", action="append", required=True,
                   help="a labels .jsonl file, or a folder of them (repeatable)")
    p.add_argument("--show-errors", action="store_true", help="list every miss and false alarm")
    p.add_argument("--min-f1", action="append", default=[], metavar="CATEGORY=X")
    p.add_argument("--min-precision", action="append", default=[], metavar="CATEGORY=X")
    p.add_argument("--min-recall", action="append", default=[], metavar="CATEGORY=X")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--select")
    p.add_argument("--ignore")
    p.add_argument("--config")
    p.add_argument("--jobs", "-j", type=int, default=0)
    args = p.parse_args(argv)
    mins = {"f1": _thresholds(args.min_f1, "min-f1"),
            "precision": _thresholds(args.min_precision, "min-precision"),
            "recall": _thresholds(args.min_recall, "min-recall")}
    try:
        labels = read_labels(args.labels)
        config, pm, rules = load_settings(args.config, [args.folder])
        if args.select:
            config.select = _split(args.select)
        config.ignore += _split(args.ignore)
        config.validate(rules)
    except (LabelError, ConfigError, PluginError) as e:
        _err(str(e))
        return 2
    if not os.path.isdir(args.folder):
        _err(f"{args.folder}: not a folder")
        return 2
    selected = config.selected(rules)
    if args.select or args.ignore:
        # score only what was selected: the other categories' labels would all read as misses
        active = {rules[r].category for r in selected}
        labels = [lab for lab in labels if lab.category in active]
    linter = Linter(config, rules, selected, pm)
    result = run([args.folder], linter, jobs=args.jobs or default_jobs())
    for path, cause in result.errors:
        print(f"{path}: error: {cause}", file=sys.stderr)
    cats, per_rule, unscored = score(result.findings, labels, args.folder)

    failed = []
    for what, table in mins.items():
        for cat, floor in table.items():
            s = cats.get(cat)
            value = getattr(s, what) if s else 0.0
            if value < floor:
                failed.append(f"{cat} {what} {value:.3f} < {floor}")

    if args.format == "json":
        print(json.dumps({
            "files": result.files_linted,
            "categories": {c: s.as_json() for c, s in cats.items()},
            "rules": {r: s.as_json() for r, s in per_rule.items()},
            "not_scored": unscored,
            "misses": {c: s.misses for c, s in cats.items()},
            "false_alarms": {c: [list(a) for a in s.alarms] for c, s in cats.items()},
            "failed": failed,
        }, indent=1, ensure_ascii=False))
    else:
        width = max([len(x) for x in (*cats, *per_rule)] + [16])
        head = (f"{'category':<{width}} {'spans':>6} {'hits':>6} {'recall':>7} {'findings':>8} "
                f"{'in-may':>6} {'false':>7} {'precision':>9} {'F1':>6}")
        print(f"{result.files_linted} files, {len(labels)} labels")
        print(head)
        for c, s in cats.items():
            print(_row(c, s, width))
        print()
        print(head.replace("category", "rule    ", 1))
        for r, s in per_rule.items():
            print(_row(r, s, width))
        if per_rule:
            print("(a rule's spans are its category's: its recall is the share of them it alone hits)")
        if unscored:
            print("not scored (no labels of that category): " +
                  ", ".join(f"{c} {n}" for c, n in sorted(unscored.items())))
        if args.show_errors:
            for c, s in cats.items():
                for file, start, end in s.misses:
                    span = f"{start}" if start == end else f"{start}-{end}"
                    print(f"MISS  {c:<18} {file}:{span}")
                for file, line, rule, message in s.alarms:
                    print(f"FALSE {c:<18} {file}:{line} {rule}: {message}")
        for f in failed:
            print(f"BELOW FLOOR: {f}")
    if result.errors or result.internal_error:
        return 2
    return 1 if failed else 0
