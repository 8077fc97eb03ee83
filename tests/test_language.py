"""The foreign-language rule: cheap candidates, confirmed by a seeded, restricted langdetect."""
import json

from lint.cli import main
from _cli import lint_json as _lint_json


def lint_json(tmp_path, name, text, capsys, *extra):
    return _lint_json(tmp_path, name, text, capsys, "--select", "foreign-language", *extra)


EN_BODY = ("The city council approved the new budget on Tuesday after a long debate, the mayor's "
           "office said. The plan includes money for schools, roads and the public library, and it "
           "will be reviewed again in the spring by the finance committee.\n\n"
           "Residents who attended the meeting said they were glad that the library would stay open "
           "in the evenings, which many of them had asked for during the consultation.\n")

ES_BODY = ("El ayuntamiento aprobó el nuevo presupuesto el martes después de un largo debate, según "
           "informó la oficina del alcalde. El plan incluye dinero para las escuelas, las carreteras y "
           "la biblioteca pública, y será revisado de nuevo en primavera por la comisión de hacienda.\n\n"
           "Los vecinos que asistieron a la reunión dijeron que se alegraban de que la biblioteca "
           "abriera por las tardes, algo que muchos de ellos habían pedido durante la consulta.\n")

RU_BODY = ("Городской совет во вторник утвердил новый бюджет после долгого обсуждения, сообщили в "
           "мэрии. План предусматривает деньги на школы, дороги и городскую библиотеку, и весной его "
           "снова рассмотрит финансовая комиссия.\n\n"
           "Жители, которые пришли на заседание, сказали, что рады тому, что библиотека будет работать "
           "по вечерам, о чем многие из них просили во время обсуждения.\n")


def test_turkish_ad_placeholder_in_an_english_story(tmp_path, capsys):
    text = "Council approves budget\n\n" + EN_BODY + "\nHaberin devamı reklamdan sonra\n"
    code, found = lint_json(tmp_path, "a.txt", text, capsys)
    assert code == 1
    assert [(f["line"], f["rule"]) for f in found] == [(7, "foreign-language")]
    assert "Turkish" in found[0]["message"] and "English article" in found[0]["message"]


def test_russian_cms_label_at_the_head_of_a_paragraph(tmp_path, capsys):
    text = "Council approves budget\n\nТекст: " + EN_BODY
    _, found = lint_json(tmp_path, "a.txt", text, capsys)
    assert len(found) == 1
    f = found[0]
    assert (f["line"], f["column"], f["end_column"]) == (3, 1, 6)  # just the label 'Текст'
    assert "Russian" in f["message"] and "label" in f["message"]


def test_untranslated_german_sentence_in_a_spanish_article(tmp_path, capsys):
    german = "Die neue Lieferkette muss vor Beginn der Saison zuverlässig funktionieren."
    text = "Presupuesto\n\n" + ES_BODY + "\nLos compradores escribieron a la cooperativa. " + german + "\n"
    _, found = lint_json(tmp_path, "a.txt", text, capsys)
    assert len(found) == 1
    f = found[0]
    line = text.split("\n")[f["line"] - 1]
    assert line[f["column"] - 1:f["end_column"] - 1] == german
    assert "German" in f["message"] and "Spanish" in f["message"]


def test_english_line_in_a_russian_article(tmp_path, capsys):
    text = "Бюджет\n\n" + RU_BODY + "\nShare this story with your friends on social media\n"
    _, found = lint_json(tmp_path, "a.txt", text, capsys)
    assert [f["line"] for f in found] == [7]
    assert "English" in found[0]["message"]


def test_marked_quotes_names_and_loanwords_stay_quiet(tmp_path, capsys):
    text = ("Football derby\n\n" + EN_BODY +
            "\nFans of Fenerbahçe and Galatasaray sang \"Hep birlikte, hep beraber\" (\"all together\") "
            "outside the stadium, the club said, and Recep Tayyip Erdoğan watched from the stands.\n\n"
            "Some called the result pure schadenfreude; others ordered meze and döner in Kadıköy.\n\n"
            "The opposition leader Alexei Navalny (Алексей Навальный) was mentioned in a banner.\n")
    _, found = lint_json(tmp_path, "a.txt", text, capsys)
    assert found == []


def test_attributed_quote_in_the_original_language_in_a_russian_article(tmp_path, capsys):
    text = ("Бюджет\n\n" + RU_BODY + "\nДиректор компании сказал по-английски: «Small farms deserve the "
            "same tools as big ones and they should get them soon» — то есть небольшие хозяйства "
            "заслуживают тех же инструментов.\n")
    _, found = lint_json(tmp_path, "a.txt", text, capsys)
    assert found == []


def test_emails_handles_and_links_are_not_language(tmp_path, capsys):
    text = ("Бюджет\n\n" + RU_BODY + "\nАккаунт: @olga_n_photo, почта info@example.com\n")
    _, found = lint_json(tmp_path, "a.txt", text, capsys)
    assert found == []


