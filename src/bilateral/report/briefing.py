"""Write the briefing: one HTML file that reads as an analysis, and a second with the full evidence.

The briefing names the pair and the period, sums up the biggest stories, shows who acts on whom and how
cooperation and conflict moved by issue, the figures sources dispute and each outlet's reading; charts are
Vega-Lite specs drawn as inline SVG. `briefing-evidence.html` beside it lists every event, figure and tone score
with its sentence. Both files are self-contained (inline CSS and SVG, no script, no URL) and open offline.
Everything comes from the export contract (`build_map`), so the briefing shows exactly what exports carry.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from html import escape
from pathlib import Path
from typing import Any

from bilateral.compare.coverage import outlet_name
from bilateral.export.contract import build_map
from bilateral.report import charts, digest
from bilateral.report.formats import (
    label,
    language_counts,
    language_mark,
    language_name,
    not_scored,
    period,
    quantity,
    share,
    signed,
    when,
)

CSS = """
body{font:14px/1.45 system-ui,sans-serif;max-width:50rem;margin:auto;padding:1rem;color:#222}
h1{font-size:1.55rem;margin-bottom:.2rem}h2{font-size:1.2rem;border-bottom:1px solid #ccc;margin-top:1.6rem}
.lead{color:#444}table{border-collapse:collapse;width:100%;margin:.4rem 0}td,th{border:1px solid #ddd;
padding:.15rem .35rem;text-align:left;vertical-align:top}th{background:#f3f3f3}td.n,th.n{text-align:right}
.none,.note{color:#555;font-size:.9rem}.none{font-style:italic}ol li{margin-bottom:.35rem}
svg{max-width:100%;height:auto}
.conflict{color:#b03a2e;font-weight:bold}.agree{color:#1e8449}blockquote{margin:.2rem 0 .6rem 1rem;
border-left:3px solid #ccc;padding-left:.6rem}a{color:#1f4e79}
abbr.lang{font-size:.75rem;font-weight:bold;color:#fff;background:#6c5b7b;border-radius:3px;padding:0 .25rem;
text-decoration:none}
@page{size:A4;margin:14mm}@media print{body{max-width:none;font-size:10pt;padding:0}
h2{break-after:avoid}tr,svg,li,blockquote{break-inside:avoid}}
"""
EVIDENCE_SUFFIX = "-evidence"
TONE_SCALE = (
    "Tone runs from −1 (hostile) to +1 (warm), 0 being neutral: the VADER sentiment of the sentences in which "
    "the outlet's articles make the country, its government, people or bodies the subject or object."
)
PARTISAN_SCALE = (
    "Hyperpartisan is the probability, averaged over the outlet's articles, that an article is written to rally "
    "one side (a model trained on the SemEval-2019 hyperpartisan news articles); above 50% reads as hyperpartisan."
)
FRAME_SCALE = (
    "Frames are the Media Frames Corpus policy frames (plus sovereignty and humanitarian) the outlet's articles "
    "use most, in order."
)


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _none(text: str = "none found") -> str:
    return f'<p class="none">{_e(text)}</p>'


def _table(head: list[str], rows: list[list[str]], numeric: frozenset[int] = frozenset()) -> str:
    """A table of cells already escaped; columns in `numeric` are right-aligned."""
    if not rows:
        return _none()
    th = "".join(f"<th{' class=n' if i in numeric else ''}>{_e(h)}</th>" for i, h in enumerate(head))
    body = "".join(
        "<tr>" + "".join(f"<td{' class=n' if i in numeric else ''}>{c}</td>" for i, c in enumerate(row)) + "</tr>"
        for row in rows
    )
    return f"<table><tr>{th}</tr>{body}</table>"


def _chart(spec: charts.Spec, rows: object) -> str:
    if not rows:
        return _none()
    try:
        return f"<figure>{charts.svg(spec)}</figure>"
    except ImportError:
        return _none("charts need vl-convert-python (pip install vl-convert-python)")


def _names(ids: list[str], names: dict[str, str]) -> str:
    return ", ".join(names.get(i, i) for i in ids) or "an unnamed actor"


def _clip(text: str, words: int = 40) -> str:
    parts = " ".join(text.split()).split(" ")
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


class Briefing:
    """The two files' contents from one export-contract map."""

    def __init__(self, data: dict[str, Any], evidence_file: str) -> None:
        self.data = data
        self.evidence_file = evidence_file
        self.names = {a["id"]: a["name"] for a in data["actors"]}
        self.countries = digest.country_names(data)
        self.outlets = {d["id"]: digest.source_label(d) for d in data["documents"]}
        # compare/coverage names a source without an outlet by its file; the briefing by its title
        self.sources = {outlet_name(d): digest.source_label(d) for d in data["documents"]}
        self.published = {d["id"]: d.get("published") for d in data["documents"]}
        self.pair = digest.pair(data)
        self.story_labels = {s["id"]: s["label"] for s in data.get("stories") or []}
        self.languages = {d["id"]: d.get("language") for d in data["documents"]}

    def said(self, document: str, text: str) -> str:
        """A document's sentence as written, escaped; in a language other than English it is marked as such
        (`lang` for the browser and screen readers, and a visible mark: "ES")."""
        mark = language_mark(self.languages.get(document))
        if not mark:
            return _e(text)
        name = language_name(self.languages.get(document))
        return f'<span lang="{_e(mark.lower())}">{_e(text)}</span> <abbr class="lang" title="{_e(name)}">{mark}</abbr>'

    # --- the briefing -------------------------------------------------------------------------------------

    def title(self) -> str:
        first, last = digest.span(d.get("published") for d in digest.originals(self.data))
        who = " – ".join(self.countries.get(c, c) for c in self.pair) if self.pair else "Bilateral"
        return f"{who}: briefing, {period(first, last)}"

    def lead(self) -> str:
        docs = digest.originals(self.data)
        outlets = {digest.source_label(d) for d in docs}
        events = self.data["events"]
        unnamed = sum(1 for e in events if not e["source_countries"] and not e["target_countries"])
        return (
            f"From {len(docs)} articles by {len(outlets)} outlets: {len(events) - unnamed} events between named "
            f"countries or their people and bodies ({unnamed} more name no actor and are counted apart), "
            f"{len(self.data['figures'])} figures and {len(self.data.get('stories') or [])} stories told by more "
            f'than one source. Every item\'s sentence is in <a href="{_e(self.evidence_file)}">the evidence file</a>.'
        )

    def developments(self) -> str:
        items = []
        for n, found in enumerate(digest.key_stories(self.data), 1):
            story, event = found["story"], found["event"]
            first, last = when(story["first_date"]), when(story["last_date"])
            dates = first if first == last else f"{first} – {last}"
            line = self.said(event["document"], _clip(event["evidence"])) if event else ""
            items.append(
                f"<li><b>{_e(story['label'])}</b> ({_e(dates)}): {line} "
                f'<span class="note">— told by {_e(", ".join(found["outlets"]))}; '
                f'<a href="{_e(self.evidence_file)}#story-{n}">evidence</a></span></li>'
            )
        return f"<ol>{''.join(items)}</ol>" if items else _none("no story is told by more than one source")

    def changes(self) -> str:
        lines = digest.what_changed(self.data, *self.pair, self.countries) if self.pair else []
        if not lines:
            return _none("too few dated events between the two to compare the earlier and later period")
        return f"<p>{' '.join(_e(line) for line in lines)}</p>"

    def who_acts(self) -> str:
        if not self.pair:
            return _none("the events name fewer than two countries")
        a, b = self.pair
        counts, rows = digest.direction_rows(self.data, a, b, self.countries)
        table = _table(
            ["Direction", *charts.QUAD_ORDER, "All"],
            [
                [_e(way), *(str(counts[way][q]) for q in charts.QUAD_ORDER), str(sum(counts[way].values()))]
                for way in digest.directions(a, b, self.countries)
                if counts[way]
            ],
            numeric=frozenset(range(1, 6)),
        )
        partly, unnamed = sum(counts[digest.PARTLY].values()), sum(counts[digest.UNATTRIBUTED].values())
        note = (
            f'<p class="note">Counted apart: {partly} events name an actor on one side only, and {unnamed} name '
            "no actor on either side (the sentence reports a happening without saying who did it to whom).</p>"
        )
        nodes, links = digest.network(self.data, self.names)
        places = digest.country_rows(self.data, self.countries)
        return (
            table
            + note
            + _chart(charts.events_by_direction(rows), rows)
            + _chart(charts.actor_network(nodes, links), links)
            + (_chart(charts.country_map(places), places) if charts.world() else "")
        )

    def issues_over_time(self, top: int = 5) -> str:
        counts: Counter[tuple[str, str, str]] = Counter()
        for event in self.data["events"]:
            m = digest.month(event, self.published)
            for issue in digest.agenda(event):
                if m:
                    counts[(m, issue, digest.quad(event))] += 1
        by_issue: Counter[str] = Counter()
        for (_, issue, _), n in counts.items():
            by_issue[issue] += n
        shown = {i for i, _ in by_issue.most_common(top)}
        rows = [
            {"month": m, "issue": label(i), "quad": q, "events": n}
            for (m, i, q), n in sorted(counts.items())
            if i in shown
        ]
        return _chart(charts.issues_over_time(rows), rows)

    def salience(self) -> str:
        rows = digest.salience_rows(self.data)
        return _chart(charts.salience_by_outlet(rows), rows)

    def disputes(self) -> str:
        counted = {f["id"]: f.get("counted") or "" for f in self.data["figures"]}
        rows, seen, agreeing = [], set(), 0
        for comparison in self.data.get("figure_comparisons") or []:
            if comparison["relation"] != "conflict":
                agreeing += comparison["relation"] == "agree"
                continue
            sides = []
            for side in comparison["sides"]:
                shown = quantity(side["value"], side.get("unit"), side.get("approx"))
                sides.append((shown, self.outlets.get(side["document"], ""), side["evidence"], side["document"]))
            key = tuple(sorted((s[0], s[1]) for s in sides))
            if key in seen:
                continue
            seen.add(key)
            what = " / ".join(sorted({counted.get(side["figure"], "") for side in comparison["sides"]} - {""}))
            story = self.story_labels.get(comparison.get("story") or "", "")
            rows.append(
                [
                    _e(what or "—") + (f'<br><span class="note">{_e(story)}</span>' if story else ""),
                    *(
                        f'<b>{_e(s)}</b> — {_e(o)}<br><span class="note">{self.said(d, _clip(ev, 30))}</span>'
                        for s, o, ev, d in sides
                    ),
                ]
            )
        note = f'<p class="note">{agreeing} other comparisons of the same count agree.</p>'
        return _table(["What is counted (story)", "One source says", "Another says"], rows) + note

    def rival_readings(self) -> str:
        if not self.pair:
            return _none()
        a, b = self.pair
        na, nb = self.countries.get(a, a), self.countries.get(b, b)
        rows = []
        # counts by language only where the corpus has more than one, so an English corpus reads as before
        several = len({language or "en" for language in self.languages.values()}) > 1
        for r in digest.readings(self.data, a, b):
            # an outlet none of whose articles the models read: "n/a (Spanish)", not an empty cell
            unread = not_scored(r["languages"][0]) if not r["scored"] else ""
            tone = [signed(r["tone"][c]) if c in r["tone"] else _e(unread) for c in (a, b)]
            articles = str(r["articles"]) + (f" ({language_counts(r['languages'])})" if several else "")
            rows.append(
                [
                    _e(r["outlet"]),
                    _e(articles),
                    _e(", ".join(f"{g} {n}" if n > 1 else g for g, n in r["genres"].most_common())),
                    _e(", ".join(label(f) for f in r["frames"]) or "none found"),
                    *tone,
                    share(r["partisanship"]) if r["partisanship"] is not None else _e(unread),
                ]
            )
        scales = f'<p class="note">{_e(FRAME_SCALE)} {_e(TONE_SCALE)} {_e(PARTISAN_SCALE)}</p>'
        head = ["Outlet", "Articles", "Genre", "Leading frames", f"Tone: {na}", f"Tone: {nb}", "Hyperpartisan"]
        return scales + _table(head, rows, numeric=frozenset({1, 4, 5, 6}))

    def left_out(self) -> str:
        grouped: dict[str, list[str]] = defaultdict(list)
        for gap in (self.data.get("coverage") or {}).get("gaps") or []:
            item = self.story_labels.get(gap["item"], label(gap["item"]))
            grouped[self.sources.get(gap["outlet"], gap["outlet"])].append(f"{item} ({gap['kind']})")
        rows = [[_e(o), _e("; ".join(items))] for o, items in sorted(grouped.items(), key=lambda kv: kv[0].lower())]
        note = '<p class="note">What an outlet does not take up although at least two and half of the others do.</p>'
        return note + _table(["Outlet", "Leaves out"], rows)

    def linkages(self) -> str:
        rows = [
            [_e(" ↔ ".join(label(i) for i in lk["issues"])), _e(lk["relation"]), _e(_clip(lk["evidence"], 30))]
            for lk in self.data["linkages"]
        ]
        return _table(["Issues", "Relation", "Where the text ties them"], rows)

    def render(self) -> str:
        sections = [
            ("Key developments", self.developments()),
            ("What changed", self.changes()),
            ("Who acts on whom", self.who_acts()),
            ("Cooperation and conflict over time, by issue", self.issues_over_time()),
            ("What each source puts on the agenda", self.salience()),
            ("Figures in dispute", self.disputes()),
            ("Rival readings", self.rival_readings()),
            ("What each source leaves out", self.left_out()),
            ("Issues tied together", self.linkages()),
        ]
        body = "".join(f"<section><h2>{_e(t)}</h2>{html}</section>" for t, html in sections)
        return _page(self.title(), f'<p class="lead">{self.lead()}</p>{body}')

    # --- the evidence file --------------------------------------------------------------------------------

    def evidence(self) -> str:
        events = {e["id"]: e for e in self.data["events"]}
        parts = []
        for n, found in enumerate(digest.key_stories(self.data), 1):
            story = found["story"]
            quotes = "".join(self._quote(events[i]) for i in story["events"] if i in events)
            parts.append(f'<h3 id="story-{n}">{_e(story["label"])}</h3>{quotes}')
        stories = "".join(parts) or _none()
        ordered = sorted(self.data["events"], key=lambda e: e.get("date") or self.published.get(e["document"]) or "")
        event_rows = [
            [
                _e(when(e.get("date") or self.published.get(e["document"]))),
                _e(e["type"].lower()),
                _e(self._who(e)),
                _e(self.outlets.get(e["document"], "")),
                self.said(e["document"], e["evidence"]),
            ]
            for e in ordered
        ]
        figure_rows = [
            [
                _e(quantity(f["value"], f.get("unit"), f.get("approx"))),
                _e(f.get("counted") or ""),
                _e(f.get("agreement") or ""),
                _e(self.outlets.get(f["document"], "")),
                self.said(f["document"], f.get("evidence") or ""),
            ]
            for f in self.data["figures"]
        ]
        tone_rows = [
            [
                _e(self.outlets.get(s["document"], "")),
                _e(self.names.get(s["actor"], s["actor"])),
                signed(s["score"]),
                "<br>".join(_e(x["text"].strip()) for x in s["evidence"][:3]),
            ]
            for s in self.data.get("stances") or []
        ]
        body = (
            f'<p class="lead">The sentences behind the briefing: the key stories, then every event, figure and '
            f"tone score found.</p><section><h2>Key stories</h2>{stories}</section>"
            f"<section><h2>Events by date</h2>"
            f"{_table(['When', 'Type', 'Who on whom', 'Outlet', 'Sentence'], event_rows)}</section>"
            f"<section><h2>Figures</h2>"
            f"{_table(['Figure', 'Counted', 'Agreement', 'Outlet', 'Sentence'], figure_rows)}</section>"
            f"<section><h2>Tone toward actors</h2>"
            f"{_table(['Outlet', 'Actor', 'Tone', 'Sentences'], tone_rows, frozenset({2}))}</section>"
        )
        return _page(f"Evidence — {self.title()}", body)

    def _who(self, event: dict[str, Any]) -> str:
        """'A → B' in names; an event naming no actor says so instead of drawing '? → ?'."""
        if not event["source"] and not event["target"]:
            return "no actor named"
        return f"{_names(event['source'], self.names)} → {_names(event['target'], self.names)}"

    def _quote(self, event: dict[str, Any]) -> str:
        document = self.outlets.get(event["document"], "")
        dated = when(event.get("date") or self.published.get(event["document"]))
        who = self._who(event)
        quoted = self.said(event["document"], event["evidence"])
        return (
            f'<blockquote>{quoted}<br><span class="note">{_e(document)}, {_e(dated)} · '
            f"{_e(event['type'].lower())}: {_e(who)}</span></blockquote>"
        )


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        # a file opened from disk: nothing may load or run but its own style (article text stays inert)
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'\">"
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body><main><h1>{_e(title)}</h1>{body}</main>"
        "</body></html>\n"
    )


def render(data: dict[str, Any], *, evidence_file: str = "briefing-evidence.html") -> str:
    """The briefing's HTML for an export-contract map; `evidence_file` is the evidence file's relative name."""
    return Briefing(data, evidence_file).render()


def evidence_path(briefing: Path) -> Path:
    """Where the evidence of the briefing at `briefing` goes: `<stem>-evidence.html` beside it."""
    return briefing.with_name(f"{briefing.stem}{EVIDENCE_SUFFIX}{briefing.suffix or '.html'}")


def write_briefing(db: sqlite3.Connection, path: Path | str) -> Path:
    """Write the briefing to `path` and its evidence beside it (`evidence_path`); returns `path`."""
    from bilateral.export.atomic import write_text
    from bilateral.store.db import snapshot

    out = Path(path)
    evidence = evidence_path(out)
    with snapshot(db):
        data = build_map(db)
    briefing = Briefing(data, evidence.name)
    write_text(evidence, briefing.evidence())
    return write_text(out, briefing.render())
