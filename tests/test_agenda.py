"""Finer agenda issues (sub-issues rolling up to the eight) and PLOVER contexts attached only where the sentence
speaks of them, on sentences written for these tests."""

from __future__ import annotations

import pytest

from bilateral.annotate.nlp import load_nlp
from bilateral.model import Analysis
from bilateral.stages import Knowledge, load_knowledge, run_stages
from tests.conftest import make_article

DRUG_CONTEXTS = {"illegal_drugs", "trafficking", "crime", "terrorism"}


@pytest.fixture(scope="module")
def knowledge() -> Knowledge:
    return load_knowledge()


def run(text: str, knowledge: Knowledge) -> Analysis:
    article = make_article(text, published="2020-03-02")
    return run_stages(load_nlp()(text), article, knowledge)


@pytest.mark.model
def test_subissues_roll_up_to_their_issue(knowledge: Knowledge) -> None:
    found = run("Chile protested the incursion into its territorial waters. Argentina rejected the sovereignty "
                "claim over the disputed islands. Both sides recalled wartime apology demands. Courts heard forced "
                "labour cases from the colonial era.", knowledge)  # fmt: skip
    assert "diplomacy" in found.issues
    assert found.subissues["territory_borders"][0] == "diplomacy"
    assert found.subissues["history_justice"][0] == "diplomacy"
    assert "drugs_crime" not in found.subissues


@pytest.mark.model
def test_technology_sanctions_are_trade_not_drugs(knowledge: Knowledge) -> None:
    found = run("Canberra imposed export controls on semiconductors bound for Jakarta. Indonesia threatened "
                "sanctions on Australian chipmakers and said the blacklist hurt trade.", knowledge)  # fmt: skip
    assert found.subissues["technology_sanctions"][0] == "trade"
    assert not DRUG_CONTEXTS & {context for event in found.events for context in event.issues}


@pytest.mark.model
def test_a_border_clash_carries_no_drug_contexts(knowledge: Knowledge) -> None:
    found = run("Indian troops clashed with Chinese soldiers on the disputed border, and Delhi accused Beijing of "
                "an incursion.", knowledge)  # fmt: skip
    contexts = {context for event in found.events for context in event.issues}
    assert found.events and not DRUG_CONTEXTS & contexts
    assert "territory" in contexts or "military" in contexts


@pytest.mark.model
def test_drug_trafficking_still_carries_its_contexts(knowledge: Knowledge) -> None:
    found = run("Colombia accused Venezuela of sheltering cocaine traffickers and demanded their extradition.",
                knowledge)  # fmt: skip
    contexts = {context for event in found.events for context in event.issues}
    assert found.events and {"illegal_drugs", "trafficking"} <= contexts
