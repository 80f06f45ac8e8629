"""Sharded input: a glob of JSONL(.gz) shards is read shard by shard, in sorted order, as one stream."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from bilateral.ingest import count_inputs, read_sources
from bilateral.model import RawDocument, Skipped


def write_shard(path: Path, ids: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = "".join(json.dumps({"id": id, "text": f"Report {id} on the harbour works."}) + "\n" for id in ids)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as handle:
        handle.write(lines)


def test_a_glob_reads_every_matching_shard_in_sorted_order(tmp_path: Path) -> None:
    write_shard(tmp_path / "day-2" / "part-0.jsonl.gz", ["c", "d"])
    write_shard(tmp_path / "day-1" / "part-1.jsonl", ["b"])
    write_shard(tmp_path / "day-1" / "part-0.jsonl.gz", ["a"])
    write_shard(tmp_path / "other" / "part-0.jsonl.gz", ["x"])  # outside the pattern
    pattern = str(tmp_path / "day-*" / "part-*.jsonl*")
    items = list(read_sources([pattern]))
    assert [item.id for item in items if isinstance(item, RawDocument)] == ["a", "b", "c", "d"]
    assert count_inputs([pattern]) is None  # shards hold any number of documents


def test_a_recursive_glob_finds_shards_at_any_depth(tmp_path: Path) -> None:
    write_shard(tmp_path / "a" / "b" / "c" / "s.jsonl.gz", ["deep"])
    write_shard(tmp_path / "s.jsonl.gz", ["top"])
    items = list(read_sources([str(tmp_path / "**" / "*.jsonl.gz")]))
    assert sorted(item.id or "" for item in items if isinstance(item, RawDocument)) == ["deep", "top"]


def test_a_pattern_matching_nothing_is_one_skipped_item(tmp_path: Path) -> None:
    pattern = str(tmp_path / "none-*.jsonl.gz")
    assert list(read_sources([pattern])) == [Skipped(pattern, "no file matches this pattern")]


def test_a_file_whose_name_looks_like_a_pattern_is_read_as_a_file(tmp_path: Path) -> None:
    path = tmp_path / "report[1].txt"
    path.write_text("The port reopened after the storm.", encoding="utf-8")
    items = list(read_sources([str(path)]))
    assert [item.source for item in items] == [str(path)]
