"""Page sections from the plain data the API returns: tables of escaped cells, links to evidence and actors.

A section is a dict the template draws: a table (`head`, `rows`), highlighted text (`html`), a paragraph
(`note`) or the timeline's filter form (`filters`). Cells are strings (escaped by Jinja) or Markup built here
with `format`, which escapes every argument, so article text never reaches the page unescaped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup

from bilateral.compare import scored
from bilateral.report.formats import label, language_mark, language_name, not_scored, share, signed, when
from bilateral.web.documents import figure_text, spans
from bilateral.web.highlight import render

Section = dict[str, Any]
LEGEND = [("entity", "actor mentioned"), ("event", "event"), ("figure", "figure"), ("linkage", "issue linkage")]


def link(href: str, text: object) -> Markup:
    return Markup('<a href="{}">{}</a>').format(href, text)


def path(*parts: str) -> str:
    return "/" + "/".join(quote(part, safe="") for part in parts)


def evidence(document: str, anchor: str, text: str, language: str | None = None) -> Markup:
    """A link to the sentence in its document; a sentence in a language other than English is marked as such
    (`lang` for the browser and screen readers, and a visible mark: "ES")."""
    mark = language_mark(language)
    if not mark:
        return link(f"{path('documents', document)}#{anchor}", text.strip())
    return Markup('<a href="{}" lang="{}">{}</a> <abbr class="lang" title="{}">{}</abbr>').format(
        f"{path('documents', document)}#{anchor}", mark.lower(), text.strip(), language_name(language), mark
    )


def actors(ids: Iterable[str], names: Iterable[str]) -> Markup:
    return Markup(", ").join(link(path("actors", a), name) for a, name in zip(ids, names, strict=True)) or Markup(
        "unnamed"
    )


def country_name(code: str | None) -> str:
    """An ISO alpha-3 code as the country's name ('MEX' → 'Mexico'); other codes (IGO …) as they are."""
    import pycountry

    from bilateral.knowledge.build_countries import OUTSIDE_ISO

    found = pycountry.countries.get(alpha_3=code) if code and len(code) == 3 else None
    if found is None and code in OUTSIDE_ISO:
        return OUTSIDE_ISO[code]["name"]  # a state ISO 3166 does not list ("XKX" → "Kosovo")
    return (getattr(found, "common_name", None) or found.name) if found else (code or "")


@cache
def sector_names() -> dict[str, str]:
    """PLOVER sector code → the name people read ('MIL' → 'military'), from the `sectors` pack."""
    from bilateral.knowledge import builtin_packs

    return {str(k): str(v) for pack in builtin_packs().of_kind("sectors") for k, v in pack.data["sectors"].items()}


def sector_name(code: str | None) -> str:
    """A sector code as its name; an unknown code as it is, none as ''."""
    return sector_names().get(code or "", code or "")


def score(value: float | None) -> str:
    return "" if value is None else signed(value)


def caption(sources: Mapping[str, Mapping[str, Any]], document: str) -> Markup:
    info = sources.get(document, {"title": document, "outlet": "", "published": None})
    when = f", {info['published']}" if info.get("published") else ""
    return Markup("{}{}").format(link(path("sources", info["outlet"]), info["outlet"]), when)


def event_rows(events: list[dict[str, Any]]) -> list[list[object]]:
    return [
        [
            e["when"] if e["date"] else (f"{e['when']} (published)" if e["when"] else "undated"),
            e["type"],
            e["status"],
            Markup("{} → {}").format(actors(e["source"], e["source_names"]), actors(e["target"], e["target_names"]))
            if e["source"] or e["target"]
            else "no actor named",
            Markup(", ").join(link(path("issues", i), i) for i in e["agenda"]),
            link(path("sources", e["outlet"]), e["outlet"]),
            evidence(e["document"], f"e-{e['id']}", e["evidence"], e.get("language")),
            link(path("stories", e["story"]["id"]), e["story"]["label"]) if e.get("story") else "",
        ]
        for e in events
    ]


EVENT_HEAD = ["Date", "Type", "Status", "Source → target", "Issues", "Outlet", "Evidence", "Story"]


def figure_rows(figures: list[dict[str, Any]], sources: Mapping[str, Mapping[str, Any]]) -> list[list[object]]:
    return [
        [
            figure_text(f),
            f["date"] or "",
            Markup("<br>").join(
                Markup("{}s with {}").format(c["relation"], evidence(c["document"], f"f-{c['figure']}", figure_text(c)))
                for c in f["compared"]
            )
            or "unique",
            caption(sources, f["document"]),
            evidence(f["document"], f"f-{f['id']}", f["evidence"], f.get("language")),
        ]
        for f in figures
    ]


