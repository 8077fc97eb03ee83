"""The ai-filler family: filler-sentence, filler-list and taxonomy-slug."""
import glob
import json
import os
import re
import textwrap
from pathlib import Path

import pytest

from lint.config import Config
from lint.decoding import decode
from lint.runner import build_article
from rules import filler_data
from rules.ai_filler import FillerList, FillerSentence, TaxonomySlug

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench" / "boilerplate" / "articles"

TITLE = "Rail link between Varna and Dobrich reopens for freight"
LEAD = ("The first freight train on the rebuilt line between Varna and Dobrich left the port on "
        "Monday, the state rail company said, three years after work began.")


def article(text: str, name: str = "a.txt", lead: bool = True):
    text = textwrap.dedent(text).strip("\n")
    if lead:
        text = f"{TITLE}\n\n{LEAD}\n\n{text}\n"
    return build_article(name, decode(text.encode("utf-8")), Config())


def findings(text: str, name: str = "a.txt", rules=(FillerSentence, FillerList, TaxonomySlug),
             lead: bool = True, **settings):
    art = article(text, name, lead)
    out = []
    for cls in rules:
        out += list(cls(settings if cls is FillerSentence else None).check(art))
    return sorted(out, key=lambda f: f.line)


# -- filler-sentence ------------------------------------------------------------------------------

def test_padded_sentence_is_flagged_and_the_message_names_its_cues():
    found = findings("This overview underscores the multifaceted nature of today's diplomacy.")
    assert [f.rule for f in found] == ["filler-sentence"]
    msg = found[0].message
    assert 'meta-discourse subject "This overview"' in msg
    assert "contentless trend predicate" in msg and "underscores the multifaceted" in msg
    assert "no number, date, new name or quote" in msg


def test_the_examples_of_the_issue():
    text = """
    The conversation around the new trade corridor is increasingly gaining momentum across the landscape of business, economy, and regional-affairs.

    Amid the many dimensions of the partnership, it is essential to consider labour mobility.

    This overview underscores the multifaceted nature of today's diplomacy.
    """
    assert [(f.line, f.rule) for f in findings(text)] == [
        (5, "taxonomy-slug"), (7, "filler-sentence"), (9, "filler-sentence")]


def test_two_weak_cues_are_enough_one_is_not():
    assert findings("In today's fast-paced world, the landscape of freight keeps changing.")
    assert not findings("The landscape of the valley has barely changed since the dam was built.")


@pytest.mark.parametrize("line", [
    "Amid the many dimensions of the partnership, it is essential to consider labour mobility.",
    "In conclusion, only time will tell how the partnership continues to evolve.",
    "It's worth noting that navigating the complexities of freight requires a holistic approach.",
    "This development plays a pivotal role in the tapestry of regional trade.",
    "Overall, the decision is a testament to the intricate interplay of needs and pressures.",
])
def test_typical_filler_sentences(line):
    assert [f.rule for f in findings(line)] == ["filler-sentence"]


def test_honest_uses_of_the_same_words_stay_quiet():
    text = """
    Residents face a crucial vote next month on whether the trust should buy a stake in the wind farm.

    The landscape of the valley has barely changed since the hydro dam was built in the 1950s.

    Navigating the single-track road in winter takes an hour, a council spokeswoman said.

    The company said the delay was a testament to poor planning by its contractor, Rila Build.
    """
    assert findings(text) == []


def test_a_quoted_cliche_or_an_attributed_sentence_is_not_filler():
    text = """
    "This agreement is a testament to the spirit of cooperation and plays a pivotal role in our future," the minister said.

    Analysts said the project underscores the importance of regional cooperation.

    According to the ministry, the corridor continues to evolve in the realm of regional logistics.
    """
    assert findings(text) == []


def test_a_sentence_with_a_specific_is_not_filler():
    # a number, a date word, a name not in the title or lead
    assert not findings("The corridor continues to evolve: the ministry plans 12 new sidings.")
    assert not findings("The corridor continues to evolve and plays a pivotal role for Bulgarian Railways.")
    assert not findings("On Thursday the corridor continues to evolve and plays a pivotal role.")


