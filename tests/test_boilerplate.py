"""The boilerplate family: site-chrome (phrases, shapes, HTML ancestry) and repeated-across-articles."""
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lint.cli import main
from lint.config import Config
from lint.decoding import decode
from lint.runner import build_article
from rules.boilerplate import RepeatedAcrossArticles, SiteChrome

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "boilerplate"

BODY_EN = (
    "The council approved the budget on Tuesday after a long debate, and the mayor said the "
    "savings would protect care services for older residents over the next two years."
)
BODY_EN2 = (
    "Opposition members said the cuts to library hours would fall hardest on families in the "
    "east of the town, where many children have no quiet room at home to study in."
)


def article(text: str, name: str = "a.txt"):
    text = textwrap.dedent(text)
    return build_article(name, decode(text.encode("utf-8")), Config())


def flagged(text: str, name: str = "a.txt") -> dict[int, str]:
    """{source line: message} of site-chrome findings."""
    return {f.line: f.message for f in SiteChrome().check(article(text, name))}


def lines_of(text: str, *wanted: str) -> set[int]:
    src = textwrap.dedent(text).split("\n")
    return {i for i, l in enumerate(src, 1) if l.strip() in wanted}


# -- phrase inventories, several languages -----------------------------------------------------

@pytest.mark.parametrize("line", [
    "Share on Facebook", "Advertisement", "Reklam yükleniyor...", "Werbung", "Реклама",
    "Publicidad", "Loading...", "Subscribe to our newsletter", "5 min read", "Leave a reply",
    "Читайте также", "Lesen Sie auch", "Bizi takip edin", "Suscríbete a nuestro boletín",
    "Home > World > Asia", "© 2025 Example Media. All rights reserved.", "Todos los derechos reservados",
])
def test_chrome_line_between_paragraphs_is_flagged(line):
    text = f"Budget approved\n\n{BODY_EN}\n\n{line}\n\n{BODY_EN2}\n"
    found = flagged(text)
    assert 5 in found, found


def test_message_names_the_kind_and_the_phrase():
    found = flagged(f"Budget approved\n\n{BODY_EN}\n\nShare on Facebook\n\n{BODY_EN2}\n")
    assert found[5].startswith("share button") and "'Share on Facebook'" in found[5]


def test_cookie_banner_prefix_is_flagged():
    text = (f"Budget approved\n\n{BODY_EN}\n\n{BODY_EN2}\n\n"
            "This website uses cookies to improve your experience. We'll assume you're ok with this. Accept Read More\n")
    found = flagged(text)
    assert 7 in found and found[7].startswith("cookie")


def test_related_block_flags_the_unrelated_headlines_under_it():
    text = f"""\
    Budget approved

    {BODY_EN}

    {BODY_EN2}

    Most read
    Celebrity chef opens third restaurant in the old port
    Storm warning for the weekend as rivers rise
    """
    found = flagged(text)
    assert {7, 8, 9} <= set(found)
    assert "headline under 'Most read'" in found[8]


def test_turkish_and_russian_article_chrome():
    text = """\
    Belediye otoparkı yıkıyor

    Eskişehir Büyükşehir Belediyesi, kent merkezindeki eski katlı otoparkı yıkarak yerine park yapma kararı aldı, belediye meclisi salı günü kararı onayladı.

    Paylaş

    Esnaf ise karara tepkili; dernek başkanı müşterilerin arabalarını bırakacak yer bulamayacağını söyledi ve yeni otopark istedi.

    İlgili Haberler
    Tramvay hattında bakım çalışması başlıyor

    Tüm hakları saklıdır.
    """
    found = flagged(text)
    assert {5, 9, 10, 12} <= set(found)


def test_stray_cms_label():
    text = f"Budget approved\n\nТекст:\n\n{BODY_EN}\n\n{BODY_EN2}\n"
    found = flagged(text)
    assert 3 in found and "CMS label" in found[3]


def test_email_only_line_and_page_title_line():
    text = f"""\
    Budget approved | Local News | dunmoorgazette.co.uk

    Budget approved

    {BODY_EN}

    helen.marsh@dunmoorgazette.co.uk

    {BODY_EN2}
    """
    found = flagged(text)
    assert {1, 7} <= set(found)
    assert "domain" in found[1] and "e-mail" in found[7]


