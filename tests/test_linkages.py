"""Issue linkages on hand-written sentences (real spaCy model), the cue pack loader, and the seed gold target."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilateral.annotate.nlp import load_nlp
from bilateral.errors import KnowledgeError
from bilateral.extract.linkages import LinkageCues, extract_linkages, load_linkage_cues
from bilateral.knowledge import builtin_packs, load_packs
from bilateral.model import Analysis, Linkage
from tests.conftest import eval_path


@pytest.fixture(scope="module")
def cues() -> LinkageCues:
    return load_linkage_cues(builtin_packs())


def linkages_of(text: str, cues: LinkageCues) -> list[Linkage]:
    return extract_linkages(load_nlp()(text), Analysis(document="d"), cues=cues)


def test_pack_loads_cues_and_issue_terms(cues: LinkageCues) -> None:
    relations = {cue.relation for cue in cues.cues}
    assert {"leverage", "exchange", "condition", "conflict", "framing", "instrument"} <= relations
    assert {"migration", "trade", "energy", "security", "health"} <= set(cues.issues)


def test_bad_cue_pattern_is_a_knowledge_error(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("pack: bad\nkind: linkages\ncues:\n  - {relation: x, pattern: '(unclosed'}\n")
    with pytest.raises(KnowledgeError):
        load_linkage_cues(load_packs([tmp_path]))


CASES = [
    ("The president threatened tariffs unless Mexico curbed migration.", ("trade", "migration"), "leverage"),
    ("The oil contracts were tied to the refugee agreement.", ("energy", "migration"), "exchange"),
    ("Mexico stepped up migrant enforcement in exchange for lower tariffs.", ("migration", "trade"), "exchange"),
    ("Ottawa says the new electricity rules violate the trade agreement.", ("energy", "trade"), "conflict"),
    ("In the ministry's plan, asylum is positioned as a military threat.", ("migration", "security"), "framing"),
    ("Drug addiction is increasingly treated as a health problem.", ("security", "health"), "framing"),
    ("Soldiers were deployed to stop migrants crossing the river.", ("security", "migration"), "instrument"),
    ("Police units were sent to block refugees at the bridge.", ("security", "migration"), "instrument"),
    ("The agency exists to guarantee clean water for farms and migrants.", None, None),
    ("Aid will flow provided that corruption is prosecuted.", None, None),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "issues", "relation"), CASES)
def test_linkage_sentences(text: str, issues: tuple[str, str] | None, relation: str | None, cues: LinkageCues) -> None:
    found = linkages_of(text, cues)
    if issues is None:
        assert all(link.relation == "condition" for link in found)
        return
    assert [(link.issues, link.relation) for link in found] == [(issues, relation)]
    assert found[0].evidence == text


@pytest.mark.model
def test_no_cue_no_linkage(cues: LinkageCues) -> None:
    assert linkages_of("Trade grew while migration fell and vaccines arrived.", cues) == []


@pytest.mark.model
def test_conflict_needs_a_commitment(cues: LinkageCues) -> None:
    text = "The sheriff violated court orders to stop detaining undocumented immigrants and drug suspects."
    assert linkages_of(text, cues) == []


@pytest.mark.model
def test_conflict_looks_back_for_the_policy(cues: LinkageCues) -> None:
    text = "The power sector law favours the state oil company. Investors cite violations of the USMCA."
    found = linkages_of(text, cues)
    assert [(link.issues, link.relation) for link in found] == [(("energy", "trade"), "conflict")]
    assert found[0].evidence == text and text[found[0].start : found[0].end] == found[0].evidence


@pytest.mark.model
@pytest.mark.eval
def test_seed_gold_linkages_found() -> None:
    eval_path("seeds_dev_gold.yaml")
    from benchmarks.seeds_figures import main

    assert float(main()["seeds: gold linkages found %"]) >= 75
