"""The formatting rules: repeated lines, bare list markers, glued words."""
from lint.cli import main
from _cli import lint_json



def test_headline_twice_flags_the_second_copy(tmp_path, capsys):
    code, found = lint_json(tmp_path, "a.txt", "Ministers meet in Bishkek\n\nMinisters meet in Bishkek\n\n"
                            "The talks began on Monday, officials said.\n", capsys, "--select", "repeated-line")
    assert code == 1
    assert [(f["rule"], f["line"]) for f in found] == [("repeated-line", 3)]
    assert "line 1" in found[0]["message"]


def test_bare_marker_alone_on_a_line(tmp_path, capsys):
    _, found = lint_json(tmp_path, "a.txt", "Signed documents:\n-\nA memorandum on trade;\n-\nA protocol.\n",
                         capsys, "--select", "bare-list-marker")
    assert [f["line"] for f in found] == [2, 4]


def test_glued_words_are_found_with_their_columns(tmp_path, capsys):
    text = ("Court ruling\n\nThe Justice Ministry on FridaydesignatedHuman Rights Watch as undesirable, "
            "and the authoritiesshut downin the evening, the ministry said.\n")
    _, found = lint_json(tmp_path, "a.txt", text, capsys, "--select", "glued-words")
    tokens = [text.split("\n")[f["line"] - 1][f["column"] - 1:f["end_column"] - 1] for f in found]
    assert tokens == ["FridaydesignatedHuman", "authoritiesshut", "downin"]


def test_brands_compounds_and_other_languages_stay_quiet(tmp_path, capsys):
    en = ("Tech news\n\nThe newsroom said YouTube and iPhone users in the United States were hit by a "
          "cyberattack on Tuesday, and that the lockdown of the network lasted an hour.\n")
    de = ("Regierung\n\nDie Bundesregierung und die Landesregierungen haben am Dienstag die "
          "Haushaltsberatungen fortgesetzt, wie ein Sprecher mitteilte.\n")
    _, found = lint_json(tmp_path, "en.txt", en, capsys, "--select", "glued-words")
    assert found == []
    _, found = lint_json(tmp_path, "de.txt", de, capsys, "--select", "glued-words")
    assert found == []


def test_compound_place_names_and_pascalcase_brands_are_not_glue(tmp_path, capsys):
    text = ("Derby report\n\nEastbridge beat Westmarch 2-1 at Dunmoor Park, and the MetalsDesk "
            "analysts at MetroWire watched from the stand, the club said.\n")
    _, found = lint_json(tmp_path, "a.txt", text, capsys, "--select", "glued-words")
    assert found == []


# -- warm_up ---------------------------------------------------------------------------------------

def test_warm_up_loads_everything_and_leaves_results_unchanged(tmp_path, capsys):
    text = ("Rights group banned\n\nRussia's Justice Ministry on FridaydesignatedHuman Rights Watch as "
            "an undesirable organisation, the ministry said in a statement on its website.\n\n"
            "The group said it would continue its work and called the decision unlawful.\n")
    before = lint_json(tmp_path, "a.txt", text, capsys, "--select", "formatting")
    assert before[1]
    from rules.formatting import BareListMarker, GluedWords, RepeatedLine

    for cls in (GluedWords, RepeatedLine, BareListMarker):
        cls().warm_up()
    assert lint_json(tmp_path, "a.txt", text, capsys, "--select", "formatting") == before
