"""The unsourced-figure precision script: its label file is well-formed and it runs."""
import importlib.util
import subprocess
import sys

from _cli import ROOT

_spec = importlib.util.spec_from_file_location("figure_precision",
                                               ROOT / "benchmarks" / "figure_precision.py")
fp = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fp)


def test_every_label_has_a_known_verdict_and_wrong_ones_say_why():
    labels = fp.read_labels(fp.LABELS)
    assert labels
    for (name, line, col), row in labels.items():
        assert name.endswith(".txt") and line > 0 and col > 0
        assert row["verdict"] in ("RIGHT", "RIGHT-routine", "WRONG", "unclear")
        assert (row["verdict"] == "WRONG") == bool(row["tag"])


def test_script_runs_or_skips_without_the_shared_articles():
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "figure_precision.py")],
                          capture_output=True, text=True)
    assert proc.returncode == 0
    assert "precision" in proc.stdout or "nothing to measure" in proc.stdout
