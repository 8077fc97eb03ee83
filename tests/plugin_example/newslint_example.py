"""An example third-party newslint plugin: one rule, and the ``article_loaded`` hook."""
from lint import Option, Rule, hookimpl


class ShoutingHeadline(Rule):
    id = "example-shouting-headline"
    category = "readability"
    severity = "info"
    summary = "A headline that ends with an exclamation mark"
    explanation = """
    News headlines state; they do not shout. An exclamation mark at the end of a headline
    reads as advertising or as a tabloid.

    Bad:
        Council finally approves the budget!

    Good:
        Council approves the budget after four-hour debate
    """
    options = {"marks": Option(str, "!", "characters that count as shouting at the end")}

    def check(self, article):
        title = article.title
        if title is None or not article.annotations.get("example.loaded"):
            return
        if title.text.rstrip().endswith(tuple(self.settings["marks"])):
            yield self.block_finding(article, title, "headline ends with "
                                     f"'{title.text.rstrip()[-1]}': headlines state, they do not shout",
                                     start=len(title.text.rstrip()) - 1)


@hookimpl
def article_loaded(article):
    # runs before any rule: plugins may annotate the article for their rules
    article.annotations["example.loaded"] = True


@hookimpl
def register_rules(register):
    register(ShoutingHeadline)
