"""The file and folder reader: kinds, order, gzip, size cap, and every bad file skipped with its reason."""

from __future__ import annotations

import gzip
import os
import zlib
from pathlib import Path

import pytest

from bilateral.ingest import count_inputs, read_sources
from bilateral.ingest.files import TooLarge, read_bytes, read_path, suffix
from bilateral.model import RawDocument, Skipped

PAGE = b"<!DOCTYPE html><html><head><title>T</title></head><body><p>%s</p></body></html>" % (b"Talks. " * 80)
TEXT = b"Mexico and the United States agreed on a migration plan at the border.\n" * 20


def read(*sources: str | Path, max_bytes: int = 20_000_000) -> list[RawDocument | Skipped]:
    return list(read_sources([str(s) for s in sources], max_bytes=max_bytes))


def only(items: list[RawDocument | Skipped]) -> RawDocument | Skipped:
    assert len(items) == 1, items
    return items[0]


def reason(items: list[RawDocument | Skipped]) -> str:
    item = only(items)
    assert isinstance(item, Skipped), item
    return item.reason


def test_suffix_sees_through_gzip() -> None:
    assert suffix(Path("a/b.HTML.gz")) == (".html", True)
    assert suffix(Path("a/b.txt")) == (".txt", False)
    assert suffix(Path("archive.gz")) == ("", True)
    assert suffix(Path("README")) == ("", False)


def test_folder_is_read_recursively_in_sorted_path_order(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / "a.md").write_bytes(TEXT)
    (tmp_path / "b" / "page.htm").write_bytes(PAGE)
    (tmp_path / "b" / "deep" / "c.xhtml.gz").write_bytes(gzip.compress(PAGE))
    (tmp_path / "b" / "z.txt").write_bytes(TEXT)
    items = read(tmp_path)
    names = [(i.source[len(str(tmp_path)) + 1 :], i.kind) for i in items if isinstance(i, RawDocument)]
    assert names == [
        ("a.md", "text"),
        ("b/deep/c.xhtml.gz", "html"),
        ("b/page.htm", "html"),
        ("b/z.txt", "text"),
    ]
    assert count_inputs([str(tmp_path)]) == 4


def test_gzip_body_is_decompressed(tmp_path: Path) -> None:
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE))
    item = only(read(tmp_path / "page.html.gz"))
    assert isinstance(item, RawDocument) and item.body == PAGE and item.kind == "html"


def test_unknown_and_hidden_files_in_a_folder_are_ignored_silently(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_bytes(TEXT)
    (tmp_path / ".draft.txt").write_bytes(TEXT)
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04\x00\x00")
    (tmp_path / "article.txt").write_bytes(TEXT)
    assert [Path(i.source).name for i in read(tmp_path)] == ["article.txt"]
    assert count_inputs([str(tmp_path)]) == 1


def test_a_txt_that_is_a_saved_web_page_is_html(tmp_path: Path) -> None:
    (tmp_path / "saved.txt").write_bytes(b"\xef\xbb\xbf\n  " + PAGE)
    (tmp_path / "mentions.txt").write_bytes(b"The <p> tag was discussed in the article.\n" * 5)
    kinds = {Path(i.source).name: i.kind for i in read(tmp_path) if isinstance(i, RawDocument)}
    assert kinds == {"mentions.txt": "text", "saved.txt": "html"}


def test_a_named_file_of_unknown_type_is_sniffed(tmp_path: Path) -> None:
    (tmp_path / "page.php").write_bytes(PAGE)
    (tmp_path / "story").write_bytes(TEXT)
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\n1 0 obj\x00\x00stream")
    page, story = read(tmp_path / "page.php"), read(tmp_path / "story")
    assert isinstance(only(page), RawDocument) and only(page).kind == "html"  # type: ignore[union-attr]
    assert isinstance(only(story), RawDocument) and only(story).kind == "text"  # type: ignore[union-attr]
    assert reason(read(tmp_path / "report.pdf")) == "unsupported file type (.pdf): binary content (NUL bytes)"


@pytest.mark.parametrize(
    ("name", "content", "reason_"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.html", b" \n\t\r\n", "empty file"),
        ("blank.txt.gz", gzip.compress(b"\n\n"), "empty file"),
        ("nul.txt", b"text\x00with\x00nuls" * 10, "binary content (NUL bytes)"),
        ("controls.html", bytes(range(1, 9)) * 100, "binary content (mostly control characters)"),
        ("cut.txt.gz", gzip.compress(TEXT)[:-30], "gzip stream truncated"),
        ("plain.html.gz", PAGE, "not a gzip file (the name ends in .gz but the content is not compressed)"),
    ],
)
def test_bad_files_are_skipped(tmp_path: Path, name: str, content: bytes, reason_: str) -> None:
    (tmp_path / name).write_bytes(content)
    assert reason(read(tmp_path / name)) == reason_


def test_gzip_with_a_bad_checksum_is_damaged(tmp_path: Path) -> None:
    data = bytearray(gzip.compress(TEXT))
    data[-8] ^= 0xFF  # the CRC32 in the trailer
    (tmp_path / "crc.txt.gz").write_bytes(bytes(data))
    assert reason(read(tmp_path / "crc.txt.gz")).startswith("gzip stream damaged")


def test_size_cap_applies_to_plain_and_decompressed_size(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(TEXT * 10)
    # compresses to far less than the cap: only the decompressed size may count
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a " * 50_000))
    (tmp_path / "fits.txt").write_bytes(TEXT)
    items = read(tmp_path, max_bytes=5_000)
    skipped = {Path(i.source).name: i.reason for i in items if isinstance(i, Skipped)}
    assert skipped == {
        "big.txt": "larger than the 5 kB limit (use --max-bytes)",
        "bomb.txt.gz": "larger than the 5 kB limit (use --max-bytes)",
    }
    assert [Path(i.source).name for i in items if isinstance(i, RawDocument)] == ["fits.txt"]


def test_decompression_stops_at_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"\n" * 2_000_000))
    asked: list[int] = []
    real = zlib.decompressobj

    class Spy:
        def __init__(self, **options: int) -> None:
            self.inner = real(**options)

        def decompress(self, data: bytes, max_length: int = 0) -> bytes:
            asked.append(max_length)
            return self.inner.decompress(data, max_length)

    monkeypatch.setattr("bilateral.ingest.files.zlib.decompressobj", Spy)
    with pytest.raises(TooLarge):
        read_bytes(tmp_path / "bomb.txt.gz", max_bytes=1_000)
    assert asked == [1_001]


