"""Sentence bounds and doers for events (issue 12, sources, fifth round): a line of its own (a heading, a caption, a
dateline line) ends a sentence, so a joint act told after a heading keeps both its parties; a verb that needs an
object, told after a passive with its "was" left out ("was questioned and ordered held"), is that passive again, so
the one held or let go is no doer. Each kind has a negative twin. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from bilateral.annotate import Knowledge
from bilateral.annotate.nlp import lines, parse
from bilateral.extract.events import EventPatterns
from bilateral.model import Event
from tests.conftest import Extract, events_reader, evidence_is_its_text, no_self_loop, of_type


@pytest.fixture(scope="module")
def events_in(patterns: EventPatterns, knowledge: Knowledge) -> Extract:
    return events_reader(knowledge, patterns, "2022-03-09", evidence_is_its_text, no_self_loop)


def parsed_events(text: str, knowledge: Knowledge, patterns: EventPatterns) -> list[Event]:
    """The events of `text` parsed as the run stage parses it (`annotate.nlp.parse`, line by line)."""
    from bilateral.annotate import analyse
    from bilateral.extract.events import extract_events

    doc = next(parse([text]))
    analysis = analyse(doc, published="2022-03-09", document="d", knowledge=knowledge)
    found = extract_events(doc, analysis, patterns=patterns)
    for event in found:
        evidence_is_its_text(text, event)
        no_self_loop(text, event)
    return found


# --- a line break ends a sentence ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Rice prices fell.\n\nOld quarrels, new markets\n\nMr. Kagame and President Ruto met in Kigali.",
        "A thaw at last\nPrime Minister Orban and Chancellor Nehammer held talks in Vienna on Tuesday.\n",
        "\n\nLIMA, Peru\n  Chile and Peru signed a fishing accord on Monday.\n\n",
    ],
)
def test_every_line_is_parsed_alone_and_the_doc_keeps_the_text(text: str) -> None:
    assert "".join(lines(text)) == text
    doc = next(parse([text]))
    assert doc.text == text
    for sentence in doc.sents:
        assert "\n" not in sentence.text.rstrip()  # no sentence runs across a line break


def test_a_text_without_a_line_break_is_one_piece_and_parsed_as_before() -> None:
    from bilateral.annotate.nlp import load_nlp

    text = "Ghana and Togo met in Accra. They agreed to reopen the border crossing."
    assert lines(text) == [text] and lines("") == [""]
    assert [s.text for s in next(parse([text])).sents] == [s.text for s in load_nlp()(text).sents]


@pytest.mark.parametrize(
    "heading, sentence, pair",
    [
        (
            "A thaw at last, the same suspicion",
            "Turkish President Erdogan and Greek Prime Minister Mitsotakis met in Ankara and agreed to resume talks.",
            {"TUR", "GRC"},
        ),
        (
            "New tone, old dependence",
            "Brazilian President Lula and Argentine President Milei held a phone call and agreed to cooperate.",
            {"BRA", "ARG"},
        ),
    ],
)
def test_a_joint_act_after_a_heading_line_is_traced_to_its_own_sentence_with_both_parties(
    knowledge: Knowledge, patterns: EventPatterns, heading: str, sentence: str, pair: set[str]
) -> None:
    text = f"Trade between the two grew last year.\n\n{heading}\n\n{sentence}"
    talks = of_type(parsed_events(text, knowledge, patterns), "CONSULT")
    assert talks and all(e.evidence == sentence for e in talks)
    assert set(talks[0].source_countries) == pair and len(talks[0].source) == 2


def test_two_sentences_on_one_line_are_still_two(knowledge: Knowledge, patterns: EventPatterns) -> None:
    text = "Old quarrels, new markets.\nKenya expelled a Rwandan diplomat. Rwanda protested on Friday."
    sentences = [s.text.strip() for s in next(parse([text])).sents]
    assert sentences[-2:] == ["Kenya expelled a Rwandan diplomat.", "Rwanda protested on Friday."]


# --- a commanding verb after a passive is the passive again ----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Colonel Duarte of Paraguay was questioned by a judge in Asuncion and ordered held until the trial.",
        "General Okafor of Nigeria was notified of the verdict and allowed to return home to Abuja.",
        "The Peruvian activist Quispe was detained in La Paz and told to leave Bolivia within a week.",
    ],
)
def test_who_is_ordered_held_or_let_go_after_a_passive_is_not_the_doer(events_in: Extract, text: str) -> None:
    for event in events_in(text):
        assert not {a for a in event.source if any(n in a.lower() for n in ("duarte", "okafor", "quispe"))}


@pytest.mark.parametrize(
    "text, doer",
    [
        ("General Okafor of Nigeria was questioned by reporters and agreed to resign from the army.", "okafor"),
        ("The Peruvian activist Quispe was detained in La Paz and asked Bolivia to free him.", "quispe"),
    ],
)
def test_a_verb_after_a_passive_with_its_own_object_or_needing_none_is_the_ones_named(
    events_in: Extract, text: str, doer: str
) -> None:
    found = [e for e in events_in(text) if e.evidence == text and e.type in {"CONCEDE", "RETREAT", "REQUEST"}]
    assert found and any(doer in a.lower() for e in found for a in e.source)


# --- a state body named by generic words alone ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, country",
    [
        (
            "OTTAWA — Canada raised duties.\n\nThe Finance Ministry announced levies on Peruvian copper start in May.",
            "CAN",
        ),
        (
            "ANKARA — Turkey has new rules.\nThe Trade Ministry said that quotas on Greek olives would apply.",
            "TUR",
        ),
    ],
)
def test_a_generic_body_in_a_filed_report_is_the_filing_countrys_not_the_one_it_acts_on(
    knowledge: Knowledge, text: str, country: str
) -> None:
    from bilateral.annotate import analyse

    analysis = analyse(next(parse([text])), published="2022-03-09", document="d", knowledge=knowledge)
    bodies = [m for m in analysis.mentions if "Ministry" in m.text]
    assert bodies and all(analysis.actors[m.actor].country == country for m in bodies)


def test_a_generic_body_in_an_unfiled_report_takes_the_one_country_its_sentence_names(knowledge: Knowledge) -> None:
    from bilateral.annotate import analyse

    text = "The Finance Ministry announced levies on Peruvian copper start in May."
    analysis = analyse(next(parse([text])), published="2022-03-09", document="d", knowledge=knowledge)
    bodies = [m for m in analysis.mentions if "Ministry" in m.text]
    assert bodies and all(analysis.actors[m.actor].country == "PER" for m in bodies)


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Colonel Duarte of Paraguay appeared before a judge in Asuncion and was ordered held until the trial.",
            "duarte",
        ),
        (
            "General Okafor of Nigeria appeared before a court in Abuja and was ordered detained for a week.",
            "okafor",
        ),
    ],
)
def test_a_passive_conjunct_after_an_act_makes_its_subject_no_doer(events_in: Extract, text: str, name: str) -> None:
    found = of_type(events_in(text), "REQUEST")
    assert found and not any(name in a for e in found for a in e.source)


def test_who_is_asked_in_a_passive_conjunct_is_the_one_asked(events_in: Extract) -> None:
    text = "Chile was criticised by Peru and was asked to withdraw its envoy."
    asked = of_type(events_in(text), "REQUEST")
    assert asked and not asked[0].source  # who asked is not said
    assert asked[0].target_countries == ["CHL"]  # the one asked; what it is asked to do is the request's content
    assert not [e for e in events_in(text) if e.type in {"SANCTION", "RETREAT"} and e.status == "proposed"]