# -- hard negatives ------------------------------------------------------------------------------

def test_headline_byline_dateline_caption_and_subheading_are_quiet():
    text = f"""\
    Council backs leaner budget as reserves run low

    By Helen Marsh

    12 March 2025, 18:40

    DUNMOOR — {BODY_EN}

    The council chamber during Tuesday's vote. Photo: Tom Walsh

    What the cuts mean for libraries

    {BODY_EN2} The library on Carter Street will close on Saturdays from April, the council said.
    """
    assert flagged(text) == {}


def test_article_about_cookies_is_quiet():
    text = """\
    Regulator tells websites to make rejecting cookies easy

    This website uses cookies, the typical banner says, and then offers a single large button to accept them, the regulator's head of technology policy told reporters on Tuesday.

    Advertising cookies, which follow people from site to site to build a profile of their interests, are the main target of the new rules, the regulator said in its guidance.

    Publishers that rely on advertising revenue have argued that asking readers to pay instead, or to accept tracking, is a fair bargain for the news they read.
    """
    assert flagged(text) == {}


def test_markdown_subheading_named_like_chrome_is_quiet():
    text = f"""\
    # Advertising moves to retail sites

    {BODY_EN}

    ## Sponsored content

    {BODY_EN2}
    """
    assert flagged(text, "a.md") == {}


# -- HTML ancestry --------------------------------------------------------------------------------

HTML = f"""\
<html lang="en"><body>
<article>
<h1>Night ferry returns</h1>
<p>{BODY_EN}</p>
<div class="article-share-bar"><a href="#">Facebook</a> <a href="#">Mail this</a></div>
<p>{BODY_EN2}</p>
<section class="relatedPosts"><ul>
<li><a href="/1">Ten quiet beaches for an autumn walk</a></li>
</ul></section>
<p>{BODY_EN}</p>
</article>
</body></html>
"""


def test_html_ancestry_tokens_flag_share_bar_and_related_list():
    found = flagged(HTML, "a.html")
    assert 5 in found and 8 in found
    assert "share" in found[5] and "relatedPosts" in found[8]
    assert not {3, 4, 6, 10} & set(found)


def test_html_layout_class_around_the_article_body_is_not_chrome():
    html = f"""\
    <html><body><div class="content-with-sidebar">
    <h1>Night ferry returns</h1>
    <p>{BODY_EN}</p>
    <p>{BODY_EN2}</p>
    <p>{BODY_EN}</p>
    </div></body></html>
    """
    assert flagged(html, "a.html") == {}


# -- structural signals: credits, pitches, glued menus, headline lists, boxes ------------------------

BODY_EN3 = (
    "Parents at the meeting asked whether the school bus routes would change as well, and the "
    "transport officer said the timetable would stay the same until the summer holidays."
)


@pytest.mark.parametrize("line", [
    "By Staff Reports -", "SOURCE: News agencies", "Reuters, AP", "By NORTH HARBOUR GAZETTE STAFF",
    "Associated Press and Reuters",
])
def test_agency_only_credit_line_is_flagged(line):
    found = flagged(f"Budget approved\n\n{BODY_EN}\n\n{BODY_EN2}\n\n{line}\n")
    assert 7 in found and "names no person" in found[7], found


@pytest.mark.parametrize("line", ["By Helen Marsh", "STAFF", "Staff Reports", "By Helen Marsh, Staff Writer"])
def test_credit_naming_a_person_or_a_bare_staff_word_is_quiet(line):
    found = flagged(f"Budget approved\n\n{BODY_EN}\n\n{line}\n\n{BODY_EN2}\n")
    assert 5 not in found, found


def test_sales_pitch_closing_a_short_paragraph_is_flagged():
    text = (f"Budget approved\n\n{BODY_EN}\n\n{BODY_EN2}\n\n"
            "Need more local news? Subscribe to our weekly print edition for the latest from the valley.\n")
    found = flagged(text)
    assert 7 in found and "sales pitch" in found[7]


def test_prose_that_reports_a_pitch_is_quiet():
    text = (f"Budget approved\n\n{BODY_EN}\n\n"
            "The leaflet was blunt. Subscribe to the council's text alerts, it told residents, the mayor said.\n\n"
            f"{BODY_EN2}\n")
    assert flagged(text) == {}


