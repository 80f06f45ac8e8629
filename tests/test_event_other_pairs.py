"""Kinds of language that failed on short wire reports about country pairs nobody tuned the patterns on (a
generality check, see the i12r report): a claim denied, a strike that falls on something, weapons launched at a
target, an amount given "in aid". Every sentence here is written for the test, with other names and countries,
and each kind has a twin that must keep its old reading."""

from __future__ import annotations

import pytest

from bilateral.annotate import Knowledge
from bilateral.extract.events import EventPatterns
from tests.conftest import Extract, events_reader, evidence_is_its_text, no_self_loop, of_type


@pytest.fixture(scope="module")
def events_in(knowledge: Knowledge, patterns: EventPatterns) -> Extract:
    return events_reader(knowledge, patterns, "2024-09-18", evidence_is_its_text, no_self_loop)


@pytest.mark.parametrize(
    "text",
    [
        "Ghana denied the accusation on Tuesday.",
        "Lisbon flatly denied the allegations made by the opposition.",
        "The Uruguayan government denied the accusations.",
    ],
)
def test_a_claim_denied_is_no_accusation_by_the_denier(events_in: Extract, text: str) -> None:
    assert not of_type(events_in(text), "ACCUSE")


@pytest.mark.parametrize(
    "text, kind, source",
    [
        # twins: the accusation made is one; a claim rejected stays a rejection
        ("Ghana accused Togo of harbouring rebels.", "ACCUSE", "GHA"),
        ("Portugal rejected the accusation on Tuesday.", "REJECT", "PRT"),
    ],
)
def test_an_accusation_made_or_rejected_keeps_its_reading(
    events_in: Extract, text: str, kind: str, source: str
) -> None:
    found = of_type(events_in(text), kind)
    assert found and found[0].source_countries == [source]


@pytest.mark.parametrize(
    "text",
    [
        "Strikes on two oil depots near the border set them ablaze, the governor said.",
        "A strike on the airbase destroyed three helicopters, officials in Baku said.",
        "Armenian strikes on the fuel depot killed four people.",
    ],
)
def test_a_strike_on_a_place_is_an_assault(events_in: Extract, text: str) -> None:
    found = events_in(text)
    assert of_type(found, "ASSAULT")
    assert not of_type(found, "PROTEST")


@pytest.mark.parametrize(
    "text",
    [
        "Dock workers in Valparaiso began a strike on Monday.",
        "Teachers staged a strike over pay on Friday.",
        "The union called a general strike on the eve of the vote.",
    ],
)
def test_a_labour_strike_stays_a_protest(events_in: Extract, text: str) -> None:
    found = events_in(text)
    assert of_type(found, "PROTEST")
    assert not of_type(found, "ASSAULT")


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("Azerbaijan launched 25 drones at Armenian army positions overnight.", "AZE", "ARM"),
        ("Eritrea fired more than 40 shells and several rockets at Ethiopian border posts.", "ERI", "ETH"),
        ("Syria launched missiles at Turkish outposts on Sunday.", "SYR", "TUR"),
    ],
)
def test_weapons_launched_at_a_target_are_an_assault_on_it(
    events_in: Extract, text: str, source: str, target: str
) -> None:
    found = of_type(events_in(text), "ASSAULT")
    assert found and found[0].source_countries == [source] and target in found[0].target_countries
    assert not of_type(events_in(text), "MOBILIZE")


def test_weapons_launched_at_nobody_stay_a_show_of_force(events_in: Extract) -> None:
    found = events_in("North Korea launched three ballistic missiles into the sea off its east coast.")
    assert of_type(found, "MOBILIZE") and not of_type(found, "ASSAULT")


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("Norway promised Mozambique another 90 million dollars in humanitarian aid this year.", "NOR", "MOZ"),
        ("Qatar pledged $250 million in assistance to Lebanon, its foreign minister said.", "QAT", "LBN"),
        ("Sweden also pledged 40 million euros in aid to Moldova over three years.", "SWE", "MDA"),
    ],
)
def test_an_amount_given_in_aid_is_aid_from_the_giver_to_the_recipient(
    events_in: Extract, text: str, source: str, target: str
) -> None:
    aid = of_type(events_in(text), "AID")
    assert aid and aid[0].source_countries == [source] and aid[0].target_countries == [target]


def test_an_amount_in_aid_with_no_recipient_named_has_no_target(events_in: Extract) -> None:
    aid = of_type(events_in("Norway pledged 90 million dollars in humanitarian aid on Monday."), "AID")
    assert aid and aid[0].source_countries == ["NOR"] and not aid[0].target_countries


