"""The Doc's text read once: `text_of` gives the text `parse` was given (spaCy's `Doc.text` joins every token's
text again on each read), for whole texts, texts parsed in sections, and Docs made elsewhere."""

from __future__ import annotations

import pytest

from bilateral.annotate.nlp import load_nlp, parse, text_of

TEXTS = (
    "Officials in Lisbon said on Monday that Portugal would widen its fishing accord with Morocco.\n\n"
    "Talks on quotas  in the Atlantic  resume next month, a ministry spokeswoman said. ",
    "  Kenya and Tanzania opened a new border post at Namanga on Friday.\n",
)


@pytest.mark.model
def test_the_text_of_a_parsed_doc_is_the_text_given_not_joined_again() -> None:
    docs = list(parse(TEXTS))
    for text, doc in zip(TEXTS, docs, strict=True):
        assert text_of(doc) is text  # the same string object: kept, not rebuilt from the tokens
        assert doc.text == text


@pytest.mark.model
def test_the_text_of_a_doc_parsed_in_sections_is_the_whole_text() -> None:
    nlp = load_nlp()
    before = nlp.max_length
    nlp.max_length = 120  # each text is cut into sections joined back into one Doc
    try:
        docs = list(parse(TEXTS))
    finally:
        nlp.max_length = before
    for text, doc in zip(TEXTS, docs, strict=True):
        assert text_of(doc) is text
        assert doc.text == text


def test_a_doc_made_elsewhere_has_its_text_joined_once_and_kept() -> None:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=["Chile", "and", "Peru", "met", "."], spaces=[True, True, True, False, False])
    first = text_of(doc)
    assert first == doc.text == "Chile and Peru met."
    assert text_of(doc) is first


@pytest.mark.model
def test_a_doc_given_another_docs_user_data_reads_its_own_text() -> None:
    [doc] = parse(TEXTS[:1])
    sentence = next(iter(doc.sents)).as_doc(copy_user_data=True)
    assert text_of(sentence) == sentence.text != text_of(doc)