def test_names_from_the_title_and_lead_are_not_specifics():
    found = findings("The Varna-Dobrich partnership continues to evolve and plays a pivotal role in trade.")
    assert [f.rule for f in found] == ["filler-sentence"]


def test_threshold_option():
    line = "In today's fast-paced world, the landscape of freight keeps changing."
    assert findings(line, threshold=2.0)
    assert not findings(line, threshold=4.0)


# -- filler-list ----------------------------------------------------------------------------------

TAKEAWAYS = """
Key takeaways:

- Strengthening regional connectivity remains a key priority for all stakeholders.
- The project highlights the importance of sustainable growth.
- Enhanced cooperation fosters mutual prosperity across the region.
"""


def test_a_trailing_takeaway_list_is_flagged_item_by_item():
    found = findings(TAKEAWAYS)
    items = [f for f in found if f.rule == "filler-list"]
    assert len(items) == 3
    assert all("item of a filler list" in f.message and "Key takeaways" in f.message for f in items)
    # the lead-in line goes with it
    heads = [f for f in found if f.rule == "filler-sentence"]
    assert len(heads) == 1 and "closer heading" in heads[0].message


def test_a_list_of_facts_after_a_key_points_heading_is_not_filler():
    text = """
    Key points:

    - The line is 95 kilometres long and cost 212 million leva, the ministry said.
    - Passenger trains return in December, with six services a day.
    - Residents of Aksakovo asked for noise barriers along a 700-metre stretch.
    """
    assert findings(text) == []


def test_a_key_points_box_of_plain_statements_is_not_filler():
    text = """
    Key points:

    - Residents oppose the noise of night trains.
    - The council will vote on noise barriers again.
    - The rail company says it is studying the request.
    """
    assert findings(text) == []


def test_a_list_without_cues_is_not_filler():
    text = """
    What to bring:

    - warm clothes and a torch
    - water and something to eat
    - a charged telephone
    """
    assert findings(text) == []


def test_html_list_is_flagged():
    html = """<html lang="en"><head><title>Port wins berth</title></head><body><article>
    <h1>Port of Tarrow wins approval for a berth</h1>
    <p>Planning inspectors approved the berth on Thursday, the port authority said.</p>
    <h2>What this means</h2>
    <ul>
    <li>The expansion signals a growing commitment to economic resilience.</li>
    <li>Stakeholder collaboration remains essential for navigating future challenges.</li>
    <li>The project marks a significant milestone in the region's development journey.</li>
    </ul>
    </article></body></html>"""
    found = findings(html, name="a.html", lead=False)
    assert [f.rule for f in found].count("filler-list") == 3


def test_site_chrome_blocks_are_left_to_the_boilerplate_rules():
    html = """<html lang="en"><body><article><h1>Port wins berth</h1>
    <p>Planning inspectors approved the berth on Thursday, the port authority said.</p></article>
    <footer><p>This overview underscores the multifaceted nature of our newsroom.</p></footer>
    </body></html>"""
    assert findings(html, name="a.html", lead=False) == []


# -- taxonomy-slug --------------------------------------------------------------------------------

def test_leaked_slug_is_flagged_even_with_specifics():
    found = findings("Freight volumes rose 12% in business-and-economy and regional-affairs, the company said.")
    assert [f.rule for f in found] == ["taxonomy-slug"]
    assert "business-and-economy" in found[0].message


def test_list_of_section_names_is_a_slug():
    found = findings("The corridor is gaining momentum across general news, politics, and regional affairs.")
    assert [f.rule for f in found] == ["taxonomy-slug"]


@pytest.mark.parametrize("line", [
    "The ban on social-media advertising for teenagers takes effect in March, the regulator said.",
    "The long-term loan was signed with a state-owned bank in Sofia on Friday.",
    "Tags: business-and-economy, world-news",
    "Read more at https://example.com/business-and-economy/rail-link today.",
])
def test_ordinary_hyphenated_words_tag_lines_and_links_are_not_slugs(line):
    assert [f for f in findings(line) if f.rule == "taxonomy-slug"] == []


