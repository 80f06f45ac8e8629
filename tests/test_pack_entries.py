"""Pack entries kept for recurring names and wordings, and readings that one dev sentence must not force, checked
on sentences written for these tests (names, places and wording varied)."""

from __future__ import annotations

import pytest

from bilateral.annotate import Knowledge, analyse
from bilateral.annotate.nlp import load_nlp
from bilateral.extract.events import EventPatterns, extract_events
from bilateral.model import Analysis, Event


def read(text: str, knowledge: Knowledge, patterns: EventPatterns) -> tuple[Analysis, list[Event]]:
    doc = load_nlp()(text)
    analysis = analyse(doc, published="2020-01-01", document="d", knowledge=knowledge)
    return analysis, extract_events(doc, analysis, patterns=patterns)


def actors(analysis: Analysis) -> dict[str, str]:
    """mention text -> actor id"""
    return {m.text: m.actor for m in analysis.mentions}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Tourists filled the colonial centre of Merida, the capital of Yucatán, on Sunday.",
        "A new factory in Mérida will employ 2,000 people, the state governor said.",
    ],
)
def test_the_city_of_merida_is_not_the_merida_initiative(
    text: str, knowledge: Knowledge, patterns: EventPatterns
) -> None:
    analysis, _ = read(text, knowledge, patterns)
    assert "merida-initiative" not in actors(analysis).values()


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Washington renewed funding under the Mérida Initiative for Mexican police training.", "Mérida Initiative"),
        ("Critics in Congress said the Merida agreement had failed to curb cartel violence.", "Merida agreement"),
        ("The Merida Initiative paid for helicopters and scanners.", "Merida Initiative"),
    ],
)
def test_the_merida_initiative_by_its_recurring_names(
    text: str, name: str, knowledge: Knowledge, patterns: EventPatterns
) -> None:
    analysis, _ = read(text, knowledge, patterns)
    assert actors(analysis)[name] == "merida-initiative"


@pytest.mark.model
def test_the_migrant_protection_protocols_and_their_nickname_are_one_actor(
    knowledge: Knowledge, patterns: EventPatterns
) -> None:
    analysis, _ = read("Judges halted the Migrant Protection Protocols, the policy known as Remain in Mexico.",
                       knowledge, patterns)  # fmt: skip
    found = actors(analysis)
    assert found["Migrant Protection Protocols"] == found["Remain in Mexico"] == "mpp"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Opposition activists in Peru began collecting signatures for a referendum on the mine.",
        "Volunteers collected signatures outside the parliament in Vilnius all week.",
        "Delegations from Chile and Peru converged on Geneva for the trade talks.",
        "Investors converged on Singapore after the ministers met.",
    ],
)
def test_collecting_signatures_and_converging_are_not_protests(
    text: str, knowledge: Knowledge, patterns: EventPatterns
) -> None:
    _, events = read(text, knowledge, patterns)
    assert [event.type for event in events if event.type == "PROTEST"] == []
