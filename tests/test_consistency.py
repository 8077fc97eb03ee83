"""Consistency: a name spelled two ways, a figure stated two ways."""
import json

from lint.cli import main
from _cli import lint_json as _lint_json


def lint_json(tmp_path, text, capsys, select="consistency", name="a.txt"):
    return _lint_json(tmp_path, name, text, capsys, "--select", select)[1]



def test_minority_spelling_is_flagged_naming_the_majority(tmp_path, capsys):
    text = ("Zelenskyy visits Lviv\n\nPresident Volodymyr Zelenskyy arrived in Lviv on Friday, his "
            "office said.\n\nThe visit was announced by Zelenskyy's spokesman.\n\n"
            "Officials said Zelensky would return next month.\n\nLocal leaders thanked Zelenskyy.\n")
    found = lint_json(tmp_path, text, capsys)
    assert [(f["rule"], f["line"]) for f in found] == [("name-spelling", 7)]
    assert "'Zelensky'" in found[0]["message"] and "'Zelenskyy'" in found[0]["message"]


def test_accents_make_a_second_spelling(tmp_path, capsys):
    text = ("Ankara talks\n\nPresident Erdoğan met the delegation, his office said. Later Erdoğan "
            "spoke to reporters.\n\nCritics of Erdogan said the talks changed nothing.\n")
    found = lint_json(tmp_path, text, capsys)
    assert [f["line"] for f in found] == [5]


def test_possessives_suffixes_and_inflections_are_not_spellings(tmp_path, capsys):
    en = "Talks\n\nOfficials said Zelenskyy met donors. Zelenskyy's aides confirmed it.\n"
    tr = "Görüşme\n\nCumhurbaşkanı Erdoğan konuştu. Bakanlar Erdoğan'ın açıklamasını destekledi.\n"
    ru = "Встреча\n\nПрезидент Путин провел встречу. Министры поддержали Путина и заявили это.\n"
    for text in (en, tr, ru):
        assert lint_json(tmp_path, text, capsys) == []


def test_different_people_with_similar_names_are_not_flagged(tmp_path, capsys):
    text = ("Hockey\n\nDefenceman Jonas Brodin scored twice, the club said.\n\n"
            "Goaltender Joonas Korpisalo made the saves.\n")
    assert lint_json(tmp_path, text, capsys) == []


def test_figure_with_swapped_digits_flags_the_second(tmp_path, capsys):
    text = ("Retail chain expands\n\nThe chain runs 340 stores in the region, the company said.\n\n"
            "It plans to refit all 430 stores next year, according to its annual report.\n")
    found = lint_json(tmp_path, text, capsys)
    assert [(f["rule"], f["line"]) for f in found] == [("figure-mismatch", 5)]
    assert "'340 stores'" in found[0]["message"] and "line 3" in found[0]["message"]


def test_figures_for_different_things_stay_quiet(tmp_path, capsys):
    text = ("Retail\n\nThe chain runs 340 stores, the company said. Its rival runs 350 stores, "
            "the rival said.\n\nBoth employ 1,200 people, officials said, and sold 2,100 cars.\n\n"
            "The chain opened 340 stores and closed 430 stores in the same year, it said.\n")
    assert lint_json(tmp_path, text, capsys) == []


def test_inflected_nouns_are_compared_by_stem(tmp_path, capsys):
    text = ("Market zinciri\n\nŞirketin açıklamasına göre zincir 340 mağazasına ürün gönderiyor.\n\n"
            "Şirket, 430 mağazasının tamamında yeni sisteme geçeceğini bildirdi.\n")
    found = lint_json(tmp_path, text, capsys)
    assert [f["line"] for f in found] == [5]


# -- speed work: the capital-letter class lists only the capitals a text holds; warm_up ------------

def test_capword_pattern_for_a_text_finds_what_the_full_one_finds():
    from rules import consistency as C

    full = C._compile_capword("".join(sorted(C._upper())))
    for text in ["Zelenskyy met Zelensky in Kyiv", "Erdoğan'ın ziyareti, Erdogan dedi", "Ölçüm İstanbul'da",
                 "Путин и Путина, Ельцин", "Ωμέγα Ἀθῆναι Ελλάδα", "Ḥasan Ẓāhir Ấn", "jean-Pierre Jean-Pierre",
                 "ÉCOLE Élysée Ångström Ørsted Œuvre", ""]:
        assert C._capword_re(text).findall(text) == full.findall(text), text


WARM = ("Zelenskyy visits the front\n\nPresident Volodymyr Zelenskyy met soldiers in Kharkiv on Friday. "
        "The chain runs 340 stores in the region, the company said.\n\nLater, Zelensky said the talks "
        "went well. Its 430 stores employ 9,000 people, the company said.\n")


def test_warm_up_loads_everything_and_leaves_results_unchanged(tmp_path, capsys):
    before = lint_json(tmp_path, WARM, capsys)
    assert before
    from rules.consistency import FigureMismatch, NameSpelling

    NameSpelling().warm_up()
    FigureMismatch().warm_up()
    assert lint_json(tmp_path, WARM, capsys) == before
