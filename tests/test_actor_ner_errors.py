"""Actors lost or misplaced where the English NER misreads a name (annotate.misread_names), each kind with
sentences written for this test and a negative twin: a verb spelt like a body noun ("pressed"), a capital
tagged as a person, a leader's surname tagged as a place or a body, and two names around a comma."""

from __future__ import annotations

from typing import Any

import pytest

from bilateral.annotate import Knowledge, analyse
from bilateral.annotate.nlp import load_nlp
from bilateral.extract.events import EventPatterns
from bilateral.model import Analysis
from tests.conftest import events_reader, evidence_is_its_text, no_self_loop, of_type

pytestmark = pytest.mark.model


def run(text: str, knowledge: Knowledge) -> Analysis:
    return analyse(load_nlp()(text), published="2024-05-01", document="d", knowledge=knowledge)


def actor_of(analysis: Analysis, text: str) -> Any:
    ids = {m.actor for m in analysis.mentions if m.text == text}
    assert len(ids) == 1, (text, [(m.text, m.actor) for m in analysis.mentions])
    return analysis.actors[ids.pop()]


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Kenya pressed Uganda to reopen the border.", "Kenya", "KEN"),
        ("Chile pressed Bolivia to reopen the crossing.", "Chile", "CHL"),
        ("Nepal pressed India to lift the fuel blockade.", "Nepal", "NPL"),
        ("Pakistan forces India to rethink the treaty.", "Pakistan", "PAK"),
    ],
)
def test_a_verb_spelt_like_a_body_noun_is_not_the_body(text: str, name: str, code: str, knowledge: Knowledge) -> None:
    actor = actor_of(run(text, knowledge), name)
    assert (actor.kind, actor.country, actor.sector) == ("country", code, "GOV")


def test_a_body_noun_after_a_country_is_still_its_body(knowledge: Knowledge) -> None:
    found = run("Ghana's press praised the accord with Togo.", knowledge)
    assert actor_of(found, "Ghana's press").sector == "MED"
    found = run("Argentina forces seized a Chilean trawler.", knowledge)
    assert actor_of(found, "Argentina forces").sector == "MIL"


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("On Tuesday Lima said it would expel the Bolivian envoy.", "Lima", "PER"),
        ("Late on Monday Santiago said it would close the pass.", "Santiago", "CHL"),
    ],
)
def test_a_capital_tagged_as_a_person_is_its_government(text: str, name: str, code: str, knowledge: Knowledge) -> None:
    actor = actor_of(run(text, knowledge), name)
    assert (actor.kind, actor.country) == ("country", code)


def test_a_person_named_like_a_capital_stays_a_person(knowledge: Knowledge) -> None:
    found = run("Finance Minister Paulo Lima said the budget was sound, and Lima added that taxes would not rise.",
                knowledge)  # fmt: skip
    assert actor_of(found, "Lima").id == actor_of(found, "Paulo Lima").id
    assert actor_of(found, "Paulo Lima").kind == "person"
    assert actor_of(run("Mr Quito said he would sue the newspaper.", knowledge), "Quito").kind == "person"
    found = run("Santiago, a farmer from Osorno, said the pass had been closed for a week.", knowledge)
    assert actor_of(found, "Santiago").kind == "person"


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("After meeting Macron, Scholz said the two would talk again.", "Scholz", "DEU"),
        ("In talks with Modi, Sharif raised the water dispute.", "Modi", "IND"),
        ("After talks with Orban, Fico said the pipeline would stay open.", "Orban", "HUN"),
        ("In a meeting with Ruto, Museveni agreed to lift the ban on milk.", "Museveni", "UGA"),
    ],
)
def test_a_surname_tagged_as_a_place_or_body_is_the_person(
    text: str, name: str, code: str, knowledge: Knowledge
) -> None:
    actor = actor_of(run(text, knowledge), name)
    assert (actor.kind, actor.country) == ("person", code)


def test_a_surname_tagged_as_a_place_joins_the_full_name(knowledge: Knowledge) -> None:
    found = run("German Chancellor Olaf Scholz flew to Paris. After meeting Macron, Scholz said the two would "
                "talk again.", knowledge)  # fmt: skip
    assert actor_of(found, "Scholz").id == actor_of(found, "Olaf Scholz").id
    assert "Paris" not in {m.text for m in found.mentions}  # a place where one flies stays a place


def test_companies_in_a_list_stay_companies(knowledge: Knowledge) -> None:
    found = run("Samsung, LG and Hyundai said they would invest in Vietnam.", knowledge)
    assert {actor_of(found, name).kind for name in ("Samsung", "LG", "Hyundai")} == {"organization"}


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("In a phone call with Lula, Milei agreed to reopen the border.", ("Lula", "BRA"), ("Milei", "ARG")),
        ("After a call with Sisi, Abiy promised to share data on the dam.", ("Sisi", "EGY"), ("Abiy", None)),
    ],
)
def test_two_names_around_a_comma_are_two_people(
    text: str, first: tuple[str, str], second: tuple[str, str | None], knowledge: Knowledge
) -> None:
    found = run(text, knowledge)
    for name, code in (first, second):
        actor = actor_of(found, name)
        assert actor.kind == "person" and (code is None or actor.country == code)


def test_a_place_and_its_country_around_a_comma_are_no_people(knowledge: Knowledge) -> None:
    found = run("Talks opened in Lima, Peru, on Monday.", knowledge)
    assert not [a for a in found.actors.values() if a.kind == "person"]


def test_an_untagged_capital_acting_is_its_government(knowledge: Knowledge) -> None:
    found = run("Kyiv said Moscow had shelled the port overnight.", knowledge)
    assert actor_of(found, "Kyiv").country == "UKR"
    assert "Kyiv" not in {m.text for m in run("Talks resumed in Kyiv overnight.", knowledge).mentions}


def test_a_list_of_goods_around_commas_is_no_people(knowledge: Knowledge) -> None:
    found = run("Hanoi promised large purchases of Farm Product, Energy, and Machinery.", knowledge)
    assert not [a for a in found.actors.values() if a.kind == "person"]


@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        ("On Tuesday Lima said it would expel the Bolivian envoy.", "SANCTION", ["PER"], ["BOL"]),
        ("In a phone call with Lula, Milei agreed to reopen the border.", "AGREE", ["ARG"], ["BRA"]),
    ],
)
def test_events_take_the_actors_the_ner_misread(
    text: str, kind: str, source: list[str], target: list[str], knowledge: Knowledge, patterns: EventPatterns
) -> None:
    extract = events_reader(knowledge, patterns, "2024-05-01", evidence_is_its_text, no_self_loop)
    (event,) = of_type(extract(text), kind)
    assert (event.source_countries, event.target_countries) == (source, target)
