"""--fix and --diff: safe removals, written atomically, keeping encoding, BOM and line endings."""
import codecs
import os

import pytest

from _cli import BAD_ARTICLE, run, write
from lint import Fix
from lint.fix import fix_text, write_atomic

FIXED_ARTICLE = BAD_ARTICLE.replace("Harbour bridge reopens after repairs\n", "", 1).replace("-\n", "", 1)


@pytest.fixture
def desk(tmp_path):
    write(tmp_path / "newslint.toml", 'select = ["repeated-line", "bare-list-marker"]\n')
    return tmp_path


def test_fix_removes_flagged_lines_and_reports(desk):
    f = write(desk / "a.txt", BAD_ARTICLE)
    proc = run(["a.txt", "--fix"], desk)
    assert proc.returncode == 0 and proc.stdout == ""
    assert "Fixed 2 problems." in proc.stderr
    assert f.read_text() == FIXED_ARTICLE


def test_fix_is_idempotent(desk):
    f = write(desk / "a.txt", BAD_ARTICLE)
    run(["a.txt", "--fix"], desk)
    once = f.read_bytes()
    mtime = f.stat().st_mtime_ns
    proc = run(["a.txt", "--fix"], desk)
    assert proc.returncode == 0 and "Fixed" not in proc.stderr
    assert f.read_bytes() == once and f.stat().st_mtime_ns == mtime  # not even rewritten


def test_fix_leaves_unfixable_findings_in_the_output(desk):
    write(desk / "newslint.toml", 'select = ["repeated-line", "bare-list-marker"]\n'
                                  '[severity]\nrepeated-line = "error"\n')
    f = write(desk / "a.txt", BAD_ARTICLE)
    proc = run(["a.txt", "--fix", "--format", "json"], desk)
    assert proc.returncode == 0 and proc.stdout.strip() == "[]"
    assert f.read_text() == FIXED_ARTICLE


@pytest.mark.parametrize("encoding, bom, newline", [
    ("utf-8", b"", "\r\n"),
    ("utf-8", codecs.BOM_UTF8, "\n"),
    ("utf-16-le", codecs.BOM_UTF16_LE, "\r\n"),
    ("cp1251", b"", "\r\n"),
    ("cp1254", b"", "\r"),
])
def test_fix_keeps_encoding_bom_and_line_endings(desk, encoding, bom, newline):
    text = ("Городской совет утвердил бюджет\nГородской совет утвердил бюджет\n\n"
            "Совет утвердил бюджет во вторник, сообщила мэрия.\n")
    if encoding == "cp1254":
        text = ("Belediye meclisi bütçeyi onayladı\nBelediye meclisi bütçeyi onayladı\n\n"
                "Meclis bütçeyi salı günü onayladı, belediye açıkladı.\n")
    raw = bom + text.replace("\n", newline).encode(encoding)
    f = write(desk / "a.txt", raw)
    assert run(["a.txt", "--fix"], desk).returncode == 0
    lines = text.split("\n")
    expected = "\n".join(lines[:1] + lines[2:])
    assert f.read_bytes() == bom + expected.replace("\n", newline).encode(encoding)


def test_fix_keeps_file_mode(desk):
    f = write(desk / "a.txt", BAD_ARTICLE)
    f.chmod(0o640)
    run(["a.txt", "--fix"], desk)
    assert f.stat().st_mode & 0o777 == 0o640


def test_html_fix_removes_the_element_not_the_text_around_it(desk):
    src = ("<html><body>\n"
           "<h1>Title</h1>\n"
           "<h1>Title</h1>\n"
           "<p>Keep <b>me</b>.</p><p>Keep <b>me</b>.</p>\n"
           "<p>Last words.</p>\n"
           "</body></html>\n")
    f = write(desk / "a.html", src)
    assert run(["a.html", "--fix"], desk).returncode == 0
    assert f.read_text() == ("<html><body>\n"
                             "<h1>Title</h1>\n"
                             "<p>Keep <b>me</b>.</p>\n"
                             "<p>Last words.</p>\n"
                             "</body></html>\n")


def test_diff_shows_the_fix_and_writes_nothing(desk):
    f = write(desk / "a.txt", BAD_ARTICLE)
    proc = run(["a.txt", "--diff"], desk)
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[:2] == ["--- a/a.txt", "+++ b/a.txt"]
    assert "-Harbour bridge reopens after repairs" in proc.stdout and "\n--\n" in proc.stdout
    assert f.read_text() == BAD_ARTICLE
    assert not [p for p in os.listdir(desk) if p.startswith(".newslint-")]


def test_fix_never_touches_a_file_it_could_not_read(desk):
    raw = b"Title\nTitle\n\x00\x00binary"
    f = write(desk / "a.txt", raw)
    before = f.stat().st_mtime_ns
    proc = run(["a.txt", "--fix"], desk)
    assert proc.returncode == 2 and "a.txt: error: binary" in proc.stderr
    assert f.read_bytes() == raw and f.stat().st_mtime_ns == before


def test_fix_skips_a_file_that_became_unreadable_after_linting(tmp_path, monkeypatch):
    """If the file is not decodable when the fix is about to be written, it is left alone."""
    from lint import fix as fixmod

    f = write(tmp_path / "a.txt", BAD_ARTICLE)

    class Res:  # the shape apply_fixes reads from a run result
        path, error = str(f), None
        findings = []

    from lint.rule import Finding
    Res.findings = [Finding(str(f), 2, 1, 2, 10, "repeated-line", "formatting", "warning", "m", Fix(2, 2))]

    class Run:
        files = [Res]

    f.write_bytes(b"\x00\x00 now binary")
    left, fixed, _, errors = fixmod.apply_fixes(Run, None, write=True, max_size=10_000)
    assert fixed == 0 and f.read_bytes() == b"\x00\x00 now binary"
    assert errors and "not fixed" in errors[0][1] and len(left) == 1


def test_fix_does_not_write_stdin(desk):
    proc = run(["-", "--stdin-filename", "a.txt", "--fix"], desk, input=BAD_ARTICLE)
    assert not (desk / "a.txt").exists()
    assert proc.returncode == 1  # nothing was fixed, so the findings stand


def test_write_atomic_leaves_the_original_when_the_write_fails(tmp_path, monkeypatch):
    f = write(tmp_path / "a.txt", "original\n")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        write_atomic(str(f), b"new\n")
    assert f.read_text() == "original\n"
    assert os.listdir(tmp_path) == ["a.txt"]  # no temporary file left behind


def test_fix_text_line_and_element_cuts():
    assert fix_text("a\nb\nc\nd", [Fix(2, 3)]) == ("a\nd", 1)
    assert fix_text("a\nb\nc", [Fix(2, 2), Fix(2, 2)]) == ("a\nc", 1)  # the same fix twice
    html = "<p>x</p><p>y</p>\n<div>\n<p>z</p>\n</div>"
    # element on one line, and an element spanning lines; emptied lines go too
    assert fix_text(html, [Fix(1, 1, 9, 17), Fix(2, 4, 1, 7)]) == ("<p>x</p>", 2)


def test_fix_text_replacements():
    """A replacement fix repairs a span (e.g. mojibake); a removal on the same line wins."""
    assert fix_text("CafÃ© opens\nnext", [Fix(1, 1, 4, 6, replacement="é")]) == ("Café opens\nnext", 1)
    assert fix_text("CafÃ©\nx", [Fix(1, 1, 4, 6, replacement="é"), Fix(1, 1)]) == ("x", 1)
