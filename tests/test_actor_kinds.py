"""Kinds of actor failure, each with sentences written for this test (other names and countries than any
article): a company's country and a person titled by it, seats of government, a generic state body placed by
its context, and brands, goods and market indices that are not actors."""

from __future__ import annotations

from typing import Any

import pytest

from bilateral.annotate import analyse
from bilateral.annotate.knowledge import Knowledge, build
from bilateral.annotate.nlp import load_nlp
from bilateral.knowledge import builtin_packs
from bilateral.model import Analysis

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return build(builtin_packs())


def run(text: str, knowledge: Knowledge) -> Analysis:
    return analyse(load_nlp()(text), published="2021-03-04", document="d", knowledge=knowledge)


def actor_of(analysis: Analysis, text: str) -> Any:
    ids = {m.actor for m in analysis.mentions if m.text == text}
    assert len(ids) == 1, (text, [(m.text, m.actor) for m in analysis.mentions])
    return analysis.actors[ids.pop()]


def test_a_company_has_its_home_country_and_gives_it_to_its_officer(knowledge: Knowledge) -> None:
    found = run("Brussels fined Tencent on Monday. Tencent's chief financial officer, Zhao Lirong, called the "
                "fine unfair, and Hanwha founder Park Dong-soo said he would appeal.", knowledge)  # fmt: skip
    tencent = actor_of(found, "Tencent")
    assert (tencent.country, tencent.sector) == ("CHN", "BUS")
    assert actor_of(found, "Zhao Lirong").country == "CHN"
    assert actor_of(found, "Park Dong-soo").country == "KOR"


def test_a_seat_of_government_is_its_governments_actor(knowledge: Knowledge) -> None:
    found = run("The Élysée said the visit would go ahead. Élysée spokeswoman Claire Dumontel added that "
                "Downing Street had agreed.", knowledge)  # fmt: skip
    elysee = actor_of(found, "Élysée")
    assert (elysee.country, elysee.sector) == ("FRA", "GOV")
    assert actor_of(found, "Claire Dumontel").country == "FRA"
    assert actor_of(found, "Downing Street").country == "GBR"


def test_a_generic_state_body_takes_the_country_of_its_owner_sentence_or_dateline(knowledge: Knowledge) -> None:
    owned = run("Aylin Demir, a deputy of the Defence Council (DC) of the Élysée, briefed reporters.", knowledge)
    assert actor_of(owned, "Defence Council").country == "FRA"
    filed = run("ANKARA, March 3 (Wire) -- The National Security Council met on Tuesday to weigh its reply.",
                knowledge)  # fmt: skip
    assert actor_of(filed, "National Security Council").country == "TUR"
    sentence = run("The National Security Council met to review Peru's plan for the border.", knowledge)
    assert actor_of(sentence, "National Security Council").country == "PER"


def test_brands_goods_and_indices_are_not_actors(knowledge: Knowledge) -> None:
    found = run("Shoppers in Manila shunned Velmora, Dusklin and other imported lagers, and the local brand "
                "Marisol took the lead. Traders said the Bovespa index slipped while the Merval dropped 312 points. "
                "Lima promised larger purchases of Processed Goods.", knowledge)  # fmt: skip
    names = {m.text for m in found.mentions}
    assert not names & {"Velmora", "Dusklin", "Marisol", "Bovespa", "Merval", "Processed Goods"}, names
    assert "Lima" in names  # the actor in the same sentences stays


def test_a_company_named_with_a_product_noun_elsewhere_stays_an_actor(knowledge: Knowledge) -> None:
    found = run("Alibaba said its sales rose, and regulators in Beijing questioned Alibaba again.", knowledge)
    assert actor_of(found, "Alibaba").country == "CHN"


def test_a_merger_named_after_a_pack_company_is_one_actor_with_its_country(knowledge: Knowledge) -> None:
    found = run("A court in Manila ordered Hanwha & Pelagos Marine to pay the crew.", knowledge)
    assert actor_of(found, "Hanwha & Pelagos Marine").country == "KOR"
    assert "Hanwha" not in {m.text for m in found.mentions}


def test_a_world_body_written_with_british_spelling_is_found(knowledge: Knowledge) -> None:
    found = run("Ines Calloway, a fellow at the Centre for American Progress, doubted the plan.", knowledge)
    assert actor_of(found, "Centre for American Progress").country == "USA"


def test_a_name_two_countries_share_is_the_one_the_document_names(knowledge: Knowledge) -> None:
    one = run("North Korean state media said Pyongyang had tested a rocket. Korean officials called it a "
              "failure, said Ri Chol-su, a researcher.", knowledge)  # fmt: skip
    assert actor_of(one, "Korean officials").country == "PRK"
    both = run("South Korean and North Korean envoys met. Korean officials joined them.", knowledge)
    assert all(m.text != "Korean officials" or both.actors[m.actor].country is None for m in both.mentions)


def test_what_countries_sign_or_ratify_is_not_an_actor_even_misspelled(knowledge: Knowledge) -> None:
    found = run("Chile and Peru signed the PAMFA in May 2014, and Lima later ratified the APMFA.", knowledge)
    names = {m.text for m in found.mentions}
    assert not names & {"PAMFA", "APMFA"}, names
    assert {"Chile", "Peru", "Lima"} <= names