def test_pinned_language_is_used(tmp_path, capsys):
    text = "Presupuesto\n\n" + ES_BODY
    _, found = lint_json(tmp_path, "a.txt", text, capsys, "--language", "es")
    assert found == []


def test_cheap_vote_names_the_article_language_without_langdetect():
    from lint.decoding import decode
    from lint.config import Config
    from lint.runner import build_article
    from lint.language import vote

    de = ("Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen, wie die Stadtverwaltung "
          "mitteilte. Der Plan sieht Geld für Schulen, Straßen und die Bibliothek vor, und er wird "
          "im Frühjahr von dem Finanzausschuss noch einmal geprüft. Die Bürger, die an der Sitzung "
          "teilgenommen haben, sagten, dass sie sich über die längeren Öffnungszeiten freuen.\n")
    tr = ("Belediye meclisi salı günü yeni bütçeyi onayladı. Plan okullar, yollar ve kütüphane için "
          "kaynak içeriyor ve bahar aylarında bir kez daha ele alınacak. Toplantıya katılan "
          "vatandaşlar, kütüphanenin akşam saatlerinde de açık olacağı için memnun olduklarını ve bu "
          "kararın çok önemli olduğunu söyledi. Belediye başkanı da bu konuda bir açıklama yaptı ve "
          "yeni dönemde daha fazla hizmet sunulacağını belirtti.\n")
    for text, want in ((EN_BODY, "en"), (ES_BODY, "es"), (RU_BODY, "ru"), (de, "de"), (tr, "tr")):
        art = build_article("x.txt", decode(text.encode()), Config())
        assert vote(art) == want


# -- the engine's Article.language -----------------------------------------------------------------

TR_BODY = ("Belediye meclisi salı günü yeni bütçeyi onayladı ve plan okullar, yollar ve kütüphane için "
           "kaynak içeriyor. Toplantıya katılan vatandaşlar, bu kararın çok önemli olduğunu ve "
           "kütüphanenin akşam saatlerinde de açık olacağı için memnun olduklarını söyledi. Belediye "
           "başkanı da bu konuda bir açıklama yaptı ve yeni dönemde daha fazla hizmet sunulacağını "
           "belirtti. Muhalefet ise planın bazı kalemlerine karşı olduğunu ifade etti.\n")