@pytest.mark.parametrize("line", [
    "Terms of Use Privacy Policy",              # two footer links run together
    "NewsSportsBusinessWeatherObituaries",      # menu links glued without spaces
    "Home News Politics Council approves the leaner budget",  # breadcrumb that lost its separators
])
def test_menus_run_together_are_flagged(line):
    found = flagged(f"Budget approved\n\n{BODY_EN}\n\n{BODY_EN2}\n\n{line}\n")
    assert 7 in found, found


def test_brand_names_with_inner_capitals_are_quiet():
    text = f"Budget approved\n\n{BODY_EN}\n\nYouTube and iPhone users\n\n{BODY_EN2}\n"
    assert flagged(text) == {}


def test_label_above_the_headline_is_flagged_but_a_byline_above_it_is_not():
    text = f"Watch Live Coverage\n\nCouncil backs leaner budget as reserves run low in the town\n\nBy Helen Marsh\n\n{BODY_EN}\n"
    found = flagged(text)
    assert 1 in found and "above the headline" in found[1] and 3 not in found and 5 not in found
    text = f"by Helen DeWitt\n\nCouncil backs leaner budget as reserves run low in the town\n\n{BODY_EN}\n"
    assert flagged(text) == {}


def test_headline_list_at_the_top_of_the_page_spares_the_last_two_lines():
    text = """\
    Ferry operator adds winter sailings to the islands
    Why the harbour wall keeps failing every spring
    Record catch for the trawler fleet this autumn
    Storm warning for the weekend as rivers rise
    Council backs leaner budget as reserves run low

    {body}
    """.format(body=BODY_EN)
    found = flagged(text)
    assert {1, 2, 3} <= set(found) and not {4, 5, 7} & set(found)


def test_three_lines_at_the_top_are_kicker_headline_and_standfirst():
    text = f"Budget\n\nCouncil backs leaner budget as reserves run low\n\nLibraries and parks take the biggest cuts\n\n{BODY_EN}\n"
    assert not {3, 5, 7} & set(flagged(text))


def test_named_newsletter_and_section_box_with_more_link():
    text = f"""\
    Budget approved

    {BODY_EN}

    {BODY_EN2}

    Harbour Morning Newsletter

    Town Hall More
    Ferry operator adds winter sailings to the islands
    Storm warning for the weekend as rivers rise
    """
    found = flagged(text)
    assert {7, 9, 10, 11} <= set(found)
    assert "newsletter" in found[7] and "'More' link" in found[9]


def test_long_headline_ending_a_related_list_before_the_next_paragraph():
    text = f"""\
    Budget approved

    {BODY_EN}

    Most read

    Celebrity chef opens third restaurant in the old port

    Storm warning for the weekend as rivers rise

    Ferry operator adds winter sailings to the outer islands

    {BODY_EN2}
    """
    found = flagged(text)
    assert {5, 7, 9, 11} <= set(found) and 13 not in found


def test_short_subheading_after_a_related_list_is_quiet():
    text = f"Budget approved\n\n{BODY_EN}\n\nMost read\n\nCelebrity chef opens third restaurant\n\nWhat the cuts mean\n\n{BODY_EN2}\n"
    found = flagged(text)
    assert {5, 7} <= set(found) and 9 not in found and 11 not in found


def test_title_case_headline_under_more_is_not_read_as_a_name():
    text = f"Budget approved\n\n{BODY_EN}\n\nMore:\n\nThe New Harbour Wall\n\nFerry Timetable Changes Explained\n\n{BODY_EN2}\n"
    found = flagged(text)
    assert 7 in found and 11 not in found


def test_about_box_after_the_article_is_flagged():
    text = f"""\
    Budget approved

    {BODY_EN}

    {BODY_EN2}

    {BODY_EN3}

    About Harbourline

    Harbourline is a regional ferry operator with twelve vessels and a staff of four hundred across the western isles.
    """
    found = flagged(text)
    assert {9, 11} <= set(found) and "profile" in found[11]


def test_about_subheading_over_ordinary_reporting_is_quiet():
    text = f"""\
    Budget approved

    {BODY_EN}

    {BODY_EN2}

    {BODY_EN3}

    About The Project

    The project will cost the town a great deal of money over the next two years, the mayor said on Tuesday.
    """
    assert flagged(text) == {}


