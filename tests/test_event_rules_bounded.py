"""The bounds of this round's event rules, each a sentence of ordinary news where a rule must NOT fire, beside one
where it must (a review of the rules found them firing too widely). Sentences written for these tests."""

from __future__ import annotations

import pytest

from bilateral.annotate import Knowledge
from bilateral.extract.events import EventPatterns
from tests.conftest import Extract, events_reader, evidence_is_its_text, no_self_loop


@pytest.fixture(scope="module")
def events_in(patterns: EventPatterns, knowledge: Knowledge) -> Extract:
    return events_reader(knowledge, patterns, "2023-05-02", evidence_is_its_text, no_self_loop)


def kinds(found: list) -> set[tuple[str, tuple[str, ...]]]:  # type: ignore[type-arg]
    return {(e.type, tuple(e.source_countries)) for e in found}


def test_two_states_reviewing_their_cooperation_threaten_nobody(events_in: Extract) -> None:
    found = events_in("Laos and Thailand reviewed their cooperation against timber smuggling on Monday.")
    assert found and not [e for e in found if e.type == "THREATEN"]
    warned = events_in("Hanoi will review its cooperation with Phnom Penh if the smuggling goes on.")
    assert ("THREATEN", ("VNM",)) in kinds(warned)


def test_a_concession_made_all_the_same_is_kept(events_in: Extract) -> None:
    found = events_in("Despite the outcry, Hanoi still lifted the ban on Chinese pork on Friday.")
    assert ("CONCEDE", ("VNM",)) in kinds(found)


def test_reporting_or_asking_for_progress_in_talks_makes_no_party(events_in: Extract) -> None:
    noted = events_in("Norway noted progress in the negotiations on the Arctic fisheries.")
    assert not [e for e in noted if e.type == "CONSULT" and "NOR" in e.source_countries]
    asked = events_in("The United Nations called for a swift return to talks between Sudan and Chad.")
    assert not [e for e in asked if e.type == "CONSULT" and "IGO" in e.source_countries]
    made = events_in("Ghana made headway in the negotiations with Togo over the border.")
    assert [e for e in made if e.type == "CONSULT" and "GHA" in e.source_countries]


def test_a_private_lawsuit_is_no_state_accusation(events_in: Extract) -> None:
    suit = events_in("A lawsuit filed in a court in Chicago accuses Qatar of bribing the officials.")
    assert not [e for e in suit if e.type == "ACCUSE" and "USA" in e.source_countries]
    charged = events_in("An indictment unsealed in a court in Chicago accuses the Qatari envoy of bribery.")
    assert [e for e in charged if e.type == "ACCUSE" and e.source_countries == ["USA"]]
