"""Charts from one grammar: Vega-Lite (and, for the force-laid actor network, Vega) specs built as plain dicts.

The same spec is drawn as static SVG in the briefing (vl-convert, which runs Vega in-process with no network)
and can be embedded interactively by the web app. Data rows are plain dicts; colours say cooperation (blues)
or conflict (oranges/reds), the PLOVER quad classes.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

QUAD_ORDER = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]
QUAD_COLOURS = ["#7fb3d5", "#1f618d", "#f0b27a", "#b03a2e"]
QUAD_SCALE = {"domain": QUAD_ORDER, "range": QUAD_COLOURS}
SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
FONT = {"font": "system-ui, sans-serif", "labelFontSize": 11, "titleFontSize": 11}
CONFIG = {"view": {"stroke": None}, "axis": FONT, "legend": FONT | {"orient": "top"}, "header": FONT}

Spec = dict[str, Any]


def _lite(title: str, rows: list[dict[str, Any]], **spec: Any) -> Spec:
    # `description` becomes the drawn chart's accessible name (aria-label) in the browser
    return {"$schema": SCHEMA, "title": title, "description": title, "data": {"values": rows}, "config": CONFIG, **spec}


def events_by_direction(rows: list[dict[str, Any]]) -> Spec:
    """Events per quarter in each direction, stacked by quad class.

    rows: {"month": "YYYY-MM-01", "direction": "A → B", "quad": one of QUAD_ORDER, "events": int}.
    """
    return _lite(
        "Events per quarter, by direction and kind",
        rows,
        mark={"type": "bar", "tooltip": True},
        encoding={
            "row": {
                "field": "direction",
                "type": "nominal",
                "title": None,
                "header": {"labelAngle": 0, "labelAlign": "left", "labelFontWeight": "bold"},
            },
            "x": {"field": "month", "type": "temporal", "timeUnit": "yearquarter", "title": None},
            "y": {"aggregate": "sum", "field": "events", "type": "quantitative", "title": "events"},
            "color": {"field": "quad", "type": "nominal", "scale": QUAD_SCALE, "title": None},
            "order": {"field": "quad_rank", "type": "ordinal"},
        },
        width=520,
        height=60,
        transform=[{"calculate": f"indexof({QUAD_ORDER!r}, datum.quad)", "as": "quad_rank"}],
    )


def events_over_time(rows: list[dict[str, Any]]) -> Spec:
    """Events per quarter, stacked by quad class. rows: {"month": "YYYY-MM-01", "quad": str, "events": int}."""
    return _lite(
        "Events per quarter, by kind",
        rows,
        transform=[{"calculate": f"indexof({QUAD_ORDER!r}, datum.quad)", "as": "quad_rank"}],
        mark={"type": "bar", "tooltip": True},
        encoding={
            "x": {"field": "month", "type": "temporal", "timeUnit": "yearquarter", "title": None},
            "y": {"aggregate": "sum", "field": "events", "type": "quantitative", "title": "events"},
            "color": {"field": "quad", "type": "nominal", "scale": QUAD_SCALE, "title": None},
            "order": {"field": "quad_rank", "type": "ordinal"},
        },
        width=620,
        height=120,
    )


def issues_over_time(rows: list[dict[str, Any]]) -> Spec:
    """Cooperation above the line, conflict below, per quarter and agenda issue.

    rows: {"month": "YYYY-MM-01", "issue": str, "quad": one of QUAD_ORDER, "events": int}.
    """
    return _lite(
        "Cooperation (up) and conflict (down) per quarter, by agenda issue",
        rows,
        transform=[
            {"calculate": "indexof(datum.quad, 'conflict') >= 0 ? -datum.events : datum.events", "as": "signed"},
            {"calculate": f"indexof({QUAD_ORDER!r}, datum.quad)", "as": "quad_rank"},
        ],
        mark={"type": "bar", "tooltip": True},
        encoding={
            "row": {
                "field": "issue",
                "type": "nominal",
                "title": None,
                "header": {"labelAngle": 0, "labelAlign": "left", "labelFontWeight": "bold"},
            },
            "x": {"field": "month", "type": "temporal", "timeUnit": "yearquarter", "title": None},
            "y": {"aggregate": "sum", "field": "signed", "type": "quantitative", "title": "events"},
            "color": {"field": "quad", "type": "nominal", "scale": QUAD_SCALE, "title": None},
            "order": {"field": "quad_rank", "type": "ordinal"},
        },
        width=520,
        height=55,
    )


def salience_by_outlet(rows: list[dict[str, Any]]) -> Spec:
    """How many of each outlet's articles take up each agenda issue.

    rows: {"outlet": str, "issue": str, "articles": int}.
    """
    return _lite(
        "Agenda issues by source (articles taking up the issue)",
        rows,
        encoding={
            "x": {"field": "issue", "type": "nominal", "title": None, "axis": {"labelAngle": -30, "orient": "top"}},
            "y": {"field": "outlet", "type": "nominal", "title": None},
        },
        layer=[
            {
                "mark": {"type": "rect", "tooltip": True},
                "encoding": {
                    "color": {
                        "field": "articles",
                        "type": "quantitative",
                        "scale": {"scheme": "blues"},
                        "legend": None,
                    },
                },
            },
            {
                "mark": {"type": "text", "fontSize": 11},
                "encoding": {
                    "text": {"field": "articles", "type": "quantitative"},
                    "color": {"condition": {"test": "datum.articles > 2", "value": "white"}, "value": "black"},
                },
            },
        ],
        width={"step": 58},
        height={"step": 18},
    )


def actor_network(nodes: list[dict[str, Any]], links: list[dict[str, Any]], *, width: int = 620) -> Spec:
    """A force-laid network of the actors most involved in events (Vega: Vega-Lite has no force layout).

    nodes: {"name": str, "events": int, "country": str}; links: {"source": index, "target": index,
    "events": int, "stance": "cooperation" | "conflict" | "mixed"} (the stance most of the pair's events take).
    """
    height = 460
    stance = {"domain": ["cooperation", "mixed", "conflict"], "range": ["#1f618d", "#9b9b9b", "#b03a2e"]}
    return {
        "$schema": "https://vega.github.io/schema/vega/v5.json",
        "title": {"text": "Who acts on whom: actors in the most events", "font": FONT["font"]},
        "description": "Who acts on whom: actors in the most events",
        "width": width,
        "height": height,
        "autosize": "none",
        "padding": {"left": 8, "right": 8, "top": 30, "bottom": 8},
        "data": [
            # every node is pulled toward the centre (cx, cy), so none drifts out of the frame
            {"name": "node-data", "values": [n | {"cx": width / 2, "cy": height / 2 + 20} for n in nodes]},
            {"name": "link-data", "values": links},
        ],
        "scales": [
            {"name": "stance", "type": "ordinal", **stance},
            {"name": "size", "type": "sqrt", "domain": {"data": "node-data", "field": "events"}, "range": [60, 600]},
        ],
        "legends": [
            {
                "stroke": "stance",
                "title": "Between the two, events mostly",
                "orient": "top-left",
                "symbolType": "stroke",
                "labelFont": FONT["font"],
                "titleFont": FONT["font"],
            },
        ],
        "marks": [
            {
                "name": "nodes",
                "type": "symbol",
                "description": "actors, sized by their events",
                "zindex": 1,
                "from": {"data": "node-data"},
                "encode": {
                    "enter": {
                        "fill": {"value": "#fdfdfd"},
                        "stroke": {"value": "#333"},
                        "size": {"scale": "size", "field": "events"},
                        "tooltip": {"signal": "datum.name + ': ' + datum.events + ' events'"},
                    }
                },
                "transform": [
                    {
                        "type": "force",
                        "static": True,
                        "signal": "force",
                        "iterations": 400,
                        "forces": [
                            {"force": "center", "x": width / 2, "y": height / 2 + 20},
                            {"force": "collide", "radius": 40},
                            {"force": "nbody", "strength": -220},
                            {"force": "link", "links": "link-data", "distance": 90},
                            {"force": "x", "x": "datum.cx", "strength": 0.12},
                            {"force": "y", "y": "datum.cy", "strength": 0.2},
                        ],
                    }
                ],
            },
            {
                "type": "path",
                "aria": False,
                "from": {"data": "link-data"},
                "interactive": False,
                "encode": {
                    "update": {
                        "stroke": {"scale": "stance", "field": "stance"},
                        "strokeWidth": {"signal": "min(1 + datum.events, 7)"},
                        "strokeOpacity": {"value": 0.7},
                    }
                },
                "transform": [
                    {
                        "type": "linkpath",
                        "require": {"signal": "force"},
                        "shape": "line",
                        "sourceX": "datum.source.x",
                        "sourceY": "datum.source.y",
                        "targetX": "datum.target.x",
                        "targetY": "datum.target.y",
                    }
                ],
            },
            {
                "type": "text",
                "from": {"data": "nodes"},
                "zindex": 2,
                "encode": {
                    "enter": {
                        "text": {"field": "datum.name"},
                        "fontSize": {"value": 11},
                        "font": {"value": FONT["font"]},
                        "align": {"value": "center"},
                        "baseline": {"value": "top"},
                    },
                    "update": {"x": {"field": "x"}, "y": {"signal": "datum.y + 9"}},
                },
            },
        ],
    }


@cache
def world() -> dict[str, Any] | None:
    """world-atlas's countries-110m TopoJSON (ISC; Natural Earth, public domain), vendored by
    scripts/vendor-js.sh into the web app's static folder; None when it was not built."""
    found = resources.files("bilateral.web") / "static" / "vendor" / "countries-110m.json"
    return json.loads(found.read_text(encoding="utf-8")) if found.is_file() else None


def country_map(rows: list[dict[str, Any]]) -> Spec:
    """Countries shaded by how often their actors are mentioned (Equal Earth projection).

    rows: {"id": ISO 3166-1 numeric as world-atlas keys countries, "name": str, "mentions": int, "events": int}.
    """
    return _lite(
        "Where the actors come from (mentions of each country's actors)",
        [],
        data={"values": world(), "format": {"type": "topojson", "feature": "countries"}},
        projection={"type": "equalEarth"},
        layer=[
            {"mark": {"type": "geoshape", "fill": "#e8e8e8", "stroke": "#fff", "strokeWidth": 0.5, "aria": False}},
            {
                "transform": [
                    {
                        "lookup": "id",
                        "from": {"data": {"values": rows}, "key": "id", "fields": ["name", "mentions", "events"]},
                    },
                    {"filter": "datum.mentions > 0 || datum.events > 0"},
                ],
                "mark": {"type": "geoshape", "stroke": "#fff", "strokeWidth": 0.5, "tooltip": True},
                "encoding": {
                    "color": {
                        "field": "mentions",
                        "type": "quantitative",
                        "title": "mentions",
                        "scale": {"scheme": "blues", "type": "sqrt"},
                    },
                    "tooltip": [
                        {"field": "name", "type": "nominal", "title": "country"},
                        {"field": "mentions", "type": "quantitative"},
                        {"field": "events", "type": "quantitative"},
                    ],
                },
            },
        ],
        width=560,
        height=290,
    )


def svg(spec: Spec) -> str:
    """The chart as an inline <svg> element (no XML namespaces, so the page holds no URL at all).

    Raises ImportError when vl-convert-python is not installed.
    """
    import vl_convert

    drawn = vl_convert.vega_to_svg(spec) if "vega/v5" in spec["$schema"] else vl_convert.vegalite_to_svg(spec)
    drawn = re.sub(r'\s(?:xmlns(?::\w+)?|xml:space)="[^"]*"', "", drawn)
    title = spec["title"]["text"] if isinstance(spec["title"], dict) else spec["title"]
    return drawn.replace("<svg", f'<svg role="img" aria-label="{title}"', 1)
