"""Readers and byte decoding on real data: read speed over the AEB pages and the hyperpartisan JSONL, and how
often decoding gives back the exact text when the same real articles arrive in other encodings.

The gold article texts of AEB (English, Russian, Korean, Arabic …) are re-encoded the ways pages reach us:
undeclared UTF-8, UTF-8 wrongly declared Latin-1, a legacy code page with and without a declaration, UTF-16,
and UTF-8 mojibake. A case passes when decode() returns the gold text exactly (after NFC and "\\n").
"""

from __future__ import annotations

import contextlib
import json
import re
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

from bilateral.clean.decode import decode
from bilateral.errors import UnreadableSource
from bilateral.ingest import read_sources
from bilateral.model import RawDocument, Skipped

TUNED = "tuned (AEB texts re-encoded)"

# the legacy code page a text in this script would most likely have been published in
LEGACY = (
    ("cp1252", r"^[\x00-\xff‘’“”–—…€™•]*$"),
    ("cp1251", "[\u0400-\u04ff]"),
    ("euc_kr", "[\uac00-\ud7af]"),
)

Case = Callable[[str], tuple[bytes, str | None] | None]


def _legacy(text: str) -> str | None:
    for codec, pattern in LEGACY:
        if re.search(pattern, text):
            try:
                text.encode(codec)
            except UnicodeEncodeError:
                return None
            return codec
    return None


def _mojibake(text: str) -> tuple[bytes, str | None] | None:
    try:
        return text.encode().decode("cp1252").encode(), None
    except UnicodeDecodeError:
        return None  # bytes cp1252 leaves undefined cannot be garbled this way


def _legacy_case(text: str, *, declared: bool) -> tuple[bytes, str | None] | None:
    codec = _legacy(text)
    return (text.encode(codec), codec if declared else None) if codec else None


CASES: dict[str, Case] = {
    "UTF-8 undeclared": lambda text: (text.encode(), None),
    "UTF-8 declared Latin-1": lambda text: (text.encode(), "iso-8859-1"),
    "legacy code page declared": lambda text: _legacy_case(text, declared=True),
    "legacy code page undeclared": lambda text: _legacy_case(text, declared=False),
    "UTF-16 with BOM": lambda text: (text.encode("utf-16"), None),
    "UTF-8 mojibake": _mojibake,
}


def _expected(text: str) -> str:
    return re.sub("\r\n?|\u2028|\u2029", "\n", unicodedata.normalize("NFC", text))


def round_trips(texts: list[str]) -> dict[str, float | int | str]:
    metrics: dict[str, float | int | str] = {}
    for name, case in CASES.items():
        passed = tried = 0
        for text in texts:
            made = case(text)
            if made is None:
                continue
            body, encoding = made
            tried += 1
            with contextlib.suppress(UnreadableSource):  # a refusal is a failure like any other
                passed += decode(RawDocument("gold", body, "text", encoding=encoding)) == _expected(text)
        metrics[f"decode: {name} exact %"] = round(100 * passed / tried, 1) if tried else "n/a"
        metrics[f"decode: {name} cases"] = tried
    return metrics


def read_speed(source: Path, label: str) -> dict[str, float | int | str]:
    started = time.perf_counter()
    documents = skipped = size = 0
    for item in read_sources([str(source)]):
        if isinstance(item, Skipped):
            skipped += 1
            continue
        size += len(item.body)
        try:
            decode(item)
            documents += 1
        except UnreadableSource:
            skipped += 1
    seconds = time.perf_counter() - started
    return {
        f"readers: {label} documents": documents,
        f"readers: {label} skipped": skipped,
        f"readers: {label} read+decode MB/s per core": round(size / 1e6 / seconds, 1),
    }


def main() -> dict[str, float | int | str]:
    from benchmarks.common import EVAL, need

    gold = json.loads(need(EVAL / "aeb" / "ground-truth.json").read_text(encoding="utf-8"))
    texts = [record["articleBody"] for record in gold.values() if record["articleBody"].strip()]
    metrics = round_trips(texts)
    metrics.update(read_speed(need(EVAL / "aeb" / "html"), "AEB html.gz"))
    metrics.update(read_speed(need(EVAL / "hyperpartisan" / "train.jsonl"), "hyperpartisan JSONL"))
    return metrics


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: find `benchmarks`
    for key, value in main().items():
        print(f"{key}: {value}")
