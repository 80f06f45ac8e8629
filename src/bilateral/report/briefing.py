"""Write the briefing: one HTML file with inline CSS and hand-made inline SVG, no external reference at all.

Everything comes from the export contract (`build_map`), so the briefing shows exactly what exports carry.
Every item links to an evidence anchor in the appendix; empty sections say "none found" instead of breaking.
"""

from __future__ import annotations

import math
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from typing import Any

from bilateral.compare.coverage import outlet_name
from bilateral.export.contract import build_map
from bilateral.extract.events_patterns import QUADS

QUAD_ORDER = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]
QUAD_COLOURS = dict(zip(QUAD_ORDER, ["#7fb3d5", "#1f618d", "#f0b27a", "#b03a2e"], strict=True))

CSS = """
body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:auto;padding:1rem;color:#222}
h1{font-size:1.6rem}h2{border-bottom:1px solid #ccc;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.2rem .4rem;
text-align:left;vertical-align:top}th{background:#f3f3f3}.none{color:#777;font-style:italic}
.ev{font-size:.85rem}.flag{font-weight:bold}.conflict{color:#b03a2e}.agree{color:#1e8449}svg{max-width:100%;height:auto}
blockquote{margin:.3rem 0 .8rem 1rem;border-left:3px solid #ccc;padding-left:.6rem}
@media print{body{max-width:none;font-size:11pt}a{color:inherit;text-decoration:none}
h2{page-break-after:avoid}table,svg,blockquote{page-break-inside:avoid}}
"""


class _Evidence:
    """Collects evidence sentences once and hands out stable appendix anchors."""

    def __init__(self, docs: dict[str, dict[str, Any]]) -> None:
        self.docs = docs
        self.items: dict[tuple[str, int, int], tuple[str, str]] = {}

    def link(self, document: str, start: int, end: int, text: str) -> str:
        key = (document, start, end)
        if key not in self.items:
            self.items[key] = (f"ev{len(self.items) + 1}", text)
        anchor = self.items[key][0]
        return f'<a class="ev" href="#{anchor}">[{anchor[2:]}]</a>'

    def appendix(self) -> str:
        if not self.items:
            return '<p class="none">none found</p>'
        parts = []
        for (document, _, _), (anchor, text) in self.items.items():
            doc = self.docs.get(document, {})
            # Only title/outlet/date are shown, never the raw URL: the file must hold no external reference.
            meta = " · ".join(_e(doc.get(k) or "") for k in ("title", "outlet", "published") if doc.get(k))
            parts.append(
                f'<div id="{anchor}"><b>[{anchor[2:]}]</b> {meta or _e(document)}'
                f"<blockquote>{_e(text)}</blockquote></div>"
            )
        return "\n".join(parts)


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _none() -> str:
    return '<p class="none">none found</p>'