FIGURE_HEAD = ["Figure", "Date", "Compared", "Source", "Evidence"]


def search_form(outlets: list[str], chosen: Mapping[str, str | None]) -> dict[str, Any]:
    """The search box with its filters: outlet, publication dates and FTS5 syntax on request."""
    fields = [
        {"name": "q", "label": 'Words or "a phrase"', "placeholder": "tariffs -steel", "size": 30},
        {"name": "outlet", "label": "Source", "options": [[o, o] for o in outlets]},
        {"name": "since", "label": "Published from", "placeholder": "YYYY-MM-DD"},
        {"name": "until", "label": "to", "placeholder": "YYYY-MM-DD"},
        {"name": "syntax", "label": "Query syntax", "options": [["true", "FTS5 (AND/OR/NOT, NEAR)"]], "any": "words"},
    ]
    return {"action": "/search", "fields": fields, "chosen": chosen, "button": "Search"}


def search_results(found: dict[str, Any], chosen: Mapping[str, str | None], highlight: Any) -> list[Section]:
    """The hit count, one page of results with highlighted snippets, and links to the pages around it."""
    total, offset, shown = found["total"], found["offset"], len(found["hits"])
    note = f"{total:,} {'document matches' if total == 1 else 'documents match'}"
    if shown and shown < total:
        note += f"; {offset + 1}–{offset + shown} shown"
    kept = {k: v for k, v in chosen.items() if v}
    pages = []
    if offset > 0:
        pages.append(link(f"/search?{urlencode(kept | {'offset': max(0, offset - 20)})}", "← better matches"))
    if offset + shown < total:
        pages.append(link(f"/search?{urlencode(kept | {'offset': offset + shown})}", "more →"))
    rows = [
        [
            link(path("documents", h["document"]), h["title"] or "(untitled)"),
            h["outlet"] or "",
            h["published"] or "",
            highlight(h["snippet"]),
        ]
        for h in found["hits"]
    ]
    return [
        {
            "heading": "Results",
            "note": Markup(" ").join([note + ".", *pages]),
            "head": ["Title", "Outlet", "Published", "Snippet"],
            "rows": rows,
            "none": "No document matches; try fewer words, or another spelling.",
        }
    ]


def timeline(data: dict[str, Any], facets: dict[str, list[Any]], chosen: dict[str, str | None]) -> list[Section]:
    fields = [
        {"name": "issue", "label": "Issue", "options": [[i, i] for i in facets["issues"]]},
        {"name": "actor", "label": "Actor", "options": facets["actors"]},
        {"name": "outlet", "label": "Source", "options": [[o, o] for o in facets["outlets"]]},
        {"name": "type", "label": "Type", "options": [[t, t] for t in facets["types"]]},
        {"name": "since", "label": "From", "placeholder": "YYYY-MM-DD"},
        {"name": "until", "label": "To", "placeholder": "YYYY-MM-DD"},
    ]
    shown = len(data["events"])
    first, total = data["offset"] + 1, data["total"]
    note = f"Events {first}–{data['offset'] + shown} of {total}." if shown else ""
    pages = []
    kept = {k: v for k, v in chosen.items() if v}
    if data["offset"] > 0:
        back = urlencode(kept | {"offset": max(0, data["offset"] - data["limit"])})
        pages.append(link(f"/timeline?{back}", "← earlier"))
    if data["offset"] + shown < total:
        pages.append(link(f"/timeline?{urlencode(kept | {'offset': data['offset'] + data['limit']})}", "later →"))
    return [
        {"filters": {"action": "/timeline", "fields": fields, "chosen": chosen}},
        {
            "heading": "Events",
            "note": Markup(" ").join([note, *pages]) if note else "",
            "head": EVENT_HEAD,
            "rows": event_rows(data["events"]),
            "none": "No events match these filters.",
        },
    ]


