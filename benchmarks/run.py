"""`make bench`: run every benchmark module, print one table, and keep the results in bench-results/.

Each module in this folder exposes `main() -> dict[str, value]` and a module-level string `TUNED` saying whether
its data was tuned on ("tuned (…)", "untouched", "split: tune part / untouched part", "speed, n/a"); the table
shows it in a "data" column. A metric measured on a split data set is a dict `{"tuned": v1, "untouched": v2}`
and is shown as both values side by side. The README's benchmark table is copied from the Markdown this writes
(bench-results/results.md), so every figure there comes from a run of the code as it is.

`python -m benchmarks.run [MODULE …]` runs the named modules only (results of earlier runs of the others stay in
bench-results/results.json and the table). A name that is not a benchmark module, or a listed module whose file
is missing or has no `TUNED`, is an error: the run stops before measuring anything.
"""

from __future__ import annotations

import importlib
import json
import platform
import sys
import time
import traceback
from pathlib import Path
from types import ModuleType

from benchmarks.common import Missing

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = ROOT / "bench-results"

# Order: cleaning, understanding, extraction, comparison, dyads, speed.
MODULES = (
    "seeds_clean",
    "aeb",
    "ingest_decode",
    "seeds_actors",
    "plover_gsr",
    "seeds_events",
    "judged_events",
    "seeds_figures",
    "partisan",
    "seeds_compare",
    "stories",
    "dyads",
    "corpus_scale",
    "ingest_speed",
    "end_to_end",
    "annotate_speed",
    "spanish_speed",
    "long_document",
    "load",
    "scale",
    "startup",
)
SPLIT = ("tuned", "untouched")


class BenchmarkError(Exception):
    """A benchmark named or listed that cannot run as a benchmark (no such module, no `TUNED`)."""


def load(name: str) -> ModuleType:
    """The benchmark module `name`, checked: raises BenchmarkError when it is not listed, absent or lacks TUNED."""
    if name not in MODULES:
        raise BenchmarkError(f"{name!r} is not a benchmark module (known: {', '.join(MODULES)})")
    if not (HERE / f"{name}.py").exists():
        raise BenchmarkError(f"{name!r} is listed in benchmarks/run.py but benchmarks/{name}.py is missing")
    module = importlib.import_module(f"benchmarks.{name}")
    if not isinstance(getattr(module, "TUNED", None), str) or not module.TUNED.strip():
        raise BenchmarkError(f"benchmarks/{name}.py has no TUNED string saying whether its data was tuned on")
    return module


def shown(value: object) -> str:
    """One table cell: floats without trailing zeros, a split value as "tuned X · untouched Y"."""
    if isinstance(value, dict):
        if set(value) != set(SPLIT):
            raise BenchmarkError(f"a split metric must have exactly the keys {SPLIT}, not {sorted(value)}")
        return " · ".join(f"{part} {shown(value[part])}" for part in SPLIT)
    if isinstance(value, float):
        return f"{value:,.3f}".rstrip("0").rstrip(".")
    return str(value)


def table(merged: dict[str, dict[str, object]], tuned: dict[str, str], when: str) -> str:
    """The Markdown table of every module in `merged`, in MODULES order."""
    machine = f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    lines = [f"Measured with `make bench` on {when} ({machine}).", "",
             "| benchmark | data | metric | value |", "|---|---|---|---|"]  # fmt: skip
    for name in [name for name in MODULES if name in merged]:
        for key, value in merged[name].items():
            cell = shown(value).replace("|", "\\|")
            lines.append(f"| {name} | {tuned.get(name, '?')} | {key} | {cell} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    names = list(sys.argv[1:] if argv is None else argv) or list(MODULES)
    try:
        modules = {name: load(name) for name in names}
    except BenchmarkError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    OUT.mkdir(exist_ok=True)
    results: dict[str, dict[str, object]] = {}
    failed = 0
    for name, module in modules.items():
        started = time.perf_counter()
        print(f"== {name} (data: {module.TUNED})", flush=True)
        try:
            metrics = module.main()
            for value in metrics.values():
                shown(value)  # a malformed split value fails here, with the module named
        except Missing as e:
            print(f"   skipped: {e}")
            continue
        except Exception:
            traceback.print_exc()
            failed += 1
            continue
        metrics["seconds (benchmark run)"] = round(time.perf_counter() - started, 1)
        results[name] = metrics
        for key, value in metrics.items():
            print(f"   {key}: {shown(value)}", flush=True)
    # results of earlier runs stay for benchmarks not selected this time (`make bench` runs them all)
    path = OUT / "results.json"
    merged = (json.loads(path.read_text()) if path.exists() else {}) | results
    path.write_text(json.dumps(merged, indent=1) + "\n")  # key order kept: the table lists metrics as measured
    tuned = {name: load(name).TUNED for name in MODULES if name in merged and (HERE / f"{name}.py").exists()}
    text = table(merged, tuned, time.strftime("%Y-%m-%d"))
    (OUT / "results.md").write_text(text, encoding="utf-8")
    print(text)
    if failed:
        print(f"error: {failed} benchmark module(s) failed (traceback above)", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
