"""newslint: a content-quality linter for news articles.

Plugins import what they need from here: ``hookimpl``, ``Rule``, ``Option``, ``Finding``, ``Fix``.
"""
from .hookspecs import hookimpl
from .rule import CATEGORIES, SEVERITIES, Finding, Fix, Option, Rule

__version__ = "0.1.0"
__all__ = ["hookimpl", "Rule", "Option", "Finding", "Fix", "CATEGORIES", "SEVERITIES", "__version__"]
