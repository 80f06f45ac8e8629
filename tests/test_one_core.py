"""Speed on one core without changing results: sentence embeddings asked only when the term vectors cannot settle
a threshold."""

from __future__ import annotations

import pytest

from bilateral.compare.similarity import cosine
from bilateral.compare.stories import Item, at_least


def _item(key: str, text: str, terms: dict[str, float]) -> Item:
    return Item("event", key, key.split(":")[0], 0, len(text), text, terms, type="CONSULT")


class _Counting:
    """A bounded closeness whose costly part adds a fixed amount and counts how often it is asked."""

    def __init__(self, bonus: float) -> None:
        self.bonus = bonus
        self.asked = 0

    def __call__(self, a: Item, b: Item) -> float:
        self.asked += 1
        return cosine(a.terms, b.terms) + self.bonus

    def reaches(self, a: Item, b: Item, threshold: float) -> bool:
        return cosine(a.terms, b.terms) >= threshold or self(a, b) >= threshold


@pytest.mark.parametrize("threshold", [0.0, 0.05, 0.3, 0.6, 0.95])
def test_at_least_answers_as_the_full_closeness_does(threshold: float) -> None:
    a = _item("a:e1", "Lima and Santiago talk fish.", {"lima": 0.8, "fish": 0.6})
    b = _item("b:e1", "Santiago and Lima discuss fisheries.", {"lima": 0.6, "fisheries": 0.8})
    bounded = _Counting(bonus=0.2)
    assert at_least(bounded)(a, b, threshold) == (bounded(a, b) >= threshold)
    # a plain function (no `reaches`) is asked in full
    assert at_least(lambda x, y: bounded(x, y))(a, b, threshold) == (bounded(a, b) >= threshold)


def test_a_pair_whose_terms_reach_the_threshold_is_not_encoded() -> None:
    from bilateral.compare.embeddings import closeness, load_model

    model = load_model()
    if model is None:
        pytest.skip("the embedding packages are not installed (make test installs them)")
    a = _item("a:e1", "Oslo and Copenhagen resumed their ferry talks.", {"oslo": 0.6, "ferry": 0.8})
    b = _item("b:e1", "Ferry talks between Oslo and Copenhagen resumed.", {"oslo": 0.6, "ferry": 0.8})
    c = _item("c:e1", "A storm closed the harbour for a week.", {"storm": 0.7, "harbour": 0.7})
    close = closeness([a, b, c], model)
    assert close.reaches(a, b, 0.3) and not close.embedded  # terms alone settle it
    assert close.reaches(a, c, 0.3) == (close(a, c) >= 0.3)
    assert set(close.embedded) == {a.evidence, c.evidence}
    assert close(a, b) >= cosine(a.terms, b.terms)
