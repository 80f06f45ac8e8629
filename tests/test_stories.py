"""Stories, figure agreement and coverage: the pieces by hand, then the seed gold stories end to end."""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from bilateral.compare.agreement import (
    Comparison,
    Qualifiers,
    band,
    clause,
    compare_figures,
    counted_nouns,
    differ,
    qualifiers,
    relation,
)
from bilateral.compare.coverage import gaps
from bilateral.compare.similarity import Weights, terms
from bilateral.compare.stories import Item, find_stories, near_in_time, period
from bilateral.knowledge import builtin_packs
from tests.conftest import SEEDS, eval_path

BACKGROUND = [
    "The two governments met again this week to discuss the border.",
    "Officials in Washington and Mexico City spoke about trade and migration.",
    "The president said relations with the neighbour were good.",
    "Analysts expect the talks on security to continue next month.",
    "Trade between the two countries grew last year, officials said.",
    "The border remains the main issue for both governments.",
    "Migration talks resumed as officials from both sides met.",
    "The president spoke with his counterpart by phone.",
]


def corpus(sentences: dict[str, list[str]]) -> Weights:
    """Weights over the given documents' sentences plus a background of ordinary ones, spread over documents."""
    rows = [(document, terms(s)) for document, texts in sentences.items() for s in texts]
    rows += [(f"background-{i % 4}", terms(s)) for i, s in enumerate(BACKGROUND * 3)]
    return Weights(rows)


# countries and demonyms are never threads (the store leaves out every place the knowledge packs name)
PLACES = {"brazil", "brazilian", "argentina", "argentine", "chile", "peruvian", "lagos", "santos"}


def item(kind: str, id: str, document: str, evidence: str, weights: Weights, **fields: object) -> Item:
    names: dict[str, str] = {}
    counts = terms(evidence, names=names)
    names = {term: name for term, name in names.items() if term not in PLACES}
    start = int(fields.pop("start", 0))  # type: ignore[call-overload]
    end = int(fields.pop("end", start + len(evidence)))  # type: ignore[call-overload]
    return Item(kind, id, document, start, end, evidence, weights.vector(counts), names=names, **fields)  # type: ignore[arg-type]


ARREST_A = "US agents arrested former defence minister Salvador Cienfuegos at the airport in Los Angeles."
ARREST_B = "The arrest of General Cienfuegos in California angered the army, officials said."
VACCINES = "The United States will lend Mexico 2.5 million doses of the AstraZeneca vaccine."


def test_terms_join_runs_of_names_and_break_them_at_punctuation() -> None:
    names: dict[str, str] = {}
    found = terms("They met Salvador Cienfuegos’s lawyer, then Guatemala, Honduras and Astra Zeneca.", names=names)
    assert {"salvadorcienfuegos", "cienfuegos", "astrazeneca", "guatemala", "honduras", "lawyer"} <= set(found)
    assert "guatemalahonduras" not in found
    assert names["salvadorcienfuegos"] == "Salvador Cienfuegos" and names["astrazeneca"] == "Astra Zeneca"
    assert "salvador" not in names  # a first name alone is no thread; the surname and the full name are
    assert "they" not in found and "met" in found


def test_a_term_in_every_sentence_weighs_nothing_and_a_rare_one_decides() -> None:
    weights = Weights([("a", Counter({"border": 1, "cienfuegos": 1})), ("b", Counter({"border": 1}))])
    assert weights.idf("border") == 0 and weights.idf("cienfuegos") > 0
    assert weights.held_by("border") == 2 and weights.documents == 2


def test_dates_of_any_precision_are_near_within_the_window() -> None:
    assert period("2020") == (period("2020-01-01")[0], period("2020-12-31")[1])  # type: ignore[index]
    assert near_in_time("2020-10-16", "2020-11-18") and near_in_time("2020", "2020-11-18")
    assert not near_in_time("2019-06-07", "2021-03-18") and near_in_time(None, "2021-03-18")


def test_two_reports_of_one_arrest_make_one_story_labelled_by_its_thread() -> None:
    weights = corpus({"a": [ARREST_A], "b": [ARREST_B], "c": [VACCINES]})
    events = [
        item("event", "a:e1", "a", ARREST_A, weights, date="2020-10-16", type="COERCE"),
        item("event", "b:e1", "b", ARREST_B, weights, date="2020-10", type="COERCE"),
        item("event", "c:e1", "c", VACCINES, weights, date="2021-03-18", type="AID"),
    ]
    figure = item("figure", "c:f1", "c", VACCINES, weights, date="2021-03-18", value=2.5e6)
    stories = find_stories([*events, figure], weights)
    assert len(stories) == 1
    story = stories[0]
    assert story.documents == ["a", "b"] and {i.id for i in story.items} == {"a:e1", "b:e1"}
    assert story.label == "coerce · Cienfuegos (Oct 2020)"  # no countries known: the action, the thread, the month
    assert (story.first_date, story.last_date) == ("2020-10-01", "2020-10-31")


