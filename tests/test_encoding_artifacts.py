"""Encoding artifacts (formatting): mojibake, leftover HTML entities, words mixing scripts;
replacement fixes; and the promise that formatting alone never loads langdetect or textstat."""
import json
import subprocess
import sys
from pathlib import Path

from lint import Fix
from lint.cli import main
from lint.fix import fix_text
from _cli import lint_json

ROOT = Path(__file__).resolve().parent.parent



def spans(text, found):
    lines = text.split("\n")
    return [lines[f["line"] - 1][f["column"] - 1:f["end_column"] - 1] for f in found]


MOJIBAKE = ("Bakery wins contract\n\nThe cooperativeâ€™s president runs a cafÃ© near the market, "
            "the city said.\n")


def test_mojibake_is_found_and_named(tmp_path, capsys):
    _, found = lint_json(tmp_path, "a.txt", MOJIBAKE, capsys, "--select", "mojibake")
    assert spans(MOJIBAKE, found) == ["â€™", "Ã©"]
    assert all(f["category"] == "formatting" for f in found)
    assert "should read '’'" in found[0]["message"] and "should read 'é'" in found[1]["message"]


def test_fix_repairs_only_the_damaged_characters(tmp_path, capsys):
    p = tmp_path / "a.txt"
    p.write_text(MOJIBAKE, encoding="utf-8")
    main([str(p), "--fix", "--jobs", "1", "--select", "mojibake"])
    capsys.readouterr()
    assert p.read_text(encoding="utf-8") == MOJIBAKE.replace("â€™", "’").replace("Ã©", "é")


def test_correct_accents_and_cyrillic_are_not_mojibake(tmp_path, capsys):
    text = ("São Paulo\n\nA reunião em São Paulo terminou «été», disse o ministério. ATENÇÃO: "
            "Привет, Müller, Erdoğan, Ñandú.\n")
    _, found = lint_json(tmp_path, "a.txt", text, capsys, "--select", "mojibake")
    assert found == []


def test_leftover_entities_in_plain_text_are_flagged_and_fixed(tmp_path, capsys):
    text = "Deal\n\nSmith&nbsp;&amp; Sons said the deal was off, AT&T said.\n"
    _, found = lint_json(tmp_path, "a.txt", text, capsys, "--select", "html-entity")
    assert spans(text, found) == ["&nbsp;", "&amp;"]
    p = tmp_path / "a.txt"
    main([str(p), "--fix", "--jobs", "1", "--select", "html-entity"])
    capsys.readouterr()
    assert p.read_text(encoding="utf-8") == "Deal\n\nSmith & Sons said the deal was off, AT&T said.\n"


def test_entities_in_markdown_and_html_only_when_double_escaped(tmp_path, capsys):
    md = "# Deal\n\nSmith &amp; Sons said &nbsp; nothing, and Jones &amp;nbsp; left.\n"
    _, found = lint_json(tmp_path, "a.md", md, capsys, "--select", "html-entity")
    assert len(found) == 1 and "&nbsp;" in found[0]["message"]
    html = ("<html><body><article><p>Smith &amp; Sons said &amp;nbsp; nothing.</p>"
            "</article></body></html>\n")
    _, found = lint_json(tmp_path, "a.html", html, capsys, "--select", "html-entity")
    assert len(found) == 1 and "&nbsp;" in found[0]["message"]


def test_mixed_script_words_both_ways_with_fix(tmp_path, capsys):
    text = "Talks\n\nTalks in M\u043escow ended. Встреча в М\u006fскве прошла, Wi-Fi-роутер.\n"
    _, found = lint_json(tmp_path, "a.txt", text, capsys, "--select", "mixed-script-word")
    assert spans(text, found) == ["M\u043escow", "М\u006fскве"]
    assert "Cyrillic 'о'" in found[0]["message"] and "should read 'Moscow'" in found[0]["message"]
    p = tmp_path / "a.txt"
    main([str(p), "--fix", "--jobs", "1", "--select", "mixed-script-word"])
    capsys.readouterr()
    assert p.read_text(encoding="utf-8") == ("Talks\n\nTalks in Moscow ended. Встреча в Москве "
                                             "прошла, Wi-Fi-роутер.\n")


def test_fix_text_applies_replacements_beside_removals():
    text = "Title\nTitle\nThe cafÃ© opened.\nA second cafÃ© line."
    fixes = [Fix(2, 2), Fix(3, 3, 8, 10, replacement="é"), Fix(4, 4, 13, 15, replacement="é")]
    new, applied = fix_text(text, fixes)
    assert new == "Title\nThe café opened.\nA second café line."
    assert applied == 3


def test_replacement_on_a_removed_line_yields_to_the_removal():
    text = "Keep\nDrop cafÃ©\nKeep"
    new, _ = fix_text(text, [Fix(2, 2), Fix(2, 2, 9, 11, replacement="é")])
    assert new == "Keep\nKeep"


def test_overlapping_replacements_apply_once():
    text = "abcdef"
    new, applied = fix_text(text, [Fix(1, 1, 2, 5, replacement="X"), Fix(1, 1, 3, 4, replacement="Y")])
    assert applied == 1 and new in ("aXef", "abYdef")


def test_formatting_alone_does_not_import_langdetect_or_textstat(tmp_path):
    art = tmp_path / "one-file.txt"
    art.write_text("Bridge reopens\n\nThe bridge reopened on Monday after repairs, the city said. "
                   "The cafÃ© nearby reopened too, and Smith &amp; Sons sold coffee.\n",
                   encoding="utf-8")
    code = ("import sys\nfrom lint.cli import main\n"
            f"main([{str(art)!r}, '--select', 'formatting', '--jobs', '1'])\n"
            "heavy = sorted(m for m in ('langdetect', 'textstat', 'nltk') if m in sys.modules)\n"
            "sys.stderr.write('HEAVY=' + ','.join(heavy) + '\\n')\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert "HEAVY=\n" in proc.stderr, proc.stderr


def test_cyrillic_and_turkish_mojibake_are_repaired(tmp_path, capsys):
    text = ("Новости\n\nÐŸÑ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€\n\n"
            "Bakanlık tarihlerin deÄŸiÅŸtirilmesi için değerlendirme yapılacağını açıkladı.\n")
    _, found = lint_json(tmp_path, "a.txt", text, capsys, "--select", "mojibake")
    assert [f["line"] for f in found] and {f["line"] for f in found} == {3, 5}
    p = tmp_path / "a.txt"
    main([str(p), "--fix", "--jobs", "1", "--select", "mojibake"])
    capsys.readouterr()
    fixed = p.read_text(encoding="utf-8")
    assert "Привет мир" in fixed and "değiştirilmesi için" in fixed


def test_warm_up_loads_everything_and_leaves_results_unchanged(tmp_path, capsys):
    text = ("Mayor opens café\n\nThe mayorâ€™s cafÃ© plan was approved.\n\n"
            "Smith&nbsp;&amp; Sons said the talks in Mоscow ended on Friday.\n")
    before = lint_json(tmp_path, "a.txt", text, capsys, "--select", "formatting")
    assert before[1]
    from rules.encoding_artifacts import HtmlEntity, Mojibake, MixedScriptWord

    for cls in (Mojibake, HtmlEntity, MixedScriptWord):
        cls().warm_up()
    assert lint_json(tmp_path, "a.txt", text, capsys, "--select", "formatting") == before
