"""Documents arriving in an analysed store: the exports equal a run over the whole corpus.

The articles are written for this test (invented people, real countries).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilateral.pipeline import analyze, ingest
from bilateral.store.db import connect

EARLIER = {
    "c1": "Marisol Anaya Whitfield, Chile's foreign minister, met Peru's trade envoy in Lima on Monday to discuss "
    "copper exports.",
    "c2": "Marisol Whitfield, Chile's foreign minister, said talks with Peru on fishing rights would resume in June.",
}
# names only the surname, which two people of the earlier documents carry until the corpus pass merges them
ARRIVING = {"c3": "Whitfield said on Friday that Chile would not raise tariffs on Peruvian grain this year."}


def _write(path: Path, articles: dict[str, str]) -> Path:
    lines = [json.dumps({"id": id, "text": text, "published": "2022-03-07"}) for id, text in articles.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _export(store: Path, path: Path) -> bytes:
    from bilateral.export import write_export

    db = connect(store)
    try:
        (written,) = write_export(db, "json", path)
    finally:
        db.close()
    return written.read_bytes()


@pytest.mark.model
def test_documents_arriving_beside_earlier_ones_export_what_a_run_over_all_of_them_does(tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"  # one path, grown: every document keeps its source
    db = connect(tmp_path / "grown.db")
    ingest(db, [str(_write(articles, EARLIER))])
    assert analyze(db).analysed == len(EARLIER)
    ingest(db, [str(_write(articles, EARLIER | ARRIVING))])
    assert analyze(db).analysed == len(ARRIVING)
    db.close()
    db = connect(tmp_path / "whole.db")
    ingest(db, [str(articles)])
    assert analyze(db).analysed == len(EARLIER) + len(ARRIVING)
    db.close()
    assert _export(tmp_path / "grown.db", tmp_path / "grown.json") == _export(
        tmp_path / "whole.db", tmp_path / "whole.json"
    )