def test_the_same_name_years_apart_is_not_one_story() -> None:
    weights = corpus({"a": [ARREST_A], "b": [ARREST_B]})
    events = [
        item("event", "a:e1", "a", ARREST_A, weights, date="2020-10-16", type="COERCE"),
        item("event", "b:e1", "b", ARREST_B, weights, date="2023-05", type="COERCE"),
    ]
    assert find_stories(events, weights) == []


def test_stories_do_not_depend_on_the_order_items_come_in() -> None:
    texts = {"a": [ARREST_A, VACCINES], "b": [ARREST_B], "c": ["Mexico received AstraZeneca doses from the US."]}
    weights = corpus(texts)
    items = [
        item("event", "a:e1", "a", ARREST_A, weights, date="2020-10-16", type="COERCE"),
        item("event", "a:e2", "a", VACCINES, weights, date="2021-03-18", type="AID"),
        item("event", "b:e1", "b", ARREST_B, weights, date="2020-10", type="COERCE"),
        item("event", "c:e1", "c", texts["c"][0], weights, date="2021-03", type="AID"),
    ]
    first = find_stories(items, weights)
    shuffled = items[:]
    random.Random(7).shuffle(shuffled)
    assert [(s.id, s.label) for s in find_stories(shuffled, weights)] == [(s.id, s.label) for s in first]
    assert len(first) == 2


SEIZURE_A = "Brazilian customs officers seized the cargo ship Estrela Azul and its Argentine crew off Santos."
SEIZURE_B = "Argentina protested after Brazil held the freighter Estrela Azul in the port of Santos."
LEAD_A = "Brazil raised tariffs on Argentine steel imports to 30 percent on Monday."
LEAD_B = "Argentine steel imports will now face higher Brazilian tariffs, the trade ministry said."
LEAD_OTHER = "Chile raised tariffs on Peruvian steel imports after a long dispute."


def test_a_label_says_who_did_what_to_whom_and_when_from_the_story_fields() -> None:
    weights = corpus({"a": [SEIZURE_A], "b": [SEIZURE_B]})
    parties = {"source_countries": ("BRA",), "target_countries": ("ARG",)}
    events = [
        item("event", "a:e1", "a", SEIZURE_A, weights, date="2024-05-03", type="COERCE", mode="seize", **parties),
        item("event", "b:e1", "b", SEIZURE_B, weights, date="2024-05", type="COERCE", mode="seize", **parties),
    ]
    actions = {"COERCE": "coercion", "COERCE/seize": "seizure"}
    countries = {"BRA": "Brazil", "ARG": "Argentina"}
    [story] = find_stories(events, weights, actions=actions, countries=countries)
    assert story.label == "Brazil – Argentina: seizure · Estrela Azul (May 2024)"


def test_the_leads_of_two_reports_of_one_happening_make_a_story_without_a_shared_name() -> None:
    weights = corpus({"a": [LEAD_A, BACKGROUND[0]], "b": [LEAD_B], "c": [LEAD_OTHER]})
    brazil = {"source_countries": ("BRA",), "target_countries": ("ARG",)}
    chile = {"source_countries": ("CHL",), "target_countries": ("PER",)}
    events = [
        item("event", "a:e1", "a", LEAD_A, weights, type="SANCTION", **brazil),
        item("event", "b:e1", "b", LEAD_B, weights, type="SANCTION", **brazil),
        item("event", "c:e1", "c", LEAD_OTHER, weights, type="SANCTION", **chile),
    ]
    [story] = find_stories(events, weights)
    assert story.documents == ["a", "b"]  # the same words, but Chile and Peru are other parties: another happening
    # a later sentence is no lead: the same words deep in a report tie nothing without a name
    late = [
        item("event", f"a:e{k}", "a", f"{BACKGROUND[k]}", weights, type="CONSULT", start=k * 100, end=k * 100 + 50)
        for k in range(1, 3)
    ]
    buried = item("event", "a:e9", "a", LEAD_A, weights, type="SANCTION", start=900, end=950)
    assert find_stories([*late, buried, events[1]], weights) == []


