"""Finding files, reading them into articles, running the rules, in parallel when it pays."""
from __future__ import annotations

import os
import stat
import sys
import time
import traceback
from dataclasses import dataclass, field

from . import suppression
from .config import Config
from .decoding import Decoded, InputError, decode
from .model import Article
from .readers import format_for, read_blocks
from .rule import CATEGORIES, Finding, Rule

STDIN = "-"


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    internal_error: bool = False
    summaries: dict = field(default_factory=dict)  # rule id -> collect() summary
    directives: list = field(default_factory=list)  # kept only when the file has any
    timings: dict = field(default_factory=dict)


@dataclass
class RunResult:
    files: list[FileResult]
    findings: list[Finding]
    errors: list[tuple[str, str]]
    internal_error: bool
    timings: dict
    files_linted: int
    bytes_read: int = 0


# -- discovery ---------------------------------------------------------------------------------

def discover(paths: list[str], config: Config) -> tuple[list[str], list[tuple[str, str]]]:
    """(files to lint in a stable order, [(path, error)]). Explicit files are linted whatever
    their extension; folders are walked for known extensions, skipping hidden folders."""
    files: list[str] = []
    errors: list[tuple[str, str]] = []
    seen = set()
    for p in paths:
        if p == STDIN:
            files.append(p)
            continue
        try:
            st = os.stat(p)
        except FileNotFoundError:
            errors.append((p, "no such file or folder"))
            continue
        except OSError as e:
            errors.append((p, f"cannot access: {e.strerror}"))
            continue
        if stat.S_ISDIR(st.st_mode):
            for root, dirs, names in os.walk(p, onerror=lambda e: errors.append((e.filename, f"cannot list folder: {e.strerror}"))):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and not config.is_excluded(os.path.join(root, d)))
                for name in sorted(names):
                    full = os.path.join(root, name)
                    if name.startswith(".") or format_for(name) is None or config.is_excluded(full):
                        continue
                    if full not in seen:
                        seen.add(full)
                        files.append(full)
        elif p not in seen:
            if config.is_excluded(p):  # named explicitly (as pre-commit does): still excluded
                continue
            seen.add(p)
            files.append(p)
    return files, errors


# -- reading -----------------------------------------------------------------------------------

def read_bytes(path: str, max_size: int) -> bytes:
    try:
        size = os.path.getsize(path)
        if size > max_size:
            raise InputError(f"file is {size:,} bytes, over the {max_size:,}-byte limit (max-file-size)")
        with open(path, "rb") as f:
            return f.read(max_size + 1)
    except FileNotFoundError:
        raise InputError("no such file") from None
    except IsADirectoryError:
        raise InputError("is a folder") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as e:
        raise InputError(f"cannot read: {e.strerror or e}") from None


def build_article(path: str, decoded: Decoded, config: Config, fmt: str | None = None) -> Article:
    fmt = fmt or format_for(path) or "text"
    blocks, meta = read_blocks(fmt, path, decoded.text)
    return Article(path, decoded.text, fmt, blocks, meta, language_setting=config.language,
                   encoding=decoded.encoding, newline=decoded.newline, bom=decoded.bom)


# -- linting one file (runs in workers) ----------------------------------------------------------

