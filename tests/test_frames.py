"""Framing: frames from the pack, per document and per issue, with evidence that is the article's own text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bilateral.compare.frames import frames, frames_from_packs
from bilateral.errors import KnowledgeError
from bilateral.knowledge import builtin_packs, load_packs
from bilateral.model import Analysis, SentenceIssues

TEXT = (
    "Asylum is now handled as a security question instead of a humanitarian duty. "
    "Tariffs on steel cost exporters a billion dollars. "
    "The weather was mild."
)


def _analysis(text: str) -> Analysis:
    spans = [(match.start(), match.end()) for match in re.finditer(r"\S[^.]*\.", text)]
    tagged = [SentenceIssues(spans[0][0], spans[0][1], ("migration",)), SentenceIssues(*spans[1], ("trade",))]
    return Analysis(document="d1", sentences=spans, sentence_issues=tagged, issues={"migration": 0.3, "trade": 0.3})


def test_pack_has_the_codebook_frames_plus_sovereignty_and_humanitarian() -> None:
    names = {frame.name for frame in frames_from_packs(builtin_packs())}
    assert len(names) == 16
    assert {"security_and_defence", "humanitarian", "sovereignty", "economic", "public_opinion"} <= names


def test_security_rather_than_humanitarian_carries_both_frames_with_evidence() -> None:
    analysis = _analysis(TEXT)
    uses = frames(TEXT, analysis)
    overall = {use.frame: use for use in uses if use.issue is None}
    assert {"security_and_defence", "humanitarian", "economic"} <= set(overall)
    for use in uses:
        assert use.evidence
        assert all(TEXT[start:end] == text for start, end, text in use.evidence)
    assert "weather" not in " ".join(text for use in uses for _, _, text in use.evidence)


def test_frames_per_issue_use_only_that_issue_sentences() -> None:
    uses = frames(TEXT, _analysis(TEXT))
    on_migration = {use.frame for use in uses if use.issue == "migration"}
    on_trade = {use.frame for use in uses if use.issue == "trade"}
    assert "humanitarian" in on_migration and "humanitarian" not in on_trade
    assert "economic" in on_trade


def test_no_sentences_no_frames() -> None:
    assert frames("", Analysis(document="empty")) == []


def test_user_pack_replaces_a_frame(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "pack: mine\nkind: frames\nframes:\n  humanitarian:\n    label: Humanitarian\n    terms: [weather]\n",
        encoding="utf-8",
    )
    uses = frames(TEXT, _analysis(TEXT), packs=load_packs([tmp_path]))
    evidence = [
        text for use in uses if use.frame == "humanitarian" and use.issue is None for _, _, text in use.evidence
    ]
    assert evidence == ["The weather was mild."]


def test_pack_without_terms_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("pack: bad\nkind: frames\nframes:\n  x: {label: X}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="terms"):
        frames_from_packs(load_packs([tmp_path]))


def test_sentences_may_be_given_directly() -> None:
    analysis = _analysis(TEXT)
    given = [(start, end, TEXT[start:end]) for start, end in analysis.sentences]
    assert frames(given, analysis) == frames(TEXT, analysis)
