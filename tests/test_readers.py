"""The readers: blocks, metadata and exact source positions for .txt, .md and .html."""
import textwrap

import pytest

from lint.config import Config
from lint.decoding import decode
from lint.readers import format_for, read_blocks
from lint.runner import build_article


def blocks_of(fmt, text):
    blocks, meta = read_blocks(fmt, "x", textwrap.dedent(text).lstrip("\n"))
    return [b for b in blocks if b.kind != "blank"], meta


def locate(block, word, source):
    """(line, column) of ``word`` in the block, checked against the source text itself."""
    i = block.text.index(word)
    line, col, end_line, end_col = block.span(i, i + len(word))
    lines = source.split("\n")
    assert lines[line - 1][col - 1:end_col - 1] == word or end_line != line
    return line, col


@pytest.mark.parametrize("name, fmt", [
    ("a.txt", "text"), ("a.TXT", "text"), ("a.md", "markdown"), ("a.markdown", "markdown"),
    ("a.html", "html"), ("a.htm", "html"), ("a.pdf", None), ("README", None),
])
def test_format_is_chosen_by_extension(name, fmt):
    assert format_for(name) == fmt


# -- plain text ------------------------------------------------------------------------------

HARD_WRAPPED = """\
City council approves new budget

The city council approved a new budget on Tuesday evening after a debate
that lasted more than four hours, with members split over the cost of a
new tram line that would link the northern suburbs to the centre.

The mayor said the vote was a turning point for the city and promised that
construction would begin next spring, once the last permits are signed by
the regional authority and the contracts have been put out to tender.

Opposition members said the plan was rushed and that residents had not been
consulted about the route.
"""


def test_text_hard_wrapped_paragraphs_are_joined_with_exact_positions():
    blocks, _ = blocks_of("text", HARD_WRAPPED)
    assert [(b.kind, b.line, b.end_line) for b in blocks] == [
        ("heading", 1, 1), ("paragraph", 3, 5), ("paragraph", 7, 9), ("paragraph", 11, 12)]
    assert blocks[0].is_title
    first = blocks[1]
    assert first.text.startswith("The city council approved") and first.text.endswith("the centre.")
    assert "debate that lasted" in first.text  # the line break became one space
    assert locate(first, "that lasted", HARD_WRAPPED) == (4, 1)
    assert locate(first, "tram", HARD_WRAPPED) == (5, 5)
    assert (first.end_line, first.end_column) == (5, 66)  # exclusive, after the full stop
    assert locate(blocks[3], "route", HARD_WRAPPED) == (12, 21)


ONE_PER_LINE = """\
Port strike ends after nine days
Dock workers returned to work on Monday after unions and the port authority agreed on a new pay deal.
The agreement raises wages in two steps and adds a night-shift allowance, union leaders said.
Shipping lines warned that clearing the backlog of containers would take at least two weeks.
Short closing line.
"""


def test_text_one_paragraph_per_line_without_blank_lines():
    blocks, _ = blocks_of("text", ONE_PER_LINE)
    assert [(b.kind, b.line, b.end_line) for b in blocks] == [
        ("heading", 1, 1), ("paragraph", 2, 2), ("paragraph", 3, 3), ("paragraph", 4, 4),
        ("paragraph", 5, 5)]
    assert locate(blocks[2], "night-shift", ONE_PER_LINE) == (3, 52)


SHORT_LINES = """\
Market wrap: shares edge higher
Shares rose slightly on Tuesday as investors awaited the central bank's decision.
The benchmark index gained 0.3 percent by the close, according to exchange data.
Energy stocks led the gains after oil prices climbed for a third day in a row.
Banks were mixed, with two large lenders falling after weaker quarterly results.
The currency was little changed against the dollar in late trading, traders said.
"""


def test_text_one_paragraph_per_line_of_similar_length_is_not_mistaken_for_wrapping():
    blocks, _ = blocks_of("text", SHORT_LINES)
    assert [(b.kind, b.line, b.end_line) for b in blocks] == [
        ("heading", 1, 1), *[("paragraph", n, n) for n in range(2, 7)]]


