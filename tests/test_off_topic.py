"""The off-topic family: off-topic-paragraph, and the splice benchmark that measures it."""
import importlib.util
import json
import textwrap
from pathlib import Path

import pytest

from lint.config import Config
from lint.decoding import decode
from lint.runner import build_article
from rules.off_topic import OffTopicParagraph

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench" / "boilerplate"

TITLE = "Vietnam and Japan agree to cut rice tariffs"
LEAD = ("Vietnam and Japan signed an agreement in Hanoi on Tuesday that will gradually lower Japanese "
        "tariffs on Vietnamese rice, the two governments said in a joint statement.")
BODY = [
    "Under the deal, Japan will widen a tariff-free quota for Vietnamese rice every year, according to "
    "the statement. Vietnamese exporters had long complained that Japanese duties priced their rice out "
    "of supermarket shelves in Tokyo and Osaka.",
    "Vietnamese Trade Minister Tran Van Hoa said the agreement would give rice farmers in the Mekong "
    "Delta a steady buyer. Japanese Agriculture Minister Kenji Morimoto said safeguards would let Tokyo "
    "restore the rice tariffs if imports from Vietnam surge.",
    "Japanese rice cooperatives reacted cautiously. Their federation said in a statement that it would "
    "watch rice imports from Vietnam closely and urged the ministry in Tokyo to publish monthly figures.",
    "The agreement still needs the approval of Japan's parliament, the agriculture ministry in Tokyo "
    "said, and Hoa said the first tariff-free rice shipments could leave Vietnam before the summer.",
    "Vietnamese rice exporters in the Mekong Delta said the tariff-free quota would reopen Japanese "
    "supermarket shelves to their rice, and that the agreement with Japan was the best news for "
    "Vietnamese rice farmers since the tariffs were raised.",
]
CHILE = ("Meanwhile, in Chile, voters head to the polls on Sunday in a presidential runoff between "
         "Gabriela Fuentes and Rodrigo Alcalde. Both candidates closed their campaigns with rallies in "
         "Santiago, promising to tackle crime and overhaul the pension system.")
TRIAL = ("The singer Dana Morrow appeared in a Los Angeles courtroom on Thursday to answer claims that "
         "she breached a recording contract with her former label, Silverline Records, whose lawyers "
         "asked the judge to block her new album.")
TRIAL_2 = ("Silverline's attorneys argued that Morrow still owed the label two studio albums. The judge "
           "said she would rule on the Silverline request after reading further filings from Morrow's "
           "lawyers and the label.")


def article(paragraphs, name="a.txt", title=TITLE, lead=LEAD):
    head = [title] if title else []
    text = "\n\n".join(head + ([lead] if lead else []) + list(paragraphs)) + "\n"
    return build_article(name, decode(text.encode("utf-8")), Config(language="auto"))


def findings(paragraphs, **kw):
    art = article(paragraphs, **kw)
    return art, list(OffTopicParagraph().check(art))


def lines_of(art, found):
    return [art.source_lines[f.line - 1][:40] for f in found]


# -- the rule ---------------------------------------------------------------------------------

def test_rule_definition_and_explanation():
    assert OffTopicParagraph.id == "off-topic-paragraph"
    assert OffTopicParagraph.category == "off-topic"
    assert OffTopicParagraph.severity == "warning"
    assert "Bad:" in OffTopicParagraph.explanation and "Good:" in OffTopicParagraph.explanation
    assert "short" in OffTopicParagraph.explanation.lower()
    assert not OffTopicParagraph.check_definition()


def test_tangent_opened_by_meanwhile_is_flagged_with_subject_and_new_topic():
    art, found = findings(BODY[:2] + [CHILE] + BODY[2:])
    assert len(found) == 1
    f = found[0]
    assert art.source_lines[f.line - 1].startswith("Meanwhile, in Chile")
    msg = f.message
    assert "Fuentes" in msg or "Alcalde" in msg  # what the paragraph is about
    assert "rice" in msg.lower() and "Vietnam" in msg  # what the article is about
    assert "Meanwhile" in msg  # the connective is one of the signals