def issue(data: dict[str, Any]) -> list[Section]:
    sources = data["sources"]
    counts = data["counts"]
    more = data["events_total"] - len(data["events"])
    return [
        {
            "note": (
                f"{counts['documents']} documents, {counts['events']} events, {counts['figures']} figures, "
                f"{counts['linkages']} linkages."
            )
        },
        {
            "heading": "Documents discussing it",
            "head": ["Document", "Source", "Salience"],
            "rows": [
                [
                    link(path("documents", d["document"]), sources[d["document"]]["title"]),
                    caption(sources, d["document"]),
                    f"{d['salience']:.2f}",
                ]
                for d in data["documents"]
            ],
        },
        {
            "heading": "Events",
            "note": Markup("{} more on the {}.").format(
                more, link(f"/timeline?{urlencode({'issue': data['issue']})}", "timeline")
            )
            if more > 0
            else "",
            "head": EVENT_HEAD,
            "rows": event_rows(data["events"]),
        },
        {"heading": "Figures", "head": FIGURE_HEAD, "rows": figure_rows(data["figures"], sources)},
        {
            "heading": "Frames",
            "head": ["Frame", "Score", "Source", "Evidence"],
            "rows": [
                [
                    label(f["frame"]),
                    f"{f['score']:.2f}",
                    caption(sources, f["document"]),
                    Markup("<br>").join(evidence(f["document"], f"s-{x['start']}", x["text"]) for x in f["evidence"]),
                ]
                for f in data["frames"]
            ],
        },
        {"heading": "Linkages", "head": LINKAGE_HEAD, "rows": linkage_rows(data["linkages"], sources)},
    ]


LINKAGE_HEAD = ["Issues", "Relation", "Source", "Evidence"]


def linkage_rows(linkages: list[dict[str, Any]], sources: Mapping[str, Mapping[str, Any]]) -> list[list[object]]:
    return [
        [
            Markup(" ↔ ").join(link(path("issues", i), i) for i in lk["issues"]),
            lk["relation"],
            caption(sources, lk["document"]),
            evidence(lk["document"], f"l-{lk['id']}", lk["evidence"]),
        ]
        for lk in linkages
    ]


def document(doc: dict[str, Any]) -> list[Section]:
    sources = {doc["id"]: {"title": doc["title"], "outlet": doc["outlet_name"], "published": doc["published"]}}
    linkages = [lk | {"issues": [lk["issue_a"], lk["issue_b"]]} for lk in doc["linkages"]]
    issues = Markup(", ").join(
        Markup("{} ({:.2f})").format(link(path("issues", i["issue"]), i["issue"]), i["salience"]) for i in doc["issues"]
    )
    mark = language_mark(doc.get("language"))
    written = (
        Markup(' · written in {} <abbr class="lang" title="{}">{}</abbr>').format(
            language_name(doc.get("language")), language_name(doc.get("language")), mark
        )
        if mark
        else ""
    )
    text = render(doc["text"], spans(doc))
    return [
        {"note": Markup("{} · issues: {}{}").format(caption(sources, doc["id"]), issues or "none found", written)},
        {
            "heading": "Text",
            "legend": LEGEND,
            "html": Markup('<div lang="{}">{}</div>').format(mark.lower(), text) if mark else text,
        },
        {"heading": "Events", "head": EVENT_HEAD, "rows": event_rows(doc["events"])},
        {"heading": "Figures", "head": FIGURE_HEAD, "rows": figure_rows(doc["figures"], sources)},
        {"heading": "Linkages", "head": LINKAGE_HEAD, "rows": linkage_rows(linkages, sources)},
    ]


def actor_stories(data: dict[str, Any]) -> list[list[object]]:
    """The stories an actor's events belong to, most events first."""
    counts: dict[str, int] = {}
    labels: dict[str, str] = {}
    for e in data["events"]:
        if e.get("story"):
            counts[e["story"]["id"]] = counts.get(e["story"]["id"], 0) + 1
            labels[e["story"]["id"]] = e["story"]["label"]
    ranked = sorted(counts, key=lambda s: (-counts[s], labels[s]))
    return [[link(path("stories", s), labels[s]), counts[s]] for s in ranked]


def actor(data: dict[str, Any]) -> list[Section]:
    return [
        {
            "note": f"{data['kind']} · country: {country_name(data['country']) or 'not known'} · "
            f"sector: {sector_name(data['sector']) or 'not known'}"
        },
        {"heading": "Aliases", "head": ["Alias"], "rows": [[x] for x in data["aliases"]]},
        {"heading": "Stories it takes part in", "head": ["Story", "Events of it here"], "rows": actor_stories(data)},
        {"heading": "Events as source or target", "head": EVENT_HEAD, "rows": event_rows(data["events"])},
        {
            "heading": "Tone by outlet",
            "note": "Mean stance score toward this actor, from −1 (hostile) to +1 (favourable).",
            "head": ["Outlet", "Mean score", "Documents", "Evidence"],
            "rows": [
                [
                    link(path("sources", t["outlet"]), t["outlet"]),
                    score(t["score"]),
                    t["count"],
                    Markup("<br>").join(evidence(x["document"], f"s-{x['start']}", x["text"]) for x in t["evidence"]),
                ]
                for t in data["tone"]
            ],
        },
    ]


