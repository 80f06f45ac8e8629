from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from bilateral.cli.main import app as cli
from bilateral.compare import FrameUse, Genre, Stance
from bilateral.errors import BilateralError
from bilateral.model import Actor, Analysis, Event, Figure, Linkage, Mention, SentenceIssues
from bilateral.store.analysis import save_analysis
from bilateral.store.db import connect, migrate
from bilateral.store.documents import save_article
from bilateral.web import create_app, serve
from bilateral.web.highlight import Segment, Span, render, segments
from tests.conftest import EXAMPLES, make_article

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
    found = client.get("/api/search", params={"q": "tariffs"}).json()
    assert found["total"] == 1 and found["hits"][0]["document"] == "doc1"
    assert client.get("/api/documents/doc1").json()["text"] == TEXT
    assert client.get("/api/actors/USA").json()["events"][0]["target"] == ["MEX"]
    assert "/api/search" in client.get("/docs").text and "cdn" not in client.get("/docs").text


def test_api_docs_list_parameters_and_examples_offline(store: Path) -> None:
    page = TestClient(create_app(store)).get("/docs").text
    assert "q (query, string, required)" in page and "actor_id (path, string, required)" in page
    assert 'href="/api/search?q=tariffs&amp;since=2020-01-01"' in page and "One actor with its events" in page
    assert "cdn" not in page.lower()


def test_errors_map_to_http_status(store: Path) -> None:
    client = TestClient(create_app(store))
    bad = client.get("/search", params={"q": 'tariffs AND ("', "syntax": "true"})
    assert bad.status_code == 400 and "error" in bad.text
    assert client.get("/api/search", params={"q": 'AND ("'}).status_code == 400
    assert client.get("/documents/nope").status_code == 404
    assert client.get("/api/actors/nope").status_code == 404


def test_search_page_counts_filters_and_keeps_the_query(store: Path) -> None:
    client = TestClient(create_app(store))
    page = client.get("/search", params={"q": "tariff", "since": "2019-06-01", "until": "2019-06-30"})
    assert page.status_code == 200 and "1 document matches" in page.text and "<mark>" in page.text
    assert 'name="since" value="2019-06-01"' in page.text and 'name="outlet"' in page.text
    assert "0 documents match" in client.get("/search", params={"q": "tariff", "since": "2020"}).text
    plain = client.get("/search", params={"q": 'tariffs AND ("'})  # not well-formed: read as plain words
    assert plain.status_code == 200 and "1 document matches" in plain.text
    bad = client.get("/search", params={"q": "-tariffs"})
    assert bad.status_code == 400 and 'value="-tariffs"' in bad.text


def test_missing_story_page_says_stories(store: Path) -> None:
    page = TestClient(create_app(store)).get("/stories/nope")
    assert page.status_code == 404 and "storys" not in page.text and "stories there are" in page.text


def test_token_required_when_set(store: Path) -> None:
    client = TestClient(create_app(store, token="s3cret"))
    assert client.get("/").status_code == 401
    assert client.get("/?token=s3cret").status_code == 401  # never in the URL (logs, history, Referer)
    client.cookies.set("bilateral_token", "s3cret")
    assert client.get("/").status_code == 200
    client.cookies.clear()
    assert client.get("/api/overview", headers={"x-bilateral-token": "s3cret"}).status_code == 200


def test_binding_elsewhere_needs_token(store: Path) -> None:
    with pytest.raises(BilateralError):
        serve(store, host="0.0.0.0")


# --- a small hand-made corpus: two outlets (one known only by its URL), events, figures, linkages, tone ---------

WIRE = (
    "Washington threatened tariffs unless Mexico curbed migration. "
    "Mexico agreed to deploy 6,000 troops. <script>window.__xss=1</script>"
)
HOST = "Mexico sent about 15,000 troops to its borders. Tariffs were tied to migration."
LATER = "Biden and López Obrador agreed to cooperate on migration."
ACTORS = {
    "USA": Actor("USA", "United States", "country", "USA", "GOV", ["Washington"]),
    "MEX": Actor("MEX", "Mexico", "country", "MEX", "GOV", ["Mexico"]),
}