def test_tangent_without_connective_is_flagged_on_content_alone():
    _, found = findings(BODY[:3] + [CHILE.replace("Meanwhile, in Chile, voters", "Voters in Chile")]
                        + BODY[3:])
    assert len(found) == 1


def test_run_of_two_tangent_paragraphs_is_flagged_paragraph_by_paragraph():
    art, found = findings(BODY[:2] + [TRIAL, TRIAL_2] + BODY[2:])
    assert lines_of(art, found) == [TRIAL[:40], TRIAL_2[:40]]
    assert all("Silverline" in f.message for f in found)


def test_finding_spans_a_hard_wrapped_paragraph_from_first_to_last_line():
    wrapped = textwrap.fill(CHILE, 72)
    body = [textwrap.fill(p, 72) for p in BODY]
    art, found = findings(body[:2] + [wrapped] + body[2:], title=TITLE,
                          lead=textwrap.fill(LEAD, 72))
    assert len(found) == 1
    f = found[0]
    assert art.source_lines[f.line - 1].startswith("Meanwhile")
    assert f.end_line == f.line + wrapped.count("\n")


def test_headline_and_lead_are_never_flagged():
    # the lead says nothing the body repeats: it is still the subject, never a finding
    odd_lead = ("Gabriela Fuentes and Rodrigo Alcalde closed their campaigns in Santiago on Friday "
                "before Sunday's presidential runoff in Chile.")
    art, found = findings(BODY, lead=odd_lead)
    assert all(f.line > 3 for f in found)


@pytest.mark.parametrize("paragraph", [
    # background and history
    "Rice has been one of Japan's most protected crops since the postwar land reform, and Tokyo "
    "kept Vietnamese rice out of its shops for decades to shield farmers in Niigata.",
    # a reaction from a third party
    "The Thai Rice Exporters Association said the Vietnamese deal with Japan put its members at a "
    "disadvantage and urged Bangkok to seek similar rice tariff cuts.",
    # a quote paragraph
    "\"We have waited a long time for this,\" said Le Thi Mai, who grows rice near Can Tho. \"Japan "
    "pays well for good rice, and now Vietnam can sell there.\"",
    # a comparison with another country
    "South Korea took a different path, replacing its rice quota with a single high tariff; Seoul "
    "said that kept imports from Vietnam and Thailand low while satisfying trade rules.",
])
def test_hard_cases_stay_quiet(paragraph):
    _, found = findings(BODY[:2] + [paragraph] + BODY[2:])
    assert found == []


def test_roundup_whose_subheads_announce_each_item_stays_quiet(tmp_path):
    text = textwrap.dedent("""\
        # Northfield County weekend briefing

        Our weekly round-up of news from the towns and villages of Northfield County, one item from
        each corner of the county, compiled by the county desk.

        ## Eastgate library branch opens

        The new Eastgate branch library opened on Saturday in the former post office on Mill Street,
        the county library service said, with a children's reading room and study desks.

        Librarian Joan Whitaker said pupils from the primary school chose the colours of the room
        and the name of the storytelling corner, which opens with a reading on Monday.

        ## Ridge Road closes for resurfacing

        Ridge Road between Oakley and the Carver roundabout closes from Monday for resurfacing, the
        highways department said, and buses will follow a signed diversion through Little Hamble.

        The department said it brought the work forward after drivers reported potholes on the
        steep section below the quarry entrance, where two lorries lost tyres last month.

        ## Oakley harvest fair returns

        The Oakley harvest fair returns to the village green on Sunday, organisers said, with stalls
        selling apples, cider and cheese from farms in the valley and the village band.

        Fair secretary Colin Marsh said volunteers had rebuilt the wooden stage that stood in
        storage while the green was closed for drainage work.
        """)
    art = build_article("brief.md", decode(text.encode("utf-8")), Config())
    assert list(OffTopicParagraph().check(art)) == []


