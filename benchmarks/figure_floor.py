"""How close unsourced-figure runs to the cost of only reading the text it has to read.

The rule must read every word of a paragraph that holds a figure: the figure's unit comes after
it, its source may stand anywhere in its sentence or the sentences before. This prints, in ms
per 5 KB of article (the unit the issue budgets), the rule's steady-state time beside the cost
of the two passes no version of it can skip on the paragraphs where it finds a figure: splitting
them into tokens with the rule's tokenizer (one `re` split, no Python step per token) and into
sentences with the engine's splitter. Then it takes the rule apart, one stage after the other
(each replaced by its cheapest answer, so the figures found change: for cost only), to show
what each stage costs: finding figures and judging their sources, tokenizing, the number
screen, the search for figures written in words, the agency-credit look; what is left is the
walk over the blocks. Defaults to ../shared/bench/boilerplate/articles; skips when it is absent.

    python benchmarks/figure_floor.py [FOLDER]
"""
from __future__ import annotations

import glob
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT = os.path.join(ROOT, "..", "shared", "bench", "boilerplate", "articles")
RULE = "unsourced-figure"


def best_of(fn, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str]) -> int:
    folder = argv[0] if argv else DEFAULT
    files = sorted(glob.glob(os.path.join(folder, "*.txt")))
    if not files:
        print(f"no .txt articles in {folder}: nothing to measure")
        return 0
    sys.path.insert(0, ROOT)
    from lint.config import Config
    from lint.plugins import load
    from lint.runner import Linter
    from lint.sentences import split_sentences
    from rules.figures_data import tokenize
    from rules.figures_scan import Scanner

    config = Config(select=[RULE])
    pm, rules = load(())
    linter = Linter(config, rules, config.selected(rules), pm)
    rule = next(r for r in linter.rules if r.id == RULE)
    articles = []
    with_figure = []
    check, figures = rule.check, Scanner.figures
    rule.check = lambda article: (articles.append(article), check(article))[1]
    Scanner.figures = lambda self, text, *a, **k: (
        lambda found: (found and with_figure.append(text), found)[1])(figures(self, text, *a, **k))
    for f in files:
        linter.lint_path(f)  # (loads every lazy resource, and builds each article once)
    rule.check, Scanner.figures = check, figures

    kb = sum(len(a.source.encode("utf-8")) for a in articles) / 1024 / len(articles)
    per_5kb = 1000 * 5 / kb / len(articles)
    rows = [
        ("the rule, steady state", best_of(lambda: [list(check(a)) for a in articles])),
        ("tokenizing the paragraphs with a figure", best_of(lambda: [tokenize(t) for t in with_figure])),
        ("splitting them into sentences", best_of(lambda: [split_sentences(t) for t in with_figure])),
    ]
    print(f"{len(articles)} articles, {kb:.2f} KB on average, {len(with_figure)} paragraphs "
          f"with a figure; best of 5 passes")
    print(f"{'':45} {'ms per 5 KB':>12}")
    for name, t in rows:
        print(f"{name:45} {t * per_5kb:12.3f}")
    print()
    print(f"{'the rule taken apart: each stage costs':45} {'ms per 5 KB':>12}")
    for name, t in stages(check, articles):
        print(f"{name:45} {t * per_5kb:12.3f}")
    return 0


def stages(check, articles) -> list[tuple[str, float]]:
    """The time each stage of the rule takes: the drop in the rule's time when the stage, and
    every stage before it, answers at once (restored afterwards)."""
    import rules.figures_data as figures_data
    import rules.unsourced_figure as unsourced_figure
    from rules.figures_scan import Scanner

    class NoWords:
        def search(self, text):
            return None

    cuts = [  # (stage, object, attribute, its cheapest answer)
        ("finding figures and judging their sources", Scanner, "figures", lambda *a, **k: []),
        ("tokenizing the paragraphs screened in", figures_data, "tokenize", lambda text: []),
        ("the number screen (may_hold)", Scanner, "may_hold", lambda *a, **k: False),
        ("the search for figures written in words", figures_data.Data, "word_triggers_in",
         lambda self, text: NoWords()),
        ("the agency-credit look", unsourced_figure, "_article_credit", lambda *a: False),
    ]
    saved = [(obj, name, getattr(obj, name)) for _, obj, name, _ in cuts]
    out = []
    try:
        before = best_of(lambda: [list(check(a)) for a in articles])
        for stage, obj, name, cheap in cuts:
            setattr(obj, name, cheap)
            after = best_of(lambda: [list(check(a)) for a in articles])
            out.append((stage, before - after))
            before = after
        out.append(("the rest: the walk over the blocks", before))
    finally:
        for obj, name, original in saved:
            setattr(obj, name, original)
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
