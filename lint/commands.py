"""The subcommands: ``rules``, ``explain`` and ``eval``."""
from __future__ import annotations

import argparse
import sys
import textwrap

from .config import ConfigError
from .plugins import PluginError


def _rules_or_exit(config_path=None):
    from .cli import _err, load_settings

    try:
        _, _, rules = load_settings(config_path, ["."])
        return rules
    except (ConfigError, PluginError) as e:
        _err(str(e))
        sys.exit(2)


def rules(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="newslint rules", description="List every available rule.")
    p.add_argument("--config")
    p.add_argument("--format", choices=("text", "json"), default="text")
    args = p.parse_args(argv)
    available = _rules_or_exit(args.config)
    if args.format == "json":
        import json

        print(json.dumps([{"id": c.id, "category": c.category, "severity": c.severity,
                           "summary": c.summary, "fixable": c.fixable,
                           "options": {k: {"type": o.type.__name__, "default": o.default, "help": o.help}
                                       for k, o in c.options.items()}}
                          for c in available.values()], indent=1, ensure_ascii=False))
        return 0
    width = max((len(r) for r in available), default=10)
    for cls in sorted(available.values(), key=lambda c: (c.category, c.id)):
        fix = " [fix]" if cls.fixable else ""
        print(f"{cls.id:<{width}}  {cls.category:<16} {cls.severity:<7} {cls.summary}{fix}")
    return 0


def explain(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="newslint explain", description="Explain one rule.")
    p.add_argument("rule")
    p.add_argument("--config")
    args = p.parse_args(argv)
    available = _rules_or_exit(args.config)
    cls = available.get(args.rule)
    if cls is None:
        from .cli import _err

        _err(f"unknown rule '{args.rule}' (see `newslint rules`)")
        return 2
    print(f"{cls.id}  ({cls.category}, default severity {cls.severity}{', safe fix' if cls.fixable else ''})")
    print()
    print(cls.summary)
    if cls.explanation:
        print()
        print(textwrap.dedent(cls.explanation).strip())
    if cls.options:
        print()
        print("Options (set them in [tool.newslint.rules.%s]):" % cls.id)
        for name, opt in cls.options.items():
            print(f"  {name} ({opt.type.__name__}, default {opt.default!r}): {opt.help}")
    return 0


def eval(argv: list[str]) -> int:  # noqa: A001 - the subcommand's name
    from .evaluate import eval_command

    return eval_command(argv)
