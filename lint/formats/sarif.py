"""SARIF 2.1.0: one run, the rules as tool.driver.rules, one result per finding."""
from __future__ import annotations

import json
import os
from urllib.parse import quote

from .. import __version__

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(path: str) -> str:
    rel = path if not os.path.isabs(path) else os.path.relpath(path)
    return quote(rel.replace(os.sep, "/"))


def render_sarif(findings, rules, errors=()) -> str:
    rule_ids = sorted({f.rule for f in findings} | set(rules))
    index = {rid: i for i, rid in enumerate(rule_ids)}
    descriptors = []
    for rid in rule_ids:
        cls = rules.get(rid)
        d = {"id": rid, "name": "".join(w.capitalize() for w in rid.split("-"))}
        if cls is not None:
            d["shortDescription"] = {"text": cls.summary}
            if cls.explanation:
                d["fullDescription"] = {"text": cls.explanation.strip()}
                d["help"] = {"text": cls.explanation.strip()}
            d["defaultConfiguration"] = {"level": _LEVEL[cls.severity]}
            d["properties"] = {"category": cls.category, "tags": [cls.category]}
        else:
            d["shortDescription"] = {"text": rid}
        descriptors.append(d)
    results = []
    for f in findings:
        results.append({
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": _LEVEL.get(f.severity, "warning"),
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": _uri(f.path)},
                "region": {"startLine": f.line, "startColumn": f.column,
                           "endLine": max(f.end_line, f.line),
                           "endColumn": max(f.end_column, f.column if f.end_line > f.line else f.column + 1)},
            }}],
            "properties": {"category": f.category},
        })
    notifications = [{"level": "error", "message": {"text": cause},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(path)}}}]}
                     for path, cause in errors]
    run = {
        "tool": {"driver": {"name": "newslint", "version": __version__,
                            "informationUri": "https://pypi.org/project/newslint/",
                            "rules": descriptors}},
        "results": results,
        "invocations": [{"executionSuccessful": not errors,
                         "toolExecutionNotifications": notifications}],
        "columnKind": "unicodeCodePoints",
    }
    return json.dumps({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=1) + "\n"