def test_line_inside_a_newsletter_box_is_flagged():
    text = f"""\
    Budget approved

    {BODY_EN}

    {BODY_EN2}

    Sign up for our newsletter

    Get the day's top local stories, weather and traffic every morning!

    No spam, we promise. You can unsubscribe at any time.
    """
    found = flagged(text)
    assert {7, 9, 11} <= set(found) and "box" in found[9]


def test_long_line_in_capitals_between_paragraphs_is_flagged():
    text = f"Budget approved\n\n{BODY_EN}\n\nHARBOUR GAZETTE READERS PICK THEIR FAVOURITE WINTER WALKS ALONG THE COAST\n\n{BODY_EN2}\n\n{BODY_EN3}\n"
    found = flagged(text)
    assert 5 in found and "capitals" in found[5]


@pytest.mark.parametrize("line", ["WHAT THE CUTS MEAN", "WILL ANYONE STAND UP FOR THE LIBRARY SERVICE THIS YEAR?"])
def test_short_or_question_subheading_in_capitals_is_quiet(line):
    text = f"Budget approved\n\n{BODY_EN}\n\n{line}\n\n{BODY_EN2}\n\n{BODY_EN3}\n"
    assert 5 not in flagged(text)


def test_long_menu_of_section_names_is_flagged():
    line = "News | Sport | Business | Opinion | Weather | Obituaries | Puzzles | Podcasts | Newsletters | Contact us"
    found = flagged(f"Budget approved\n\n{BODY_EN}\n\n{BODY_EN2}\n\n{line}\n")
    assert 7 in found and "page controls" in found[7]


def test_page_chrome_after_a_section_name_cue_flags_the_tags_under_it():
    # "Topics" after the last paragraph is a weak cue; once it is flagged, the tag lines and the
    # question headline under it are page chrome too
    text = f"Budget approved\n\n{BODY_EN}\n\n{BODY_EN2}\n\nTopics\n\nHarbour Board\n\nFerry Services\n\nWhy Are Ferry Fares Rising?\n"
    found = flagged(text)
    assert {7, 9, 11, 13} <= set(found)


def test_question_sentence_after_the_article_without_chrome_is_quiet():
    text = f"Budget approved\n\n{BODY_EN}\n\n{BODY_EN2}\n\nWhat do you think?\n"
    assert flagged(text) == {}


def test_label_of_up_to_five_words_above_the_article_text():
    text = f"Council backs leaner budget\n\nlatest from the town hall\n\n{BODY_EN}\n\n{BODY_EN2}\n"
    assert 3 in flagged(text)


def test_domain_line_inside_the_article_tail_is_quiet_unless_it_touches_chrome():
    text = f"Budget approved\n\n{BODY_EN}\n\n{BODY_EN2}\n\nTickets\n\nwww.harbourtheatre.com\n\nBox office open daily\n\nShare on Facebook\n"
    found = flagged(text)
    assert 9 not in found and 13 in found
    text = f"Budget approved\n\n{BODY_EN}\n\n{BODY_EN2}\n\nwww.harbourtheatre.com\n\nShare on Facebook\n"
    assert 7 in flagged(text)


# -- repeated-across-articles -------------------------------------------------------------------------

def _lint_json(args, capsys):
    capsys.readouterr()
    code = main([*map(str, args), "--format", "json"])
    out = capsys.readouterr().out
    assert code in (0, 1)
    return json.loads(out) if out.strip() else []


def test_repeated_across_articles_on_a_folder(tmp_path, capsys):
    template = "Got a story for the desk? Write to us at the harbour office"
    for k in range(6):
        body = (f"Story {k} headline here\n\nThe harbour board met on day {k} and agreed a plan, "
                f"the chair said after the meeting ended late in the evening.\n\n{template}\n")
        (tmp_path / f"s{k}.txt").write_text(body, encoding="utf-8")
    findings = _lint_json(["--select", "repeated-across-articles", "--jobs", "1", tmp_path], capsys)
    assert len(findings) == 6
    assert all(f["line"] == 5 and "recurs in 6 of 6 files" in f["message"] for f in findings)