LISTS = """\
Summit ends with three agreements

The two leaders signed several documents:
-
A memorandum on cooperation in strategic planning;
- A treaty on the border
  2. A numbered point
• A bullet point
"""


def test_text_list_items_and_bare_markers():
    blocks, _ = blocks_of("text", LISTS)
    items = [(b.kind, b.text, b.marker, b.line, b.column) for b in blocks[2:]]
    assert items == [
        ("list_item", "", "-", 4, 1),
        ("paragraph", "A memorandum on cooperation in strategic planning;", "", 5, 1),
        ("list_item", "A treaty on the border", "-", 6, 3),
        ("list_item", "A numbered point", "2.", 7, 6),
        ("list_item", "A bullet point", "•", 8, 3),
    ]


def test_text_indented_line_keeps_its_column():
    src = "Title line\n\n    Indented paragraph text here.\n"
    blocks, _ = blocks_of("text", src)
    assert (blocks[1].line, blocks[1].column) == (3, 5)
    assert locate(blocks[1], "paragraph", src) == (3, 14)


@pytest.mark.parametrize("raw", [b"Title\r\n\r\nFirst line.\r\nSecond one.\r\n",
                                 b"Title\r\rFirst line.\rSecond one.\r"])
def test_crlf_and_cr_files_map_to_the_same_lines(raw):
    article = build_article("x.txt", decode(raw), Config())
    paras = [(b.text, b.line, b.column) for b in article.paragraphs]
    assert paras == [("First line.", 3, 1), ("Second one.", 4, 1)]


# -- markdown --------------------------------------------------------------------------------

MARKDOWN = """\
---
title: "Council votes on budget"
date: 2024-05-01
language: de
---
# Council votes on budget

The council **approved** the [budget](https://example.com/b) on Tuesday.

- First item with `inline code`
-
Orphan item text
* Star item

## Second heading

```
not prose
```
Setext heading
--------------
Closing paragraph.
"""


def test_markdown_front_matter_is_metadata_not_text():
    blocks, meta = blocks_of("markdown", MARKDOWN)
    assert meta == {"title": "Council votes on budget", "date": "2024-05-01", "language": "de"}
    assert all("2024-05-01" not in b.text for b in blocks)
    assert blocks[0].line == 6


def test_markdown_blocks_and_exact_positions():
    blocks, _ = blocks_of("markdown", MARKDOWN)
    shape = [(b.kind, b.text, b.line, b.column, b.marker) for b in blocks]
    assert shape == [
        ("heading", "Council votes on budget", 6, 3, "#"),
        ("paragraph", "The council approved the budget on Tuesday.", 8, 1, ""),
        ("list_item", "First item with inline code", 10, 3, "-"),
        ("list_item", "", 11, 1, "-"),
        ("paragraph", "Orphan item text", 12, 1, ""),
        ("list_item", "Star item", 13, 3, "*"),
        ("heading", "Second heading", 15, 4, "##"),
        ("code", "not prose", 17, 1, ""),
        ("heading", "Setext heading", 20, 1, "##"),
        ("paragraph", "Closing paragraph.", 22, 1, ""),
    ]


def test_markdown_inline_markup_is_removed_but_columns_point_at_the_source():
    blocks, _ = blocks_of("markdown", MARKDOWN)
    para = blocks[1]
    assert locate(para, "approved", MARKDOWN) == (8, 15)
    assert locate(para, "budget", MARKDOWN) == (8, 31)  # inside [budget](...)
    assert locate(para, "Tuesday", MARKDOWN) == (8, 65)  # after the URL
    assert para.link_text == len("budget")
    assert locate(blocks[2], "code", MARKDOWN) == (10, 27)
    code = blocks[7]
    assert code.position(0) == (18, 1)  # the code's text, not its fence


def test_markdown_first_h1_is_the_title_even_with_front_matter():
    blocks, meta = blocks_of("markdown", MARKDOWN)
    assert meta["title"] == "Council votes on budget"
    assert [b.text for b in blocks if b.is_title] == ["Council votes on budget"]


