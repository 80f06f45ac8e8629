"""Bytes to text: BOMs, declared and meta charsets, detection, mojibake repair, newlines and NFC, and the
inputs that must be refused."""

from __future__ import annotations

import html
import json
import random
from pathlib import Path

import pytest

from bilateral.clean.decode import decode
from bilateral.errors import UnreadableSource
from bilateral.ingest import read_sources
from bilateral.model import RawDocument

SPANISH = "El presidente López Obrador dijo que México no aceptará aranceles; la señora Ébrard sonrió. "
POLISH = "Prezydent Polski spotkał się z ambasadorem w Warszawie; rozmowy dotyczyły bezpieczeństwa. "
QUOTES = "Mexico’s envoy said “no deal” — and left. "


def text_of(body: bytes, kind: str = "text", encoding: str | None = None) -> str:
    return decode(RawDocument("doc", body, kind, encoding=encoding))


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"", "empty file"),
        (b" \r\n\t ", "empty file"),
        (b"\xef\xbb\xbf\n", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary content (NUL bytes)"),
        (bytes(range(1, 9)) * 200, "binary content (mostly control characters)"),
        (random.Random(7).randbytes(4000).translate(bytes(range(128, 256)) * 2), "undecodable content"),
    ],
    ids=["empty", "whitespace", "bom-only", "png", "controls", "random-high-bytes"],
)
def test_unreadable_content_raises_with_a_reason(body: bytes, reason: str) -> None:
    with pytest.raises(UnreadableSource) as caught:
        text_of(body)
    assert caught.value.source == "doc" and caught.value.reason.startswith(reason)


@pytest.mark.parametrize(
    ("body", "encoding"),
    [
        (b"\xef\xbb\xbf" + SPANISH.encode(), None),
        (SPANISH.encode("utf-16"), None),  # with BOM
        (SPANISH.encode("utf-32"), None),
        (SPANISH.encode("utf-16-le"), None),  # no BOM: found by the NUL pattern
        (SPANISH.encode("utf-16-be"), None),
        (SPANISH.encode("utf-16-le"), "UTF-16LE"),
        (SPANISH.encode("cp1252"), "windows-1252"),
        (SPANISH.encode("latin-1"), None),  # detected
        (SPANISH.encode("iso-8859-15"), "iso-8859-15"),
    ],
)
def test_spanish_in_any_encoding(body: bytes, encoding: str | None) -> None:
    assert text_of(body, encoding=encoding).strip() == SPANISH.strip()


def test_latin1_declaration_means_windows_1252() -> None:
    # browsers read ISO-8859-1 as windows-1252; pages rely on it for curly quotes and dashes
    assert text_of(QUOTES.encode("cp1252"), encoding="ISO-8859-1") == QUOTES


def test_valid_utf8_wins_over_a_wrong_declaration() -> None:
    assert text_of(QUOTES.encode(), encoding="iso-8859-1") == QUOTES
    page = f'<html><head><meta charset="windows-1252"></head><body>{SPANISH}</body></html>'
    assert SPANISH in text_of(page.encode(), kind="html")


def test_meta_charset_and_xml_declaration_are_used_for_html() -> None:
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">' + SPANISH + "€"
    assert text_of(meta.encode("iso-8859-15"), kind="html").endswith(SPANISH + "€")
    xml = '<?xml version="1.0" encoding="koi8-r"?><html><p>Москва и Мехико</p></html>'
    assert "Москва и Мехико" in text_of(xml.encode("koi8-r"), kind="html")


def test_an_unknown_declared_charset_is_ignored() -> None:
    assert text_of(SPANISH.encode("cp1252"), encoding="x-no-such-charset").strip() == SPANISH.strip()


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Президент Мексики встретился с послом США в столице. " * 6, "cp1251"),
        ("メキシコと米国の首脳は国境と移民について協議した。" * 6, "shift_jis"),
        ("墨西哥与美国领导人讨论了边境和移民问题。" * 6, "gb18030"),
    ],
)
def test_other_scripts_are_detected(text: str, codec: str) -> None:
    assert text_of(text.encode(codec)) == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("El presidente dijo que “no habrá aranceles” y la señora Ébrard sonrió. ", "cp1252"),
        ("Il ministro ha detto che però non c’è più tempo per trattare. ", "cp1252"),
        # a single short Polish sentence is ambiguous even to a person; a paragraph is not
        (POLISH * 2, "cp1250"),
        ("The envoy’s aides said “no deal” — talks ended… ", "cp1252"),
    ],
)
def test_latin_code_pages_without_a_declaration(text: str, codec: str) -> None:
    assert text_of(text.encode(codec)) == text


def test_declared_iso_2022_jp_is_not_taken_for_utf8() -> None:
    text = "日本と米国は貿易について協議した。"
    page = b'<meta charset="iso-2022-jp">' + text.encode("iso2022_jp")
    assert text_of(page, kind="html").endswith(text)


def test_mojibake_is_repaired() -> None:
    original = "Mexico’s envoy — and the café owner — left."
    garbled = original.encode().decode("cp1252").encode()  # UTF-8 read as windows-1252, saved again as UTF-8
    assert text_of(garbled) == original
    assert text_of("LÃ³pez Obrador said".encode()) == "López Obrador said"


def test_clean_text_is_left_alone() -> None:
    odd = "Ångström, naïve façade — “quoted” ½ ﬁne Ａ full-width"
    assert text_of(odd.encode()) == odd


def test_newlines_and_unicode_are_normalised() -> None:
    messy = "cafe\u0301\r\nline two\rline three\u2028four"
    assert text_of(messy.encode()) == "café\nline two\nline three\nfour"


def test_byte_order_mark_is_not_kept() -> None:
    assert text_of(b"\xef\xbb\xbfwith bom") == "with bom"
    assert not text_of("with bom".encode("utf-16")).startswith("\ufeff")


@pytest.mark.eval
def test_real_pages_decode_with_every_accented_gold_word_intact() -> None:
    """On the AEB news pages, every non-ASCII word of the gold text must come out of decode() unchanged."""
    root = Path(__file__).resolve().parents[1] / ".." / "shared" / "eval" / "aeb"
    if not root.exists():
        pytest.skip(f"evaluation data {root} is absent (it lives in ../shared/eval beside the project)")
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {Path(item.source).name: item for item in read_sources([str(root / "html")])}
    assert len(pages) == len(gold) and all(isinstance(page, RawDocument) for page in pages.values())
    missing: list[str] = []
    for key, record in gold.items():
        page = pages[f"{key}.html.gz"]
        assert isinstance(page, RawDocument)
        text = html.unescape(decode(page))
        words = {word.strip('.,;:!?()«»"“”') for word in record["articleBody"].split()}
        missing += [w for w in words if len(w) >= 4 and w.isalpha() and not w.isascii() and w not in text]
    assert missing == []