def test_malformed_html_is_still_read(tmp_path: Path) -> None:
    broken = b"<html><body><div><p>Unclosed paragraph <b>bold <i>both</b></i><table><tr><td>cell"
    (tmp_path / "broken.html").write_bytes(broken)
    item = only(read(tmp_path / "broken.html"))
    assert isinstance(item, RawDocument) and item.body == broken and item.kind == "html"


def test_missing_path_is_skipped_and_the_rest_still_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_bytes(TEXT)
    items = read(tmp_path / "missing.txt", tmp_path / "good.txt", tmp_path / "empty.txt")
    assert isinstance(items[0], Skipped) and items[0].reason == "no such file or folder"
    assert isinstance(items[1], RawDocument) and items[1].body == TEXT
    assert len(items) == 3
    assert count_inputs([str(tmp_path / "missing.txt"), str(tmp_path / "good.txt")]) == 2


def test_unreadable_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # chmod cannot lock root out, so the refusal is simulated where the reader reads
    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    (tmp_path / "locked.txt").write_bytes(TEXT)
    (tmp_path / "open.txt").write_bytes(TEXT)
    monkeypatch.setattr(Path, "read_bytes", lambda self: refuse(self) if self.name == "locked.txt" else TEXT)
    items = read(tmp_path)
    assert isinstance(items[0], Skipped) and items[0].reason == "cannot read the file (Permission denied)"
    assert isinstance(items[1], RawDocument)


def test_symlinked_folder_loop_is_walked_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "story.txt").write_bytes(TEXT)
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
    assert [Path(i.source).name for i in read_path(tmp_path, max_bytes=10**6)] == ["story.txt"]


def test_containers_make_the_count_unknown(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(TEXT)
    (tmp_path / "dump.jsonl.gz").write_bytes(gzip.compress(b'{"text": "x"}\n'))
    assert count_inputs([str(tmp_path)]) is None
    assert count_inputs([str(tmp_path / "a.txt")]) == 1
    assert count_inputs([str(tmp_path / "a.txt"), "https://example.org/a"]) is None


def test_a_folder_that_cannot_be_listed_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "closed").mkdir()
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_bytes(TEXT)
    real_scandir = os.scandir

    def scandir(path: Path) -> object:
        if Path(path).name == "closed":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = read(tmp_path)
    assert [(Path(i.source).name, type(i).__name__) for i in items] == [
        ("closed", "Skipped"),
        ("a.txt", "RawDocument"),
    ]
    assert isinstance(items[0], Skipped) and items[0].reason == "cannot list the folder (Permission denied)"
