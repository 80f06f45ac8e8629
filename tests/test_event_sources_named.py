"""Sources named in the event's own sentence (issue 12, arguments): a phase of an act wanted or made ("demands a
resumption of talks"), a joint act in an "in" phrase of the clause of its parties, the makers a participle names
("the pact signed between X and Y"), a document that acts ("an indictment filed in a court in Houston accuses …"), an
act named as its clause's motive ("in retaliation"), the act a response answers, which was done whatever the response
announces, and an order after an appearance in court. Every kind has a negative twin: a wrong source is worse than
none. Sentences written for these tests.
"""

from __future__ import annotations

import pytest

from bilateral.annotate import Knowledge
from bilateral.extract.events import EventPatterns
from tests.conftest import Extract, events_reader, evidence_is_its_text, no_self_loop, of_type


@pytest.fixture(scope="module")
def events_in(patterns: EventPatterns, knowledge: Knowledge) -> Extract:
    return events_reader(knowledge, patterns, "2021-09-14", evidence_is_its_text, no_self_loop)


# --- a phase of an act, the object of a verb: the verb's subject does the act -------------------------------------


@pytest.mark.parametrize(
    "text, country",
    [
        ("In return, Brazil is demanding a prompt resumption of negotiations over farm rules.", "BRA"),
        ("Kenya pushed for a swift resumption of negotiations on the disputed fishing grounds.", "KEN"),
        ("Norway is pressing for a quick restart of the dialogue on Arctic fisheries.", "NOR"),
    ],
)
def test_a_phase_of_talks_is_the_talks_of_who_wants_it(events_in: Extract, text: str, country: str) -> None:
    talks = of_type(events_in(text), "CONSULT", "REQUEST")  # the talks, or the request for them
    assert talks and all(country in e.source_countries for e in talks)


def test_a_push_for_talks_is_its_owners(events_in: Extract) -> None:
    talks = of_type(events_in("Peru's push for talks with Chile stalled."), "CONSULT")
    assert talks and all({"PER", "CHL"} <= set(e.source_countries) for e in talks)


def test_a_welcomed_bid_for_talks_stays_the_bidders(events_in: Extract) -> None:
    talks = of_type(events_in("Chile welcomed Peru's bid for a new round of talks."), "CONSULT")
    assert talks and all(e.source_countries == ["PER"] for e in talks)


def test_a_welcomed_start_of_talks_between_others_stays_theirs(events_in: Extract) -> None:
    talks = of_type(events_in("Germany welcomed the start of talks between Serbia and Kosovo on Monday."), "CONSULT")
    assert talks and all("DEU" not in e.source_countries for e in talks)
    assert all({"SRB", "XKX"} & set(e.source_countries) for e in talks)


# --- a joint act in an "in" phrase of its parties' clause -----------------------------------------------------------


def test_progress_in_their_talks_is_a_joint_act_of_the_pair(events_in: Extract) -> None:
    text = (
        "Ghana and Togo reopened border talks in May. At a briefing in Accra, Ghanaian officials said both "
        "governments had made real headway in their second round of negotiations."
    )
    second = [e for e in of_type(events_in(text), "CONSULT") if e.start > 40]
    assert second and all({"GHA", "TGO"} <= set(e.source_countries) for e in second)


def test_a_speaker_in_consultations_with_the_other_side(events_in: Extract) -> None:
    text = (
        '"Throughout the consultations (with the Thai side), I felt both peoples want calm," Cambodian Prime '
        "Minister Hun Manet said."
    )
    talks = of_type(events_in(text), "CONSULT")
    assert talks and all({"KHM", "THA"} <= set(e.source_countries) for e in talks)


def test_one_party_speaking_in_talks_names_no_partner(events_in: Extract) -> None:
    talks = of_type(events_in("Bolivia said in talks on Monday that it would not sign."), "CONSULT")
    assert all(len(set(e.source_countries)) < 2 for e in talks)


# --- the makers a participle on the noun names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, countries",
    [
        ("The court ruled that the 1998 accord signed between Peru and Ecuador to settle border claims does not end "
         "the claims of settlers.", {"PER", "ECU"}),
        ("The tribunal said the 2004 treaty signed between Laos and Vietnam to mark their border remains valid.",
         {"LAO", "VNM"}),
    ],
)  # fmt: skip
def test_a_pact_signed_between_two_states_is_theirs(events_in: Extract, text: str, countries: set[str]) -> None:
    deals = of_type(events_in(text), "AGREE", "SUPPORT")  # the pact, or its signing
    assert deals and all(countries <= set(e.source_countries) for e in deals)


def test_a_pact_told_without_its_makers_names_no_source(events_in: Extract) -> None:
    deals = of_type(events_in("The court ruled that the 1998 accord does not end the claims of settlers."), "AGREE")
    assert all(not e.source_countries for e in deals)


# --- a document that acts: whoever issued it ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, country",
    [
        ("An indictment unsealed in a federal court in Houston last week accuses the banker of laundering money.",
         "USA"),
        ("A warrant issued by a district court in Osaka accuses the firm of hiding defects.", "JPN"),
    ],
)  # fmt: skip
def test_a_document_filed_in_a_place_is_its_states_act(events_in: Extract, text: str, country: str) -> None:
    accusations = of_type(events_in(text), "ACCUSE")
    assert accusations and all(country in e.source_countries for e in accusations)


def test_a_document_filed_nowhere_named_has_no_source(events_in: Extract) -> None:
    accusations = of_type(events_in("An indictment made public on Monday accuses him of helping a gang."), "ACCUSE")
    assert all(not e.source_countries for e in accusations)