@pytest.mark.parametrize(
    "text, kind, month",
    [
        # published 2024-09-18: an act still to come, in an infinitive, is in the coming month of that name
        ("The two presidents agreed to meet again in Lisbon in March.", "CONSULT", "2025-03"),
        ("Ecuador and Peru agreed last week to hold talks in February.", "CONSULT", "2025-02"),
        # twins: what was done in a month already past keeps the past one
        ("The two presidents met in Lisbon in March.", "CONSULT", "2024-03"),
        ("Ecuador and Peru held talks in February.", "CONSULT", "2024-02"),
    ],
)  # fmt: skip
def test_an_act_agreed_for_a_month_to_come_is_dated_to_the_coming_one(
    events_in: Extract, text: str, kind: str, month: str
) -> None:
    found = of_type(events_in(text), kind)
    assert found and all(e.date == month for e in found)


@pytest.mark.parametrize(
    "text, asker, pair",
    [
        ("Ghana closed its border with Togo on Friday. Nigeria urged both sides to reopen talks.", "NGA",
         {"GHA", "TGO"}),
        ("Serbia accused Croatia of spying. Hungary called on the two countries to show restraint.", "HUN",
         {"SRB", "HRV"}),
    ],
)  # fmt: skip
def test_a_third_party_addressing_both_sides_addresses_the_pair(
    events_in: Extract, text: str, asker: str, pair: set[str]
) -> None:
    asks = of_type(events_in(text), "REQUEST")
    assert asks and asks[0].source_countries == [asker] and set(asks[0].target_countries) == pair


def test_both_sides_as_subject_are_still_the_pair(events_in: Extract) -> None:
    found = of_type(events_in("Ghana and Togo held talks in Lome. The two sides agreed to meet again."), "AGREE")
    assert found and set(found[0].source_countries) == {"GHA", "TGO"}


@pytest.mark.parametrize("text", ["Ghana accused Togo of spying.", "Lima accused Quito of smuggling on Tuesday."])
def test_what_an_accusation_alleges_is_no_event_of_its_own(events_in: Extract, text: str) -> None:
    found = events_in(text)
    assert [e.type for e in found] == ["ACCUSE"]


def test_a_meeting_told_before_that_times_a_remark_is_no_new_meeting(events_in: Extract) -> None:
    found = events_in(
        'Ghana and Togo met in Accra. "It was a good day," the Togolese president said after the meeting.'
    )
    assert len(of_type(found, "CONSULT")) == 1


def test_a_meeting_with_its_parties_in_a_time_adjunct_is_still_told(events_in: Extract) -> None:
    found = events_in("Ghana recalled its envoy after talks with Togo in Lome.")
    assert of_type(found, "CONSULT")


@pytest.mark.parametrize(
    "text",
    [
        'Serbia expelled two Croatian diplomats. Zagreb called the expulsions "unjustified and hostile".',
        "Serbia expelled two Croatian diplomats. Zagreb called the expulsions unfair.",
    ],
)
def test_an_act_called_unjustified_is_a_reproach_not_a_second_act(events_in: Extract, text: str) -> None:
    found = events_in(text)
    assert len(of_type(found, "SANCTION")) == 1
    reproach = of_type(found, "ACCUSE")
    assert reproach and reproach[0].source_countries == ["HRV"] and reproach[0].target_countries == ["SRB"]


def test_an_act_called_necessary_is_no_reproach(events_in: Extract) -> None:
    found = events_in("Serbia expelled two Croatian diplomats. Belgrade called the expulsions necessary.")
    assert len(of_type(found, "SANCTION")) == 1 and not of_type(found, "ACCUSE")


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("In 2016 Kazakhstan suspended grain exports to Kyrgyzstan for two weeks.", "KAZ", "KGZ"),
        ("Georgia halted all flights to Armenia on Sunday.", "GEO", "ARM"),
    ],
)
def test_a_flow_cut_acts_on_where_it_goes(events_in: Extract, text: str, source: str, target: str) -> None:
    found = of_type(events_in(text), "SANCTION")
    assert found and found[0].source_countries == [source] and found[0].target_countries == [target]


def test_a_flow_with_no_destination_has_no_target(events_in: Extract) -> None:
    found = of_type(events_in("Kazakhstan suspended grain exports for two weeks."), "SANCTION")
    assert found and found[0].source_countries == ["KAZ"] and not found[0].target_countries


@pytest.mark.parametrize(
    "text, source, target",
    [
        ("Ghana gave the Togolese ambassador 48 hours to leave the country.", "GHA", "TGO"),
        ("Officials said Tbilisi had given the Armenian envoy three days to leave.", "GEO", "ARM"),
        ("Ghana gave the ambassador of Togo two days to leave.", "GHA", "TGO"),
    ],
)
def test_an_envoy_given_time_to_leave_is_expelled(events_in: Extract, text: str, source: str, target: str) -> None:
    found = events_in(text)
    expelled = of_type(found, "SANCTION")
    assert expelled and expelled[0].mode == "expel"
    assert expelled[0].source_countries == [source] and expelled[0].target_countries == [target]
    assert not of_type(found, "RETREAT")


def test_workers_given_time_to_leave_are_no_expelled_envoy(events_in: Extract) -> None:
    found = events_in("The company gave the miners two weeks to leave the site.")
    assert not of_type(found, "SANCTION")