def test_short_article_is_not_judged():
    _, found = findings([CHILE])
    assert found == []


def test_site_chrome_and_foreign_language_paragraphs_are_left_to_other_rules():
    chrome = ("Sign up for our Morning Briefing newsletter to get the top stories delivered to your "
              "inbox every weekday, and follow the desk for breaking alerts from around the world.")
    foreign = ("Die Bundesregierung hat am Dienstag in Berlin neue Regeln für den Wohnungsbau "
               "beschlossen, wie ein Sprecher des Ministeriums mitteilte, und die Länder begrüßten das.")
    _, found = findings(BODY[:2] + [chrome] + BODY[2:3] + [foreign] + BODY[3:])
    assert found == []


def test_options_can_make_it_stricter():
    _, found = findings(BODY[:2] + [CHILE] + BODY[2:])
    assert len(found) == 1
    art = article(BODY[:2] + [CHILE] + BODY[2:])
    assert list(OffTopicParagraph({"min_words": 5000}).check(art)) == []


# -- signals added for recall and precision ----------------------------------------------------

def test_reaction_that_shares_no_words_stays_quiet_unless_a_connective_opens_it():
    # a third party reacting in its own words ("urged ..."): lexically apart, still on topic
    reaction = ("The Philippine agriculture secretary, Ramon Bautista, urged Manila to seek comparable "
                "concessions for growers on Luzon and Mindanao before the harvest season begins.")
    _, found = findings(BODY[:2] + [reaction] + BODY[2:])
    assert found == []
    # the same words without the reaction verb read as another story
    _, found = findings(BODY[:2] + [reaction.replace("urged Manila", "travelled to Manila")] + BODY[2:])
    assert len(found) == 1
    # and a reaction verb does not shield a tangent that a topic-shift connective opens
    _, found = findings(BODY[:2] + [CHILE.replace("voters head", "officials urged voters to head")]
                        + BODY[2:])
    assert len(found) == 1 and "Meanwhile" in found[0].message


def test_connective_tangent_that_shares_only_the_place_name_is_flagged():
    town_title = "Hanoi rice exporters welcome Japanese tariff deal"
    town_lead = ("Rice exporters in Hanoi welcomed on Tuesday an agreement that will lower Japanese "
                 "tariffs on Vietnamese rice, the Hanoi exporters' association said in a statement.")
    football = ("Meanwhile, in Hanoi, the city's football club unveiled its new kit on Saturday and "
                "said the shirts would be worn for the first time at the stadium against Haiphong.")
    art, found = findings(BODY[:2] + [football] + BODY[2:], title=town_title, lead=town_lead)
    assert lines_of(art, found) == [football[:40]]
    assert "shares little but Hanoi" in found[0].message  # the one tie, named
    # without the connective, sharing the town is enough to stay quiet
    _, found = findings(BODY[:2] + [football.replace("Meanwhile, in Hanoi, the", "The Hanoi")] + BODY[2:],
                        title=town_title, lead=town_lead)
    assert found == []


def test_embedded_social_post_is_left_alone():
    post = ("So proud of our growers today, what a day for the whole delta, thank you all for the "
            "support and the long nights of work pic.twitter.com/AbCdEf1234")
    _, found = findings(BODY[:2] + [post] + BODY[2:])
    assert found == []


def test_byline_and_email_lines_do_not_become_the_lead():
    text = "\n\n".join([TITLE, "By Anna Reyes", "anna.reyes@example.com", LEAD] + BODY) + "\n"
    art = build_article("byline.txt", decode(text.encode("utf-8")), Config(language="auto"))
    from rules.off_topic import analyse

    judged = analyse(art, OffTopicParagraph().settings)
    assert judged and all(p.block.text != LEAD for p in judged)  # the lead is the subject, not judged
    assert list(OffTopicParagraph().check(art)) == []