def test_repeated_line_with_a_name_or_below_threshold_is_quiet(tmp_path, capsys):
    for k in range(6):
        extra = "Reporting by Helen Marsh" if k < 5 else ""
        rare = "Ferry timetable changes from Monday" if k < 3 else ""
        body = (f"Story {k} headline here\n\nThe harbour board met on day {k} and agreed a plan, "
                f"the chair said after the meeting ended late in the evening.\n\n{extra}\n\n{rare}\n")
        (tmp_path / f"s{k}.txt").write_text(body, encoding="utf-8")
    assert _lint_json(["--select", "repeated-across-articles", "--jobs", "1", tmp_path], capsys) == []


def test_repeated_counter_memory_is_bounded():
    rule = RepeatedAcrossArticles({"max_counter": 50})
    for k in range(200):
        rule.learn(f"f{k}.txt", (__import__("array").array("q", [k, k + 1_000_000]), __import__("array").array("i", [1] * 16)))
    assert len(rule._counts) <= 52


# -- --fix removes exactly the flagged lines ------------------------------------------------------------

def test_fix_removes_exactly_the_flagged_lines(tmp_path, capsys):
    text = textwrap.dedent(f"""\
    Budget approved | Local News | dunmoorgazette.co.uk
    5 min read

    Budget approved

    {BODY_EN}

    Share on Facebook
    Advertisement

    {BODY_EN2}

    Related stories
    Storm warning for the weekend as rivers rise
    """)
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    findings = _lint_json(["--select", "site-chrome", f], capsys)
    removed = {x["line"] for x in findings}
    assert removed == {1, 2, 8, 9, 13, 14}
    capsys.readouterr()
    main(["--select", "site-chrome", "--fix", str(f)])
    kept = [l for i, l in enumerate(text.split("\n"), 1) if i not in removed]
    assert f.read_text(encoding="utf-8") == "\n".join(kept)
    assert _lint_json(["--select", "site-chrome", f], capsys) == []


# -- the real benchmark (skipped when ../shared is absent) ----------------------------------------------

@pytest.mark.skipif(not (BENCH / "score.py").exists(), reason="benchmark not available")
def test_benchmark_precision_stays_high():
    proc = subprocess.run(
        [sys.executable, str(BENCH / "score.py"), "--data", str(BENCH / "articles"),
         "--labels", str(BENCH / "labels.jsonl"), "--", sys.executable, "-m", "lint",
         "--select", "boilerplate"], capture_output=True, text=True, cwd=ROOT, timeout=600)
    summary = proc.stdout.strip().splitlines()[-1]
    values = dict(kv.split("=") for kv in summary.split()[1:])
    assert float(values["boilerplate_precision"]) >= 0.95
    assert float(values["boilerplate_recall"]) >= 0.82


SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not available")
def test_seed_articles_chrome_is_found_and_the_story_is_not():
    seed = next(SEEDS.glob("001_*.txt"))
    a = build_article(str(seed), decode(seed.read_bytes()), Config())
    found = {f.line: f.message for f in SiteChrome().check(a)}
    src = seed.read_text(encoding="utf-8").split("\n")
    assert any("domain" in m for m in found.values())  # the page-title line
    assert any(m.startswith("cookie") for m in found.values())
    assert sum("e-mail" in m for m in found.values()) == 2
    # the article's own paragraphs (long prose before the related block) stay quiet
    related = next(i for i, l in enumerate(src, 1) if l.strip().lower() == "related posts")
    assert not [n for n in found if 3 < n < related and len(src[n - 1].split()) > 25]


def test_warm_up_loads_the_inventory_and_changes_no_result(tmp_path):
    from rules.boilerplate import RepeatedAcrossArticles, SiteChrome
    from rules.boilerplate_detect import inventory

    inventory.cache_clear()
    SiteChrome().warm_up()
    assert inventory.cache_info().currsize == 1
    RepeatedAcrossArticles().warm_up()
    assert inventory.cache_info().hits >= 1


# -- the normalisation and the cheap pre-tests in front of the regular expressions ------------------

