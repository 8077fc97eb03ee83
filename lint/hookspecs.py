"""The hooks a newslint plugin can implement."""
import pluggy

hookspec = pluggy.HookspecMarker("newslint")
hookimpl = pluggy.HookimplMarker("newslint")


@hookspec
def register_rules(register):
    """Register rule classes by calling ``register(RuleClass)`` once for each."""


@hookspec
def article_loaded(article):
    """Inspect or annotate an article after it is read and before any rule runs."""
