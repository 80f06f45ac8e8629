"""Pack entries and their digests, the names that find them in a text, and stored results read back whole."""

from __future__ import annotations

import json
import zlib
from pathlib import Path
from typing import Any

import pytest

from bilateral.compare import FrameUse, Genre, Stance
from bilateral.knowledge import Pack, Packs
from bilateral.knowledge.entries import REST, pack_entries
from bilateral.model import Actor, Analysis, DateMention, Event, Figure, Linkage, Mention, Place, SentenceIssues
from bilateral.store.results import decode, encode


def packs(*specs: tuple[str, dict[str, Any]]) -> Packs:
    return Packs(tuple(Pack(f"p{i}", kind, Path(f"p{i}.yaml"), data) for i, (kind, data) in enumerate(specs)))


ORSA = {"id": "orsa-penn", "name": "Orsa Penn", "kind": "person", "country": "NOR", "aliases": ["Orsa Pénn-Ly"]}
DEFENSE = {"id": "tarvik-defense", "name": "Tarvik Defense Board", "kind": "organization", "aliases": ["TDB"]}
ISSUES = ("issues", {"issues": {"fishing": {"terms": ["quota"]}}})


def actors(*entries: dict[str, Any], **extra: Any) -> tuple[str, dict[str, Any]]:
    return ("actors", {"actors": list(entries), **extra})


def test_an_edit_of_one_entry_changes_that_entry_only() -> None:
    before = pack_entries(packs(actors(ORSA, DEFENSE), ISSUES)).digests
    moved = pack_entries(packs(actors({**ORSA, "country": "SWE"}, DEFENSE), ISSUES))
    assert moved.changed(before) == {"actor:orsa-penn"}
    added = pack_entries(packs(actors(ORSA, DEFENSE, {"id": "x", "name": "Lund Kae", "kind": "person"}), ISSUES))
    assert added.changed(before) == {"actor:x"}
    removed = pack_entries(packs(actors(DEFENSE), ISSUES))
    assert removed.changed(before) == {"actor:orsa-penn"}
    reordered = pack_entries(packs(actors(DEFENSE, ORSA), ISSUES))
    assert reordered.changed(before) == set()


def test_a_user_pack_of_one_actor_is_that_one_entry() -> None:
    before = pack_entries(packs(actors(ORSA, DEFENSE), ISSUES)).digests
    user = ("actors", {"pack": "my_people", "actors": [{**DEFENSE, "aliases": ["TDB", "the Tarvik board"]}]})
    assert pack_entries(packs(actors(ORSA, DEFENSE), ISSUES, user)).changed(before) == {"actor:tarvik-defense"}


def test_an_edit_outside_the_entries_touches_everything() -> None:
    before = pack_entries(packs(actors(ORSA), ISSUES)).digests
    issues = ("issues", {"issues": {"fishing": {"terms": ["quota", "trawler"]}}})
    assert pack_entries(packs(actors(ORSA), issues)).changed(before) is None
    assert pack_entries(packs(actors(ORSA, dyad=["NOR", "ISL"]), ISSUES)).changed(before) is None
    assert REST in before


def test_an_actor_defined_in_two_packs_is_one_entry_with_the_names_of_both() -> None:
    translation = actors({**ORSA, "aliases": ["la ministra Penn"]}, language="es")
    entries = pack_entries(packs(actors(ORSA), translation, ISSUES))
    assert {"orsa penn", "orsa penn ly", "la ministra penn"} <= entries.folded["actor:orsa-penn"]


def test_entry_names_are_found_folded_as_whole_words_and_short_capitals_by_case() -> None:
    entries = pack_entries(packs(actors(ORSA, DEFENSE), ISSUES), {"defence": "defense"})
    find = entries.matcher().entries_in
    assert find("Talks with ORSA PENN-LY ended.") == {"actor:orsa-penn"}
    assert find("Orsa Penny spoke.") == set()
    assert find("the T.D.B. said") == {"actor:tarvik-defense"}
    assert find("a tdb report") == set()
    assert find("The Tarvik Defence Board met.") == {"actor:tarvik-defense"}  # British spelling
    assert entries.matcher(["actor:tarvik-defense"]).entries_in("Orsa Penn and the TDB") == {"actor:tarvik-defense"}


