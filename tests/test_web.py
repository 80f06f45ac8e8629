from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bilateral.errors import BilateralError
from bilateral.model import Actor, Analysis, Event, Mention
from bilateral.store.analysis import save_analysis
from bilateral.store.db import connect, migrate
from bilateral.store.documents import save_article
from bilateral.web import create_app, serve
from bilateral.web.highlight import Segment, Span, render, segments
from tests.conftest import make_article

TEXT = "Washington threatened tariffs unless Mexico curbed migration. <script>window.__xss=1</script>"


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "web.db"
    db: sqlite3.Connection = connect(path)
    migrate(db)
    save_article(db, make_article(TEXT, id="doc1", title="Tariffs <b>bold</b>", published="2019-06-07", language="en"))
    first = TEXT.index(".") + 1
    analysis = Analysis(
        "doc1",
        sentences=[(0, first)],
        actors={"USA": Actor("USA", "United States", "country", "USA", "GOV", ["Washington"])},
        mentions=[Mention("USA", "Washington", 0, 10)],
        events=[Event("THREATEN", ["USA"], ["MEX"], TEXT[:first], 0, first, status="threatened")],
    )
    save_analysis(db, analysis, knowledge="k1")
    db.commit()
    db.close()
    return path


def test_pages_render_and_escape(store: Path) -> None:
    client = TestClient(create_app(store))
    for url in ["/", "/search?q=tariffs", "/documents/doc1", "/actors/USA"]:
        page = client.get(url)
        assert page.status_code == 200, url
        assert "<script>" not in page.text and "<b>bold</b>" not in page.text
    assert "<mark>" in client.get("/search?q=tariffs").text
    assert "THREATEN" in client.get("/actors/USA").text
    assert "&lt;script&gt;" in client.get("/documents/doc1").text


def test_api_mirrors_pages(store: Path) -> None:
    client = TestClient(create_app(store))
    assert client.get("/api/overview").json()["events"][0]["type"] == "THREATEN"
    assert client.get("/api/search", params={"q": "tariffs"}).json()[0]["document"] == "doc1"
    assert client.get("/api/documents/doc1").json()["text"] == TEXT
    assert client.get("/api/actors/USA").json()["events"][0]["target"] == ["MEX"]
    assert "/api/search" in client.get("/docs").text and "cdn" not in client.get("/docs").text


def test_errors_map_to_http_status(store: Path) -> None:
    client = TestClient(create_app(store))
    bad = client.get("/search", params={"q": 'tariffs AND ("'})
    assert bad.status_code == 400 and "error" in bad.text
    assert client.get("/api/search", params={"q": 'AND ("'}).status_code == 400
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/api/actors/nope").status_code == 404


def test_token_required_when_set(store: Path) -> None:
    client = TestClient(create_app(store, token="s3cret"))
    assert client.get("/").status_code == 401
    assert client.get("/?token=s3cret").status_code == 200
    assert client.get("/api/overview", headers={"x-bilateral-token": "s3cret"}).status_code == 200


def test_binding_elsewhere_needs_token(store: Path) -> None:
    with pytest.raises(BilateralError):
        serve(store, host="0.0.0.0")


# --- highlight segmentation on hand-made overlapping and nested spans ----------------------------------------


def test_segments_split_overlapping_and_nested_spans() -> None:
    spans = [
        Span(0, 6, "entity", "A", href="/actors/a"),
        Span(2, 4, "event", "E", anchor="e-1"),  # nested in the entity
        Span(4, 9, "figure", "F", anchor="f-1"),  # overlaps the entity's end
        Span(5, 5, "evidence", anchor="s-5"),  # empty: only an anchor
        Span(8, 40, "linkage", "L"),  # runs past the text: clipped
    ]
    found = [(s.start, s.end, sorted(x.kind for x in s.spans), s.anchors) for s in segments(10, spans)]
    assert found == [
        (0, 2, ["entity"], []),
        (2, 4, ["entity", "event"], ["e-1"]),
        (4, 5, ["entity", "figure"], ["f-1"]),
        (5, 6, ["entity", "figure"], ["s-5"]),
        (6, 8, ["figure"], []),
        (8, 9, ["figure", "linkage"], []),
        (9, 10, ["linkage"], []),
    ]
    assert segments(3, []) == [Segment(0, 3)]


def test_render_escapes_text_inside_and_outside_spans() -> None:
    text = "<b>x</b> & <script>alert(1)</script>"
    html = render(
        text, [Span(0, 8, "entity", 'say "hi"', href="/actors/a?b=1&c=2"), Span(4, 20, "event", anchor="e-1")]
    )
    assert "<script>" not in html and "<b>" not in html
    assert '<a href="/actors/a?b=1&amp;c=2">&lt;b&gt;x</a>' in html and 'title="say &#34;hi&#34;"' in html
    assert '<span id="e-1" class="anchor"></span><span class="hl entity event"' in html
    assert '<span class="hl event"> &amp; &lt;script&gt;a</span>lert(1)&lt;/script&gt;' in html
