"""The README's main command on the bundled corpus: what `make demo` runs, checked end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bilateral.annotate.nlp import analysed
from bilateral.cli.main import app
from tests.conftest import EXAMPLES


@pytest.mark.model
def test_run_on_the_example_corpus_writes_every_export(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app, ["--db", str(tmp_path / "b.db"), "--quiet", "run", str(EXAMPLES), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads((out / "map.json").read_text())
    documents = data["documents"]
    assert len(documents) == 23
    assert sum(document["duplicate_of"] is not None for document in documents) == 2
    languages = {document["id"]: document["language"] for document in documents}
    assert all(document["text"] for document in documents)
    assert sorted(languages.values()).count("es") == 3 and sorted(languages.values()).count("en") == 20
    assert sum(bool(document["published"]) for document in documents) >= 21
    assert {path.name for path in (out / "parquet").iterdir()} >= {"documents.parquet", "events.parquet"}
    plover = [json.loads(line) for line in (out / "events.plover.jsonl").read_text().splitlines()]
    assert len(plover) == len(data["events"]) > 0
    assert {record["id"] for record in plover} == {event["id"] for event in data["events"]}
    assert (
        "http://" not in (out / "briefing.html").read_text() and "https://" not in (out / "briefing.html").read_text()
    )
    originals = [document for document in documents if document["duplicate_of"] is None]
    english = [document for document in originals if document["language"] == "en"]
    assert all(document["genre"] in {"news", "opinion", "analysis", "statement"} for document in english)
    assert all(0 <= document["partisanship"] <= 1 and document["issues"] for document in english)
    # the comparison models read English only: Spanish articles are not scored as if they were English
    spanish = [document for document in originals if document["language"] == "es"]
    assert all(document["genre"] is None and document["partisanship"] is None for document in spanish)
    assert all(languages[stance["document"]] == "en" for stance in data["stances"])
    assert data["stances"] and all(stance["evidence"] for stance in data["stances"])
    text = {document["id"]: document["text"] for document in documents}
    for stance in data["stances"]:
        for span in stance["evidence"]:
            assert text[stance["document"]][span["start"] : span["end"]] == span["text"]
    assert {actor["id"] for actor in data["actors"]} >= {"joe-biden", "andres-manuel-lopez-obrador", "MEX-GOV"}
    if not analysed("es"):
        assert "analysed 18 of" in result.output
        return
    assert "analysed 21 of 21" in result.output
    # stories told in both languages: each Spanish article reports a happening an English one does, and is in a
    # story with it; one (the October 2021 security framework) can only be linked through the countries on its
    # events' sides, their side of action, their dates and the actors both documents name (no shared word)
    events = {event["id"]: event["document"] for event in data["events"]}
    told = [{events[e] for e in story["events"]} for story in data["stories"]]
    both = [documents for documents in told if {languages[d] for d in documents} == {"en", "es"}]
    assert {d for documents in both for d in documents if languages[d] == "es"} == {d["id"] for d in spanish}
    # and one count compared across the two languages
    compared = [{languages[side["document"]] for side in c["sides"]} for c in data["figure_comparisons"]]
    assert {"en", "es"} in compared
