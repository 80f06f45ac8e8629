"""The same corpus gives the same bytes: `bilateral run` on the example corpus in two separate processes (different
hash seeds, separate stores and output folders) writes identical exports — map, PLOVER events, CSV, Parquet and
the briefing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES


def run_cli(workdir: Path, hash_seed: str) -> dict[str, bytes]:
    """Run the whole job in a fresh process and store; returns {path under the output folder: bytes}."""
    workdir.mkdir()
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(
        [sys.executable, "-m", "bilateral.cli", "-q", "--db", "x.db", "run", str(EXAMPLES), "--out", "out"],
        cwd=workdir,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    out = workdir / "out"
    return {str(path.relative_to(out)): path.read_bytes() for path in sorted(out.rglob("*")) if path.is_file()}


@pytest.mark.model
def test_two_processes_write_byte_identical_exports(tmp_path: Path) -> None:
    first = run_cli(tmp_path / "a", "1")
    second = run_cli(tmp_path / "b", "2")
    assert {"map.json", "events.plover.jsonl", "briefing.html", "csv/events.csv"} <= set(first)
    data = json.loads(first["map.json"])  # the corpus was analysed: not an empty map
    assert data["events"] and data["figures"] and data["stories"] and data["figure_comparisons"]
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