def test_english_terms_meet_across_plural_and_verb_endings():
    from rules.topic_text import Analyzer

    an = Analyzer("en")
    a = an.terms("The turbines stood above the farms while tariffs rose.").weights
    b = an.terms("One turbine, one farm, one tariff: the farmer farmed on.").weights
    assert {"turbin", "farm", "tariff"} <= set(a) & set(b)


def test_german_compounds_meet_their_head_word():
    from rules.topic_text import Analyzer

    an = Analyzer("de")
    compound = an.terms("Die Strompreise für Haushalte sinken langsamer als erhofft.")
    plain = an.terms("Ob die Preise weiter fallen, hängt vom Winter ab.")
    assert compound.heads["strom"] == "preis"
    assert "preis" in compound.keys() & plain.keys()
    # a short tail ("Band" in "Verband") is no head, and English has no compound heads
    assert an.terms("Der Verband tagte.").heads == {}
    assert Analyzer("en").terms("The Powerhouse reopened.").heads == {}


def test_german_paragraph_sharing_only_a_compounds_head_is_on_topic():
    # "die Preise" meets "Strompreise" only through the compound's head
    title = "Strompreise für Haushalte sinken langsamer als erhofft"
    lead = ("Die Strompreise für Privathaushalte sind im Oktober um durchschnittlich 6,8 Prozent "
            "gesunken, wie das Vergleichsportal Tarifblick am Montag mitteilte.")
    body = [
        "Ein Musterhaushalt mit einem Jahresverbrauch von 4.000 Kilowattstunden zahlt bei Tarifblick "
        "derzeit im Schnitt 1.312 Euro im Jahr für Strom, vor zwölf Monaten waren es noch 1.408 Euro.",
        "Viele Grundversorger geben die gesunkenen Einkaufskosten für Strom nur zögerlich an ihre "
        "Kunden weiter, sagte eine Energieexpertin von Tarifblick, die zum Wechsel des Stromtarifs rät.",
        "An der Strombörse kostet eine Megawattstunde Strom für das kommende Jahr derzeit etwa 85 Euro, "
        "weniger als die Hälfte des Höchststands, den der Strom im Sommer 2022 erreicht hatte.",
        "Ob die Preise weiter fallen, hängt nach Einschätzung von Fachleuten vor allem vom "
        "Winterwetter und von der Lage auf den Gasmärkten in Nordwesteuropa ab.",
        "Verbraucherschützer raten Haushalten, ihre Stromverträge zu prüfen: ein Wechsel in einen "
        "günstigeren Tarif spare oft mehrere hundert Euro im Jahr, sagte die Verbraucherzentrale.",
    ]
    art, found = findings(body, title=title, lead=lead, name="strom.txt")
    assert found == []


def test_paragraph_set_against_the_story_by_a_contrast_is_a_comparison():
    from rules.topic_text import Analyzer

    assert Analyzer("de").reaction("Der Ölpreis gab dagegen nach. Ein Barrel kostete 73 Dollar.") == "dagegen"
    assert Analyzer("en").reaction("Rice prices in Thailand, by contrast, fell for a third month.") == "by contrast"
    assert Analyzer("en").reaction("Rice prices in Thailand fell for a third month.") == ""


def test_turkish_reaction_verbs_inflect():
    from rules.topic_text import Analyzer

    tr = Analyzer("tr")
    # reported speech turns "karşıladı" into "karşıladığını": the list's trailing * allows it
    assert tr.reaction("Esnaf Ali Demir ise kararı sevinçle karşıladığını anlattı.") == "sevinçle karşıladığını"
    assert tr.reaction("Muhalefet kararı sert bir dille kınadı.") == "kınadı"
    assert tr.reaction("Belediye yeni hattı pazartesi açtı.") == ""


def test_a_dozen_words_sharing_nothing_are_too_few_to_stand_apart():
    short = "Surveyors expect the bids for a second stage of the tramway to open next spring."
    _, found = findings(BODY[:3] + [short] + BODY[3:])
    assert found == []
    # with a lower floor its vocabulary alone would flag it
    art = article(BODY[:3] + [short] + BODY[3:])
    found = list(OffTopicParagraph(settings={"min_apart_words": 5}).check(art))
    assert lines_of(art, found) == [short[:40]]


