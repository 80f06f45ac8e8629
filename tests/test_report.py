from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from bilateral.model import Actor, Analysis, Event, Figure, Linkage, Mention
from bilateral.report import write_briefing
from bilateral.store.analysis import save_analysis
from bilateral.store.documents import save_article
from tests.conftest import make_article

TEXT = "Washington threatened tariffs unless Mexico curbed migration. Mexico sent 6,000 troops to its border."
XSS = "<script>window.__xss=1</script><img src=x onerror=alert(1)>"


def _fill(db: sqlite3.Connection, text: str = TEXT) -> None:
    save_article(
        db,
        make_article(
            text, id="doc1", title="Tariffs " + XSS, published="2019-06-07", language="en", url="https://example.com/a"
        ),
    )
    first = text.index(".") + 1
    analysis = Analysis(
        "doc1",
        sentences=[(0, first), (first + 1, len(text))],
        actors={
            "USA-GOV": Actor("USA-GOV", "Government of the United States", "country", "USA", "GOV", ["Washington"]),
            "MEX": Actor("MEX", "Mexico", "country", "MEX", "GOV", ["Mexico"]),
        },
        mentions=[Mention("USA-GOV", "Washington", 0, 10), Mention("MEX", "Mexico", 37, 43)],
        issues={"trade": 0.5, "migration": 0.5},
        events=[Event("THREATEN", ["USA-GOV"], ["MEX"], text[:first], 0, first, mode="restrict", status="threatened")],
        figures=[Figure(6000, text[first + 1 :], first + 1, len(text), counted="troops sent")],
        linkages=[Linkage(("trade", "migration"), "leverage", text[:first], 0, first)],
    )
    save_analysis(db, analysis, knowledge="k1")


def test_empty_store_says_none_found(db: sqlite3.Connection, tmp_path: Path) -> None:
    html = write_briefing(db, tmp_path / "b.html").read_text(encoding="utf-8")
    assert html.count("none found") >= 8
    assert "Appendix: evidence" in html


def test_sections_link_to_evidence(db: sqlite3.Connection, tmp_path: Path) -> None:
    _fill(db)
    html = write_briefing(db, tmp_path / "out" / "b.html").read_text(encoding="utf-8")
    assert "THREATEN" in html and "verbal conflict" in html and "leverage" in html and "troops sent" in html
    anchors = set(re.findall(r'href="#(ev\d+)"', html))
    assert anchors and all(f'id="{a}"' in html for a in anchors)
    assert "Washington threatened tariffs" in html.split('id="evidence"')[1]


def test_no_external_reference_and_text_escaped(db: sqlite3.Connection, tmp_path: Path) -> None:
    _fill(db, TEXT + " " + XSS)
    html = write_briefing(db, tmp_path / "b.html").read_text(encoding="utf-8")
    assert not re.search(r"https?://", html), "the article URL must not be written into the briefing"
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    tags = re.findall(r"<[a-z][^>]*>", html)
    assert not [t for t in tags if " src=" in t]
    assert all(link.startswith("#") for t in tags for link in re.findall(r'href="([^"]*)"', t))