def source(data: dict[str, Any]) -> list[Section]:
    return [
        {
            "heading": "Documents",
            "head": ["Title", "Published", "Genre", "Hyperpartisan (probability)", "Frames", "Issues"],
            "rows": [
                [
                    link(path("documents", d["id"]), d["title"]),
                    d["published"] or "",
                    d["genre"] or "",
                    "" if d["partisanship"] is None else share(d["partisanship"]),
                    ", ".join(label(f) for f in d["frames"][:3]),
                    Markup(", ").join(link(path("issues", i), i) for i in d["issues"]),
                ]
                for d in data["documents"]
            ],
        },
        {
            "heading": "Tone toward actors",
            "head": ["Actor", "Mean score", "Documents", "Evidence"],
            "rows": [
                [
                    link(path("actors", t["actor"]), t["name"]),
                    score(t["score"]),
                    t["count"],
                    Markup("<br>").join(evidence(x["document"], f"s-{x['start']}", x["text"]) for x in t["evidence"]),
                ]
                for t in data["tone"]
            ],
        },
        {
            "heading": "Issues covered",
            "head": ["Issue", "Documents"],
            "rows": [[link(path("issues", i), i), n] for i, n in data["issues"].items()],
        },
        {
            "heading": "Stories it reports",
            "head": ["Story"],
            "rows": [[link(path("stories", s), data["story_labels"].get(s, s))] for s in data["stories"]],
        },
        {
            "heading": "What it leaves out",
            "note": "Issues and stories most other sources cover and this one does not.",
            "head": ["Kind", "Not covered here", "Covered by"],
            "rows": [
                [
                    g["kind"],
                    link(
                        path("issues" if g["kind"] == "issue" else "stories", g["item"]),
                        data["story_labels"].get(g["item"], g["item"]),
                    ),
                    Markup(", ").join(link(path("sources", o), o) for o in g["covered_by"]),
                ]
                for g in data["gaps"]
            ],
            "none": "No gaps: this source covers every issue and story that most others cover.",
        },
    ]


def story(data: dict[str, Any]) -> list[Section]:
    sources = data["sources"]

    def side(figure: Mapping[str, Any]) -> Markup:
        return Markup("{} — {}: {}").format(
            figure_text(figure),
            caption(sources, figure["document"]),
            evidence(figure["document"], f"f-{figure['id']}", figure["evidence"]),
        )

    first, last = when(data["first_date"]), when(data["last_date"])
    return [
        {"note": first if first == last else f"{first} to {last}"},
        {"heading": "How each source told it", "html": side_by_side(data["told"])},
        {"heading": "Events", "head": EVENT_HEAD, "rows": event_rows(data["events"])},
        {"heading": "Figures", "head": FIGURE_HEAD, "rows": figure_rows(data["figures"], sources)},
        {
            "heading": "Figures compared",
            "note": "Figures counting the same thing in the same period, within this story or against others.",
            "head": ["Relation", "One figure", "The other", "Where"],
            "rows": [
                [c["relation"], side(c["a"]), side(c["b"]), "in this story" if c["within"] else "across stories"]
                for c in data["comparisons"]
            ],
        },
    ]


def side_by_side(told: list[dict[str, Any]]) -> Markup:
    """One card per document of a story, side by side: headline, outlet and date, genre, frames, tone toward the
    story's actors, and what the others report that it leaves out."""
    cards = []
    for d in told:
        tone = Markup(", ").join(
            Markup("{} {}").format(link(path("actors", t["actor"]), t["name"]), score(t["score"])) for t in d["tone"]
        )
        language = d.get("language")
        # the models read English only: a Spanish card says so rather than "not known" or "none found"
        unread = "" if scored(language) else not_scored(language)
        mark = language_mark(language)
        headline = link(path("documents", d["document"]), d["title"])
        if mark:
            headline = Markup('<span lang="{}">{}</span> <abbr class="lang" title="{}">{}</abbr>').format(
                mark.lower(), headline, language_name(language), mark
            )
        cards.append(
            Markup(
                '<article class="told"><h3>{}</h3><p>{} · {}</p><dl><dt>Genre</dt><dd>{}</dd>'
                "<dt>Framing</dt><dd>{}</dd><dt>Tone toward the story's actors (−1 to +1)</dt><dd>{}</dd>"
                "<dt>Actors the others name and it does not</dt><dd>{}</dd>"
                "<dt>Counts the others give and it does not</dt><dd>{}</dd></dl>"
                "</article>"
            ).format(
                headline,
                link(path("sources", d["outlet"]), d["outlet"]),
                when(d["published"]),
                d["genre"] or unread or "not known",
                ", ".join(label(f) for f in d["frames"]) or "none found",
                tone or unread or "none found",
                ", ".join(d["left_out"]) or "none",
                ", ".join(d["counts_left_out"]) or "none",
            )
        )
    return Markup('<div class="side-by-side">{}</div>').format(Markup("").join(cards))


