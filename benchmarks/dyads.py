"""The dyad development sets (../shared/eval/dyads/: US–China, Japan–South Korea, Spanish US–Mexico), each run
through the command line the way `run_and_score.sh` does it — `bilateral run` on the set's docs/ in a fresh store,
`bilateral export --format json`, then the set's own scorer `score_dyad.py`. Reported: the headline (mean of
actor, strict event, figure, story and figure-conflict scores, each 0..1) and its parts, the precision of flagged
figure conflicts, negated happenings reported as occurred and found events with the right month; each row holds
every set's value side by side. The sets are small and used whole: they are read while fixing kinds of language,
never fitted by name or sentence (the untouched check on other pairs is done outside the project).
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import EVAL, need

TUNED = "dev, whole (kinds fixed, no names)"

# scorer line label -> row name; the scorer prints "label: value", one per line
LINES = {
    "headline (mean of actor, event strict, figure, story, conflict scores)": "headline",
    "actor score (one canonical actor, right country)": "actor score",
    "event recall strict": "event recall strict",
    "figure recall": "figure recall",
    "story recall": "story recall",
    "figure conflict recall": "figure conflict recall",
    "precision of flagged conflicts (judged)": "precision of flagged figure conflicts",
    "conflicts flagged between figures counting the same thing": "flagged conflicts counting the same thing",
    "conflicts flagged between figures counting different things": "flagged conflicts counting different things",
    "negated happenings reported as occurred": "negated happenings reported as occurred",
    "found events with the right month": "found events with the right month",
}
# the scorer's lines after a count are free text ("3: a; b; c"); only the count is a figure
COUNT_ONLY = {"negated happenings reported as occurred", "flagged conflicts counting different things"}


def cli(*args: str, cwd: Path) -> None:
    """Run `bilateral ARGS` in `cwd` with this interpreter; raises RuntimeError with the output's end on failure."""
    done = subprocess.run(
        [sys.executable, "-m", "bilateral.cli", *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"bilateral {' '.join(args)} failed ({done.returncode}): {done.stderr[-2000:]}")


def score_set(folder: Path) -> dict[str, float | int | str]:
    """Run one set end to end and parse its scorer's output into {row name: value}."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cli("-q", "--db", "x.db", "run", str(need(folder / "docs")), "--out", "out", cwd=work)
        cli("--db", "x.db", "export", "--format", "json", "-o", "map.json", cwd=work)
        scorer = need(folder.parent / "score_dyad.py")
        done = subprocess.run(
            [sys.executable, str(scorer), str(work / "map.json"), str(folder / "gold.yaml")],
            capture_output=True,
            text=True,
            check=True,
        )
    found: dict[str, float | int | str] = {}
    for line in done.stdout.splitlines():
        label, _, value = line.partition(": ")
        if label in LINES:
            row = LINES[label]
            if row in COUNT_ONLY:
                found[row] = int(value.split(":")[0])
            elif re.fullmatch(r"-?\d+", value):
                found[row] = int(value)
            elif re.fullmatch(r"-?\d+\.\d+", value):
                found[row] = float(value)
            else:
                found[row] = value
    missing = sorted(set(LINES.values()) - set(found))
    if missing:
        raise RuntimeError(f"score_dyad.py printed no line for {missing} on {folder.name}")
    # the scorer prints a precision of 0 when nothing was flagged; that is no measurement
    flagged = int(found["flagged conflicts counting the same thing"]) + int(
        found["flagged conflicts counting different things"]
    )
    if flagged == 0:
        found["precision of flagged figure conflicts"] = "n/a (none flagged)"
    return {row: found[row] for row in LINES.values()}


def main() -> dict[str, float | int | str]:
    """One row per scorer line, the sets side by side in it ("japan_korea 0.329 · us_china 0.547 · …")."""
    root = need(EVAL / "dyads")
    sets = sorted(gold.parent for gold in root.glob("*/gold.yaml"))
    scores = {folder.name: score_set(folder) for folder in sets}
    metrics: dict[str, float | int | str] = {
        "sets (documents)": " · ".join(f"{name} ({len(list((root / name / 'docs').iterdir()))})" for name in scores)
    }
    for row in LINES.values():
        metrics[row] = " · ".join(f"{name} {_cell(found[row])}" for name, found in scores.items())
    headlines = [float(found["headline"]) for found in scores.values()]
    metrics["mean headline over the sets"] = round(sum(headlines) / len(headlines), 3)
    return metrics


def _cell(value: float | int | str) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") if isinstance(value, float) else str(value)


if __name__ == "__main__":
    for metric, value in main().items():
        print(f"{metric}: {value}")
