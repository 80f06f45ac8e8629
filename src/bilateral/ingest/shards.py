"""Sharded input: a glob pattern ("dumps/2024-*/part-*.jsonl.gz") names every file it matches, in sorted order.

Each shard is then read by its own reader, which streams it (JSONL line by line, WARC record by record), so a
corpus of any number of shards is read in constant memory: nothing here lists more than the file names.
"""

from __future__ import annotations

import glob
from pathlib import Path

_MAGIC = frozenset("*?[")


def is_pattern(source: str) -> bool:
    """True when `source` is a glob pattern rather than a path that exists (a file may be named "a[1].txt")."""
    return any(c in _MAGIC for c in source) and not Path(source).exists()


def expand(pattern: str) -> list[Path]:
    """The files (not folders) the pattern matches, sorted; `**` matches folders at any depth."""
    return sorted(Path(name) for name in glob.iglob(pattern, recursive=True) if Path(name).is_file())
