"""Configuration from ``[tool.newslint]`` in pyproject.toml or from newslint.toml."""
from __future__ import annotations

import fnmatch
import os
import re
import tomllib
from dataclasses import dataclass, field

from .rule import CATEGORIES, SEVERITIES, Rule


class ConfigError(Exception):
    pass


KEYS = {
    "select": list, "extend-select": list, "ignore": list, "severity": dict, "rules": dict,
    "per-file-ignores": dict, "exclude": list, "language": str, "fail-on": str, "plugins": list,
    "max-file-size": int,
}
DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024


@dataclass
class Config:
    select: list[str] = field(default_factory=lambda: ["ALL"])
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict] = field(default_factory=dict)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    language: str = "auto"
    fail_on: str = "info"
    plugins: list[str] = field(default_factory=list)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    path: str | None = None  # the file it came from
    root: str = "."  # the folder globs are relative to

    def validate(self, available: dict[str, type[Rule]]) -> None:
        """Raise ConfigError for the first unknown id, bad severity or bad option."""
        where = self.path or "configuration"

        def check_selector(key: str, value: str):
            if value == "ALL" or value in CATEGORIES or value in available:
                return
            raise ConfigError(f"{where}: '{key}' names unknown rule or category '{value}'"
                              f" (see `newslint rules`)")

        for key, values in (("select", self.select), ("extend-select", self.extend_select),
                            ("ignore", self.ignore)):
            for v in values:
                check_selector(key, v)
        for pattern, values in self.per_file_ignores.items():
            for v in values:
                check_selector(f"per-file-ignores.{pattern}", v)
        for rule_id, sev in self.severity.items():
            check_selector("severity", rule_id)
            if sev not in SEVERITIES:
                raise ConfigError(f"{where}: severity of '{rule_id}' must be one of "
                                  f"{', '.join(SEVERITIES)}, got '{sev}'")
        if not (self.language == "auto" or re.fullmatch(r"[a-z]{2,3}", self.language)):
            raise ConfigError(f"{where}: 'language' must be 'auto' or an ISO 639-1 code such as "
                              f"'en', got '{self.language}'")
        if self.fail_on not in SEVERITIES:
            raise ConfigError(f"{where}: 'fail-on' must be one of {', '.join(SEVERITIES)}, got '{self.fail_on}'")
        for rule_id, settings in self.rules.items():
            if rule_id not in available:
                raise ConfigError(f"{where}: [rules.{rule_id}] names an unknown rule")
            if not isinstance(settings, dict):
                raise ConfigError(f"{where}: [rules.{rule_id}] must be a table of options")
            try:
                available[rule_id](settings)
            except ValueError as e:
                raise ConfigError(f"{where}: [rules.{rule_id}] {e}") from None
        if self.max_file_size <= 0:
            raise ConfigError(f"{where}: 'max-file-size' must be a positive number of bytes")

    def selected(self, available: dict[str, type[Rule]]) -> list[str]:
        """Rule ids that are on, in id order."""
        def matches(rule_id: str, selectors: list[str]) -> bool:
            cls = available[rule_id]
            return any(s in ("ALL", rule_id, cls.category) for s in selectors)

        return [r for r in available
                if matches(r, self.select + self.extend_select) and not matches(r, self.ignore)]

    def ignored_for(self, path: str) -> list[str]:
        rel = _relative(path, self.root)
        out: list[str] = []
        for pattern, values in self.per_file_ignores.items():
            if _glob_match(rel, pattern):
                out.extend(values)
        return out

    def is_excluded(self, path: str) -> bool:
        rel = _relative(path, self.root)
        return any(_glob_match(rel, p) for p in self.exclude)


def _relative(path: str, root: str) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:
        rel = path
    return rel.replace(os.sep, "/")


def _glob_match(rel: str, pattern: str) -> bool:
    pattern = pattern.rstrip("/")
    if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(os.path.basename(rel), pattern):
        return True
    # a folder pattern excludes everything below it
    parts = rel.split("/")
    return any(fnmatch.fnmatch("/".join(parts[:i]), pattern) for i in range(1, len(parts)))


def find_config(start: str) -> str | None:
    """The nearest newslint.toml, or pyproject.toml with a [tool.newslint] table, upward."""
    d = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start) or ".")
    while True:
        cand = os.path.join(d, "newslint.toml")
        if os.path.isfile(cand):
            return cand
        cand = os.path.join(d, "pyproject.toml")
        if os.path.isfile(cand):
            try:
                with open(cand, "rb") as f:
                    if "newslint" in tomllib.load(f).get("tool", {}):
                        return cand
            except (OSError, tomllib.TOMLDecodeError):
                pass
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def load_config(path: str | None) -> Config:
    if path is None:
        return Config()
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as e:
        raise ConfigError(f"{path}: cannot read config: {e.strerror}") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: invalid TOML: {e}") from None
    if os.path.basename(path) == "pyproject.toml":
        data = data.get("tool", {}).get("newslint", {})
    elif "tool" in data and "newslint" in data.get("tool", {}):
        data = data["tool"]["newslint"]
    return from_dict(data, path)


def from_dict(data: dict, path: str | None = None) -> Config:
    where = path or "configuration"
    cfg = Config(path=path, root=os.path.dirname(os.path.abspath(path)) if path else ".")
    for key, value in data.items():
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key '{key}' (known: {', '.join(sorted(KEYS))})")
        want = KEYS[key]
        if not isinstance(value, want) or (want is int and isinstance(value, bool)):
            raise ConfigError(f"{where}: '{key}' must be a {want.__name__}, got {type(value).__name__}")
        if want is list and not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: '{key}' must be a list of strings")
        setattr(cfg, key.replace("-", "_"), value)
    for pattern, values in cfg.per_file_ignores.items():
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise ConfigError(f"{where}: per-file-ignores.'{pattern}' must be a list of rule ids")
    for rule_id, sev in cfg.severity.items():
        if not isinstance(sev, str):
            raise ConfigError(f"{where}: severity of '{rule_id}' must be a string")
    return cfg
