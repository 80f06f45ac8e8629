"""Figures from parsed sentences (real spaCy model): value, unit, approximation, what is counted, the date and
exact evidence; and the seed gold target (eval)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.annotate import analyse, load_knowledge
from bilateral.annotate.nlp import load_nlp
from bilateral.extract.figures import extract_figures
from bilateral.model import Analysis, Figure
from tests.conftest import eval_path


@pytest.fixture(scope="session")
def knowledge() -> Any:
    return load_knowledge()


def figures_of(text: str, knowledge: Any, published: str = "2021-04-24") -> list[Figure]:
    doc = load_nlp()(text)
    return extract_figures(doc, analyse(doc, published=published, document="d", knowledge=knowledge))


@pytest.mark.model
def test_value_unit_counted_and_date(knowledge: Any) -> None:
    text = "In March 2021, more than 9,500 minors were held at the border. The plan costs $4 billion."
    figures = figures_of(text, knowledge)
    assert [(f.value, f.unit, f.approx) for f in figures] == [(9500, None, "more than"), (4e9, "USD", "exact")]
    assert figures[0].counted is not None and "minors" in figures[0].counted
    assert figures[0].date == "2021-03"
    assert figures[1].date is None
    for figure in figures:
        assert text[figure.start : figure.end] == figure.evidence


@pytest.mark.model
def test_counted_noun_with_compound_and_verb(knowledge: Any) -> None:
    figures = figures_of("The government deployed 6,000 national guard soldiers to the border.", knowledge)
    assert len(figures) == 1
    assert figures[0].counted is not None and "soldiers" in figures[0].counted


@pytest.mark.model
def test_years_dates_ordinals_and_names_are_not_figures(knowledge: Any) -> None:
    text = (
        "On June 7, 2019, the third round of talks under Title 42 began at 10:30 a.m. in the G20 city. "
        "The minister said COVID-19 cases fell in 2020."
    )
    assert figures_of(text, knowledge) == []


@pytest.mark.model
def test_figures_without_analysis_sentences_use_the_parse(knowledge: Any) -> None:
    doc = load_nlp()("Nearly 3,000 km of border. Up to 25 percent of trade.")
    figures = extract_figures(doc, Analysis(document="d"))
    assert [(f.value, f.unit, f.approx) for f in figures] == [(3000, "km", "nearly"), (25, "percent", "up to")]
    assert all(doc.text[f.start : f.end] == f.evidence for f in figures)


@pytest.mark.model
@pytest.mark.eval
def test_seed_gold_figures_found() -> None:
    eval_path("seeds_dev_gold.yaml")
    from benchmarks.seeds_figures import main

    metrics = main()
    assert float(metrics["seeds: gold figures found (value, unit) %"]) >= 95
    assert metrics["seeds: year-like figures emitted"] == 0


@pytest.mark.model
def test_counted_climbs_compounds_and_reads_of_phrases(knowledge: Any) -> None:
    assert [
        f.counted for f in figures_of("The US sent 2.7 million AstraZeneca vaccine doses to Mexico.", knowledge)
    ] == ["AstraZeneca vaccine doses"]
    tariff = figures_of("Trump threatened a tariff of 5 percent on Mexican goods.", knowledge)
    assert [(f.value, f.unit) for f in tariff] == [(5, "percent")]
    assert tariff[0].counted is not None and tariff[0].counted.startswith("tariff")


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "value", "unit", "noun"),
    [
        ("Ottawa imposed a 5 percent tariff on imported steel.", 5, "percent", "tariff"),
        ("Canberra announced a 25% levy on foreign wine.", 25, "percent", "levy"),
        ("The 52-year-old envoy arrived in Lima on Monday.", 52, "year", "envoy"),
        ("The two leaders held a 40-minute meeting in Hanoi.", 40, "minute", "meeting"),
        ("Brazil will send 3,000 soldiers to the border.", 3000, None, "soldiers"),
        ("A court ordered payments to 12 Filipino workers dismissed by the firm.", 12, None, "Filipino workers"),
    ],
)
def test_counted_is_the_noun_phrase_never_a_verb(
    text: str, value: float, unit: str | None, noun: str, knowledge: Any
) -> None:
    figures = figures_of(text, knowledge)
    assert [(f.value, f.unit) for f in figures] == [(value, unit)]
    counted = figures[0].counted or ""
    assert counted.startswith(noun) or noun in counted, counted
    assert not any(word in counted.split() for word in ("send", "arrived", "imposed", "announced", "held", "ordered"))


@pytest.mark.model
def test_ranges_and_durations_reach_the_figure(knowledge: Any) -> None:
    figures = figures_of(
        "Seoul pledged between $2 billion and $3 billion in aid after talks lasting 90 minutes.", knowledge
    )
    assert [(f.value, f.value_max, f.unit, f.approx) for f in figures] == [
        (2e9, 3e9, "USD", "range"),
        (90, None, "minute", "exact"),
    ]


PIECES = ["Officials said", "about $2-3 billion", "in aid", "was pledged.", "The talks lasted 45 minutes", "and",
          "tens of thousands of people", "marched;", "a 5 percent tariff", "fell by -2.5%", "on May 5, 2021", "\n",
          "between 10% and 20%", "of the 1,200 troops", "Section 301", "7.8 trillion won", "the G20", "(",
          ")"]  # fmt: skip


@pytest.mark.model
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14))
def test_figure_evidence_is_always_its_text_span(knowledge: Any, pieces: list[str]) -> None:
    text = " ".join(pieces)
    for figure in figures_of(text, knowledge):
        assert 0 <= figure.start <= figure.end <= len(text)
        assert text[figure.start : figure.end] == figure.evidence
        assert figure.value_max is None or figure.value_max > figure.value
