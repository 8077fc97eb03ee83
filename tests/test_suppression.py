"""Suppression comments in Markdown, HTML and plain text, and the report of unused ones."""
import pytest

from _cli import run_json, write
from lint.suppression import parse

SELECT = 'select = ["repeated-line", "bare-list-marker", "unused-suppression"]\n'


@pytest.fixture
def desk(tmp_path):
    write(tmp_path / "newslint.toml", SELECT)
    return tmp_path


def lint(desk, name, text):
    write(desk / name, text)
    proc, found = run_json([name], desk)
    return proc.returncode, [(f["line"], f["rule"], f["message"]) for f in found]


def test_markdown_disable_next_line(desk):
    code, found = lint(desk, "a.md", "Title\n<!-- newslint-disable-next-line repeated-line -->\nTitle\n")
    assert (code, found) == (0, [])


def test_markdown_next_line_skips_blank_lines(desk):
    _, found = lint(desk, "a.md", "Title\n\n<!-- newslint-disable-next-line repeated-line -->\n\nTitle\n")
    assert found == []


def test_markdown_disable_next_line_covers_only_that_line(desk):
    src = ("Title\n<!-- newslint-disable-next-line repeated-line -->\nTitle\nTitle\n")
    _, found = lint(desk, "a.md", src)
    assert found == [(4, "repeated-line", "repeats line 3 verbatim")]


def test_markdown_disable_enable_range_by_id_and_by_category(desk):
    src = ("Title\n"
           "<!-- newslint-disable repeated-line, bare-list-marker -->\n"
           "Title\n"
           "\n"
           "-\n"
           "<!-- newslint-enable -->\n"
           "Item\n"
           "Item\n"
           "<!-- newslint-disable formatting -->\n"
           "-\n")
    code, found = lint(desk, "a.md", src)
    assert (code, found) == (1, [(8, "repeated-line", "repeats line 7 verbatim")])


def test_disable_without_ids_silences_every_rule(desk):
    _, found = lint(desk, "a.md", "<!-- newslint-disable -->\nTitle\nTitle\n-\n")
    assert found == []


def test_html_comments(desk):
    src = ("<h1>Title</h1>\n"
           "<!-- newslint-disable-next-line repeated-line -->\n"
           "<h1>Title</h1>\n"
           "<h1>Title</h1>\n")
    _, found = lint(desk, "a.html", src)
    assert found == [(4, "repeated-line", "repeats line 3 verbatim")]


def test_plain_text_directive_line(desk):
    src = "Title\nnewslint: disable-next-line repeated-line\nTitle\n-\nMore text here.\n"
    _, found = lint(desk, "a.txt", src)
    assert found == [(4, "bare-list-marker", "list marker '-' alone on a line")]


def test_plain_text_directive_must_stand_alone_on_its_line(desk):
    src = "Title\nWe quote newslint: disable-next-line repeated-line here.\nTitle\n"
    _, found = lint(desk, "a.txt", src)
    assert [f[1] for f in found] == []  # the quoted line separates the two titles; no directive
    assert parse("We quote newslint: disable-next-line x here.", "text") == []


def test_html_style_comment_in_plain_text_is_not_a_directive():
    assert parse("<!-- newslint-disable-next-line x -->\n", "text") == []
    assert len(parse("<!-- newslint-disable-next-line x -->\n", "markdown")) == 1


def test_unused_suppression_is_reported(desk):
    src = "Title\n<!-- newslint-disable-next-line repeated-line -->\nA different line\n"
    code, found = lint(desk, "a.md", src)
    assert code == 1
    assert found == [(2, "unused-suppression", "suppression of 'repeated-line' suppresses nothing")]


def test_suppression_naming_an_unknown_rule_is_reported(desk):
    src = "Title\n<!-- newslint-disable-next-line repeated-lines -->\nTitle\n"
    _, found = lint(desk, "a.md", src)
    assert (2, "unused-suppression", "suppression names unknown rule 'repeated-lines'") in found
    assert (3, "repeated-line", "repeats line 1 verbatim") in found


def test_partly_used_suppression_reports_the_unused_id(desk):
    src = "Title\n<!-- newslint-disable-next-line repeated-line, bare-list-marker -->\nTitle\n"
    _, found = lint(desk, "a.md", src)
    assert found == [(2, "unused-suppression", "suppression of 'bare-list-marker' suppresses nothing")]


def test_suppressing_a_rule_that_is_not_selected_is_not_unused(desk):
    """A suppression for a rule this run does not select cannot be judged, so it is not reported."""
    write(desk / "newslint.toml", 'select = ["bare-list-marker", "unused-suppression"]\n')
    src = "Title\n<!-- newslint-disable-next-line repeated-line -->\nTitle\n"
    _, found = lint(desk, "a.md", src)
    assert found == []


def test_unused_suppression_report_can_be_switched_off(desk):
    write(desk / "newslint.toml", 'select = ["repeated-line"]\n')
    _, found = lint(desk, "a.md", "Title\n<!-- newslint-disable-next-line repeated-line -->\nOther\n")
    assert found == []


def test_unused_suppression_column_points_at_the_comment(desk):
    src = "Title\n  <!-- newslint-disable-next-line bare-list-marker -->\nOther\n"
    write(desk / "a.md", src)
    _, found = run_json(["a.md"], desk)
    assert [(f["line"], f["column"], f["end_column"]) for f in found] == [(2, 3, 3 + len(src.split("\n")[1].strip()))]
