"""The plugin path end to end: built-in rules and a third-party package arrive the same way.

``tests/plugin_example/`` is a real, installable third-party plugin (one entry point, one module,
one rule, plus the ``article_loaded`` hook). It is loaded three ways: named in config
(``plugins = [...]``), through an entry point registered by package metadata, and installed with
pip into a temporary virtual environment.
"""
import importlib.metadata
import json
import os
import re
import subprocess
import sys
import sysconfig
import textwrap

import pytest

from _cli import ROOT, plugin, run, run_json, write
from lint.plugins import PluginError, collect_rules, make_manager

EXAMPLE = ROOT / "tests" / "plugin_example"
RULE = "example-shouting-headline"
SHOUTING = "Council finally approves the budget!\n\nThe council approved the budget on Tuesday.\n"


def _with_path(*folders):
    return {"PYTHONPATH": os.pathsep.join(map(str, folders))}


def test_builtin_rule_modules_are_entry_points_of_the_newslint_group():
    eps = {ep.value for ep in importlib.metadata.entry_points(group="newslint")}
    assert {"rules.formatting", "rules.suppression"} <= eps
    pm = make_manager()
    assert any(name.startswith("formatting") or name == "formatting" for name, _ in pm.list_name_plugin())
    assert {"repeated-line", "bare-list-marker", "unused-suppression"} <= set(collect_rules(pm))


def test_plugin_named_in_config(tmp_path):
    write(tmp_path / "newslint.toml", f'plugins = ["newslint_example"]\nselect = ["{RULE}"]\n')
    write(tmp_path / "a.txt", SHOUTING)
    proc, found = run_json(["a.txt"], tmp_path, env=_with_path(EXAMPLE))
    assert proc.returncode == 1, proc.stderr
    assert [(f["rule"], f["category"], f["severity"], f["line"], f["column"], f["end_column"])
            for f in found] == [(RULE, "readability", "info", 1, 36, 37)]
    assert "headlines state" in found[0]["message"]


def test_plugin_options_come_from_config(tmp_path):
    write(tmp_path / "newslint.toml", f'plugins = ["newslint_example"]\nselect = ["{RULE}"]\n'
                                      f'[rules.{RULE}]\nmarks = "?"\n')
    write(tmp_path / "a.txt", SHOUTING)
    assert run_json(["a.txt"], tmp_path, env=_with_path(EXAMPLE))[1] == []


def _fake_distribution(site):
    """Package metadata as pip would leave it, without running pip: a dist-info folder."""
    info = site / "newslint_example_plugin-0.1.0.dist-info"
    write(info / "METADATA", "Metadata-Version: 2.1\nName: newslint-example-plugin\nVersion: 0.1.0\n")
    write(info / "entry_points.txt", "[newslint]\nexample = newslint_example\n")


def test_plugin_registered_through_an_entry_point(tmp_path):
    site = tmp_path / "site"
    _fake_distribution(site)
    write(tmp_path / "work" / "a.md", "# " + SHOUTING)
    env = _with_path(site, EXAMPLE)
    listing = run(["rules"], tmp_path / "work", env=env)
    assert re.search(rf"^{RULE}\s+readability\s+info", listing.stdout, re.M), listing.stderr
    explained = run(["explain", RULE], tmp_path / "work", env=env).stdout
    assert "Bad:" in explained and "marks (str, default '!')" in explained
    _, found = run_json(["a.md", "--select", RULE], tmp_path / "work", env=env)
    assert [(f["line"], f["column"]) for f in found] == [(1, 38)]
    # the article_loaded hook ran before the rule (the rule checks for its annotation)


