"""Partisanship: the shipped model loads from the package, gives probabilities, and was good enough in CV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilateral.compare import partisan
from bilateral.compare.partisan import MODEL_PATH, load_model, partisanship, term_counts
from tests.conftest import eval_path, make_article


def test_model_ships_in_the_package_and_is_small() -> None:
    assert MODEL_PATH.exists()
    assert MODEL_PATH.stat().st_size < 4_000_000
    meta = json.loads(MODEL_PATH.with_suffix(".json").read_text(encoding="utf-8"))
    assert "SemEval-2019" in meta["training_data"] and "CC BY 4.0" in meta["training_data"]
    assert meta["cv_accuracy"] >= 0.80


def test_probability_is_between_zero_and_one_and_stable() -> None:
    article = make_article("The committee met on Tuesday and approved the budget.", title="Budget approved")
    probability = partisanship(article)
    assert 0.0 < probability < 1.0
    assert partisanship(article) == probability


def test_hashing_does_not_depend_on_the_process() -> None:
    # crc32 buckets: the same word always lands in the same place, unlike Python's salted hash()
    assert term_counts("border wall") == term_counts("Border WALL")
    assert len(term_counts("a b c")) == 3


def test_missing_model_says_how_to_train(tmp_path: Path) -> None:
    from bilateral.errors import BilateralError

    with pytest.raises(BilateralError, match="train_partisan"):
        partisan.load_model(tmp_path / "none.npz")


@pytest.mark.eval
def test_models_read_by_the_product_beat_the_majority_class_on_held_apart_folds(tmp_path: Path) -> None:
    """Three stratified folds of the training articles: each fold is scored by a model trained on the other two,
    written to disk and read back with `load_model` (what the product uses). Accuracy over the held-apart
    articles must clear the majority-class share (0.631) by 7 points; a constant, inverted or untrained model
    cannot."""
    from bilateral.compare.train_partisan import SEED, read_examples, stratified_folds, train, write_model

    examples = read_examples(eval_path("hyperpartisan", "train.jsonl"))
    labels = [example.label for example in examples]
    majority = max(sum(labels), len(labels) - sum(labels)) / len(labels)
    correct = 0
    for number, fold in enumerate(stratified_folds(labels, 3, SEED)):
        held = set(fold)
        trained = train([example for i, example in enumerate(examples) if i not in held])
        write_model(trained, tmp_path / f"fold{number}.npz")
        model = load_model(tmp_path / f"fold{number}.npz")
        test = [examples[i] for i in fold]
        probabilities = [model.probability(example.text, example.title) for example in test]
        assert probabilities == pytest.approx(trained.predict(test).tolist(), abs=1e-4)  # float32 on disk
        correct += sum((p >= 0.5) == bool(example.label) for p, example in zip(probabilities, test, strict=True))
    assert correct / len(examples) >= majority + 0.07, (correct / len(examples), majority)


@pytest.mark.eval
def test_same_data_and_seed_give_identical_model_bytes(tmp_path: Path) -> None:
    from bilateral.compare.train_partisan import read_examples, train, write_model

    examples = read_examples(eval_path("hyperpartisan", "train.jsonl"))[:80]
    write_model(train(examples, steps=50), tmp_path / "a.npz")
    write_model(train(examples, steps=50), tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    assert load_model(tmp_path / "a.npz").probability("A plain report.", None) == pytest.approx(
        load_model(tmp_path / "b.npz").probability("A plain report.", None)
    )


def test_pairs_and_character_grams_are_hashed_from_the_lower_cased_words() -> None:
    from bilateral.compare.partisan import character_counts, pair_counts

    assert pair_counts("Harbour TOLLS rise") == pair_counts("harbour tolls, rise")
    assert len(pair_counts("one two three")) == 2 and pair_counts("alone") == {}
    # "ab cd": 3-grams "ab ", "b c", " cd"; 4-grams "ab c", "b cd"; one 5-gram
    assert sum(character_counts("Ab CD").values()) == 6
    assert character_counts("ab") == {}


def test_style_and_sentiment_rates_have_their_names() -> None:
    from bilateral.compare.partisan import SENTIMENT_NAMES, STYLE_NAMES, features

    document = features('They "may" win, he said! What a wonderful, joyful day. A dreadful loss.', "A title?")
    style, sentiment = document.dense
    assert len(style) == len(STYLE_NAMES) and len(sentiment) == len(SENTIMENT_NAMES)
    assert style[0] > 0 and style[11] == 1.0  # an exclamation; a question in the title
    assert sentiment[5] > 0 and sentiment[6] > 0  # one clearly negative and one clearly positive sentence


def test_dual_descent_gives_the_coefficients_of_primal_descent() -> None:
    """fit_dual on the Gram matrix X·Xᵀ must follow gradient descent on w itself (w = Xᵀα)."""
    import numpy as np

    from bilateral.compare.train_partisan import fit_dual

    rng = np.random.default_rng(7)
    rows = rng.normal(size=(30, 6))
    labels = (rows[:, 0] + 0.5 * rng.normal(size=30) > 0).astype(float)
    l2, steps = 1e-2, 60
    alpha, bias = fit_dual(rows @ rows.T, labels, l2=l2, steps=steps)
    step = 1.0 / (0.25 * (float((rows**2).sum(axis=1).max()) + 1.0) + l2)
    weights, b = np.zeros(6), 0.0
    previous_w, previous_b = weights.copy(), b
    for t in range(1, steps + 1):
        momentum = (t - 1) / (t + 2)
        look_w, look_b = weights + momentum * (weights - previous_w), b + momentum * (b - previous_b)
        error = (1.0 / (1.0 + np.exp(-(rows @ look_w + look_b))) - labels) / len(labels)
        previous_w, previous_b = weights, b
        weights, b = look_w - step * (rows.T @ error + l2 * look_w), look_b - step * float(error.sum())
    assert rows.T @ alpha == pytest.approx(weights, abs=1e-9)
    assert bias == pytest.approx(b, abs=1e-9)
    assert weights[0] > 0  # it learned something: the first column decides the label


def test_folded_coefficients_score_as_the_dual_model() -> None:
    """A model trained on one fold, scored from the text of the other (what the product does), gives the
    probabilities the dual form gives inside cross-validation."""
    import numpy as np

    from bilateral.compare.train_partisan import (
        CANDIDATES,
        Example,
        block_grams,
        fit_scaling,
        fold_of,
        out_of_fold,
        train,
    )

    loud = [
        "Outrageous! The corrupt elites in Veldoria betrayed you again, and we will never forgive them!",
        "Wake up! Our freedom is under attack by the radical council, and they laugh at you!",
        "Disgraceful cowards in the assembly sold out every family in Tarnhold. Shameful!",
        "You must stop this tyranny now! The arrogant ministers think we are fools!",
        "A total betrayal! The liars in the capital want to destroy everything we love!",
        "Pathetic! They crushed honest workers and then dared to blame us for it!",
    ]
    plain = [
        "The port authority of Lisvane reported a 3 percent rise in container traffic in March.",
        "Officials from Orrin and Tarnhold met on Tuesday to discuss a shared water agreement.",
        "The central bank kept its main rate at 2.5 percent, according to a statement.",
        "The ministry said the new rail line would open to passengers next spring.",
        "A committee reviewed the budget proposal and scheduled a vote for next week.",
        "Rainfall in the northern province was close to the seasonal average, forecasters said.",
    ]
    examples = [Example("", text, 1, f"loud{n}") for n, text in enumerate(loud)]
    examples += [Example("", text, 0, f"plain{n}") for n, text in enumerate(plain)]
    scaling = fit_scaling(examples)
    grams = block_grams(examples, scaling)
    settings = CANDIDATES[-1]
    scores = out_of_fold(examples, grams, settings, 2, salt="test")
    folds = np.array([fold_of(example.id, 2, salt="test") for example in examples])
    for fold in (0, 1):
        kept = np.flatnonzero(folds != fold)
        trained = train(
            [examples[i] for i in kept], settings, scaling=scaling, grams=[g[np.ix_(kept, kept)] for g in grams]
        )
        held = [examples[i] for i in np.flatnonzero(folds == fold)]
        assert trained.predict(held) == pytest.approx(scores[folds == fold], abs=1e-6)  # float32 Gram chunks
    assert len(set(np.round(scores, 6))) > 1


def test_folds_come_from_the_article_id_alone() -> None:
    from bilateral.compare.train_partisan import fold_of

    ids = [f"hp-{n:07d}" for n in range(500)]
    folds = [fold_of(i, 5) for i in ids]
    assert folds == [fold_of(i, 5) for i in reversed(ids)][::-1]
    assert all(70 <= folds.count(k) <= 130 for k in range(5))
    assert [fold_of(i, 3, salt="inner") for i in ids[:20]] != [fold_of(i, 3) for i in ids[:20]]
