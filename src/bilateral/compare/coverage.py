"""Coverage: which sources cover which agenda issues and stories, and what each leaves out that the others cover.

A source is an outlet; a document whose outlet is unknown stands for itself under its web host or file name.
A source leaves out an issue or story when it covers neither, while at least two of the other sources and at
least half of them do.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Mapping
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from bilateral.store.stats import tables

GAP_SHARE = 0.5
GAP_MIN = 2


def outlet_name(document: Mapping[str, Any]) -> str:
    """The source a document speaks for: its outlet, else its web host, else its file name."""
    if document["outlet"]:
        return str(document["outlet"])
    if document["url"] and (host := urlsplit(str(document["url"])).hostname):
        return str(host).removeprefix("www.")
    return PurePosixPath(str(document["source"]).replace("\\", "/")).name or str(document["id"])


def gaps(covered: dict[str, set[str]], outlets: list[str], kind: str) -> list[dict[str, Any]]:
    """Items (issues or stories) each outlet leaves out that enough of the others cover."""
    found = []
    for item in sorted(covered):
        holders = covered[item]
        for outlet in outlets:
            others = len(outlets) - 1
            if outlet in holders or others < GAP_MIN:
                continue
            if len(holders) >= GAP_MIN and len(holders) >= GAP_SHARE * others:
                found.append({"outlet": outlet, "kind": kind, "item": item, "covered_by": sorted(holders)})
    return found


def coverage(db: sqlite3.Connection) -> dict[str, Any]:
    """Outlets × issues (documents discussing each), outlets × stories, and the gaps."""
    outlet_of = {
        row["id"]: outlet_name(row)
        for row in db.execute("SELECT id, outlet, url, source FROM documents WHERE duplicate_of IS NULL")
    }
    outlets = sorted(set(outlet_of.values()))
    issues: dict[str, dict[str, int]] = {outlet: {} for outlet in outlets}
    issue_outlets: dict[str, set[str]] = defaultdict(set)
    for row in db.execute("SELECT document, issue FROM document_issues ORDER BY document, issue"):
        if (outlet := outlet_of.get(row["document"])) is not None:
            issues[outlet][row["issue"]] = issues[outlet].get(row["issue"], 0) + 1
            issue_outlets[row["issue"]].add(outlet)
    stories: dict[str, list[str]] = {outlet: [] for outlet in outlets}
    story_outlets: dict[str, set[str]] = defaultdict(set)
    if "story_items" in tables(db):
        for row in db.execute("SELECT DISTINCT story, document FROM story_items ORDER BY story, document"):
            if (outlet := outlet_of.get(row["document"])) is not None:
                story_outlets[row["story"]].add(outlet)
        for story, holders in story_outlets.items():
            for outlet in holders:
                stories[outlet].append(story)
    return {
        "outlets": outlets,
        "issues": issues,
        "stories": {outlet: sorted(ids) for outlet, ids in stories.items()},
        "gaps": sorted(
            gaps(issue_outlets, outlets, "issue") + gaps(story_outlets, outlets, "story"),
            key=lambda gap: (gap["outlet"], gap["kind"], gap["item"]),
        ),
    }
