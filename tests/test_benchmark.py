"""The benchmark script keeps working (its pieces, on tiny inputs; nothing is timed here)."""
import importlib.util
import subprocess
import sys

from _cli import ROOT, write

_spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def test_help_runs():
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--help"],
                          capture_output=True, text=True)
    assert proc.returncode == 0 and "--quick" in proc.stdout and "--full" in proc.stdout


def test_build_folder_repeats_sources_and_is_reused(tmp_path, monkeypatch):
    monkeypatch.setattr(bench, "WORK", tmp_path / "work")
    a = write(tmp_path / "src" / "a.txt", "Alpha\n")
    b = write(tmp_path / "src" / "b.md", "# Beta\n")
    folder, size = bench.build_folder(5, [a, b])
    files = sorted(p.name for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    assert files == ["000000-a.txt", "000001-b.md", "000002-a.txt", "000003-b.md", "000004-a.txt"]
    assert size == 3 * len("Alpha\n") + 2 * len("# Beta\n")
    stamp = (folder / ".signature").stat().st_mtime_ns
    assert bench.build_folder(5, [a, b]) == (folder, size)
    assert (folder / ".signature").stat().st_mtime_ns == stamp  # reused, not rebuilt


def test_parse_timings_reads_the_cli_table():
    stderr = ("rule                               seconds  share  ms/article\n"
              "glued-words                          1.390   9.6%  3.279\n"
              "repeated-line                        0.003   0.0%  0.007\n")
    assert bench.parse_timings(stderr) == [("glued-words", 1.39, "9.6%", 3.279),
                                           ("repeated-line", 0.003, "0.0%", 0.007)]


def test_table_aligns_columns():
    out = bench.table(["run", "files"], [["newslint", "2,000"], ["proselint", "20"]]).splitlines()
    assert out[0] == "| run       | files |"
    assert out[2] == "| newslint  | 2,000 |"
    assert len({len(line) for line in out}) == 1