class Linter:
    """Everything needed to lint one file; built once per process."""

    def __init__(self, config: Config, rules: dict[str, type[Rule]], selected: list[str], pm,
                 timings: bool = False, stdin_data: bytes | None = None, stdin_name: str | None = None):
        self.config = config
        self.available = rules
        # a severity override names a rule or, failing that, its category
        self.rules = [rules[r](config.rules.get(r), config.severity.get(r) or config.severity.get(rules[r].category))
                      for r in selected]
        self.selected = set(selected)
        self.pm = pm
        self.timings = timings
        self.stdin_data = stdin_data
        self.stdin_name = stdin_name
        self.learning = True  # folder-level rules collect summaries (off for a single file)

    def lint_path(self, path: str) -> FileResult:
        shown = self.stdin_name or "<stdin>" if path == STDIN else path
        result = FileResult(shown)
        try:
            if path == STDIN:
                data = self.stdin_data or b""
                if len(data) > self.config.max_file_size:
                    raise InputError(f"input is {len(data):,} bytes, over the {self.config.max_file_size:,}-byte limit")
            else:
                data = read_bytes(path, self.config.max_file_size)
            decoded = decode(data)
        except InputError as e:
            result.error = str(e)
            return result
        return self.lint_decoded(shown, decoded, result)

    def lint_decoded(self, shown: str, decoded: Decoded, result: FileResult | None = None) -> FileResult:
        """Lint text already read and decoded (also used by --fix to re-check a fixed text)."""
        result = result or FileResult(shown)
        fmt = format_for(shown) or "text"
        try:
            article = build_article(shown, decoded, self.config, fmt)
        except Exception as e:  # a reader bug must not end the run
            result.error = f"cannot parse as {fmt}: {type(e).__name__}: {e}"
            result.internal_error = True
            return result
        self.pm.hook.article_loaded(article=article)
        ignored = set(self.config.ignored_for(shown))
        for rule in self.rules:
            if rule.id in ignored or rule.category in ignored:
                continue
            t0 = time.perf_counter() if self.timings else 0.0
            try:
                result.findings.extend(rule.check(article))
                if rule.collect is not None and self.learning:
                    result.summaries[rule.id] = rule.collect(article)
            except Exception as e:
                result.internal_error = True
                where = traceback.extract_tb(e.__traceback__)[-1]
                result.findings.append(Finding(
                    shown, 1, 1, 1, 1, "internal-error", "internal", "error",
                    f"rule '{rule.id}' failed: {type(e).__name__}: {e} "
                    f"({os.path.basename(where.filename)}:{where.lineno})"))
            if self.timings:
                result.timings[rule.id] = result.timings.get(rule.id, 0.0) + time.perf_counter() - t0
        result.directives = suppression.parse(article.source, article.format)
        if not result.summaries and not result.directives:
            result.findings = self.finish(result, [])
        return result

    def finish(self, result: FileResult, extra: list[Finding]) -> list[Finding]:
        """Apply suppression comments to a file's findings (including folder-level ones)."""
        findings = result.findings + extra
        if result.directives:
            findings = suppression.apply(
                findings, result.directives,
                self.selected | {self.available[r].category for r in self.selected},
                set(self.available), set(CATEGORIES),
                lambda d, msg: Finding(result.path, d.line, d.column, d.line, d.end_column,
                                       "unused-suppression", "formatting",
                                       self.config.severity.get("unused-suppression", "warning"), msg))
            if "unused-suppression" not in self.selected:
                findings = [f for f in findings if f.rule != "unused-suppression"]
        findings.sort(key=Finding.sort_key)
        return findings


_WORKER: Linter | None = None


def _work(path: str) -> FileResult:
    return _WORKER.lint_path(path)


def run(paths: list[str], linter: Linter, jobs: int = 1) -> RunResult:
    global _WORKER
    files, errors = discover(paths, linter.config)
    # nothing recurs across a single article: skip folder-level learning (and its cost)
    linter.learning = len(files) > 1
    results: list[FileResult]
    if jobs > 1 and len(files) >= 2 * jobs and STDIN not in files:
        import multiprocessing

        for rule in linter.rules:
            rule.warm_up()  # load once here; the forked workers share it copy-on-write
        _WORKER = linter  # inherited by forked workers
        ctx = multiprocessing.get_context("fork")
        chunk = max(1, min(64, len(files) // (jobs * 8)))
        with ctx.Pool(jobs) as pool:
            results = list(pool.imap(_work, files, chunksize=chunk))
        _WORKER = None
    else:
        results = [linter.lint_path(f) for f in files]

    # folder-level rules learn from every file's summary, in file order, then conclude
    learners = [r for r in linter.rules if r.learn is not None and linter.learning]
    extra: dict[str, list[Finding]] = {}
    for rule in learners:
        for res in results:
            if rule.id in res.summaries:
                rule.learn(res.path, res.summaries[rule.id])
        for f in rule.conclude():
            extra.setdefault(f.path, []).append(f)
    findings: list[Finding] = []
    timings: dict[str, float] = {}
    for res in results:
        if res.summaries or res.directives:
            res.findings = linter.finish(res, extra.get(res.path, []))
            res.summaries = {}
        findings.extend(res.findings)
        if res.error:
            errors.append((res.path, res.error))
        for k, v in res.timings.items():
            timings[k] = timings.get(k, 0.0) + v
    internal = any(r.internal_error for r in results)
    return RunResult(results, findings, errors, internal, timings,
                     sum(1 for r in results if not r.error))


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
