"""The check on suppression comments themselves; the engine reports under this rule's id."""
from lint import Rule, hookimpl


class UnusedSuppression(Rule):
    id = "unused-suppression"
    category = "formatting"
    severity = "warning"
    summary = "A newslint-disable comment that suppresses nothing, or names an unknown rule"
    explanation = """
    A suppression comment that no longer matches a finding hides nothing but may hide the next
    real problem on that line; one naming an unknown rule is usually a typo.

    Bad:
        <!-- newslint-disable-next-line boilerplate-phrase -->
        The council approved the budget on Tuesday.

    Good:
        <!-- newslint-disable-next-line boilerplate-phrase -->
        Advertisement
    """


@hookimpl
def register_rules(register):
    register(UnusedSuppression)
