"""Hyphenated romanised given names stay one word through the parse and one PERSON with the family name; English
hyphenated words are left as the tokenizer cuts them."""

from __future__ import annotations

import pytest

from bilateral.annotate.nlp import parse


def _doc(text: str):  # type: ignore[no-untyped-def]
    return next(parse([text]))


@pytest.mark.parametrize(
    ("text", "name", "verb"),
    [("Premier Han Dong-in signed the fisheries accord with Vietnam on Friday.", "Han Dong-in", "signed"),
     ("Opposition leader Park Min-un visited Tokyo last week.", "Park Min-un", "visited"),
     ("Former president Chen Shui-lin held talks with envoys from Manila.", "Chen Shui-lin", "held")],
)  # fmt: skip
def test_a_given_name_is_one_word_and_the_name_one_person(text: str, name: str, verb: str) -> None:
    doc = _doc(text)
    assert doc.text == text
    given = name.split()[1]
    assert given in [t.text for t in doc]
    assert name in [e.text for e in doc.ents if e.label_ == "PERSON"]
    assert [t.text for t in doc if t.dep_ == "ROOT"] == [verb]


@pytest.mark.parametrize(
    ("text", "kept"),
    [("A South Korea-bound tanker left Kobe.", "South Korea"),
     ("The Duty-free shops at the border reopened.", None),
     ("Post-war Germany rebuilt its ports.", None),
     ("The Bannon-run website praised the tariffs.", None),
     ("Ankara Says Tie-up With Athens Ends", "Athens")],
)  # fmt: skip
def test_english_hyphenated_words_are_cut_as_before(text: str, kept: str | None) -> None:
    doc = _doc(text)
    assert "-" in [t.text for t in doc]
    assert not [e for e in doc.ents if e.label_ == "PERSON" and "-" in e.text]
    if kept:
        assert kept in [e.text for e in doc.ents]


def test_a_place_before_a_hyphenated_word_is_no_family_name() -> None:
    doc = _doc("Students held a Chile Sit-in outside the embassy in Lima.")
    assert "Chile" in [e.text for e in doc.ents if e.label_ == "GPE"]
    assert not [e for e in doc.ents if e.label_ == "PERSON"]
