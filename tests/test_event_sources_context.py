"""Who did it when the event's own sentence does not say but its document does (issue 12, sources from the
context): a court's decision told again as the subject ("Monday's ruling rejected the appeal"), a state body named
by its role alone acting against one of the two countries a report is about, an arrangement an agentless passive
ends that the sentence before tells a state body ran, and "the two leaders" told again after "both leaders". Every
kind has a negative twin: a wrong source is worse than none. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from bilateral.annotate import Knowledge
from bilateral.extract.events import EventPatterns
from bilateral.model import Event
from tests.conftest import Extract, events_reader, evidence_is_its_text, no_self_loop, of_type


@pytest.fixture(scope="module")
def events_in(patterns: EventPatterns, knowledge: Knowledge) -> Extract:
    return events_reader(knowledge, patterns, "2022-06-14", evidence_is_its_text, no_self_loop)


def in_sentence(events: list[Event], opening: str, *kinds: str) -> list[Event]:
    return [e for e in of_type(events, *kinds) if e.evidence.startswith(opening)]


# --- a court's decision told again is the court's ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, reference, country",
    [
        (
            "In 2016 the Constitutional Court in Lima ruled that the Chilean miner owed back taxes. "
            "Monday's ruling rejected the miner's last appeal.",
            "Monday's ruling",
            "PER",
        ),
        (
            "Back in 2019 the Supreme Court in Nairobi found the Ugandan contractor liable for the collapse. "
            "Relatives of the victims welcomed that finding. The verdict rejected the contractor's plea for a retrial.",
            "The verdict",
            "KEN",
        ),
    ],
)
def test_a_decision_told_again_as_the_subject_is_the_court_named_before(
    events_in: Extract, text: str, reference: str, country: str
) -> None:
    found = in_sentence(events_in(text), reference, "REJECT")
    assert found and found[0].source_countries == [country]
    assert any("court" in actor for actor in found[0].source)


@pytest.mark.parametrize(
    "text, reference",
    [
        # no court told before: whose decision it is is not said
        ("Lawyers for the Chilean miner spoke to reporters in Lima. Monday's ruling rejected the miner's appeal.",
         "Monday's ruling"),
        # an owner that is a party says whose decision it is (and it is no court's)
        ("In 2016 the Constitutional Court in Lima ruled that the Chilean miner owed back taxes. "
         "Peru's decision rejected the miner's request for a waiver.", "Peru's decision"),
    ],
)  # fmt: skip
def test_a_decision_with_no_court_before_or_with_its_own_owner_takes_no_court(
    events_in: Extract, text: str, reference: str
) -> None:
    found = in_sentence(events_in(text), reference, "REJECT")
    assert all(not any("court" in actor for actor in e.source) for e in found)


# --- a body named by its role alone, acting against one of a report's two countries -------------------------


@pytest.mark.parametrize(
    "text, doer, target",
    [
        (
            "The government on Monday invoked a rule to tighten export controls against Malaysia on two chemicals. "
            "Indonesian firms supply most of the chemicals. Malaysia protested to Indonesia.",
            "IDN",
            "MYS",
        ),
        (
            "The government on Friday imposed new import restrictions on Ghana covering cocoa and gold. "
            "Ivorian traders welcomed the step. Ghana said Abidjan had broken its word.",
            "CIV",
            "GHA",
        ),
    ],
)
def test_a_body_by_its_role_acting_against_one_of_two_countries_is_the_others(
    events_in: Extract, text: str, doer: str, target: str
) -> None:
    acts = [e for e in events_in(text) if e.type in {"COERCE", "SANCTION"} and target in e.target_countries]
    assert acts and acts[0].source_countries == [doer]


@pytest.mark.parametrize(
    "text, target",
    [
        # three countries named alike: which two the report is about is not said
        ("The government on Monday invoked a rule to tighten export controls against Malaysia on two chemicals. "
         "Firms in Singapore supply most of the chemicals. Malaysia protested to Thailand.", "MYS"),
        # the other country is named only once: no pair to read the body's state from
        ("The government on Friday imposed new import restrictions on Ghana covering cocoa and gold. "
         "Ivorian traders welcomed the step.", "GHA"),
    ],
)  # fmt: skip
def test_a_body_by_its_role_in_a_report_with_no_clear_pair_names_no_state(
    events_in: Extract, text: str, target: str
) -> None:
    acts = [e for e in events_in(text) if e.type in {"COERCE", "SANCTION"} and target in e.target_countries]
    assert acts and all(not e.source for e in acts)


def test_a_body_that_undergoes_the_act_is_not_its_doer(events_in: Extract) -> None:
    text = (
        "The government was urged on Monday to tighten export controls against Malaysia on two chemicals. "
        "Indonesian firms supply most of the chemicals. Malaysia protested to Indonesia."
    )
    acts = [e for e in events_in(text) if e.type in {"COERCE", "SANCTION"} and e.evidence.startswith("The gov")]
    assert all("IDN" not in e.source_countries for e in acts)


# --- an arrangement a passive ends is the body's that ran it ------------------------------------------------


@pytest.mark.parametrize(
    "text, ending, doer",
    [
        (
            "Since 2010, the Trade Ministry of Vietnam had exempted Thai exporters from quota checks on rice "
            "shipments to Vietnam. Yet this preferential regime was suspended in May.",
            "Yet this",
            "VNM",
        ),
        (
            "For a decade the Finance Ministry of Kenya waived customs duties on Tanzanian maize. "
            "The exemption was scrapped last month.",
            "The exemption",
            "KEN",
        ),
    ],
)
def test_an_arrangement_ended_by_a_passive_is_the_body_that_ran_it(
    events_in: Extract, text: str, ending: str, doer: str
) -> None:
    found = [e for e in events_in(text) if e.evidence.startswith(ending)]
    assert found and all(e.source_countries == [doer] for e in found)


@pytest.mark.parametrize(
    "text, ending",
    [
        # the sentence before tells no state body running it
        ("For years Thai exporters enjoyed exemptions from quota checks on rice shipments to Vietnam. "
         "Yet this preferential regime was suspended in May.", "Yet this"),
        # a new paragraph: the passive is not told right after the arrangement
        ("Since 2010, the Trade Ministry of Vietnam had exempted Thai exporters from quota checks on rice "
         "shipments to Vietnam.\n\nYet this preferential regime was suspended in May.", "Yet this"),
    ],
)  # fmt: skip
def test_an_arrangement_ended_with_no_body_just_before_names_no_doer(
    events_in: Extract, text: str, ending: str
) -> None:
    found = [e for e in events_in(text) if e.evidence.startswith(ending)]
    assert found and all(not e.source for e in found)


# --- "the two leaders" told again -----------------------------------------------------------------------------


def test_the_two_leaders_after_both_leaders_are_the_same_pair_not_a_host_named_between(events_in: Extract) -> None:
    text = (
        "Prime Minister Anthony Albanese and New Zealand Prime Minister Chris Hipkins held talks in Fiji on Monday. "
        "Both leaders flew to Suva for a regional forum with Fijian Prime Minister Sitiveni Rabuka. "
        "The two leaders last met for a summit in May last year."
    )
    summit = in_sentence(events_in(text), "The two leaders", "CONSULT")
    assert summit and set(summit[0].source_countries) == {"AUS", "NZL"}


def test_the_two_leaders_after_a_new_pair_is_named_are_the_new_pair(events_in: Extract) -> None:
    text = (
        "Prime Minister Anthony Albanese and New Zealand Prime Minister Chris Hipkins held talks in Fiji on Monday. "
        "Both leaders flew to Suva for a regional forum. "
        "Later, Fijian Prime Minister Sitiveni Rabuka met Tongan Prime Minister Siaosi Sovaleni. "
        "The two leaders last met for a summit in May last year."
    )
    summit = in_sentence(events_in(text), "The two leaders", "CONSULT")
    assert summit and set(summit[0].source_countries) == {"FJI", "TON"}


# --- an arrest told with what the person was doing in a place is that place's state's -------------------------


@pytest.mark.parametrize(
    "text, country",
    [
        ("Police detained Paulo Mendes, a Brazilian banker, while he was changing trains in Rosario, Argentina.",
         "ARG"),
        ("Guards arrested Omar Haddad, a Jordanian engineer, as he was boarding a ferry in Piraeus, Greece, on Sunday.",
         "GRC"),
    ],
)  # fmt: skip
def test_an_arrest_while_the_person_was_in_a_place_is_that_places(events_in: Extract, text: str, country: str) -> None:
    arrests = of_type(events_in(text), "COERCE")
    assert arrests and arrests[0].source_countries == [country]


def test_an_arrest_told_again_by_the_persons_name_takes_that_place_too(events_in: Extract) -> None:
    text = (
        "Police detained Paulo Mendes, a Brazilian banker, while he was changing trains in Rosario, Argentina. "
        "Officials described Mendes's detention as unjustified."
    )
    again = in_sentence(events_in(text), "Officials", "COERCE")
    assert again and again[0].source_countries == ["ARG"]


def test_a_place_where_someone_else_was_says_nothing_of_the_arrest(events_in: Extract) -> None:
    text = "Police detained Paulo Mendes, a banker, while the Brazilian president was touring Rosario, Argentina."
    arrests = of_type(events_in(text), "COERCE")
    assert arrests and all("ARG" not in e.source_countries for e in arrests)


# --- forces sent by a passive are the state's whose forces the context names ---------------------------------


@pytest.mark.parametrize(
    "text, country",
    [
        ("Peru's army closed two crossings last week. Nearly 3,000 troops were deployed to the border on Monday.",
         "PER"),
        ("Under pressure from Washington, the government gave in within days. The Honduran National Police became a "
         "border force. By the ministry's own count, nearly 9,000 officers and soldiers had been sent to the northern "
         "and southern borders by that autumn.", "HND"),
    ],
)  # fmt: skip
def test_forces_sent_by_a_passive_are_the_state_whose_forces_were_named_just_before(
    events_in: Extract, text: str, country: str
) -> None:
    sent = of_type(events_in(text), "MOBILIZE")
    assert sent and sent[-1].source_countries == [country]


@pytest.mark.parametrize(
    "text",
    [
        # forces of two states named: whose troops were sent is not said
        "Peru's army and Bolivia's police closed two crossings last week. "
        "Nearly 3,000 troops were deployed to the border on Monday.",
        # a new paragraph
        "Peru's army closed two crossings last week.\n\nNearly 3,000 troops were deployed to the border on Monday.",
    ],
)
def test_forces_sent_by_a_passive_with_no_one_state_named_just_before_have_no_doer(
    events_in: Extract, text: str
) -> None:
    sent = [e for e in of_type(events_in(text), "MOBILIZE") if e.evidence.startswith("Nearly")]
    assert sent and all(not e.source for e in sent)


@pytest.mark.parametrize(
    "text, country",
    [
        ("Kenya summoned the Tanzanian envoy on Friday to protest the detention of Grace Achieng, a Kenyan journalist, "
         "while she was crossing the border at Namanga, Tanzania. Officials described Achieng's detention as "
         "unjustified.", ["TZA"]),
        # the place is where someone else was: the protested detention names no doer
        ("Kenya summoned the Tanzanian envoy on Friday to protest the detention of Grace Achieng, a Kenyan journalist, "
         "while her editor was visiting Arusha, Tanzania. Officials described Achieng's detention as unjustified.", []),
    ],
)  # fmt: skip
def test_a_protested_arrest_told_again_takes_the_place_it_was_undergone_in(
    events_in: Extract, text: str, country: list[str]
) -> None:
    again = in_sentence(events_in(text), "Officials", "COERCE")
    assert again and again[0].source_countries == country
