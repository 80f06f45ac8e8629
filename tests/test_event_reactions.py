"""An act told only as what somebody's reaction is about ("Lima condemned Quito's decision to expel the envoy"): the
sentence reports the reaction, from the speaker to whose act it is; the act itself is no happening of that sentence
when the document has told it before, and is kept (once) where this is the document's first telling of it."""

from __future__ import annotations

import pytest

from bilateral.annotate import Knowledge
from bilateral.extract.events import EventPatterns
from tests.conftest import Extract, events_reader, evidence_is_its_text, no_self_loop, of_type


@pytest.fixture(scope="module")
def events_in(knowledge: Knowledge, patterns: EventPatterns) -> Extract:
    return events_reader(knowledge, patterns, "2023-04-02", evidence_is_its_text, no_self_loop)


def by_sentence(found: list, text: str, kind: str) -> tuple[list, list]:  # type: ignore[type-arg]
    """The events of `kind` in a two-sentence `text`: those of the first sentence, and those of the second."""
    second = text.index(". ") + 2
    return [e for e in of_type(found, kind) if e.start < second], [e for e in of_type(found, kind) if e.start >= second]


@pytest.mark.parametrize(
    "text, reaction, speaker, doer, kind",
    [
        ("Ghana closed its border with Togo on Friday. On Sunday Togo condemned Ghana's decision to close the"
         " border.", "ACCUSE", "TGO", "GHA", "COERCE"),
        ("Norway expelled a Russian diplomat last week. Moscow has protested against the Norwegian move to expel"
         " its diplomat.", "ACCUSE", "RUS", "NOR", "SANCTION"),
        ("Seoul lifted its curbs on Thai rice in June. Bangkok welcomed the decision by Seoul to lift the curbs.",
         "SUPPORT", "THA", "KOR", "CONCEDE"),
        ("Jordan recalled its ambassador from Qatar on Monday. A day later Qatar criticised the Jordanian decision"
         " to recall its envoy.", "ACCUSE", "QAT", "JOR", "SANCTION"),
    ],
)  # fmt: skip
def test_an_act_told_before_is_only_what_the_reaction_is_about(
    events_in: Extract, text: str, reaction: str, speaker: str, doer: str, kind: str
) -> None:
    found = events_in(text)
    reactions = by_sentence(found, text, reaction)[1]  # in the reaction's sentence
    assert reactions and all(e.source_countries == [speaker] and doer in e.target_countries for e in reactions)
    told, again = by_sentence(found, text, kind)
    assert told  # the act, told in the first sentence
    assert not again  # not again as the reaction's own


@pytest.mark.parametrize(
    "text, kind, doer",
    [
        # the first telling of the act is the reaction's sentence: the document's report of it stays (once)
        ("Togo condemned Ghana's decision to close the border with Togo.", "COERCE", "GHA"),
        ("Bangkok welcomed the decision by Seoul to lift its curbs on Thai rice.", "CONCEDE", "KOR"),
        # twins: the decision announced, not reacted to, is the act of its sentence wherever it is told
        ("Ghana closed its border with Togo on Friday. Accra defended its decision to close the border.", "COERCE",
         "GHA"),
        ("Seoul said on Monday it had taken a decision to lift its curbs on Thai rice.", "CONCEDE", "KOR"),
    ],
)  # fmt: skip
def test_an_act_told_first_in_a_reaction_is_kept(events_in: Extract, text: str, kind: str, doer: str) -> None:
    found = events_in(text)
    last = found[-1].start
    acts = [e for e in of_type(found, kind) if e.start == last]
    assert len(acts) == 1 and doer in acts[0].source_countries


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Nepal halted its rice exports to Bhutan on Friday. Thimphu officials said the decision to halt the"
         " exports was a grave error.", "SANCTION"),
        ("Austria closed two border crossings with Hungary on Monday. Budapest said the plan to close the crossings"
         " was unacceptable.", "COERCE"),
    ],
)  # fmt: skip
def test_an_act_a_speaker_judges_is_no_new_act(events_in: Extract, text: str, kind: str) -> None:
    told, again = by_sentence(events_in(text), text, kind)
    assert told
    assert not again


