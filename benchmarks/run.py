#!/usr/bin/env python3
"""newslint speed benchmark.

Builds folders of many articles by repeating the corpus (``corpus/``; when it holds fewer than
20 articles, the real pages in ``../shared/bench/boilerplate/articles``), then measures, each as
a whole process, the way a desk or CI pays for it:

* a whole ``newslint FOLDER`` run with ``--jobs 1`` and with all cores: wall and CPU seconds,
  articles/s, MB/s, the peak resident memory of the largest process (getrusage of children),
  and the number of problems found;
* ``newslint one-article.txt`` (what every commit pays through the pre-commit hook): median of
  10 runs, beside a bare ``python -c pass`` for scale;
* the time spent in each rule (``newslint --timings``, serial run on the smallest folder);
* peers: ``proselint`` when installed (``pip install proselint``: for the benchmark only, it is
  not a newslint dependency), and any ``--peer 'NAME=COMMAND {dir}'``, on the same folder, with
  the ratio of their time to newslint's.

Usage:
    python benchmarks/run.py            # 2,000 files
    python benchmarks/run.py --quick    # 200 files
    python benchmarks/run.py --full     # 2,000 and 20,000 files (takes several minutes)
    python benchmarks/run.py --sizes 500,5000 --json results.json

The folders are built under benchmarks/_work/ (git-ignored) and reused while the sources are
unchanged. Folder-level rules see every article many times over; that is part of the load.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "_work"
SHARED = ROOT.parent / "shared" / "bench" / "boilerplate" / "articles"
EXTS = {".txt", ".md", ".markdown", ".html", ".htm"}
PER_FOLDER = 500

# Runs a command and reports its wall time, CPU time and peak RSS (of the largest process among
# it and its waited-for descendants) as JSON: a fresh wrapper per run, so peaks do not mix.
_WRAPPER = r"""
import json, resource, subprocess, sys, time
out = open(sys.argv[1], "wb")
t = time.perf_counter()
p = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.PIPE, cwd=None)
wall = time.perf_counter() - t
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": r.ru_utime + r.ru_stime, "maxrss_kb": r.ru_maxrss,
                  "rc": p.returncode, "stderr": p.stderr.decode("utf-8", "replace")[-50000:]}))
"""


def find_tool(name: str) -> list[str] | None:
    here = Path(sys.executable).parent
    for cand in (here / name, shutil.which(name)):
        if cand and Path(cand).exists():
            return [str(cand)]
    return None


def newslint_cmd() -> list[str]:
    return find_tool("newslint") or [sys.executable, "-m", "lint"]


def source_articles() -> tuple[list[Path], str]:
    files = sorted(p for p in (ROOT / "corpus").rglob("*") if p.is_file() and p.suffix.lower() in EXTS)
    if len(files) >= 20:
        return files, "corpus/"
    if SHARED.is_dir():
        return sorted(p for p in SHARED.iterdir() if p.suffix.lower() in EXTS), "../shared/bench/boilerplate/articles"
    if files:
        return files, "corpus/"
    sys.exit("benchmark: no articles in corpus/ nor in ../shared/bench/boilerplate/articles")


def build_folder(n: int, sources: list[Path]) -> tuple[Path, int]:
    """A folder of ``n`` articles (repeating ``sources``), in sub-folders of 500; reused when
    the sources have not changed. Returns (folder, total bytes)."""
    sig = hashlib.sha256()
    for p in sources:
        st = p.stat()
        sig.update(f"{p}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    signature = f"{n}:{sig.hexdigest()}"
    dest = WORK / f"n{n}"
    stamp = dest / ".signature"
    if stamp.exists() and stamp.read_text() == signature:
        return dest, int((dest / ".bytes").read_text())
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    data = [(p.name, p.read_bytes()) for p in sources]
    total = 0
    for i in range(n):
        name, raw = data[i % len(data)]
        sub = dest / f"{i // PER_FOLDER:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:06d}-{name}").write_bytes(raw)
        total += len(raw)
    (dest / ".bytes").write_text(str(total))
    stamp.write_text(signature)  # hidden files are not linted
    return dest, total


def measure(cmd: list[str], cwd: Path | None = None) -> dict:
    out = WORK / ".stdout"
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, str(out), *cmd], cwd=cwd,
                          capture_output=True, text=True)
    if proc.returncode:
        raise RuntimeError(f"benchmark wrapper failed: {proc.stderr[-2000:]}")
    res = json.loads(proc.stdout)
    res["stdout_path"] = out
    return res


def problems_found(res: dict) -> int | None:
    """The count from newslint's summary line ('Found N problems ...'), 0 when silent."""
    with open(res["stdout_path"], "rb") as f:
        try:
            f.seek(-400, os.SEEK_END)
        except OSError:
            f.seek(0)
        tail = f.read().decode("utf-8", "replace")
    m = re.search(r"Found (\d+) problems?", tail)
    return int(m.group(1)) if m else (0 if res["rc"] == 0 else None)


