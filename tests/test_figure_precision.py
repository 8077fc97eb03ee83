"""The unsourced-figure benchmark scripts: the label file is well-formed and they run."""
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


def test_floor_script_measures_a_folder_and_skips_an_empty_one(tmp_path):
    script = str(ROOT / "benchmarks" / "figure_floor.py")
    (tmp_path / "a.txt").write_text(
        "Exports climb\n\nExports rose to $12 billion this year, up more than 30% on last year.\n",
        encoding="utf-8")
    proc = subprocess.run([sys.executable, script, str(tmp_path)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "1 articles" in proc.stdout and "1 paragraphs with a figure" in proc.stdout
    assert "the rule taken apart" in proc.stdout and "the walk over the blocks" in proc.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    proc = subprocess.run([sys.executable, script, str(empty)], capture_output=True, text=True)
    assert proc.returncode == 0 and "nothing to measure" in proc.stdout