def test_markdown_blockquote_markers_are_not_text_and_columns_hold():
    src = "# Title\n\n> The mayor said the budget would pass.\n>\n> > Nested quote here.\n\nA > B.\n"
    blocks, _ = blocks_of("markdown", src)
    assert [(b.text, b.line, b.column) for b in blocks[1:]] == [
        ("The mayor said the budget would pass.", 3, 3), ("Nested quote here.", 5, 5), ("A > B.", 7, 1)]
    assert locate(blocks[2], "quote", src) == (5, 12)


def test_markdown_title_comes_from_the_first_h1_without_front_matter():
    blocks, meta = blocks_of("markdown", "# The headline\n\nBody text of the story.\n")
    assert meta == {} and blocks[0].is_title


def test_markdown_hard_wrapped_sections_are_joined():
    src = textwrap.dedent("""\
        # Council approves the new city budget

        The city council approved a new budget on Tuesday evening after a debate
        that lasted more than four hours.

        ## The tram line

        Members were split over the cost of a new tram line that would link the
        northern suburbs to the centre of the city.

        ## What comes next

        The mayor said construction would begin next spring, once the last of the
        permits are signed by the regional authority and contracts are tendered.
        """)
    blocks, _ = blocks_of("markdown", src)
    paras = [(b.line, b.end_line) for b in blocks if b.kind == "paragraph"]
    assert paras == [(3, 4), (8, 9), (13, 14)]
    assert locate(blocks[3], "northern", src) == (9, 1)


# -- HTML ------------------------------------------------------------------------------------

HTML = """\
<!DOCTYPE html>
<html lang="de-AT">
<head><title>Rat stimmt zu | Example News</title>
<style>p { color: red }</style>
<script>var x = "<p>hidden script text</p>";</script>
</head>
<body>
<nav class="breadcrumbs" role="navigation"><a href="/">Home</a> &gt; <a href="/p">Politik</a></nav>
<article id="main">
<h1>Rat stimmt dem Haushalt zu</h1>
<p>Der Stadtrat hat am Dienstag den <b>Haushalt</b> beschlossen,
nach einer langen Debatte &uuml;ber die <a href="/t">Stra&szlig;enbahn</a>.</p>
<noscript>Bitte JavaScript aktivieren</noscript>
<template><p>Vorlage</p></template>
<ul class="share-links"><li>Teilen auf X</li><li>Per E-Mail senden</li></ul>
  <div class="cookie-banner" id="consent"><span>Wir verwenden Cookies.</span> <button>OK</button></div>
<p>Ende &amp; Schluss.</p>
</article>
</body>
</html>
"""


def test_html_visible_text_only():
    blocks, meta = blocks_of("html", HTML)
    text = " ".join(b.text for b in blocks)
    for hidden in ("color: red", "hidden script text", "JavaScript", "Vorlage", "Example News", "OK"):
        assert hidden not in text
    assert meta == {"language": "de-AT", "title": "Rat stimmt zu | Example News"}


def test_html_blocks_with_source_lines_and_columns():
    blocks, _ = blocks_of("html", HTML)
    shape = [(b.kind, b.text, b.line, b.column, b.end_line, b.end_column) for b in blocks]
    assert shape == [
        ("paragraph", "Home > Politik", 8, 56, 8, 90),
        ("heading", "Rat stimmt dem Haushalt zu", 10, 5, 10, 31),
        ("paragraph", "Der Stadtrat hat am Dienstag den Haushalt beschlossen, nach einer langen "
                      "Debatte über die Straßenbahn.", 11, 4, 12, 76),
        ("list_item", "Teilen auf X", 15, 29, 15, 41),
        ("list_item", "Per E-Mail senden", 15, 50, 15, 67),
        ("paragraph", "Wir verwenden Cookies.", 16, 49, 16, 71),
        ("paragraph", "Ende & Schluss.", 17, 4, 17, 23),
    ]
    assert blocks[1].is_title