def test_two_threads_over_the_same_documents_are_one_story() -> None:
    a1 = "Prosecutors in Lagos charged the banker Okonkwo Adeyemi with fraud."
    a2 = "The Harbourline port scheme was suspended pending an audit."
    b1 = "A court in Lagos heard the fraud charges against Okonkwo Adeyemi."
    b2 = "Officials suspended work on Harbourline while auditors review it."
    weights = corpus({"a": [a1, a2], "b": [b1, b2]})
    events = [
        item("event", "a:e1", "a", a1, weights, type="ACCUSE", start=0, end=10),
        item("event", "a:e2", "a", a2, weights, type="SANCTION", start=100, end=110),
        item("event", "b:e1", "b", b1, weights, type="ACCUSE", start=0, end=10),
        item("event", "b:e2", "b", b2, weights, type="SANCTION", start=100, end=110),
    ]
    [story] = find_stories(events, weights)
    assert len(story.items) == 4 and story.documents == ["a", "b"]


def test_growing_a_corpus_with_unrelated_documents_does_not_split_a_story() -> None:
    texts = {"a": [SEIZURE_A], "b": [SEIZURE_B], "c": [LEAD_A], "d": [LEAD_B]}
    topics = ["rainfall", "orchestra", "vaccine", "election", "satellite", "harvest", "museum", "railway"]
    places = ["Kenya", "Norway", "Vietnam", "Peru", "Ghana", "Finland", "Nepal", "Chile"]
    for n in range(200):
        topic, place = topics[n % 8], places[(n // 8) % 8]
        texts[f"x{n:03d}"] = [f"Officials in {place} discussed the {topic} report number {n} on Tuesday."]

    def found(documents: list[str]) -> set[tuple[str, ...]]:
        weights = corpus({d: texts[d] for d in documents})
        events = [
            item("event", f"{d}:e1", d, texts[d][0], weights, type="SANCTION" if d in "cd" else "COERCE",
                 source_countries=("BRA",), target_countries=("ARG",))
            if d in "abcd" else item("event", f"{d}:e1", d, texts[d][0], weights, type="CONSULT")
            for d in documents
        ]  # fmt: skip
        stories = find_stories(events, weights)
        return {tuple(story.documents) for story in stories if set(story.documents) & {"a", "b", "c", "d"}}

    small = found(["a", "b", "c", "d"])
    assert small == {("a", "b"), ("c", "d")}
    for size in (20, 200):
        assert found(["a", "b", "c", "d", *[f"x{n:03d}" for n in range(size)]]) == small


def figure(id: str, document: str, value: float, approx: str, counted: str | None, evidence: str, w: Weights) -> Item:
    return item("figure", id, document, evidence, w, date="2021-03", value=value, approx=approx, counted=counted)


def test_approximations_decide_agreement() -> None:
    def pair(a: tuple[float, str], b: tuple[float, str]) -> str:
        w = Weights([])
        return relation(figure("x", "a", *a, None, "", w), figure("y", "b", *b, None, "", w))

    assert pair((2.5e6, "exact"), (2.7e6, "exact")) == "conflict"
    assert pair((2.5e6, "exact"), (2_500_000, "exact")) == "agree"
    assert pair((60_000, "more than"), (71_000, "about")) == "agree"
    assert pair((70_000, "nearly"), (70_000, "more than")) == "conflict"
    assert pair((8, "at least"), (12, "more than")) == "conflict"
    assert band(100, "hundreds") == (100, 1000)


def test_a_round_figure_does_not_stretch_over_a_precise_one() -> None:
    def pair(a: tuple[float, str], b: tuple[float, str]) -> str:
        w = Weights([])
        return relation(figure("x", "a", *a, None, "", w), figure("y", "b", *b, None, "", w))

    # "about 60" allows 54-66: a stated 54 sits on its edge, and someone who knew 54 would have written it
    assert pair((60, "about"), (54, "exact")) == "conflict"
    assert pair((35, "about"), (40, "about")) == "conflict"
    assert pair((35, "about"), (37, "about")) == "agree"
    assert pair((90, "exact"), (90, "about")) == "agree"
    # the rounding its digits show: "3.4 billion" may be 3,372 million, but a bare "2,000" is not 2,600
    assert pair((3.4e9, "exact"), (3.372e9, "exact")) == "agree"
    assert pair((2_000, "exact"), (2_600, "exact")) == "conflict"
    assert pair((1.8e6, "about"), (1_815_000, "exact")) == "agree"
    assert band(45, "exact") == (44.5, 45.5)


def test_spanish_scale_and_function_words_are_not_what_a_figure_counts() -> None:
    loan = "Colombia prestará a Ecuador 1.2 millones de vacunas de Moderna la semana que viene."
    deal = "El convenio cubre 1.1 millones de inyecciones de Moderna contra la covid."
    mixed = "Perú ha recibido 1.2 millones de la firma Sinopharm y 900,000 de Pfizer."
    bare = "El lote suma 1.1 millones de dosis."
    weights = corpus({"a": [loan, mixed], "b": [deal], "c": [bare]})
    figures = [
        figure("a:f1", "a", 1.2e6, "exact", None, loan, weights),
        figure("a:f2", "a", 1.2e6, "exact", None, mixed, weights),
        figure("b:f1", "b", 1.1e6, "exact", None, deal, weights),
        figure("c:f1", "c", 1.1e6, "exact", None, bare, weights),
    ]
    kinds = qualifiers(builtin_packs(), {"colombia": "COL", "ecuador": "ECU", "peru": "PER"})
    found = compare_figures(figures, weights, {}, qualified=kinds)
    # "millones" is a scale word, not a counted noun shared by the Sinopharm figure and the doses
    assert found == [Comparison("a:f1", "b:f1", "conflict")]


def test_an_age_that_bounds_a_group_is_not_an_age() -> None:
    kinds = qualifiers(builtin_packs())
    for bound, age in [
        ("vacunar a los mayores de 70 años", "la ministra, de 74 años, viajó"),
        ("pensions for people older than 65", "the senator, aged 68, said"),
    ]:
        assert differ(kinds.of(bound), kinds.of(age), kinds.marked)
        assert not differ(kinds.of(bound), kinds.of(bound), kinds.marked)
    assert differ(kinds.of("3.000 millones de pesos al año"), kinds.of("9.000 millones en total"), kinds.marked)


def test_counted_nouns_meet_through_the_quantities_pack() -> None:
    groups = {"asylum seeker": "people", "people": "people", "migrant": "people", "dose": "doses"}
    assert counted_nouns("asylum seekers sent", groups) == frozenset({"people"})
    assert counted_nouns("people returned", groups) & counted_nouns("migrants returned", groups)
    assert counted_nouns("doses lend", groups) == frozenset({"doses"})
    assert counted_nouns(None, groups) == frozenset()


def test_figures_counting_the_same_thing_are_paired_once_and_conflict_with_evidence() -> None:
    a = "The United States will lend Mexico 2.5 million doses of the AstraZeneca vaccine and Canada 1.5 million."
    b = "According to Mexican officials, the AstraZeneca loan comes to 2.7 million doses."
    weights = corpus({"a": [a], "b": [b]})
    figures = [
        figure("a:f1", "a", 2.5e6, "exact", "doses lend", a, weights),
        figure("a:f2", "a", 1.5e6, "exact", None, a, weights),
        figure("b:f1", "b", 2.7e6, "exact", "doses come", b, weights),
    ]
    groups = {"dose": "doses"}
    assert compare_figures(figures, weights, groups) == [Comparison("a:f1", "b:f1", "conflict")]
    other_year = [figures[0], item("figure", "b:f1", "b", b, weights, date="2019", value=2.7e6, counted="doses")]
    assert compare_figures(other_year, weights, groups) == []


def test_a_source_leaves_out_what_most_others_cover() -> None:
    covered = {"migration": {"A", "B", "C"}, "energy": {"A"}}
    found = gaps(covered, ["A", "B", "C", "D"], "issue")
    assert found == [{"outlet": "D", "kind": "issue", "item": "migration", "covered_by": ["A", "B", "C"]}]


@pytest.mark.model
@pytest.mark.eval
def test_the_seed_gold_stories_each_fall_in_one_story(tmp_path: Path) -> None:
    from bilateral.export.contract import build_map
    from bilateral.pipeline import analyze, ingest
    from bilateral.store.db import connect

    gold = yaml.safe_load(eval_path("seeds_dev_gold.yaml").read_text(encoding="utf-8"))
    db = connect(tmp_path / "seeds.db")
    ingest(db, [str(SEEDS)])
    report = analyze(db)
    assert report.stories > 0
    data = build_map(db)
    key_of = {d["id"]: Path(d["source"]).name.split("_")[0] for d in data["documents"]}
    found = [{key_of[d] for d in story["documents"]} for story in data["stories"]]
    for story in gold["stories"]:
        assert any(set(story["docs"]) <= documents for documents in found), story["id"]
    evidence = {e["id"]: e for e in data["events"]}
    for story in data["stories"]:
        assert story["label"] and len(story["documents"]) >= 2
        assert all(evidence[e]["document"] in story["documents"] for e in story["events"])
    for comparison in data["figure_comparisons"]:
        for side in comparison["sides"]:
            text = next(d["text"] for d in data["documents"] if d["id"] == side["document"])
            assert text[side["start"] : side["end"]] == side["evidence"]
    again = build_map(db)
    assert again == data


def test_embeddings_add_to_the_closeness_when_installed() -> None:
    from bilateral.compare.embeddings import closeness, load_model

    model = load_model()
    if model is None:
        pytest.skip("the embedding packages are not installed (make test installs them)")
    weights = corpus({"a": [VACCINES], "b": ["Washington will ship AstraZeneca shots to its southern neighbour."]})
    a = item("event", "a:e1", "a", VACCINES, weights, type="AID")
    b = item(
        "event", "b:e1", "b", "Washington will ship AstraZeneca shots to its southern neighbour.", weights, type="AID"
    )
    unrelated = item("event", "c:e1", "c", ARREST_B, weights, type="COERCE")
    close = closeness([a, b, unrelated], model)
    from bilateral.compare.similarity import cosine

    assert close(a, b) > cosine(a.terms, b.terms)
    assert close(a, unrelated) == pytest.approx(cosine(a.terms, unrelated.terms))


def test_conflicting_figures_reach_the_store_the_export_and_the_briefing(tmp_path: Path) -> None:
    from bilateral.export.contract import build_map
    from bilateral.model import Actor, Analysis, Event, Figure, Mention
    from bilateral.pipeline import relate
    from bilateral.report import write_briefing
    from bilateral.stages import load_knowledge
    from bilateral.store.analysis import save_analysis
    from bilateral.store.db import connect
    from bilateral.store.documents import save_article
    from tests.conftest import make_article

    db = connect(tmp_path / "store.db")
    reports = {
        "a": ("Washington will lend Mexico 2.5 million AstraZeneca doses.", 2.5e6, "Two Laredos Daily"),
        "b": ("Officials said Washington lent Mexico 2.7 million AstraZeneca doses.", 2.7e6, "Cauce Sur"),
    }
    for document, (text, value, outlet) in reports.items():
        sentence = len(text)
        text += " " + " ".join(BACKGROUND[:4] if document == "a" else BACKGROUND[4:])
        save_article(db, make_article(text, id=document, published="2021-03-19", outlet=outlet, language="en"))
        analysis = Analysis(
            document,
            sentences=[
                (0, sentence),
                *((sentence + m.start(), sentence + m.end()) for m in re.finditer(r"[A-Z][^.]*\.", text[sentence:])),
            ],
            actors={"USA-GOV": Actor("USA-GOV", "United States (government)", "country", "USA", "GOV", [])},
            mentions=[Mention("USA-GOV", "Washington", text.index("Washington"), text.index("Washington") + 10)],
            issues={"health": 1.0},
            events=[Event("AID", ["USA-GOV"], ["MEX"], text[:sentence], 0, sentence, date="2021-03-18")],
            figures=[Figure(value, text[:sentence], 0, sentence, counted="AstraZeneca doses lend", date=None)],
        )
        save_analysis(db, analysis, knowledge="k1")
    assert relate(db, load_knowledge(), embeddings=False) == (1, 1)
    data = build_map(db)
    [comparison] = data["figure_comparisons"]
    assert comparison["relation"] == "conflict" and comparison["story"] == data["stories"][0]["id"]
    assert {side["value"] for side in comparison["sides"]} == {2.5e6, 2.7e6}
    assert all(side["evidence"] == reports[side["document"]][0] for side in comparison["sides"])
    assert all(side["start"] == 0 for side in comparison["sides"])
    assert {f["agreement"] for f in data["figures"]} == {"conflict"}
    assert data["coverage"]["issues"] == {"Cauce Sur": {"health": 1}, "Two Laredos Daily": {"health": 1}}
    html = write_briefing(db, tmp_path / "briefing.html").read_text(encoding="utf-8")
    assert "<h2>Figures in dispute</h2>" in html
    assert "<b>2.5 million</b> — Two Laredos Daily" in html and "<b>2.7 million</b> — Cauce Sur" in html
    assert "aid · AstraZeneca (Mar 2021)" in html  # the story, labelled by its action, thread and month


QUALIFIERS = {
    "dimensions": {
        "period": {"per year": ["a year", "annually"], "in total": ["in total", "over the next"]},
        "action": {"bought": ["buy", "purchase"], "taxed": ["tariffs", "levy"], "killed": ["killed", "dead"],
                   "injured": ["injured", "wounded"]},
        "scope": {"without": ["excluding", "without"]},
        "status": {"cancelled": ["cancelled", "scrapped"]},
    },
    "marked": ["scope", "status"],
}  # fmt: skip


def _qualifiers() -> Qualifiers:
    from bilateral.knowledge import Pack, Packs

    pack = Pack(name="q", kind="figure_qualifiers", path=Path("q.yaml"), data=QUALIFIERS)
    countries = {"norway": "NOR", "norwegian": "NOR", "sweden": "SWE", "swedish": "SWE", "finland": "FIN"}
    return qualifiers(Packs((pack,)), countries, {"UK": "GBR"})


def _compared(a: tuple[float, str, str], b: tuple[float, str, str]) -> list[str]:
    weights = corpus({"a": [a[1]], "b": [b[1]]})
    first = item("figure", "a:f1", "a", a[1], weights, date="2022-05", value=a[0], counted=a[2])
    second = item("figure", "b:f1", "b", b[1], weights, date="2022-05", value=b[0], counted=b[2])
    return [c.relation for c in compare_figures([first, second], weights, {}, qualified=_qualifiers())]


def test_the_stretch_of_a_sentence_that_belongs_to_a_figure_skips_dates_and_keeps_its_rate() -> None:
    sentence = "On March 3, Oslo set a 15% levy on $80 billion of fish and a 5% levy on another $20 billion of timber."
    first, second = clause(sentence, 80e9), clause(sentence, 20e9)
    assert first.rate == 15 and "fish" in first.after and "timber" not in first.text
    assert second.rate == 5 and "timber" in second.after and "fish" not in second.text
    assert clause("Exports reached 1,200 tonnes in 2021.", 1200).after.strip() == "tonnes in 2021."
    assert clause("Nothing here matches.", 42).text == "Nothing here matches."


def test_one_sides_dead_are_not_the_other_sides() -> None:
    norwegian = (14, "Officials said 14 Norwegian fishermen were killed in the clash at sea.", "fishermen")
    swedish = (16, "The ministry said 16 Swedish fishermen were killed in the clash at sea.", "fishermen")
    both = (
        16,
        "Sixteen fishermen, most of them Norwegian, were killed in the clash at sea, officials said.",
        "fishermen",
    )
    assert _compared(norwegian, swedish) == []
    assert _compared((14, norwegian[1], "fishermen"), (16, both[1].replace("Sixteen", "16"), "fishermen")) == [
        "conflict"
    ]


def test_per_year_is_not_in_total_and_bought_is_not_taxed() -> None:
    yearly = (40e9, "Finland will buy $40 billion a year of Norwegian gas.", "gas")
    total = (45e9, "Finland will buy $45 billion of Norwegian gas over the next two years.", "gas")
    other_yearly = (45e9, "Helsinki agreed to purchase $45 billion of Norwegian gas a year.", "gas")
    taxed = (44e9, "Finland kept tariffs on $44 billion of Norwegian gas.", "gas")
    assert _compared(yearly, total) == []
    assert _compared(yearly, other_yearly) == ["conflict"]
    assert _compared(yearly, taxed) == []


def test_a_count_without_a_part_and_a_cancelled_measure_are_other_quantities() -> None:
    with_all = (27, "The club admitted the UK and now has 27 members.", "members")
    without = (26, "Excluding the UK, the club has 26 members.", "members")
    assert _compared(with_all, without) == []
    active = (30e9, "Sweden applies tariffs on $30 billion of goods.", "goods")
    cancelled = (32e9, "Tariffs on $32 billion of goods were cancelled by Sweden.", "goods")
    assert _compared(active, cancelled) == []


def test_two_lists_with_different_rates_are_not_one_quantity() -> None:
    ten = (200e9, "Sweden keeps a 10% levy on $200 billion of imports.", "imports")
    twenty_five = (220e9, "Sweden keeps a 25% levy on $220 billion of imports.", "imports")
    same_rate = (220e9, "A 10% levy on $220 billion of imports stays, Sweden said.", "imports")
    assert _compared(ten, twenty_five) == []
    assert _compared(ten, same_rate) == ["conflict"]
    far = (300e9, "Sweden keeps a 10% levy on $300 billion of imports.", "imports")
    assert _compared(ten, far) == []  # half as much again: another list, not a disputed count


def test_a_label_never_shows_a_name_cut_short() -> None:
    from bilateral.compare.story_labels import label

    weights = corpus({"a": [SEIZURE_A], "b": [SEIZURE_B]})
    cut = {"@halla-ro": "Halla Ro"}
    whole = {"@halla-ro": "Halla Ro", "@halla-ro-min": "Halla Ro-min"}
    events = [
        item("event", "a:e1", "a", SEIZURE_A, weights, type="COERCE", date="2024-05"),
        item("event", "b:e1", "b", SEIZURE_B, weights, type="COERCE", date="2024-05"),
    ]
    events = [replace(e, names={**e.names, **(cut if e.document == "a" else whole)}) for e in events]
    events = [replace(e, terms={**e.terms, "@halla-ro": 0.5}) for e in events]
    assert label(events, {"@halla-ro"}, weights) == "coerce · Halla Ro-min (May 2024)"


def test_an_outlet_named_in_its_own_reports_is_never_a_storys_thread(tmp_path: Path) -> None:
    from bilateral.model import Analysis, Event
    from bilateral.pipeline import relate
    from bilateral.stages import load_knowledge
    from bilateral.store.analysis import save_analysis
    from bilateral.store.db import connect
    from bilateral.store.documents import save_article
    from tests.conftest import make_article

    db = connect(tmp_path / "store.db")
    reports = {
        "a": "Northwind Wire reported that Chile detained the trawler Kestrel Nine off Arica.",
        "b": "Chilean sailors held the trawler Kestrel Nine near Arica, Northwind Wire said.",
        "c": "Peru opened a new port in the south, officials said.",
        "d": "Ministers from Peru and Bolivia met to discuss rail links.",
    }
    for document, sentence in reports.items():
        text = sentence + " " + " ".join(BACKGROUND)
        outlet = "Northwind Wire" if document in "ab" else "Harbour Times"  # the name is rare: in 2 of 4 documents
        save_article(db, make_article(text, id=document, published="2023-02-01", outlet=outlet))
        kind = "COERCE" if document in "ab" else "COOPERATE"
        analysis = Analysis(
            document,
            sentences=[(0, len(sentence))],
            events=[Event(kind, [], [], sentence, 0, len(sentence), source_countries=["CHL"], date="2023-02")],
        )
        save_analysis(db, analysis, knowledge="k1")
    from bilateral.store.corpus import load_items

    items, _ = load_items(db)
    assert all("Northwind" not in name for item in items for name in item.names.values())
    assert any(name == "Kestrel Nine" for item in items for name in item.names.values())
    relate(db, load_knowledge(), embeddings=False)
    stories = db.execute("SELECT label, documents FROM stories").fetchall()
    assert [row["documents"] for row in stories] == [2]
    assert "Northwind" not in stories[0]["label"] and "Kestrel Nine" in stories[0]["label"]


def test_two_durations_of_one_meeting_conflict() -> None:
    weights = corpus({"a": ["x"], "b": ["y"]})
    a = "The two prime ministers talked for 40 minutes in Tromso on Monday."
    b = "Their meeting in Tromso lasted 35 minutes, the foreign ministry said."
    first = item("figure", "a:f1", "a", a, weights, date="2022-05", value=40.0, unit="minute", counted="minutes")
    second = item("figure", "b:f1", "b", b, weights, date="2022-05", value=35.0, unit="minute", counted=None)
    found = compare_figures([first, second], weights, {}, qualified=_qualifiers())
    assert [c.relation for c in found] == ["conflict"]


def test_a_sentence_vector_does_not_depend_on_the_rest_of_the_corpus() -> None:
    from bilateral.compare.embeddings import load_model

    model = load_model()
    if model is None:
        pytest.skip("the embedding packages are not installed (make test installs them)")
    alone = model.encode([SEIZURE_A])
    among = model.encode([LEAD_A, SEIZURE_A, "A very much longer sentence " * 20, SEIZURE_B])
    assert alone.shape == (1, 384) and float(alone[0] @ alone[0]) == pytest.approx(1.0, abs=1e-5)
    assert (alone[0] == among[1]).all()
    assert float(among[1] @ among[3]) > float(among[1] @ among[0])  # the two seizures are closer than tariffs


def test_a_vector_encoded_in_a_batch_of_one_length_is_the_same_bytes_as_alone() -> None:
    from bilateral.compare.embeddings import BATCH, load_model

    model = load_model()
    if model is None:
        pytest.skip("the embedding packages are not installed (make test installs them)")
    pairs = [("Norway", "Sweden"), ("Chile", "Peru"), ("Kenya", "Uganda"), ("Canada", "Mexico"), ("Ghana", "Togo")]
    acts = ["signed a fishing accord", "recalled their envoys", "held joint naval drills", "raised tariffs on steel"]
    texts = [f"{a} and {b} {act} on Monday." for a, b in pairs for act in acts] * 2
    texts += [f"Talks between {a} and {b} stalled again over grain quotas in the spring." for a, b in pairs]
    lengths = [len(encoding.ids) for encoding in model.tokenizer.encode_batch(texts)]
    assert max(lengths.count(n) for n in set(lengths)) > BATCH  # a batch of one length, full, and one more
    together = model.encode(texts)
    for k, text in enumerate(texts):
        assert model.encode([text])[0].tobytes() == together[k].tobytes(), text


def test_a_surname_or_capitals_label_reads_as_the_actor_is_named() -> None:
    from bilateral.compare.story_labels import label

    weights = corpus({"a": [SEIZURE_A], "b": [SEIZURE_B]})
    events = [
        item("event", "a:e1", "a", SEIZURE_A, weights, type="COERCE", date="2024-05"),
        item("event", "b:e1", "b", SEIZURE_B, weights, type="COERCE", date="2024-05"),
    ]
    spelled = {"a": {"tarvo": "TARVO", "@tarvo-lind": "Tarvo Lind"}, "b": {"tarvo": "TARVO"}}
    events = [replace(e, names=spelled[e.document], terms={**e.terms, "tarvo": 0.5}) for e in events]
    assert label(events, {"tarvo"}, weights) == "coerce · Tarvo Lind (May 2024)"
    caps = [replace(e, names={"tarvo": "TARVO"}) for e in events]
    assert label(caps, {"tarvo"}, weights) == "coerce · Tarvo (May 2024)"


def test_a_generic_agent_noun_is_never_a_labels_name() -> None:
    from bilateral.compare.story_labels import label

    first = "The Cabinet of Norland ordered the ferry Solvik held at the quay in Vester."
    second = "Norland's Cabinet kept the Solvik in port for a second day, the harbour office said."
    weights = corpus({"a": [first], "b": [second]})
    events = [
        item("event", "a:e1", "a", first, weights, type="COERCE", date="2023-09"),
        item("event", "b:e1", "b", second, weights, type="COERCE", date="2023-09"),
    ]
    spelled = {"a": {"cabinet": "Cabinet", "solvik": "Solvik"}, "b": {"cabinet": "Cabinet"}}
    events = [replace(e, names=spelled[e.document], terms={**e.terms, "cabinet": 0.5}) for e in events]
    assert label(events, {"cabinet", "solvik"}, weights) == "coerce · Cabinet (Sep 2023)"  # two documents name it
    generic = {"cabinet", "investor"}
    assert label(events, {"cabinet", "solvik"}, weights, generic=generic) == "coerce · Solvik (Sep 2023)"
    plural = [replace(e, names={**e.names, "cabinet": "Cabinets"}) for e in events]
    assert label(plural, {"cabinet", "solvik"}, weights, generic=generic) == "coerce · Solvik (Sep 2023)"


def test_a_label_joins_a_name_the_texts_write_as_the_end_of_a_longer_one() -> None:
    from bilateral.compare.story_labels import label

    first = "Ostmark let the Security of Grain Corridor Pact lapse on Friday, its ministry said."
    second = "Talks of Grain Corridor Pact stalled after Ostmark walked out."
    weights = corpus({"a": [first], "b": [second]})
    events = [
        item("event", "a:e1", "a", first, weights, type="REJECT", date="2022-11"),
        item("event", "b:e1", "b", second, weights, type="REJECT", date="2022-11"),
    ]
    pact = {"grain corridor pact": "Grain Corridor Pact"}
    events = [replace(e, names=pact, terms={**e.terms, "grain corridor pact": 0.5}) for e in events]
    expected = "reject · Security of Grain Corridor Pact (Nov 2022)"
    assert label(events, {"grain corridor pact"}, weights) == expected
    # a capitalised sentence opening ("Talks of ...") is no part of the name
    assert label(events[1:], {"grain corridor pact"}, weights) == "reject · Grain Corridor Pact (Nov 2022)"


def test_a_lone_title_or_given_name_is_never_a_labels_name() -> None:
    from bilateral.compare.story_labels import label

    first = "Councillor Ilse Varga said Vestria would halt the Solvik ferry contract."
    second = "Vestria halted the Solvik contract, Councillor Ilse Varga told reporters."
    weights = corpus({"a": [first], "b": [second]})
    events = [
        item("event", "a:e1", "a", first, weights, type="REDUCE", date="2021-04"),
        item("event", "b:e1", "b", second, weights, type="REDUCE", date="2021-04"),
    ]
    names = {"councillor": "Councillor", "solvik": "Solvik"}
    events = [replace(e, names=names, terms={**e.terms, "councillor": 0.6, "solvik": 0.5}) for e in events]
    assert label(events, {"councillor", "solvik"}, weights) == "reduce · Solvik (Apr 2021)"
    alone = [replace(e, evidence=e.evidence.replace("Councillor Ilse Varga", "the Councillor")) for e in events]
    assert label(alone, {"councillor", "solvik"}, weights) == "reduce · Councillor (Apr 2021)"
    generic = {"state councillor"}
    office = [
        replace(e, evidence=e.evidence.replace("Councillor Ilse Varga", "State Councillor and envoy Varga"))
        for e in events
    ]
    assert label(office, {"councillor", "solvik"}, weights) == "reduce · Councillor (Apr 2021)"
    assert label(office, {"councillor", "solvik"}, weights, generic=generic) == "reduce · Solvik (Apr 2021)"
