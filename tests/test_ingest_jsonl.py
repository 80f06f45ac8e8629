"""The JSONL reader: one document per line with its metadata; bad lines skipped with their line numbers."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from bilateral.ingest import read_sources
from bilateral.ingest.jsonl import authors, parse_line
from bilateral.model import RawDocument, Skipped

TEXT = "Mexico agreed to deploy troops to its southern border after tariff threats. " * 10


def read(path: Path, *, max_bytes: int = 20_000_000) -> list[RawDocument | Skipped]:
    return list(read_sources([str(path)], max_bytes=max_bytes))


def line(**record: object) -> str:
    return json.dumps(record, ensure_ascii=False)


def test_lines_become_documents_with_their_metadata(tmp_path: Path) -> None:
    dump = tmp_path / "wire.jsonl"
    record = line(
        id=17,
        text=TEXT,
        url="https://example.org/a",
        title="Troops south",
        published="2019-06-08",
        outlet="Wire",
        authors=["Ana Ruiz", {"name": "Tom Lee"}, "Ana Ruiz"],
    )
    dump.write_text(record + "\n" + line(id="b", html="<p>Señal</p>") + "\n", encoding="utf-8")
    first, second = read(dump)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert (first.source, first.id, first.kind, first.encoding) == (f"{dump}:1", "17", "text", "utf-8")
    assert (first.url, first.title, first.published, first.outlet) == (
        "https://example.org/a",
        "Troops south",
        "2019-06-08",
        "Wire",
    )
    assert first.authors == ("Ana Ruiz", "Tom Lee")
    assert first.body == TEXT.encode()
    assert (second.source, second.kind, second.body) == (f"{dump}:2", "html", "<p>Señal</p>".encode())


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Ana Ruiz and Tom Lee", ("Ana Ruiz", "Tom Lee")),
        ("Ana Ruiz, Tom Lee & Li Wei", ("Ana Ruiz", "Tom Lee", "Li Wei")),
        ("Ruiz, Ana; Lee, Tom", ("Ruiz, Ana", "Lee, Tom")),
        ("Alexandra Anderson", ("Alexandra Anderson",)),
        (None, ()),
        (42, ()),
    ],
)
def test_author_forms(value: object, expected: tuple[str, ...]) -> None:
    assert authors(value) == expected


def test_html_is_preferred_when_a_line_has_both() -> None:
    item = parse_line(line(text="plain words", html="<p>page</p>"), source="d:1", number=1)
    assert isinstance(item, RawDocument) and item.kind == "html"
    fallback = parse_line(line(text="plain words", html="  "), source="d:1", number=1)
    assert isinstance(fallback, RawDocument) and fallback.kind == "text"


def test_bad_lines_are_skipped_with_line_numbers_and_the_rest_read(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes(
        b"\n".join(
            [
                line(id="a", text=TEXT).encode(),
                b"{not json",
                b"",
                line(id="c", title="no body").encode(),
                b'["a", "list"]',
                line(id="d", text=12).encode(),
                b'{"text": "caf\xe9"}',
                line(id="e", text=TEXT).encode(),
            ]
        )
    )
    items = read(dump)
    got = [(Path(i.source).name, i.reason if isinstance(i, Skipped) else i.id) for i in items]
    assert got == [
        ("dump.jsonl:1", "a"),
        (
            "dump.jsonl:2",
            "line 2: invalid JSON (Expecting property name enclosed in double quotes at column 2)",
        ),
        ("dump.jsonl:4", "line 4: neither text nor html"),
        ("dump.jsonl:5", "line 5: not a JSON object"),
        ("dump.jsonl:6", "line 6: neither text nor html"),
        ("dump.jsonl:7", "line 7: not valid UTF-8 (byte 14)"),
        ("dump.jsonl:8", "e"),
    ]


def test_gzip_dump_and_byte_order_mark(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl.gz"
    dump.write_bytes(gzip.compress(b"\xef\xbb\xbf" + line(id="a", text=TEXT).encode() + b"\r\n"))
    item = read(dump)
    assert len(item) == 1 and isinstance(item[0], RawDocument) and item[0].id == "a"


def test_truncated_gzip_dump_keeps_whole_lines_and_reports_the_cut(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl.gz"
    lines = "".join(line(id=str(n), text=f"document number {n} " * 50) + "\n" for n in range(200))
    data = gzip.compress(lines.encode())
    dump.write_bytes(data[: len(data) // 2])
    items = read(dump)
    documents = [i for i in items if isinstance(i, RawDocument)]
    assert 0 < len(documents) < 200
    last = items[-1]
    assert isinstance(last, Skipped) and last.source == str(dump)
    assert last.reason.startswith("gzip stream truncated after line ")


def test_line_over_the_cap_is_skipped_without_losing_the_next(tmp_path: Path) -> None:
    dump = tmp_path / "dump.jsonl"
    dump.write_text(line(id="big", text="x" * 5000) + "\n" + line(id="small", text="fits") + "\n")
    big, small = read(dump, max_bytes=1000)
    assert isinstance(big, Skipped) and big.reason == "line 1: larger than the 1 kB limit (use --max-bytes)"
    assert isinstance(small, RawDocument) and small.id == "small" and small.source.endswith(":2")


def test_empty_dump_is_one_skip(tmp_path: Path) -> None:
    (tmp_path / "empty.jsonl").write_text("\n\n")
    items = read(tmp_path / "empty.jsonl")
    assert items == [Skipped(str(tmp_path / "empty.jsonl"), "empty file")]
