"""Draw the sample for the judged precision of events (issue 12): 100 events at random from exported maps (the
dyad sets and the example corpus), written as document file, offsets and what was coded, never the sentences.

A reader who did not write the event patterns fills in `type_right` and `source_right` (y/n) by reading
text[start:end] of the document's clean text (`bilateral show` or the briefing); `benchmarks/judged_events.tsv`
holds the sample and, once judged, the verdicts. The draw is fixed (seed 12) so that the same exports give the
same sample. Not part of `make bench`: it reads exports, and the verdicts are a person's.

Usage: python -m benchmarks.judged_events SET=map.json [SET=map.json ...]
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

SAMPLE = 100
SEED = 12
OUT = Path(__file__).with_name("judged_events.tsv")
COLUMNS = ("set", "document", "start", "end", "type", "mode", "status", "source_countries", "target_countries",
           "type_right", "source_right")  # fmt: skip


def rows(name: str, export: Path) -> list[tuple[str, ...]]:
    data = json.loads(export.read_text(encoding="utf-8"))
    files = {d["id"]: Path(str(d.get("source") or d["id"])).name for d in data["documents"]}
    return [
        (
            name,
            files.get(e["document"], e["document"]),
            str(e["start"]),
            str(e["end"]),
            e["type"],
            e.get("mode") or "",
            e.get("status") or "",
            ",".join(e.get("source_countries") or []),
            ",".join(e.get("target_countries") or []),
            "",
            "",
        )
        for e in data["events"]
    ]


def draw(argv: list[str]) -> None:
    everything: list[tuple[str, ...]] = []
    for argument in argv:
        name, _, path = argument.partition("=")
        everything += rows(name, Path(path))
    sample = sorted(random.Random(SEED).sample(sorted(everything), min(SAMPLE, len(everything))))
    lines = ["\t".join(COLUMNS), *("\t".join(row) for row in sample)]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    draw(sys.argv[1:])