def test_a_plan_judged_but_told_as_done_stays(events_in: Extract) -> None:
    # twin: the plan is the subject of a report of what happened to it, not of a judgement
    text = "Nepal halted rice exports to Bhutan in May. Officials said the plan to halt them was passed in April."
    assert by_sentence(events_in(text), text, "SANCTION")[1]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Peru detained two Chilean fishermen on Monday. Chile called the detention of the fishermen unlawful.",
         "COERCE"),
        ("Kenya expelled a Somali diplomat on Friday. Somalia deemed the expulsion unjustified.", "SANCTION"),
    ],
)  # fmt: skip
def test_a_verdict_on_an_act_is_neither_its_report_nor_the_judges_act(events_in: Extract, text: str, kind: str) -> None:
    told, again = by_sentence(events_in(text), text, kind)
    assert told
    assert not again


@pytest.mark.parametrize(
    "text, kind, doer",
    [
        # twins: "called" with no verdict on its object is the light verb of the act its subject does
        ("The dockers' union called a strike at the port of Valparaíso.", "PROTEST", None),
        ("Chile called the Peruvian ambassador on Monday to discuss the detention.", "CONSULT", "CHL"),
    ],
)  # fmt: skip
def test_calling_without_a_verdict_stays_an_act(events_in: Extract, text: str, kind: str, doer: str | None) -> None:
    acts = of_type(events_in(text), kind)
    assert acts and (doer is None or doer in acts[0].source_countries)


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Bolivia expelled a Chilean consul on Monday. Santiago voiced anger over the expulsion of its consul.",
         "SANCTION"),
        ("Uganda closed the border on Monday. Kenya expressed regret over Uganda's decision to close the border.",
         "COERCE"),
    ],
)  # fmt: skip
def test_a_feeling_voiced_over_an_act_is_a_complaint_about_it(events_in: Extract, text: str, kind: str) -> None:
    found = events_in(text)
    assert by_sentence(found, text, "ACCUSE")[1]
    told, again = by_sentence(found, text, kind)
    assert told
    assert not again


def test_support_voiced_for_a_plan_leaves_the_plan_proposed(events_in: Extract) -> None:
    # twin: backing a plan is no reaction to somebody's act; what the plan proposes stays proposed
    found = events_in("Peru expressed support for the plan to hold talks with Chile in May.")
    assert of_type(found, "SUPPORT") and [e for e in of_type(found, "CONSULT") if e.status == "proposed"]


@pytest.mark.parametrize(
    "text, speaker, doer",
    [
        ("Ankara said Athens's decision to close the border was regrettable.", "TUR", "GRC"),
        ("Hanoi said the decision to scrap the accord by the Thai government was a mistake.", "VNM", "THA"),
        # the act told before names its doer
        ("Peru detained two Chilean fishermen on Monday. Chile called the detention of the fishermen unlawful.",
         "CHL", "PER"),
        ("Chile called the detention of the fishermen unlawful.", "CHL", None),
    ],
)  # fmt: skip
def test_a_verdict_against_an_act_is_a_complaint(events_in: Extract, text: str, speaker: str, doer: str | None) -> None:
    complaints = of_type(events_in(text), "ACCUSE")
    assert complaints and all(e.source_countries == [speaker] for e in complaints)
    assert doer is None or all(doer in e.target_countries for e in complaints)


@pytest.mark.parametrize(
    "text",
    [
        # twins: a verdict of praise, or a verdict on no act, is no complaint
        "Ankara said Athens's decision to open the border was welcome.",
        "Hanoi said the weather in Bangkok was a mistake to ignore.",
        "Chile called the talks with Peru useful.",
    ],
)
def test_a_verdict_of_praise_or_on_no_act_is_no_complaint(events_in: Extract, text: str) -> None:
    assert not of_type(events_in(text), "ACCUSE")


@pytest.mark.parametrize(
    "text",
    [
        "Quito expelled the Peruvian envoy on Monday. Lima protested against the decision to expel its envoy.",
        "Lima protested against the decision to expel its envoy.",
    ],
)
def test_the_speaker_of_a_reaction_is_not_the_doer_of_its_act(events_in: Extract, text: str) -> None:
    # the decision names no doer: the infinitive's subject is not the one who protests it
    assert not [e for e in of_type(events_in(text), "SANCTION") if "PER" in e.source_countries]


def test_an_act_of_the_same_kind_by_another_party_does_not_make_it_told_before(events_in: Extract) -> None:
    # Kenya's expulsion told first is another happening: Ecuador's, told only in Peru's reaction, is still reported
    text = "Kenya expelled two Somali traders on Monday. Lima condemned Quito's decision to expel the envoy."
    expulsions = by_sentence(events_in(text), text, "SANCTION")[1]
    assert expulsions and all(e.source_countries == ["ECU"] for e in expulsions)
