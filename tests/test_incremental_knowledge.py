"""A knowledge edit re-analyses only the documents it touches, and the exports then equal a full run's.

The articles and packs are written for this test (invented people and bodies, real countries).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilateral.pipeline import AnalyzeReport, analyze, ingest
from bilateral.store.db import connect

ARTICLES = {
    "a1": "Canadian trade minister Halvard Quenby met Brazil's ambassador in Ottawa on Tuesday to discuss steel "
    "tariffs. Quenby said Canada would lift the duties by March if Brazil cut its own.",
    "a2": "Brazil and Canada signed a fisheries accord on 4 May 2021. Halvard Quenby welcomed the accord, saying "
    "it would protect jobs on both coasts.",
    "a3": "India's foreign ministry criticised Kenya over a shipping dispute on Monday. Officials in New Delhi "
    "said talks with Nairobi would resume next month.",
    "a4": "Kenya agreed to buy 40,000 tonnes of Indian rice, the agriculture ministry in Nairobi said on Friday, "
    "a week after India lifted its export ban.",
    "a5": "The Velmoran Institute, a research group in Sao Paulo, said exports from Canada to Brazil rose 12 "
    "percent in 2020 while imports from Brazil fell.",
    "a6": "Brazil's president accused Canada of blocking a mining deal, and Ottawa rejected the charge on "
    "Thursday, saying talks would go on.",
}

QUENBY = {"id": "halvard-quenby", "name": "Halvard Quenby", "kind": "person", "country": "CAN", "sector": "GOV"}
VELMORAN = {"id": "velmoran-institute", "name": "Velmoran Institute", "kind": "organization", "country": "BRA"}


def pack(folder: Path, actors: list[dict[str, object]], **extra: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    data = {"pack": "test_people", "kind": "actors", "actors": actors, **extra}
    (folder / "people.yaml").write_text(json.dumps(data), encoding="utf-8")  # JSON is YAML
    return folder


def corpus(folder: Path) -> Path:
    path = folder / "articles.jsonl"
    lines = [json.dumps({"id": id, "text": text, "published": "2021-05-10"}) for id, text in ARTICLES.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(store: Path, knowledge: Path, articles: Path) -> tuple[AnalyzeReport, bytes]:
    from bilateral.export import write_export

    db = connect(store)
    try:
        ingest(db, [str(articles)])
        report = analyze(db, knowledge_dirs=[knowledge])
        assert not report.failed
        (path,) = write_export(db, "json", store.with_suffix(".json"))
    finally:
        db.close()
    return report, path.read_bytes()


EDITS = {
    # an added actor whose name only one article contains: that article matched no entry before
    "added": ([QUENBY], [QUENBY, VELMORAN], {}, {"a5"}),
    # an entry redefined (another country and an alias): the two articles naming it
    "changed": (
        [QUENBY, VELMORAN],
        [{**QUENBY, "country": "BRA", "aliases": ["Hal Quenby"]}, VELMORAN],
        {},
        {"a1", "a2"},
    ),
    # an entry removed: the articles that had named it
    "removed": ([QUENBY, VELMORAN], [QUENBY], {}, {"a5"}),
    # the pack's own keys changed (a dyad scope), not one entry: everything again
    "outside entries": ([QUENBY], [QUENBY], {"dyad": ["CAN", "BRA"]}, set(ARTICLES)),
}


@pytest.mark.model
@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_pack_edit_reanalyses_only_the_documents_it_touches_and_exports_equal_a_full_run(
    edit: str, tmp_path: Path
) -> None:
    before, after, extra, touched = EDITS[edit]
    articles = corpus(tmp_path)
    first, first_json = run(tmp_path / "store.db", pack(tmp_path / "v1", before), articles)
    assert first.analysed == len(ARTICLES)
    edited = pack(tmp_path / "v2", after, **extra)
    partial, partial_json = run(tmp_path / "store.db", edited, articles)
    full, full_json = run(tmp_path / "fresh.db", edited, articles)
    assert full.analysed == len(ARTICLES)
    assert partial.analysed == len(touched)
    assert partial.carried == len(ARTICLES) - len(touched)
    assert partial_json == full_json
    assert edit == "outside entries" or partial_json != first_json  # the edit shows in the exports
    again, again_json = run(tmp_path / "store.db", edited, articles)
    assert (again.analysed, again.carried, again_json) == (0, 0, full_json)


@pytest.mark.model
def test_analyze_after_a_pack_edit_says_how_many_documents_kept_their_analysis(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from bilateral.cli.main import app

    store, articles = str(tmp_path / "store.db"), corpus(tmp_path)
    runner = CliRunner()
    assert runner.invoke(app, ["--db", store, "ingest", str(articles)]).exit_code == 0
    first = runner.invoke(app, ["--db", store, "analyze", "-k", str(pack(tmp_path / "v1", [QUENBY])), "--workers", "1"])
    assert first.exit_code == 0 and f"analysed {len(ARTICLES)} of {len(ARTICLES)}" in first.output
    edited = pack(tmp_path / "v2", [QUENBY, VELMORAN])
    second = runner.invoke(app, ["--db", store, "analyze", "-k", str(edited), "--workers", "1"])
    assert second.exit_code == 0, second.output
    assert "analysed 1 of 1 " in second.output
    assert f"{len(ARTICLES) - 1} document(s) it does not touch kept their analysis" in second.output