def test_paragraph_interrupting_its_neighbours_thread_is_flagged():
    # the paragraphs before and after it carry on one thread (the quota, the Mekong growers); the
    # insert shares a few words with the article elsewhere (too many for the plain "apart" test)
    # but none with them
    before = ("Growers in the Mekong Delta said the quota would lift their prices, and cooperatives "
              "in Can Tho began sorting rice for the first Japanese shipments.")
    after = ("Cooperatives in Can Tho said sorting for the Japanese quota would take until spring, "
             "and Mekong growers asked for credit to buy new drying equipment.")
    insert = ("Gothenburg's parliament members gave their approval to a ferry timetable with monthly "
              "figures on late sailings to the archipelago islands and cheaper fares for pensioners.")
    art, found = findings(BODY[:2] + [before, insert, after] + BODY[2:])
    assert lines_of(art, found) == [insert[:40]]
    assert "paragraphs around it" in found[0].message
    # between two paragraphs that do not carry one thread, the same words are not enough
    _, found = findings(BODY[:2] + [before, after] + BODY[2:3] + [insert] + BODY[3:])
    assert found == []



# a tangent sharing a few words with the article (too many for the plain "apart" test), told by
# a source it never introduces, or in a voice the report never uses
TITAN = ("Methane rain falls on the northern lakes of Titan far more often than models predicted, "
         "Brannigan said. The mission team will watch the lakes closely through the summer and publish "
         "monthly figures on the rain.")
HOLIDAY = ("If you are planning a winter holiday, book your flights early: airlines publish their "
           "cheapest fares in the autumn, and you can watch prices closely with a free alert that "
           "emails you daily.")


def test_tangent_quoting_a_source_the_article_never_introduced_is_flagged():
    art, found = findings(BODY[:2] + [TITAN] + BODY[2:])
    assert lines_of(art, found) == [TITAN[:40]]
    assert "quotes Brannigan by a single name the article never introduces" in found[0].message
    # introduced in full ("said Ruth Brannigan, a planetary scientist"), the same paragraph is
    # not apart enough on its words alone
    introduced = TITAN.replace("Brannigan said", "said Ruth Brannigan, a planetary scientist")
    _, found = findings(BODY[:2] + [introduced] + BODY[2:])
    assert found == []


def test_tangent_addressing_the_reader_in_a_report_is_flagged_but_a_column_is_not():
    art, found = findings(BODY[:2] + [HOLIDAY] + BODY[2:])
    assert lines_of(art, found) == [HOLIDAY[:40]]
    assert "says 'you' where no other paragraph does" in found[0].message
    # a writer who speaks in the first person elsewhere (a column): the voice is the article's
    column = ("I have covered rice markets for a decade, and I have rarely seen Tokyo move this fast "
              "on Vietnamese rice.")
    _, found = findings(BODY[:2] + [HOLIDAY] + BODY[2:3] + [column] + BODY[3:])
    assert found == []


ADVICE = ("Are you a pair of old friends who would like to try something different together, but "
          "you are not sure what you might both enjoy or where to begin?")


def test_plain_words_paragraph_addressing_the_reader_and_sharing_nothing_is_flagged():
    # too few rare words for the "apart" test, but not one of them is anywhere in the article,
    # and it speaks to "you" where the report never does: an advice column spliced in
    art, found = findings(BODY[:2] + [ADVICE] + BODY[2:])
    assert lines_of(art, found) == [ADVICE[:40]]
    assert "shares no distinctive word with the article" in found[0].message
    # the same plain words in the report's own voice are left alone
    plain = ADVICE.replace("Are you", "Were they").replace("you are", "they were") \
        .replace("you might", "they might").replace("?", ".")
    _, found = findings(BODY[:2] + [plain] + BODY[2:])
    assert found == []


