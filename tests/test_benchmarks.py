"""Benchmark machinery: `benchmarks/run.py` (a missing or unknown module stops the run before anything is measured,
every listed module says whether its data was tuned on, split metrics are shown side by side) and the story and
conflict judgements of `benchmarks/stories.py`, the shares of `benchmarks/judged_events.py`."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import judged_events, run
from benchmarks.stories import exact_matches, judge_conflicts


def test_every_listed_module_exists_and_says_whether_its_data_was_tuned_on() -> None:
    for name in run.MODULES:
        module = run.load(name)
        assert callable(module.main) and module.TUNED.strip() == module.TUNED != ""


def test_an_unknown_module_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert run.main(["no_such_benchmark"]) == 2
    assert "'no_such_benchmark' is not a benchmark module" in capsys.readouterr().err


def test_a_listed_module_without_its_file_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(run, "MODULES", (*run.MODULES, "ghost_benchmark"))
    assert run.main(["seeds_actors", "ghost_benchmark"]) == 2
    assert "benchmarks/ghost_benchmark.py is missing" in capsys.readouterr().err


def test_split_values_are_shown_side_by_side_and_must_name_both_parts() -> None:
    assert run.shown({"tuned": 0.91, "untouched": 0.5}) == "tuned 0.91 · untouched 0.5"
    assert run.shown(1234.5) == "1,234.5" and run.shown(3) == "3"
    with pytest.raises(run.BenchmarkError, match="split metric"):
        run.shown({"tuned": 0.9})


def test_the_table_has_a_data_column() -> None:
    text = run.table({"stories": {"a": 1, "b": {"tuned": 1.0, "untouched": 0.25}}}, {"stories": "seeds: tuned"}, "d")
    assert "| benchmark | data | metric | value |" in text
    assert "| stories | seeds: tuned | b | tuned 1 · untouched 0.25 |" in text


def test_a_story_counts_for_one_gold_story_with_exactly_its_documents() -> None:
    gold = [{"docs": ["1", "2"]}, {"docs": ["1", "2"]}, {"docs": ["2", "3"]}]
    assert exact_matches(gold, [{"1", "2", "3"}]) == 0  # holding every document is not grouping a story
    assert exact_matches(gold, [{"1", "2"}, {"2", "3"}]) == 2
    assert exact_matches(gold, [{"1", "2"}, {"1", "2"}, {"2", "3"}]) == 3


def test_flagged_conflicts_are_judged_by_what_each_value_counts() -> None:
    def conflict(*values: float, relation: str = "conflict") -> dict[str, object]:
        return {"relation": relation, "sides": [{"value": value} for value in values]}

    comparisons = [
        conflict(2.5e6, 2.7e6),  # doses against doses: right
        conflict(70_000, 25_000),  # returned asylum seekers against troops: wrong
        conflict(1e6, 2.7e6),  # a value the README does not list: not judged
        conflict(3e9, 3.3e9, relation="agree"),  # not flagged: not counted
    ]
    assert judge_conflicts(comparisons) == (1, 1, 1)


def _judged(path: Path, verdicts: list[tuple[str, str]]) -> Path:
    lines = ["\t".join(judged_events.COLUMNS)]
    for i, (kind, source) in enumerate(verdicts):
        drawn = ["set", f"doc{i}.txt", str(10 * i), str(10 * i + 9), "SANCTION", "", "occurred", "FRA", "", "", ""]
        lines.append("\t".join([*drawn, kind, source, "own words"]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_judged_shares_count_type_source_and_both(tmp_path: Path) -> None:
    path = _judged(tmp_path / "j.tsv", [("yes", "yes"), ("yes", "no"), ("no", "yes"), ("no", "no"), ("", "")])
    assert judged_events.shares(path) == {"judged": 4, "type": 0.5, "source": 0.5, "both": 0.25}


def test_judged_shares_refuse_other_answers_and_an_unjudged_sample(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="yes/no"):
        judged_events.shares(_judged(tmp_path / "a.tsv", [("yes", "y")]))
    with pytest.raises(ValueError, match="no event is judged"):
        judged_events.shares(_judged(tmp_path / "b.tsv", [("", "")]))


def test_samples_pooled_count_an_event_drawn_twice_once_with_the_later_verdict(tmp_path: Path) -> None:
    first = _judged(tmp_path / "first.tsv", [("no", "no"), ("yes", "yes")])
    later = _judged(tmp_path / "later.tsv", [("yes", "yes")])  # the same event as the first row of `first`
    assert judged_events.pooled((first, later)) == {"judged": 2, "type": 1.0, "source": 1.0, "both": 1.0}
    assert judged_events.pooled((later, first)) == {"judged": 2, "type": 0.5, "source": 0.5, "both": 0.5}


@pytest.mark.parametrize("path", [judged_events.OUT, judged_events.EARLIER])
def test_the_committed_sample_is_judged_and_holds_no_text(path: Path) -> None:
    rows = judged_events.read(path)
    assert len(rows) == judged_events.SAMPLE
    assert all(r["type_right"] in judged_events.ANSWERS and r["source_right"] in judged_events.ANSWERS for r in rows)
    assert all(r["start"].isdigit() and r["end"].isdigit() and len(r["reason"].split()) <= 12 for r in rows)


def test_the_committed_reasons_copy_no_run_of_four_words_from_the_dyad_articles() -> None:
    dyads = judged_events.DYADS
    if not dyads.exists():
        pytest.skip(f"{dyads} is absent (../shared/eval beside the project)")
    for row in [*judged_events.read(), *judged_events.read(judged_events.EARLIER)]:
        article = dyads / row["set"] / "docs" / row["document"]
        if not article.exists():
            continue  # the example corpus: its captures are the project's own
        text = " ".join(article.read_text(encoding="utf-8").lower().split())
        words = row["reason"].lower().replace(",", " ").replace(";", " ").split()
        copied = [" ".join(words[i : i + 4]) for i in range(len(words) - 3) if " ".join(words[i : i + 4]) in text]
        assert not copied, (row["document"], copied)