def _span(text: str, piece: str) -> tuple[str, int, int]:
    start = text.index(piece)
    return piece, start, start + len(piece)


def _evidence(text: str, piece: str) -> tuple[int, int, str]:
    _, start, end = _span(text, piece)
    return start, end, piece


def _sentence(text: str, piece: str, *issues: str) -> tuple[tuple[int, int], SentenceIssues]:
    _, start, end = _span(text, piece)
    return (start, end), SentenceIssues(start, end, issues)


def _analysis(document: str, text: str, sentences: list[tuple[str, tuple[str, ...]]], **found: Any) -> Analysis:
    spans = [_sentence(text, piece, *issues) for piece, issues in sentences]
    mentions = sorted(
        (
            Mention(actor.id, alias, match.start(), match.end())
            for actor in ACTORS.values()
            for alias in actor.aliases
            for match in re.finditer(alias, text)
        ),
        key=lambda mention: mention.start,
    )
    return Analysis(
        document,
        sentences=[s for s, _ in spans],
        sentence_issues=[i for _, i in spans],
        actors=ACTORS,
        mentions=mentions,
        issues={issue: 0.5 for _, issues in sentences for issue in issues},
        **found,
    )


def build_corpus(path: Path, *, with_story: bool) -> Path:
    db: sqlite3.Connection = connect(path)
    save_article(
        db, make_article(WIRE, id="wire", title="Tariff deal", published="2019-06-08", outlet="Continental Wire")
    )
    save_article(
        db, make_article(HOST, id="host", title="Troops", published="2019-06-10", url="https://www.border.example/a")
    )
    save_article(
        db, make_article(LATER, id="later", title="Cooperation", published="2021-03-01", outlet="Continental Wire")
    )
    first = "Washington threatened tariffs unless Mexico curbed migration."
    second = "Mexico agreed to deploy 6,000 troops."
    save_analysis(
        db,
        _analysis(
            "wire",
            WIRE,
            [(first, ("trade", "migration")), (second, ("security",))],
            events=[
                Event("THREATEN", ["USA"], ["MEX"], *_span(WIRE, first), date="2019-05-30", status="threatened"),
                Event("AGREE", ["MEX"], ["USA"], *_span(WIRE, second), date="2019-06-07"),
            ],
            figures=[Figure(6000, *_span(WIRE, second), unit="troop", counted="troops deployed", date="2019-06")],
            genre=Genre("news", 0.9),
            partisanship=0.2,
            frames=[
                FrameUse("economic", 0.6, "trade", [_evidence(WIRE, first)]),
                FrameUse("security_and_defence", 0.4, None, [_evidence(WIRE, second)]),
            ],
            stances=[
                Stance("wire", "USA", -0.5, [_evidence(WIRE, first)]),
                Stance("wire", "MEX", 0.2, [_evidence(WIRE, second)]),
            ],
        ),
        knowledge="k1",
    )
    troops = "Mexico sent about 15,000 troops to its borders."
    tied = "Tariffs were tied to migration."
    save_analysis(
        db,
        _analysis(
            "host",
            HOST,
            [(troops, ("security",)), (tied, ("trade", "migration"))],
            events=[Event("COERCE", ["MEX"], [], *_span(HOST, troops))],
            figures=[Figure(15000, *_span(HOST, troops), unit="troop", approx="about", counted="troops deployed")],
            linkages=[Linkage(("trade", "migration"), "leverage", *_span(HOST, tied))],
            genre=Genre("opinion", 0.7),
            partisanship=0.8,
            stances=[Stance("host", "USA", 0.3, [_evidence(HOST, tied)])],
        ),
        knowledge="k1",
    )
    save_analysis(
        db,
        _analysis(
            "later",
            LATER,
            [(LATER, ("migration",))],
            events=[Event("AGREE", ["USA"], ["MEX"], *_span(LATER, LATER), date="2021-03-01")],
        ),
        knowledge="k1",
    )
    if with_story:
        db.execute("INSERT INTO stories VALUES ('st1', 'Mexico deploys troops', '2019-06-07', '2019-06-10', 2)")
        db.executemany(
            "INSERT INTO story_items VALUES ('st1', ?, ?, ?)",
            [("event", "wire:e2", "wire"), ("figure", "wire:f1", "wire"), ("figure", "host:f1", "host")],
        )
        db.execute("INSERT INTO figure_comparisons VALUES ('wire:f1', 'host:f1', 'conflict', 'st1')")
    db.close()
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> TestClient:
    return TestClient(create_app(build_corpus(tmp_path / "corpus.db", with_story=True)))