# -- other languages ------------------------------------------------------------------------------

@pytest.mark.parametrize("name,title,lead,line", [
    ("tr.txt", "Çandarlı Limanı'na demiryolu bağlantısı", "Bakanlık, ihalenin 14 Mart'ta yapılacağını duyurdu.",
     "Bu gelişme, bölgesel ticaretin çok yönlü doğasını bir kez daha gözler önüne seriyor."),
    ("ru.txt", "В Перми построят трамвайную линию", "Об этом сообщила пресс-служба министерства транспорта.",
     "Важно отметить, что данная инициатива играет ключевую роль в многогранном развитии региона."),
    ("de.txt", "Leipzig baut einen Radschnellweg", "Das hat der Stadtrat am Mittwoch beschlossen, teilte die Stadt mit.",
     "Die Debatte über die Zukunft der urbanen Mobilität gewinnt zunehmend an Bedeutung und Relevanz."),
    ("es.txt", "La Junta adjudica la desaladora", "La obra costará 78 millones de euros, según la consejería.",
     "Cabe destacar que esta iniciativa desempeña un papel fundamental en un mundo cada vez más interconectado."),
])
def test_filler_in_other_languages(name, title, lead, line):
    text = f"{title}\n\n{lead}\n\n{line}\n"
    art = build_article(name, decode(text.encode()), Config())
    found = list(FillerSentence().check(art))
    assert [f.line for f in found] == [5]


def test_german_capitalised_nouns_are_not_names_but_a_new_name_still_counts():
    base = "Leipzig baut einen Radschnellweg\n\nDas hat der Stadtrat am Mittwoch beschlossen, teilte die Stadt mit.\n\n"
    filler = "Die Debatte über die Zukunft der Mobilität gewinnt zunehmend an Bedeutung und bleibt abzuwarten."
    named = "Die Debatte über die Pläne von Burkhard Jung gewinnt zunehmend an Bedeutung und bleibt abzuwarten."
    for line, expected in ((filler, 1), (named, 0)):
        art = build_article("de.txt", decode((base + line + "\n").encode()), Config())
        assert len(list(FillerSentence().check(art))) == expected


def test_number_words_of_one_language_do_not_count_in_another():
    # Turkish "on" (ten) must not make an English sentence specific
    found = findings("In the realm of local governance, the discussion on finances continues to evolve.")
    assert [f.rule for f in found] == ["filler-sentence"]


# -- data and documentation -----------------------------------------------------------------------

def test_every_language_file_loads_and_every_cue_has_an_anchor():
    cues = filler_data.load()
    assert set(cues.languages) >= {"en", "tr", "ru", "de", "es"}
    assert cues.always == ()  # every pattern is indexed by an anchor word
    for name in glob.glob(os.path.join(filler_data.DATA_DIR, "*.txt")):
        sections = filler_data.parse_file(name)
        for section in filler_data.CUE_SECTIONS:
            for weight, pattern in sections.get(section, []):
                assert 0 < weight <= 3, (name, pattern)
                re.compile(pattern)
                assert all(filler_data.anchor(p) for p in filler_data.expand(pattern)), (name, pattern)


def test_phrase_index_is_up_to_date():
    """rules/data/filler/index.json must match the data files: run `python -m rules.filler_data`."""
    per_lang, digest = filler_data._read_data(filler_data.DATA_DIR)
    with open(os.path.join(filler_data.DATA_DIR, filler_data.INDEX_FILE), encoding="utf-8") as f:
        index = json.load(f)
    assert index["digest"] == digest, "stale index: run `python -m rules.filler_data`"
    # the anchors depend on wordfreq's version; the phrases and patterns must not
    fresh = filler_data.build_index(per_lang, digest, use_frequency=False)
    assert index["sources"] == fresh["sources"] and index["always"] == fresh["always"]

    def phrases(ix):
        out = set()
        for key in ("words", "stems"):
            for a, (_, groups, regexes) in ix[key].items():
                a = a + filler_data.WILD if key == "stems" else a
                out |= {(i, before + a + after) for before, afters in groups for after, i in afters}
                out |= {(i, src) for i, src in regexes}
        return out

    assert len(phrases(index)) == len(phrases(json.loads(json.dumps(fresh))))


