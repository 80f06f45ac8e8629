"""The app and the briefing built from the bundled example corpus, as a person uses them in Chromium.

Every page is opened (and saved as a screenshot under test-artifacts/screenshots/examples/), and the main flow is
clicked through: search → document (highlighted text) → actor → an event's evidence back in the document.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES
from tests.test_browser import ARGS, serving

pytestmark = [
    pytest.mark.browser,
    pytest.mark.model,
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium is absent"),
]
SHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots" / "examples"
# What the README shows (docs/screenshots/ is refreshed by copying these): one screenful each.
README_SHOTS = SHOTS.parent / "readme"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from bilateral.pipeline import analyze, ingest
    from bilateral.report import write_briefing
    from bilateral.store.db import connect

    path = tmp_path_factory.mktemp("examples") / "examples.db"
    db = connect(path)
    ingest(db, [str(EXAMPLES)])
    analyze(db)
    write_briefing(db, path.with_suffix(".html"))
    db.close()
    return path


@pytest.fixture(scope="module")
def base_url(store: Path) -> Iterator[str]:
    with serving(store) as url:
        yield url


@pytest.fixture(scope="module")
def page(base_url: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        tab = browser.new_page()
        tab.set_default_timeout(20_000)  # a loaded machine; the first chart starts the renderer
        yield tab
        browser.close()


def visit(page: Any, url: str, shot: str) -> str:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    page.screenshot(path=str(SHOTS / f"{shot}.png"), full_page=True)
    return str(page.inner_text("body"))


def first_link(page: Any, prefix: str) -> str:
    href = page.locator(f"main a[href^='{prefix}'], table a[href^='{prefix}']").first.get_attribute("href")
    assert href, f"no link to {prefix} on {page.url}"
    return str(href)


def test_every_page_opens_and_shows_the_corpus(page: Any, base_url: str) -> None:
    body = visit(page, base_url + "/", "overview")
    assert "Overview" in body and "Cienfuegos" in body
    for name, words in [
        ("timeline", ["COERCE"]),
        ("actors", ["Salvador Cienfuegos"]),
        ("issues", ["migration", "security"]),
        ("sources", ["Cauce Sur", "Two Laredos Daily"]),
        ("stories", ["AstraZeneca"]),
    ]:
        body = visit(page, f"{base_url}/{name}", name)
        assert all(word in body for word in words), (name, words)
        if name == "timeline":
            continue
        one = first_link(page, f"/{name}/")
        text = visit(page, base_url + one, f"{name}-one")
        assert len(text) > 200, one
    visit(page, base_url + "/search?q=vaccine", "search")
    assert page.locator("mark").count() > 0
    visit(page, base_url + "/docs", "api-docs")


def test_search_document_actor_evidence(page: Any, base_url: str) -> None:
    page.goto(base_url + "/")
    page.fill("input[name=q]", "Cienfuegos")
    page.locator("form button").first.click()
    assert page.locator("mark").first.inner_text().lower() == "cienfuegos"
    page.screenshot(path=str(SHOTS / "flow-1-search.png"), full_page=True)

    page.locator("table a[href^='/documents/']").first.click()
    assert page.locator(".hl.event").count() > 0 and page.locator(".hl.entity").count() > 0
    page.screenshot(path=str(SHOTS / "flow-2-document.png"), full_page=True)

    page.locator(".hl.entity a[href^='/actors/']", has_text="Cienfuegos").first.click()
    assert page.url.startswith(base_url + "/actors/")
    page.screenshot(path=str(SHOTS / "flow-3-actor.png"), full_page=True)

    evidence = page.locator("table a[href*='#e-']").first
    said = evidence.inner_text().strip()
    evidence.click()
    assert "/documents/" in page.url and "#e-" in page.url
    anchor = page.url.split("#", 1)[1]
    assert page.locator(f"[id='{anchor}']").count() == 1
    assert said[:40] in " ".join(page.inner_text("body").split())
    page.screenshot(path=str(SHOTS / "flow-4-evidence.png"), full_page=True)


def test_timeline_filters_narrow_the_events(page: Any, base_url: str) -> None:
    page.goto(base_url + "/timeline")
    everything = page.locator("table tr").count()
    page.goto(base_url + "/timeline?type=AID")
    only_aid = page.locator("table tr").count()
    assert 1 < only_aid < everything
    cells = page.locator("table tr td:nth-child(2)").all_inner_texts()
    assert cells and set(cells) == {"AID"}
    page.screenshot(path=str(SHOTS / "timeline-aid.png"), full_page=True)


def pdf_pages(pdf: bytes) -> int:
    """Pages in a PDF (each page object says `/Type /Page`; the tree's nodes say `/Pages`)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def test_the_examples_briefing_reads_as_one_offline_and_prints_short(page: Any, store: Path) -> None:
    html = store.with_suffix(".html")
    evidence = html.with_name(f"{html.stem}-evidence.html")
    for written in (html, evidence):
        assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", written.read_text(encoding="utf-8"), re.I)
    context = page.context.browser.new_context(offline=True)
    attempts: list[str] = []
    context.route(re.compile(r"^(?!file:).*"), lambda route: (attempts.append(route.request.url), route.abort()))
    tab = context.new_page()
    tab.goto(html.as_uri())
    title = tab.inner_text("h1")
    assert "Mexico" in title and "United States" in title and "20" in title  # the pair and the period (20xx)
    body = tab.inner_text("body")
    for heading in ("Key developments", "Who acts on whom", "Figures in dispute", "Rival readings"):
        assert heading in body
    assert "2.7 million" in body and "2.5 million" in body  # the planted conflict, as people write it
    assert "? → ?" not in body and "None" not in body and not re.search(r"\b[0-9a-f]{16}\b", body)
    assert tab.locator("svg[role=img]").count() >= 4
    assert tab.locator(f"a[href^='{evidence.name}']").count() > 0
    tab.screenshot(path=str(SHOTS / "briefing.png"), full_page=True)
    README_SHOTS.mkdir(parents=True, exist_ok=True)
    tab.set_viewport_size({"width": 1000, "height": 1100})
    tab.screenshot(path=str(README_SHOTS / "briefing.png"))
    pages = pdf_pages(tab.pdf(format="A4"))
    assert 1 <= pages <= 15, pages
    tab.goto(evidence.as_uri())
    assert "Events by date" in tab.inner_text("body")
    assert attempts == []
    context.close()


STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"


def test_overview_charts_turn_interactive_under_a_strict_csp(page: Any, base_url: str) -> None:
    """The dashboard's charts are drawn by the vendored bundle with vega-interpreter: no CDN, no eval."""
    context = page.context.browser.new_context()
    tab = context.new_page()
    problems: list[str] = []
    tab.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    tab.route(
        f"{base_url}/",
        lambda route: route.fulfill(
            response=(fetched := route.fetch()), headers=fetched.headers | {"content-security-policy": STRICT_CSP}
        ),
    )
    outside: list[str] = []
    tab.on("request", lambda request: None if request.url.startswith(base_url) else outside.append(request.url))
    tab.goto(base_url + "/")
    charts = tab.locator("figure.chart")
    assert charts.count() >= 4
    tab.wait_for_function("document.querySelectorAll('figure.chart.interactive').length === "
                          "document.querySelectorAll('figure.chart').length")  # fmt: skip
    assert problems == [] and outside == []
    tab.screenshot(path=str(SHOTS / "overview-dashboard.png"), full_page=True)
    README_SHOTS.mkdir(parents=True, exist_ok=True)
    tab.set_viewport_size({"width": 1200, "height": 900})
    tab.screenshot(path=str(README_SHOTS / "overview.png"))
    told_most = tab.evaluate("fetch('/api/stories').then(r => r.json()).then(s => s.sort((a, b) => "
                             "b.documents - a.documents || b.events - a.events)[0].id)")  # fmt: skip
    tab.goto(f"{base_url}/stories/{told_most}")
    tab.screenshot(path=str(README_SHOTS / "story.png"))
    context.close()


AXE = Path(__file__).resolve().parents[1] / "web-vendor" / "node_modules" / "axe-core" / "axe.min.js"
# What a person must never see on a page: Python's None in a cell, an event without actors drawn as "? → ?",
# a bare hex id, an unformatted float.
NEVER = {
    "None in a cell": re.compile(r">\s*None\s*<"),
    "? → ?": re.compile(r"\?\s*→\s*\?"),
    "bare id": re.compile(r"\b(?:story-)?[0-9a-f]{12,16}\b"),
    "unformatted float": re.compile(r"\b\d+\.\d{4,}\b|\b\d{7,}\.0\b"),
}


def pages(page: Any, base_url: str) -> list[str]:
    found = ["/", "/timeline", "/actors", "/issues", "/sources", "/stories", "/search?q=vaccine", "/docs"]
    for listing in ("actors", "issues", "sources", "stories"):
        page.goto(f"{base_url}/{listing}")
        found.append(first_link(page, f"/{listing}/"))
    page.goto(base_url + "/search?q=vaccine")
    found.append(first_link(page, "/documents/"))
    return found


def test_no_page_shows_none_unnamed_arrows_ids_or_raw_floats(page: Any, base_url: str) -> None:
    for url in pages(page, base_url):
        page.goto(base_url + url)
        shown = page.evaluate("document.querySelector('main').innerText")
        cells = page.evaluate("Array.from(document.querySelectorAll('td')).map(c => c.outerHTML).join('')")
        for what, pattern in NEVER.items():
            where = cells if what == "None in a cell" else shown
            assert not pattern.search(where), (url, what, pattern.search(where))


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (make installs it under web-vendor/)")
def test_no_serious_accessibility_violation(page: Any, base_url: str) -> None:
    # axe-core is injected by the test, which the pages' own CSP (script-src 'self') rightly refuses: a context
    # that bypasses CSP for the checker only
    context = page.context.browser.new_context(bypass_csp=True)
    checker = context.new_page()
    try:
        for url in pages(page, base_url):
            checker.goto(base_url + url)
            checker.add_script_tag(path=str(AXE))
            found = checker.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
            serious = [(v["id"], v["impact"], len(v["nodes"])) for v in found if v["impact"] in ("serious", "critical")]
            assert serious == [], (url, serious)
    finally:
        context.close()


def test_tables_sort_filter_and_download(page: Any, base_url: str) -> None:
    page.goto(base_url + "/actors")
    table = page.locator("main table").first
    page.locator("main th button.sort", has_text="Mentions").first.click()
    page.locator("main th button.sort", has_text="Mentions").first.click()  # descending
    counts = [int(t) for t in table.locator("tr td:nth-child(5)").all_inner_texts() if t.strip().isdigit()]
    assert counts and counts == sorted(counts, reverse=True)
    page.fill(".table-tools input", "Cienfuegos")
    shown = table.locator("tr:not([hidden]) td:first-child").all_inner_texts()
    assert shown and all("cienfuegos" in row.lower() for row in shown)
    with page.expect_download() as csv_download:
        page.locator(".table-tools button", has_text="CSV").first.click()
    text = Path(csv_download.value.path()).read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("Actor") and len(text.splitlines()) == len(shown) + 1
    with page.expect_download() as json_download:
        page.locator(".table-tools button", has_text="JSON").first.click()
    records = json.loads(Path(json_download.value.path()).read_text(encoding="utf-8"))
    assert len(records) == len(shown) and "Actor" in records[0]