@pytest.mark.parametrize("text, words", [
    ("Share on FACEBOOK!", ["share", "on", "facebook"]),
    ("5 min read", ["{n}", "min", "read"]),
    ("snake_case and a1b2", ["snake", "case", "and", "a1b2"]),
    ("İSTANBUL'da 12 yorum", ["istanbul", "da", "{n}", "yorum"]),
    ("Ｆｕｌｌwidth ２０２４ — Читать далее", ["fullwidth", "{n}", "читать", "далее"]),
    ("", []),
])
def test_normalize_words_keeps_letters_and_digits_and_marks_numbers(text, words):
    from rules.boilerplate_detect import normalize_words

    assert normalize_words(text) == words


def test_contains_phrase_inside_a_longer_line_is_flagged():
    line = "Example Media Group 2025, all rights reserved, reproduction prohibited"
    found = flagged(f"Budget approved\n\n{BODY_EN}\n\n{BODY_EN2}\n\n{line}\n")
    assert 7 in found and "copyright" in found[7].lower(), found


def test_menus_glued_in_cyrillic_are_flagged_like_latin_ones():
    found = flagged(f"Бюджет принят\n\n{BODY_EN}\n\n{BODY_EN2}\n\nНовостиСпортЭкономикаПогода\n")
    assert 7 in found and "glued" in found[7], found


def test_attributed_figure_gives_the_same_answer_from_known_words():
    from rules.boilerplate_detect import has_attributed_figure, normalize_words

    for text in ("Sales rose 12%, the company said", "Sales rose 12%", "The company said so"):
        assert has_attributed_figure(text, normalize_words(text)) == has_attributed_figure(text)
    assert has_attributed_figure("Sales rose 12%, the company said")
    assert not has_attributed_figure("Sales rose 12%")


def test_section_breaks_without_words_do_not_crash_and_are_not_chrome(tmp_path):
    from lint.config import Config
    from lint.decoding import decode
    from lint.runner import build_article
    from rules.boilerplate import SiteChrome

    text = ("Council budget\n\nThe council approved the budget on Tuesday, the mayor said.\n\n"
            "— — —\n\nResidents welcomed the decision, the mayor said.\n\n* * *\n\n"
            "The vote was unanimous, officials said.\n")
    art = build_article("a.txt", decode(text.encode()), Config())
    assert list(SiteChrome().check(art)) == []


# -- template furniture around a post, story cards, headlines of other stories -----------------

BODY_EN3 = (
    "A spokesman for the council said the final vote would come next month, once residents had "
    "been given a chance to comment on the plans at three public meetings in the town hall."
)


@pytest.mark.parametrize("line", [
    "March 3, 2025 / 4 Comments / in Local News / by webeditor",
    "12/03/2025 - Posted in: Politics - Tags: budget, council",
    "Harbour Bridge Reopening Gallery",
    "sidebar_promo_2",
    "Dana Whitfield @danawrites",
    "I agree that Example Media can send me its Morning Briefing newsletter.",
    "This slideshow requires JavaScript.",
    "Print this article",
    "Like this article?",
    "On examplepost.com: Harbour ferry fares to rise in spring",
    "Follow @ExampleDeals on Twitter for the best offers of the week, and never miss a bargain again, "
    "because our team checks every price by hand before it goes out to our readers.",
    "Get access to our premium market coverage for as little as $1 a week.",
    "Best garden tools under $50 ... SEE FULL GALLERY",
])
def test_post_furniture_between_paragraphs_is_flagged(line):
    text = f"Budget approved\n\n{BODY_EN}\n\n{line}\n\n{BODY_EN2}\n"
    assert 5 in flagged(text)


@pytest.mark.parametrize("line", ["These links open in a new window", "Zurück zur Übersicht"])
def test_navigation_notice_after_the_article_is_flagged(line):
    text = f"Budget approved\n\n{BODY_EN}\n\n{BODY_EN2}\n\n{line}\n"
    assert 7 in flagged(text)


def test_sentence_mentioning_comments_or_a_gallery_is_quiet():
    text = (f"Budget approved\n\n{BODY_EN}\n\nThe plan drew 40 comments from residents in its first week.\n\n"
            f"The new photo gallery at the museum opened on Friday.\n\n{BODY_EN2}\n")
    assert not {5, 7} & set(flagged(text))