# --- an act named as its clause's motive; the act a response answers -------------------------------------------


def test_a_reprisal_is_the_act_of_its_clause(events_in: Extract) -> None:
    text = (
        "Lula said Argentina should scrap the curbs of March 3, when Buenos Aires tightened its licensing of two "
        "fertiliser exports in an apparent reprisal against Brasilia."
    )
    measures = of_type(events_in(text), "SANCTION", "COERCE")
    assert measures and all(e.source_countries == ["ARG"] for e in measures)


def test_the_act_a_response_answers_was_done(events_in: Extract) -> None:
    text = "In response to Chile's retaliation last month, the Peruvian trade minister said his government would act."
    events = events_in(text)
    answered = [e for e in of_type(events, "SANCTION") if e.source_countries == ["CHL"]]
    assert answered and all(e.status == "occurred" for e in answered)
    assert all(e.status != "occurred" for e in events if "PER" in e.source_countries)


def test_the_act_answered_and_the_answer_of_one_type_stay_two(events_in: Extract) -> None:
    text = "In response to the Chilean reprisal, Peru will adopt countermeasures next week, the minister said."
    sanctions = of_type(events_in(text), "SANCTION")
    assert {(tuple(e.source_countries), e.status == "occurred") for e in sanctions} == {
        (("CHL",), True),
        (("PER",), False),
    }


def test_an_act_in_an_announcing_clause_is_still_announced(events_in: Extract) -> None:
    sanctions = of_type(events_in("Peru will impose duties on Chilean wine next month."), "SANCTION", "COERCE")
    assert sanctions and all(e.status != "occurred" for e in sanctions)


# --- an order told as an agentless passive after an appearance in court: the court's state ---------------------


@pytest.mark.parametrize(
    "text, country",
    [
        (
            "The banker stood for a few minutes before a magistrate in Houston and was ordered held until a transfer.",
            "USA",
        ),
        ("The smuggler appeared in a court in Osaka on Monday and was ordered deported.", "JPN"),
    ],
)
def test_an_order_after_an_appearance_in_court_is_the_courts(events_in: Extract, text: str, country: str) -> None:
    orders = of_type(events_in(text), "REQUEST")
    assert orders and all(e.source_countries == [country] for e in orders)


def test_a_court_named_with_no_place_gives_no_state(events_in: Extract) -> None:
    orders = of_type(events_in("The banker appeared before a judge and was ordered held."), "REQUEST")
    assert all(not e.source_countries for e in orders)


# --- a measure a state answers with is its own; countries co-ordinated in one phrase --------------------------------


@pytest.mark.parametrize(
    "text, country",
    [
        ("Peru hit back with tariffs on Chilean wine.", "PER"),
        ("Quito responded on Friday with a ban on Peruvian fruit.", "ECU"),
    ],
)
def test_a_measure_answered_with_is_the_subjects(events_in: Extract, text: str, country: str) -> None:
    measures = of_type(events_in(text), "SANCTION", "COERCE")
    assert measures and all(e.source_countries == [country] for e in measures)


def test_a_measure_after_another_preposition_is_not_the_answerers(events_in: Extract) -> None:
    measures = of_type(events_in("Analysts responded with caution to the Peruvian ban on Chilean fruit."), "SANCTION")
    assert measures and all(e.source_countries == ["PER"] for e in measures)


def test_envoys_from_two_countries_are_both_parties(events_in: Extract) -> None:
    talks = of_type(events_in("Envoys from Ghana and Togo met in Geneva to discuss the border."), "CONSULT")
    assert talks and all({"GHA", "TGO"} <= set(e.source_countries) for e in talks)


def test_two_ministers_named_with_their_countries_are_both_parties(events_in: Extract) -> None:
    text = "The two foreign ministers, Peru's Ana Soto and Chile's Luis Vera, met in Santiago."
    talks = of_type(events_in(text), "CONSULT")
    assert talks and all({"PER", "CHL"} <= set(e.source_countries) for e in talks)


def test_envoys_from_one_country_meet_no_second_one(events_in: Extract) -> None:
    talks = of_type(events_in("Envoys from Ghana met in Geneva to discuss the border."), "CONSULT")
    assert all(e.source_countries == ["GHA"] for e in talks)


# --- a measure told as the subject of an agentless passive: its holder acts on it ---------------------------------


@pytest.mark.parametrize(
    "text, kind, source, target",
    [
        ("US sanctions on Iran were lifted in May.", "CONCEDE", "USA", "IRN"),
        ("Peru's duties on Chilean wine were raised to 20 percent.", "SANCTION", "PER", "CHL"),
        ("The duties imposed by Quito on Peruvian fruit were suspended on Friday.", "CONCEDE", "ECU", None),
    ],
)
def test_a_measure_acted_on_in_a_passive_is_its_holders_act(
    events_in: Extract, text: str, kind: str, source: str, target: str | None
) -> None:
    acts = of_type(events_in(text), kind)
    assert acts and all(e.source_countries == [source] for e in acts)
    assert target is None or all(e.target_countries == [target] for e in acts)


def test_a_measure_judged_by_another_stays_the_judges_act(events_in: Extract) -> None:
    complaints = of_type(events_in("US sanctions on Iran were criticised by Tehran."), "ACCUSE")
    assert complaints and all(e.source_countries == ["IRN"] and e.target_countries == ["USA"] for e in complaints)


def test_a_measure_of_nobody_named_is_lifted_by_nobody_named(events_in: Extract) -> None:
    assert all(not e.source_countries for e in events_in("The sanctions were lifted in May."))