def _events(page: str) -> str:
    """The timeline's table, without the filter form (whose options name every type and actor)."""
    return page[page.index("<h2>Events</h2>") :]


def _ids(client: TestClient, **filters: str) -> list[str]:
    found = client.get("/api/timeline", params=filters)
    assert found.status_code == 200, found.text
    return [e["id"] for e in found.json()["events"]]


def test_timeline_sorted_by_date_then_document_and_position(corpus: TestClient) -> None:
    # The host event has no date of its own and sorts by its document's (2019-06-10).
    assert _ids(corpus) == ["wire:e1", "wire:e2", "host:e1", "later:e1"]
    page = _events(corpus.get("/timeline").text)
    assert page.index("THREATEN") < page.index("COERCE") < page.index("2021-03-01")
    assert "2019-06-10 (published)" in page
    assert 'href="/documents/wire#e-wire:e1"' in page and 'href="/actors/USA">United States</a>' in page


def test_timeline_filters_combine(corpus: TestClient) -> None:
    assert _ids(corpus, issue="security") == ["wire:e2", "host:e1"]
    assert _ids(corpus, actor="USA") == ["wire:e1", "wire:e2", "later:e1"]
    assert _ids(corpus, outlet="Continental Wire") == ["wire:e1", "wire:e2", "later:e1"]
    assert _ids(corpus, outlet="border.example") == ["host:e1"]
    assert _ids(corpus, type="AGREE") == ["wire:e2", "later:e1"]
    assert _ids(corpus, type="AGREE", issue="migration") == ["later:e1"]
    assert _ids(corpus, since="2019-06", until="2019-06") == ["wire:e2", "host:e1"]
    assert _ids(corpus, since="2020") == ["later:e1"]
    assert _ids(corpus, until="2019-05-31") == ["wire:e1"]
    # The form sends every field; empty ones mean "any".
    assert _ids(corpus, issue="", actor="", outlet="", type="", since="", until="") == _ids(corpus)
    assert _ids(corpus, limit="2", offset="1") == ["wire:e2", "host:e1"]
    assert corpus.get("/api/timeline", params={"limit": "2"}).json()["total"] == 4


def test_timeline_page_keeps_the_chosen_filters_in_its_form(corpus: TestClient) -> None:
    page = corpus.get("/timeline", params={"issue": "security", "since": "2019"}).text
    assert '<form class="filters" action="/timeline" method="get">' in page
    assert '<option value="security" selected>' in page and 'value="2019"' in page
    assert "THREATEN" not in _events(page) and "COERCE" in _events(page)
    assert "No events match" in corpus.get("/timeline", params={"type": "FIGHT"}).text


def test_timeline_bad_date_is_a_clear_400(corpus: TestClient) -> None:
    page = corpus.get("/timeline", params={"since": "June"})
    assert page.status_code == 400 and "YYYY-MM-DD" in page.text
    assert corpus.get("/api/timeline", params={"until": "2019-6-1"}).status_code == 400