def test_tag_list_under_its_label_is_flagged():
    text = f"Budget approved\n\n{BODY_EN}\n\n{BODY_EN2}\n\nTags\n\nbudget cuts, town council, libraries, parks, care homes\n"
    assert {7, 9} <= set(flagged(text))


def test_story_card_printing_its_headline_twice_is_flagged():
    card = "Harbour ferry fares to rise in spring"
    text = f"Budget approved\n\n{BODY_EN}\n\n{BODY_EN2}\n\n{card}\n\n{card}\n\n{BODY_EN3}\n"
    found = flagged(text)
    assert {7, 9} <= set(found) and "twice" in found[7]


def test_short_call_to_action_in_capitals_is_flagged():
    text = f"Budget approved\n\n{BODY_EN}\n\nGET THE GUIDE: FREE DOWNLOAD!\n\n{BODY_EN2}\n\n{BODY_EN3}\n"
    assert 5 in flagged(text)


def test_other_stories_headlines_above_the_article_are_flagged_its_own_are_not():
    text = (
        "Ferry operator adds winter sailings to the islands\n\n"
        "Record catch for the trawler fleet this autumn\n\n"
        "Council backs leaner budget as library hours shrink\n\n"
        f"{BODY_EN}\n\n{BODY_EN2}\n\n{BODY_EN3}\n"
    )
    found = flagged(text)
    assert {1, 3} <= set(found) and 5 not in found
    assert "shares no subject" in found[1]


def test_one_unrelated_looking_headline_or_a_labelled_byline_is_quiet():
    text = (f"A quiet revolution in the valley\n\nMuhabir: Elif Kaya\n\n5 min read\n\n"
            f"{BODY_EN}\n\n{BODY_EN2}\n\n{BODY_EN3}\n")
    assert not {1, 3} & set(flagged(text))


def test_related_story_headline_sharing_far_less_than_the_article_headline_is_flagged():
    text = (
        "Council backs leaner budget as library hours shrink\n\n"
        "Harbour board names new chief after long search\n\n"
        f"{BODY_EN}\n\n{BODY_EN2}\n\n{BODY_EN3}\n"
    )
    found = flagged(text)
    assert 3 in found and 1 not in found
    assert "unlike the headline above it" in found[3]


@pytest.mark.parametrize("byline", ["Marta Quiroga · Madrid", "Ankara - Elif Karataş", "Greg Holt, Staff Writer"])
def test_byline_under_the_headline_is_not_read_as_another_story(byline):
    text = f"Council backs leaner budget as library hours shrink\n\n{byline}\n\n{BODY_EN}\n\n{BODY_EN2}\n\n{BODY_EN3}\n"
    assert 3 not in flagged(text)


def test_title_case_headlines_listed_after_the_article_are_flagged():
    text = (f"Budget approved\n\n{BODY_EN}\n\n{BODY_EN2}\n\n{BODY_EN3}\n\n"
            "12 Strangest Town Budgets Ever Passed\n\nWhy Libraries Matter More Than Ever\n\n"
            "The Quiet Return Of The Public Park\n")
    found = flagged(text)
    assert {9, 11, 13} <= set(found) and "listed after the article" in found[9]


def test_schedule_or_credits_listed_after_the_article_are_quiet():
    text = (f"Budget approved\n\n{BODY_EN}\n\n{BODY_EN2}\n\n{BODY_EN3}\n\n"
            "June 29 -- Riverside Arena, Springfield\n\nJuly 2 -- Harbour Hall, Eastport\n\n"
            "Northern Lights by Anna Berg\n")
    assert not {9, 11, 13} & set(flagged(text))


def test_author_bio_with_an_email_address_is_flagged():
    bio = ("Dana Whitfield (dana@example.org) is the editor of the Harbour Gazette and has covered "
           "local government for twelve years, from the town hall to the county courts and back again.")
    text = f"Budget approved\n\n{BODY_EN}\n\n{BODY_EN2}\n\n{bio}\n"
    assert 7 in flagged(text)


def test_cryptic_main_heading_over_a_descriptive_subtitle_is_the_article_s_own():
    text = (f"# A quiet revolution in the valley\n\nCouncil backs leaner budget as library hours shrink\n\n"
            f"{BODY_EN}\n\n{BODY_EN2}\n\n{BODY_EN3}\n")
    assert 1 not in flagged(text, "a.md")