def parse_timings(stderr: str) -> list[tuple[str, float, str, float]]:
    rows = []
    for line in stderr.splitlines():
        m = re.match(r"^(\S+)\s+([\d.]+)\s+([\d.]+%)\s+([\d.]+)$", line.strip())
        if m:
            rows.append((m.group(1), float(m.group(2)), m.group(3), float(m.group(4))))
    return rows


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def table(headers: list[str], rows: list[list]) -> str:
    cells = [[str(c) for c in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in cells)) if cells else len(h) for i, h in enumerate(headers)]
    line = lambda r: "| " + " | ".join(c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))) + " |"
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(headers), sep, *(line(r) for r in cells)])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="200 files (and 2,000 with --full)")
    ap.add_argument("--full", action="store_true", help="add the 20,000-file folder (2,000 with --quick)")
    ap.add_argument("--sizes", help="comma-separated folder sizes, instead of the above")
    ap.add_argument("--runs", type=int, default=10, help="runs of `newslint one-article.txt` (median)")
    ap.add_argument("--peer", action="append", default=[], metavar="NAME=COMMAND",
                    help="another linter to time on the same folder; '{dir}' stands for the folder")
    ap.add_argument("--no-peers", action="store_true", help="skip proselint and --peer commands")
    ap.add_argument("--json", help="also write the measurements to this file")
    args = ap.parse_args(argv)

    if args.sizes:
        sizes = [int(s) for s in args.sizes.split(",")]
    else:
        base = 200 if args.quick else 2000
        sizes = [base, base * 10] if args.full else [base]
    sources, origin = source_articles()
    WORK.mkdir(parents=True, exist_ok=True)
    nl = newslint_cmd()
    ncores = cores()
    load_start = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"newslint benchmark: {len(sources)} source articles from {origin}, {ncores} cores, "
          f"Python {sys.version.split()[0]}, command: {' '.join(nl)}", flush=True)

    peers = []
    if not args.no_peers:
        pl = find_tool("proselint")
        if pl:
            peers.append(("proselint", pl + ["check", "{dir}"]))
        else:
            print("proselint is not installed: `pip install proselint` to compare (benchmark only)")
        for spec in args.peer:
            name, _, cmd = spec.partition("=")
            peers.append((name.strip(), cmd.split()))

    results: dict = {"sources": origin, "source_articles": len(sources), "cores": ncores, "folders": []}
    rows = []
    timings_stderr = None
    for n in sizes:
        folder, size = build_folder(n, sources)
        mb = size / 1e6
        entry = {"files": n, "bytes": size, "runs": []}
        for jobs in (1, 0):
            if jobs == 0 and ncores == 1:
                continue
            label = "1" if jobs == 1 else f"all ({ncores})"
            print(f"  newslint, {n:,} files, --jobs {label} ...", flush=True)
            extra = ["--timings"] if (jobs == 1 and timings_stderr is None) else []
            res = measure([*nl, str(folder), "--jobs", str(jobs), *extra])
            if extra:
                timings_stderr = res["stderr"]
            found = problems_found(res)
            rows.append([f"newslint --jobs {label}", f"{n:,}", f"{mb:.1f}", f"{res['wall']:.2f}",
                         f"{res['cpu']:.2f}", f"{n / res['wall']:.0f}", f"{mb / res['wall']:.2f}",
                         f"{res['maxrss_kb'] / 1024:.0f}", "" if found is None else f"{found:,}", res["rc"]])
            entry["runs"].append({"tool": "newslint", "jobs": jobs or ncores, "wall": res["wall"],
                                  "cpu": res["cpu"], "maxrss_kb": res["maxrss_kb"], "problems": found,
                                  "exit": res["rc"]})
        nl_wall = min(r["wall"] for r in entry["runs"])
        for name, cmd in peers:
            print(f"  {name}, {n:,} files ...", flush=True)
            res = measure([c.replace("{dir}", str(folder)) for c in cmd])
            ratio = res["wall"] / nl_wall
            rows.append([name, f"{n:,}", f"{mb:.1f}", f"{res['wall']:.2f}", f"{res['cpu']:.2f}",
                         f"{n / res['wall']:.0f}", f"{mb / res['wall']:.2f}",
                         f"{res['maxrss_kb'] / 1024:.0f}", f"{ratio:.2f}x newslint's time", res["rc"]])
            entry["runs"].append({"tool": name, "wall": res["wall"], "cpu": res["cpu"],
                                  "maxrss_kb": res["maxrss_kb"], "ratio_to_newslint": ratio, "exit": res["rc"]})
        results["folders"].append(entry)

    # one article, the way the pre-commit hook runs it
    one_dir = WORK / "one"
    one_dir.mkdir(exist_ok=True)
    txts = sorted((p for p in sources if p.suffix == ".txt"), key=lambda p: p.stat().st_size) or sources
    pick = txts[len(txts) // 2]
    one = one_dir / ("one-article" + pick.suffix)
    one.write_bytes(pick.read_bytes())
    print(f"  newslint {one.name} x {args.runs} ...", flush=True)
    measure([*nl, one.name], cwd=one_dir)  # warm the file cache
    walls = [measure([*nl, one.name], cwd=one_dir)["wall"] for _ in range(args.runs)]
    bare = [measure([sys.executable, "-c", "pass"])["wall"] for _ in range(args.runs)]
    results["one_article"] = {"source": str(pick.relative_to(ROOT.parent) if ROOT.parent in pick.parents else pick),
                              "bytes": one.stat().st_size, "median": statistics.median(walls),
                              "min": min(walls), "max": max(walls), "python_startup": statistics.median(bare)}

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print()
    print(f"Load average now {load:.1f} on {ncores} cores (was {load_start:.1f} at the start): wall times "
          "above the CPU times mean the machine was busy with other work.")
    print(table(["run", "files", "MB", "wall s", "CPU s", "articles/s", "MB/s", "peak RSS MB",
                 "problems / ratio", "exit"], rows))
    o = results["one_article"]
    print()
    print(table(["single article (whole process)", "bytes", "median ms", "min ms", "max ms"], [
        [f"newslint {one.name}", f"{o['bytes']:,}", f"{o['median'] * 1000:.0f}",
         f"{o['min'] * 1000:.0f}", f"{o['max'] * 1000:.0f}"],
        ["python -c pass (for scale)", "", f"{o['python_startup'] * 1000:.0f}", "", ""],
    ]))
    timing_rows = parse_timings(timings_stderr or "")
    results["rule_timings"] = [{"rule": r, "seconds": s, "share": sh, "ms_per_article": ms}
                               for r, s, sh, ms in timing_rows]
    if timing_rows:
        print()
        print(f"Time per rule (serial run on {sizes[0]:,} files, `newslint --timings`):")
        print(table(["rule", "seconds", "share", "ms/article"],
                    [[r, f"{s:.3f}", sh, f"{ms:.3f}"] for r, s, sh, ms in timing_rows]))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