def test_single_name_speakers_and_voice_outside_quotes():
    from rules.topic_text import Analyzer

    an = Analyzer("en")
    said = an.speakers("“It is fine,” said Okafor. Mr. Lindqvist agreed. Brannigan asked why.")
    assert [w for w, _ in said] == ["Okafor", "Lindqvist", "Brannigan"]
    # full names, names the text gives in full, common nouns opening a sentence, and the person
    # spoken about ("said Keller was") are no single-name speakers
    assert an.speakers("Police Chief Jo Marsh told reporters. Helga Strand agreed, and Helga said "
                       "so. Lawmakers said Keller was at risk, said Peter Gray.") == []
    assert an.voice("He said: “I am here, and you know it.”") == ""
    assert an.voice("‘I don’t think you can,’ she said.") == ""  # an apostrophe inside ‘...’
    assert an.voice("If you ask me, the deal is good.") == "you"
    assert Analyzer("de").voice("Ich glaube, das reicht.") == "Ich"


def test_long_prose_with_one_chrome_word_and_a_box_score_are_still_judged():
    from rules.topic_text import Analyzer

    # one cue word in a long paragraph is prose about a subscription, not a newsletter prompt
    tangent = CHILE + " Both campaigns sold a monthly subscription to their rally livestreams."
    art, found = findings(BODY[:2] + [tangent] + BODY[2:])
    assert lines_of(art, found) == [tangent[:40]]
    an = Analyzer("en")
    box = ("Riverside (2-1-0): Tom Archer 2 goals, 1 assist. Leo Brandt 1 goal. Sam Ortiz 1 assist. "
           "Max Fuller 3 saves. Ian Cole 1 assist. Ben Hart 1 goal, 2 assists. Dan Reyes 1 goal.")
    assert not an.foreign(an.terms(box), box)  # few function words, but none of another language
    german = ("Die Bundesregierung hat am Dienstag in Berlin neue Regeln für den Wohnungsbau "
              "beschlossen, wie ein Sprecher des Ministeriums mitteilte, und die Länder begrüßten das.")
    assert an.foreign(an.terms(german), german)

def test_warm_up_loads_every_language():
    from rules import topic_text

    OffTopicParagraph().warm_up()
    for lang in topic_text.LANGS:
        assert topic_text.lang_data(lang).stops
        assert topic_text.lang_data(lang).connectives
        assert topic_text.lang_data(lang).reactions
        assert topic_text.common_words(lang)


# -- the corpus: the rule finds exactly the labelled tangents in our own topic-* articles -----------

def _corpus_labels():
    path = ROOT / "corpus" / "labels.jsonl"
    labels = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [lab for lab in labels if lab["category"] == "off-topic" and lab["kind"] == "must"]


@pytest.mark.parametrize("lang", ["en", "tr", "ru", "de", "es"])
def test_corpus_topic_articles_flag_exactly_their_labelled_tangents(lang):
    labels = _corpus_labels()
    files = sorted((ROOT / "corpus" / lang).glob("topic-*"))
    assert files, f"no topic-* article for {lang}"
    for path in files:
        rel = f"{lang}/{path.name}"
        want = sorted((lab["start"], lab["end"]) for lab in labels if lab["file"] == rel)
        art = build_article(str(path), decode(path.read_bytes()), Config())
        got = sorted((f.line, f.end_line) for f in OffTopicParagraph().check(art))
        assert got == want, rel


def test_corpus_labels_cover_whole_paragraphs():
    # our topic-* articles separate paragraphs with blank lines: a label spans one exactly
    for lab in [lab for lab in _corpus_labels() if lab["file"].split("/")[-1].startswith("topic-")]:
        lines = (ROOT / "corpus" / lab["file"]).read_text(encoding="utf-8").split("\n")
        assert lab["category"] == "off-topic" and lab["kind"] == "must"
        assert lines[lab["start"] - 1].strip() and lines[lab["end"] - 1].strip()
        assert not lines[lab["start"] - 2].strip() and not lines[lab["end"]].strip()