def test_issues_list_and_issue_page(corpus: TestClient) -> None:
    issues = {i["issue"]: i for i in corpus.get("/api/issues").json()}
    assert issues["migration"] == {
        "issue": "migration", "documents": 3, "events": 2, "figures": 0, "linkages": 1
    }  # fmt: skip
    assert issues["security"]["figures"] == 2 and issues["trade"]["linkages"] == 1
    trade = corpus.get("/api/issues/trade").json()
    assert [e["id"] for e in trade["events"]] == ["wire:e1"]
    assert [f["frame"] for f in trade["frames"]] == ["economic"]
    assert trade["frames"][0]["evidence"][0]["text"].startswith("Washington threatened")
    assert [lk["relation"] for lk in trade["linkages"]] == ["leverage"]
    page = corpus.get("/issues/trade").text
    assert "economic" in page and 'href="/documents/wire#s-0"' in page and 'href="/documents/host#l-host:l1"' in page
    assert 'href="/issues/migration"' in corpus.get("/issues").text
    assert corpus.get("/issues/nothing").status_code == 404
    security = corpus.get("/api/issues/security").json()
    assert [f["id"] for f in security["figures"]] == ["host:f1", "wire:f1"]
    other = security["figures"][0]["compared"][0]
    assert (other["figure"], other["relation"], other["document"], other["value"]) == (
        "wire:f1",
        "conflict",
        "wire",
        6000,
    )
    assert 'conflicts with <a href="/documents/wire#f-wire:f1">6,000 troop' in corpus.get("/issues/security").text


def test_sources_name_outlets_and_show_tone_and_gaps(corpus: TestClient) -> None:
    outlets = {s["outlet"]: s for s in corpus.get("/api/sources").json()}
    # A document without an outlet is named by its web host.
    assert set(outlets) == {"Continental Wire", "border.example"}
    assert outlets["Continental Wire"]["documents"] == 2 and outlets["border.example"]["genres"] == {"opinion": 1}
    wire = corpus.get("/api/sources/Continental Wire").json()
    assert [d["id"] for d in wire["documents"]] == ["wire", "later"]
    assert wire["documents"][0]["genre"] == "news" and wire["documents"][0]["frames"] == ["security_and_defence"]
    assert {t["actor"]: t["score"] for t in wire["tone"]} == {"USA": -0.5, "MEX": 0.2}
    assert wire["issues"] == {"migration": 2, "security": 1, "trade": 1}
    assert wire["stories"] == ["st1"] and isinstance(wire["gaps"], list)
    page = corpus.get("/sources/Continental%20Wire").text
    assert "What it leaves out" in page and 'href="/actors/USA">United States</a>' in page and "−0.50" in page
    assert 'href="/sources/border.example"' in corpus.get("/sources").text
    assert corpus.get("/sources/Nobody").status_code == 404


def test_coverage_gaps_listed_on_the_source_that_leaves_them_out(corpus: TestClient, monkeypatch: Any) -> None:
    gap = {"outlet": "border.example", "kind": "issue", "item": "diplomacy", "covered_by": ["A", "B"]}
    monkeypatch.setattr(
        "bilateral.web.compared.coverage", lambda db: {"outlets": [], "issues": {}, "stories": {}, "gaps": [gap]}
    )
    assert corpus.get("/api/sources/border.example").json()["gaps"] == [gap]
    page = corpus.get("/sources/border.example").text
    assert 'href="/issues/diplomacy">diplomacy</a>' in page and 'href="/sources/A">A</a>' in page


def test_stories_list_and_story_page_with_figure_conflict(corpus: TestClient) -> None:
    stories = corpus.get("/api/stories").json()
    assert [(s["id"], s["events"], s["figures"], s["conflict"]) for s in stories] == [("st1", 1, 2, 1)]
    story = corpus.get("/api/stories/st1").json()
    assert [e["id"] for e in story["events"]] == ["wire:e2"]
    assert [(c["relation"], c["a"]["value"], c["b"]["value"]) for c in story["comparisons"]] == [
        ("conflict", 6000, 15000)
    ]
    page = corpus.get("/stories/st1").text
    assert "Mexico deploys troops" in page and "6,000 troop (troops deployed)" in page
    assert "about 15,000 troop" in page and 'href="/documents/host#f-host:f1"' in page
    assert 'href="/sources/border.example"' in page and 'href="/documents/wire#e-wire:e2"' in page
    assert 'href="/stories/st1"' in corpus.get("/stories").text
    assert corpus.get("/stories/none").status_code == 404