def test_plugin_installed_with_pip_into_a_temporary_venv(tmp_path):
    """Slow (a few seconds): a real `pip install` of tests/plugin_example into a fresh venv that
    sees newslint from this checkout; then `python -m lint` there finds and runs the rule."""
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    # newslint and its dependencies come from this checkout's environment, not from an index
    write(tmp_path / purelib / "newslint_checkout.pth",
          f"{sysconfig.get_paths()['purelib']}\n{ROOT}\n")
    build = tmp_path / "src"
    subprocess.run(["cp", "-r", str(EXAMPLE), str(build)], check=True)  # keep build files out of tests/
    # pip builds the wheel in an isolated environment (it fetches setuptools from the index)
    pip = subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--no-deps",
                          "--quiet", "--disable-pip-version-check", str(build)],
                         capture_output=True, text=True, timeout=600)
    if pip.returncode and "no such option: --python" in pip.stderr:
        pytest.skip("this pip cannot install into another interpreter (needs pip >= 22.3)")
    if pip.returncode and re.search(r"No matching distribution|Could not find a version|"
                                    r"Failed to establish|Network is unreachable", pip.stderr):
        pytest.skip("no package index reachable to build the example plugin: " + pip.stderr[-200:])
    assert pip.returncode == 0, pip.stderr
    work = tmp_path / "work"
    write(work / "a.txt", SHOUTING)
    shown = subprocess.run([str(py), "-c", textwrap.dedent("""
        import importlib.metadata as m, json
        d = m.distribution("newslint-example-plugin")
        print(json.dumps([d.version, [e.value for e in d.entry_points if e.group == "newslint"]]))
        """)], capture_output=True, text=True, cwd=work)
    assert json.loads(shown.stdout) == ["0.1.0", ["newslint_example"]], shown.stderr
    proc = subprocess.run([str(py), "-m", "lint", "a.txt", "--format", "json", "--select", RULE],
                          capture_output=True, text=True, cwd=work)
    assert proc.returncode == 1, proc.stderr
    assert [f["rule"] for f in json.loads(proc.stdout)] == [RULE]
    # and the project's own environment never saw it
    with pytest.raises(importlib.metadata.PackageNotFoundError):
        importlib.metadata.distribution("newslint-example-plugin")


# -- broken plugins are configuration errors ---------------------------------------------------

@pytest.mark.parametrize("body, needle", [
    ("register(object)", "which is not a Rule subclass"),
    ("register(type('R', (Rule,), dict(id='Bad_Id', category='formatting', summary='s')))",
     "rule id 'Bad_Id' is not kebab-case"),
    ("register(type('R', (Rule,), dict(id='x-rule', category='spelling', summary='s')))",
     "unknown category 'spelling'"),
    ("register(type('R', (Rule,), dict(id='x-rule', category='formatting', severity='fatal', summary='s')))",
     "unknown severity 'fatal'"),
    ("register(type('R', (Rule,), dict(id='x-rule', category='formatting')))", "has no summary"),
    ("register(type('R', (Rule,), dict(id='repeated-line', category='formatting', summary='s')))",
     "rule id 'repeated-line' is registered twice"),
])
def test_broken_plugin_is_a_clear_error(tmp_path, body, needle):
    name = plugin(tmp_path, f"from lint import Rule, hookimpl\n\n@hookimpl\ndef register_rules(register):\n    {body}\n")
    write(tmp_path / "newslint.toml", f'plugins = ["{name}"]\n')
    write(tmp_path / "a.txt", SHOUTING)
    proc = run(["a.txt"], tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert needle in proc.stderr


def test_plugin_that_fails_to_import(tmp_path):
    name = plugin(tmp_path, "raise ImportError('missing dependency foo')\n")
    write(tmp_path / "newslint.toml", f'plugins = ["{name}"]\n')
    write(tmp_path / "a.txt", SHOUTING)
    proc = run(["a.txt"], tmp_path)
    assert proc.returncode == 2 and f"plugin '{name}' cannot be imported: missing dependency foo" in proc.stderr


def test_make_manager_rejects_nothing_silently():
    with pytest.raises(PluginError):
        make_manager(("no_such_plugin_module_abc",))



