"""`make bench`: run every benchmark module, print one table, and keep the results in bench-results/.

Each module in this folder exposes `main() -> dict[str, value]`. The README's benchmark table is copied from the
Markdown this writes (bench-results/results.md), so every figure there comes from a run of the code as it is.
"""

from __future__ import annotations

import importlib
import json
import platform
import sys
import time
import traceback
from pathlib import Path

from benchmarks.common import Missing

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = ROOT / "bench-results"

# Order: cleaning, understanding, extraction, speed; a module absent from the tree is reported as such.
MODULES = (
    "seeds_clean",
    "aeb",
    "ingest_decode",
    "seeds_actors",
    "plover_gsr",
    "seeds_events",
    "seeds_figures",
    "partisan",
    "seeds_compare",
    "stories",
    "corpus_scale",
    "ingest_speed",
    "end_to_end",
    "annotate_speed",
)


def main() -> int:
    OUT.mkdir(exist_ok=True)
    only = set(sys.argv[1:])
    results: dict[str, dict[str, object]] = {}
    failed = 0
    for name in MODULES:
        if only and name not in only:
            continue
        if not (HERE / f"{name}.py").exists():
            continue
        started = time.perf_counter()
        print(f"== {name}", flush=True)
        try:
            metrics = importlib.import_module(f"benchmarks.{name}").main()
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
            print(f"   {key}: {value}", flush=True)
    # results of earlier runs stay for benchmarks not selected this time (`make bench` runs them all)
    path = OUT / "results.json"
    merged = (json.loads(path.read_text()) if path.exists() else {}) | results
    path.write_text(json.dumps(merged, indent=1, sort_keys=True) + "\n")
    machine = f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    lines = [f"Measured with `make bench` on {time.strftime('%Y-%m-%d')} ({machine}).", "",
             "| benchmark | metric | value |", "|---|---|---|"]  # fmt: skip
    for name in [name for name in MODULES if name in merged]:
        for key, value in merged[name].items():
            shown = f"{value:,.3f}".rstrip("0").rstrip(".") if isinstance(value, float) else value
            lines.append(f"| {name} | {key} | {shown} |")
    (OUT / "results.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
