"""The attribute ruler and the English lemmatizer run as table look-ups (`annotate.nlp_tables`) give the Doc that
spaCy's own pipeline gives: every tag, part of speech, morphology, lemma, arc and entity, token for token."""

from __future__ import annotations

import pytest
import spacy

from bilateral.annotate.nlp import MODEL, load_nlp, parse, tables

pytestmark = pytest.mark.model

# rules of several kinds: contractions and two-token rules ("gonna", "y'all", "let's", "there are"), auxiliaries,
# determiners, runs of spaces and line breaks (whitespace tokens), numbers, and names of every entity kind
TEXTS = (
    "We're gonna need more ferries, y'all, the mayor of Tromsø told reporters in Bergen.\n\n"
    "Let's be clear: there are 14 trawlers and there was no agreement.",
    "Ain't nobody in Quito signing that, said a spokesman who'd seen   the draft.",
    "The ministers of Ghana and Togo have been meeting since 3 March 2021; neither side would've guessed it.",
    "Which ports were closed? Those that the Kenyan navy had already searched twice, an official said.\n",
    "Prices rose 4.5% to $2.3 billion, and C'mon, nobody gotta wait for Brasília's approval.",
    "",
    "   ",
)
ATTRIBUTES = ("TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE", "SENT_START", "ORTH")


def test_the_ruler_and_lemmatizer_as_tables_give_the_stock_pipelines_doc() -> None:
    assert tables("en")[0] == ["attribute_ruler", "lemmatizer"]  # the English model runs them as tables
    stock = spacy.load(MODEL)
    for text, doc in zip(TEXTS, parse(TEXTS), strict=True):
        expected = stock(text)
        assert (doc.to_array(ATTRIBUTES) == expected.to_array(ATTRIBUTES)).all(), text
        assert [(t.lemma_, str(t.morph), t.pos_) for t in doc] == [(t.lemma_, str(t.morph), t.pos_) for t in expected]


def test_a_pipeline_without_both_components_last_but_the_ner_runs_as_it_is() -> None:
    from bilateral.annotate.nlp_tables import tabled

    nlp = spacy.load(MODEL, exclude=["lemmatizer"])
    assert tabled(nlp) == ([], [])
    assert tabled(load_nlp())[0] == ["attribute_ruler", "lemmatizer"]


def test_a_pipeline_loaded_again_gets_tables_of_its_own() -> None:
    from bilateral.annotate.nlp import _load_nlp

    first = [t.lemma_ for t in next(parse(["Fishermen from Tromsø were detaining trawlers near Bergen."]))]
    _load_nlp.cache_clear()  # a new pipeline, with a new string store (benchmarks time a cold load this way)
    try:
        again = next(parse(["Fishermen from Tromsø were detaining trawlers near Bergen, and sailors were rowing."]))
        assert [t.lemma_ for t in again][: len(first) - 1] == first[:-1]
    finally:
        _load_nlp.cache_clear()


def test_the_lemmatizers_word_index_is_held_as_sets_with_the_same_lemmas() -> None:
    # asking a 57,000-word list whether a form is in it cost a quarter of a millisecond per new word
    index = load_nlp().get_pipe("lemmatizer").lookups.get_table("lemma_index")
    tables("en")
    assert index and all(isinstance(words, frozenset) for words in index.values())
    stock = spacy.load(MODEL)
    text = "The envoys were redrafting quotas while smugglers ferried oxen and geese across the fjords at dawn."
    assert [t.lemma_ for t in next(parse([text]))] == [t.lemma_ for t in stock(text)]


def test_a_texts_doc_is_the_same_whatever_is_parsed_beside_it() -> None:
    from bilateral.annotate.nlp import LINES_BATCH

    # more lines than one nlp.pipe batch holds, of many lengths, so that batches cut through texts
    ports = ("Tromsø", "Bergen", "Quito", "Accra", "Lomé")
    lines = [
        f"Officials in {ports[k % 5]} counted {k + 3} trawlers" + " near the harbour" * (k % 7) + "."
        for k in range(LINES_BATCH + 40)
    ]
    texts = ["\n".join(lines[k : k + 23]) for k in range(0, len(lines), 23)]
    together = list(parse(texts))
    for text, doc in zip(texts, together, strict=True):
        alone = next(parse([text]))
        assert (doc.to_array(ATTRIBUTES) == alone.to_array(ATTRIBUTES)).all(), text
