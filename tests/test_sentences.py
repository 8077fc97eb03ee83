"""The engine's sentence splitter (lint/sentences.py), shared by several rules."""
from lint.sentences import split_sentences


def parts(text):
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_at_end_marks_before_a_capital_or_a_digit():
    assert parts("Sales rose. Prices fell! Why? 12 firms closed.") == [
        "Sales rose.", "Prices fell!", "Why?", "12 firms closed."]


def test_a_lower_case_word_goes_on_with_the_sentence():
    assert parts("It rose 5 p.c. in total. Then it fell.") == ["It rose 5 p.c. in total.", "Then it fell."]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    assert parts("Dr. Smith met Gov. Lee. J. R. R. Tolkien wrote it.") == [
        "Dr. Smith met Gov. Lee.", "J. R. R. Tolkien wrote it."]


def test_closing_and_opening_quotes_and_brackets():
    assert parts("“We won.” “They lost,” he said. (See below.)") == [
        "“We won.”", "“They lost,” he said.", "(See below.)"]


def test_letters_of_other_scripts_open_a_sentence():
    assert parts("Цены выросли. Экспорт упал. 東京は晴れ. Ürünler pahalı. él dijo.") == [
        "Цены выросли.", "Экспорт упал.", "東京は晴れ.", "Ürünler pahalı. él dijo."]


def test_offsets_cover_the_text_without_trailing_space():
    text = "One. Two.  \n"
    assert split_sentences(text) == [(0, 4), (5, 9)]
