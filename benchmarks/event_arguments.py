"""Who the events' parties are (issue 12): on the example corpus (examples/us-mexico) and the dyad sets us_china and
japan_korea, each run end to end through the command line (`bilateral run`, then `bilateral export --format
json`), the share of exported events that name a source actor, and the self-loops — events whose source actor is
also their target, other than a joint act of two or more parties ("X met Y": both parties on each side).

A source is only counted, not judged here: whether it is the right one is what `judged_events` measures. The dyad
sets are read while fixing kinds of language (never by name or sentence), so they are marked as tuned on.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.common import EVAL, ROOT, need
from benchmarks.dyads import cli

TUNED = "dev, whole (kinds fixed, no names): the example corpus and the dyad sets us_china, japan_korea"

SETS = {
    "example_us_mexico": ROOT / "examples" / "us-mexico",
    "us_china": EVAL / "dyads" / "us_china" / "docs",
    "japan_korea": EVAL / "dyads" / "japan_korea" / "docs",
}


def self_loop(event: dict[str, Any]) -> bool:
    """Whether an exported event has one of its source actors among its targets without being a joint act
    (the same two or more parties on each side)."""
    source, target = set(event.get("source") or []), set(event.get("target") or [])
    joint = source == target and max(len(source), len(set(event.get("source_countries") or []))) > 1
    return bool(source & target) and not joint


def argued(events: list[dict[str, Any]]) -> dict[str, float | int]:
    """Counts for one export's events: how many, the share (%, one decimal) with a source actor, self-loops."""
    with_source = sum(bool(e.get("source")) for e in events)
    return {
        "events": len(events),
        "with a source actor %": round(100 * with_source / len(events), 1) if events else 0.0,
        "self-loops": sum(self_loop(e) for e in events),
    }


def export_events(folder: Path) -> list[dict[str, Any]]:
    """The events of one folder run through `bilateral run` and exported as JSON, in a fresh store."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cli("-q", "--db", "x.db", "run", str(need(folder)), "--out", "out", cwd=work)
        cli("--db", "x.db", "export", "--format", "json", "-o", "map.json", cwd=work)
        events: list[dict[str, Any]] = json.loads((work / "map.json").read_text(encoding="utf-8"))["events"]
    return events


def main() -> dict[str, float | int | str]:
    metrics: dict[str, float | int | str] = {}
    for name, folder in SETS.items():
        for label, value in argued(export_events(folder)).items():
            metrics[f"event arguments: {name}: {label}"] = value
    return metrics


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