def test_article_language_pin_then_vote_then_metadata_without_langdetect():
    import subprocess
    import sys

    script = f"""
import sys
from lint.config import Config
from lint.decoding import decode
from lint.runner import build_article

def art(name, text, **cfg):
    return build_article(name, decode(text.encode()), Config(**cfg))

en, tr, ru = {EN_BODY!r}, {TR_BODY!r}, {RU_BODY!r}
assert art("a.txt", en, language="de").language == "de"  # pinned by config: no vote
assert art("a.txt", en).language == "en"  # the stop-word vote
assert art("a.txt", tr).language == "tr"
assert art("a.txt", ru).language == "ru"
body = "".join(f"<p>{{p}}</p>" for p in en.split("\\n") if p.strip())
# a declared page language yields to a confident vote of the text ...
assert art("a.html", '<html lang="de"><body>' + body + "</body></html>").language == "en"
# ... and is kept when the text is too short to vote on
assert art("a.html", '<html lang="de-AT"><body><p>Wien, 3. Mai</p></body></html>').language == "de"
assert art("a.md", "---\\nlanguage: es\\n---\\nMadrid, 3 de mayo\\n").language == "es"
assert "langdetect" not in sys.modules, "langdetect was imported"
print("ok")
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.stdout.strip() == "ok", proc.stderr


def test_article_language_asks_langdetect_only_when_the_vote_is_unsure():
    from lint.config import Config
    from lint.decoding import decode
    from lint.language import vote
    from lint.runner import build_article

    short = build_article("a.txt", decode("Bürgermeister Müller eröffnet Brücke.\n".encode()), Config())
    assert vote(short) == ""  # too few function words to vote
    assert short.language == "de"  # the seeded langdetect decides


def test_names_with_particles_are_not_spanish_or_german(tmp_path, capsys):
    text = ("Council approves budget\n\n" + EN_BODY +
            "\nJuan de la Vega, Ursula von der Leyen.\n\nPhoto: Maria da Silva dos Santos\n")
    _, found = lint_json(tmp_path, "a.txt", text, capsys)
    assert found == []


def test_declared_page_language_yields_to_the_text(tmp_path, capsys):
    body = "".join(f"<p>{p}</p>" for p in EN_BODY.strip().split("\n\n"))
    html = ('<html lang="de"><head><title>Budget</title></head><body><article><h1>Budget</h1>'
            + body + "<p>Deine Nachrichten an einem Ort: Lies die Geschichten, die heute die Welt "
            "bewegen.</p></article></body></html>\n")
    _, found = lint_json(tmp_path, "a.html", html, capsys)
    assert len(found) == 1 and "German text in an English article" in found[0]["message"]


def test_config_pin_is_trusted(tmp_path, capsys):
    _, found = lint_json(tmp_path, "a.txt", "Budget\n\n" + EN_BODY, capsys, "--language", "en")
    assert found == []


# -- speed work: set tests instead of big character classes; warm_up --------------------------------

SCRIPT_SAMPLES = [
    "", "plain ascii text", "curly “quotes” — dashes", "Текст: Ольга Петрова", "東京で会議 カタカナー",
    "한국어 문장", "ελληνικά γράμματα", "עברית", "العربية", "हिन्दी", "ภาษาไทย", "ქართული", "Հայերեն",
    "Ünlü şarkıcı İstanbul'da", "Straße über Größe", "mañana, ¿dónde?", "mixed Latin и кириллица",
    "ǅ ǈ ſ ẞ Ꭰ", "\u1100\u11ff\u3040\u30ff\u3130\u318f\u3400\u4dbf\u4e00\u9fff\uac00\ud7af",
    "\u10ff\u1200\u3000\u303f\u3190\u4dc0\u9fff\ua000\ud7b0 ー",
]


def test_set_tests_match_the_character_class_patterns():
    import re

    from rules import language as L

    full_token = re.compile(rf"[{L._CJK_CHARS}ー]+|[^\W\d_{L._CJK_CHARS}]+(?:['’][^\W\d_{L._CJK_CHARS}]+)*")
    for text in SCRIPT_SAMPLES:
        assert L._token_re(text).findall(text) == full_token.findall(text), text
        for script in (L.LATIN, L.CYRILLIC, L.GREEK, L.CJK, "Arabic"):
            ranges = "".join(f"\\u{lo:04X}-\\u{hi:04X}" for lo, hi, name in L._RANGES
                             if name != script and name != L.LATIN)
            assert L._has_other_script(text, script) == bool(re.search(f"[{ranges}]", text)), (text, script)
        for lang in ("en", "tr", "de", "es", "ru", "xx"):
            own = L.letters().get(lang)
            rx = re.compile(r"(?=[a-z\u00DF-\u00FF\u0100-\u024F\u0430-\u045F])"
                            f"[^{re.escape(''.join(sorted(own)))}]") if own else re.compile(r"(?!)")
            assert L._foreign_letter(lang, text) == bool(rx.search(text)), (text, lang)


def test_foreign_forms_match_the_punctuated_word_set():
    from rules import language as L

    words = L.other_stopwords("en")
    forms = set(words)
    forms.update(w + p for w in words for p in (",", ".", ":", ";", ")", "»", "”"))
    forms.update(p + w for w in words for p in ("(", "«", "“", "„", "¿"))
    tokens = "der, (die und» „das ¿qué bir; ve. “los el) de”: xx, the".split()
    assert L.foreign_forms_in(words, tokens) == forms.intersection(tokens)


def test_warm_up_loads_everything_and_leaves_results_unchanged(tmp_path, capsys):
    text = ("Council approves new budget for the harbour\n\n"
            "The city council approved the budget on Tuesday after a long debate about the "
            "harbour and the schools.\n\nHaberin devamı reklamdan sonra\n\n"
            "Текст: Ольга Петрова. The plan now goes to the regional government for approval.\n")
    before = lint_json(tmp_path, "a.txt", text, capsys)
    assert before[1]
    from rules.language import ForeignLanguage

    ForeignLanguage().warm_up()
    assert lint_json(tmp_path, "a.txt", text, capsys) == before


def test_letter_set_tests_match_the_letter_patterns():
    import re
    from collections import Counter

    from lint import language as L

    latin = re.compile(r"[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]")
    non_latin = re.compile(r"[^\W\d_A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
    allchars = "".join(chr(c) for c in range(0x20, 0x10000) if not 0xD800 <= c <= 0xDFFF)
    for text in SCRIPT_SAMPLES + [allchars, "² ³ ¼ ª º µ _ 7 ٣ ߀ Ⅻ ×÷"]:
        assert L.has_latin_letter(text) == bool(latin.search(text)), text
        assert L.non_latin_letters(text) == list(Counter(non_latin.findall(text))), text


def test_vote_text_is_strict_by_default_and_lenient_on_request():
    from lint.language import stopwords, vote_text

    short_es = "El gobierno dijo que la inflación de los alimentos bajó en el mes de marzo."
    assert vote_text(short_es) == ""  # too few function words for a confident vote
    assert vote_text(short_es, 1, 1.01, 0.0, ("en", "de", "es", "tr", "ru")) == "es"
    assert vote_text("Минфин сообщил, что дефицит бюджета сократился.") in ("", "ru")
    assert "the" in stopwords("en") and stopwords("xx") == frozenset()