# -- the splice benchmark ------------------------------------------------------------------------

def _splice_module():
    spec = importlib.util.spec_from_file_location("splice", ROOT / "benchmarks" / "splice.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_splice_benchmark_skips_cleanly_without_shared(monkeypatch, tmp_path, capsys):
    mod = _splice_module()
    monkeypatch.setattr(mod, "BENCH", str(tmp_path / "missing"))
    assert mod.main(["--out", str(tmp_path / "out")]) == 0
    assert "skipped" in capsys.readouterr().out


@pytest.mark.skipif(not (SHARED / "articles").is_dir(), reason="../shared is absent")
def test_splice_benchmark_is_reproducible_and_labels_the_inserted_paragraph(tmp_path):
    mod = _splice_module()
    mod.build(5, str(tmp_path / "one"), 12)
    mod.build(5, str(tmp_path / "two"), 12)
    for s in ("A", "B"):
        one = (tmp_path / "one" / f"{s}.jsonl").read_text(encoding="utf-8")
        assert one == (tmp_path / "two" / f"{s}.jsonl").read_text(encoding="utf-8")
        for line in one.splitlines():
            lab = json.loads(line)
            assert set(lab) == {"file", "category", "start", "end", "kind"}
            assert lab["category"] == "off-topic" and lab["kind"] == "must"
            spliced = (tmp_path / "one" / s / lab["file"]).read_text(encoding="utf-8").split("\n")
            clean = (tmp_path / "one" / "clean" / lab["file"]).read_text(encoding="utf-8")
            inserted = spliced[lab["start"] - 1]
            assert inserted.strip() and inserted not in clean
            assert lab["start"] > 3  # never in the lead


def test_false_alarm_script_counts_findings_in_unlabelled_articles_only(tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("tfa", ROOT / "benchmarks" / "topic_false_alarms.py")
    tfa = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tfa)
    text = "\n\n".join([TITLE, LEAD, *BODY[:2], CHILE, *BODY[2:]]) + "\n"
    (tmp_path / "clean").mkdir()
    (tmp_path / "clean" / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "clean" / "b.txt").write_text(text, encoding="utf-8")
    (tmp_path / "clean" / "labels.jsonl").write_text(json.dumps(
        {"file": "b.txt", "category": "off-topic", "start": 9, "end": 9, "kind": "must"}) + "\n")
    assert [Path(f).name for f in tfa.clean_files(str(tmp_path / "clean"))] == ["a.txt"]
    assert tfa.paragraphs_after_lead(str(tmp_path / "clean" / "a.txt")) == len(BODY) + 1
    assert tfa.main([str(tmp_path / "clean")]) == 0
    assert f"1 clean articles, 1 of {len(BODY) + 1} paragraphs after the lead flagged" in capsys.readouterr().out


def test_dateline_below_the_lead_opens_another_story():
    from rules.off_topic import _DATELINE

    for opener in ("SANTA FE, N.M. (AP) — A cat", "VIENNA — The house", "ANKARA (AA) - Bakan",
                   "MADRID, 20 nov (EFE).- El", "МОСКВА, 20 ноября — Глава", "BERLIN (dpa) – Die"):
        assert _DATELINE.match(opener), opener
    for opener in ("NASA said on Monday - no", "The AP — no", "US - China talks"):
        assert not _DATELINE.match(opener), opener
    cat = ("SANTA FE, N.M. (AP) — A cat who went missing five years ago in Portland, Oregon, has "
           "been found in Santa Fe, New Mexico, and was reunited with its owners on Friday after a "
           "microchip scan at an animal shelter.")
    art, found = findings(BODY[:2] + [cat] + BODY[2:])
    assert lines_of(art, found) == [cat[:40]]
    assert "opens with the dateline 'SANTA FE, N.M. (AP)' of another story" in found[0].message