def _table(head: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return _none()
    cells = "".join(f"<tr>{''.join(f'<td>{c}</td>' for c in row)}</tr>" for row in rows)
    return f"<table><tr>{''.join(f'<th>{_e(h)}</th>' for h in head)}</tr>{cells}</table>"


def _bars(title: str, rows: Sequence[tuple[str, Mapping[str, int]]]) -> str:
    """A stacked horizontal bar chart: one row per label, one colour per quad class."""
    if not rows:
        return _none()
    top = max(sum(parts.values()) for _, parts in rows) or 1
    height, label_w, width = 22, 180, 420
    out = [f'<svg role="img" viewBox="0 0 {label_w + width + 40} {len(rows) * height + 30}"><title>{_e(title)}</title>']
    for i, (label, parts) in enumerate(rows):
        y, x = i * height, float(label_w)
        out.append(f'<text x="0" y="{y + 15}" font-size="12">{_e(label[:28])}</text>')
        for quad in QUAD_ORDER:
            w = width * parts.get(quad, 0) / top
            if w:
                out.append(
                    f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{height - 6}" '
                    f'fill="{QUAD_COLOURS[quad]}"><title>{_e(quad)}: {parts[quad]}</title></rect>'
                )
                x += w
        out.append(f'<text x="{x + 4:.1f}" y="{y + 15}" font-size="11">{sum(parts.values())}</text>')
    legend_y, x = len(rows) * height + 15, 0
    for quad in QUAD_ORDER:
        out.append(
            f'<rect x="{x}" y="{legend_y}" width="10" height="10" fill="{QUAD_COLOURS[quad]}"/>'
            f'<text x="{x + 14}" y="{legend_y + 9}" font-size="11">{quad}</text>'
        )
        x += 150
    return "".join(out) + "</svg>"


def _network(events: list[dict[str, Any]], names: dict[str, str]) -> str:
    """Actors on a circle, an edge per source→target pair, width by count."""
    pairs: Counter[tuple[str, str]] = Counter()
    for ev in events:
        for s in ev["source"]:
            for t in ev["target"]:
                if s != t:
                    pairs[(s, t)] += 1
    nodes = sorted({a for pair in pairs for a in pair})[:24]
    if not nodes:
        return _none()
    r, c = 150, 220
    pos = {
        n: (c + r * math.cos(2 * math.pi * i / len(nodes)), c + r * math.sin(2 * math.pi * i / len(nodes)))
        for i, n in enumerate(nodes)
    }
    out = ['<svg role="img" viewBox="0 0 440 440"><title>Actor network</title>']
    for (s, t), n in sorted(pairs.items()):
        if s in pos and t in pos:
            (x1, y1), (x2, y2) = pos[s], pos[t]
            out.append(
                f'<line x1="{x1:.0f}" y1="{y1:.0f}" x2="{x2:.0f}" y2="{y2:.0f}" stroke="#888" '
                f'stroke-width="{min(1 + n, 6)}"><title>{_e(s)} → {_e(t)}: {n}</title></line>'
            )
    for node, (x, y) in pos.items():
        out.append(
            f'<circle cx="{x:.0f}" cy="{y:.0f}" r="6" fill="#1f618d"/>'
            f'<text x="{x + 8:.0f}" y="{y + 4:.0f}" font-size="10">{_e(names.get(node, node)[:22])}</text>'
        )
    return "".join(out) + "</svg>"


def _value(side: dict[str, Any]) -> str:
    approx = "" if side["approx"] == "exact" else f"{side['approx']} "
    return f"{approx}{side['value']:,.12g}{' ' + side['unit'] if side['unit'] else ''}"


def _countries(ev: dict[str, Any], key: str) -> str:
    return ", ".join(ev.get(key) or []) or "?"


def render(data: dict[str, Any]) -> str:
    docs = {d["id"]: d for d in data["documents"]}
    names = {a["id"]: a["name"] for a in data["actors"]}
    events = data["events"]
    ev = _Evidence(docs)

    by_pair: dict[str, Counter[str]] = defaultdict(Counter)
    by_issue: dict[str, Counter[str]] = defaultdict(Counter)
    for e in events:
        quad = QUADS.get(e["type"], "verbal cooperation")
        by_pair[f"{_countries(e, 'source_countries')} → {_countries(e, 'target_countries')}"][quad] += 1
        period = (e.get("date") or docs.get(e["document"], {}).get("published") or "undated")[:7]
        for issue in e.get("issues") or ["(no issue)"]:
            by_issue[f"{issue} {period}"][quad] += 1
    glance = _bars("Who acts on whom", sorted(by_pair.items(), key=lambda kv: -sum(kv[1].values()))[:15])
    over_time = _bars("Cooperation and conflict by issue over time", sorted(by_issue.items())[:30])

    salience: dict[str, Counter[str]] = defaultdict(Counter)
    for d in data["documents"]:
        for item in d["issues"]:
            salience[outlet_name(d)][item["issue"]] += 1
    sal_rows = [
        [_e(src), _e(", ".join(f"{i} ({n})" for i, n in c.most_common(6)))] for src, c in sorted(salience.items())
    ]

    def when(e: dict[str, Any]) -> str:
        return str(e.get("date") or docs.get(e["document"], {}).get("published") or "")

    timeline = [
        [
            _e(when(e) or "undated"),
            _e(e["type"]),
            _e(", ".join(names.get(a, a) for a in e["source"])),
            _e(", ".join(names.get(a, a) for a in e["target"])),
            _e(e.get("status") or ""),
            ev.link(e["document"], e["start"], e["end"], e["evidence"]),
        ]
        for e in sorted(events, key=when)
    ]
    linkage_rows = [
        [
            _e(" ↔ ".join(lk["issues"])),
            _e(lk["relation"]),
            ev.link(lk["document"], lk["start"], lk["end"], lk["evidence"]),
        ]
        for lk in data["linkages"]
    ]
    stories = data.get("stories") or []
    story_label = {s["id"]: s["label"] for s in stories}
    outlet = {d["id"]: outlet_name(d) for d in data["documents"]}
    compared_rows = [
        [
            f'<span class="flag {_e(c["relation"])}">{_e(c["relation"])}</span>',
            *(
                f"{_e(_value(side))} — {_e(outlet.get(side['document'], side['document']))} "
                + ev.link(side["document"], side["start"], side["end"], side["evidence"])
                for side in c["sides"]
            ),
            _e(story_label.get(c["story"] or "", "")),
        ]
        for c in sorted(data.get("figure_comparisons") or [], key=lambda c: (c["relation"] != "conflict", c["figures"]))
    ]
    figure_rows = []
    for f in data["figures"]:
        flag = f.get("agreement") or ""
        figure_rows.append(
            [
                _e(f.get("value")),
                _e(f.get("unit") or ""),
                _e(f.get("counted") or ""),
                f'<span class="flag">{_e(flag)}</span>',
                ev.link(f["document"], f["start"], f["end"], f.get("evidence") or ""),
            ]
        )
    source_rows = []
    for d in data["documents"]:
        frames = ", ".join(sorted({fr["frame"] for fr in d.get("frames", [])})) or "none found"
        source_rows.append(
            [
                _e(d.get("title") or d["id"]),
                _e(outlet_name(d)),
                _e(d.get("genre") or "none found"),
                _e(d.get("partisanship") or "none found"),
                _e(frames),
            ]
        )
    tone_rows = [
        [
            _e(s["document"]),
            _e(names.get(s["actor"], s["actor"])),
            _e(f"{s['score']:+.2f}"),
            " ".join(ev.link(s["document"], x["start"], x["end"], x["text"]) for x in s["evidence"][:3]),
        ]
        for s in data.get("stances", [])
    ]
    event_by_id = {e["id"]: e for e in events}
    story_rows = [
        [
            _e(s["label"]),
            _e(" – ".join(sorted({s["first_date"] or "", s["last_date"] or ""} - {""})) or "undated"),
            _e(", ".join(sorted({outlet.get(d, d) for d in s["documents"]}))),
            " ".join(
                ev.link(e["document"], e["start"], e["end"], e["evidence"])
                for e in (event_by_id[i] for i in s["events"][:4])
            ),
        ]
        for s in stories
    ]
    coverage = data.get("coverage") or {"gaps": []}
    gap_rows = [
        [
            _e(g["outlet"]),
            _e(g["kind"]),
            _e(story_label.get(g["item"], g["item"])),
            _e(", ".join(g["covered_by"])),
        ]
        for g in coverage["gaps"]
    ]

    sections = [
        ("At a glance: who acts on whom", glance),
        ("Cooperation and conflict by issue over time", over_time),
        ("Agenda salience by source", _table(["Source", "Issues (documents)"], sal_rows)),
        ("Timeline of key events", _table(["Date", "Type", "Source", "Target", "Status", "Evidence"], timeline)),
        ("Actor network", _network(events, names)),
        ("Issue linkages", _table(["Issues", "Relation", "Evidence"], linkage_rows)),
        ("Figures that agree or conflict", _table(["Flag", "One source", "Another source", "Story"], compared_rows)),
        ("Figures", _table(["Value", "Unit", "Counted", "Agreement", "Evidence"], figure_rows)),
        ("Sources compared", _table(["Document", "Outlet", "Genre", "Partisanship", "Frames"], source_rows)),
        ("Tone toward main actors", _table(["Document", "Actor", "Score", "Evidence"], tone_rows)),
        ("Coverage gaps: what a source leaves out", _table(["Source", "Kind", "Leaves out", "Covered by"], gap_rows)),
        ("Stories across sources", _table(["Story", "When", "Sources", "Evidence"], story_rows)),
    ]
    body = "\n".join(f'<section><h2 id="s{i}">{_e(t)}</h2>{html}</section>' for i, (t, html) in enumerate(sections))
    summary = (
        f"{len(docs)} documents, {len(data['actors'])} actors, {len(events)} events, "
        f"{len(data['figures'])} figures, {len(data['linkages'])} linkages"
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        # a file opened from disk: nothing may load or run but its own style (article text stays inert)
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'\">"
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>Bilateral briefing</title><style>{CSS}</style></head><body>"
        f"<h1>Bilateral briefing</h1><p>{_e(summary)}</p>{body}"
        f'<section><h2 id="evidence">Appendix: evidence</h2>{ev.appendix()}</section></body></html>\n'
    )


def write_briefing(db: sqlite3.Connection, path: Path | str) -> Path:
    """Write the briefing for everything in the store to `path` and return it."""
    from bilateral.export.atomic import write_text
    from bilateral.store.db import snapshot

    with snapshot(db):
        data = build_map(db)
    return write_text(Path(path), render(data))