def test_html_positions_inside_a_block_follow_tags_and_entities():
    blocks, _ = blocks_of("html", HTML)
    para = blocks[2]
    assert locate(para, "Haushalt", HTML) == (11, 40)
    assert locate(para, "nach", HTML) == (12, 1)
    assert para.position(para.text.index("über")) == (12, 27)  # &uuml; starts there
    assert para.position(para.text.index("die")) == (12, 37)
    assert para.position(para.text.index("Straßenbahn")) == (12, 54)
    assert locate(blocks[-1], "Schluss", HTML) == (17, 15)  # after &amp;
    assert locate(blocks[0], "Politik", HTML) == (8, 83)


def test_html_block_ancestry_and_element_span():
    blocks, _ = blocks_of("html", HTML)
    crumbs, _, _, share, _, cookie, _ = blocks
    assert crumbs.has_ancestor("breadcrumb") == "breadcrumb"
    assert crumbs.ancestry[-1].role == "navigation"
    assert share.has_ancestor("share") == "share" and share.ancestry[-1].tag == "li"
    assert [e.tag for e in cookie.ancestry] == ["article", "div"]
    assert cookie.ancestry[-1].id == "consent" and cookie.ancestry[-1].classes == ("cookie-banner",)
    assert cookie.has_ancestor("footer") == ""
    # the element itself: from '<div' to just after '</div>'
    assert (cookie.source_start, cookie.source_end) == ((16, 3), (16, 104))


def test_html_line_breaks_and_inline_tags():
    src = ("<html><body>\n<p>Line one<br>Line two</p>\n"
           "<p>Glued<b>Bold</b>word and <i>spaced</i> out</p>\n</body></html>\n")
    blocks, _ = blocks_of("html", src)
    assert [(b.text, b.line, b.column) for b in blocks] == [
        ("Line one", 2, 4), ("Line two", 2, 16), ("GluedBoldword and spaced out", 3, 4)]
    assert locate(blocks[2], "spaced", src) == (3, 32)


def test_html_hidden_elements_are_skipped():
    src = ('<body><p hidden>Gone</p><p style="display: none">Gone too</p>'
           '<p aria-hidden="true">And this</p><p>Kept</p></body>')
    blocks, _ = blocks_of("html", src)
    assert [b.text for b in blocks] == ["Kept"]


def test_html_without_body_and_crlf_source():
    raw = b"<p>First para</p>\r\n<p>Second\r\npara</p>\r\n"
    article = build_article("x.html", decode(raw), Config())
    assert [(b.text, b.line, b.column, b.end_line) for b in article.text_blocks] == [
        ("First para", 1, 4, 1), ("Second para", 2, 4, 3)]


# -- the article model on top of the blocks -------------------------------------------------------

def test_article_model_title_lead_sentences():
    article = build_article("x.txt", decode(HARD_WRAPPED.encode()), Config(language="en"))
    assert article.title.text == "City council approves new budget"
    assert article.lead[0].line == 3
    first = next(s for s in article.sentences if s.block.kind == "paragraph")
    assert first.text.startswith("The city council") and first.text.endswith("the centre.")
    assert first.span()[:2] == (3, 1)
    assert article.language == "en"  # pinned: no detection
    assert article.word_count > 80


def test_article_language_from_html_lang_and_detection():
    html = build_article("x.html", decode(HTML.encode()), Config())
    assert html.language == "de"
    ru = ("Городской совет утвердил бюджет на следующий год после долгих обсуждений. "
          "Мэр заявил, что строительство начнётся весной.\n")
    assert build_article("x.txt", decode(ru.encode()), Config()).language == "ru"


def test_html_reader_leaves_css_selectors_working_for_other_code():
    # the reader imports bs4 without soupsieve (start-up); code in the same process that selects
    # by CSS still gets it, imported on first use
    import lint.readers.html  # noqa: F401
    from bs4 import BeautifulSoup

    soup = BeautifulSoup("<div><p class='a'>x</p><p>y</p></div>", "html.parser")
    assert [p.get_text() for p in soup.select("p.a")] == ["x"]
