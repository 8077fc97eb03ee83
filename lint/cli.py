"""The command line: ``newslint [PATH...]``, ``newslint rules``, ``newslint explain ID``,
``newslint eval``."""
from __future__ import annotations

import argparse
import os
import sys

from . import __version__
from .config import Config, ConfigError, find_config, load_config
from .formats import NAMES as FORMAT_NAMES
from .plugins import PluginError, load
from .rule import SEVERITIES

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
SUBCOMMANDS = ("rules", "explain", "eval")


def _lint_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="newslint",
        description="Lint news articles (.txt, .md, .html) for site chrome, filler, unsourced "
                    "figures and more. Other commands: `newslint rules`, `newslint explain ID`, "
                    "`newslint eval --labels FILE DIR`.",
    )
    p.add_argument("paths", nargs="*", help="files or folders to lint; '-' reads standard input")
    p.add_argument("--format", choices=FORMAT_NAMES, default="text", help="output format")
    p.add_argument("--config", help="config file (default: the nearest newslint.toml or "
                                    "pyproject.toml with [tool.newslint])")
    p.add_argument("--select", help="comma-separated rule ids or categories to run (replaces config)")
    p.add_argument("--extend-select", help="comma-separated rule ids or categories to add")
    p.add_argument("--ignore", help="comma-separated rule ids or categories to skip (adds to config)")
    p.add_argument("--language", help="article language: 'auto' or an ISO 639-1 code")
    p.add_argument("--fail-on", choices=SEVERITIES, help="lowest severity that makes the exit code 1")
    p.add_argument("--jobs", "-j", type=int, default=0, help="parallel processes (default: all cores)")
    p.add_argument("--fix", action="store_true", help="remove lines that rules with a safe fix flagged")
    p.add_argument("--diff", action="store_true", help="with or without --fix: show the fixes as a diff, write nothing")
    p.add_argument("--stdin-filename", help="the name to report for '-' (its extension picks the format)")
    p.add_argument("--timings", action="store_true", help="print the time spent in each rule to stderr")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    p.add_argument("--version", action="version", version=f"newslint {__version__}")
    return p


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _err(msg: str) -> None:
    print(f"newslint: error: {msg}", file=sys.stderr)


def load_settings(config_path: str | None, paths: list[str]):
    """(config, plugin manager, rules); raises ConfigError or PluginError."""
    if config_path is None:
        first = next((p for p in paths if p != "-"), ".")
        if not os.path.exists(first):  # a --stdin-filename that is not on disk: its folder
            first = os.path.dirname(first) if os.path.isdir(os.path.dirname(first) or ".") else "."
        config_path = find_config(first or ".")
    elif not os.path.isfile(config_path):
        raise ConfigError(f"{config_path}: config file not found")
    config = load_config(config_path)
    pm, rules = load(tuple(config.plugins))
    return config, pm, rules


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv and argv[0] in SUBCOMMANDS:
            from . import commands

            return getattr(commands, argv[0])(argv[1:])
        args = _lint_parser().parse_args(argv)
        return lint_command(args)
    except BrokenPipeError:
        # the reader went away (`newslint ... | head`): stop quietly, as other Unix tools do;
        # stdout goes to devnull so the interpreter's final flush cannot fail again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE, what the shell reports for a tool stopped this way


def lint_command(args) -> int:
    from .runner import Linter, default_jobs, run

    paths = args.paths or ["."]
    try:
        # standard input named by --stdin-filename finds its config where that file would be
        config, pm, rules = load_settings(args.config, [
            args.stdin_filename if p == "-" and args.stdin_filename else p for p in paths])
        if args.select is not None:
            config.select = _split(args.select)
        config.extend_select += _split(args.extend_select)
        config.ignore += _split(args.ignore)
        if args.language:
            config.language = args.language
        if args.fail_on:
            config.fail_on = args.fail_on
        config.validate(rules)
    except (ConfigError, PluginError) as e:
        _err(str(e))
        return EXIT_ERROR
    if args.jobs < 0:
        _err("--jobs must be 0 (all cores) or more")
        return EXIT_ERROR
    stdin_data = sys.stdin.buffer.read() if "-" in paths else None
    selected = config.selected(rules)
    linter = Linter(config, rules, selected, pm, timings=args.timings, stdin_data=stdin_data,
                    stdin_name=args.stdin_filename)
    result = run(paths, linter, jobs=args.jobs or default_jobs())

    findings = result.findings
    fixed = 0
    if args.fix or args.diff:
        from .fix import apply_fixes

        linter.learning = False  # re-checks of fixed texts are per file
        findings, fixed, diff_text, fix_errors = apply_fixes(result, linter, write=not args.diff,
                                                             max_size=config.max_file_size)
        result.errors.extend(fix_errors)
        if args.diff and diff_text:
            sys.stdout.write(diff_text)
    out = sys.stdout
    if not args.diff:
        sources = {}
        if args.format == "text":
            sources = _sources_for(findings, stdin_data, args.stdin_filename, config.max_file_size)
        color = args.color == "always" or (args.color == "auto" and out.isatty()
                                           and not os.environ.get("NO_COLOR"))
        from .formats import render

        out.write(render(args.format, findings, rules, color=color, sources=sources,
                         errors=result.errors))
    for path, cause in result.errors:
        print(f"{path}: error: {cause}", file=sys.stderr)
    if fixed and not args.diff:
        print(f"Fixed {fixed} problem{'s' if fixed != 1 else ''}.", file=sys.stderr)
    if args.timings:
        _print_timings(result)
    if result.errors or result.internal_error:
        return EXIT_ERROR
    threshold = SEVERITIES.index(config.fail_on)
    if args.diff:
        return EXIT_FINDINGS if fixed else EXIT_OK
    if any(SEVERITIES.index(f.severity) >= threshold for f in findings):
        return EXIT_FINDINGS
    return EXIT_OK


def _sources_for(findings, stdin_data, stdin_name, max_size) -> dict[str, list[str]]:
    from .decoding import InputError, decode
    from .runner import read_bytes

    sources = {}
    for path in dict.fromkeys(f.path for f in findings):
        try:
            data = stdin_data if (stdin_data is not None and path in (stdin_name, "<stdin>")) else read_bytes(path, max_size)
            sources[path] = decode(data).text.split("\n")
        except (InputError, OSError):
            continue
    return sources


def _print_timings(result) -> None:
    total = sum(result.timings.values()) or 1e-9
    print(f"{'rule':32} {'seconds':>9} {'share':>6}  ms/article", file=sys.stderr)
    n = max(1, result.files_linted)
    for rule, t in sorted(result.timings.items(), key=lambda kv: -kv[1]):
        print(f"{rule:32} {t:9.3f} {t / total:6.1%}  {1000 * t / n:.3f}", file=sys.stderr)