def test_a_stale_index_is_rebuilt_in_memory(tmp_path):
    """Editing a data file without rebuilding the index must not lose cues (only speed)."""
    import shutil

    for name in os.listdir(filler_data.DATA_DIR):
        shutil.copy(os.path.join(filler_data.DATA_DIR, name), tmp_path / name)
    with open(tmp_path / "en.txt", "a", encoding="utf-8") as f:
        f.write("\n[vocab]\n2\tzorblax(?:es)? of progress\n")
    cues = filler_data.load(str(tmp_path))
    found, lang = filler_data.find_cues(cues, "the zorblaxes of progress are here", "en")
    assert [cues.patterns[i].source for _, _, i in found] == ["zorblax(?:es)? of progress"]


def test_explanations_document_every_cue_and_have_examples():
    for cls in (FillerSentence, FillerList, TaxonomySlug):
        text = cls.explanation
        assert "Bad:" in text and "Good:" in text
        for cue in ("no specifics", "meta-discourse subject", "trend predicate", "filler vocabulary",
                    "filler opener", "generic closer", "section names", "taxonomy slug", "quotation"):
            assert cue in text, (cls.id, cue)


@pytest.mark.skipif(not BENCH.is_dir(), reason="../shared benchmark not available")
def test_ordinary_news_is_almost_never_flagged():
    sentences = flagged = 0
    for path in sorted(BENCH.glob("*.txt")):
        art = build_article(str(path), decode(path.read_bytes()), Config())
        sentences += len(art.sentences)
        for cls in (FillerSentence, FillerList, TaxonomySlug):
            flagged += len(list(cls().check(art)))
    assert sentences > 1000
    assert flagged * 500 < sentences


# -- speed work: the index is read lazily; warm_up --------------------------------------------------

def test_lazily_read_index_gives_the_same_entries_as_a_full_parse():
    per_lang, digest = filler_data._read_data(filler_data.DATA_DIR)
    index = filler_data._read_index(filler_data.DATA_DIR, digest)
    assert index is not None, "stale index: run `python -m rules.filler_data`"
    with open(os.path.join(filler_data.DATA_DIR, filler_data.INDEX_FILE), encoding="utf-8") as f:
        full = json.load(f)
    for key in ("words", "stems"):
        assert sorted(index[key]) == sorted(full[key])
        assert all(index[key][a] == full[key][a] for a in full[key])
    fresh = json.loads(json.dumps(filler_data.build_index(per_lang, digest, use_frequency=False)))
    assert index["meta"] == fresh["meta"]


WARM_TEXTS = [
    """
    This development underscores the multifaceted nature of regional cooperation.

    In conclusion, only time will tell how the partnership continues to evolve.

    Key takeaways:

    - Strengthening regional cooperation remains a key priority.
    - The partnership continues to evolve across multiple dimensions.
    """,
    """
    Bu gelişme, bölgesel işbirliğinin çok boyutlu yapısının altını çiziyor.

    Sonuç olarak, ortaklığın nasıl gelişeceğini zaman gösterecek.
    """,
    """
    Diese Entwicklung unterstreicht die vielschichtige Bedeutung der Zusammenarbeit.

    Zusammenfassend lässt sich sagen, dass die Partnerschaft sich ständig wandelt.
    """,
]


def test_warm_up_loads_everything_and_leaves_results_unchanged():
    before = [[f.as_json() for f in findings(t)] for t in WARM_TEXTS]
    assert before[0]
    for cls in (FillerSentence, FillerList, TaxonomySlug):
        cls().warm_up()
    assert [[f.as_json() for f in findings(t)] for t in WARM_TEXTS] == before
