"""The overview dashboard: the pair and period with counts, who acts on whom over time, the issue mix by source,
the actor network, the map, and the top stories and actors, each linked to its page.

Charts are the briefing's Vega-Lite/Vega specs: drawn server-side as static SVG (so the page works without
JavaScript) and redrawn interactively by /static/vendor/charts.js when the vendored bundle is present.
"""

from __future__ import annotations

import contextlib
import json
import threading
from functools import lru_cache
from importlib import resources
from typing import Any

from markupsafe import Markup

from bilateral.report import charts, digest
from bilateral.report.formats import label, period, when
from bilateral.web.views import Section, link, path

TOP = 10


def interactive() -> bool:
    """Whether the vendored chart bundle was built (scripts/vendor-js.sh)."""
    return (resources.files("bilateral.web") / "static" / "vendor" / "charts.js").is_file()


def warm_up() -> None:
    """Start the chart renderer (about 1.5 s, once per process) in the background, so the first page with a
    chart does not wait for it."""

    def start() -> None:
        with contextlib.suppress(ImportError):
            charts.svg(charts.events_over_time([]))

    threading.Thread(target=start, name="chart-renderer-warm-up", daemon=True).start()


@lru_cache(maxsize=64)
def _svg(spec_json: str) -> str:
    return charts.svg(json.loads(spec_json))


def chart(name: str, spec: charts.Spec, heading: str | None = None) -> Section:
    """A chart section: the static SVG, and the spec as a JSON data block the chart script reads.

    The JSON is made safe to sit inside <script> (no `<`, `>` or `&` survive), so text from articles in a spec
    (names, outlets) can never close the block.
    """
    spec_json = json.dumps(spec, ensure_ascii=False, sort_keys=True)
    safe = spec_json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    try:
        drawn = Markup(_svg(spec_json))
    except ImportError:
        drawn = Markup('<p class="none">charts need vl-convert-python</p>')
    return {"heading": heading, "chart": {"id": f"chart-{name}", "svg": drawn, "spec": Markup(safe)}}


def timeline_chart(events: list[dict[str, Any]]) -> list[Section]:
    """Events per quarter by kind, for the events a timeline filter keeps (each dated by its date or article)."""
    counts: dict[tuple[str, str], int] = {}
    for event in events:
        when_ = event.get("when") or ""
        if len(when_) >= 7:
            key = (f"{when_[:7]}-01", digest.quad(event))
            counts[key] = counts.get(key, 0) + 1
    rows = [{"month": m, "quad": q, "events": n} for (m, q), n in sorted(counts.items())]
    return [chart("timeline", charts.events_over_time(rows))] if rows else []


def network_chart(data: dict[str, Any]) -> list[Section]:
    """The actor network (force-laid), or nothing when no event links two actors. data: actors and events."""
    nodes, links = digest.network(data, {a["id"]: a["name"] for a in data["actors"]})
    return [chart("network", charts.actor_network(nodes, links, width=700), "Actor network")] if links else []


def salience_chart(data: dict[str, Any]) -> list[Section]:
    """Articles per source and agenda issue, or nothing without issues. data: documents."""
    rows = digest.salience_rows(data)
    return [chart("salience", charts.salience_by_outlet(rows), "Issue mix by source")] if rows else []


def overview(data: dict[str, Any]) -> list[Section]:
    """The dashboard's sections from an export-contract map (documents may come without their text)."""
    countries = digest.country_names(data)
    originals = digest.originals(data)
    first, last = digest.span(d.get("published") for d in originals)
    pair = digest.pair(data)
    events = data["events"]
    unnamed = sum(1 for e in events if not e["source_countries"] and not e["target_countries"])
    who = " – ".join(countries.get(c, c) for c in pair) if pair else "The corpus"
    summary = (
        f"{who}, {period(first, last)}: {len(originals)} articles from "
        f"{len({digest.source_label(d) for d in originals})} sources; {len(events) - unnamed} events between named "
        f"actors ({unnamed} more name no actor and are counted apart), {len(data.get('stories') or [])} stories, "
        f"{len(data['figures'])} figures."
    )
    sections: list[Section] = [{"heading": None, "note": summary}]
    if pair:
        _, rows = digest.direction_rows(data, *pair, countries)
        if rows:
            sections.append(chart("directions", charts.events_by_direction(rows), "Who acts on whom, over time"))
    stories = [
        [
            link(path("stories", found["story"]["id"]), found["story"]["label"]),
            ", ".join(found["outlets"]),
            " – ".join(sorted({when(found["story"]["first_date"]), when(found["story"]["last_date"])})),
        ]
        for found in digest.key_stories(data, limit=TOP)
    ]
    sections.append({"heading": "Top stories", "head": ["Story", "Told by", "When"], "rows": stories})
    sections += salience_chart(data)
    sections += network_chart(data)
    places = digest.country_rows(data, countries)
    if places and charts.world():
        sections.append(chart("map", charts.country_map(places), "Map"))
    involved: dict[str, int] = {}
    for event in events:
        for actor in {*event["source"], *event["target"]}:
            involved[actor] = involved.get(actor, 0) + 1
    actors = sorted(data["actors"], key=lambda a: (-involved.get(a["id"], 0), -(a["mentions"] or 0), a["name"]))
    actor_rows = [
        [
            link(path("actors", a["id"]), a["name"]),
            label(a["kind"] or ""),
            countries.get(a["country"] or "", a["country"] or ""),
            involved.get(a["id"], 0),
            a["mentions"],
        ]
        for a in actors[:TOP]
    ]
    sections.append(
        {"heading": "Top actors", "head": ["Actor", "Kind", "Country", "Events", "Mentions"], "rows": actor_rows}
    )
    sections.append(
        {
            "heading": None,
            "note": Markup("All of them: {}, {}, {}, {}.").format(
                link("/timeline", "every event"),
                link("/actors", "every actor"),
                link("/stories", "every story"),
                link("/sources", "every source"),
            ),
        }
    )
    return sections
