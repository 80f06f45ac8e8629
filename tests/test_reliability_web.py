"""The web app and the exports under hostile or concurrent use: bounded parameters (422, never 500), tokens compared
as bytes and kept out of URLs and logs, security headers and a CSP everywhere, a Host check against DNS rebinding,
and one read snapshot per page and per export (no torn reads while `analyze` writes)."""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from bilateral.model import Analysis, Event
from bilateral.store.analysis import save_analysis
from bilateral.store.db import connect, transaction
from bilateral.store.documents import save_article
from bilateral.web import create_app
from bilateral.web.security import LOOPBACK_HOSTS, RedactTokens
from tests.conftest import make_article

SENTENCE = "Officials in Lima said Peru would lift its duties on Bolivian quinoa next month."


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "web.db"
    db = connect(path)
    for index in range(30):
        text = f"{SENTENCE} Report number {index} followed."
        save_article(db, make_article(text, id=f"d{index:02}", language="en", published="2024-05-01"))
    db.close()
    return path


def _analysis(document: str) -> Analysis:
    end = len(SENTENCE)
    analysis = Analysis(document, sentences=[(0, end)], partisanship=0.25)
    analysis.events = [Event("RETREAT", ["PER"], ["BOL"], SENTENCE, 0, end) for _ in range(3)]
    return analysis


@pytest.mark.parametrize("url", ["/timeline", "/api/timeline"])
@pytest.mark.parametrize("offset", ["9223372036854775808", "-1", "99999999999999999999999"])
def test_an_unbounded_offset_is_a_422_not_a_500(store: Path, url: str, offset: str) -> None:
    client = TestClient(create_app(store), raise_server_exceptions=False)
    assert client.get(url, params={"offset": offset}).status_code == 422


def test_long_text_parameters_are_refused_with_422(store: Path) -> None:
    client = TestClient(create_app(store), raise_server_exceptions=False)
    assert client.get("/api/search", params={"q": "x" * 5_000}).status_code == 422
    assert client.get("/api/timeline", params={"limit": "100000"}).status_code == 422


@pytest.mark.parametrize("given", ["é", "s3crét", "\u2603" * 40])
def test_a_non_ascii_token_is_a_401_not_a_500(store: Path, given: str) -> None:
    client = TestClient(create_app(store, token="s3cret"), raise_server_exceptions=False)
    assert client.get("/api/overview", headers={"x-bilateral-token": given.encode()}).status_code == 401
    assert client.get("/api/overview", params={"token": given}).status_code == 401


def test_a_non_ascii_token_works_when_it_is_the_right_one(store: Path) -> None:
    client = TestClient(create_app(store, token="clé-secrète"))
    assert client.get("/api/overview", headers={"x-bilateral-token": "clé-secrète".encode()}).status_code == 200


def test_the_token_is_taken_from_the_header_or_the_cookie_set_by_the_login_form_never_from_the_url(
    store: Path,
) -> None:
    client = TestClient(create_app(store, token="s3cret"), follow_redirects=False)
    assert client.get("/api/overview", params={"token": "s3cret"}).status_code == 401
    assert client.get("/", headers={"accept": "text/html"}).headers["location"] == "/login"
    assert client.post("/login", data={"token": "wrong"}).status_code == 401
    done = client.post("/login", data={"token": "s3cret"})
    assert done.status_code == 303 and "httponly" in done.headers["set-cookie"].lower()
    assert client.get("/").status_code == 200


def test_tokens_in_urls_are_redacted_from_the_access_log() -> None:
    record = logging.LogRecord(
        "uvicorn.access",
        logging.INFO,
        "",
        0,
        '%s - "%s %s HTTP/%s" %d',
        ("1.2.3.4", "GET", "/?q=a&token=s3cret", "1.1", 401),
        None,
    )
    RedactTokens().filter(record)
    assert "s3cret" not in record.getMessage() and "token=[redacted]" in record.getMessage()


@pytest.mark.parametrize("url", ["/", "/timeline", "/api/overview", "/documents/nope", "/api/timeline?offset=-1"])
def test_every_answer_carries_the_security_headers(store: Path, url: str) -> None:
    client = TestClient(create_app(store), raise_server_exceptions=False)
    headers = client.get(url).headers
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_refusals_carry_the_security_headers_too(store: Path) -> None:
    client = TestClient(create_app(store, token="s3cret"))
    assert "content-security-policy" in client.get("/api/overview").headers


def test_the_briefing_carries_a_content_security_policy(store: Path, tmp_path: Path) -> None:
    from bilateral.report import write_briefing

    db = connect(store, readonly=True)
    page = write_briefing(db, tmp_path / "briefing.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';' in page


def test_bound_to_loopback_only_loopback_host_names_are_served(store: Path) -> None:
    client = TestClient(create_app(store, hosts=LOOPBACK_HOSTS))
    assert client.get("/api/overview", headers={"host": "127.0.0.1:8000"}).status_code == 200
    assert client.get("/api/overview", headers={"host": "localhost"}).status_code == 200
    assert client.get("/api/overview", headers={"host": "[::1]:8000"}).status_code == 200
    assert client.get("/api/overview", headers={"host": "rebound.example:8000"}).status_code == 400


def test_the_overview_is_built_once_per_store_version(store: Path) -> None:
    client = TestClient(create_app(store))
    first = client.get("/api/overview").json()
    assert client.get("/api/overview").json() == first
    db = connect(store)
    save_analysis(db, _analysis("d00"), knowledge="k")
    db.close()
    after = client.get("/api/overview").json()
    assert len(after["events"]) == len(first["events"]) + 3


def _writer(path: Path, stop: threading.Event) -> None:
    """`analyze` over and over: each document's analysis removed, then written again (events and profile in one
    transaction each time)."""
    db = connect(path)
    try:
        while not stop.is_set():
            for index in range(30):
                with transaction(db):
                    for table in ("events", "profiles", "sentences"):
                        db.execute(f"DELETE FROM {table} WHERE document = ?", (f"d{index:02}",))
                save_analysis(db, _analysis(f"d{index:02}"), knowledge="k")
    finally:
        db.close()


def _torn(data: dict[str, object]) -> list[str]:
    """Documents with events in the map but no profile (written in the same transaction as the events)."""
    profiled = {d["id"] for d in data["documents"] if d["partisanship"] is not None}  # type: ignore[attr-defined,index]
    return sorted({e["document"] for e in data["events"] if e["document"] not in profiled})  # type: ignore[attr-defined,index]


def test_overview_and_export_read_one_snapshot_while_analyze_writes(store: Path, tmp_path: Path) -> None:
    from bilateral.export import write_export

    client = TestClient(create_app(store))
    reader = connect(store, readonly=True)
    stop = threading.Event()
    thread = threading.Thread(target=_writer, args=(store, stop))
    thread.start()
    try:
        for _ in range(25):
            assert _torn(client.get("/api/overview").json()) == []
            write_export(reader, "json", tmp_path / "map.json")
            assert _torn(json.loads((tmp_path / "map.json").read_text(encoding="utf-8"))) == []
    finally:
        stop.set()
        thread.join()
        reader.close()


def test_queries_past_the_time_limit_are_interrupted(store: Path) -> None:
    from bilateral.web.security import Snapshot

    snapshot = Snapshot(store, seconds=0.0)
    db = snapshot.get()
    with pytest.raises(sqlite3.OperationalError, match="interrupted"):
        db.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT COUNT(*) FROM n").fetchone()
    snapshot.close()
