"""The foreign-language rule: cheap candidates, confirmed by a seeded, restricted langdetect."""
import json

from lint.cli import main


def lint_json(tmp_path, name, text, capsys, *extra):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    code = main([str(p), "--format", "json", "--jobs", "1", "--select", "foreign-language", *extra])
    return code, json.loads(capsys.readouterr().out)


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
    from rules.language import _vote

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
        assert _vote(art) == want


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
