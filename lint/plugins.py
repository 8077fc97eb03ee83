"""The plugin manager: built-in and third-party rules arrive through the same entry points."""
from __future__ import annotations

import importlib
import sys

import pluggy

from . import hookspecs
from .rule import Rule

GROUP = "newslint"


class PluginError(Exception):
    pass


def make_manager(extra_modules: tuple[str, ...] = ()) -> pluggy.PluginManager:
    pm = pluggy.PluginManager(GROUP)
    pm.add_hookspecs(hookspecs)
    try:
        pm.load_setuptools_entrypoints(GROUP)
    except Exception as e:  # an installed plugin that fails to import names itself here
        raise PluginError(f"an installed newslint plugin cannot be loaded: {type(e).__name__}: {e}") from e
    if "." not in sys.path and "" not in sys.path:
        sys.path.insert(0, "")  # local plugins named in config are importable from the project
    for name in extra_modules:
        try:
            module = importlib.import_module(name)
        except Exception as e:  # a broken local plugin is a configuration error
            raise PluginError(f"plugin '{name}' cannot be imported: {e}") from e
        if not pm.is_registered(module):
            pm.register(module, name)
    return pm


def collect_rules(pm: pluggy.PluginManager) -> dict[str, type[Rule]]:
    """Every registered rule class by id, with definition errors raised as PluginError."""
    rules: dict[str, type[Rule]] = {}
    origins: dict[str, str] = {}

    for impl in pm.hook.register_rules.get_hookimpls():
        plugin_name = impl.plugin_name

        def register(cls, _plugin=plugin_name):
            if not (isinstance(cls, type) and issubclass(cls, Rule)):
                raise PluginError(f"plugin '{_plugin}' registered {cls!r}, which is not a Rule subclass")
            problems = cls.check_definition()
            if problems:
                raise PluginError(f"plugin '{_plugin}': " + "; ".join(problems))
            if cls.id in rules and rules[cls.id] is not cls:
                raise PluginError(f"rule id '{cls.id}' is registered twice ({origins[cls.id]} and {_plugin})")
            rules[cls.id] = cls
            origins[cls.id] = _plugin

        impl.function(register=register)
    return dict(sorted(rules.items()))


_cache: dict[tuple, tuple] = {}


def load(extra_modules: tuple[str, ...] = ()) -> tuple[pluggy.PluginManager, dict[str, type[Rule]]]:
    key = tuple(extra_modules)
    if key not in _cache:
        pm = make_manager(key)
        _cache[key] = (pm, collect_rules(pm))
    return _cache[key]
