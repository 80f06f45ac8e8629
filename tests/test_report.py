"""The briefing: a title with the pair and period, sections that read as analysis, numbers as people write them,
names instead of ids, unattributed events counted apart, and a second file with the evidence."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from bilateral.model import Actor, Analysis, Event, Figure, Linkage, Mention
from bilateral.report import charts, digest, write_briefing
from bilateral.report.formats import label, period, quantity, signed, when
from bilateral.store.analysis import save_analysis
from bilateral.store.documents import save_article
from tests.conftest import make_article

TEXT = (
    "Washington threatened tariffs unless Mexico curbed migration. Mexico sent 6,000 troops to its border. "
    "Talks were held in the capital."
)
XSS = "<script>window.__xss=1</script><img src=x onerror=alert(1)>"


def _fill(db: sqlite3.Connection, text: str = TEXT) -> None:
    save_article(
        db,
        make_article(
            text, id="doc1", title="Tariffs " + XSS, published="2019-06-07", language="en", url="https://example.com/a"
        ),
    )
    first = text.index(".") + 1
    second = text.index(".", first) + 1
    analysis = Analysis(
        "doc1",
        sentences=[(0, first), (first + 1, second), (second + 1, len(text))],
        actors={
            "USA-GOV": Actor("USA-GOV", "Government of the United States", "country", "USA", "GOV", ["Washington"]),
            "MEX": Actor("MEX", "Mexico", "country", "MEX", "GOV", ["Mexico"]),
        },
        mentions=[Mention("USA-GOV", "Washington", 0, 10), Mention("MEX", "Mexico", 37, 43)],
        issues={"trade": 0.5, "migration": 0.5},
        events=[
            Event(
                "THREATEN",
                ["USA-GOV"],
                ["MEX"],
                text[:first],
                0,
                first,
                mode="restrict",
                status="threatened",
                source_countries=["USA"],
                target_countries=["MEX"],
                issues=["economic"],
            ),
            Event("CONSULT", [], [], text[second + 1 :], second + 1, len(text)),
        ],
        figures=[Figure(6000, text[first + 1 : second], first + 1, second, counted="troops sent")],
        linkages=[Linkage(("trade", "migration"), "leverage", text[:first], 0, first)],
    )
    save_analysis(db, analysis, knowledge="k1")


def _both(path: Path) -> tuple[str, str]:
    return path.read_text(encoding="utf-8"), path.with_name(f"{path.stem}-evidence.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "unit", "approx", "shown"),
    [
        (538e9, "USD", None, "$538 billion"),
        (2.7e6, None, "exact", "2.7 million"),
        (3.5e9, "EUR", "more than", "more than €3.5 billion"),
        (60_000, None, "about", "about 60,000"),
        (54, "percent", "at least", "at least 54%"),
        (1_250, "tonnes", None, "1,250 tonnes"),
    ],
)
def test_figures_read_as_people_write_them(value: float, unit: str | None, approx: str | None, shown: str) -> None:
    assert quantity(value, unit, approx) == shown


def test_dates_periods_labels_and_scores() -> None:
    assert (when("2019-12-11"), when("2019-12"), when("2019"), when(None)) == (
        "11 Dec 2019",
        "Dec 2019",
        "2019",
        "undated",
    )
    assert period("2019-06-07", "2021-10-12") == "June 2019 – October 2021"
    assert period("2019-06-07", "2019-06-30") == "June 2019"
    assert label("security_and_defence") == "security and defence"
    assert signed(-0.254) == "−0.25" and signed(0.4) == "+0.40"


def test_empty_store_says_none_found(db: sqlite3.Connection, tmp_path: Path) -> None:
    html, evidence = _both(write_briefing(db, tmp_path / "b.html"))
    assert html.count("none found") + html.count("no story") >= 4
    assert "<h1>Bilateral: briefing, undated</h1>" in html
    assert "Evidence" in evidence


def test_title_pair_period_sections_and_names(db: sqlite3.Connection, tmp_path: Path) -> None:
    _fill(db)
    html, evidence = _both(write_briefing(db, tmp_path / "out" / "b.html"))
    h1 = re.search(r"<h1>(.*?)</h1>", html).group(1)  # type: ignore[union-attr]
    assert "United States" in h1 and "Mexico" in h1 and "June 2019" in h1
    for heading in ("Key developments", "Who acts on whom", "Figures in dispute", "Rival readings"):
        assert f"<h2>{heading}</h2>" in html
    row = re.search(r"<tr><td>United States → Mexico</td>(.*?)</tr>", html)
    assert row and re.findall(r">(\d+)<", row.group(1)) == ["0", "0", "1", "0", "1"]
    assert "trade ↔ migration" in html and "leverage" in html
    # the unattributed event is counted apart, never drawn as "? → ?"
    assert "1 name no actor on either side" in html
    for page in (html, evidence):
        assert "? → ?" not in page and "USA-GOV" not in page and "doc1" not in page
    assert "Government of the United States → Mexico" in evidence and "no actor named" in evidence
    assert "6,000" in evidence and "6000.0" not in evidence
    assert "Washington threatened tariffs" in evidence


def test_no_external_reference_no_script_and_text_escaped(db: sqlite3.Connection, tmp_path: Path) -> None:
    _fill(db, TEXT + " " + XSS)
    for page in _both(write_briefing(db, tmp_path / "b.html")):
        assert not re.search(r"https?://", page), "no URL (not even an SVG namespace) may be written"
        assert "<script" not in page and "<img" not in page
        tags = re.findall(r"<[a-z][^>]*>", page)
        assert not [t for t in tags if " src=" in t]
        links = [link for t in tags for link in re.findall(r'href="([^"]*)"', t)]
        assert all(link.startswith(("#", "b-evidence.html")) for link in links)
    assert "&lt;script&gt;" in _both(tmp_path / "b.html")[1]


def test_charts_are_vega_lite_drawn_as_inline_svg() -> None:
    rows = [{"month": "2019-06-01", "direction": "A → B", "quad": "verbal conflict", "events": 2}]
    spec = charts.events_by_direction(rows)
    assert spec["$schema"].endswith("vega-lite/v5.json") and spec["data"]["values"] == rows
    drawn = charts.svg(spec)
    assert drawn.startswith('<svg role="img" aria-label="Events per quarter') and "http" not in drawn
    network = charts.actor_network(
        [{"name": "Alpha", "events": 3}, {"name": "Beta", "events": 1}],
        [{"source": 0, "target": 1, "events": 1, "stance": "conflict"}],
    )
    drawn = charts.svg(network)
    assert "Alpha" in drawn and "Beta" in drawn and "conflict" in drawn


def _event(n: int, month: str, source: str, target: str, type: str, contexts: list[str]) -> dict[str, object]:
    return {"id": f"d:e{n}", "document": "d", "date": f"{month}-15", "source": [source], "target": [target],
            "source_countries": [source], "target_countries": [target], "type": type, "issues": contexts}  # fmt: skip


def test_what_changed_compares_the_earlier_and_later_half() -> None:
    earlier = [_event(i, "2020-01", "AAA", "BBB", "THREATEN", ["crime"]) for i in range(4)]
    later = [_event(10 + i, "2020-09", "BBB", "AAA", "AGREE", ["health"]) for i in range(4)]
    data = {"documents": [{"id": "d", "published": "2020-10-01"}], "events": earlier + later}
    names = {"AAA": "Avaland", "BBB": "Bovia"}
    lines = digest.what_changed(data, "AAA", "BBB", names)
    assert lines[0] == (
        "Conflict made up 100% of the events between the two before Sep 2020 (4 events) and 0% from then on (4)."
    )
    assert lines[1] == "The busiest direction moved from Avaland → Bovia to Bovia → Avaland."
    assert lines[2] == "The leading agenda issue moved from security to health."
    assert digest.what_changed(data | {"events": earlier[:2]}, "AAA", "BBB", names) == []
