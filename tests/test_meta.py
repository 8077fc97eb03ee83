"""Meta-tests: the plugin API is documented and tested, and every rule is complete."""
import inspect
import re

import pytest

from _cli import ROOT
from lint import CATEGORIES, SEVERITIES, hookspecs
from lint.plugins import load

HOOKS = sorted(name for name, fn in vars(hookspecs).items()
               if callable(fn) and hasattr(fn, "newslint_spec"))
RULES = load()[1]


def _readme_plugin_section() -> str:
    readme = ROOT / "README.md"
    if not readme.exists():
        pytest.skip("README.md is not written yet: the plugin section cannot be checked")
    text = readme.read_text(encoding="utf-8")
    heads = list(re.finditer(r"^(#{1,6})\s+(.*)$", text, re.M))
    for i, h in enumerate(heads):
        if "plugin" in h.group(2).lower():
            level = len(h.group(1))
            end = next((n.start() for n in heads[i + 1:] if len(n.group(1)) <= level), len(text))
            return text[h.start():end]
    pytest.fail("README.md has no section whose heading mentions plugins")


def test_there_are_hooks():
    assert "register_rules" in HOOKS and "article_loaded" in HOOKS


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_in_the_readme_plugin_section(hook):
    assert hook in _readme_plugin_section(), f"hook '{hook}' is not described in README.md"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_implemented_by_a_test_plugin(hook):
    sources = [p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py")]
    assert any(re.search(rf"^\s*def {hook}\(", s, re.M) for s in sources), \
        f"no test plugin implements the '{hook}' hook"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_docstring(hook):
    assert inspect.getdoc(getattr(hookspecs, hook))


def test_rules_are_registered():
    assert RULES, "no rules registered: is the package installed (pip install -e .)?"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_is_complete(rule_id):
    cls = RULES[rule_id]
    assert cls.id == rule_id and re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", cls.id)
    assert cls.category in CATEGORIES and cls.category != "internal"
    assert cls.severity in SEVERITIES
    assert cls.summary.strip(), f"{rule_id}: no summary"
    explanation = inspect.cleandoc(cls.explanation or "")
    for label in ("Bad", "Good"):  # "Bad:" or "Bad (in 40 of 200 files):"
        assert re.search(rf"^\s*{label}\b[^:\n]*:", explanation, re.M), \
            f"{rule_id}: explanation needs a '{label}:' example"
    for name, opt in cls.options.items():
        assert re.fullmatch(r"[a-z][a-z0-9_]*", name), f"{rule_id}: option {name!r} is not snake_case"
        assert opt.help, f"{rule_id}: option {name!r} has no help text"
        opt.validate(name, opt.default)  # the default has the declared type
    cls()  # builds with its defaults


@pytest.mark.parametrize("module", sorted({RULES[r].__module__ for r in RULES}))
def test_every_rule_module_has_a_test_module(module):
    short = module.rsplit(".", 1)[-1]
    assert (ROOT / "tests" / f"test_{short}.py").exists(), f"{module} has no tests/test_{short}.py"


def test_rule_ids_do_not_collide_with_other_categories():
    """A selector naming a category also names a rule of that id: harmless only when the rule
    belongs to that very category."""
    clashes = {r: RULES[r].category for r in set(RULES) & set(CATEGORIES) if RULES[r].category != r}
    assert clashes == {}


# Articles every rule must survive without raising: the edges real scrapes produce.
ODD_ARTICLES = {
    "empty.txt": "",
    "blank.txt": "  \n\n\t\n",
    "one-word.txt": "Breaking\n",
    "title-only.md": "# Headline with no story\n",
    "front-matter-only.md": "---\ntitle: Nothing else\nlanguage: en\n---\n",
    "no-text.html": "<html><head><title>x</title><script>var a = 1;</script></head><body></body></html>",
    "markers.txt": "-\n*\n•\n1.\n",
    "digits.txt": "2024\n\n100 %\n\n$5\n",
    "symbols.txt": "© ® ™ § ¶ † ‡ • … ‰ ′ ″\n",
    "cyrillic.txt": "Новости\n\nГородской совет утвердил бюджет.\n",
    "huge-paragraph.txt": "word " * 20000 + "\n",
    "long-word.txt": "x" * 5000 + "\n",
    "code-only.md": "```\nprint('hi')\n```\n",
}


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_every_rule_survives_odd_articles(rule_id):
    from lint.config import Config
    from lint.decoding import decode
    from lint.runner import build_article

    cls = RULES[rule_id]
    rule = cls()
    for name, text in ODD_ARTICLES.items():
        article = build_article(name, decode(text.encode("utf-8")), Config())
        try:
            findings = list(rule.check(article))
            if rule.collect is not None:
                summary = rule.collect(article)
                rule.learn(name, summary)
        except Exception as e:  # pragma: no cover - the message is the point
            pytest.fail(f"{rule_id} raised on {name}: {type(e).__name__}: {e}")
        for f in findings:
            assert f.rule == rule_id and f.line >= 1 and f.column >= 1, (name, f)
    if rule.conclude is not None:
        list(rule.conclude())


def test_no_rule_crashes_on_lines_of_symbols_numbers_and_fragments():
    """Section breaks, stray symbols, lone numbers and labels in every format: no internal error."""
    import random

    from lint.config import Config
    from lint.decoding import Decoded
    from lint.plugins import load
    from lint.runner import Linter

    config = Config()
    pm, rules = load(())
    linter = Linter(config, rules, config.selected(rules), pm)
    atoms = ["—", "*", "•", "|", ">", "»", "©", "@", "#", "$", "%", "1", "2024", "$5", "5%", "a",
             "I", "&amp;", "Текст:", "Source:", "...", "…", "(c)", "x@y.z", "_", "·", ":", "-",
             "½", "漢", "😀", "\u200b"]
    rnd = random.Random(20261122)
    for _ in range(150):
        lines = [" ".join(rnd.choice(atoms) for _ in range(rnd.randint(1, 6)))
                 for _ in range(rnd.randint(1, 6))]
        text = ("Council budget\n\nThe council approved the budget on Tuesday, the mayor said.\n\n"
                + "\n\n".join(lines) + "\n")
        html = "<html><body>" + "".join(f"<p>{l}</p>\n" for l in text.split("\n")) + "</body></html>"
        for name, body in (("a.txt", text), ("a.md", text), ("a.html", html)):
            result = linter.lint_decoded(name, Decoded(body, "utf-8", False, "\n"))
            crashed = [f.message for f in result.findings if f.rule == "internal-error"]
            assert not crashed and not result.error, (name, lines, crashed, result.error)