def issue_list(rows: list[dict[str, Any]]) -> list[Section]:
    return [
        {
            "heading": "Agenda issues",
            "head": ["Issue", "Documents", "Events", "Figures", "Linkages"],
            "rows": [
                [link(path("issues", i["issue"]), i["issue"]), i["documents"], i["events"], i["figures"], i["linkages"]]
                for i in rows
            ],
        }
    ]


def source_list(rows: list[dict[str, Any]]) -> list[Section]:
    return [
        {
            "heading": "Outlets",
            "head": ["Outlet", "Documents", "Languages", "Genres", "Mean partisanship", "First", "Last"],
            "rows": [
                [
                    link(path("sources", s["outlet"]), s["outlet"]),
                    s["documents"],
                    s["languages"],
                    ", ".join(f"{g} ({n})" for g, n in s["genres"].items()) or s["unscored"],
                    s["unscored"] if s["partisanship"] is None else f"{s['partisanship']:.2f}",
                    s["first"] or "",
                    s["last"] or "",
                ]
                for s in rows
            ],
        }
    ]


def story_list(rows: list[dict[str, Any]]) -> list[Section]:
    return [
        {
            "heading": "Stories",
            "head": ["Story", "First", "Last", "Documents", "Events", "Figures", "Agree", "Conflict"],
            "rows": [
                [
                    link(path("stories", s["id"]), s["label"]),
                    s["first_date"] or "",
                    s["last_date"] or "",
                    s["documents"],
                    s["events"],
                    s["figures"],
                    s["agree"],
                    s["conflict"],
                ]
                for s in rows
            ],
            "none": (
                "No stories yet. A story is the same happening reported by several documents; none has been "
                "found in this store (analyse more documents, or run `bilateral run` again to build them)."
            ),
        }
    ]


def actor_list(rows: list[dict[str, Any]]) -> list[Section]:
    return [
        {
            "heading": "Actors",
            "head": ["Actor", "Kind", "Country", "Sector", "Mentions", "Documents"],
            "rows": [
                [
                    link(path("actors", a["id"]), a["name"]),
                    a["kind"],
                    country_name(a["country"]),
                    sector_name(a["sector"]),
                    a["mentions"],
                    len(a["documents"]),
                ]
                # most mentioned first (the table can be re-sorted by any column in the browser)
                for a in sorted(rows, key=lambda a: (-(a["mentions"] or 0), a["name"].lower()))
            ],
        }
    ]


# Example values for the API page's links, by parameter name (ids come from the store, so examples use lists).
EXAMPLES = {"q": "tariffs", "issue": "migration", "since": "2020-01-01", "until": "2020-12-31", "limit": "20"}


def api_routes(paths: Mapping[str, Mapping[str, Any]]) -> list[list[object]]:
    """One row per /api route of an OpenAPI schema: method, path, summary, parameters (where, type, required)
    and an example link for GET routes whose parameters all have examples."""
    rows: list[list[object]] = []
    for route, operations in sorted(paths.items()):
        if not route.startswith("/api/"):
            continue
        for method, op in operations.items():
            params = op.get("parameters", [])
            described = ", ".join(
                f"{p['name']} ({p['in']}, {p.get('schema', {}).get('type') or 'text'}"
                f"{', required' if p.get('required') else ''})"
                for p in params
            )
            example: object = ""
            wanted = [p for p in params if p.get("required") or p["name"] in ("q", "since")]
            if method == "get" and all(p["in"] == "query" and p["name"] in EXAMPLES for p in wanted):
                query = urlencode({p["name"]: EXAMPLES[p["name"]] for p in wanted})
                example = link(route + (f"?{query}" if query else ""), route + (f"?{query}" if query else ""))
            summary = (op.get("description") or op.get("summary") or "").split("\n")[0]
            rows.append([method.upper(), route, summary, described or "none", example])
    return rows
