"""Benchmark machinery: `benchmarks/run.py` (a missing or unknown module stops the run before anything is measured,
every listed module says whether its data was tuned on, split metrics are shown side by side) and the story and
conflict judgements of `benchmarks/stories.py`."""

from __future__ import annotations

import pytest

from benchmarks import run
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
