"""Readability ceilings: reading grade, sentence length, paragraph length; quiet by default."""
import json

from lint.cli import main
from _cli import lint_json



WIRE = ("The city council approved the new budget on Tuesday after a long debate, the mayor's office "
        "said. The plan includes money for schools, roads and the public library. It will be reviewed "
        "again in the spring by the finance committee, which meets every month.\n\n"
        "Residents who attended the meeting said they were glad that the library would stay open in "
        "the evenings. Many of them had asked for longer hours during the consultation.\n")


def run_on_sentence(words, tmp_path, capsys, *extra):
    sentence = "Word " + " ".join(["word"] * (words - 2)) + " end."
    text = "Headline\n\n" + WIRE + "\nThe council said this. " + sentence + " It was late.\n"
    return lint_json(tmp_path, "a.txt", text, capsys, "--select", "long-sentence", *extra)


def test_ordinary_wire_copy_is_quiet(tmp_path, capsys):
    _, found = lint_json(tmp_path, "a.txt", "Headline\n\n" + WIRE, capsys, "--select", "readability")
    assert found == []


def test_runaway_sentence_is_flagged_with_its_length(tmp_path, capsys):
    _, found = run_on_sentence(95, tmp_path, capsys)
    assert len(found) == 1
    assert "95 words" in found[0]["message"] and "ceiling 80" in found[0]["message"]


def test_long_but_acceptable_sentence_is_quiet(tmp_path, capsys):
    _, found = run_on_sentence(45, tmp_path, capsys)
    assert found == []


def test_desk_can_tighten_the_sentence_ceiling(tmp_path, capsys):
    (tmp_path / "newslint.toml").write_text("[rules.long-sentence]\nmax_words = 40\n")
    _, found = run_on_sentence(45, tmp_path, capsys, "--config", str(tmp_path / "newslint.toml"))
    assert len(found) == 1 and "ceiling 40" in found[0]["message"]


def test_very_long_paragraph_is_flagged(tmp_path, capsys):
    para = " ".join(["The council met again and talked about roads."] * 35)
    _, found = lint_json(tmp_path, "a.txt", "Headline\n\n" + para + "\n", capsys,
                         "--select", "long-paragraph")
    assert len(found) == 1 and "paragraph of 280 words" in found[0]["message"]


def test_extreme_grade_paragraph_is_flagged(tmp_path, capsys):
    para = ("Notwithstanding considerable intergovernmental disagreements concerning implementation "
            "responsibilities, comprehensive infrastructure modernisation programmes, administered "
            "simultaneously by municipal, regional and national authorities under overlapping statutory "
            "frameworks, necessitate unprecedented interdepartmental coordination mechanisms, "
            "institutionalised accountability arrangements, transparent procurement methodologies and "
            "extraordinarily sophisticated intergenerational financing instruments, notwithstanding "
            "persistent bureaucratic resistance, jurisdictional fragmentation and chronically "
            "insufficient administrative capacity throughout the participating municipalities.")
    _, found = lint_json(tmp_path, "a.txt", "Headline\n\n" + para + "\n", capsys,
                         "--select", "reading-grade")
    assert len(found) == 1
    assert "grade" in found[0]["message"] and "ceiling 40" in found[0]["message"]


def test_grade_ceiling_is_configurable(tmp_path, capsys):
    (tmp_path / "newslint.toml").write_text("[rules.reading-grade]\nmax_grade = 5.0\n")
    text = "Headline\n\n" + WIRE + "\n" + WIRE + "\n" + WIRE
    _, found = lint_json(tmp_path, "a.txt", text, capsys, "--select", "reading-grade",
                         "--config", str(tmp_path / "newslint.toml"))
    assert len(found) == 1 and "the article reads at grade" in found[0]["message"]


def test_chinese_text_without_spaces_is_not_measured_in_words(tmp_path, capsys):
    para = "市议会周二批准了新的预算方案" * 40 + "。"
    _, found = lint_json(tmp_path, "a.txt", "标题\n\n" + para + "\n", capsys, "--select", "readability")
    assert found == []


def test_long_word_languages_get_a_higher_grade_ceiling():
    from rules.readability import _offset

    class Fake:
        annotations = {"newslint.language-guess": "tr"}

    assert _offset(Fake())[0] > 0
    Fake.annotations = {"newslint.language-guess": "en"}
    assert _offset(Fake())[0] == 0


def test_warm_up_loads_everything_and_leaves_results_unchanged(tmp_path, capsys):
    text = WIRE + "\n" + " ".join(["The committee"] + ["and the council"] * 45) + " agreed.\n"
    before = lint_json(tmp_path, "a.txt", text, capsys, "--select", "readability")
    assert before[1]
    from rules.readability import LongParagraph, LongSentence, ReadingGrade

    for cls in (ReadingGrade, LongSentence, LongParagraph):
        cls().warm_up()
    assert lint_json(tmp_path, "a.txt", text, capsys, "--select", "readability") == before
