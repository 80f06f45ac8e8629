"""Where the shared evaluation data lives, and a clear message when it is absent."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
SEEDS = SHARED / "seeds"


class Missing(Exception):
    """The evaluation data a benchmark needs is not beside the project."""


def need(path: Path) -> Path:
    if not path.exists():
        raise Missing(f"{path} is absent (../shared/eval beside the project)")
    return path