def test_story_shows_each_source_side_by_side_and_events_link_to_their_story(corpus: TestClient) -> None:
    told = {d["document"]: d for d in corpus.get("/api/stories/st1").json()["told"]}
    assert set(told) == {"wire", "host"}
    assert told["wire"]["outlet"] == "Continental Wire" and told["wire"]["genre"] == "news"
    # the wire names the two countries in the story's event; the other source does not
    assert told["host"]["left_out"] == ["Mexico", "United States"] and told["wire"]["left_out"] == []
    assert told["wire"]["frames"] == ["security_and_defence"]
    page = corpus.get("/stories/st1").text
    assert page.count('<article class="told">') == 2 and "security and defence" in page
    timeline = corpus.get("/timeline").text
    assert timeline.count('href="/stories/st1">Mexico deploys troops</a>') == 1  # only wire:e2 is in the story
    assert 'data-target="chart-timeline"' in timeline and '<figure class="chart" id="chart-timeline"><svg' in timeline
    assert 'data-target="chart-network"' in corpus.get("/actors").text
    actor = corpus.get("/actors/MEX").text
    assert "Stories it takes part in" in actor and 'href="/stories/st1">Mexico deploys troops</a>' in actor


def test_stories_page_says_none_yet_when_the_tables_are_empty(tmp_path: Path) -> None:
    client = TestClient(create_app(build_corpus(tmp_path / "plain.db", with_story=False)))
    assert client.get("/api/stories").json() == []
    assert "No stories yet" in client.get("/stories").text


def test_document_view_highlights_everything_found(corpus: TestClient) -> None:
    page = corpus.get("/documents/wire").text
    assert '<span id="e-wire:e1" class="anchor"></span>' in page and 'id="f-wire:f1"' in page
    assert 'class="hl entity event"' in page and '<a href="/actors/USA">Washington</a>' in page
    assert 'class="hl event figure"' in page and "legend" in page
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'id="l-host:l1"' in corpus.get("/documents/host").text
    doc = corpus.get("/api/documents/wire").json()
    assert [m["actor"] for m in doc["mentions"]] == ["USA", "MEX", "MEX"]
    assert [f["id"] for f in doc["figures"]] == ["wire:f1"] and doc["text"] == WIRE


def test_actor_page_shows_tone_by_outlet(corpus: TestClient) -> None:
    usa = corpus.get("/api/actors/USA").json()
    assert {t["outlet"]: (t["score"], t["count"]) for t in usa["tone"]} == {
        "Continental Wire": (-0.5, 1),
        "border.example": (0.3, 1),
    }
    assert usa["tone"][0]["evidence"][0]["document"] in {"wire", "host"}
    page = corpus.get("/actors/USA").text
    assert "Tone by outlet" in page and 'href="/documents/host#s-' in page and "+0.30" in page
    assert [a["id"] for a in corpus.get("/api/actors").json()] == ["MEX", "USA"]
    assert 'href="/actors/MEX"' in corpus.get("/actors").text


def test_every_page_has_the_navigation_and_every_api_route_is_documented(corpus: TestClient) -> None:
    pages = ["/", "/timeline", "/actors", "/issues", "/sources", "/stories", "/search", "/documents/wire"]
    for url in pages:
        page = corpus.get(url)
        assert page.status_code == 200, url
        for target in [*pages[:-1], "/docs"]:
            assert f'<a href="{target}">' in page.text, (url, target)
    docs = corpus.get("/docs").text
    for route in ["/api/timeline", "/api/issues", "/api/sources", "/api/stories", "/api/actors"]:
        assert route in docs
    assert corpus.get("/openapi.json").status_code == 200


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


