"""Start-up time of the `bilateral` command: `--version` and `--help` in a fresh interpreter, end to end.

Each call is a new process (what a person waits for); the median of several runs is reported, next to a bare
`python -c pass` in the same run as the anchor. Aim: under 0.5 s on a quiet machine.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

TUNED = "speed, n/a"
RUNS = 7


def seconds(args: list[str]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([sys.executable, *args], check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 3)


def main() -> dict[str, float]:
    return {
        "bilateral --version s (median)": seconds(["-m", "bilateral.cli", "--version"]),
        "bilateral --help s (median)": seconds(["-m", "bilateral.cli", "--help"]),
        "python -c pass s (anchor)": seconds(["-c", "pass"]),
    }


if __name__ == "__main__":
    for key, value in main().items():
        print(f"{key}: {value}")
