from __future__ import annotations

import re
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bilateral.model import Actor, Analysis, Event, Mention
from bilateral.report import write_briefing
from bilateral.store.analysis import save_analysis
from bilateral.store.db import connect, migrate
from bilateral.store.documents import save_article
from tests.conftest import make_article

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium is absent"),
]
SHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
TEXT = "Washington threatened tariffs unless Mexico curbed migration. " + XSS


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "b.db"
    db: sqlite3.Connection = connect(path)
    migrate(db)
    save_article(
        db,
        make_article(
            TEXT,
            id="doc1",
            title="Tariffs " + XSS,
            published="2019-06-07",
            language="en",
            url="https://example.com/story",
        ),
    )
    first = TEXT.index(".") + 1
    save_analysis(
        db,
        Analysis(
            "doc1",
            sentences=[(0, first)],
            actors={"USA": Actor("USA", "United States", "country", "USA", "GOV", ["Washington"])},
            mentions=[Mention("USA", "Washington", 0, 10)],
            events=[Event("THREATEN", ["USA"], ["MEX"], TEXT[:first], 0, first, status="threatened")],
        ),
        knowledge="k1",
    )
    db.commit()
    write_briefing(db, path.with_suffix(".html"))
    db.close()
    return path


@contextmanager
def serving(store: Path) -> Iterator[str]:
    """The app over `store` on a free loopback port, for as long as the block runs."""
    import uvicorn

    from bilateral.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(5)


@pytest.fixture(scope="module")
def base_url(store: Path) -> Iterator[str]:
    with serving(store) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        yield b
        b.close()


def test_click_search_document_actor(browser: object, base_url: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page()  # type: ignore[attr-defined]
    page.set_default_timeout(20_000)  # the first page with charts starts the chart renderer
    page.goto(base_url + "/")
    page.screenshot(path=str(SHOTS / "overview.png"))
    page.fill("input[name=q]", "tariffs")
    page.click("button")
    assert page.locator("mark").first.inner_text().lower() == "tariffs"
    page.screenshot(path=str(SHOTS / "search.png"))
    page.click("td a")
    assert "Washington threatened tariffs" in page.inner_text("body")
    page.screenshot(path=str(SHOTS / "document.png"))
    page.click("a[href='/actors/USA']")
    assert "THREATEN" in page.inner_text("body")
    page.screenshot(path=str(SHOTS / "actor.png"))
    assert page.evaluate("window.__xss") is None
    page.goto(base_url + '/search?q=AND+("')
    assert "nothing to look for" in page.inner_text(".error")
    assert page.input_value("input[name=q]") == 'AND ("'  # the query survives the error
    page.close()


def test_briefing_offline_without_requests_or_script(browser: object, store: Path) -> None:
    html = store.with_suffix(".html")
    assert not re.search(r"https?://", html.read_text(encoding="utf-8"))
    context = browser.new_context(offline=True)  # type: ignore[attr-defined]
    attempts: list[str] = []
    context.route(re.compile(r"^(?!file:).*"), lambda route: (attempts.append(route.request.url), route.abort()))
    page = context.new_page()
    page.goto(html.as_uri())
    assert "briefing" in page.inner_text("h1")
    assert page.evaluate("window.__xss") is None
    assert attempts == []
    page.screenshot(path=str(SHOTS / "briefing.png"), full_page=True)
    context.close()