# --- every page and API route over the store `bilateral run` builds from the example corpus -------------------


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    folder = tmp_path_factory.mktemp("example")
    result = CliRunner().invoke(
        cli, ["--db", str(folder / "b.db"), "--quiet", "run", str(EXAMPLES), "--out", str(folder / "out")]
    )
    assert result.exit_code == 0, result.output
    return TestClient(create_app(folder / "b.db"))


OUR_SCRIPT = '<script type="application/json" class="vega-spec" data-target="{}">'


def _ok(client: TestClient, url: str) -> Any:
    found = client.get(url)
    assert found.status_code == 200, (url, found.text[:500])
    if not url.startswith("/api/"):
        # the only scripts: the vendored chart bundle and the charts' JSON specs (data, never run)
        scripts = {re.sub(r'"chart-[a-z]+"', '"{}"', tag) for tag in re.findall(r"<script[^>]*>", found.text)}
        ours = {OUR_SCRIPT, '<script src="/static/vendor/charts.js" defer>', '<script src="/static/tables.js" defer>'}
        assert scripts <= ours, (url, scripts)
        assert '<a href="/timeline">Timeline</a>' in found.text, url
        return found.text
    return found.json()


@pytest.mark.model
def test_every_page_and_api_route_over_the_example_corpus(example: TestClient) -> None:
    for url in ["/", "/timeline", "/actors", "/issues", "/sources", "/stories", "/search?q=tariff", "/docs"]:
        _ok(example, url)
    details = {
        "actors": [a["id"] for a in _ok(example, "/api/actors")],
        "issues": [i["issue"] for i in _ok(example, "/api/issues")],
        "sources": [s["outlet"] for s in _ok(example, "/api/sources")],
        "stories": [s["id"] for s in _ok(example, "/api/stories")],
        "documents": [d["id"] for d in _ok(example, "/api/overview")["documents"]],
    }
    assert len(details["sources"]) >= 10 and "unknown" not in details["sources"]
    assert set(details["issues"]) >= {"migration", "security", "trade", "energy"}
    for kind, names in details.items():
        for name in names:
            _ok(example, f"/{kind}/{quote(name, safe='')}")
            _ok(example, f"/api/{kind}/{quote(name, safe='')}")


@pytest.mark.model
def test_example_timeline_filters_and_evidence_anchors(example: TestClient) -> None:
    everything = _ok(example, "/api/timeline?limit=1000")["events"]
    assert len(everything) > 100
    dates = [e["when"] for e in everything if e["when"]]
    assert dates == sorted(dates)
    facets = {"issue": "security", "actor": "andres-manuel-lopez-obrador", "type": "THREATEN"}
    facets["outlet"] = everything[0]["outlet"]
    for name, value in facets.items():
        found = _ok(example, f"/api/timeline?{name}={quote(value)}&limit=1000")["events"]
        assert 0 < len(found) < len(everything), name
        assert all(
            {"issue": value in e["agenda"], "actor": value in e["source"] + e["target"],
             "type": e["type"] == value, "outlet": e["outlet"] == value}[name]
            for e in found
        ), name  # fmt: skip
    in_2021 = _ok(example, "/api/timeline?since=2021&until=2021-12&limit=1000")["events"]
    assert in_2021 and all(e["when"].startswith("2021") for e in in_2021)
    event = next(e for e in everything if e["source"])
    page = _ok(example, f"/documents/{event['document']}")
    assert f'id="e-{event["id"]}"' in page and 'class="hl entity' in page
    assert f'href="/actors/{event["source"][0]}"' in page


def test_sectors_show_as_names_people_read() -> None:
    from bilateral.web.views import sector_name

    assert sector_name("MIL") == "military"
    assert sector_name("GOV") == "government"
    assert sector_name("XYZ") == "XYZ"  # a code no pack names stays visible rather than vanishing
    assert sector_name(None) == ""