def test_world_lines_and_office_holders_are_entries_by_name() -> None:
    world = ("world_actors", {"entries": "Kessa Mining Corp|Kessa Mines|FIN BUS - -\nOld Name|-|NOR GOV - -"})
    holders = ("office_holders", {"holders": [{"name": "Ivo Strand", "held": ["NOR GOV 2019 - Minister"]}]})
    entries = pack_entries(packs(world, holders, ISSUES))
    assert {"kessa mining corp", "kessa mining", "kessa mines"} <= entries.folded["world:kessa mining corp"]
    assert entries.folded["holder:ivo strand"] == {"ivo strand"}
    edited = ("world_actors", {"entries": "Kessa Mining Corp|Kessa Mines|SWE BUS - -\nOld Name|-|NOR GOV - -"})
    assert pack_entries(packs(edited, holders, ISSUES)).changed(entries.digests) == {"world:kessa mining corp"}


def test_a_stored_result_reads_back_equal_to_what_the_stages_returned() -> None:
    analysis = Analysis(
        "doc-1",
        sentences=[(0, 40), (41, 90)],
        actors={"orsa-penn": Actor("orsa-penn", "Orsa Penn", "person", "NOR", "GOV", ["Orsa Penn", "Penn"])},
        mentions=[Mention("orsa-penn", "Orsa Penn", 0, 9)],
        places=[Place("Bergen", 20, 26, "NOR"), Place("Tromsø", 30, 36, None)],
        dates=[DateMention("in May", 12, 18, "2021-05", "month")],
        sentence_issues=[SentenceIssues(0, 40, ("fishing",), ("quotas",))],
        issues={"fishing": 0.75},
        subissues={"quotas": ("fishing", 0.5)},
        events=[Event("AGREE", ["orsa-penn"], [], "agreed", 10, 16, source_countries=["NOR"], issues=["trade"])],
        figures=[
            Figure(3.0, "3 ships", 50, 57, counted="ship"),
            Figure(12, "12-15 %", 60, 67, "percent", value_max=15.5),
        ],
        linkages=[Linkage(("fishing", "trade"), "exchange", "in exchange for", 70, 85)],
        published="2021-05-10",
        genre=Genre("news", 0.9, ["said"]),
        partisanship=0.125,
        frames=[FrameUse("economic", 0.4, None, [(0, 9, "Orsa Penn")])],
        stances=[Stance("doc-1", "orsa-penn", -0.25, [(0, 9, "Orsa Penn")])],
    )
    back = decode(encode(analysis))
    assert back == analysis
    assert isinstance(back.sentences[0], tuple) and isinstance(back.figures[1].value, int)


def test_a_stored_result_of_another_shape_is_a_value_error_not_a_key_error() -> None:
    stored = json.loads(zlib.decompress(encode(Analysis("doc-2"))))
    del stored["figures"]  # as if written by a version whose Analysis had no such field
    with pytest.raises(ValueError, match="another shape"):
        decode(zlib.compress(json.dumps(stored).encode()))


def test_a_document_analysed_before_results_were_stored_is_analysed_again(db: Any) -> None:
    from bilateral.store.analysis import pending_documents, save_analysis
    from bilateral.store.documents import save_article
    from tests.conftest import make_article

    for id in ("old", "new"):
        save_article(db, make_article(f"Norway and Iceland met about the {id} quota talks.", id=id))
    save_analysis(db, Analysis("new"), knowledge="k1", entries={"actor:orsa-penn"})
    db.execute("INSERT INTO analyses (document, knowledge, analysed_at) VALUES ('old', 'k1', '2026-01-01')")
    assert pending_documents(db, knowledge="k1") == ["old"]
    assert [r[0] for r in db.execute("SELECT entry FROM document_entries WHERE document = 'new'")] == [
        "actor:orsa-penn"
    ]
